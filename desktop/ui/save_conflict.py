"""Two people, one post: the choice shown when a save meets a version someone else saved.

A checkpoint whose editor started from a version that is no longer the latest is
not applied (`VersionConflict`; the text stays in autosave). `SaveConflictDialog`
then shows the person's text and the other version side by side (author, version
number, time) and lets them choose:

* **Save mine on top** — a new version whose base is the version they have now seen,
  so replacing it is their explicit decision (another save meanwhile asks again);
* **Take theirs** — their unsaved text for that language is dropped and the editor
  shows the latest version;
* **Copy mine** — their text goes to the clipboard and they keep editing;
* **Keep editing** (Escape) — nothing changes; the text stays in the editor and in
  autosave, and the next save asks again.

`resolve_conflicts` opens one dialog per conflicting language, one after another,
and carries out each choice through the window's storage worker.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from desktop.core.model import Lang, Version

from .i18n import format_timestamp, language_name
from .operations import posts as ops

if TYPE_CHECKING:
    from desktop.core.errors import VersionConflict


class Choice(Enum):
    KEEP_EDITING = "keep"
    SAVE_MINE = "mine"
    TAKE_THEIRS = "theirs"
    COPY_MINE = "copy"


class SaveConflictDialog(QDialog):
    """Both texts of one language side by side, and the three ways out."""

    def __init__(self, lang: Lang, mine: str, conflict: VersionConflict,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("save_conflict")
        self.lang, self.mine, self.latest = lang, mine, conflict.latest
        self.choice = Choice.KEEP_EDITING
        self.setWindowTitle(self.tr("Someone else saved this text"))
        self.setWindowModality(Qt.WindowModality.WindowModal)

        base = conflict.base
        self.explanation = QLabel(self.tr(
            "{user} saved the {language} text (version {seq}) after you started from {start}. "
            "Your text was not saved over it. Compare them and choose.").format(
            user=self.latest.author, language=language_name(lang), seq=self.latest.seq,
            start=(self.tr("version {version}").format(version=base.seq) if base is not None
                   else self.tr("an empty text"))))
        self.explanation.setWordWrap(True)

        self.mine_label = QLabel(self.tr("Your text (not saved)"))
        self.theirs_label = QLabel(self.describe_version(self.latest))
        self.mine_view = self._text_view(mine, self.tr("Your text, not saved"))
        self.theirs_view = self._text_view(self.latest.text, self.describe_version(self.latest))
        self.mine_label.setBuddy(self.mine_view)
        self.theirs_label.setBuddy(self.theirs_view)
        texts = QGridLayout()
        texts.addWidget(self.mine_label, 0, 0)
        texts.addWidget(self.theirs_label, 0, 1)
        texts.addWidget(self.mine_view, 1, 0)
        texts.addWidget(self.theirs_view, 1, 1)

        seq = self.latest.seq
        self.save_mine_button = self._button(
            self.tr("&Save mine on top"), Choice.SAVE_MINE,
            self.tr("Save your text as a new version on top of version {seq}.").format(seq=seq))
        self.take_theirs_button = self._button(
            self.tr("&Take theirs"), Choice.TAKE_THEIRS,
            self.tr("Drop your unsaved text and show version {seq}.").format(seq=seq))
        self.copy_mine_button = self._button(
            self.tr("&Copy mine"), Choice.COPY_MINE,
            self.tr("Copy your text to the clipboard and keep editing."))
        self.keep_button = QPushButton(self.tr("&Keep editing"))
        self.keep_button.setAccessibleName(self.tr("Keep editing"))
        self.keep_button.setToolTip(self.tr("Close this and keep editing; nothing is lost (Esc)."))
        self.keep_button.clicked.connect(self.reject)
        self.keep_button.setDefault(True)  # Enter never replaces anything by accident
        buttons = QHBoxLayout()
        for button in (self.save_mine_button, self.take_theirs_button, self.copy_mine_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(texts, 1)
        layout.addLayout(buttons)
        self.resize(900, 480)

    def describe_version(self, version: Version) -> str:
        """'Version 3 by bob, 2026-12-03 10:41'."""
        return self.tr("Version {seq} by {user}, {time}").format(
            seq=version.seq, user=version.author, time=format_timestamp(version.created_at))

    def _text_view(self, text: str, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setAccessibleName(name)
        view.setMinimumSize(240, 120)
        return view

    def _button(self, text: str, choice: Choice, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:  # Escape, the window's close button, Keep editing
        self.choice = Choice.KEEP_EDITING
        super().reject()


def resolve_conflicts(window, post_id: int, conflicts: dict[Lang, VersionConflict]) -> None:
    """Ask about each conflicting language in turn, showing the editor's text as the
    person's own, and carry out each answer on the window's storage worker."""
    pending = [lang for lang in (Lang.EN, Lang.FR) if lang in conflicts]
    if not pending or post_id != window.current_post_id():
        return
    lang = pending[0]
    rest = {other: conflicts[other] for other in pending[1:]}
    dialog = SaveConflictDialog(lang, window.editors[lang].text(), conflicts[lang], window)

    def finished(_code: int) -> None:
        dialog.deleteLater()
        if post_id == window.current_post_id():
            apply_choice(window, post_id, lang, dialog.mine, dialog.latest, dialog.choice)
        resolve_conflicts(window, post_id, rest)

    dialog.finished.connect(finished)
    dialog.open()


def apply_choice(window, post_id: int, lang: Lang, mine: str, latest: Version,
                 choice: Choice) -> None:
    editor = window.editors[lang]
    if choice is Choice.SAVE_MINE:
        window.backend.run_op(
            lambda session: ops.checkpoint(session, post_id, {lang: mine}, None,
                                           {lang: latest.id}),
            on_success=lambda result: window._on_checkpoint_done(post_id, "save", result),
            initiator=window)
    elif choice is Choice.TAKE_THEIRS:
        window._autosave[lang].cancel()

        def show_latest(value) -> None:
            version, history = value
            if post_id == window.current_post_id():
                editor.load(post_id, version, history)
                shown = QCoreApplication.translate(
                    "SaveConflictDialog", "Showing {language} version {seq}; your text was dropped.")
                window.show_message(shown.format(language=language_name(lang), seq=version.seq),
                                    "info")

        window.backend.run_op(lambda session: ops.take_latest(session, post_id, lang),
                              on_success=show_latest, initiator=editor)
    elif choice is Choice.COPY_MINE:
        QGuiApplication.clipboard().setText(mine)
        copied = QCoreApplication.translate(
            "SaveConflictDialog", "Your {language} text is on the clipboard; it was not saved.")
        window.show_message(copied.format(language=language_name(lang)), "info")
