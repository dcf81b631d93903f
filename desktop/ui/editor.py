"""One language's side of the post editor.

A `LanguageEditor` holds the draft (`QPlainTextEdit`), its version history
(combo box; picking a version shows it read-only with "Restore this version"),
live per-network counters, and inline bars: recovered-autosave notice, refused
text warning with a quick fix, and the machine-translation banner slot that the
review feature will drive. It never touches the store: it emits signals
(`text_edited`, `restore_requested`) and the window runs the operations.

Counting, text checks and provenance spans run on the shared analysis worker
(`tasks.LatestOnlyRunner`, key = language) after a short debounce; results for
text that has changed since are dropped, so typing never waits for them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QTimer, Qt, Signal, Slot
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (QComboBox, QLabel, QPlainTextEdit, QPushButton,
                               QSizePolicy, QStackedWidget, QTextEdit, QVBoxLayout, QWidget)

from desktop.core.model import Lang, Origin, Span, Version
from desktop.core.text import MAX_TEXT_CHARS

from . import decisions
from .analysis import Analysis, analyse, strip_refused_keep_length
from .i18n import format_timestamp, language_name, provenance_text
from .messages import render
from .tasks import LatestOnlyRunner
from .widgets import CounterBar, MessageBar, WrapRow

# Background + underline per origin; never colour alone (underline style and
# the provenance summary line say it too).
SPAN_STYLES = {
    Origin.MACHINE: ("#ffe7b3", QTextCharFormat.UnderlineStyle.DotLine),
    Origin.MEMORY: ("#d8e8fb", QTextCharFormat.UnderlineStyle.DashUnderline),
}
# Text on those highlights: dark whatever the palette (light text on them was
# unreadable in dark mode).
SPAN_TEXT = "#1a1a1a"


def plain_text(edit: QPlainTextEdit) -> str:
    """The editor's exact text.

    ``toPlainText()`` turns no-break spaces into spaces, which would silently
    change French typography (« », the space before ":"): use the raw text and
    turn Qt's paragraph/line separators back into newlines.
    """
    return edit.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


def qt_offsets(text: str, indices: list[int]) -> list[int]:
    """Python code-point indices as Qt (UTF-16) document positions."""
    if all(ord(c) < 0x10000 for c in text):
        return indices
    result = []
    astral = 0
    cursor = 0
    for index in sorted(set(indices)):
        astral += sum(1 for c in text[cursor:index] if ord(c) > 0xFFFF)
        cursor = index
        result.append((index, index + astral))
    mapping = dict(result)
    return [mapping[i] for i in indices]


class LanguageEditor(QWidget):
    """Editor, history, counters and banners for one language of the open post."""

    # The user changed the draft (typing, paste, quick fix, restore).
    text_edited = Signal(object)
    # (lang, version id): the user asked to make that version the newest.
    restore_requested = Signal(object, int)
    # (lang): new counts/problems/spans are on screen.
    analysis_applied = Signal(object)
    # The footer (warning, counters, provenance line) may have changed height.
    footer_changed = Signal()

    ANALYSIS_DELAY_MS = 60

    def __init__(self, lang: Lang, analysis_runner: LatestOnlyRunner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = Lang(lang)
        self.setObjectName(f"editor_{self.lang.value}")
        self._runner = analysis_runner
        self._post_id: int | None = None
        self._base: Version | None = None
        self._history: list[Version] = []
        self._loading = False
        self._analysis: Analysis | None = None
        self._recovered = False
        self._writable = True  # False for people who may not write posts (read-only view)
        self._machine_banner_text: str | None = None
        self.mastodon_limits = None  # desktop.core.counting.MastodonLimits; None = default

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.history_label = QLabel(self)
        self.history_combo = QComboBox(self)
        self.history_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # Narrow at a large font (the version elided, whole in the tooltip): both
        # languages side by side and the side panel still fit a laptop screen.
        self.history_combo.setMinimumContentsLength(6)
        self.history_combo.currentTextChanged.connect(self.history_combo.setToolTip)
        self.history_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.history_label.setBuddy(self.history_combo)

        self.machine_banner = MessageBar("machine", self)
        self.recovered_bar = MessageBar("info", self)
        self.dismiss_button = self.recovered_bar.add_button(QPushButton(self))

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName(f"draft_{self.lang.value}")
        self.editor.setTabChangesFocus(True)  # Tab moves on: no keyboard trap
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.heading.setBuddy(self.editor)
        self.viewer = QPlainTextEdit(self)
        self.viewer.setObjectName(f"viewer_{self.lang.value}")
        self.viewer.setReadOnly(True)
        self.viewer.setTabChangesFocus(True)
        self.viewer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                            | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.viewer)

        self.version_bar = MessageBar("info", self)
        self.restore_button = self.version_bar.add_button(QPushButton(self))
        self.back_button = self.version_bar.add_button(QPushButton(self))
        self.problem_bar = MessageBar("warning", self)
        self.fix_button = self.problem_bar.add_button(QPushButton(self))
        self.counters = CounterBar(self)
        self.provenance_label = QLabel(self)
        self.provenance_label.setWordWrap(True)
        self.provenance_label.hide()

        # The heading left, the version picker right; below it when the pane is narrow.
        top = WrapRow(right_from=1)
        top.addWidget(self.heading)
        top.addWidget(self.history_label)
        top.addWidget(self.history_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.machine_banner)
        layout.addWidget(self.recovered_bar)
        layout.addWidget(self.version_bar)
        layout.addWidget(self.stack, 1)
        # The footer: the window keeps both languages' footers the same height
        # so the two texts and their counters line up side by side.
        self.footer = QWidget(self)
        footer_layout = QVBoxLayout(self.footer)
        footer_layout.setContentsMargins(0, 0, 0, 0)
        footer_layout.addWidget(self.problem_bar)
        footer_layout.addWidget(self.counters)
        footer_layout.addWidget(self.provenance_label)
        footer_layout.addStretch(1)
        layout.addWidget(self.footer)

        self._analysis_timer = QTimer(self, singleShot=True, interval=self.ANALYSIS_DELAY_MS)
        self._analysis_timer.timeout.connect(self._request_analysis)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.history_combo.currentIndexChanged.connect(self._on_history_index_changed)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.back_button.clicked.connect(self.show_draft)
        self.fix_button.clicked.connect(self._on_fix_button_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        self._runner.result_ready.connect(self._on_analysis_result_ready)
        self.retranslate_ui()
        self.clear()

    # -- state -----------------------------------------------------------
    @property
    def post_id(self) -> int | None:
        return self._post_id

    @property
    def base_version(self) -> Version | None:
        """The version the text on screen started from: the latest as last read from the
        store, unless someone else saved since this person started typing."""
        return self._base

    @property
    def base_id(self) -> int | None:
        """The id of `base_version` (None: the language was empty): what a save or a
        draft records as the version it was typed on."""
        return self._base.id if self._base is not None else None

    @property
    def analysis(self) -> Analysis | None:
        return self._analysis

    def text(self) -> str:
        return plain_text(self.editor)

    def base_text(self) -> str:
        return self._base.text if self._base else ""

    def is_dirty(self) -> bool:
        return self._post_id is not None and self.text() != self.base_text()

    def is_viewing_version(self) -> bool:
        return self.stack.currentWidget() is self.viewer

    def history(self) -> list[Version]:
        return list(self._history)

    # -- loading ---------------------------------------------------------
    def clear(self) -> None:
        """No post open."""
        self._runner.invalidate(self.lang)
        self._post_id, self._base, self._history = None, None, []
        self._set_text_silently("")
        self._recovered = False
        self.recovered_bar.hide()
        self.problem_bar.hide()
        self.provenance_label.hide()
        self.set_machine_banner(False)
        self.counters.set_counts(())
        self._populate_history()
        self.show_draft()

    def load(self, post_id: int, latest: Version | None, history: list[Version],
             recovered: str | None = None, recovered_base: Version | None = None) -> None:
        """Show a post's latest text, or autosaved text that never became a version.

        Recovered text starts from ``recovered_base``, the version it was typed on (None:
        an empty language or an unknown base), not from the latest: if someone else saved
        since, saving it meets their version instead of replacing it."""
        self._runner.invalidate(self.lang)
        base = latest if recovered is None else recovered_base
        self._post_id, self._base, self._history = post_id, base, list(history)
        self._set_text_silently(self.base_text())
        self._recovered = recovered is not None
        if recovered is not None:
            # As an edit, so Ctrl+Z goes back to the version it was typed on.
            self._loading = True
            try:
                self.replace_text(recovered)
            finally:
                self._loading = False
        self._render_recovered_bar()
        self._populate_history()
        self.show_draft()
        self.set_loading(False)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)  # carry on writing
        self._request_analysis()

    def set_base(self, latest: Version | None, history: list[Version]) -> None:
        """New versions were recorded: update history and the base, keep the text."""
        self._base, self._history = latest, list(history)
        viewing = self.history_combo.currentData() if self.is_viewing_version() else None
        self._populate_history(select=viewing)
        if self._recovered and not self.is_dirty():
            self._recovered = False
        self._render_recovered_bar()  # (says so when a newer version came in)
        self._schedule_analysis()

    def set_loading(self, loading: bool) -> None:
        """While another post loads, typing would go to the wrong post: pause it."""
        self.editor.setReadOnly(loading or not self._writable)

    def set_writable(self, writable: bool) -> None:
        """Whether the acting user may write posts; if not, the text is shown read-only."""
        self._writable = writable
        self.editor.setReadOnly(not writable)  # (announced as read-only by screen readers)

    def is_writable(self) -> bool:
        return self._writable

    def replace_text(self, text: str) -> None:
        """Replace the whole draft as one undoable edit (Ctrl+Z restores the old text)."""
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()

    def _set_text_silently(self, text: str) -> None:
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False

    # -- extension points ------------------------------------------------
    def set_machine_banner(self, visible: bool, text: str | None = None) -> None:
        """Show/hide the per-language "needs linguistic review" banner.

        For the translation/review features: they decide when; the default
        text is "Machine translation — needs linguistic review".
        """
        self._machine_banner_text = text
        if visible:
            self.machine_banner.show_message(text or self._default_machine_banner_text())
        else:
            self.machine_banner.hide()

    def spans(self) -> tuple[Span, ...]:
        """Machine/memory spans of the draft as last analysed."""
        return self._analysis.spans if self._analysis else ()

    # -- history ---------------------------------------------------------
    def _populate_history(self, select: int | None = None) -> None:
        combo = self.history_combo
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(self.tr("Current draft"), None)
            latest_id = self._history[-1].id if self._history else None
            for version in reversed(self._history):
                label = self.tr("Version {seq} · {time} · {author} · {origin}").format(
                    seq=version.seq, time=format_timestamp(version.created_at),
                    author=version.author, origin=provenance_text(version))
                if version.id == latest_id:
                    label += self.tr(" (latest)")
                combo.addItem(label, version.id)
            index = combo.findData(select) if select is not None else 0
            combo.setCurrentIndex(max(0, index))
        finally:
            combo.blockSignals(False)
        combo.setEnabled(self._post_id is not None)

    def show_version(self, version_id: int) -> None:
        index = self.history_combo.findData(version_id)
        if index > 0:
            self.history_combo.setCurrentIndex(index)

    def show_draft(self) -> None:
        if self.history_combo.currentIndex() != 0:
            self.history_combo.setCurrentIndex(0)  # re-enters via the slot
            return
        self.stack.setCurrentWidget(self.editor)
        self.version_bar.hide()

    def _selected_version(self) -> Version | None:
        version_id = self.history_combo.currentData()
        return next((v for v in self._history if v.id == version_id), None)

    @Slot(int)
    def _on_history_index_changed(self, index: int) -> None:
        version = self._selected_version() if index > 0 else None
        if version is None:
            self.stack.setCurrentWidget(self.editor)
            self.version_bar.hide()
            if self._analysis is not None:  # the draft's counts again
                self.counters.set_counts(self._analysis.counts)
            return
        self.viewer.setPlainText(version.text)
        self._highlight(self.viewer, version.text, version.spans)
        self.stack.setCurrentWidget(self.viewer)
        self._render_version_bar()
        # The counters count the text on screen: this version's, not the draft's.
        text, limits = version.text, self.mastodon_limits
        self._runner.submit((self.lang, "version"),
                            lambda: (version.id, analyse(text, mastodon=limits)))

    def _render_version_bar(self) -> None:
        version = self._selected_version()
        if version is None or not self.is_viewing_version():
            self.version_bar.hide()
            return
        self.version_bar.show_message(
            self.tr("Showing version {seq} ({time}, {author}, {origin}) — read only.").format(
                seq=version.seq, time=format_timestamp(version.created_at),
                author=version.author, origin=provenance_text(version)))
        is_current = self._base is not None and version.id == self._base.id and not self.is_dirty()
        self.restore_button.setEnabled(not is_current)

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        version = self._selected_version()
        if version is None or self._post_id is None:
            return
        if decisions.confirm(
                self, self.tr("Restore this version"),
                self.tr("Restore this version as the newest {language} version? The current "
                        "text stays in the history; an official version or approvals of it "
                        "no longer apply.").format(language=language_name(self.lang)),
                ((self.lang, version),), self.tr("Restore")):
            self.restore_requested.emit(self.lang, version.id)

    def apply_restored(self, version: Version, history: list[Version]) -> None:
        """The restore succeeded: the restored text is the new latest version."""
        self._base, self._history = version, list(history)
        self.replace_text(version.text)
        self._recovered = False
        self._render_recovered_bar()
        self._populate_history()
        self.show_draft()
        self.editor.setFocus()

    # -- typing and analysis ---------------------------------------------
    @Slot()
    def _on_editor_text_changed(self) -> None:
        if self._loading:
            return
        self._schedule_analysis()
        if self._post_id is not None:
            self.text_edited.emit(self.lang)

    def _schedule_analysis(self) -> None:
        self._analysis_timer.start()

    def stop(self) -> None:
        """The window is closing: no more analysis requests."""
        self._analysis_timer.stop()

    def flush_analysis(self) -> None:
        """Start a debounced analysis now instead of after the delay."""
        if self._analysis_timer.isActive():
            self._request_analysis()

    @Slot()
    def _request_analysis(self) -> None:
        self._analysis_timer.stop()
        text = self.text()
        base = self._base
        limits = self.mastodon_limits
        self._runner.submit(self.lang, lambda: analyse(
            text, base.text if base else "", base.spans if base else (), limits))

    @Slot(object, object)
    def _on_analysis_result_ready(self, key: object, result: object) -> None:
        if key == (self.lang, "version") and isinstance(result, tuple):
            version_id, analysis = result
            selected = self._selected_version()
            if self.is_viewing_version() and selected is not None and selected.id == version_id:
                self.counters.set_counts(analysis.counts)
            return
        if key != self.lang or not isinstance(result, Analysis):
            return
        self.apply_analysis(result)

    def apply_analysis(self, analysis: Analysis) -> None:
        self._analysis = analysis
        if not self.is_viewing_version():  # else they count the version shown
            self.counters.set_counts(analysis.counts)
        self._render_problem_bar()
        self._highlight(self.editor, self.text(), analysis.spans)
        self._render_provenance()
        self.footer_changed.emit()
        self.analysis_applied.emit(self.lang)

    def _render_problem_bar(self) -> None:
        analysis = self._analysis
        if analysis is None or analysis.savable:
            self.problem_bar.hide()
            return
        locale = QLocale()
        parts = []
        if analysis.too_long:
            parts.append(self.tr("This text has {length} characters; Tandem keeps at most {max}."
                                 ).format(length=locale.toString(analysis.length),
                                          max=locale.toString(MAX_TEXT_CHARS)))
        if analysis.refused_count:
            positions = ", ".join(locale.toString(p) for p in analysis.refused_positions)
            if analysis.refused_count > len(analysis.refused_positions):
                positions += ", …"
            parts.append(self.tr("Refused characters (invisible control or text-direction "
                                 "characters): {count}, at position {positions}.").format(
                count=locale.toString(analysis.refused_count), positions=positions))
        if not parts:  # a reason the UI does not know how to phrase: show the core's
            parts.extend(render(p) for p in analysis.problems)
        parts.append(self.tr("It cannot be saved as a version until this is fixed; "
                             "what you typed is kept by autosave."))
        self.problem_bar.show_message(" ".join(parts))
        self.problem_bar.setToolTip("\n".join(render(p) for p in analysis.problems))
        self.fix_button.setVisible(analysis.refused_count > 0)

    @Slot()
    def _on_fix_button_clicked(self) -> None:
        self.replace_text(strip_refused_keep_length(self.text()))
        self.editor.setFocus()
        self._request_analysis()
        self.footer_changed.emit()

    def _render_provenance(self) -> None:
        spans = self.spans()
        machine = sum(s.end - s.start for s in spans if s.origin is Origin.MACHINE)
        memory = sum(s.end - s.start for s in spans if s.origin is Origin.MEMORY)
        if not machine and not memory:
            self.provenance_label.hide()
            return
        locale = QLocale()
        if machine and memory:
            text = self.tr(
                "Highlighted: {machine} characters from machine translation (dotted underline), "
                "{memory} from translation memory (dashed underline).")
        elif machine:
            text = self.tr("Highlighted: {machine} characters from machine translation "
                           "(dotted underline).")
        else:
            text = self.tr("Highlighted: {memory} characters from translation memory "
                           "(dashed underline).")
        self.provenance_label.setText(text.format(machine=locale.toString(machine),
                                                  memory=locale.toString(memory)))
        self.provenance_label.setAccessibleName(self.provenance_label.text())
        self.provenance_label.show()

    @staticmethod
    def _highlight(widget: QPlainTextEdit, text: str, spans: tuple[Span, ...]) -> None:
        selections = []
        shown = [s for s in spans if s.origin in SPAN_STYLES and 0 <= s.start < s.end <= len(text)]
        if shown:
            points = qt_offsets(text, [p for s in shown for p in (s.start, s.end)])
            for i, span in enumerate(shown):
                colour, underline = SPAN_STYLES[span.origin]
                selection = QTextEdit.ExtraSelection()
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(colour))
                fmt.setForeground(QColor(SPAN_TEXT))  # dark on the light highlight, dark mode too
                fmt.setUnderlineStyle(underline)
                fmt.setProperty(QTextFormat.Property.UserProperty, span.origin.value)
                selection.format = fmt
                cursor = QTextCursor(widget.document())
                cursor.setPosition(points[2 * i])
                cursor.setPosition(points[2 * i + 1], QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selections.append(selection)
        widget.setExtraSelections(selections)

    # -- recovered notice ------------------------------------------------
    def _render_recovered_bar(self) -> None:
        if not self._recovered:
            self.recovered_bar.hide()
            return
        text = self.tr(
            "Recovered text that was typed but not saved as a version (autosave). "
            "Review it, then save a version; Ctrl+Z goes back to the last version.")
        latest = self._history[-1] if self._history else None
        if latest is not None and latest != self._base:  # someone saved after it was typed
            text += " " + self.tr(
                "Version {seq} by {user} is newer than the text this was typed on: saving "
                "shows both texts so you can choose.").format(seq=latest.seq, user=latest.author)
        self.recovered_bar.show_message(text)

    @Slot()
    def _on_dismiss_button_clicked(self) -> None:
        self._recovered = False
        self.recovered_bar.hide()
        self.editor.setFocus()

    def is_showing_recovered_notice(self) -> bool:
        return self._recovered

    # -- language --------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _default_machine_banner_text(self) -> str:
        return self.tr("Machine translation — needs linguistic review")

    def retranslate_ui(self) -> None:
        if self.lang is Lang.EN:
            self.heading.setText(self.tr("&English text"))
            self.editor.setAccessibleName(self.tr("English text"))
            self.editor.setAccessibleDescription(self.tr(
                "The English version of the post. Counters below show the length on each network."))
            self.editor.setPlaceholderText(self.tr("Write the English post here."))
            self.viewer.setAccessibleName(self.tr("English version, read only"))
            self.history_combo.setAccessibleName(self.tr("English version history"))
            self.counters.setAccessibleName(self.tr("English length counters"))
        else:
            self.heading.setText(self.tr("Fre&nch text"))
            self.editor.setAccessibleName(self.tr("French text"))
            self.editor.setAccessibleDescription(self.tr(
                "The French version of the post. Counters below show the length on each network."))
            self.editor.setPlaceholderText(self.tr("Write the French post here."))
            self.viewer.setAccessibleName(self.tr("French version, read only"))
            self.history_combo.setAccessibleName(self.tr("French version history"))
            self.counters.setAccessibleName(self.tr("French length counters"))
        self.history_label.setText(self.tr("Versions:"))
        self.history_combo.setAccessibleDescription(self.tr(
            "Pick a version to read it; the first entry is the text you are editing."))
        self.restore_button.setText(self.tr("Restore this version"))
        self.restore_button.setAccessibleName(self.tr("Restore this version"))
        self.restore_button.setAccessibleDescription(self.tr(
            "Makes this version the newest one; the history keeps every version."))
        self.back_button.setText(self.tr("Back to draft"))
        self.back_button.setAccessibleName(self.tr("Back to draft"))
        self.fix_button.setText(self.tr("Remove refused characters"))
        self.fix_button.setAccessibleName(self.tr("Remove refused characters"))
        self.fix_button.setAccessibleDescription(self.tr(
            "Removes the characters that cannot be saved; Ctrl+Z undoes it."))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss the recovered-text notice"))
        self._populate_history(select=self.history_combo.currentData())
        self._render_version_bar()
        self._render_problem_bar()
        self._render_recovered_bar()
        self._render_provenance()
        self.footer_changed.emit()
        if self.machine_banner.isVisibleTo(self):
            self.machine_banner.show_message(self._machine_banner_text
                                             or self._default_machine_banner_text())
