"""Fixtures for the Qt layer: a real store file, isolated settings, windows.

The root conftest already forces the offscreen platform and points TANDEM_DB,
XDG_* and TANDEM_POLICY at the test's tmp dir. Here: a session on a real
SQLite file, a per-test INI QSettings (Qt caches the default settings path per
process, so the default QSettings would leak between tests), a language
manager reset to English afterwards, and a factory for windows that are shut
down (checkpointed, workers stopped) before the session closes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from desktop.app.session import Session, open_session


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "tandem.sqlite3"


@pytest.fixture
def session(db_path: Path):
    opened = open_session(db_path)
    yield opened
    opened.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def languages(qapp, settings):
    from desktop.ui.i18n import LanguageManager

    manager = LanguageManager(settings)
    manager.set_language("en", remember=False)
    yield manager
    manager.set_language("en", remember=False)  # translators are process-wide


@pytest.fixture
def make_window(qtbot, settings, languages) -> Callable:
    """``make_window(session)`` → a shown, started MainWindow with its list loaded."""
    from desktop.ui.main_window import MainWindow

    windows = []

    def make(session: Session, start: bool = True) -> MainWindow:
        window = MainWindow(session, settings, languages)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        if start:
            with qtbot.waitSignal(window.post_list.model.query_loaded, timeout=10_000):
                window.start()
            window.backend.wait_idle()
        return window

    yield make
    for window in windows:
        window.shutdown()



#: The offscreen platform warns about this for any populated QMainWindow; it
#: is platform noise, not something the code under test did.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
