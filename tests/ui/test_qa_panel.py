"""The QA side panel: live findings between the texts on screen, selection, one-click fixes."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.core.model import Lang
from desktop.ui import qa_panel as qa_module
from desktop.ui.app import install_translation

from .helpers import open_and_wait, settle

EN = "Apply by March 5, 2026 at 8:30 p.m. It costs $1,500."
FR = "Présentez une demande avant le 6 mars 2026 à 20 h 30 : cela coûte 1,500 $."
FIXED_AMOUNT = "1\u00a0500\u00a0$"


def open_with_qa(qtbot, make_window, session, en: str = EN, fr: str = FR):
    post_id = session.posts.create(en=en, fr=fr, title="QA").post.id
    window = make_window(session)
    features = install_translation(window)
    open_and_wait(qtbot, window, post_id)
    wait_for_findings(qtbot, window, features.qa_panel)
    return window, features.qa_panel, post_id


def wait_for_findings(qtbot, window, panel) -> None:
    """Until the findings shown are those of the texts on screen (none when one is empty)."""
    settle(window)
    qtbot.waitUntil(lambda: panel.is_current() or not all(t.strip() for t in panel.texts()),
                    timeout=10_000)
    settle(window)


def rows(panel) -> list[str]:
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def test_findings_show_in_the_interface_language_with_severity_in_words(qtbot, make_window,
                                                                       session, languages):
    window, panel, _post = open_with_qa(qtbot, make_window, session)
    assert window.side_dock.isVisible()
    assert window.side_tabs.tabText(window.side_tabs.indexOf(panel)) == "Checks"
    texts = rows(panel)
    assert any(t.startswith("Error: The date “March 5, 2026”") and t.endswith("(English and French)")
               for t in texts), texts
    assert any(t.startswith("Warning: “1,500 $” is written the English way") for t in texts)
    assert panel.summary.text().startswith(f"Findings: {len(texts)}.")
    assert not panel.list.item(0).icon().isNull(), "an icon as well as the word"

    languages.set_language("fr")
    QApplication.processEvents()
    assert window.side_tabs.tabText(window.side_tabs.indexOf(panel)) == "Vérifications"
    assert any(t.startswith("Erreur\u00a0: La date «\u00a0March 5, 2026\u00a0»")
               for t in rows(panel)), rows(panel)
    assert panel.fix_button.accessibleName() == "Corriger la constatation choisie"


def test_selecting_a_finding_selects_its_text_in_the_editors(qtbot, make_window, session):
    window, panel, _post = open_with_qa(qtbot, make_window, session)
    row = next(i for i, t in enumerate(rows(panel)) if "The date" in t)
    item = panel.list.item(row)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(item).center())
    en, fr = window.editor(Lang.EN).editor, window.editor(Lang.FR).editor
    assert en.textCursor().selectedText() == "March 5, 2026"
    assert fr.textCursor().selectedText() == "6 mars 2026"
    assert QApplication.focusWidget() is panel.list, "a click selects; it does not move focus"
    QTest.keyClick(panel.list, Qt.Key.Key_Return)
    assert QApplication.focusWidget() in (en, fr), "Enter goes to the text"


def test_fix_edits_the_text_as_an_ordinary_undoable_edit(qtbot, make_window, session):
    window, panel, post_id = open_with_qa(qtbot, make_window, session)
    row = next(i for i, t in enumerate(rows(panel)) if "English way" in t)
    panel.list.setFocus()
    panel.list.setCurrentRow(row)
    assert panel.fix_button.isEnabled()
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    fr = window.editor(Lang.FR)
    assert FIXED_AMOUNT in fr.text()
    assert fr.is_dirty(), "a draft edit, versioned at the next checkpoint like typing"
    wait_for_findings(qtbot, window, panel)
    assert not any("English way" in t for t in rows(panel)), "the finding went away"
    window.flush_autosave()
    settle(window)
    assert FIXED_AMOUNT in session.posts.recover(post_id, Lang.FR), "autosaved"
    fr.editor.setFocus()
    QTest.keyClick(fr.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fr.text() == FR


def test_findings_for_texts_that_changed_meanwhile_are_dropped(qtbot, make_window, session,
                                                              monkeypatch):
    window, panel, _post = open_with_qa(qtbot, make_window, session)
    real = qa_module.run_checks
    started, release = threading.Event(), threading.Event()

    def slow_for_the_old_text(en, fr, context):
        if en == EN + " Old":
            started.set()
            release.wait(10)
        return real(en, fr, context)

    monkeypatch.setattr(qa_module, "run_checks", slow_for_the_old_text)
    en = window.editor(Lang.EN)
    en.editor.setFocus()
    en.editor.moveCursor(en.editor.textCursor().MoveOperation.End)
    QTest.keyClicks(en.editor, " Old")
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert panel.summary.text() == "Checking…"
    assert not panel.fix_button.isEnabled(), "no fix for findings of another text"
    QTest.keyClicks(en.editor, " and new")
    release.set()
    wait_for_findings(qtbot, window, panel)
    assert panel.result.en == EN + " Old and new"
    assert panel.dropped + panel.runner.dropped >= 1


def test_one_empty_language_or_no_post_says_what_is_needed(qtbot, make_window, session):
    window, panel, _post = open_with_qa(qtbot, make_window, session, fr="")
    assert panel.list.count() == 0
    assert panel.summary.text().startswith("Write both the English and the French text")
    fr = window.editor(Lang.FR)
    fr.editor.setFocus()
    fr.editor.insertPlainText("Présentez une demande avant le 5 mars 2026.")  # a paste
    wait_for_findings(qtbot, window, panel)
    assert panel.is_current() and panel.list.count() >= 1


def test_clean_pair_has_no_findings_and_controls_are_named(qtbot, make_window, session):
    window, panel, _post = open_with_qa(qtbot, make_window, session, en="Hello.",
                                        fr="Bonjour.")
    assert rows(panel) == []
    assert panel.summary.text() == "No problems found between the English and French texts."
    assert not panel.fix_button.isEnabled()
    for widget in (panel.list, panel.fix_button):
        assert widget.accessibleName()
