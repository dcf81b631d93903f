"""How publishing results read in the window: languages, entry states, links, times."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QTextDocumentFragment

from desktop.core.model import Lang
from desktop.publishing.outbox import EntryState, Publication, iso

from ..i18n import format_timestamp, language_name
from ..messages import render
from .accounts import channel_label


def lang_label(lang: str) -> str:
    """An entry's or planned post's language ("en", "fr" or "both")."""
    if lang == "both":
        return QCoreApplication.translate("PublishPanel", "English and French")
    return language_name(Lang(lang))


def entry_state_label(state: EntryState) -> str:
    if state in (EntryState.SENT, EntryState.CONFIRMED):
        return QCoreApplication.translate("PublishPanel", "out")
    if state is EntryState.PENDING:
        return QCoreApplication.translate("PublishPanel", "not sent yet")
    if state is EntryState.FAILED:
        return QCoreApplication.translate("PublishPanel", "failed")
    return QCoreApplication.translate("PublishPanel", "withdrawn or deleted")


def link(url: str) -> str:
    """A clickable link for web addresses; anything else as plain (escaped) text."""
    escaped = html.escape(url, quote=True)
    if url.startswith(("https://", "http://")):
        return f'<a href="{escaped}">{escaped}</a>'
    return escaped


def publication_html(publication: Publication) -> str:
    """Each post of a publication (links for those that are out) and the gaps."""
    lines = []
    for entry in publication.entries:
        line = QCoreApplication.translate(
            "PublishPanel", "{language} on {account} ({network}): {state}").format(
            language=lang_label(entry.lang), account=entry.account_name,
            network=channel_label(entry.channel), state=entry_state_label(entry.state))
        line = html.escape(line)
        if entry.out and entry.remote_url:
            line += " — " + link(entry.remote_url)
        elif entry.last_error and not entry.out:
            line += " — " + html.escape(render(entry.last_error))
        lines.append(line)
    for channel, gap in publication.gaps().items():
        lines.append(html.escape(QCoreApplication.translate(
            "PublishPanel", "Gap between the languages on {network}: {seconds} s").format(
            network=channel_label(channel), seconds=QLocale().toString(gap, "f", 3))))
    return "<br>".join(lines)


def plain(rich: str) -> str:
    """Rich text as a screen reader should hear it (no markup)."""
    return QTextDocumentFragment.fromHtml(rich).toPlainText()


def local_time(moment: datetime) -> str:
    return format_timestamp(iso(moment))
