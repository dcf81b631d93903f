"""Live "ghost" suggestions while typing, the Suggest action and the review banner.

**Live suggestion.** `LIVE_DELAY_MS` after typing stops in one language's
editor, the other language is suggested off the GUI thread: the storage
worker takes a snapshot of the suggestion service
(``operations.translation.suggester``: memory, termbase, mappings and the
app's one translator), then the suggestion worker runs `Suggester.suggest`
(memory first, then machine translation with mappings and term fixes).

*Where it shows (decision):* only in a pane that is empty or entirely
machine/memory-made — every non-blank character inside a machine or memory
span. **Human text is never overwritten, nor hidden by a ghost.** The ghost
is an overlay on that pane: the suggested text in grey italics with a hint
line saying where it comes from and "Tab accepts, Esc dismisses"; the
overlay is opaque (a preview of the replacement), so it is never drawn over
the pane's text or placeholder. With focus in that pane, Tab
accepts and Esc dismisses; typing in either pane drops it. Without a ghost,
Tab moves focus as always (the editors never trap the keyboard).

*Stale results are dropped.* Every request carries a generation number,
bumped by any edit of either pane and by switching posts; a result whose
generation is old, or whose source or target text is no longer on screen,
is dropped (counted in ``dropped``) and never shown.

**Accepting** inserts the text (one undoable edit) and records it in one
storage operation (`record_suggestion`): the source text becomes a version if
it is not one yet (a suggestion is bound to the version it translates), then
`SuggestionService.apply` records the target version, origin machine or
memory, with its spans and an audit entry. The window then reloads the
histories, so the editor's base is that version: its spans are highlighted
and carried by the core (`PostService.edit`) through later human edits into
every checkpoint, and the review flag follows.

**Suggest action** (Post menu and toolbar, Ctrl+Shift+T): "Suggest French"
or "Suggest English" for the open post — the empty side if one is empty,
else the language the user was not writing in. Text a person wrote in the
target is replaced only after confirmation, and becomes a version first (it
stays in the history). Snapshot, suggestion and recording run on the
workers, with the target pane read-only meanwhile; fuzzy memory matches are
then offered in a small dialog, and choosing one records it as a memory
version.

**Review banner.** ``set_machine_banner`` shows on a language while its
latest version has machine or memory text (`review.machine_assisted`) and is
not signed off (`ReviewService.official`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFrame, QLabel,
                               QListWidget, QListWidgetItem, QMessageBox, QVBoxLayout, QWidget)

from desktop.core import provenance
from desktop.core.model import Lang, Origin, Span, Version

from .context import Feature
from .editor import LanguageEditor
from .i18n import format_percent, language_name, origin_label
from .operations import OpChanges
from .operations.translation import machine_flags, record_suggestion, suggester
from .tasks import LatestOnlyRunner

if TYPE_CHECKING:
    from desktop.app.session import Session
    from desktop.app.suggestions import PostSuggestion
    from translation.suggest import Alternative, Suggester, Suggestion

    from .context import WindowContext

LANGS = (Lang.EN, Lang.FR)
# Pause in typing before a live suggestion is computed.
LIVE_DELAY_MS = 600
SUGGEST_SHORTCUT = "Ctrl+Shift+T"
# Ghost colours: #555555 on white is 7.5:1 (WCAG AAA); the hint uses the info bar's colours.
GHOST_TEXT = "#555555"
HINT_COLOURS = ("#e8f1fb", "#1d4f91")


# -- pure parts (worker threads) ----------------------------------------------------------
def is_replaceable(text: str, spans: tuple[Span, ...]) -> bool:
    """Whether a suggestion may replace ``text``: it is blank, or every non-blank
    character lies inside a machine or memory span (nothing a person wrote)."""
    cursor = 0
    for span in sorted((s for s in spans if s.origin is not Origin.HUMAN), key=lambda s: s.start):
        if text[cursor:span.start].strip():
            return False
        cursor = max(cursor, span.end)
    return not text[cursor:].strip()


def draft_spans(text: str, base: Version | None) -> tuple[Span, ...]:
    """The machine/memory spans of ``base`` carried onto the draft ``text``."""
    if base is None:
        return ()
    if text == base.text:
        return base.spans
    return provenance.carry_spans(base.text, base.spans, text)


@dataclass(frozen=True)
class Request:
    """What a suggestion was asked for; compared with the screen when the result arrives."""

    generation: int
    post_id: int
    source: Lang
    source_text: str
    target_text: str
    #: Per language, the version the pane's text started from (None: it was empty):
    #: recording refuses a language someone else saved since, instead of going on top.
    bases: dict[Lang, int | None]

    @property
    def target(self) -> Lang:
        return self.source.other


def live_suggestion(suggester: Suggester, request: Request,
                    base: Version | None) -> Suggestion | None:
    """The suggestion for ``request``, or None when the target pane holds a person's text."""
    if not is_replaceable(request.target_text, draft_spans(request.target_text, base)):
        return None
    return suggester.suggest(request.source_text, request.source, request.target)


