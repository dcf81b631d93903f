"""UI modules that run on worker threads stay Qt-free (domain layers: tests/test_layers.py)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_IMPORT = re.compile(r"^\s*(from|import)\s+PySide6\b", re.MULTILINE)


def test_ui_operations_and_analysis_import_no_qt():
    """They run on worker threads and are tested without a display."""
    for name in ("operations.py", "analysis.py"):
        assert not QT_IMPORT.search((ROOT / "desktop" / "ui" / name).read_text(encoding="utf-8"))
