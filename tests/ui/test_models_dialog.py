"""File → Install language package…: list, install from a file, download, remove.

Real tiny Argos packages built offline; downloads go through an httpx mock
transport (never the network) serving an index and a real archive.
"""

from __future__ import annotations

import json
import threading
import zipfile

import httpx
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.app.session import open_session
from desktop.ui.app import install_translation
from tests.translation.conftest import archive, both_pairs, built, pkg_dir  # noqa: F401
from translation import packages

from .helpers import settle

INDEX_URL = packages.INDEX_URL
PACKAGE_URL = "https://example.test/translate-en_fr-1_1.argosmodel"


@pytest.fixture
def dialog_for(qtbot, make_window):
    """``dialog_for(session)`` → (window, features, dialog) with the packages listed."""
    def make(session):
        window = make_window(session)
        features = install_translation(window)
        dialog = features.models.open_dialog()
        qtbot.addWidget(dialog)
        wait_idle(features)
        return window, features, dialog
    return make


def wait_idle(features) -> None:
    for _ in range(3):
        features.host.runner.wait_idle()
        settle(features.host.context.widget)


def rows(dialog) -> list[list[str]]:
    table = dialog.table
    return [[table.topLevelItem(i).text(c) for c in range(4)]
            for i in range(table.topLevelItemCount())]


def translate_version(session, source: str = "en", target: str = "fr") -> str:
    return session.suggestions.translator.translate("Hello.", source, target).model_version


@pytest.fixture
def answer_yes(monkeypatch):
    asked = []

    def question(parent, title, text, *args):
        asked.append((title, text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_menu_entry_opens_a_list_of_installed_packages(qtbot, make_window, session, both_pairs):
    window = make_window(session)
    features = install_translation(window)
    action = features.models.action
    assert action in window.file_menu.actions()
    assert action.text() == "&Install language package…"
    actions = window.file_menu.actions()
    assert actions.index(action) < actions.index(window.quit_action)
    action.trigger()
    dialog = features.models.dialog
    qtbot.addWidget(dialog)
    wait_idle(features)
    assert dialog.isVisible()
    assert rows(dialog) == [["translate-en_fr-1_0", "English → French", "1.0", "Ready"],
                            ["translate-fr_en-1_0", "French → English", "1.0", "Ready"]]
    assert str(both_pairs) in dialog.folder_label.text()
    for widget in (dialog.table, dialog.install_button, dialog.remove_button,
                   dialog.download_button, dialog.direction_combo, dialog.cancel_button,
                   dialog.close_button, dialog.progress_bar):
        assert widget.accessibleName(), widget.objectName()


def test_install_from_file_replaces_the_pair_and_refreshes_the_translator(
        qtbot, dialog_for, session, both_pairs, archive, monkeypatch):
    window, features, dialog = dialog_for(session)
    assert translate_version(session) == "1.0"
    newer = archive("en_fr_1.1")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(newer), "Language packages (*.argosmodel)"))
    with qtbot.waitSignal(features.host.packages_changed, timeout=30_000):
        dialog.install_button.click()
        assert dialog.is_busy() and not dialog.install_button.isEnabled()
    wait_idle(features)
    assert dialog.message.text() == "Installed translate-en_fr-1_1 (English → French, version 1.1)."
    assert [r[0] for r in rows(dialog)] == ["translate-en_fr-1_1", "translate-fr_en-1_0"]
    assert translate_version(session) == "1.1", "the shared translator was refreshed"
    assert not dialog.is_busy() and dialog.install_button.isEnabled()


def test_a_hostile_package_is_refused_with_the_reason_and_the_old_one_kept(
        qtbot, dialog_for, session, both_pairs, tmp_path, monkeypatch):
    window, features, dialog = dialog_for(session)
    hostile = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(hostile, "w") as zf:
        zf.writestr("translate-en_fr-9_0/metadata.json", json.dumps(
            {"from_code": "en", "to_code": "fr", "package_version": "9.0"}))
        zf.writestr("translate-en_fr-9_0/../../escape.txt", "owned")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(hostile), ""))
    dialog.install_button.click()
    wait_idle(features)
    assert dialog.message.kind == "warning"
    assert dialog.message.text().startswith("Not installed; the installed packages are unchanged:")
    assert "points outside the package; refused" in dialog.message.text()
    assert [r[0] for r in rows(dialog)] == ["translate-en_fr-1_0", "translate-fr_en-1_0"]
    assert not (tmp_path / "escape.txt").exists()
    assert translate_version(session) == "1.0", "the previous package still translates"


