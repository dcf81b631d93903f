"""Spell check as you type: wavy underlines, suggestions in the context menu, add to a dictionary.

`SpellHighlighter` (a `QSyntaxHighlighter`) underlines the misspelt words of
the paragraph being typed with Qt's spell-check underline (a wavy line on
every platform style) — Qt re-highlights only the changed paragraph, and the
checker's word cache makes a re-check of known words a dictionary look-up
each, and `SpellChecker.recheck` looks up only the word a keystroke changed.
`SpellCheckFeature` attaches one highlighter per editor, loads the
checkers (Hunspell dictionaries + termbase + team and personal words,
`desktop.app.spelling`) on a worker once the store is open, and extends each
editor's context menu: up to six suggestions for the word under the pointer,
"Add to my dictionary" and "Add to team dictionary" (a store write, on the
backend's worker; the checkers are then reloaded).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from desktop.core.model import Lang

from .context import Feature, WindowContext
from .operations import OpChanges

if TYPE_CHECKING:
    from desktop.app.spelling import SpellingService
    from translation.spelling import Misspelling, SpellChecker

LANGS = (Lang.EN, Lang.FR)


def _utf16(text: str, index: int) -> int:
    """Python index ``index`` of ``text`` as a Qt (UTF-16) position."""
    return index + sum(1 for c in text[:index] if ord(c) > 0xFFFF)


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspelt words of each paragraph; does nothing until it has a checker."""

    def __init__(self, edit: QPlainTextEdit):
        super().__init__(edit.document())
        self.edit = edit
        self.checker: SpellChecker | None = None
        # Each paragraph's last text and results, so a keystroke re-checks only the word it changed.
        self._last: dict[int, tuple[str, list[Misspelling]]] = {}
        self.underline = QTextCharFormat()  # (not "format": that is QSyntaxHighlighter's own method)
        self.underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.underline.setUnderlineColor(QColor("#d0021b"))

    def set_checker(self, checker: SpellChecker | None) -> None:
        self.checker = checker
        self._last.clear()
        self.rehighlight()

    def misspellings(self, text: str) -> list[Misspelling]:
        return self.checker.check(text) if self.checker is not None else []

    def _block_misspellings(self, text: str) -> list[Misspelling]:
        if self.checker is None:
            return []
        number = self.currentBlock().blockNumber()
        last = self._last.get(number)
        found = self.checker.recheck(last[0], last[1], text) if last else self.checker.check(text)
        self._last[number] = (text, found)
        return found

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        # The word being typed (the cursor at its end) is not flagged until the cursor leaves it, as
        # word processors do: half-typed words would flash, and each format change costs Qt a relayout
        # of the whole paragraph.
        typing_at = self.edit.textCursor().position() - self.currentBlock().position() if self.edit.hasFocus() else -1
        for miss in self._block_misspellings(text):
            start, end = _utf16(text, miss.start), _utf16(text, miss.end)
            if end != typing_at:
                self.setFormat(start, end - start, self.underline)


class SpellCheckFeature(QObject, Feature):
    """One highlighter and context menu per editor; see the module docstring."""

    def __init__(self, context: WindowContext):
        super().__init__(context.widget)
        self.attach(context)
        self.service: SpellingService | None = None
        self.highlighters: dict[Lang, SpellHighlighter] = {}
        for lang in LANGS:
            edit = context.editor(lang).editor
            self.highlighters[lang] = SpellHighlighter(edit)
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            edit.customContextMenuRequested.connect(
                lambda point, lang=lang, edit=edit: self._show_menu(lang, edit, point))

    def activate(self) -> None:
        """Load the checkers on a worker (Hunspell reads its dictionaries in ~0.2 s)."""
        from desktop.app.spelling import for_session

        def load(session):
            service = self.service = self.service or for_session(session)
            return {lang: service.checker(lang) for lang in LANGS}

        self.context.backend.run_query(load, self._on_checkers)

    def _on_checkers(self, checkers: dict) -> None:
        if self.closed:
            return
        for lang, checker in checkers.items():
            self.highlighters[lang].set_checker(checker)

    # -- context menu -------------------------------------------------------------
    def _word_at(self, lang: Lang, edit: QPlainTextEdit, point: QPoint) -> tuple[QTextCursor, str] | None:
        cursor = edit.cursorForPosition(point)
        block = cursor.block()
        text, at = block.text(), cursor.positionInBlock()
        for miss in self.highlighters[lang].misspellings(text):
            start, end = _utf16(text, miss.start), _utf16(text, miss.end)
            if start <= at <= end:
                word = QTextCursor(block)
                word.setPosition(block.position() + start)
                word.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
                return word, miss.word
        return None

    def _show_menu(self, lang: Lang, edit: QPlainTextEdit, point: QPoint) -> None:
        menu = edit.createStandardContextMenu(point)
        found = self._word_at(lang, edit, point) if not edit.isReadOnly() else None
        if found is not None:
            self._add_spelling_actions(menu, lang, *found)
        menu.exec(edit.mapToGlobal(point))
        menu.deleteLater()

    def _add_spelling_actions(self, menu: QMenu, lang: Lang, cursor: QTextCursor, word: str) -> None:
        first = menu.actions()[0] if menu.actions() else None
        checker = self.highlighters[lang].checker
        suggestions = checker.suggest(word) if checker is not None else []
        actions = []
        for suggestion in suggestions:
            action = menu.addAction(suggestion)
            action.triggered.connect(lambda _=False, s=suggestion: cursor.insertText(s))
            actions.append(action)
        if not suggestions:
            none = menu.addAction(self.tr("No suggestions"))
            none.setEnabled(False)
            actions.append(none)
        mine = menu.addAction(self.tr("Add “%1” to my dictionary").replace("%1", word))
        mine.triggered.connect(lambda: self._add_word(lang, word, team=False))
        team = menu.addAction(self.tr("Add “%1” to the team dictionary").replace("%1", word))
        team.triggered.connect(lambda: self._add_word(lang, word, team=True))
        actions += [mine, team, menu.addSeparator()]
        if first is not None:
            for action in actions:  # spelling first, then the standard edit actions
                menu.removeAction(action)
                menu.insertAction(first, action)

    def _add_word(self, lang: Lang, word: str, *, team: bool) -> None:
        def add(session):
            from desktop.app.spelling import for_session

            service = self.service or for_session(session)
            service.add_word(lang, word, team=team)
            return {lang: service.checker(lang)}, OpChanges()

        self.context.backend.run_op(add, on_success=self._on_checkers, initiator=self)
