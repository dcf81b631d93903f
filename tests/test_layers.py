"""Layering rules, checked on the imports of every Python file (parsed with ast, never imported).

Every import counts: at module level, inside functions (lazy imports), relative
ones, and importlib.import_module("…") / __import__("…") with a literal name.
There is no exception list.

* desktop/core (the rules and the store) imports nothing from the layers above
  it: desktop.app, translation, desktop.publishing, desktop.ui, desktop.cli.
* translation/ imports from desktop only the core value-type modules in
  TRANSLATION_MAY_USE; desktop/publishing never imports desktop.app, desktop.ui,
  desktop.cli or translation (the two middle layers never import each other).
* No import cycle between the files of desktop/ and translation/ (imports under
  ``if TYPE_CHECKING:`` are never run and do not count for cycles; they do count
  for the layer rules, since a type still depends on its layer).
* desktop/core, desktop/publishing and translation never import PySide6 (the CLI,
  the doctor and tests use them without Qt).
* Nothing imports argostranslate.translate (it pulls in stanza), stanza, torch or
  spacy: none of them is installed, and the bundle must not contain them.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("desktop", "translation")
QT_FREE = ("desktop/core", "desktop/publishing", "translation")
ABOVE_CORE = ("desktop.app", "translation", "desktop.publishing", "desktop.ui", "desktop.cli")
#: The only desktop modules translation/ may import: plain value types, errors and text rules.
TRANSLATION_MAY_USE = ("desktop.core.errors", "desktop.core.model", "desktop.core.text")
FORBIDDEN_EVERYWHERE = ("argostranslate.translate", "stanza", "torch", "spacy")
SKIPPED_DIRS = {".venv", "build", "dist", ".git", "node_modules", "__pycache__", ".cache"}
#: Files allowed to import a forbidden third-party module, and why. Never app code.
ALLOWED = {
    "bench/translation_latency.py": "benchmarks Tandem against argostranslate.translate "
                                    "(with a stanza stand-in); never shipped",
}


@dataclass(frozen=True)
class Import:
    path: Path
    line: int
    module: str  # dotted name; `from a import b` counts as a.b
    type_only: bool  # under `if TYPE_CHECKING:`

    def __str__(self) -> str:
        shown = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{shown.as_posix()}:{self.line} imports {self.module}"


def python_files(*folders: str, root: Path = ROOT) -> list[Path]:
    roots = [root / f for f in folders] if folders else [root]
    found = []
    for top in roots:
        for path in top.rglob("*.py"):
            if not SKIPPED_DIRS.intersection(path.relative_to(root).parts):
                found.append(path)
    return sorted(found)


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def imports_of(path: Path, root: Path = ROOT) -> tuple[Import, ...]:
    """Every import of ``path``, relative ones resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    type_only = {id(sub) for node in ast.walk(tree)
                 if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
                 for sub in ast.walk(node)}
    found: list[Import] = []

    def add(node: ast.stmt | ast.expr, module: str) -> None:
        found.append(Import(path, node.lineno, module, id(node) in type_only))

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(node, alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            base = node.module or ""
            if node.level:
                package = module_name(path, root).split(".")
                if path.name != "__init__.py":
                    package = package[:-1]
                package = package[:len(package) - (node.level - 1)]
                base = ".".join(package + ([base] if base else []))
            for alias in node.names:
                add(node, f"{base}.{alias.name}" if base else alias.name)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                add(node, node.args[0].value)
    return tuple(found)


def _under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [str(imp) for path in files for imp in imports_of(path) if _under(imp.module, forbidden)]


def assert_none(bad: list[str], rule: str) -> None:
    assert not bad, f"{rule}; offending imports:\n  " + "\n  ".join(bad)


def module_graph(files: list[Path], root: Path = ROOT) -> dict[str, dict[str, list[Import]]]:
    """module → imported project module → the imports making that edge (run-time ones only).

    An import names the deepest project module it reaches: `from a.b import c` is
    an edge to a.b.c if that is a module, else to a.b."""
    modules = {module_name(p, root): p for p in files}
    graph: dict[str, dict[str, list[Import]]] = {m: defaultdict(list) for m in modules}
    for mod, path in modules.items():
        for imp in imports_of(path, root):
            target = imp.module
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != mod and not imp.type_only:
                graph[mod][target].append(imp)
    return graph


def import_cycles(graph: dict[str, dict[str, list[Import]]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def describe_cycle(graph: dict[str, dict[str, list[Import]]], cycle: list[str]) -> str:
    members = set(cycle)
    edges = [str(imp) for a in cycle for b in sorted(graph[a]) if b in members
             for imp in graph[a][b]]
    return " <-> ".join(cycle) + ":\n    " + "\n    ".join(edges)


# -- the scanner itself ---------------------------------------------------------
def test_the_scanner_sees_every_import_form(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import PySide6.QtCore\nfrom PySide6 import QtGui\nimport importlib\n"
        "def f():\n    from argostranslate import translate\n"
        "    importlib.import_module('stanza.models')\n    __import__('torch')\n",
        encoding="utf-8")
    modules = {imp.module for imp in imports_of(sample, tmp_path)}
    assert {"PySide6.QtCore", "PySide6.QtGui", "argostranslate.translate", "stanza.models",
            "torch"} <= modules
    assert len(violations([sample], ("PySide6",))) == 2
    assert len(violations([sample], FORBIDDEN_EVERYWHERE)) == 3


def _package(tmp_path: Path, files: dict[str, str]) -> list[Path]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return python_files("pkg", root=tmp_path)


def test_relative_lazy_and_type_only_imports_are_resolved(tmp_path):
    files = _package(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/core/__init__.py": "from . import rules\n",
        "pkg/core/rules.py": "def f():\n    from ..app import session\n",
        "pkg/app/__init__.py": "",
        "pkg/app/session.py": "from typing import TYPE_CHECKING\n"
                              "if TYPE_CHECKING:\n    from pkg.core.rules import f\n",
    })
    by_module = {module_name(p, tmp_path): imports_of(p, tmp_path) for p in files}
    assert [i.module for i in by_module["pkg.core"]] == ["pkg.core.rules"]
    assert [(i.module, i.line) for i in by_module["pkg.core.rules"]] == [("pkg.app.session", 2)]
    typed = [i for i in by_module["pkg.app.session"] if i.module == "pkg.core.rules.f"]
    assert len(typed) == 1 and typed[0].type_only
    graph = module_graph(files, tmp_path)
    assert set(graph["pkg.core.rules"]) == {"pkg.app.session"}
    assert set(graph["pkg.app.session"]) == set()  # the TYPE_CHECKING import is not an edge


def test_the_cycle_check_finds_a_lazy_cycle_and_names_its_imports(tmp_path):
    files = _package(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from .b import x\n",
        "pkg/b.py": "def x():\n    from pkg import c\n",
        "pkg/c.py": "import pkg.a\n",
        "pkg/d.py": "from .a import y\n",
    })
    graph = module_graph(files, tmp_path)
    assert import_cycles(graph) == [["pkg.a", "pkg.b", "pkg.c"]]
    text = describe_cycle(graph, ["pkg.a", "pkg.b", "pkg.c"])
    assert "pkg/b.py:2 imports pkg.c" in text and "pkg/d.py" not in text


# -- the rules -----------------------------------------------------------------
@pytest.mark.parametrize("layer", QT_FREE)
def test_layer_never_imports_qt(layer):
    files = python_files(layer)
    assert files, f"no Python files found in {layer}"
    assert_none(violations(files, ("PySide6", "shiboken6")), f"{layer} must not import Qt")


def test_nothing_imports_the_torch_stack():
    files = [p for p in python_files() if p != Path(__file__).resolve()
             and p.relative_to(ROOT).as_posix() not in ALLOWED]
    assert len(files) > 20
    assert_none(violations(files, FORBIDDEN_EVERYWHERE), "the torch stack is never imported")


def test_core_imports_nothing_from_the_layers_above():
    files = python_files("desktop/core")
    assert len(files) > 15
    assert_none(violations(files, ABOVE_CORE),
                f"desktop/core must not import {', '.join(ABOVE_CORE)}")


def test_translation_uses_only_core_value_types_from_desktop():
    files = python_files("translation")
    assert len(files) > 10
    bad = [str(imp) for path in files for imp in imports_of(path)
           if _under(imp.module, ("desktop",)) and not _under(imp.module, TRANSLATION_MAY_USE)]
    assert_none(bad, f"translation/ may import from desktop only {', '.join(TRANSLATION_MAY_USE)}")


def test_publishing_never_imports_the_app_ui_cli_or_translation():
    files = python_files("desktop/publishing")
    assert files
    forbidden = ("desktop.app", "desktop.ui", "desktop.cli", "translation")
    assert_none(violations(files, forbidden),
                f"desktop/publishing must not import {', '.join(forbidden)}")


def test_no_import_cycles_between_files():
    graph = module_graph(python_files(*PACKAGES))
    assert len(graph) > 80
    cycles = import_cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(describe_cycle(graph, c) for c in cycles)
