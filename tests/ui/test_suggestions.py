"""Live ghost suggestions, the Suggest action, the review banner and the translator host.

Real tiny Argos packages (tests/translation/conftest.py, random weights: the
machine text is noise, so properties and flows are tested, never wording), a
real store, the real window with `install_translation` attached as `tandem`
attaches it.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.core.model import Lang, Origin, PostState, Span
from desktop.app.session import open_session
from desktop.ui import suggestions as suggestions_module
from desktop.ui.app import install_translation
from desktop.ui.operations import OpChanges
from desktop.ui.suggestions import is_replaceable
from tests.translation.conftest import archive, both_pairs, built, pkg_dir  # noqa: F401

from .helpers import open_and_wait, reading_order_positions, settle, tab_cycle

EN = "Get your flu shot this fall. Book online today."
FR_HUMAN = "Faites-vous vacciner contre la grippe cet automne."
TAB = Qt.Key.Key_Tab


def settle_all(window, features) -> None:
    """Storage, analysis, suggestion, QA and host workers idle, results delivered."""
    for _ in range(3):
        settle(window)
        features.suggestions.runner.wait_idle()
        features.qa_panel.runner.wait_idle()
        features.host.runner.wait_idle()
        QApplication.processEvents()


@pytest.fixture
def make_features(qtbot, make_window):
    """``make_features(session, post_id)`` → (window, features) with that post open."""
    def make(session, post_id: int | None = None):
        window = make_window(session)
        features = install_translation(window)
        if post_id is not None:
            open_and_wait(qtbot, window, post_id)
        settle_all(window, features)
        return window, features
    return make


def type_and_wait_for_ghost(qtbot, window, features, lang: Lang, text: str) -> str:
    editor = window.editor(lang)
    editor.editor.setFocus()
    with qtbot.waitSignal(features.suggestions.ghost_shown, timeout=15_000) as blocker:
        QTest.keyClicks(editor.editor, text)
    assert blocker.args == [lang.other]
    target, ghost = features.suggestions.ghost()
    assert target is lang.other
    return ghost


def focus(window, lang: Lang) -> None:
    QTest.keyClick(window, Qt.Key.Key_1 if lang is Lang.EN else Qt.Key.Key_2,
                   Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.editor(lang).editor


# -- pure rules ----------------------------------------------------------------------------
def test_only_blank_or_entirely_machine_or_memory_text_is_replaceable():
    machine = Span(0, 7, Origin.MACHINE)
    assert is_replaceable("", ())
    assert is_replaceable("  \n", ())
    assert not is_replaceable("Bonjour", ())
    assert is_replaceable("Bonjour", (machine,))
    assert is_replaceable("Bonjour  ", (machine,)), "white space around machine text is nobody's"
    assert not is_replaceable("Bonjour !", (machine,)), "a character a person typed"
    assert is_replaceable("Bonjour le monde", (machine, Span(8, 16, Origin.MEMORY)))
    assert not is_replaceable("Bonjour le monde", (machine, Span(8, 16, Origin.HUMAN)))


# -- live ghost ---------------------------------------------------------------------------
def test_ghost_appears_in_the_empty_pane_and_tab_there_accepts_it_as_a_machine_version(
        qtbot, make_features, session, both_pairs):
    post_id = session.posts.create(title="Flu").post.id
    window, features = make_features(session, post_id)
    en, fr = window.editor(Lang.EN), window.editor(Lang.FR)
    ghost = type_and_wait_for_ghost(qtbot, window, features, Lang.EN, EN)

    overlay = features.suggestions.overlays[Lang.FR]
    assert overlay.isVisible() and overlay.text() == ghost
    assert fr.text() == "", "a ghost is a preview: nothing is written until accepted"
    assert "Ctrl+2" in overlay.hint_label.text(), "from the source pane: how to get there"
    assert "machine translation" in overlay.hint_label.text()

    focus(window, Lang.FR)
    assert "Tab accepts it, Esc dismisses it" in overlay.hint_label.text()
    assert "Tab accepts it" in fr.editor.accessibleDescription(), "screen readers are told"
    QTest.keyClick(fr.editor, TAB)
    assert QApplication.focusWidget() is fr.editor, "Tab accepted instead of moving focus"
    assert fr.text() == ghost
    assert not overlay.isVisible()
    assert "Tab accepts it" not in fr.editor.accessibleDescription()
    settle_all(window, features)

    view = session.posts.view(post_id)
    assert (view.en.text, view.en.origin) == (EN, Origin.HUMAN), "the source became a version"
    assert (view.fr.text, view.fr.origin, view.fr.seq) == (ghost, Origin.MACHINE, 1)
    assert [(s.start, s.end, s.origin) for s in view.fr.spans] == [(0, len(ghost), Origin.MACHINE)]
    assert not fr.is_dirty()
    assert fr.spans() and fr.editor.extraSelections(), "machine text is highlighted"
    assert fr.machine_banner.isVisible()
    assert fr.machine_banner.text() == "Machine translation — needs linguistic review"
    assert not en.machine_banner.isVisible()
    assert "French suggestion saved as version 1" in window.message_bar.text()

    # A person edits the start of it: the checkpoint carries the machine spans that survive.
    fr.editor.moveCursor(fr.editor.textCursor().MoveOperation.Start)
    QTest.keyClicks(fr.editor, "Note : ")
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle_all(window, features)
    latest = session.posts.view(post_id).fr
    assert (latest.seq, latest.origin) == (2, Origin.HUMAN)
    assert latest.spans and latest.spans[0].start == len("Note : ")
    assert fr.machine_banner.isVisible(), "still has machine text and is not signed off"


def test_esc_dismisses_the_ghost_and_typing_ignores_it(qtbot, make_features, session, both_pairs):
    post_id = session.posts.create(title="Flu").post.id
    window, features = make_features(session, post_id)
    fr = window.editor(Lang.FR)
    type_and_wait_for_ghost(qtbot, window, features, Lang.EN, EN)
    focus(window, Lang.FR)
    QTest.keyClick(fr.editor, Qt.Key.Key_Escape)
    assert features.suggestions.ghost() is None
    assert not features.suggestions.overlays[Lang.FR].isVisible()
    assert fr.text() == "" and QApplication.focusWidget() is fr.editor

    type_and_wait_for_ghost(qtbot, window, features, Lang.EN, " Thanks.")
    focus(window, Lang.FR)
    QTest.keyClicks(fr.editor, "Mer")
    assert features.suggestions.ghost() is None, "typing in the pane drops the ghost"
    assert fr.text() == "Mer"
    QTest.keyClick(fr.editor, TAB)  # no ghost: Tab moves on, inserts nothing
    assert QApplication.focusWidget() is not fr.editor
    assert fr.text() == "Mer"
    settle_all(window, features)
    assert session.posts.view(post_id).fr is None, "nothing was recorded"


def test_without_a_ghost_tab_still_moves_focus_in_reading_order(qtbot, make_features, session,
                                                                both_pairs):
    post_id = session.posts.create(en="Hello", fr="Bonjour", title="Greeting").post.id
    window, features = make_features(session, post_id)
    window.activateWindow()
    qtbot.waitActive(window)
    panel = window.post_list
    seen = tab_cycle(qtbot, panel.search_edit, 60)
    en, fr = window.editor(Lang.EN), window.editor(Lang.FR)
    expected = [panel.search_edit, panel.state_combo, panel.table, window.title_edit,
                en.editor, fr.editor, en.history_combo, fr.history_combo,
                features.qa_panel.list]
    positions = reading_order_positions(seen, expected)
    assert -1 not in positions, [type(w).__name__ for w in seen]
    assert positions == sorted(positions)
    assert (en.text(), fr.text()) == ("Hello", "Bonjour")


def test_a_persons_text_is_never_overwritten_nor_hidden(qtbot, make_features, session,
                                                       both_pairs):
    post_id = session.posts.create(en="Hello", fr=FR_HUMAN, title="T").post.id
    window, features = make_features(session, post_id)
    shown = []
    features.suggestions.ghost_shown.connect(shown.append)
    en = window.editor(Lang.EN)
    en.editor.setFocus()
    QTest.keyClicks(en.editor, " world. Book today.")
    qtbot.wait(suggestions_module.LIVE_DELAY_MS + 300)
    settle_all(window, features)
    assert shown == [] and features.suggestions.ghost() is None
    assert window.editor(Lang.FR).text() == FR_HUMAN

    # The worker's own check (the pane's analysis may lag): a human draft is left alone.
    request = suggestions_module.Request(1, post_id, Lang.EN, "Hello", FR_HUMAN,
                                         {Lang.EN: None, Lang.FR: None})
    assert suggestions_module.live_suggestion(None, request, None) is None


def test_a_machine_made_pane_gets_the_ghost_over_it(qtbot, make_features, session, both_pairs):
    post_id = session.posts.create(en="Hello.", title="T").post.id
    old = "Bonjour."
    session.posts.edit(post_id, Lang.FR, old, origin=Origin.MACHINE,
                       spans=(Span(0, len(old), Origin.MACHINE),))
    window, features = make_features(session, post_id)
    en = window.editor(Lang.EN)
    en.editor.moveCursor(en.editor.textCursor().MoveOperation.End)
    ghost = type_and_wait_for_ghost(qtbot, window, features, Lang.EN, " Book online today.")
    overlay = features.suggestions.overlays[Lang.FR]
    assert "palette(base)" in overlay.styleSheet(), "opaque: a preview of the replacement"
    assert window.editor(Lang.FR).text() == old
    focus(window, Lang.FR)
    QTest.keyClick(window.editor(Lang.FR).editor, TAB)
    settle_all(window, features)
    history = session.posts.history(post_id, Lang.FR)
    assert [v.text for v in history] == [old, ghost]
    assert history[-1].origin is Origin.MACHINE


def test_a_suggestion_for_text_that_changed_meanwhile_is_dropped(qtbot, make_features, session,
                                                                 both_pairs, monkeypatch):
    post_id = session.posts.create(title="T").post.id
    window, features = make_features(session, post_id)
    controller = features.suggestions
    real = suggestions_module.live_suggestion
    started, release = threading.Event(), threading.Event()

    def slow_for_the_first_text(suggester, request, base):
        if request.source_text == "Old text.":
            started.set()
            release.wait(10)
        return real(suggester, request, base)

    monkeypatch.setattr(suggestions_module, "live_suggestion", slow_for_the_first_text)
    shown = []
    controller.ghost_shown.connect(lambda lang: shown.append(controller.ghost()))
    en = window.editor(Lang.EN)
    en.editor.setFocus()
    QTest.keyClicks(en.editor, "Old text.")
    qtbot.waitUntil(started.is_set, timeout=10_000)  # its suggestion is being computed
    QTest.keyClicks(en.editor, " New text.")         # …and the text changes under it
    release.set()
    with qtbot.waitSignal(controller.ghost_shown, timeout=15_000):
        pass
    settle_all(window, features)
    assert controller.dropped >= 1
    assert len(shown) == 1, "only the suggestion for the text on screen was shown"
    assert shown[0] == controller.ghost()
    request, suggestion = controller._ghost
    assert request.source_text == "Old text. New text." == suggestion.source


def test_switching_posts_drops_the_ghost(qtbot, make_features, session, both_pairs):
    first = session.posts.create(title="A").post.id
    second = session.posts.create(en="Other", fr="Autre", title="B").post.id
    window, features = make_features(session, first)
    type_and_wait_for_ghost(qtbot, window, features, Lang.EN, EN)
    open_and_wait(qtbot, window, second)
    assert features.suggestions.ghost() is None
    assert not features.suggestions.overlays[Lang.FR].isVisible()


def test_an_accepted_ghost_that_cannot_be_recorded_is_undone_with_the_reason(
        qtbot, make_features, session, both_pairs):
    post_id = session.posts.create(title="T").post.id
    window, features = make_features(session, post_id)
    type_and_wait_for_ghost(qtbot, window, features, Lang.EN, EN)
    session.store.set_post_state(post_id, PostState.PUBLISHING)  # no edits while sending
    fr = window.editor(Lang.FR)
    focus(window, Lang.FR)
    QTest.keyClick(fr.editor, TAB)
    settle_all(window, features)
    assert fr.text() == ""
    assert window.message_bar.kind == "warning"
    assert session.posts.view(post_id).fr is None


def test_without_a_model_typing_shows_nothing_and_suggest_says_how_to_install(
        qtbot, make_features, session, pkg_dir):
    post_id = session.posts.create(title="T").post.id
    window, features = make_features(session, post_id)
    en = window.editor(Lang.EN)
    en.editor.setFocus()
    QTest.keyClicks(en.editor, EN)
    qtbot.wait(suggestions_module.LIVE_DELAY_MS + 300)
    settle_all(window, features)
    assert features.suggestions.ghost() is None
    QTest.keyClick(window, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle_all(window, features)
    assert "No en→fr translation model is installed" in window.message_bar.text()
    assert not window.editor(Lang.FR).editor.isReadOnly(), "the pane is writable again"
    assert features.suggestions.suggest_action.isEnabled()


# -- Suggest action -------------------------------------------------------------------------
def test_suggest_shortcut_records_the_other_language_and_the_banner_follows_review(
        qtbot, make_features, session, both_pairs):
    post_id = session.posts.create(en=EN, title="Flu").post.id
    window, features = make_features(session, post_id)
    action = features.suggestions.suggest_action
    assert action.shortcut().toString() == "Ctrl+Shift+T"
    assert action.text() == "&Suggest French"
    assert action in window.post_menu.actions() and action in window.toolbar.actions()
    assert window.toolbar.widgetForAction(action).accessibleName() == "Suggest French"

    with qtbot.waitSignal(features.suggestions.recorded, timeout=15_000) as blocker:
        QTest.keyClick(window, Qt.Key.Key_T,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    made = blocker.args[0]
    settle_all(window, features)
    fr = window.editor(Lang.FR)
    assert made.version.origin is Origin.MACHINE and made.source_version.text == EN
    assert fr.text() == made.version.text and not fr.is_dirty()
    assert not fr.editor.isReadOnly()
    assert fr.machine_banner.isVisible()
    assert action.text() == "&Suggest French"  # the focus is not in an editor: French by default

    # A translator signs the French off (the review screen runs it as an operation).
    session.roles.grant(session.user, "translator")
    window.backend.run_op(lambda s: (s.review.sign(post_id, Lang.FR),
                                     OpChanges(frozenset({post_id}), post_list=True)))
    settle_all(window, features)
    assert not fr.machine_banner.isVisible(), "signed off: no longer flagged"


def test_suggest_direction_follows_the_empty_side_then_the_focus(qtbot, make_features, session,
                                                                both_pairs):
    post_id = session.posts.create(fr=FR_HUMAN, title="T").post.id
    window, features = make_features(session, post_id)
    action = features.suggestions.suggest_action
    assert action.text() == "&Suggest English", "English is the empty side"
    en = window.editor(Lang.EN)
    en.editor.setFocus()
    QTest.keyClicks(en.editor, "Hi")
    focus(window, Lang.EN)
    assert action.text() == "&Suggest French", "writing English: French is suggested"
    focus(window, Lang.FR)
    assert action.text() == "&Suggest English"


def test_suggest_asks_before_replacing_a_persons_text_and_keeps_it(qtbot, make_features, session,
                                                                  both_pairs, monkeypatch):
    post_id = session.posts.create(en=EN, fr=FR_HUMAN, title="T").post.id
    window, features = make_features(session, post_id)
    fr = window.editor(Lang.FR)
    fr.editor.setFocus()
    QTest.keyClicks(fr.editor, " Merci.")  # unsaved human typing
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []

    def question(parent, title, text, *args):
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    focus(window, Lang.EN)
    features.suggestions.suggest_action.trigger()
    settle_all(window, features)
    assert asked == ["Replace the French text?"]
    assert fr.text() == FR_HUMAN + " Merci." and not fr.editor.isReadOnly()
    assert len(session.posts.history(post_id, Lang.FR)) == 1

    with qtbot.waitSignal(features.suggestions.recorded, timeout=15_000):
        features.suggestions.suggest_action.trigger()
    settle_all(window, features)
    history = session.posts.history(post_id, Lang.FR)
    assert [v.origin for v in history] == [Origin.HUMAN, Origin.HUMAN, Origin.MACHINE]
    assert history[1].text == FR_HUMAN + " Merci.", "the person's text stays in the history"
    assert fr.text() == history[-1].text


def test_fuzzy_memory_matches_are_offered_and_one_becomes_a_memory_version(
        qtbot, make_features, session, both_pairs, tmp_path):
    from tests.core.test_suggestions import write_tmx

    memory_fr = "Faites-vous vacciner contre la grippe cet automne. Réservez en ligne."
    session.suggestions.import_tmx(write_tmx(tmp_path / "m.tmx", (
        "Get your flu shot this fall. Book online now.", memory_fr)))
    post_id = session.posts.create(en=EN, title="Flu").post.id
    window, features = make_features(session, post_id)
    with qtbot.waitSignal(features.suggestions.recorded, timeout=15_000):
        features.suggestions.suggest_action.trigger()
    settle_all(window, features)
    dialog = features.suggestions.alternatives_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() >= 1
    assert memory_fr in dialog.list.item(0).text() and "%" in dialog.list.item(0).text()
    assert dialog.list.accessibleName() == "Translation memory matches"
    with qtbot.waitSignal(features.suggestions.recorded, timeout=15_000) as blocker:
        QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    settle_all(window, features)
    version = blocker.args[0].version
    assert (version.text, version.origin) == (memory_fr, Origin.MEMORY)
    assert window.editor(Lang.FR).text() == memory_fr
    assert [s.origin for s in version.spans] == [Origin.MEMORY]


# -- start-up: provisioning and warm-up ----------------------------------------------------
def test_start_provisions_it_packages_refreshes_and_warms_up(qtbot, make_window, tmp_path,
                                                            monkeypatch, archive, pkg_dir):
    share = tmp_path / "share"
    share.mkdir()
    archive("en_fr").replace(share / "translate-en_fr-1_0.argosmodel")
    policy = tmp_path / "policy.toml"
    policy.write_text(f"[translation]\npackages_dir = '{share}'\n")
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    session = open_session(tmp_path / "p.sqlite3")
    try:
        window = make_window(session)
        features = install_translation(window)
        with qtbot.waitSignal(features.host.prepared, timeout=30_000) as blocker:
            features.host.activate()
        report = blocker.args[0]
        assert report.installed and report.problems == ()
        assert report.ready_pairs == (("en", "fr"),), "the provisioned model loaded in warm-up"
        assert "No fr→en translation model" in report.pairs[("fr", "en")]
        assert "Installed language packages" in window.message_bar.text()
        window.close()
    finally:
        session.close()


def test_start_reports_provisioning_problems_in_the_message_bar(qtbot, make_window, tmp_path,
                                                               monkeypatch, pkg_dir):
    policy = tmp_path / "policy.toml"
    policy.write_text(f"[translation]\npackages_dir = '{tmp_path / 'missing'}'\n")
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    session = open_session(tmp_path / "p.sqlite3")
    try:
        window = make_window(session)
        features = install_translation(window)
        with qtbot.waitSignal(features.host.prepared, timeout=30_000):
            features.host.activate()
        assert window.message_bar.kind == "warning"
        assert "does not exist" in window.message_bar.text()
        window.close()
    finally:
        session.close()


# -- interface language and accessibility --------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_new_control_is_named_and_french_is_complete(qtbot, make_features, session,
                                                          both_pairs, tmp_path, languages, lang):
    from tests.core.test_suggestions import write_tmx

    from .test_i18n_a11y import is_interactive, qt_internal, ts_messages, visible_texts

    session.suggestions.import_tmx(write_tmx(tmp_path / "m.tmx", (
        "Get your flu shot this fall. Book online now.", FR_HUMAN)))
    post_id = session.posts.create(title="T").post.id
    window, features = make_features(session, post_id)
    features.models.open_dialog()
    qtbot.addWidget(features.models.dialog)
    type_and_wait_for_ghost(qtbot, window, features, Lang.EN, EN)
    features.suggestions._offer_alternatives(post_id, features.suggestions._ghost[1], None)
    languages.set_language(lang)
    settle_all(window, features)

    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in window.findChildren(QWidget)
               if is_interactive(w) and not qt_internal(w) and not w.accessibleName().strip()]
    assert not unnamed, unnamed
    hint = features.suggestions.overlays[Lang.FR].hint_label.text()
    action = features.suggestions.suggest_action
    if lang == "fr":
        assert hint.startswith("Suggestion de la traduction automatique\u00a0: appuyez sur Ctrl+2")
        assert action.text() == "&Suggérer le français"
        assert features.models.action.text() == "&Installer un paquet linguistique…"
        assert features.models.dialog.windowTitle() == "Paquets linguistiques"
        english = {source for _, source, translation in ts_messages()
                   if translation.text != source and len(source) > 3}
        endonyms = {a.text() for a in window.language_group.actions()}
        texts = visible_texts(window) + [hint, action.text(), action.toolTip()]
        leftovers = [t for t in texts if t in english - endonyms]
        assert not leftovers, leftovers
    else:
        assert hint.startswith("Suggested by machine translation: press Ctrl+2")


# -- someone else saved meanwhile: a suggestion never goes on top of their version --------
@pytest.fixture
def bob(session, db_path):
    from tests.publishing.publish_desk import session_as

    session.roles.grant("bob", "author")
    other = session_as(db_path, "bob")
    yield other
    other.close()


def test_an_accepted_ghost_never_replaces_a_version_someone_saved_meanwhile(
        qtbot, make_features, session, bob, both_pairs):
    post_id = session.posts.create(title="Flu").post.id
    window, features = make_features(session, post_id)
    type_and_wait_for_ghost(qtbot, window, features, Lang.EN, EN)
    bob.posts.edit(post_id, Lang.FR, FR_HUMAN)  # on his workstation, while the ghost shows
    fr = window.editor(Lang.FR)
    focus(window, Lang.FR)
    QTest.keyClick(fr.editor, TAB)
    settle_all(window, features)
    history = session.posts.history(post_id, Lang.FR)
    assert [(v.text, v.author) for v in history] == [(FR_HUMAN, "bob")], "not replaced"
    assert fr.text() == "", "the insertion is undone"
    assert window.message_bar.kind == "warning"
    assert "bob" in window.message_bar.text()


def test_suggest_never_replaces_a_version_someone_saved_meanwhile(
        qtbot, make_features, session, bob, both_pairs, monkeypatch):
    post_id = session.posts.create(en=EN, fr=FR_HUMAN, title="T").post.id
    window, features = make_features(session, post_id)
    fr = window.editor(Lang.FR)
    fr.editor.setFocus()
    QTest.keyClicks(fr.editor, " Merci.")  # unsaved human typing on version 1
    bob.posts.edit(post_id, Lang.FR, FR_HUMAN + " (Bob)")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Yes)
    focus(window, Lang.EN)
    features.suggestions.suggest_action.trigger()
    settle_all(window, features)
    history = session.posts.history(post_id, Lang.FR)
    assert [(v.text, v.author) for v in history][-1] == (FR_HUMAN + " (Bob)", "bob")
    assert len(history) == 2, "neither the typing nor the suggestion went on top of Bob's"
    assert fr.text() == FR_HUMAN + " Merci.", "the person's typing is still on screen"
    assert window.message_bar.kind == "warning" and "bob" in window.message_bar.text()
