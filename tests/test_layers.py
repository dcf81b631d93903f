"""Layering rules, checked on the imports of every Python file (parsed with ast, never imported).

* desktop/core, desktop/publishing and translation never import PySide6 (the CLI,
  the doctor and tests use them without Qt).
* Nothing imports argostranslate.translate (it pulls in stanza), stanza, torch or
  spacy: none of them is installed, and the bundle must not contain them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_FREE = ("desktop/core", "desktop/publishing", "translation")
FORBIDDEN_EVERYWHERE = ("argostranslate.translate", "stanza", "torch", "spacy")
SKIPPED_DIRS = {".venv", "build", "dist", ".git", "node_modules", "__pycache__", ".cache"}
#: Files allowed to import a forbidden module, and why. Never app code.
ALLOWED = {
    "bench/translation_latency.py": "benchmarks Tandem against argostranslate.translate "
                                    "(with a stanza stand-in); never shipped",
}


def python_files(*folders: str) -> list[Path]:
    roots = [ROOT / f for f in folders] if folders else [ROOT]
    found = []
    for root in roots:
        for path in root.rglob("*.py"):
            if not SKIPPED_DIRS.intersection(path.relative_to(ROOT).parts):
                found.append(path)
    return sorted(found)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) for every import (`from a import b` counts as a.b), and
    importlib.import_module("…") / __import__("…") with a literal name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                found.append((node.lineno, node.args[0].value))
    return found


def violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in files:
        for line, module in imported_modules(path):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                bad.append(f"{shown}:{line} imports {module}")
    return bad


def test_the_scanner_sees_every_import_form(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import PySide6.QtCore\nfrom PySide6 import QtGui\nimport importlib\n"
        "def f():\n    from argostranslate import translate\n"
        "    importlib.import_module('stanza.models')\n    __import__('torch')\n",
        encoding="utf-8")
    modules = {m for _, m in imported_modules(sample)}
    assert {"PySide6.QtCore", "PySide6.QtGui", "argostranslate.translate", "stanza.models",
            "torch"} <= modules
    assert len(violations([sample], ("PySide6",))) == 2
    assert len(violations([sample], FORBIDDEN_EVERYWHERE)) == 3


@pytest.mark.parametrize("layer", QT_FREE)
def test_layer_never_imports_qt(layer):
    files = python_files(layer)
    assert files or layer == "desktop/publishing", f"no Python files found in {layer}"
    assert violations(files, ("PySide6", "shiboken6")) == []


def test_nothing_imports_the_torch_stack():
    files = [p for p in python_files() if p != Path(__file__).resolve()
             and p.relative_to(ROOT).as_posix() not in ALLOWED]
    assert len(files) > 20
    assert violations(files, FORBIDDEN_EVERYWHERE) == []


#: desktop/core modules that compose the other domain packages (and why). Every
#: other core module — versions, review rules, approvals, store — depends on
#: nothing above it, so translation/ and publishing/ can build on the core.
CORE_COMPOSERS = {
    "desktop/app/session.py": "builds every service for the CLI and the window",
    "desktop/app/suggestions.py": "suggestion service: store data + translation/",
    "desktop/app/provisioning.py": "first-run install of bundled language packages",
    "desktop/app/doctor.py": "checks every part of an installation",
}


def test_core_rules_do_not_depend_on_the_layers_above():
    files = [p for p in python_files("desktop/core")
             if p.relative_to(ROOT).as_posix() not in CORE_COMPOSERS]
    assert len(files) > 15
    assert violations(files, ("translation", "desktop.publishing", "desktop.ui",
                              "desktop.cli")) == []


def test_publishing_and_translation_never_import_the_ui_or_cli():
    files = python_files("desktop/publishing", "translation")
    assert violations(files, ("desktop.ui", "desktop.cli")) == []
