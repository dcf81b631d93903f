#!/usr/bin/env python3
"""List the domain's raise sites whose error carries no message code (English-only in the window).

    .venv/bin/python scripts/message_codes.py            # counts per file
    .venv/bin/python scripts/message_codes.py --list     # every site, file:line

A raise is coded when the error is given ``msg="area.what"`` or a `Message`
(``desktop.core.messages``), directly or through a helper call that returns
one. Such errors are worded in the user's language by ``desktop/ui/messages.py``;
the rest are shown in English, as they came.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("desktop/core", "desktop/publishing", "desktop/app", "translation")


def error_names() -> set[str]:
    """Every class in the layers (and translation/) that derives from TandemError."""
    bases: dict[str, list[str]] = {}
    for path in [*(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py")),
                 *(ROOT / "translation").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [getattr(b, "id", getattr(b, "attr", "")) for b in node.bases]
    found = {"TandemError"}
    while True:
        more = {name for name, parents in bases.items() if found & set(parents)} - found
        if not more:
            return found
        found |= more


def self_coded(paths: list[Path]) -> set[str]:
    """Error classes whose ``__init__`` passes its own ``msg=`` (PreflightFailed, VersionConflict)."""
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__" and any(
                            isinstance(n, ast.Call) and any(k.arg == "msg" for k in n.keywords)
                            for n in ast.walk(item)):
                        found.add(node.name)
    return found


def coded_helpers(tree: ast.AST) -> set[str]:
    """Functions of a module annotated to return a Message."""
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)
            and isinstance(node.returns, ast.Name) and node.returns.id == "Message"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every English-only site")
    args = parser.parse_args(argv)
    errors = error_names()
    paths = sorted(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py"))
    coded_classes = self_coded(paths)
    total, plain, passed = 0, [], []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = coded_helpers(tree) | {"Message"}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
            if name not in errors:
                continue
            total += 1
            first = node.exc.args[0] if node.exc.args else None
            site = f"{path.relative_to(ROOT)}:{node.lineno}"
            if isinstance(first, (ast.Name, ast.Attribute)) and name not in coded_classes:
                passed.append(site)  # a value handed on: coded when the value is
            elif not (name in coded_classes or any(k.arg == "msg" for k in node.exc.keywords)
                      or (isinstance(first, ast.Call) and getattr(
                          first.func, "id", getattr(first.func, "attr", "")) in helpers)):
                plain.append(site)
    print(f"{total - len(plain) - len(passed)}/{total} raise sites carry a message code; "
          f"{len(passed)} hand on a value they were given; {len(plain)} English-only")
    if args.list:
        print(*plain, sep="\n")
    else:
        counts: dict[str, int] = {}
        for site in plain:
            counts[site.rsplit(":", 1)[0]] = counts.get(site.rsplit(":", 1)[0], 0) + 1
        for name, n in sorted(counts.items(), key=lambda item: -item[1]):
            print(f"  {n:3} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
