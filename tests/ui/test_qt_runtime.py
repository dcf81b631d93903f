"""The Qt binding keeps Python's own objects alive (a long-running window depends on it).

PySide6-Essentials 6.12.0 on CPython 3.11 drops one reference to ``None``
(or ``True``/``False``) each time Qt calls a Python override — ``changeEvent``,
``eventFilter``, ``QRunnable.run`` — and when a ``bool`` crosses a queued
signal. On 3.11 those objects are not immortal, so after enough events the
interpreter aborts ("deallocating None"/"deallocating True or False"): a
window left open for a working day crashes. 6.11.3 on 3.11 is clean, and so
is 6.12.0 on 3.12+ (immortal singletons). This test measures it directly.
"""

from __future__ import annotations

import sys

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QWidget

LOOPS = 100


@pytest.mark.skipif(sys.version_info >= (3, 12),
                    reason="None/True/False are immortal from Python 3.12: nothing to lose")
def test_python_overrides_do_not_lose_references_to_none(qapp):
    class Widget(QWidget):
        def changeEvent(self, event):  # noqa: N802 - Qt override
            super().changeEvent(event)

    class Filter(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            return False

    widget, watched, event_filter = Widget(), QWidget(), Filter()
    watched.installEventFilter(event_filter)
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    before = sys.getrefcount(None)
    for i in range(LOOPS):
        widget.setEnabled(i % 2 == 0)   # → changeEvent
        watched.setEnabled(i % 2 == 0)  # → eventFilter
        pool.start(lambda: None)        # → QRunnable.run
    pool.waitForDone()
    lost = before - sys.getrefcount(None)
    assert lost < LOOPS // 2, (
        f"PySide6 {pyside_version} on Python {sys.version.split()[0]} lost {lost} references to "
        f"None in {LOOPS} rounds: a long-running window will abort. Pin PySide6-Essentials and "
        "shiboken6 to 6.11.3 (requirements/app.txt, pyproject.toml) or build the venv on "
        "Python >= 3.12.")
