#!/usr/bin/env python3
"""QA false findings per 100 real EN/FR pairs: this tree against a baseline revision.

    .venv/bin/python bench/qa_false_findings.py [--baseline REV]

The pairs are the published CDS headline/description pairs and the GC Notify
interface strings (``tests/data``, copies of ``../shared/data``), read as
``tests/translation/test_qa.py::real_pairs`` reads them. Every finding of
``check_pair`` (with the shipped mappings and termbase) is compared with that
test's hand-checked list of real differences, ``KNOWN_TRUE``: a finding not
on it is false. French typography (``fr-nbsp``) is counted apart: the test
checks each of those findings mechanically (a breakable or missing space).

The baseline is another revision of the QA code (default: the commit before
issue 13's QA change), exported with ``git archive`` and run in a child
interpreter on the same pairs, so both columns come from the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_BASELINE = "c45dddf~1"

#: Run inside a tree (this one or the baseline's): pairs on stdin, findings on stdout.
_CHILD = r"""
import json, sys
from translation.qa import check_pair
try:
    from translation.seed import load_mappings, load_terms
except ImportError:  # before the formats move
    from translation.mappings import load_seed as load_mappings
    from translation.terms import load_seed as load_terms
mappings, termbase = load_mappings(), load_terms()
out = []
for dataset, row, en, fr in json.load(sys.stdin):
    for f in check_pair(en, fr, mappings=mappings, termbase=termbase):
        span = f.span_en or f.span_fr
        out.append([dataset, row, f.check, (en if f.span_en else fr)[span[0]:span[1]]])
json.dump(out, sys.stdout)
"""


def findings_in(tree: Path, pairs: list) -> tuple[list[tuple], float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _CHILD], input=json.dumps(pairs), cwd=tree, env=env,
                            capture_output=True, text=True, check=True)
    return [tuple(f) for f in json.loads(result.stdout)], time.perf_counter() - started


def summarise(found: list[tuple], pairs: list, known_true: list[tuple]) -> dict:
    per_set = Counter(dataset for dataset, *_ in pairs)
    rows = {}
    for dataset, count in per_set.items():
        mine = [f for f in found if f[0] == dataset]
        typography = sum(1 for f in mine if f[2] == "fr-nbsp")
        content = [f for f in mine if f[2] != "fr-nbsp"]
        false = [f for f in content if f not in known_true]
        rows[dataset] = {"pairs": count, "content": len(content), "true": len(content) - len(false),
                         "false": len(false), "false_per_100": 100 * len(false) / count,
                         "typography": typography, "false_examples": false[:5],
                         "by_check": dict(Counter(f[2] for f in false))}
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git revision of the baseline")
    args = parser.parse_args()
    from tests.translation.test_qa import KNOWN_TRUE, real_pairs

    pairs = [list(p) for p in real_pairs()]
    with tempfile.TemporaryDirectory() as tmp:
        base_tree = Path(tmp) / "baseline"
        base_tree.mkdir()
        archive = subprocess.run(["git", "archive", args.baseline], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(base_tree)], input=archive.stdout, check=True)
        base, base_s = findings_in(base_tree, pairs)
    now, now_s = findings_in(ROOT, pairs)
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True).stdout.strip()
    print(f"{len(pairs)} real pairs; baseline {args.baseline} ({base_s:.1f} s) vs this tree at {head} "
          f"({now_s:.1f} s)\n")
    print("| set | pairs | QA | content findings | true | false | false per 100 pairs | fr-nbsp |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for name, found in ((f"baseline {args.baseline}", base), ("this tree", now)):
        for dataset, row in summarise(found, pairs, KNOWN_TRUE).items():
            print(f"| {dataset} | {row['pairs']} | {name} | {row['content']} | {row['true']} | {row['false']} "
                  f"| {row['false_per_100']:.2f} | {row['typography']} |")
            if row["false"]:
                print(f"|   false by check: {row['by_check']}; e.g. {row['false_examples'][:3]} |")
    gained = sorted(set(now) - set(base))
    lost = sorted(set(base) - set(now))
    print(f"\nNew findings in this tree: {gained}\nFindings gone: {lost}")


if __name__ == "__main__":
    main()
