"""Spell check in the editors: wavy underlines, suggestions and add-to-dictionary in the context menu."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat

from desktop.core.model import Lang
from desktop.ui.spell_highlighter import SpellCheckFeature

from .helpers import open_and_wait, settle


def underlined(edit) -> list[str]:
    """The words shown with the spell-check underline."""
    words = []
    block = edit.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                words.append(block.text()[r.start:r.start + r.length])
        block = block.next()
    return words


def open_with_spelling(qtbot, make_window, session, en: str, fr: str):
    post_id = session.posts.create(en=en, fr=fr, title="Spelling").post.id
    window = make_window(session)
    feature = SpellCheckFeature(window.context)
    feature.activate()
    open_and_wait(qtbot, window, post_id)
    qtbot.waitUntil(lambda: all(h.checker is not None for h in feature.highlighters.values()), timeout=10_000)
    settle(window)
    return window, feature


def test_misspelt_words_get_a_wavy_underline(qtbot, make_window, session):
    window, _ = open_with_spelling(qtbot, make_window, session,
                                   "Wildfire smoke is afecting air quality. #GCDigital @CDS_GC COVID-19",
                                   "La fumee des feux de forêt.")
    assert underlined(window.editor(Lang.EN).editor) == ["afecting"]
    assert underlined(window.editor(Lang.FR).editor) == ["fumee"]


def test_context_menu_offers_suggestions_then_adds_to_my_dictionary(qtbot, make_window, session):
    window, feature = open_with_spelling(qtbot, make_window, session, "Smoke is afecting Zorbify.", "Bonjour.")
    edit = window.editor(Lang.EN).editor
    rect = edit.cursorRect(edit.document().find("afecting"))
    menu = edit.createStandardContextMenu(rect.center())
    found = feature._word_at(Lang.EN, edit, rect.center())
    assert found is not None and found[1] == "afecting"
    feature._add_spelling_actions(menu, Lang.EN, *found)
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "affecting"
    assert "Add “afecting” to my dictionary" in texts and "Add “afecting” to the team dictionary" in texts
    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: "affecting" in edit.toPlainText(), timeout=5_000)
    feature._add_word(Lang.EN, "Zorbify", team=False)
    qtbot.waitUntil(lambda: underlined(edit) == [], timeout=10_000)
    assert [w["word"] for w in feature.service.words(Lang.EN)] == ["Zorbify"]