def test_remove_asks_first_then_removes(qtbot, dialog_for, session, both_pairs, answer_yes):
    window, features, dialog = dialog_for(session)
    dialog.table.setCurrentItem(dialog.table.topLevelItem(1))
    assert dialog.selected_package().name == "translate-fr_en-1_0"
    dialog.remove_button.click()
    wait_idle(features)
    assert answer_yes[0][0] == "Remove the language package?"
    assert dialog.message.text() == "Removed translate-fr_en-1_0."
    assert [r[0] for r in rows(dialog)] == ["translate-en_fr-1_0"]
    assert not (both_pairs / "translate-fr_en-1_0").exists()


def mock_index(archive_bytes: bytes, chunks: list | None = None,
               gate: threading.Event | None = None) -> httpx.MockTransport:
    """The Argos index and one archive; ``gate`` holds the archive after its first chunk."""
    index = [{"from_code": "en", "to_code": "fr", "package_version": "1.1", "type": "translate",
              "links": [PACKAGE_URL]}]

    class Slow(httpx.SyncByteStream):
        def __iter__(self):
            for number, piece in enumerate(chunks):
                if number == 1 and gate is not None:
                    gate.wait(10)
                yield piece

    def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) == INDEX_URL:
            return httpx.Response(200, json=index)
        if str(request.url) == PACKAGE_URL:
            if chunks is None:
                return httpx.Response(200, content=archive_bytes)
            return httpx.Response(200, headers={"content-length": str(len(archive_bytes))},
                                  stream=Slow())
        return httpx.Response(404)

    return httpx.MockTransport(handler)


def test_download_asks_shows_progress_and_installs(qtbot, dialog_for, session, both_pairs,
                                                  archive, answer_yes):
    window, features, dialog = dialog_for(session)
    data = archive("en_fr_1.1").read_bytes()
    progress = []
    features.models.transport = dialog.transport = mock_index(data)
    dialog.progress_bar.valueChanged.connect(progress.append)
    assert dialog.direction_combo.currentData() == ("en", "fr")
    dialog.download_button.click()
    assert dialog.progress_bar.isVisible() and dialog.cancel_button.isVisible()
    wait_idle(features)
    assert "Argos package index" in answer_yes[0][1]
    assert dialog.message.text() == "Installed translate-en_fr-1_1 (English → French, version 1.1)."
    assert progress and progress[-1] == 1000, "the progress bar reached the end"
    assert not dialog.progress_bar.isVisible()
    assert translate_version(session) == "1.1"


def test_cancelling_a_download_installs_nothing(qtbot, dialog_for, session, both_pairs, archive,
                                                answer_yes):
    window, features, dialog = dialog_for(session)
    data = archive("en_fr_1.1").read_bytes()
    gate = threading.Event()
    half = len(data) // 2
    dialog.transport = mock_index(data, chunks=[data[:half], data[half:]], gate=gate)
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.progress_bar.maximum() == 1000, timeout=10_000)
    assert "MB" in dialog.progress_bar.format()
    dialog.cancel_button.click()
    gate.set()
    wait_idle(features)
    assert dialog.message.text() == "Download cancelled; nothing was installed."
    assert [r[0] for r in rows(dialog)] == ["translate-en_fr-1_0", "translate-fr_en-1_0"]
    assert translate_version(session) == "1.0"


def test_a_failed_download_says_why(qtbot, dialog_for, session, both_pairs, answer_yes):
    window, features, dialog = dialog_for(session)
    dialog.transport = httpx.MockTransport(lambda request: httpx.Response(503))
    dialog.download_button.click()
    wait_idle(features)
    assert dialog.message.kind == "warning"
    assert "Cannot fetch the package index" in dialog.message.text()
    assert len(rows(dialog)) == 2


def test_the_it_policy_can_turn_downloads_off(qtbot, dialog_for, tmp_path, monkeypatch, pkg_dir):
    policy = tmp_path / "policy.toml"
    policy.write_text("[translation]\nallow_online_install = false\n")
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    session = open_session(tmp_path / "p.sqlite3")
    try:
        window, features, dialog = dialog_for(session)
        assert not dialog.download_button.isEnabled()
        assert not dialog.direction_combo.isEnabled()
        assert dialog.policy_label.isVisible()
        assert "turned off by the IT policy" in dialog.policy_label.text()
        assert dialog.install_button.isEnabled(), "a file from IT can still be installed"
        assert rows(dialog) == []
        assert dialog.table.accessibleDescription() == "No language package is installed."
        window.close()
    finally:
        session.close()
