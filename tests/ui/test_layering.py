"""The Qt layer is the only one that imports PySide6 (the core stays Qt-free)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_IMPORT = re.compile(r"^\s*(from|import)\s+PySide6\b", re.MULTILINE)


def test_domain_layers_import_no_pyside6():
    offenders = []
    # The domain layers; the CLI may probe Qt lazily (doctor) and is not checked.
    for package in ("desktop/core", "desktop/publishing", "translation"):
        for path in (ROOT / package).rglob("*.py"):
            if QT_IMPORT.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, offenders


def test_ui_operations_and_analysis_import_no_qt():
    """They run on worker threads and are tested without a display."""
    for name in ("operations.py", "analysis.py"):
        assert not QT_IMPORT.search((ROOT / "desktop" / "ui" / name).read_text(encoding="utf-8"))
