"""Offline English↔French translation through installed Argos packages.

Drives CTranslate2 and SentencePiece directly (argostranslate.translate would import
stanza): the sentences of one text go to the model in one batch, output length is
capped relative to the input, and loaded models and recent results are kept in
memory. Sentences are split by the package's MiniSBD model when it ships one,
otherwise by :mod:`translation.splitter`. Never touches the network.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import TandemError
from desktop.core.text import check

from . import packages
from .splitter import Span, cut_long, split_spans

#: Longest sentence handed to the model in one piece, in characters.
MAX_SENTENCE_CHARS = 400
#: Translated sentences each loaded model remembers (live suggestions re-send a
#: growing text; only its new or changed sentences go to the model).
SENTENCE_CACHE_SIZE = 4096
#: CTranslate2 never generates more than this many tokens for one sentence.
MAX_DECODING_TOKENS = 256

#: Short texts translated by :meth:`Translator.warm_up` to page the model in.
_WARM_UP_TEXT = {"en": "Hello. Thank you.", "fr": "Bonjour. Merci."}


class TranslationError(TandemError):
    """A text cannot be translated (no model, unsupported pair, broken package)."""


class NothingToTranslate(TranslationError):
    """The text is empty or only whitespace."""


@dataclass(frozen=True)
class Segment:
    """One source sentence and its translation, as character spans of both texts."""

    source_start: int
    source_end: int
    target_start: int
    target_end: int


@dataclass(frozen=True)
class Translation:
    """A machine translation and where it came from (for provenance)."""

    text: str
    source_lang: str
    target_lang: str
    model: str
    model_version: str
    segments: tuple[Segment, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def decoding_limit(token_counts: list[int]) -> int:
    """Max output tokens for a batch: twice the longest input plus 10, at most 256."""
    return min(MAX_DECODING_TOKENS, 2 * max(token_counts) + 10)


class _LoadedModel:
    """A package's tokenizer, model and sentence splitter, ready to translate."""

    def __init__(self, package: packages.InstalledPackage, compute_type: str, intra_threads: int):
        import ctranslate2
        import sentencepiece

        self.package = package
        self.identity = _identity(package.path)
        try:
            self.tokenizer = sentencepiece.SentencePieceProcessor(
                model_file=str(package.path / "sentencepiece.model"))
            self.model = ctranslate2.Translator(
                str(package.path / "model"), device="cpu", compute_type=compute_type,
                inter_threads=1, intra_threads=intra_threads)
        except Exception as exc:  # CTranslate2 raises Index/Runtime/Value errors
            raise TranslationError(f"Model package {package.name} cannot be loaded: {exc}",
                                   msg="engine.cannot_load", package=package.name, reason=str(exc)) from exc
        self.prefix = [package.target_prefix] if package.target_prefix else []
        self.sentence_detector = self._load_sentence_detector()
        # Sentence → translation, so live suggestions while typing only send the
        # sentences that changed to the model.
        self._sentences: OrderedDict[tuple[int, int, str], str] = OrderedDict()
        self._sentences_lock = threading.Lock()

    def _load_sentence_detector(self):
        path = self.package.sentence_model()
        if path is None:
            return None  # never let minisbd look for (and download) a model itself
        from minisbd import SBDetect

        try:
            return SBDetect(str(path.resolve()), use_gpu=False, max_threads=1)
        except Exception:  # noqa: BLE001 - any unusable ONNX file: fall back to rules
            return None

    def is_current(self) -> bool:
        """False once the package folder was removed or replaced on disk."""
        return _identity(self.package.path) == self.identity

    def split(self, text: str) -> list[Span]:
        if self.sentence_detector is not None:
            spans = self._minisbd_spans(text)
            if spans is not None:
                return spans
        return split_spans(text, MAX_SENTENCE_CHARS)

    def _minisbd_spans(self, text: str) -> list[Span] | None:
        """MiniSBD's sentences mapped back to spans of ``text``; None if it fails."""
        try:
            sentences = self.sentence_detector.sentences(text)
        except Exception:  # noqa: BLE001 - a splitter failure must not stop translation
            return None
        spans: list[Span] = []
        cursor = 0
        for sentence in sentences:
            sentence = sentence.strip()
            if not sentence:
                continue
            start = text.find(sentence, cursor)
            if start < 0:
                return None
            cursor = start + len(sentence)
            spans.extend(cut_long(text, start, cursor, MAX_SENTENCE_CHARS))
        return spans

    def translate(self, text: str, beam_size: int) -> Translation:
        spans = self.split(text)
        sentences = self._translate_sentences([text[a:b] for a, b in spans], beam_size)
        pieces: list[str] = []
        segments: list[Segment] = []
        out_len = 0
        previous_end = 0
        for (start, end), sentence in zip(spans, sentences, strict=True):
            gap = text[previous_end:start]
            pieces += [gap, sentence]
            target_start = out_len + len(gap)
            out_len = target_start + len(sentence)
            segments.append(Segment(start, end, target_start, out_len))
            previous_end = end
        pieces.append(text[previous_end:])
        return Translation(
            text="".join(pieces),
            source_lang=self.package.from_code,
            target_lang=self.package.to_code,
            model=self.package.name,
            model_version=self.package.version,
            segments=tuple(segments),
        )


    def _translate_sentences(self, sources: list[str], beam_size: int) -> list[str]:
        """Each source sentence translated; only sentences not seen before reach the
        model, together in one batch.

        The decoding cap is the whole text's (its longest sentence), and it is part
        of the cache key, so a sentence's translation never depends on which of its
        neighbours were already cached.
        """
        tokens = [self.tokenizer.encode(source, out_type=str) for source in sources]
        limit = decoding_limit([len(t) for t in tokens]) + len(self.prefix)
        keys = [(beam_size, limit, source) for source in sources]
        with self._sentences_lock:
            found = [self._sentences.get(key) for key in keys]
        missing = {key: piece for key, piece, hit in zip(keys, tokens, found, strict=True) if hit is None}
        fresh: dict[tuple[int, int, str], str] = {}
        if missing:
            results = self.model.translate_batch(
                list(missing.values()),
                target_prefix=[self.prefix] * len(missing) if self.prefix else None,
                beam_size=beam_size,
                max_decoding_length=limit,
                length_penalty=0.2,
                replace_unknowns=True,
            )
            for key, result in zip(missing, results, strict=True):
                hypothesis = result.hypotheses[0]
                if self.prefix and hypothesis[:1] == self.prefix:
                    hypothesis = hypothesis[1:]
                fresh[key] = self.tokenizer.decode_pieces(hypothesis).strip()
            with self._sentences_lock:
                for key, target in fresh.items():
                    self._sentences[key] = target
                    self._sentences.move_to_end(key)
                while len(self._sentences) > SENTENCE_CACHE_SIZE:
                    self._sentences.popitem(last=False)
        return [hit if hit is not None else fresh[key] for key, hit in zip(keys, found, strict=True)]


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns)


