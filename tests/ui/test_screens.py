"""The Tools screens (issue 14): each opens in English and French at 1366 × 768 with a minimum
size that fits, names every interactive widget, closes on Escape, and does its job through the
Backend (users and roles, the chain editor, mappings, memory, terms, XLIFF, records, audit)."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QFileDialog, QWidget

from desktop.ui.screens import install_tools
from desktop.ui.screens.base import MAX_MINIMUM
from tests.core.test_suggestions import EN, FR, write_tmx

from .helpers import settle
from .test_i18n_a11y import is_interactive, qt_internal

SCREEN = (1366, 768)


@pytest.fixture
def tools(qtbot, make_window, session):
    window = make_window(session)
    installed = install_tools(window.context)
    settle(window)
    return window, installed


def open_screen(window, screen) -> None:
    screen.open_action.trigger()
    settle(window)


def unnamed_widgets(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if (not is_interactive(widget) or qt_internal(widget)
                or isinstance(widget.parentWidget(), QAbstractSpinBox) or not widget.isVisibleTo(root)):
            continue
        if not widget.accessibleName().strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_screen_fits_a_laptop_names_its_widgets_and_closes_on_escape(tools, languages,
                                                                          lang):
    window, installed = tools
    languages.set_language(lang)
    settle(window)
    window.resize(*SCREEN)
    assert len(installed.all_screens()) == 10
    for screen in installed.all_screens():
        open_screen(window, screen)
        assert screen.isVisible(), screen.objectName()
        minimum = screen.minimumSizeHint().expandedTo(screen.minimumSize())
        assert minimum.width() <= MAX_MINIMUM[0] and minimum.height() <= MAX_MINIMUM[1], \
            (screen.objectName(), minimum)
        assert screen.windowTitle() and screen.accessibleName(), screen.objectName()
        assert not unnamed_widgets(screen), (screen.objectName(), unnamed_widgets(screen))
        screen.activateWindow()
        QTest.keyClick(screen, Qt.Key.Key_Escape)
        assert not screen.isVisible(), screen.objectName()


def focus_chain(screen) -> list[QWidget]:
    """The widgets Tab reaches in ``screen``, in order (visible, enabled, tab-focusable)."""
    chain, widget = [], screen.nextInFocusChain()
    while widget is not screen and len(chain) < 80:
        if (widget.isVisibleTo(screen) and widget.isEnabled() and not qt_internal(widget)
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_tab_reaches_every_control_in_reading_order_and_close_last(tools):
    window, installed = tools
    chain_editor, mappings = installed.screens[1], installed.screens[2]
    for screen in installed.screens:
        open_screen(window, screen)
        chain = focus_chain(screen)
        assert chain[-1] is screen.close_button, screen.objectName()
        screen.hide()
    open_screen(window, mappings)
    assert focus_chain(mappings)[:5] == [mappings.table, mappings.kind_combo, mappings.note_edit,
                                         mappings.en_edit, mappings.fr_edit]
    open_screen(window, chain_editor)
    names = [w.objectName() for w in focus_chain(chain_editor)]
    assert names.index("chain_step_types") < names.index("chain_reload") < names.index("chain_save")


def test_the_screens_speak_french(tools, languages):
    window, installed = tools
    languages.set_language("fr")
    settle(window)
    titles = {screen.objectName(): screen.windowTitle() for screen in installed.all_screens()}
    assert titles["users_roles"] == "Utilisateurs et rôles"
    assert titles["chain_editor"] == "Chaîne d’approbation"
    assert titles["audit_check"] == "Vérification du journal d’audit"
    assert window.tools_menu.title() == "&Outils"
    # The shared base's strings too (translated in their own context, ScreenDialog).
    assert {screen.close_button.text() for screen in installed.screens} == {"Fermer"}
    assert installed.my_tasks.open_action.text().startswith("&Mes tâches")
    languages.set_language("en")
    settle(window)
    assert installed.screens[0].windowTitle() == "Users and roles"


def test_users_and_roles_grants_and_takes_back(tools, session):
    window, installed = tools
    screen = installed.screens[0]
    open_screen(window, screen)
    assert screen.table.rowCount() >= 1  # the opener is the store's admin
    screen.user_edit.setText("bob")
    screen.role_combo.setCurrentIndex(screen.role_combo.findData("translator"))
    screen.grant_button.click()
    settle(window)
    assert session.roles.has("translator", "bob")
    assert "bob" in [screen.table.item(r, 0).text() for r in range(screen.table.rowCount())]
    screen.revoke_button.click()
    settle(window)
    assert not session.roles.has("translator", "bob")


def test_chain_editor_saves_order_parallel_steps_any_all_and_post_types(tools, session):
    window, installed = tools
    screen = installed.screens[1]
    open_screen(window, screen)
    while screen.steps:
        screen.remove_button.click()
    for name in ("Program", "Legal", "DG Communications"):
        screen.add_button.click()
        screen.name_edit.setText(name)
        screen.name_edit.textEdited.emit(name)
        screen.id_edit.setText("")
        screen.id_edit.textEdited.emit("")
    # Legal runs in parallel with Program: it waits for nothing.
    screen.table.setCurrentCell(1, 0)
    for i in range(screen.after_list.count()):
        screen.after_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    # DG Communications waits for both, needs every approver, only for announcements.
    screen.table.setCurrentCell(2, 0)
    for i in range(screen.after_list.count()):
        screen.after_list.item(i).setCheckState(Qt.CheckState.Checked)
    screen.mode_combo.setCurrentIndex(screen.mode_combo.findData("all"))
    screen.mode_combo.activated.emit(screen.mode_combo.currentIndex())
    screen.types_edit.setText("announcement")
    screen.types_edit.textEdited.emit("announcement")
    assert "“Legal” starts as soon as" in screen.summary()
    screen.save_button.click()
    settle(window)
    chain = session.approvals.chain()
    steps = {s.id: s for s in chain.steps}
    assert list(steps) == ["program", "legal", "dg-communications"]
    assert steps["legal"].after == ()
    assert set(steps["dg-communications"].after) == {"program", "legal"}
    assert steps["dg-communications"].mode.value == "all"
    assert steps["dg-communications"].post_types == ("announcement",)
    assert screen.message_bar.kind == "success"


def test_chain_editor_shows_a_core_refusal(tools, session):
    window, installed = tools
    screen = installed.screens[1]
    open_screen(window, screen)
    screen.add_button.click()
    screen.id_edit.setText("Not An Id!")
    screen.id_edit.textEdited.emit("Not An Id!")
    screen.save_button.click()
    settle(window)
    assert screen.message_bar.kind == "warning" and screen.message_bar.isVisible()


def test_mappings_add_remove_and_export(tools, session, tmp_path, monkeypatch):
    window, installed = tools
    screen = installed.screens[2]
    open_screen(window, screen)
    before = screen.table.rowCount()
    screen.kind_combo.setCurrentIndex(screen.kind_combo.findData("handle"))
    screen.en_edit.setText("@TandemTestEN")
    screen.fr_edit.setText("@TandemTestFR")
    screen.add_button.click()
    settle(window)
    assert screen.table.rowCount() == before + 1
    target = tmp_path / "pairs.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    screen.export_button.click()
    settle(window)
    assert "@TandemTestFR" in target.read_text(encoding="utf-8")
    screen.en_edit.setText("@TandemTestEN")
    screen.remove_button.click()
    settle(window)
    assert screen.table.rowCount() == before


def test_memory_import_then_search_and_terminology_search(tools, session, tmp_path,
                                                          monkeypatch):
    window, installed = tools
    memory, terms = installed.screens[3], installed.screens[4]
    open_screen(window, memory)
    tmx = write_tmx(tmp_path / "team.tmx", (EN, FR),
                    extra='<tu><tuv xml:lang="en"><seg>Only English</seg></tuv></tu>\n')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmx), ""))
    memory.import_button.click()
    settle(window)
    summary = memory.message_bar.label.text()
    assert summary.startswith("team.tmx: 1 added, 0 already there, 1 skipped.")
    assert "No French text" in summary and memory.message_bar.kind == "warning"
    memory.search_edit.setText(EN)
    memory.refresh()
    settle(window)
    assert memory.table.rowCount() == 1
    assert memory.table.item(0, 0).text() == "100%" and memory.table.item(0, 2).text() == FR
    open_screen(window, terms)
    total = terms.table.rowCount()
    assert total > 0  # a new store ships the Government of Canada organisations
    terms.search_edit.setText("zzzz-no-such-term")
    terms.refresh()
    settle(window)
    assert terms.table.rowCount() == 0


def test_a_malformed_tmx_is_told_in_french(tools, languages, tmp_path, monkeypatch):
    """Issue 14: the import errors and skip reasons raised in translation/ reach the window
    as codes, so a French user reads them in French (not the English the CLI prints)."""
    window, installed = tools
    languages.set_language("fr")
    settle(window)
    memory = installed.screens[3]
    open_screen(window, memory)
    broken = tmp_path / "broken.tmx"
    broken.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><header/><body><tu>\n<tuv',
                      encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    memory.import_button.click()
    settle(window)
    shown = memory.message_bar.label.text()
    assert memory.message_bar.kind == "warning"
    assert shown.startswith("Le fichier TMX n’est pas du XML bien formé (ligne "), shown
    assert "well-formed" not in shown
    tmx = write_tmx(tmp_path / "team.tmx", (EN, FR),
                    extra='<tu><tuv xml:lang="en"><seg>Only English</seg></tuv></tu>\n')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmx), ""))
    memory.import_button.click()
    settle(window)
    shown = memory.message_bar.label.text()
    assert "Aucun texte en " in shown and "No French text" not in shown, shown


def test_xliff_round_trip_and_records_export(tools, session, tmp_path, monkeypatch):
    window, installed = tools
    post_id = session.posts.create(en="Flu shots are free", title="Flu").post.id
    xliff, records = installed.screens[5], installed.screens[6]
    open_screen(window, xliff)
    xliff.post_spin.setValue(post_id)
    out = tmp_path / "post.xlf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    xliff.export_button.click()
    settle(window)
    assert b"Flu shots are free" in out.read_bytes()
    text = out.read_text(encoding="utf-8")
    out.write_text(text.replace("<target/>", "<target>Les vaccins sont gratuits</target>")
                   .replace("</source>", "</source><target>Les vaccins sont gratuits</target>", 1)
                   if "<target" not in text else text, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    xliff.import_button.click()
    settle(window)
    assert session.posts.view(post_id).fr is not None, xliff.message_bar.label.text()
    open_screen(window, records)
    record = tmp_path / "record.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(record), ""))
    records.export_button.click()
    settle(window)
    assert json.loads(record.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_audit_check_reads_as_a_sentence(tools, languages, lang):
    window, installed = tools
    languages.set_language(lang)
    settle(window)
    screen = installed.screens[7]
    open_screen(window, screen)
    text = screen.result_label.text()
    assert ("intact" in text) if lang == "en" else ("intact" in text and "entrées" in text)
    assert "{" not in text and "[" not in text
    assert screen.message_bar.kind == "success"


def test_a_failure_reads_in_the_interface_language(tools, languages, tmp_path, monkeypatch):
    window, installed = tools
    languages.set_language("fr")
    settle(window)
    records = installed.screens[6]
    open_screen(window, records)
    nowhere = tmp_path / "missing-folder" / "record.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(nowhere), ""))
    records.export_button.click()
    settle(window)
    assert records.message_bar.kind == "warning"
    assert records.message_bar.label.text().startswith("Impossible d’écrire")


def test_a_non_admin_reads_roles_and_chain_but_cannot_change_them(qtbot, make_window, session,
                                                                  db_path, monkeypatch):
    from desktop.app.session import open_session

    session.roles.grant("dave", "author")
    monkeypatch.setenv("TANDEM_USER", "dave")
    dave = open_session(db_path)
    try:
        window = make_window(dave)
        installed = install_tools(window.context)
        users, chain = installed.screens[0], installed.screens[1]
        open_screen(window, users)
        assert users.table.rowCount() >= 2
        assert not users.grant_button.isEnabled() and not users.user_edit.isEnabled()
        assert users.message_bar.isVisible()
        open_screen(window, chain)
        assert not chain.save_button.isEnabled() and not chain.add_button.isEnabled()
        assert "administrator" in chain.status_label.text()
        window.shutdown()
    finally:
        dave.close()


def mnemonics(screen) -> list[str]:
    """The Alt+letter of every visible label, button and check box of ``screen``."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    letters = []
    for widget in screen.findChildren(QWidget):
        if not widget.isVisibleTo(screen) or not isinstance(widget, (QLabel, QAbstractButton,
                                                                     QGroupBox)):
            continue
        text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        found = re.search(r"&([^&\s])", text.replace("&&", ""))
        if found:
            letters.append(found.group(1).lower())
    return letters


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_two_controls_of_a_screen_share_a_mnemonic(tools, languages, lang):
    window, installed = tools
    languages.set_language(lang)
    settle(window)
    for screen in installed.all_screens():
        open_screen(window, screen)
        letters = mnemonics(screen)
        assert letters, screen.objectName()
        assert len(letters) == len(set(letters)), (screen.objectName(), sorted(letters))
        screen.hide()
