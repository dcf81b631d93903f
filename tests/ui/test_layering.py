"""UI modules that run on worker threads stay Qt-free (domain layers: tests/test_layers.py)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "desktop" / "ui"
QT_IMPORT = re.compile(r"^\s*(from|import)\s+PySide6\b", re.MULTILINE)


def test_ui_operations_and_analysis_import_no_qt():
    """They run on worker threads and are tested without a display."""
    modules = sorted((UI / "operations").glob("*.py")) + [UI / "analysis.py"]
    assert len(modules) >= 8  # the package and its area modules
    for path in modules:
        assert not QT_IMPORT.search(path.read_text(encoding="utf-8")), path.name


def test_storage_operations_live_in_the_operations_package():
    """No widget module reads or writes the store itself: ``session.<service>`` calls are
    operations (``desktop/ui/operations/``), run by the Backend."""
    call = re.compile(r"\bsession\.(posts|review|approvals|roles|store|suggestions|workflow)\.")
    for path in sorted(UI.rglob("*.py")):
        if "operations" in path.parts or path.name == "translator_worker.py":
            continue
        assert not call.search(path.read_text(encoding="utf-8")), path.relative_to(UI)


def test_only_the_backend_emits_operation_executed():
    for path in sorted(UI.rglob("*.py")):
        if path.name != "backend.py":
            assert "operation_executed.emit" not in path.read_text(encoding="utf-8"), path.name
