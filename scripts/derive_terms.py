#!/usr/bin/env python3
"""Derive Tandem's seed termbase and web-address pairs from the IGOC names file.

Input: ``igoc-names.csv`` (Inventory of Government of Canada Organizations,
TBS GC InfoBase, MIT licence; a copy is in tests/data/gc-organizations/).
Outputs, in ``resources/terms/``:

* ``gc-organizations.tsv`` — one term per official name pair (columns of
  :data:`translation.terms.TERM_FIELDS`);
* ``gc-websites.csv`` — English/French web-address pairs (mapping CSV).

Rules (each keeps the source's wording; nothing is invented):

1. Rows lacking an English or a French name are dropped. Names are trimmed,
   white space collapsed, straight apostrophes made typographic (’, as in
   the rest of the file) and two source typos corrected (:data:`TYPOS`).
2. Inverted articles are restored then dropped (``Canadian Wheat Board, The``
   → ``Canadian Wheat Board``); a leading ``The``/``La``/``Le``/``Les``/``L’``
   is dropped too, so the name matches where the text says « de la … »/“the …”.
3. A trailing abbreviation in parentheses (``… Health Information (CIHI)``)
   becomes the abbreviation when that column is empty.
4. The applied title (Federal Identity Program name, e.g. Health Canada) is
   the main term; a different legal title (Department of Health) is a second
   term of the same concept (``igoc-<org_id>``), so either counterpart passes.
5. Abbreviations are kept only when they look like one (two or more capitals:
   ``StatCan``, ``NRCan``; not ``Mint``/``Monnaie``, which are ordinary words),
   have three characters or more (``PC``, ``PS``, ``DC``, ``CA`` mean other
   things in everyday posts: personal computer, postscript, Washington DC,
   conseil d’administration) and are unambiguous: an abbreviation naming two
   organisations in one language (``HC`` = House of Commons and Health
   Canada) is dropped for both.
6. The note records the IGOC id, the title kind and an inactive status.
7. Web-address pairs: active organisations whose English and French site
   addresses differ.

Usage: ``.venv/bin/python scripts/derive_terms.py [igoc-names.csv] [out-dir]``
(defaults: tests/data/gc-organizations/igoc-names.csv, resources/terms/).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translation.formats import CSV, TSV  # noqa: E402
from translation.mappings import Mapping, MappingKind, MappingTable  # noqa: E402
from translation.terms import Term, Termbase  # noqa: E402

SOURCE = "IGOC (Treasury Board of Canada Secretariat, GC InfoBase), MIT"

#: Obvious typos in the source file (whole words), corrected.
TYPOS = {
    r"\bHamiton-Oshawa\b": "Hamilton-Oshawa",
    r"\bCommissioner of Canada Election\b": "Commissioner of Canada Elections",
}

STATUS = {"a": "", "d": "inactive", "t": "transferred"}

_INVERTED = re.compile(r"^(.*), (The|La|Le|Les)$")
_LEADING = re.compile(r"^(The |La |Le |Les |L’)(?=\w)")
_TRAILING_ABBR = re.compile(r"^(.*\S) \(([A-Z][A-Za-z0-9&-]*[A-Z])\)$")
_ABBR_LIKE = re.compile(r"[A-Z].*[A-Z]")


def clean_name(value: str) -> str:
    """A name as it should be matched: trimmed, typographic apostrophe, no article."""
    value = " ".join(value.split()).replace("'", "’")
    for typo, fixed in TYPOS.items():
        value = re.sub(typo, fixed, value)
    inverted = _INVERTED.match(value)
    if inverted:
        value = inverted.group(1)
    return _LEADING.sub("", value)


def split_abbr(name: str) -> tuple[str, str]:
    """``("Canadian Institute for Health Information", "CIHI")`` from the name with ``(CIHI)``."""
    found = _TRAILING_ABBR.match(name)
    return (found.group(1), found.group(2)) if found else (name, "")


def derive(rows: list[dict[str, str]]) -> tuple[list[Term], list[Mapping]]:
    """The terms and address pairs for the IGOC ``rows`` (see the module rules)."""
    drafts: list[dict[str, str]] = []
    for row in rows:
        status = STATUS.get(row["status"], "")
        titles = []
        for kind in ("applied", "legal"):
            en, fr = clean_name(row[f"{kind}_title_en"]), clean_name(row[f"{kind}_title_fr"])
            if en and fr:
                titles.append((kind, en, fr))
        seen: set[tuple[str, str]] = set()
        for position, (kind, en, fr) in enumerate(titles):
            en, en_paren = split_abbr(en)
            fr, fr_paren = split_abbr(fr)
            if (en.casefold(), fr.casefold()) in seen:
                continue
            seen.add((en.casefold(), fr.casefold()))
            main = position == 0
            note = f"IGOC {row['org_id']}; {kind} title" + (f"; {status}" if status else "")
            drafts.append({
                "en": en, "fr": fr, "note": note, "concept": f"igoc-{row['org_id']}",
                "en_abbr": (row["abbr_en"].strip() or en_paren) if main else en_paren,
                "fr_abbr": (row["abbr_fr"].strip() or fr_paren) if main else fr_paren,
            })
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for draft in drafts:
        for lang in ("en", "fr"):
            if draft[f"{lang}_abbr"]:
                owners[(lang, draft[f"{lang}_abbr"])].add(draft["concept"])
    terms = []
    for draft in drafts:
        for lang in ("en", "fr"):
            abbr = draft[f"{lang}_abbr"]
            if abbr and (len(abbr) < 3 or not _ABBR_LIKE.search(abbr) or len(owners[(lang, abbr)]) > 1):
                draft[f"{lang}_abbr"] = ""
        terms.append(Term(draft["en"], draft["fr"], draft["en_abbr"], draft["fr_abbr"],
                          draft["note"], SOURCE, draft["concept"]))
    table = MappingTable()
    for row in rows:
        en, fr = row["dept_website_en"].strip(), row["dept_website_fr"].strip()
        if row["status"] == "a" and en and fr and en.rstrip("/").lower() != fr.rstrip("/").lower():
            table.add(Mapping(MappingKind.URL, en, fr, f"IGOC {row['org_id']} website"))
    return list(Termbase(terms)), list(table)


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "data" / "gc-organizations" / "igoc-names.csv"
    out = Path(argv[2]) if len(argv) > 2 else ROOT / "resources" / "terms"
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    terms, sites = derive(rows)
    out.mkdir(parents=True, exist_ok=True)
    (out / "gc-organizations.tsv").write_bytes(TSV.dump(terms))
    (out / "gc-websites.csv").write_bytes(CSV.dump(sites))
    print(f"{len(rows)} organisations → {len(terms)} terms, {len(sites)} web-address pairs in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