# -- widgets ---------------------------------------------------------------------------
class GhostOverlay(QFrame):
    """A suggestion previewed over one editor pane: grey italic text and a hint line.

    A child of the pane's viewport that ignores the mouse and never takes
    focus: the pane keeps the caret and the keyboard.
    """

    def __init__(self, editor: LanguageEditor):
        viewport = editor.editor.viewport()
        super().__init__(viewport)
        self.viewport = viewport  # the parent widget, which the overlay covers
        self.setObjectName(f"ghost_{editor.lang.value}")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("ghost_text")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(True)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        font = editor.editor.font()
        font.setItalic(True)
        self.text_label.setFont(font)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("ghost_hint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        margin = int(editor.editor.document().documentMargin())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.hint_label)
        viewport.installEventFilter(self)
        self.hide()

    def show_suggestion(self, text: str, hint: str) -> None:
        # Opaque: it hides the text it would replace and, over an empty pane, the
        # pane's placeholder text (drawn through, the two were unreadable).
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ background: palette(base); }}"
            f" QLabel#ghost_text {{ color: {GHOST_TEXT}; background: transparent; }}"
            f" QLabel#ghost_hint {{ background: {HINT_COLOURS[0]}; color: {HINT_COLOURS[1]};"
            f" border: 1px solid {HINT_COLOURS[1]}; border-radius: 3px; padding: 2px 4px; }}")
        self.text_label.setText(text)
        self.set_hint(hint)
        self.setGeometry(self.viewport.rect())
        self.show()
        self.raise_()

    def set_hint(self, hint: str) -> None:
        self.hint_label.setText(hint)
        self.hint_label.setAccessibleName(hint)
        self.text_label.setAccessibleName(self.text_label.text())
        self.setAccessibleName(hint)

    def text(self) -> str:
        return self.text_label.text()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.viewport and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.viewport.rect())
        return super().eventFilter(watched, event)


class AlternativesDialog(QDialog):
    """Fuzzy translation-memory matches of a suggestion, best first; one may replace it."""

    def __init__(self, parent: QWidget, suggestion: Suggestion):
        super().__init__(parent)
        self.setObjectName("alternatives_dialog")
        self.suggestion = suggestion
        self.alternatives = sorted(suggestion.alternatives, key=lambda a: -a.score)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("alternatives")
        self.list.setWordWrap(True)
        self.intro.setBuddy(self.list)
        self.buttons = QDialogButtonBox(self)
        self.use_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.retranslate_ui()
        self.list.setCurrentRow(0)
        self.resize(560, 320)

    def chosen(self) -> Alternative | None:
        row = self.list.currentRow()
        return self.alternatives[row] if 0 <= row < len(self.alternatives) else None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Translation memory matches"))
        self.intro.setText(self.tr(
            "Translation memory has close matches for this text. Use one instead of the "
            "suggestion? The one you pick is recorded as a translation memory version."))
        self.list.setAccessibleName(self.tr("Translation memory matches"))
        self.list.setAccessibleDescription(self.intro.text())
        self.use_button.setText(self.tr("&Use this match"))
        self.use_button.setAccessibleName(self.tr("Use this match"))
        self.keep_button.setText(self.tr("&Keep the suggestion"))
        self.keep_button.setAccessibleName(self.tr("Keep the suggestion"))
        row = self.list.currentRow()
        self.list.clear()
        for alternative in self.alternatives:
            label = self.tr("{score} — {text}").format(
                score=format_percent(alternative.score), text=alternative.text)
            source = self.tr("Matches “{source}” ({reference}).").format(
                source=alternative.source,
                reference=alternative.source_ref or alternative.memory_origin)
            item = QListWidgetItem(label, self.list)
            item.setToolTip(source)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, source)
        self.list.setCurrentRow(max(0, row))


