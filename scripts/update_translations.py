#!/usr/bin/env python3
"""Refresh the interface translations: lupdate over desktop/ui, then lrelease.

    .venv/bin/python scripts/update_translations.py          # update .ts, build .qm
    .venv/bin/python scripts/update_translations.py --check  # fail if a string is untranslated

`pyside6-lupdate` collects every ``self.tr()``/``QCoreApplication.translate``
string of desktop/ui into resources/i18n/tandem_fr.ts, keeping the existing
translations and marking new strings "unfinished"; translators fill those in
(Qt Linguist, ``pyside6-linguist``, or any editor) and this script compiles
the file to tandem_fr.qm with `pyside6-lrelease`. Both files are committed:
the app loads the .qm at run time. Obsolete strings are dropped
(``-no-obsolete``) so the .ts only ever holds what the code shows.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "desktop" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    """A PySide6 tool from the venv next to this interpreter, else from PATH."""
    candidate = Path(sys.executable).with_name(name)
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install the dev requirements (PySide6-Essentials ships it)")
    return found


def unfinished(ts: Path) -> list[str]:
    """Source strings of ``ts`` whose translation is missing, empty or unfinished."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = translation is not None and translation.findall("numerusform")
            text = "".join(f.text or "" for f in numerus) if numerus else (
                translation.text if translation is not None else "")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("unfinished", "vanished", "obsolete") or not (text or "").strip():
                missing.append(f"{name}: {message.findtext('source')!r}")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if any string lacks a finished translation")
    args = parser.parse_args(argv)
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    I18N.mkdir(parents=True, exist_ok=True)
    status = 0
    for lang in LANGUAGES:
        ts = I18N / f"tandem_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations",
                        "none", "-source-language", "en_CA", "-target-language",
                        f"{lang}_CA", "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm",
                        str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
        missing = unfinished(ts)
        if missing:
            print(f"{ts.name}: {len(missing)} string(s) to translate:", *missing, sep="\n  ")
            status = 1 if args.check else status
    return status


if __name__ == "__main__":
    sys.exit(main())
