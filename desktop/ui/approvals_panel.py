"""Where the open post stands: the approval chain side panel and the editor's status line.

`ProgressWatcher` reads ``ReviewService.progress`` (plus the acting user's
roles) for the open post on the storage worker whenever the post changes or an
operation touches it; results for a post no longer open are dropped. Two views
show it:

* `PostStatusLine`, above the editors: the post's state and, per language,
  which version is official (signed off by whom, when) or "not signed off".
* `ApprovalsPanel`, a side panel tab: where the post waits and since when, who
  can act, each chain step's state with the time it took, every approval given
  (voided ones struck through, with the version that voided them), the
  per-network preview (`PreviewPane`) of the saved versions and images an
  approval binds (never the editors' unsaved text), and an Approve button with
  a comment for the steps the user may approve now.

The rules (who may approve, what an approval binds, voiding) are
``desktop.core.approvals``'s; this module only shows them and calls
``ApprovalService.approve``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.core.approvals import Approval, StepState, StepStatus, seconds_between
from desktop.core.clock import now_iso
from desktop.core.model import Lang, PostState
from desktop.core.review import LangStatus, LanguageReview, Progress

from . import decisions
from .context import Feature
from .i18n import format_timestamp, language_name, roles_phrase, state_label
from .operations import OpChanges
from .operations.approvals import PostProgress, approve, load_progress
from .preview_pane import PreviewPane
from .widgets import MessageBar

if TYPE_CHECKING:
    from .context import WindowContext

LANGS = (Lang.EN, Lang.FR)


# -- shared wording ------------------------------------------------------------------
def format_duration(seconds: float) -> str:
    """A duration for people: "45 s", "12 min", "3 h 05 min", "2 d 4 h"."""
    total = max(0, int(seconds))
    minutes, secs = divmod(total, 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        return QCoreApplication.translate("Duration", "{days} d {hours} h").format(
            days=days, hours=hours)
    if hours:
        return QCoreApplication.translate("Duration", "{hours} h {minutes} min").format(
            hours=hours, minutes=f"{minutes:02d}")
    if minutes:
        return QCoreApplication.translate("Duration", "{minutes} min").format(minutes=minutes)
    return QCoreApplication.translate("Duration", "{seconds} s").format(seconds=secs)


def since_seconds(iso: str | None) -> float:
    """Seconds from a store timestamp to now (0 without one)."""
    return seconds_between(iso, now_iso()) or 0.0


def who_phrase(who: tuple[str, ...], roles: tuple[str, ...]) -> str:
    if who:
        return ", ".join(who)
    if roles:
        return QCoreApplication.translate(
            "Roles", "nobody yet: an admin must grant {roles}").format(roles=roles_phrase(roles))
    return QCoreApplication.translate("Roles", "no one (Tandem does it)")


def language_status(lr: LanguageReview) -> str:
    """Which version of a language is official, or why it is not."""
    name = language_name(lr.lang)
    if lr.status is LangStatus.OFFICIAL:
        return QCoreApplication.translate(
            "PostStatusLine", "{language}: official version {seq}, signed off by {user} on {time}"
        ).format(language=name, seq=lr.latest.seq, user=lr.verdict.reviewer,
                 time=format_timestamp(lr.verdict.at))
    if lr.status is LangStatus.REJECTED:
        return QCoreApplication.translate(
            "PostStatusLine", "{language}: not signed off (version {seq} rejected by {user})"
        ).format(language=name, seq=lr.latest.seq, user=lr.verdict.reviewer)
    if lr.status is LangStatus.PENDING:
        return QCoreApplication.translate(
            "PostStatusLine", "{language}: not signed off (version {seq} awaits review)"
        ).format(language=name, seq=lr.latest.seq)
    return QCoreApplication.translate(
        "PostStatusLine", "{language}: not signed off (no text yet)").format(language=name)


def top_aligned(item: QTreeWidgetItem, columns: int) -> None:
    """Multi-line cells read from the top, like the rest of the row; a cell elided in a
    narrow side panel ("Waiti…") shows its whole text as a tooltip."""
    for column in range(columns):
        item.setTextAlignment(column, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        item.setToolTip(column, item.text(column))


class ProgressWatcher(QObject):
    """Keeps the open post's `PostProgress` current (latest post wins)."""

    # PostProgress, or None when no post is open.
    progress_loaded = Signal(object)

    def __init__(self, context: WindowContext):
        super().__init__(context.widget)
        self.context = context
        self.current: PostProgress | None = None
        context.current_post_changed.connect(self._on_window_current_post_changed)
        context.backend.operation_executed.connect(self._on_backend_operation_executed)

    def refresh(self) -> None:
        """Read the open post's progress; latest wins (the user may move on meanwhile)."""
        post_id = self.context.current_post_id()
        backend = self.context.backend
        if post_id is None:
            backend.latest_check(self, new=True)  # drop any read still on its way
            self._deliver(None)
            return
        backend.query_latest(self, lambda session: load_progress(session, post_id),
                             self._deliver, on_failure=self.context.show_error)

    def _deliver(self, value: PostProgress | None) -> None:
        self.current = value
        self.progress_loaded.emit(value)

    @Slot(object)
    def _on_window_current_post_changed(self, _post_id: object) -> None:
        self.refresh()

    @Slot(object, object)
    def _on_backend_operation_executed(self, changes: OpChanges, _initiator: object) -> None:
        if changes.touches(self.context.current_post_id()) and (changes.versions
                                                                or changes.post_list):
            self.refresh()


