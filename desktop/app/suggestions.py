"""Suggestion service: suggestions recorded as versions, memory, terms, mappings and QA.

`SuggestionService` builds a `translation.suggest.Suggester` from what the
store holds and one shared `Translator`, records a suggestion as the next
version of a post (origin machine or memory, with provenance spans), keeps
the translation resources (TMX, TBX/TSV, mapping CSV import and export,
each file's format chosen by `translation.formats`) and
runs QA between a post's two versions.

**Memory from official pairs.** Every English/French pair that was official
at the same time becomes memory (origin ``approved``, source reference
``post:<id>``). It is *derived*, not copied: the store's `official_pairs()`
query reads the append-only versions and sign-offs, and the memory is built
from those pairs plus the imported units of ``tm_units``. No hook in the
review service is needed, nothing can drift from the record, and a pair stays
in memory after later edits (it was an official translation). The built
memory, termbase and mapping table are cached and rebuilt when the store's
`translation_marker()` (last sign-off id, row counts and last ids) changes,
so an import in the CLI or a sign-off in another window is seen on the next
suggestion.

**Threads.** `suggester()` reads the store (call it where store reads run);
the `Suggester` it returns is an immutable snapshot whose ``suggest`` never
touches the store and is safe on a translation worker thread.
`suggest_text()` does both, for callers that do not care.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translation import formats
from translation import qa as qa_checks
from translation.engine import NothingToTranslate, Translator
from translation.formats import MAPPINGS, MEMORY, TERMBASE, Skip
from translation.mappings import Mapping, MappingKind, MappingTable, mapping_kind, url_key
from translation.memory import ORIGIN_APPROVED, MemoryMatch, MemoryUnit, TranslationMemory
from translation.suggest import Suggester, Suggestion
from translation.terms import Term, Termbase

from desktop.core.errors import InvalidText, NotFound, TransitionError
from desktop.core.messages import Message
from desktop.core.model import LANG_NAMES, Lang, Origin, Span, Version
from desktop.core.posts import ANY_BASE, PostService
from desktop.core.provenance import machine_share
from desktop.core.roles import Role, RoleService
from desktop.core.store_translation import TERM_COLUMNS, TranslationRepository

#: Who may change the shared memory, termbase and mappings.
EDITOR_ROLES = (Role.TRANSLATOR.value, Role.ADMIN.value)


@dataclass(frozen=True)
class PostSuggestion:
    """A suggestion recorded as a version, the version it was made from and the one it replaced.

    ``created`` is False when the latest version already was this suggestion
    (same text and provenance): nothing was written, so nothing was withdrawn.
    """

    version: Version
    source_version: Version
    replaced: Version | None
    suggestion: Suggestion
    created: bool = True


@dataclass(frozen=True)
class ImportResult:
    """What an import read, added and left out (each skip: 1-based line and reason)."""

    file: str
    read: int
    added: int
    skipped: tuple[Skip, ...]

    @property
    def duplicates(self) -> int:
        """Records read that the store already had."""
        return self.read - self.added


@dataclass(frozen=True)
class QaReport:
    """QA findings between the latest English and French versions of a post."""

    post_id: int
    en: Version
    fr: Version
    source_lang: Lang
    findings: tuple[qa_checks.Finding, ...]


def _mapping_key(kind: MappingKind) -> Callable[[str], str]:
    """How handles and hashtags (case-insensitively) or addresses (`url_key`) compare."""
    return url_key if kind is MappingKind.URL else str.casefold


def _provenance(text: str, spans: tuple[Span, ...]) -> tuple:
    """A text with its spans, details included (`Span` equality leaves them out)."""
    return text, tuple((s.start, s.end, s.origin, s.detail) for s in spans)


def finding_dict(finding: qa_checks.Finding) -> dict:
    """A QA finding as plain data (what a sign-off stores and `tandem qa --json` prints)."""
    fix = finding.fix
    return {"check": finding.check, "severity": finding.severity,
            "message_en": finding.message_en, "message_fr": finding.message_fr,
            "span_en": list(finding.span_en) if finding.span_en else None,
            "span_fr": list(finding.span_fr) if finding.span_fr else None,
            "fix": {"lang": fix.lang.value, "start": fix.start, "end": fix.end,
                    "replacement": fix.replacement} if fix else None}


def pair_qa(en: str, fr: str) -> list[dict]:
    """Tandem's built-in QA rules between the two versions, as plain dicts.

    `SuggestionService.pair_qa` adds the store's hashtag/handle mappings and termbase.
    """
    return [finding_dict(f) for f in qa_checks.check_pair(en, fr)]


class SuggestionService:
    """Suggestions for posts, the shared translation resources and QA (module docstring)."""

    def __init__(self, repo: TranslationRepository, posts: PostService, roles: RoleService,
                 user: str, translator: Translator | None = None):
        self.repo = repo
        self.posts = posts
        self.roles = roles
        self.user = user
        self.translator = translator if translator is not None else Translator()
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[tuple, Any]] = {}
        self._builders: dict[str, Callable[[], Any]] = {
            "memory": self._build_memory,
            "terms": lambda: Termbase(self._stored_terms()),
            "mappings": lambda: MappingTable(self._stored_mappings())}

    # -- snapshots of the store's resources ----------------------------------------
    def _snapshot(self, area: str, marker: dict[str, tuple] | None = None) -> Any:
        """The cached memory, termbase or mapping table, rebuilt when ``area`` changed."""
        current = (marker or self.repo.translation_marker())[area]
        with self._lock:
            cached = self._cache.get(area)
            if cached is None or cached[0] != current:
                cached = (current, self._builders[area]())
                self._cache[area] = cached
            return cached[1]

    def memory(self) -> TranslationMemory:
        """Official post pairs and imported units."""
        return self._snapshot("memory")

    def termbase(self) -> Termbase:
        return self._snapshot("terms")

    def mapping_table(self) -> MappingTable:
        return self._snapshot("mappings")

    def suggester(self) -> Suggester:
        """A snapshot of the current memory, termbase and mappings with the shared translator."""
        marker = self.repo.translation_marker()
        return Suggester(self.translator, *(self._snapshot(area, marker)
                                            for area in ("memory", "terms", "mappings")))

    def _build_memory(self) -> TranslationMemory:
        def unit(row: dict, origin: str, source_ref: str, created_at: str) -> MemoryUnit:
            first = Lang(row["source_lang"])
            return MemoryUnit(first, row[first.value], first.other, row[first.other.value],
                              origin, source_ref, created_at, row.get("en_tag", ""), row.get("fr_tag", ""),
                              row.get("meta", ""))

        units = [unit(r, r["origin"], r["source_ref"], r["created_at"])
                 for r in self.repo.tm_units()]
        units += [unit(p, ORIGIN_APPROVED, f"post:{p['post_id']}", p["official_at"])
                  for p in self.repo.official_pairs()]
        return TranslationMemory(units)

    def _stored_terms(self) -> list[Term]:
        return [Term(**{c: row[c] for c in TERM_COLUMNS}) for row in self.repo.terms()]

    def _stored_mappings(self) -> list[Mapping]:
        return [Mapping(r["kind"], r["en"], r["fr"], r["note"]) for r in self.repo.mappings()]

    # -- suggestions -----------------------------------------------------------------
    def suggest_text(self, text: str, source: Lang | str, target: Lang | str) -> Suggestion:
        """The suggestion for ``text`` (nothing is recorded): the live suggestion while typing."""
        return self.suggester().suggest(text, source, target)

    def suggest_for_post(self, post_id: int, to_lang: Lang | str) -> PostSuggestion:
        """Suggest ``to_lang`` from the post's latest other-language version and record it."""
        to_lang = Lang(to_lang)
        self.repo.get_post(post_id)
        source = self.repo.latest_version(post_id, to_lang.other)
        if source is None or not source.text.strip():
            raise NothingToTranslate(
                f"Post {post_id} has no {LANG_NAMES[to_lang.other]} text to translate into "
                f"{LANG_NAMES[to_lang]}; write it first.", msg="suggest.no_source", post=post_id,
                lang=to_lang.other.value)
        return self.apply(post_id, self.suggest_text(source.text, to_lang.other, to_lang))

    def apply(self, post_id: int, suggestion: Suggestion,
              base: int | None | object = ANY_BASE) -> PostSuggestion:
        """Record ``suggestion`` (e.g. after `Suggestion.choose`) as the next target version.

        Refused if the source language's latest text is no longer the text the
        suggestion was made from; a no-op if the latest target version already is it.
        ``base`` as for `PostService.edit`: the target version the screen started from
        (refused with `VersionConflict` if someone saved another one since).
        """
        source_lang, target = suggestion.source_lang, suggestion.target_lang
        source = self.repo.latest_version(post_id, source_lang)
        if source is None or source.text != suggestion.source:
            raise TransitionError(
                f"The {LANG_NAMES[source_lang]} text of post {post_id} changed since this "
                "suggestion was made; ask for a new suggestion.", msg="suggest.stale",
                post=post_id, lang=Lang(source_lang).value)
        if self.posts.hooks:
            self.posts.hooks.check_write("post.edit", post_id)  # a refusal is audited on its own
        replaced = self.repo.latest_version(post_id, target)
        if replaced is not None and _provenance(replaced.text, replaced.spans) == _provenance(
                suggestion.text, suggestion.spans):
            return PostSuggestion(replaced, source, None, suggestion, created=False)
        with self.repo.transaction():
            version = self.posts.edit(post_id, target, suggestion.text, origin=suggestion.origin,
                                      spans=suggestion.spans, base=base)
            self.repo.append_audit(self.user, "translation.suggest", post_id, {
                "lang": target.value, "version_id": version.id, "sha256": version.sha256,
                "source_version_id": source.id, "source_sha256": source.sha256,
                "origin": suggestion.origin.value, "models": list(suggestion.models),
                "memory": [p.detail for p in suggestion.parts if p.origin is Origin.MEMORY],
                "machine_share": round(machine_share(version.text, version.spans), 4),
                "corrections": len(suggestion.corrections), "flags": len(suggestion.flags)})
        return PostSuggestion(version, source, replaced, suggestion)

    # -- translation memory ----------------------------------------------------------
    def lookup(self, text: str, source: Lang | str, target: Lang | str | None = None, *,
               threshold: float | None = None, limit: int = 5) -> list[MemoryMatch]:
        options = {} if threshold is None else {"threshold": threshold}
        return self.memory().lookup(text, source, target, limit=limit, **options)

    def import_tmx(self, path: str | Path) -> ImportResult:
        """Add a TMX file's units (pairs already stored are skipped; nothing is written
        if the file cannot be read at all)."""
        self._require_editor("memory.import", "import translation memory")
        report = formats.for_path(path, MEMORY).load(path)
        rows = [{"source_lang": u.source_lang.value, "en": u.text(Lang.EN), "fr": u.text(Lang.FR),
                 "origin": u.origin, "source_ref": u.source_ref, "created_at": u.created_at,
                 "en_tag": u.en_tag, "fr_tag": u.fr_tag, "meta": u.meta}
                for u in report.records]
        return self._record_import("memory.import", path, len(rows), report.skipped,
                                   lambda: self.repo.add_tm_units(rows, self.user))

    def export_tmx(self) -> bytes:
        """The whole memory (official pairs and imported units) as a TMX document."""
        return formats.TMX.dump(self.memory())

    # -- termbase -------------------------------------------------------------------
    def import_terms(self, path: str | Path) -> ImportResult:
        """Add the terms of a ``.tbx`` or ``.tsv`` file (pairs already stored are skipped)."""
        self._require_editor("terms.import", "import terms")
        report = formats.for_path(path, TERMBASE).load(path)
        rows = [{c: getattr(t, c) for c in TERM_COLUMNS} for t in report.records]
        return self._record_import("terms.import", path, len(rows), report.skipped,
                                   lambda: self.repo.add_terms(rows, self.user))

    def export_terms(self, fmt: str = "tbx", *, tbx_version: int = 3) -> bytes:
        """Every stored term as TBX (default; version 3 or 2) or TSV (``fmt``: a termbase format's name)."""
        if fmt.lower() == "tbx":
            return formats.TBX.dump(self._stored_terms(), version=tbx_version)
        return formats.named(fmt, TERMBASE).dump(self._stored_terms())

    # -- mappings -------------------------------------------------------------------
    def add_mapping(self, kind: str, en: str, fr: str, note: str = "") -> Mapping:
        self._require_editor("mappings.add", "change the handle/hashtag/address mappings")
        mapping = Mapping(mapping_kind(kind), en, fr, note)
        if not MappingTable(self._stored_mappings()).add(mapping):
            raise InvalidText(f"{mapping.en} or {mapping.fr} is already mapped; remove that pair "
                              "first.", msg="mappings.taken", en=mapping.en, fr=mapping.fr)
        row = self._mapping_row(mapping)
        with self.repo.transaction():
            self.repo.add_mappings([row], self.user)
            self.repo.append_audit(self.user, "mappings.add", None, row)
        return mapping

    def remove_mapping(self, kind: str, text: str) -> Mapping:
        """Remove the pair of ``kind`` that has ``text`` in either language."""
        self._require_editor("mappings.remove", "change the handle/hashtag/address mappings")
        wanted = Mapping(mapping_kind(kind), text, text)
        key = _mapping_key(wanted.kind)
        for row in self.repo.mappings():
            if row["kind"] == wanted.kind.value and key(wanted.en) in (key(row["en"]),
                                                                       key(row["fr"])):
                with self.repo.transaction():
                    self.repo.remove_mapping(row["id"])
                    self.repo.append_audit(self.user, "mappings.remove", None,
                                           {c: row[c] for c in ("kind", "en", "fr", "note")})
                return Mapping(row["kind"], row["en"], row["fr"], row["note"])
        raise NotFound(f"No {wanted.kind.value} mapping has {wanted.en}.", msg="mappings.unknown",
                       en=wanted.en)

    def import_mappings(self, path: str | Path) -> ImportResult:
        """Add a mapping CSV's pairs. A pair already stored counts as a duplicate; one whose
        handle, hashtag or address is mapped to something else is skipped with the reason."""
        self._require_editor("mappings.import", "change the handle/hashtag/address mappings")
        report = formats.for_path(path, MAPPINGS).load(path)
        table = MappingTable(self._stored_mappings())
        skipped = list(report.skipped)
        rows, conflicts = [], 0
        for mapping in report.records:
            key = _mapping_key(mapping.kind)
            if table.add(mapping):
                rows.append(self._mapping_row(mapping))
            elif key(table.counterpart(mapping.kind, mapping.en, Lang.EN, Lang.FR)
                     or "") != key(mapping.fr):
                conflicts += 1
                skipped.append(Skip(0, Message(
                    "mappings.conflict", f"{mapping.en} / {mapping.fr}: one of them is already "
                    "mapped to something else.", en=mapping.en, fr=mapping.fr)))
        return self._record_import("mappings.import", path, len(report.records) - conflicts,
                                   skipped, lambda: self.repo.add_mappings(rows, self.user))

    def export_mappings(self) -> str:
        """Every stored pair as mapping CSV text."""
        return formats.CSV.dump(self._stored_mappings()).decode("utf-8")

    @staticmethod
    def _mapping_row(mapping: Mapping) -> dict:
        return {"kind": mapping.kind.value, "en": mapping.en, "fr": mapping.fr,
                "note": mapping.note}

    # -- QA ---------------------------------------------------------------------------
    def qa(self, post_id: int) -> QaReport:
        """Findings between the latest English and French versions, with the store's
        mappings and termbase (term fixes go to the language written second)."""
        self.repo.get_post(post_id)
        en, fr = (self.repo.latest_version(post_id, lang) for lang in (Lang.EN, Lang.FR))
        for lang, version in ((Lang.EN, en), (Lang.FR, fr)):
            if version is None or not version.text.strip():
                raise NotFound(f"Post {post_id} has no {LANG_NAMES[lang]} text yet; QA compares "
                               "the English and French versions.", msg="qa.missing_lang",
                               post=post_id, lang=Lang(lang).value)
        assert en is not None and fr is not None  # refused just above
        source_lang = min((self.repo.versions(post_id, lang)[0] for lang in Lang),
                          key=lambda v: (v.created_at, v.id)).lang
        findings = qa_checks.check_pair(en.text, fr.text, source_lang=source_lang,
                                        mappings=self.mapping_table(), termbase=self.termbase())
        return QaReport(post_id, en, fr, source_lang, tuple(findings))

    def pair_qa(self, en: str, fr: str) -> list[dict]:
        """QA between two texts as plain dicts: the review service's check at sign-off."""
        return [finding_dict(f) for f in qa_checks.check_pair(
            en, fr, mappings=self.mapping_table(), termbase=self.termbase())]

    def apply_fix(self, report: QaReport, finding: qa_checks.Finding) -> Version:
        """Apply a finding's fix to the version QA ran on, as a new (human) version."""
        if finding.fix is None:
            raise InvalidText("This finding has no automatic fix; edit the text.",
                              msg="qa.no_fix")
        fix = finding.fix
        checked = report.en if fix.lang is Lang.EN else report.fr
        latest = self.repo.latest_version(report.post_id, fix.lang)
        if latest is None or latest.id != checked.id:
            raise TransitionError(f"The {LANG_NAMES[fix.lang]} text of post {report.post_id} "
                                  "changed since QA ran; run QA again.", msg="qa.stale",
                                  post=report.post_id, lang=fix.lang.value)
        text = checked.text[:fix.start] + fix.replacement + checked.text[fix.end:]
        return self.posts.edit(report.post_id, fix.lang, text)

    # -- shared ----------------------------------------------------------------------
    def _require_editor(self, action: str, what: str) -> None:
        self.roles.require(EDITOR_ROLES, action, what,
                           reason="the memory, terms and mappings shape everyone's suggestions")

    def _record_import(self, action: str, path: str | Path, read: int, skipped: list[Skip],
                       insert: Callable[[], int]) -> ImportResult:
        """Insert and audit in one transaction: a failure leaves the store as it was."""
        result_skips = tuple(skipped)
        with self.repo.transaction():
            added = insert()
            self.repo.append_audit(self.user, action, None, {
                "file": Path(path).name, "read": read, "added": added,
                "skipped": [{"line": s.line, "reason": s.reason} for s in result_skips]})
        return ImportResult(Path(path).name, read, added, result_skips)
