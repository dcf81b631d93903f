"""The translator's review queue: pairs waiting for sign-off, oldest first.

A window of its own (View → Review queue, Ctrl+Shift+R). The list is
``ReviewService.queue()``; picking a pair shows both languages side by side,
read-only, with machine and memory spans highlighted by the editor's own code
(`LanguageEditor._highlight`), the QA findings (``translation.qa.check_pair``
through the review service), and each language's word-level diff against its
latest machine suggestion (``review.machine_diff``, computed in the core).

Per language: **Sign off** (comment optional; Ctrl+Shift+E / Ctrl+Shift+F)
and **Reject** (comment required). The core decides who may sign
(``ReviewService.signoff_roles``); when the user may not, the pane says which
role is missing and the buttons are disabled. Both calls pass the version the
reviewer saw, so a text changed meanwhile is refused, never signed unseen.
Every read and write runs on the storage worker; a refresh that a newer one
superseded is dropped.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy, QSplitter,
                               QStackedWidget, QTextBrowser, QVBoxLayout, QWidget)

from desktop.core.model import Lang, Origin
from desktop.core.review import Decision, LangStatus, LanguageReview, MachineDiff, ReviewItem

from .i18n import roles_phrase
from .messages import render
from . import decisions
from .context import Feature
from .editor import LanguageEditor
from .i18n import format_percent, format_timestamp, language_name, provenance_text
from .operations import OpChanges
from .operations.review import Decide, ReviewQueue, load_queue, reject, sign
from .widgets import MessageBar, over_colour

if TYPE_CHECKING:
    from .context import WindowContext

LANGS = (Lang.EN, Lang.FR)
# Diff colours (≥ 4.5:1 contrast), with strike-through/underline so colour is not alone.
REMOVED_STYLE = "color:#9b1c1c; background:#fdecea; text-decoration:line-through;"
ADDED_STYLE = "color:#1e5c32; background:#e7f5ec; text-decoration:underline;"


def diff_html(diff: MachineDiff) -> str:
    """The diff as rich text: removed machine wording struck through, added wording underlined."""
    parts = []
    for op in diff.ops:
        if op.op == "equal":
            parts.append(html.escape(op.current))
            continue
        if op.machine:
            parts.append(f'<span style="{REMOVED_STYLE}">{html.escape(op.machine)}</span>')
        if op.machine and op.current:
            parts.append("\u200a")  # a hair space keeps "removed" and "added" apart
        if op.current:
            parts.append(f'<span style="{ADDED_STYLE}">{html.escape(op.current)}</span>')
    return f'<p style="white-space:pre-wrap">{"".join(parts)}</p>'


class ReviewPane(QWidget):
    """One language of the pair under review, with its Sign off / Reject buttons."""

    # (lang, comment)
    sign_requested = Signal(object, str)
    reject_requested = Signal(object, str)
    # A label's text changed: the window lines the two languages up again.
    texts_changed = Signal()

    def __init__(self, lang: Lang, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = Lang(lang)
        self.setObjectName(f"review_pane_{self.lang.value}")
        self._review: LanguageReview | None = None
        self.heading = QLabel(self)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setObjectName(f"review_text_{self.lang.value}")
        self.text_view.setReadOnly(True)
        self.text_view.setTabChangesFocus(True)
        self.text_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                               | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setBuddy(self.text_view)
        self.legend_label = QLabel(self)
        self.legend_label.setWordWrap(True)
        self.diff_label = QLabel(self)
        self.diff_label.setWordWrap(True)
        self.diff_view = QTextBrowser(self)
        self.diff_view.setObjectName(f"review_diff_{self.lang.value}")
        self.diff_view.setTabChangesFocus(True)
        self.diff_view.setMaximumHeight(140)
        policy = self.diff_view.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # both languages keep the same layout
        self.diff_view.setSizePolicy(policy)
        self.diff_label.setBuddy(self.diff_view)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.status_label, self.legend_label, self.diff_label, self.note_label):
            # Lined up with the other language (`ReviewQueueWindow._align_panes`): top
            # aligned, and never stretched (spare height goes to the texts).
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.comment_edit = QLineEdit(self)
        self.comment_edit.setObjectName(f"review_comment_{self.lang.value}")
        self.comment_edit.setMaxLength(2000)
        self.sign_button = QPushButton(self)
        self.sign_button.setObjectName(f"sign_{self.lang.value}")
        self.reject_button = QPushButton(self)
        self.reject_button.setObjectName(f"reject_{self.lang.value}")

        buttons = QHBoxLayout()
        buttons.addWidget(self.comment_edit, 1)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.status_label)
        layout.addWidget(self.text_view, 2)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.diff_label)
        layout.addWidget(self.diff_view, 1)
        layout.addWidget(self.note_label)
        layout.addLayout(buttons)

        self.sign_button.clicked.connect(self._on_sign_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.retranslate_ui()
        self.show_review(None)

    @property
    def review(self) -> LanguageReview | None:
        return self._review

    def show_review(self, review: LanguageReview | None, keep_comment: bool = False) -> None:
        self._review = review
        if not keep_comment:
            self.comment_edit.clear()
        version = review.version if review is not None else None
        text = version.text if version is not None else ""
        self.text_view.setPlainText(text)
        LanguageEditor._highlight(self.text_view, text, version.spans if version else ())
        self._render()

    def _render(self) -> None:
        review = self._review
        version = review.version if review is not None else None
        self.status_label.setText(self._status_text())
        self.status_label.setAccessibleName(self.status_label.text())
        has_spans = version is not None and any(s.origin is not Origin.HUMAN for s in version.spans)
        self.legend_label.setText(self._legend_text() if has_spans else "")
        self._render_diff()
        self._set_note(self._note_text())
        can = review is not None and review.can_sign
        for widget in (self.comment_edit, self.sign_button, self.reject_button):
            widget.setEnabled(can)
        self.texts_changed.emit()

    def _set_note(self, note: str) -> None:
        self.note_label.setText(note)
        self.note_label.setAccessibleName(note)
        self.note_label.setStyleSheet(f"color: {over_colour()};" if note else "")

    def _legend_text(self) -> str:
        return self.tr("Highlighted: machine translation (dotted underline), translation memory "
                       "(dashed underline).")

    def _status_text(self) -> str:
        review = self._review
        if review is None or review.version is None:
            return self.tr("No text yet.")
        version = review.version
        text = self.tr("Version {seq} · {origin} · written by {author} on {time}").format(
            seq=version.seq, origin=provenance_text(version), author=version.author,
            time=format_timestamp(version.created_at))
        if review.machine_assisted:
            text += "\n" + self.tr("{share} from machine translation or memory").format(
                share=format_percent(review.machine_share * 100))
        decision = review.decision  # official and rejected languages have one
        if review.status is LangStatus.OFFICIAL and decision is not None:
            text += "\n" + self.tr("Signed off by {user} on {time}: this is the official "
                                   "version.").format(user=decision.reviewer,
                                                      time=format_timestamp(decision.at))
        elif review.status is LangStatus.REJECTED and decision is not None:
            text += "\n" + self.tr("Rejected by {user}: {comment}").format(
                user=decision.reviewer, comment=decision.comment)
        elif review.status is LangStatus.PENDING:
            text += "\n" + self.tr("Awaits sign-off.")
        return text

    def _note_text(self) -> str:
        """Why the user cannot act on this language now (the missing role), or ''."""
        review = self._review
        if review is None or review.status is not LangStatus.PENDING or review.can_sign:
            return ""
        name = language_name(self.lang)
        if review.machine_assisted:
            return self.tr("Signing off the {language} version needs {roles} (it contains "
                           "machine-translated or translation-memory text); you do not hold "
                           "it.").format(language=name, roles=roles_phrase(review.needs))
        return self.tr("Signing off the {language} version needs {roles}; you do not hold "
                       "it.").format(language=name, roles=roles_phrase(review.needs))

    def _render_diff(self) -> None:
        review = self._review
        diff = review.machine_diff if review is not None else None
        if diff is None:
            self.diff_label.setText(self.tr("No machine suggestion in this language's history."))
            self.diff_view.clear()
            self.diff_view.hide()
            return
        if diff.changed:
            changes = sum(1 for op in diff.ops if op.op != "equal")
            self.diff_label.setText(self.tr(
                "Changes from the machine suggestion (version {seq}): {count}. Struck-through "
                "text was removed, underlined text was added.").format(
                seq=diff.machine_version.seq, count=QLocale().toString(changes)))
        else:
            self.diff_label.setText(self.tr(
                "Changes from the machine suggestion (version {seq}): none, the text is the "
                "suggestion as is.").format(seq=diff.machine_version.seq))
        self.diff_view.setHtml(diff_html(diff))
        self.diff_view.show()

    @Slot()
    def _on_sign_button_clicked(self) -> None:
        self.sign_requested.emit(self.lang, self.comment_edit.text().strip())

    @Slot()
    def _on_reject_button_clicked(self) -> None:
        comment = self.comment_edit.text().strip()
        if not comment:
            self._set_note(self.tr("Write what to fix in the comment, then reject."))
            self.texts_changed.emit()
            self.comment_edit.setFocus()
            return
        self.reject_requested.emit(self.lang, comment)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        name = language_name(self.lang)
        self.heading.setText(self.tr("English text") if self.lang is Lang.EN
                             else self.tr("French text"))
        self.text_view.setAccessibleName(self.tr("{language} text under review").format(
            language=name))
        self.text_view.setAccessibleDescription(self.tr(
            "Read only. Machine translation is highlighted with a dotted underline, "
            "translation memory with a dashed underline."))
        self.diff_view.setAccessibleName(self.tr(
            "{language} changes from the machine suggestion").format(language=name))
        self.comment_edit.setAccessibleName(self.tr("{language} review comment").format(
            language=name))
        self.comment_edit.setPlaceholderText(self.tr("Comment (required to reject)"))
        shortcut = "Ctrl+Shift+E" if self.lang is Lang.EN else "Ctrl+Shift+F"
        self.sign_button.setText(self.tr("Sign off"))
        self.sign_button.setAccessibleName(self.tr("Sign off the {language} version").format(
            language=name))
        self.sign_button.setToolTip(self.tr(
            "Make this {language} version official ({shortcut})").format(language=name,
                                                                        shortcut=shortcut))
        self.reject_button.setText(self.tr("Reject"))
        self.reject_button.setAccessibleName(self.tr("Reject the {language} version").format(
            language=name))
        self.reject_button.setToolTip(self.tr(
            "Send this version back to its writers; the comment says what to fix"))
        self._render()


class ReviewQueueWindow(QWidget, Feature):
    """Pairs waiting for review (oldest first) and the chosen pair side by side."""

    #: QA findings shown without scrolling.
    QA_ROWS = 5
    #: Labels of the two panes that are kept the same height (the texts line up).
    PAIRED_LABELS = ("status_label", "legend_label", "diff_label", "note_label")

    def __init__(self, context: WindowContext):
        super().__init__(context.widget, Qt.WindowType.Window)
        self.setObjectName("review_queue")
        self.attach(context)
        self._queue: ReviewQueue | None = None
        self._shown: ReviewItem | None = None

        self.message_bar = MessageBar("info", self)
        self.list_label = QLabel(self)
        self.list_label.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("review_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list_label.setBuddy(self.list)
        self.count_label = QLabel(self)

        self.title_label = QLabel(self)
        bold = QFont(self.title_label.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.title_label.setFont(bold)
        self.title_label.setWordWrap(True)
        self.waiting_label = QLabel(self)
        self.panes = {lang: ReviewPane(lang, self) for lang in LANGS}
        pane_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        pane_splitter.setChildrenCollapsible(False)
        for lang in LANGS:
            pane_splitter.addWidget(self.panes[lang])
        self.qa_label = QLabel(self)
        self.qa_list = QListWidget(self)
        self.qa_list.setObjectName("review_qa")
        self.qa_list.setWordWrap(True)
        self.qa_label.setBuddy(self.qa_list)

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.title_label)
        detail_layout.addWidget(self.waiting_label)
        detail_layout.addWidget(pane_splitter, 1)
        detail_layout.addWidget(self.qa_label)
        detail_layout.addWidget(self.qa_list)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.detail_stack = QStackedWidget(self)
        self.detail_stack.addWidget(self.empty_label)
        self.detail_stack.addWidget(detail)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_label)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.detail_stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 900])

        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("review_refresh")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("review_close")
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.sign_actions: dict[Lang, QAction] = {}
        for lang, key in ((Lang.EN, "Ctrl+Shift+E"), (Lang.FR, "Ctrl+Shift+F")):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(
                lambda _=False, lang=lang: self.panes[lang].sign_button.click())
            self.addAction(action)
            self.sign_actions[lang] = action
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)

        # Opens the window (View menu of the main window).
        self.open_action = QAction(context.widget)
        self.open_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.open_action.triggered.connect(self.open)
        context.add_view_action(self.open_action)

        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        for pane in self.panes.values():
            pane.sign_requested.connect(self._on_pane_sign_requested)
            pane.reject_requested.connect(self._on_pane_reject_requested)
            pane.texts_changed.connect(self._align_panes)
            pane.installEventFilter(self)  # a new width re-wraps the labels
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.close)
        context.backend.operation_executed.connect(self._on_backend_operation_executed)
        for lang in LANGS:
            editor = context.editor(lang)  # (none on a context without editors)
            if editor is not None:
                editor.text_edited.connect(self._guard_unsaved)
        self.retranslate_ui()
        self.resize(1280, 700)  # with its frame, inside a 1366 × 768 screen

    def feature_actions(self) -> tuple[QAction, ...]:
        return (self.open_action,)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Escape closes the queue, as it closes a dialog (an Escape a child used, such
        as a popup list closing, never gets here)."""
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.close()
            return
        super().keyPressEvent(event)

    # -- opening and loading ----------------------------------------------------------
    @Slot()
    def open(self) -> None:
        """Show the window (or bring it forward) and read the queue."""
        if self.isVisible():
            self.raise_()
        self.show()
        self.activateWindow()
        self.refresh()
        self.list.setFocus()

    @Slot()
    def refresh(self) -> None:
        """Read the queue; latest wins (a newer refresh supersedes this one)."""
        self.context.backend.query_latest(self, load_queue, self._on_queue_loaded,
                                          on_failure=self._on_failure)

    def _on_queue_loaded(self, queue: ReviewQueue) -> None:
        selected = self.current_post_id()
        self._queue = queue
        self.list.blockSignals(True)
        self.list.clear()
        for item in queue.items:
            row = QListWidgetItem(self._item_text(item))
            row.setData(Qt.ItemDataRole.UserRole, item.post.id)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, self._item_text(item))
            self.list.addItem(row)
        self.list.blockSignals(False)
        ids = [item.post.id for item in queue.items]
        current = ids.index(selected) if selected in ids else 0
        if ids:
            self.list.setCurrentRow(current)
            self._show_item(queue.items[current])
        else:
            self._show_item(None)
        self._render_count()

    def _item_text(self, item: ReviewItem) -> str:
        pending = [language_name(lr.lang) for lr in (item.en, item.fr)
                   if lr.status is LangStatus.PENDING]
        return self.tr("{title}\nTo review: {languages} · waiting since {time}").format(
            title=item.post.title, languages=", ".join(pending),
            time=format_timestamp(item.waiting_since))

    def current_post_id(self) -> int | None:
        row = self.list.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row is not None else None

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_list_current_item_changed(self, current: QListWidgetItem | None,
                                      _previous: QListWidgetItem | None) -> None:
        if current is None or self._queue is None:
            return
        post_id = current.data(Qt.ItemDataRole.UserRole)
        item = next((i for i in self._queue.items if i.post.id == post_id), None)
        self._show_item(item)

    def _show_item(self, item: ReviewItem | None) -> None:
        same = item is not None and self._shown is not None and item.post.id == self._shown.post.id
        self._shown = item
        if item is None:
            self.detail_stack.setCurrentIndex(0)
            for pane in self.panes.values():
                pane.show_review(None)
            return
        self.detail_stack.setCurrentIndex(1)
        self.title_label.setText(item.post.title)
        self.title_label.setAccessibleName(item.post.title)
        waiting = self.tr("Post {id} · waiting for review since {time}").format(
            id=item.post.id, time=format_timestamp(item.waiting_since))
        self.waiting_label.setText(waiting)
        self.waiting_label.setAccessibleName(waiting)
        for lang in LANGS:
            pane = self.panes[lang]
            unchanged = same and pane.review is not None and item.lang(lang).version == \
                pane.review.version
            pane.show_review(item.lang(lang), keep_comment=unchanged)
        self._guard_unsaved()
        self._render_qa(item)

    def _unsaved(self, lang: Lang) -> bool:
        """Whether the window's editor shows the reviewed post's ``lang`` with unsaved text."""
        editor = self.context.editor(lang)
        return (self._shown is not None and editor is not None
                and self.context.current_post_id() == self._shown.post.id and editor.is_dirty())

    @Slot()
    def _guard_unsaved(self, *_args: object) -> None:
        """A decision is made on the saved version shown here: not while the same text is
        being edited in the window (sign-off and rejection wait for it to be saved)."""
        for lang, pane in self.panes.items():
            if pane.review is None or not pane.review.can_sign:
                continue
            unsaved = self._unsaved(lang)
            for widget in (pane.sign_button, pane.reject_button):
                widget.setEnabled(not unsaved)
            pane._set_note(self.tr(
                "The {language} text of this post has unsaved changes in the editor: save or "
                "undo them first; a sign-off applies to the saved version shown here.").format(
                language=language_name(lang)) if unsaved else pane._note_text())

    @Slot()
    def _align_panes(self) -> None:
        """Give each pair of labels the height of the taller, so the languages line up."""
        for name in self.PAIRED_LABELS:
            pairs = [(getattr(pane, name), pane.width()) for pane in self.panes.values()]
            # The pane's width: its labels span it (no margins), and are resized after it.
            height = max((label.heightForWidth(width) if width > 0
                          else label.sizeHint().height()) if label.text() else 0
                         for label, width in pairs)
            for label, _width in pairs:
                label.setMinimumHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and watched in self.panes.values():
            self._align_panes()
        return super().eventFilter(watched, event)

    def _render_qa(self, item: ReviewItem) -> None:
        self.qa_list.clear()
        french = QLocale().language() == QLocale.Language.French
        severities = {"error": self.tr("Error"), "warning": self.tr("Warning"),
                      "info": self.tr("Note")}
        for finding in item.qa_findings:
            message = finding.get("message_fr" if french else "message_en") or ""
            severity = severities.get(finding.get("severity", ""), finding.get("severity", ""))
            self.qa_list.addItem(self.tr("{severity}: {message}").format(severity=severity,
                                                                         message=message))
        if not item.qa_findings:
            self.qa_list.addItem(self.tr("No QA findings between the two versions."))
        rows = min(self.QA_ROWS, self.qa_list.count())
        frame = 2 * self.qa_list.frameWidth() + 4
        self.qa_list.setFixedHeight(sum(self.qa_list.sizeHintForRow(r) for r in range(rows))
                                    + frame)
        self.qa_label.setText(self.tr("&QA findings ({count})").format(
            count=QLocale().toString(len(item.qa_findings))))

    def _render_count(self) -> None:
        count = len(self._queue.items) if self._queue is not None else 0
        text = self.tr("Pairs waiting: {count}").format(count=QLocale().toString(count))
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)

    # -- deciding ----------------------------------------------------------------------
    @Slot(object, str)
    def _on_pane_sign_requested(self, lang: Lang, comment: str) -> None:
        self._decide(lang, comment, sign, self.tr(
            "{language} version {seq} of “{title}” signed off: it is now official."))

    @Slot(object, str)
    def _on_pane_reject_requested(self, lang: Lang, comment: str) -> None:
        self._decide(lang, comment, reject, self.tr("{language} version {seq} of “{title}” "
                                                    "rejected; its writers will see your "
                                                    "comment."))

    def _decide(self, lang: Lang, comment: str, operation: Decide, done_text: str) -> None:
        item = self._shown
        review = item.lang(lang) if item is not None else None
        if item is None or review is None or review.version is None or not review.can_sign:
            return
        if self._unsaved(lang):
            self._guard_unsaved()
            return
        post_id, version = item.post.id, review.version
        title = item.post.title
        signing = operation is sign
        question = (self.tr("Sign off this version of “{title}”? It becomes the official "
                            "text.") if signing else
                    self.tr("Reject this version of “{title}”? Its writers will see your "
                            "comment.")).format(title=title)
        verb = self.tr("Sign off") if signing else self.tr("Reject")
        if not decisions.confirm(self, verb, question, ((lang, version),), verb):
            return
        for pane in self.panes.values():
            pane.sign_button.setEnabled(False)
            pane.reject_button.setEnabled(False)

        def done(_decision: Decision) -> None:
            self.panes[lang].comment_edit.clear()
            self.message_bar.show_message(done_text.format(
                language=language_name(lang), seq=version.seq, title=title), "success")

        self.context.backend.run_op(
            lambda session: operation(session, post_id, lang, comment, version.id),
            on_success=done, on_failure=self._on_failure, initiator=self)

    def _on_failure(self, exc: Exception) -> None:
        self.message_bar.show_message(render(exc), "warning")
        self.refresh()

    @Slot(object, object)
    def _on_backend_operation_executed(self, changes: OpChanges, _initiator: object) -> None:
        if self.isVisible() and (changes.versions or changes.post_list):
            self.refresh()

    # -- language ---------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Review queue — Tandem"))
        self.setAccessibleName(self.tr("Review queue"))
        self.list_label.setText(self.tr("&Pairs waiting for review (oldest first):"))
        self.list.setAccessibleName(self.tr("Pairs waiting for review"))
        self.list.setAccessibleDescription(self.tr(
            "Oldest first. Moving to a pair shows both languages side by side."))
        self.qa_list.setAccessibleName(self.tr("QA findings"))
        self.empty_label.setText(self.tr("Nothing waits for review."))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the review queue"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the review queue"))
        self.sign_actions[Lang.EN].setText(self.tr("Sign off the English version"))
        self.sign_actions[Lang.FR].setText(self.tr("Sign off the French version"))
        self.refresh_action.setText(self.tr("Refresh"))
        self.open_action.setText(self.tr("Review &queue"))
        self.open_action.setToolTip(self.tr("Pairs waiting for linguistic review "
                                            "(Ctrl+Shift+R)"))
        if self._queue is not None:
            for index, item in enumerate(self._queue.items):
                row = self.list.item(index)
                if row is not None:
                    row.setText(self._item_text(item))
                    row.setData(Qt.ItemDataRole.AccessibleTextRole, self._item_text(item))
            self._render_count()
        if self._shown is not None:
            self._show_item(self._shown)
        else:
            self._render_count()