# -- the status line -------------------------------------------------------------------
class PostStatusLine(QWidget):
    """Above the editors: the state, then under each editor which version of its language
    is official (signed off by whom, when) or "not signed off"."""

    def __init__(self, watcher: ProgressWatcher, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("post_status_line")
        self.state_label = QLabel(self)
        bold = QFont(self.state_label.font())
        bold.setBold(True)
        self.state_label.setFont(bold)
        self.lang_labels = {lang: QLabel(self) for lang in LANGS}
        layout = QGridLayout(self)
        layout.setContentsMargins(2, 0, 2, 2)
        layout.setVerticalSpacing(0)
        layout.addWidget(self.state_label, 0, 0, 1, 2)
        for column, lang in enumerate(LANGS):
            label = self.lang_labels[lang]
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label, 1, column)
            layout.setColumnStretch(column, 1)
        self._progress: PostProgress | None = None
        watcher.progress_loaded.connect(self._on_watcher_progress_loaded)
        self.hide()

    def text(self) -> str:
        """Everything the line says, as one sentence list (its accessible name)."""
        return self.accessibleName()

    @Slot(object)
    def _on_watcher_progress_loaded(self, value: PostProgress | None) -> None:
        self._progress = value
        self._render()

    def _render(self) -> None:
        if self._progress is None:
            self.hide()
            return
        progress = self._progress.progress
        state = self.tr("State: {state}").format(state=state_label(progress.post.state))
        self.state_label.setText(state)
        parts = [state]
        for lang in LANGS:
            text = language_status(progress.review.lang(lang))
            self.lang_labels[lang].setText(text)
            parts.append(text)
        self.setAccessibleName("  ·  ".join(parts))
        self.show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)