class Translator:
    """Thread-safe EN↔FR translator: one loaded model per pair, an LRU of recent results.

    Create one per process and share it; the UI calls :meth:`warm_up` from a
    background thread at start-up and :meth:`translate` for suggestions.
    """

    def __init__(
        self,
        packages_dir: Path | None = None,
        *,
        beam_size: int = 4,
        intra_threads: int = 1,
        compute_type: str = "auto",
        cache_size: int = 256,
    ):
        self._packages_dir = packages_dir
        self.beam_size = beam_size
        self._intra_threads = intra_threads
        self._compute_type = compute_type
        self._cache_size = cache_size
        self._models: dict[tuple[str, str], _LoadedModel] = {}
        self._results: OrderedDict[tuple, Translation] = OrderedDict()
        self._load_lock = threading.Lock()
        self._cache_lock = threading.Lock()

    def available_pairs(self) -> list[tuple[str, str]]:
        """Pairs with a usable installed package."""
        folder = self._packages_dir or packages.packages_dir()
        return sorted({p.pair for p in packages.installed(folder) if p.loadable})

    def refresh(self) -> None:
        """Forget loaded models and cached results (after installing or removing packages)."""
        with self._load_lock:
            self._models.clear()
        with self._cache_lock:
            self._results.clear()

    def _model(self, source: str, target: str) -> _LoadedModel:
        if source == target or not {source, target} <= packages.LANGUAGES:
            raise TranslationError(
                f"Tandem translates between English and French only (en→fr, fr→en), "
                f"not {source}→{target}.", msg="engine.pair_unsupported", source=source, target=target)
        with self._load_lock:
            loaded = self._models.get((source, target))
            if loaded is not None and loaded.is_current():
                return loaded
            package = packages.best_for(source, target, self._packages_dir or packages.packages_dir())
            if package is None:
                raise TranslationError(
                    f"No {source}→{target} translation model is installed. "
                    f"Install one with: tandem models install FILE",
                    msg="engine.no_model", source=source, target=target)
            loaded = _LoadedModel(package, self._compute_type, self._intra_threads)
            self._models[(source, target)] = loaded
            return loaded

    def translate(self, text: str, source: str, target: str) -> Translation:
        """Translate ``text`` from ``source`` to ``target`` ("en"/"fr").

        Raises InvalidText (over 50,000 characters, control characters),
        NothingToTranslate (blank) or TranslationError (pair, missing model).
        Text in neither language is translated anyway (the result is the model's guess).
        """
        text = check(text, what="Text to translate")
        if not text.strip():
            raise NothingToTranslate("There is nothing to translate: the text is empty.", msg="engine.empty_text")
        loaded = self._model(source, target)
        key = (loaded.package.path, loaded.identity, self.beam_size, text)
        with self._cache_lock:
            hit = self._results.get(key)
            if hit is not None:
                self._results.move_to_end(key)
                return hit
        result = loaded.translate(text, self.beam_size)
        with self._cache_lock:
            self._results[key] = result
            while len(self._results) > self._cache_size:
                self._results.popitem(last=False)
        return result

    def warm_up(self) -> dict[tuple[str, str], str | None]:
        """Load every installed pair and translate a short text, so the first real
        suggestion is fast. Returns each EN/FR pair with None (ready) or why it is not.
        """
        report: dict[tuple[str, str], str | None] = {}
        for source, target in (("en", "fr"), ("fr", "en")):
            try:
                self._model(source, target).translate(_WARM_UP_TEXT[source], self.beam_size)
                report[(source, target)] = None
            except TandemError as exc:
                report[(source, target)] = str(exc)
        return report
