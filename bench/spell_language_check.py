#!/usr/bin/env python3
"""Language check on real short texts: which detector and threshold measure best.

    .venv/bin/python bench/spell_language_check.py

Texts: each side of the CDS headline/description pairs (464 texts) and of the
GC Notify interface strings (5,008 texts), ``tests/data``; each is labelled by
the column it was published in. A text is judged only with 3+ words after
Tandem sets addresses, placeholders, tags and quotes aside
(``translation.language_check.prose``). For each method and threshold:

* **right**: the detector names the text's own language with at least that
  probability (it would catch this text pasted into the other pane);
* **wrong**: it names the other language with at least that probability (a
  false ``language`` finding, unless the data itself is mislabelled).

Methods: py3langid restricted to en/fr (baseline: plain py3langid over all its
97 languages, counted right only when it says en/fr correctly); the same
requiring Hunspell to agree (more words known by the en_CA than the fr
dictionary, or the reverse). Microseconds per text: median of the py3langid call.
"""

from __future__ import annotations

import csv
import html
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data"


def texts() -> dict[str, list[tuple[str, str]]]:
    with (DATA / "gc-posts" / "cds-headline-pairs.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    posts = [(html.unescape(r[lang]), lang) for r in rows for lang in ("en", "fr")]
    with (DATA / "gc-notify-strings" / "notify-admin-en-fr.csv").open(encoding="utf-8", newline="") as handle:
        pairs = list(csv.reader(handle))[2:]
    notify = [(html.unescape(pair[i]), lang) for pair in pairs for i, lang in ((0, "en"), (1, "fr"))]
    return {"headlines": posts, "notify": notify}


def main() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from translation.language_check import MIN_WORDS, THRESHOLD, _WORD, prose
    from translation.spelling import SpellChecker

    everything = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    en_fr = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    en_fr.set_languages(["en", "fr"])
    spell = {"en": SpellChecker("en"), "fr": SpellChecker("fr")}

    def hunspell_says(text: str) -> str | None:
        words = _WORD.findall(text)
        known = {lang: sum(spell[lang].is_correct(w) for w in words) for lang in spell}
        return None if known["en"] == known["fr"] else max(known, key=known.get)

    print(f"Tandem's setting: threshold {THRESHOLD}, at least {MIN_WORDS} words\n")
    print("| texts | judged | method | threshold | right | wrong | µs per text |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for name, items in texts().items():
        judged = [(prose(t), lang) for t, lang in items if len(_WORD.findall(prose(t))) >= MIN_WORDS]
        calls = {}
        for method, ident in (("py3langid, all languages (baseline)", everything), ("py3langid en/fr", en_fr)):
            results, times = [], []
            for text, _ in judged:
                started = time.perf_counter()
                results.append(ident.classify(text))
                times.append((time.perf_counter() - started) * 1e6)
            calls[method] = (results, statistics.median(times))
        votes = [hunspell_says(text) for text, _ in judged]
        for threshold in (0.5, 0.8, 0.9, 0.95):
            for method, (results, micro) in calls.items():
                right = sum(c == lang and p >= threshold for (c, p), (_, lang) in zip(results, judged, strict=True))
                wrong = sum(c in ("en", "fr") and c != lang and p >= threshold
                            for (c, p), (_, lang) in zip(results, judged, strict=True))
                print(f"| {name} | {len(judged)} | {method} | {threshold} | {right} | {wrong} | {micro:.0f} |")
            rows = list(zip(calls["py3langid en/fr"][0], judged, votes, strict=True))
            right = sum(c == lang == v and p >= threshold for (c, p), (_, lang), v in rows)
            wrong = sum(c != lang and c == v and p >= threshold for (c, p), (_, lang), v in rows)
            print(f"| {name} | {len(judged)} | py3langid en/fr + Hunspell agrees | {threshold} | {right} | {wrong} | |")


if __name__ == "__main__":
    main()