# -- the side panel ----------------------------------------------------------------------
class ApprovalsPanel(QWidget, Feature):
    """The chain for the open post: states, who can act, times, approvals; Approve."""

    # Narrow enough for a side panel: details go on further lines of a cell.
    STEP_COLUMNS = 3
    HISTORY_COLUMNS = 3

    def __init__(self, context: WindowContext, watcher: ProgressWatcher):
        super().__init__(context.widget)
        self.setObjectName("approvals_panel")
        self.attach(context)
        self._watcher = watcher
        self._progress: PostProgress | None = None

        self.title_label = QLabel(self)
        bold = QFont(self.title_label.font())
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.title_label.setWordWrap(True)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        self.waiting_heading = QLabel(self)
        self.waiting_heading.setFont(bold)
        self.waiting_label = QLabel(self)
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.preview_heading = QLabel(self)
        self.preview_heading.setFont(bold)
        self.preview_heading.setWordWrap(True)
        self.preview = PreviewPane("approval_preview", self)
        self.steps_heading = QLabel(self)
        self.steps_heading.setFont(bold)
        self.steps_tree = self._tree("approval_steps", self.STEP_COLUMNS, stretch=1)
        self.steps_heading.setBuddy(self.steps_tree)
        self.history_heading = QLabel(self)
        self.history_heading.setFont(bold)
        self.history_tree = self._tree("approval_history", self.HISTORY_COLUMNS, stretch=2)
        self.history_heading.setBuddy(self.history_tree)

        self.approve_frame = QFrame(self)
        self.approve_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.step_label = QLabel(self.approve_frame)
        self.step_combo = QComboBox(self.approve_frame)
        self.step_combo.setObjectName("approve_step")
        self.step_label.setBuddy(self.step_combo)
        self.comment_label = QLabel(self.approve_frame)
        self.comment_edit = QLineEdit(self.approve_frame)
        self.comment_edit.setObjectName("approve_comment")
        self.comment_edit.setMaxLength(2000)
        self.comment_label.setBuddy(self.comment_edit)
        self.approve_button = QPushButton(self.approve_frame)
        self.approve_button.setObjectName("approve_button")
        self.approve_note = QLabel(self.approve_frame)
        self.approve_note.setWordWrap(True)
        approve_layout = QVBoxLayout(self.approve_frame)
        row = QHBoxLayout()
        row.addWidget(self.step_label)
        row.addWidget(self.step_combo, 1)
        approve_layout.addLayout(row)
        approve_layout.addWidget(self.comment_label)
        approve_layout.addWidget(self.comment_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.approve_button)
        approve_layout.addLayout(buttons)
        approve_layout.addWidget(self.approve_note)

        self.message_bar = MessageBar("info", self)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("approvals_refresh")
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state_label)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.waiting_heading)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.preview_heading)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.approve_frame)
        layout.addWidget(self.steps_heading)
        layout.addWidget(self.steps_tree, 1)
        layout.addWidget(self.history_heading)
        layout.addWidget(self.history_tree, 1)
        layout.addWidget(self.empty_label)

        # Post action: Ctrl+Shift+A approves the chosen step (with the comment typed here).
        self.approve_action = QAction(self)
        self.approve_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.approve_action.setEnabled(False)
        self.approve_action.triggered.connect(self._on_approve_action_triggered)
        self.approve_button.clicked.connect(self._on_approve_action_triggered)
        self.refresh_button.clicked.connect(self._watcher.refresh)
        self.comment_edit.returnPressed.connect(self._on_approve_action_triggered)
        watcher.progress_loaded.connect(self._on_watcher_progress_loaded)
        for lang in (Lang.EN, Lang.FR):  # approve what is saved: not while text is unsaved
            editor = context.editor(lang)  # (none on a context without editors)
            if editor is not None:
                editor.text_edited.connect(self._on_editor_text_edited)
        QWidget.setTabOrder(self.refresh_button, self.preview.network)
        QWidget.setTabOrder(self.preview.network, self.preview.views[Lang.EN])
        QWidget.setTabOrder(self.preview.views[Lang.EN], self.preview.views[Lang.FR])
        QWidget.setTabOrder(self.preview.views[Lang.FR], self.step_combo)
        QWidget.setTabOrder(self.step_combo, self.comment_edit)
        QWidget.setTabOrder(self.comment_edit, self.approve_button)
        QWidget.setTabOrder(self.approve_button, self.steps_tree)
        QWidget.setTabOrder(self.steps_tree, self.history_tree)
        self.retranslate_ui()
        self._render()

    def _tree(self, name: str, columns: int, stretch: int) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName(name)
        tree.setColumnCount(columns)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(False)
        tree.setWordWrap(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return tree

    # -- data -------------------------------------------------------------------------
    @Slot(object)
    def _on_watcher_progress_loaded(self, value: PostProgress | None) -> None:
        if value is None or self._progress is None or value.post_id != self._progress.post_id:
            self.message_bar.hide()
            self.comment_edit.clear()
        self._progress = value
        self._render()

    def _render(self) -> None:
        value = self._progress
        has_post = value is not None
        for widget in (self.title_label, self.state_label, self.waiting_heading,
                       self.waiting_label, self.steps_heading, self.steps_tree,
                       self.history_heading, self.history_tree, self.approve_frame,
                       self.preview_heading, self.preview):
            widget.setVisible(has_post)
        self.empty_label.setVisible(not has_post)
        if value is None:
            self.approve_action.setEnabled(False)
            return
        progress = value.progress
        post = progress.post
        self.title_label.setText(post.title)
        self.title_label.setAccessibleName(post.title)
        state = self.tr("{state} since {time} ({duration})").format(
            state=state_label(post.state), time=format_timestamp(progress.state_since),
            duration=format_duration(since_seconds(progress.state_since)))
        self.state_label.setText(state)
        self.state_label.setAccessibleName(state)
        waiting = "\n".join(f"• {line}" for line in self._waiting_lines(progress)) \
            or self.tr("Nothing: this post waits for no one.")
        self.waiting_label.setText(waiting)
        self.waiting_label.setAccessibleName(self.tr("Waiting for: {what}").format(what=waiting))
        self._render_preview(value)
        self._render_steps(value)
        self._render_history(value)
        self._render_approve(value)

    def _render_preview(self, value: PostProgress) -> None:
        """The saved versions (those an approval binds) with their images, per network."""
        review = value.progress.review
        texts = tuple(lr.version.text if lr.version is not None else ""
                      for lr in (review.en, review.fr))
        if self.preview.result is None or (texts, value.manifests) != (self.preview.texts,
                                                                       self.preview.manifests):
            self.preview.show_post((texts[0], texts[1]), value.manifests)

    def _waiting_lines(self, progress: Progress) -> list[str]:
        """Where the post is stuck, since when, and who can act (the core's `Waiting`)."""
        state = progress.post.state
        review = progress.review
        if state is PostState.DRAFT:
            subjects = [self.tr("the {language} text").format(language=language_name(lr.lang))
                        for lr in (review.en, review.fr) if lr.status is LangStatus.MISSING]
        elif state is PostState.IN_REVIEW:
            subjects = []
            for lr in (review.en, review.fr):
                if lr.status is LangStatus.PENDING:
                    subjects.append(self.tr("{language} review (version {seq})").format(
                        language=language_name(lr.lang), seq=lr.latest.seq))
                elif lr.status is LangStatus.REJECTED:
                    subjects.append(self.tr(
                        "a new {language} version (version {seq} was rejected by {user}: "
                        "{comment})").format(language=language_name(lr.lang), seq=lr.latest.seq,
                                             user=lr.verdict.reviewer,
                                             comment=lr.verdict.comment))
        elif state is PostState.IN_APPROVAL:
            subjects = [self.tr("approval step “{step}”").format(step=s.step.name)
                        for s in progress.approval.actionable]
        elif state is PostState.APPROVED:
            subjects = [self.tr("publication")]
        elif state is PostState.HALF_PUBLISHED:
            subjects = [self.tr("the missing language to be published, or the published one "
                                "retracted")]
        elif state is PostState.SCHEDULED:
            subjects = [self.tr("the scheduled time")]
        elif state is PostState.PUBLISHING:
            subjects = [self.tr("the networks")]
        else:
            subjects = []
        lines = []
        for index, waiting in enumerate(progress.waiting):
            what = subjects[index] if index < len(subjects) else waiting.what
            lines.append(self.tr("{what}, since {time} ({duration}); can act: {who}").format(
                what=what, time=format_timestamp(waiting.since),
                duration=format_duration(since_seconds(waiting.since)),
                who=who_phrase(waiting.who_can_act, waiting.roles)))
        return lines

    def _step_state(self, step: StepStatus) -> str:
        labels = {StepState.SKIPPED: self.tr("Skipped (not for this post type)"),
                  StepState.WAITING: self.tr("Waiting for earlier steps"),
                  StepState.ACTIONABLE: self.tr("Waiting for approval"),
                  StepState.PASSED: self.tr("Passed")}
        if step.state is StepState.WAITING and self._progress is not None \
                and self._progress.progress.approval.round_id is None:
            return self.tr("Not started (the post is not in approval)")
        return labels[step.state]

    def _render_steps(self, value: PostProgress) -> None:
        """Per step: name and mode | state, then who approved or who can act | time."""
        tree = self.steps_tree
        tree.clear()
        for step in value.progress.approval.steps:
            if step.state is StepState.PASSED and step.seconds is not None:
                took = format_duration(step.seconds)
            elif step.state is StepState.ACTIONABLE and step.actionable_since:
                took = self.tr("{duration} so far").format(
                    duration=format_duration(since_seconds(step.actionable_since)))
            else:
                took = "—"
            mode = self.tr("every approver") if step.step.mode.value == "all" \
                else self.tr("any one approver")
            lines = [self._step_state(step)]
            if step.approvals:  # when: in "Approvals given"
                lines.append(self.tr("Approved by {who}").format(
                    who=", ".join(a.approver for a in step.approvals)))
            if step.state is StepState.ACTIONABLE:
                lines.append(self.tr("Can act: {who}").format(
                    who=who_phrase(step.who_can_act, (step.step.role,))))
            item = QTreeWidgetItem([f"{step.step.name}\n{mode}", "\n".join(lines), took])
            if step.state is StepState.ACTIONABLE:
                font = QFont(tree.font())
                font.setBold(True)
                item.setFont(0, font)
                item.setFont(1, font)
            item.setData(0, Qt.ItemDataRole.UserRole, step.step.id)
            top_aligned(item, self.STEP_COLUMNS)
            tree.addTopLevelItem(item)

    def _render_history(self, value: PostProgress) -> None:
        """Per approval: step | approver, when and comment | valid or voided (by what)."""
        tree = self.history_tree
        tree.clear()
        names = {s.step.id: s.step.name for s in value.progress.approval.steps}
        for approval in value.progress.approval.history:
            given = f"{approval.approver}\n{format_timestamp(approval.at)}"
            if approval.comment:
                given += f"\n“{approval.comment}”"
            if approval.voided_at is not None:
                status = self.tr("Voided on {time}\nby a new version (#{version})").format(
                    time=format_timestamp(approval.voided_at),
                    version=approval.voided_by_version_id)
            else:
                status = self.tr("Valid")
            item = QTreeWidgetItem([names.get(approval.step_id, approval.step_id), given,
                                    status])
            item.setData(0, Qt.ItemDataRole.UserRole, approval.id)
            top_aligned(item, self.HISTORY_COLUMNS)
            if approval.voided:
                font = QFont(tree.font())
                font.setStrikeOut(True)
                item.setFont(0, font)  # the status stays readable
                item.setFont(1, font)
            tree.addTopLevelItem(item)

    def _render_approve(self, value: PostProgress) -> None:
        approvable = value.approvable()
        current = self.step_combo.currentData()
        self.step_combo.blockSignals(True)
        self.step_combo.clear()
        for step in approvable:
            self.step_combo.addItem(step.step.name, step.step.id)
        self.step_combo.setCurrentIndex(max(0, self.step_combo.findData(current)))
        self.step_combo.blockSignals(False)
        unsaved = bool(approvable) and self._unsaved(value)
        can = bool(approvable) and not unsaved
        for widget in (self.step_combo, self.comment_edit, self.approve_button):
            widget.setEnabled(can)
        self.approve_action.setEnabled(can)
        note = (self.tr("Save the texts first: an approval is given to the saved versions, not "
                        "to text still being edited.") if unsaved else self._approve_note(value))
        self.approve_note.setText(note)
        self.approve_note.setAccessibleName(note)
        self.approve_note.setVisible(bool(note))

    def _approve_note(self, value: PostProgress) -> str:
        """Why the user cannot approve (the missing role, self-approval), or ''."""
        progress = value.progress
        if progress.post.state is not PostState.IN_APPROVAL:
            return self.tr("Approvals are given once both languages are signed off.") \
                if progress.post.state in (PostState.DRAFT, PostState.IN_REVIEW) else ""
        notes = []
        for step in progress.approval.actionable:
            if value.user in step.who_can_act:
                continue
            if any(a.approver == value.user for a in step.approvals):
                notes.append(self.tr("You approved step “{step}”.").format(step=step.step.name))
            elif step.step.role not in value.roles:
                notes.append(self.tr("Approving step “{step}” needs {role}; you do not hold "
                                     "it.").format(step=step.step.name,
                                                   role=roles_phrase((step.step.role,))))
            else:
                notes.append(self.tr("You cannot approve step “{step}”: you wrote part of this "
                                     "post, and no one approves their own post.").format(
                    step=step.step.name))
        return " ".join(notes)

    # -- approving ------------------------------------------------------------------
    def _unsaved(self, value: PostProgress) -> bool:
        """Whether the editors show this post with text not yet saved as a version."""
        editors = [self.context.editor(lang) for lang in (Lang.EN, Lang.FR)]
        return self.context.current_post_id() == value.post_id and any(
            editor is not None and editor.is_dirty() for editor in editors)

    @Slot(object)
    def _on_editor_text_edited(self, _lang: object) -> None:
        if self._progress is not None:
            self._render_approve(self._progress)

    @Slot()
    def _on_approve_action_triggered(self) -> None:
        value = self._progress
        step_id = self.step_combo.currentData()
        if value is None or step_id is None or not self.approve_button.isEnabled():
            return
        if self._unsaved(value):  # (typed since the last render)
            self._render_approve(value)
            return
        review = value.progress.review
        en, fr = review.en.version, review.fr.version
        if en is None or fr is None:
            return
        post_id = value.post_id
        step = self.step_combo.currentText()
        if not decisions.confirm(
                self, self.tr("Approve"),
                self.tr("Approve “{title}” at step “{step}”? You approve exactly these saved "
                        "versions:").format(title=value.progress.post.title, step=step),
                ((Lang.EN, en), (Lang.FR, fr)), self.tr("Approve")):
            return
        comment = self.comment_edit.text().strip()
        self.approve_button.setEnabled(False)
        self.approve_action.setEnabled(False)
        seen = (en.id, fr.id)
        self.context.backend.run_op(
            lambda session: approve(session, post_id, step_id, comment, seen),
            on_success=lambda approval: self._on_approved(post_id, approval),
            on_failure=self._on_approve_failed, initiator=self)

    def _on_approved(self, post_id: int, approval: Approval) -> None:
        if self._progress is None or self._progress.post_id != post_id:
            return
        self.comment_edit.clear()
        names = {s.step.id: s.step.name for s in self._progress.progress.approval.steps}
        self.message_bar.show_message(self.tr("You approved step “{step}”.").format(
            step=names.get(approval.step_id, approval.step_id)), "success")

    def _on_approve_failed(self, exc: Exception) -> None:
        self.context.show_error(exc)
        self._watcher.refresh()

    def feature_actions(self) -> tuple[QAction, ...]:
        return (self.approve_action,)

    def stop(self) -> None:
        self.preview.shutdown()

    # -- language ---------------------------------------------------------------------
    def tab_title(self) -> str:
        return self.tr("Approvals")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tab_title())
        self.context.set_side_panel_title(self, self.tab_title())
        self.waiting_heading.setText(self.tr("Waiting for"))
        self.preview_heading.setText(self.tr(
            "What readers will see: the saved versions an approval binds"))
        self.preview.setAccessibleName(self.tr("Preview of the versions under approval"))
        self.steps_heading.setText(self.tr("Approval &chain"))
        self.steps_tree.setHeaderLabels([self.tr("Step"), self.tr("State"), self.tr("Time")])
        self.steps_tree.setAccessibleName(self.tr("Approval chain steps"))
        self.steps_tree.setAccessibleDescription(self.tr(
            "Each step of the chain: its state, who approved it, who can act and how long "
            "it took."))
        self.history_heading.setText(self.tr("Approvals &given"))
        self.history_tree.setHeaderLabels([self.tr("Step"), self.tr("Approval"),
                                           self.tr("Status")])
        self.history_tree.setAccessibleName(self.tr("Approvals given"))
        self.history_tree.setAccessibleDescription(self.tr(
            "Every approval of this post; an approval is voided when a new version is "
            "written."))
        self.step_label.setText(self.tr("S&tep:"))
        self.step_combo.setAccessibleName(self.tr("Step to approve"))
        self.comment_label.setText(self.tr("Co&mment (optional):"))
        self.comment_edit.setAccessibleName(self.tr("Approval comment"))
        self.comment_edit.setPlaceholderText(self.tr("Optional comment kept with the approval"))
        self.approve_button.setText(self.tr("&Approve"))
        self.approve_button.setAccessibleName(self.tr("Approve the post at this step"))
        self.approve_button.setToolTip(self.tr(
            "Approve both official texts at the chosen step (Ctrl+Shift+A)"))
        self.approve_action.setText(self.tr("&Approve"))
        self.approve_action.setToolTip(self.tr(
            "Approve the open post at the step chosen in the Approvals panel (Ctrl+Shift+A)"))
        button = self.context.action_button(self.approve_action)
        if button is not None:
            button.setAccessibleName(self.tr("Approve"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the approvals"))
        self.empty_label.setText(self.tr("No post is open."))
        self._render()