# -- the controller --------------------------------------------------------------------------
class SuggestionController(QObject, Feature):
    """Live ghost suggestions, the Suggest action and the machine-translation banner."""

    # (target lang) a ghost is on screen.
    ghost_shown = Signal(object)
    ghost_hidden = Signal()
    # (PostSuggestion) a suggestion was recorded as a version (accepted ghost, action, match).
    recorded = Signal(object)

    def __init__(self, context: WindowContext):
        super().__init__(context.widget)
        self.setObjectName("suggestions")
        self.attach(context)
        self.runner = LatestOnlyRunner("suggest", self)
        self.dropped = 0  # results thrown away because the text changed meanwhile
        self.alternatives_dialog: AlternativesDialog | None = None
        self._generation = 0
        self._source: Lang | None = None
        self._ghost: tuple[Request, Suggestion] | None = None
        self._described: tuple[Lang, str] | None = None  # (lang, note added to its description)
        self._inserting = False
        self._action: Request | None = None  # the Suggest action running, if any
        self._progress_note = ""  # "Suggesting French…" while that action runs
        self._last_focus = Lang.EN
        self.overlays = {lang: GhostOverlay(context.editor(lang)) for lang in LANGS}
        self._timer = QTimer(self, singleShot=True, interval=LIVE_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

        self.suggest_action = QAction(self)
        self.suggest_action.setObjectName("suggest_action")
        self.suggest_action.setShortcut(QKeySequence(SUGGEST_SHORTCUT))
        self.suggest_action.triggered.connect(self.suggest)
        context.add_post_action(self.suggest_action)

        for lang in LANGS:
            editor = context.editor(lang)
            editor.text_edited.connect(self._on_editor_text_edited)
            editor.editor.installEventFilter(self)
        context.widget.installEventFilter(self)  # LanguageChange
        context.current_post_changed.connect(self._on_window_current_post_changed)
        context.backend.operation_executed.connect(self._on_backend_operation_executed)
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            raise RuntimeError("suggestions need the QApplication")
        app.focusChanged.connect(self._on_app_focus_changed)
        self.runner.result_ready.connect(self._on_runner_result_ready)
        self.runner.failed.connect(self._on_runner_failed)
        self._retranslate()
        self._on_window_current_post_changed(context.current_post_id())

    # -- state -------------------------------------------------------------------------
    def ghost(self) -> tuple[Lang, str] | None:
        """(target language, suggested text) of the ghost on screen, if any."""
        if self._ghost is None:
            return None
        request, suggestion = self._ghost
        return request.target, suggestion.text

    def suggest_target(self) -> Lang:
        """What the Suggest action writes: the empty side, else the side not being written."""
        blank = {lang: not self.context.editor(lang).text().strip() for lang in LANGS}
        if blank[Lang.EN] != blank[Lang.FR]:
            return Lang.EN if blank[Lang.EN] else Lang.FR
        return self._last_focus.other

    def _editor(self, lang: Lang) -> LanguageEditor:
        return self.context.editor(lang)

    def _bases(self) -> dict[Lang, int | None]:
        return {lang: self._editor(lang).base_id for lang in (Lang.EN, Lang.FR)}

    def _stale(self, request: Request) -> bool:
        return (self.closed or request.generation != self._generation
                or request.post_id != self.context.current_post_id()
                or self._editor(request.source).text() != request.source_text
                or self._editor(request.target).text() != request.target_text)

    # -- live suggestions -----------------------------------------------------------------
    @Slot(object)
    def _on_editor_text_edited(self, lang: Lang) -> None:
        self._generation += 1
        self._hide_ghost()
        self._update_action()
        if self._inserting or self._action is not None:
            return
        self._source = lang
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        post_id = self.context.current_post_id()
        if self.closed or self._action is not None or self._source is None or post_id is None:
            return
        source, target = self._editor(self._source), self._editor(self._source.other)
        if target.is_viewing_version() or target.editor.isReadOnly():
            return
        source_text, target_text = source.text(), target.text()
        if not source_text.strip() or (target_text.strip() and not target.spans()):
            return  # nothing to translate, or a person's text on the other side
        request = Request(self._generation, post_id, source.lang, source_text, target_text,
                          self._bases())
        base = target.base_version
        self.context.backend.run_query(
            suggester, lambda snapshot: self._on_suggester_ready(request, base, snapshot),
            on_failure=lambda _exc: None)  # no snapshot, no ghost: typing carries on

    def _on_suggester_ready(self, request: Request, base: Version | None,
                            suggester: Suggester) -> None:
        if self._stale(request):
            self.dropped += 1
            return
        self.runner.submit("live", lambda: (request, live_suggestion(suggester, request, base)))

    def _on_live_result(self, request: Request, suggestion: Suggestion | None) -> None:
        if self._stale(request):
            self.dropped += 1
            return
        if suggestion is None or suggestion.text == request.target_text:
            return
        self._ghost = (request, suggestion)
        target = request.target
        self.overlays[target].show_suggestion(suggestion.text, self._hint(target))
        self._describe(target)
        self.ghost_shown.emit(target)

    def _hint(self, target: Lang) -> str:
        if self._ghost is None:
            raise RuntimeError("no suggestion is shown")
        suggestion = self._ghost[1]
        if suggestion.origin is Origin.MACHINE:
            kind = self.tr("Suggested by machine translation")
        else:
            kind = self.tr("Suggested from translation memory")
        if QApplication.focusWidget() is self._editor(target).editor:
            return self.tr("{kind}: Tab accepts it, Esc dismisses it.").format(kind=kind)
        shortcut = self.context.focus_shortcut(target)
        return self.tr("{kind}: press {shortcut}, then Tab to accept it.").format(
            kind=kind, shortcut=shortcut)

    def _describe(self, target: Lang) -> None:
        """Tell screen readers in the target pane that a suggestion is waiting."""
        editor = self._editor(target).editor
        note = self.tr("A suggested translation is shown: Tab accepts it, Escape dismisses it.")
        editor.setAccessibleDescription(f"{editor.accessibleDescription()} {note}")
        self._described = (target, f" {note}")

    def _hide_ghost(self) -> None:
        if self._ghost is None:
            return
        target = self._ghost[0].target
        self._ghost = None
        self.overlays[target].hide()
        if self._described is not None:
            lang, note = self._described
            editor = self._editor(lang).editor
            description = editor.accessibleDescription()
            if description.endswith(note):  # unless a language switch rewrote it already
                editor.setAccessibleDescription(description[:-len(note)])
            self._described = None
        self.ghost_hidden.emit()

    def dismiss_ghost(self) -> None:
        """Esc: the ghost goes; the next edit may bring a new one."""
        self._hide_ghost()

    def accept_ghost(self) -> bool:
        """Tab: insert the ghost and record it as a version; False if it was stale."""
        if self._ghost is None:
            return False
        request, suggestion = self._ghost
        self._hide_ghost()
        if self._stale(request):
            self.dropped += 1
            return False
        self._insert(self._editor(request.target), suggestion.text)
        post_id = request.post_id
        drafts = {request.source: request.source_text}
        self.context.backend.run_op(
            lambda session: record_suggestion(session, post_id, suggestion, drafts,
                                              request.bases),
            on_success=lambda made: self._on_recorded(made, insert=False),
            on_failure=lambda exc: self._on_accept_failed(request, suggestion, exc),
            initiator=self)
        return True

    def _on_accept_failed(self, request: Request, suggestion: Suggestion,
                          exc: Exception) -> None:
        editor = self._editor(request.target)
        if editor.post_id == request.post_id and editor.text() == suggestion.text:
            editor.editor.undo()  # the insertion was one edit: back to what was there
        self.context.show_error(exc)

    def _insert(self, editor: LanguageEditor, text: str) -> None:
        """Put a recorded suggestion into the pane (one undoable edit, no new request)."""
        if editor.text() == text:
            return
        self._inserting = True
        try:
            editor.replace_text(text)
        finally:
            self._inserting = False
        editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)

    def _on_recorded(self, made: PostSuggestion, insert: bool) -> None:
        version = made.version
        editor = self._editor(version.lang)
        if insert and editor.post_id == version.post_id:
            self._insert(editor, version.text)
        if made.created:
            self.context.show_message(self.tr(
                "{language} suggestion saved as version {seq} ({origin}); it needs linguistic "
                "review.").format(language=language_name(version.lang), seq=version.seq,
                                  origin=origin_label(version.origin)), "success")
        else:
            self.context.show_message(self.tr(
                "The {language} text already is this suggestion (version {seq}).").format(
                language=language_name(version.lang), seq=version.seq), "info")
        self.recorded.emit(made)

    # -- the Suggest action ------------------------------------------------------------------
    @Slot()
    def suggest(self) -> None:
        """Ctrl+Shift+T: record a suggestion for the open post's other language."""
        post_id = self.context.current_post_id()
        if post_id is None or self._action is not None or self.closed:
            return
        target = self.suggest_target()
        source = target.other
        source_text = self._editor(source).text()
        if not source_text.strip():
            self.context.show_message(self.tr(
                "There is no {language} text to translate yet.").format(
                language=language_name(source)), "info")
            return
        editor = self._editor(target)
        editor.show_draft()
        self._timer.stop()
        self._hide_ghost()
        request = Request(self._generation, post_id, source, source_text, editor.text(),
                          self._bases())
        base = editor.base_version
        self._start_action(request)

        def prepare(session: Session) -> tuple[Suggester, bool]:
            spans = draft_spans(request.target_text, base)
            return suggester(session), is_replaceable(request.target_text, spans)

        self.context.backend.run_query(
            prepare, lambda value: self._on_action_prepared(request, *value),
            on_failure=self._on_action_failed)

    def _on_action_prepared(self, request: Request, suggester: Suggester,
                            replaceable: bool) -> None:
        if self.closed or request.post_id != self.context.current_post_id():
            self._end_action()
            return
        if not replaceable:
            language = language_name(request.target)
            answer = QMessageBox.question(
                self.context.widget,
                self.tr("Replace the {language} text?").format(language=language),
                self.tr("The {language} text was written by a person. Replace it with a "
                        "suggestion? It stays in the version history.").format(language=language),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                self._end_action()
                return
        self.runner.submit("action", lambda: (request, replaceable, suggester.suggest(
            request.source_text, request.source, request.target)))

    def _on_action_result(self, request: Request, replaceable: bool,
                          suggestion: Suggestion) -> None:
        if self.closed or request.post_id != self.context.current_post_id():
            self._end_action()
            return
        drafts = {request.source: request.source_text}
        if not replaceable:
            drafts[request.target] = request.target_text  # the person's text stays in history
        post_id = request.post_id

        def recorded(made: PostSuggestion) -> None:
            self._end_action()
            self._on_recorded(made, insert=True)
            if made.suggestion.alternatives:
                self._offer_alternatives(post_id, made.suggestion, made.version)

        self.context.backend.run_op(
            lambda session: record_suggestion(session, post_id, suggestion, drafts,
                                              request.bases),
            on_success=recorded, on_failure=self._on_action_failed, initiator=self)

    def _on_action_failed(self, exc: Exception) -> None:
        self._end_action()
        if not self.closed:
            self.context.show_error(exc)

    def _start_action(self, request: Request) -> None:
        """The target pane is read-only while its suggestion is made and recorded."""
        self._action = request
        self._update_action()
        self._editor(request.target).set_loading(True)
        self._progress_note = self.tr("Suggesting {language}…").format(
            language=language_name(request.target))
        self.context.show_message(self._progress_note, "info")

    def _end_action(self) -> None:
        request, self._action = self._action, None
        self._update_action()
        # "Suggesting French…" is no longer true: take it down unless another message
        # has replaced it meanwhile.
        bar = self.context.message_bar
        if self._progress_note and bar.label.text() == self._progress_note:
            bar.hide()
        self._progress_note = ""
        if request is not None and request.post_id == self.context.current_post_id():
            self._editor(request.target).set_loading(False)

    def _offer_alternatives(self, post_id: int, suggestion: Suggestion,
                            recorded: Version | None) -> None:
        """Alternatives for parts of ``suggestion`` (``recorded``: the version it made)."""
        dialog = AlternativesDialog(self.context.widget, suggestion)
        dialog.accepted.connect(lambda: self._use_alternative(post_id, suggestion, recorded,
                                                              dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        self.alternatives_dialog = dialog
        dialog.open()

    def _use_alternative(self, post_id: int, suggestion: Suggestion, recorded: Version | None,
                         alternative: Alternative | None) -> None:
        if alternative is None or self.closed:
            return
        chosen = suggestion.choose(alternative)
        bases: dict[Lang, int | None] = {chosen.target_lang: recorded.id if recorded else None}
        self.context.backend.run_op(
            lambda session: record_suggestion(session, post_id, chosen, {}, bases),
            on_success=lambda made: self._on_recorded(made, insert=True),
            on_failure=self._on_action_failed, initiator=self)

    # -- results from the worker -----------------------------------------------------------
    @Slot(object, object)
    def _on_runner_result_ready(self, key: object, result: tuple[Any, ...]) -> None:
        if key == "live":
            self._on_live_result(*result)
        else:
            self._on_action_result(*result)

    @Slot(object, object)
    def _on_runner_failed(self, key: object, exc: Exception) -> None:
        # A live suggestion that cannot be made (no model, refused text) just shows nothing.
        if key == "action":
            self._on_action_failed(exc)

    # -- banner, action state, focus ------------------------------------------------------
    @Slot(object)
    def _on_window_current_post_changed(self, post_id: int | None) -> None:
        self._generation += 1
        self._timer.stop()
        self._hide_ghost()
        self._update_action()
        self._refresh_banners(post_id)

    @Slot(object, object)
    def _on_backend_operation_executed(self, changes: OpChanges, _initiator: object) -> None:
        post_id = self.context.current_post_id()
        if changes.touches(post_id) and (changes.versions or changes.post_list):
            self._refresh_banners(post_id)

    def _refresh_banners(self, post_id: int | None) -> None:
        if post_id is None or self.closed:
            for lang in LANGS:
                self._editor(lang).set_machine_banner(False)
            return
        self.context.backend.run_query(lambda session: machine_flags(session, post_id),
                                      lambda flags: self._on_flags_loaded(post_id, flags),
                                      on_failure=lambda _exc: None)

    def _on_flags_loaded(self, post_id: int, flags: dict[Lang, bool]) -> None:
        if post_id == self.context.current_post_id() and not self.closed:
            for lang, flagged in flags.items():
                self._editor(lang).set_machine_banner(flagged)

    def _update_action(self) -> None:
        target = self.suggest_target()
        if target is Lang.FR:
            text = self.tr("&Suggest French")
            tip = self.tr("Translate the English text into a new French version ({shortcut})")
        else:
            text = self.tr("&Suggest English")
            tip = self.tr("Translate the French text into a new English version ({shortcut})")
        action = self.suggest_action
        action.setText(text)
        action.setToolTip(tip.format(shortcut=action.shortcut().toString(
            QKeySequence.SequenceFormat.NativeText)))
        action.setEnabled(self.context.current_post_id() is not None and self._action is None)
        button = self.context.action_button(action)
        if button is not None:
            button.setAccessibleName(text.replace("&", ""))

    @Slot(QWidget, QWidget)
    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.closed:
            return
        for lang in LANGS:
            if new is self._editor(lang).editor:
                self._last_focus = lang
                self._update_action()
        if self._ghost is not None:
            target = self._ghost[0].target
            self.overlays[target].set_hint(self._hint(target))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.KeyPress and self._ghost is not None:
            target = self._ghost[0].target
            if (event.key() == Qt.Key.Key_Tab and event.modifiers() == Qt.KeyboardModifier.NoModifier
                    and watched is self._editor(target).editor and self.accept_ghost()):
                return True
            if event.key() == Qt.Key.Key_Escape and any(
                    watched is self._editor(lang).editor for lang in LANGS):
                self.dismiss_ghost()
                return True
        elif kind == QEvent.Type.LanguageChange and watched is self.context.widget:
            self._retranslate()
        return super().eventFilter(watched, event)

    def _retranslate(self) -> None:
        self._update_action()
        if self._ghost is not None:
            target = self._ghost[0].target
            self.overlays[target].set_hint(self._hint(target))

    # -- closing -----------------------------------------------------------------------------
    def feature_actions(self) -> tuple[QAction, ...]:
        return (self.suggest_action,)

    def stop(self) -> None:
        self._timer.stop()
        self._hide_ghost()
        self.runner.shutdown()
