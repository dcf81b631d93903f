"""Confirming a decision before it is made: what exactly is being signed, approved or restored.

Every sign-off, approval and restore asks first, naming each language, its
version number, the start of its text and the first characters of its sha256,
so the person confirms the wording they saw — the saved version, never text
still being typed (the actions are disabled while an editor has unsaved changes).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.model import Lang, Version

from .i18n import language_name

#: Characters of the text shown, and of the sha256.
EXCERPT_CHARS = 80
HASH_CHARS = 12


def tr(text: str) -> str:
    return QCoreApplication.translate("Decisions", text)


def excerpt(text: str) -> str:
    """The start of ``text`` on one line, cut at EXCERPT_CHARS with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[:EXCERPT_CHARS - 1].rstrip() + "…"


def describe(lang: Lang, version: Version) -> str:
    """'French version 3 (sha256 1a2b3c4d5e6f): “Les vaccins…”'."""
    return tr("{language} version {seq} (sha256 {hash}): “{start}”").format(
        language=language_name(lang), seq=version.seq, hash=version.sha256[:HASH_CHARS],
        start=excerpt(version.text))


def confirm(parent: QWidget, title: str, question: str,
            versions: Iterable[tuple[Lang, Version]], action: str) -> bool:
    """Ask ``question`` about ``versions``; True only if the person chose ``action``."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setObjectName("decision_confirm")
    box.setInformativeText("\n\n".join(describe(lang, v) for lang, v in versions))
    yes = box.addButton(QMessageBox.StandardButton.Yes)
    yes.setText(action)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)  # Enter alone never decides
    box.setEscapeButton(cancel)
    box.setAccessibleName(title)
    box.setAccessibleDescription(question + " " + box.informativeText())
    return box.exec() == QMessageBox.StandardButton.Yes
