#!/usr/bin/env python3
"""Spell-check cost per keystroke on a 280- and a 5,000-character text, English and French.

    .venv/bin/python bench/spell_keystroke.py [--keys 200]

The texts are real news sentences and their Canadian French translations
(NTREX-128, ``../shared/data/mt-eval-ntrex128``), joined into one paragraph of
280 or 5,000 characters. Typing is simulated by checking the text after each
of the last ``--keys`` characters is added (the whole text is checked each
time, as if it were one paragraph; the editor checks only the paragraph being
typed in). Rows:

* **no cache (baseline)**: a checker whose word cache is cleared before each
  keystroke, i.e. Hunspell asked about every word every time;
* **Tandem (word cache)**: ``SpellChecker.check`` — only words not seen
  before go to Hunspell;
* **Tandem editor (recheck)**: ``SpellChecker.recheck`` as the editor's
  highlighter calls it — only the word the keystroke changed is checked
  again (a space or punctuation checks the whole text).

Median / p95 / max in milliseconds; the ratio is the baseline's median over
Tandem's.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
NTREX = ROOT.parent / "shared" / "data" / "mt-eval-ntrex128"


def stats(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))], ordered[-1]


def paragraph(lang: str, chars: int) -> str:
    name = "newstest2019-src.eng.txt" if lang == "en" else "newstest2019-ref.fra-CA.txt"
    text = ""
    for line in (NTREX / name).read_text(encoding="utf-8").splitlines()[100:]:
        if len(text) + len(line) + 1 > chars:
            break
        text += line + " "
    return text.ljust(chars, "x")[:chars]


def typing(checker, text: str, keys: int, mode: str) -> list[float]:
    times = []
    previous = text[:len(text) - keys]
    found = checker.check(previous)
    for end in range(len(text) - keys + 1, len(text) + 1):
        if mode == "cold":
            checker._cache.clear()  # the baseline: no per-word cache
        started = time.perf_counter()
        if mode == "recheck":
            found = checker.recheck(previous, found, text[:end])
        else:
            checker.check(text[:end])
        times.append((time.perf_counter() - started) * 1000)
        previous = text[:end]
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()
    from translation.spelling import SpellChecker

    print(f"Python {platform.python_version()}, {platform.machine()}, {args.keys} keystrokes per row\n")
    print("| lang | chars | words | flagged | checker | median ms | p95 ms | max ms | baseline ÷ this |")
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|")
    for lang in ("en", "fr"):
        checker = SpellChecker(lang)
        for chars in (280, 5000):
            text = paragraph(lang, chars)
            checker.check(text)  # warm: words already typed are known, as in the editor
            cold = stats(typing(checker, text, args.keys, "cold"))
            checker.check(text)
            warm = stats(typing(checker, text, args.keys, "warm"))
            incremental = stats(typing(checker, text, args.keys, "recheck"))
            words, flagged = len(text.split()), len(checker.check(text))
            for name, row in (("no cache (baseline)", cold), ("Tandem (word cache)", warm),
                              ("Tandem editor (recheck)", incremental)):
                ratio = f"{cold[0] / row[0]:.1f}"
                print(f"| {lang} | {chars:,} | {words} | {flagged} | {name} | {row[0]:.3f} | {row[1]:.3f} "
                      f"| {row[2]:.3f} | {ratio} |")


if __name__ == "__main__":
    main()
