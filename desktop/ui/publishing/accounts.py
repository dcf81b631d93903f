"""Account widgets shared by Settings and the publishing screens: how an account reads,
the checkable targets list, and the IT-policy lock note."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QWidget)

from desktop.publishing.accounts import CHANNEL_NAMES, AccountLang, PublishingAccount


def lock_icon(size: int = 16) -> QIcon:
    """A padlock (drawn: the bundled fonts have no lock character)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor("#444444")
    painter.setPen(QPen(colour, max(1.5, size / 10)))
    shackle = QPainterPath()
    shackle.moveTo(QPointF(size * 0.3, size * 0.5))
    shackle.lineTo(QPointF(size * 0.3, size * 0.32))
    shackle.arcTo(QRectF(size * 0.3, size * 0.1, size * 0.4, size * 0.4), 180, -180)
    shackle.lineTo(QPointF(size * 0.7, size * 0.5))
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(size * 0.18, size * 0.45, size * 0.64, size * 0.47), 2, 2)
    painter.end()
    return QIcon(pixmap)


def lock_text() -> str:
    return QCoreApplication.translate("Settings", "Set by your IT policy")


def channel_label(channel: str) -> str:
    if channel == "webhook":
        return QCoreApplication.translate("Settings", "Hand-off webhook")
    return CHANNEL_NAMES.get(channel, channel)


def account_language(account: PublishingAccount) -> str:
    if account.lang is AccountLang.EN:
        return QCoreApplication.translate("Settings", "English")
    if account.lang is AccountLang.FR:
        return QCoreApplication.translate("Settings", "French")
    first = account.langs[0].value
    text = (QCoreApplication.translate("Settings", "Bilingual, English first") if first == "en"
            else QCoreApplication.translate("Settings", "Bilingual, French first"))
    if account.combine_when_fits:
        text += QCoreApplication.translate("Settings", ", one post when both fit")
    return text


def account_summary(account: PublishingAccount) -> str:
    return QCoreApplication.translate(
        "Settings", "{name} — {network}, {language} ({handle})").format(
        name=account.name, network=channel_label(account.channel),
        language=account_language(account), handle=account.handle)



class TargetsChooser(QListWidget):
    """A checkable list of accounts (default targets, or one post's targets)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("targets_chooser")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(110)

    def set_accounts(self, accounts: tuple[PublishingAccount, ...] | list[PublishingAccount],
                     checked: set[str]) -> None:
        self.clear()
        for account in accounts:
            item = QListWidgetItem(account_summary(account))
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if account.name in checked
                               else Qt.CheckState.Unchecked)
            self.addItem(item)

    def checked_names(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]


class LockNote(QWidget):
    """A lock and "Set by your IT policy" (never the lock alone)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.icon = QLabel(self)
        self.icon.setPixmap(lock_icon(16).pixmap(16, 16))
        self.label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.label.setText(lock_text())
        self.setAccessibleName(lock_text())
