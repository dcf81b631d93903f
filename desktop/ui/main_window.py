"""The Tandem window: post list on the left, English and French side by side.

Composition and flow only; the rules are the core's. Every store call goes
through `Backend` (one storage worker); every screen refreshes from
`Backend.operation_executed(changes, initiator)`.

When versions are created (see also ``operations``): Save version (Ctrl+S),
switching posts, New post and closing the window checkpoint each changed
language; autosave (≤ 400 ms after typing stops, and at least every second
during continuous typing) keeps a working draft and never makes a version.

Features (suggestions, QA, review, approvals, publishing, notifications…)
see the window only through ``context`` (`context.WindowContext`): the
backend, settings, message bar, the open post and its editors, and the
extension points — ``add_post_action`` (toolbar and Post menu),
``add_file_action``, ``add_view_action``, ``add_side_panel`` (tabbed, hidden
until something is added), ``add_editor_bar`` (above both editors) — plus the
``current_post_changed(post_id | None)`` and ``shutting_down`` signals
(emitted first thing in `shutdown()`, so features stop their workers and
timers before the store closes).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QLockFile, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QMainWindow, QPushButton, QScrollArea, QSplitter, QStackedWidget,
                               QTabWidget, QToolBar, QVBoxLayout, QWidget)

from desktop.core.errors import TandemError
from desktop.core.model import Lang

from .backend import EXTERNAL, Backend
from .context import WindowContext
from .i18n import LanguageManager, language_name
from .messages import render
from .operations import OpChanges
from .operations import posts as ops
from .operations.posts import CheckpointResult, LoadedPost
from .post_list import PostListPanel
from .save_conflict import resolve_conflicts
from .tasks import DebouncedTrigger
from .widgets import ElidedLabel, MessageBar

if TYPE_CHECKING:
    from desktop.app.session import Session

    from .editor import LanguageEditor
    from .tasks import LatestOnlyRunner

LANGS = (Lang.EN, Lang.FR)
SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_SPLITTER = "window/splitter"
SETTINGS_LAST_POST = "editor/last_post"


class SidePanelTabs(QTabWidget):
    """The side panel's tabs, each panel inside a scroll area: a short or narrow window
    scrolls a panel instead of squeezing its form or widening the window. The panel,
    not its scroll area, is what ``widget``, ``indexOf`` and ``currentWidget`` name."""

    def add_panel(self, panel: QWidget, title: str) -> int:
        area = QScrollArea(self)
        area.setObjectName(f"{panel.objectName() or 'panel'}_scroll")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: the panel's controls are
        area.setWidget(panel)
        index = self.addTab(area, title)
        self.setTabToolTip(index, title)
        return index

    def widget(self, index: int) -> QWidget | None:
        page = super().widget(index)
        return page.widget() if isinstance(page, QScrollArea) else page

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802 - Qt name
        return next((i for i in range(self.count()) if self.widget(i) is widget),
                    super().indexOf(widget))

    # PySide6's stub says QTabWidget.currentWidget never returns None; it does without tabs.
    def currentWidget(self) -> QWidget | None:  # type: ignore[override]  # noqa: N802 - Qt name
        return self.widget(self.currentIndex())

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt name
        self.setCurrentIndex(self.indexOf(widget))


def store_lock_path(session: Session) -> str | None:
    """The lock file next to a store file (None for a server store, which has many users)."""
    path = getattr(session.store, "path", None)
    return None if path is None or str(path) == ":memory:" else f"{path}.lock"


class MainWindow(QMainWindow):
    """Post list + bilingual editor over one open `Session`."""

    # The post shown in the editor changed (post id, or None for no post).
    current_post_changed = Signal(object)
    # The window is closing: stop feature workers and timers (see `shutdown`).
    shutting_down = Signal()

    AUTOSAVE_DELAY_MS = 400
    AUTOSAVE_MAX_INTERVAL_MS = 1000

    def __init__(self, session: Session | None, settings: QSettings | None = None,
                 languages: LanguageManager | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.session = session
        self.settings = settings if settings is not None else QSettings()
        self.languages = languages
        self.backend = Backend(session, self)
        # The editors (and their analysis worker) are built with the session: the first
        # paint, before the store opens, shows only the list and the menus (`_build_editors`).
        self.analysis_runner: LatestOnlyRunner | None = None
        self.editors: dict[Lang, LanguageEditor] = {}
        self._autosave: dict[Lang, DebouncedTrigger] = {}
        self._post_id: int | None = None
        self._title = ""
        self._shut_down = False
        # A post just created by New post: focus its title once it is shown.
        self._focus_title_for: int | None = None
        self.help_dialog: QWidget | None = None  # the shortcuts or guide window last opened
        # Held while this window has the store open; another window on it is warned.
        self.store_lock: QLockFile | None = None

        # -- left: post list ------------------------------------------------
        self.post_list = PostListPanel(self.backend, self)

        # -- right: title + two editors ---------------------------------------
        self.title_label = QLabel(self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.title_edit.setMaxLength(200)
        self.title_label.setBuddy(self.title_edit)
        self.message_bar = MessageBar("info", self)
        self.message_close = self.message_bar.add_button(QPushButton(self))
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label)
        title_row.addWidget(self.title_edit, 1)
        editor_page = QWidget(self)
        editor_layout = QVBoxLayout(editor_page)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(title_row)
        self._editor_layout = editor_layout
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.right_stack = QStackedWidget(self)
        self.right_stack.addWidget(self.empty_label)
        self.right_stack.addWidget(editor_page)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.message_bar)
        right_layout.addWidget(self.right_stack, 1)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.addWidget(self.post_list)
        self.main_splitter.addWidget(right)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.post_list.setMinimumWidth(300)
        self.main_splitter.setSizes([380, 900])
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(8, 8, 8, 4)
        central_layout.addWidget(self.main_splitter)
        self.setCentralWidget(central)

        # -- side panel (extension point) -------------------------------------
        self.side_dock = QDockWidget(self)
        self.side_dock.setObjectName("side_dock")
        self.side_tabs = SidePanelTabs(self.side_dock)
        # Narrower than its titles (French ones): each title elided, whole in its tooltip.
        self.side_tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.side_tabs.setUsesScrollButtons(False)
        self.side_dock.setWidget(self.side_tabs)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.side_dock)
        self.side_dock.hide()

        self._create_actions()
        self._create_menus_and_toolbar()
        self._create_status_bar()

        self.post_list.post_selected.connect(self._on_post_list_post_selected)
        self.post_list.model.query_failed.connect(self._on_query_failed)
        self.title_edit.editingFinished.connect(self._on_title_editing_finished)
        self.message_close.clicked.connect(self.message_bar.hide)
        self.backend.operation_executed.connect(self._on_operation_executed)
        self.backend.operation_failed.connect(self._on_operation_failed)
        self.backend.busy_changed.connect(self._on_backend_busy_changed)
        if self.languages is not None:
            self.languages.language_changed.connect(self._on_language_changed)

        self.context = WindowContext(
            backend=self.backend, settings=self.settings, languages=self.languages, widget=self,
            message_bar=self.message_bar, status_bar=self.statusBar(),
            show_message=self.show_message, show_error=self.show_error,
            current_post_id=self.current_post_id, current_post_changed=self.current_post_changed,
            shutting_down=self.shutting_down, editor=self.editor,
            focus_shortcut=self.focus_shortcut, add_post_action=self.add_post_action,
            add_file_action=self.add_file_action, add_view_action=self.add_view_action,
            add_side_panel=self.add_side_panel, set_side_panel_title=self.set_side_panel_title,
            add_editor_bar=self.add_editor_bar, action_button=self.toolbar.widgetForAction,
            add_tools_action=self.add_tools_action, open_post=self.open_post,
            set_title_detail=self.set_title_detail)

        if session is not None:
            self._build_editors()
        self.retranslate_ui()
        self._show_post_page(False)
        self.resize(1280, 800)
        self._restore_layout()

    # -- construction helpers -------------------------------------------------
    def _create_actions(self) -> None:
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_post)
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_version)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.list_action = QAction(self)
        self.list_action.setShortcut(QKeySequence("Ctrl+L"))
        self.list_action.triggered.connect(lambda: self.post_list.table.setFocus())
        self.title_action = QAction(self)
        self.title_action.setShortcut(QKeySequence("Ctrl+T"))
        self.title_action.triggered.connect(lambda: self.title_edit.setFocus())
        self.focus_actions: dict[Lang, QAction] = {}
        self.history_actions: dict[Lang, QAction] = {}
        for number, lang in enumerate(LANGS, start=1):
            focus = QAction(self)
            focus.setShortcut(QKeySequence(f"Ctrl+{number}"))
            focus.triggered.connect(lambda _=False, lang=lang: self._focus_editor(lang))
            self.focus_actions[lang] = focus
            history = QAction(self)
            history.setShortcut(QKeySequence(f"Ctrl+Shift+{number}"))
            history.triggered.connect(
                lambda _=False, lang=lang: self.editors[lang].history_combo.setFocus())
            self.history_actions[lang] = history
        self.language_group = QActionGroup(self)
        self.english_action = QAction(self, checkable=True)
        self.french_action = QAction(self, checkable=True)
        for action, code in ((self.english_action, "en"), (self.french_action, "fr")):
            action.setData(code)
            self.language_group.addAction(action)
        self.language_group.triggered.connect(self._on_language_action_triggered)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._show_about)
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setShortcuts([QKeySequence(Qt.Key.Key_F1), QKeySequence("Ctrl+/")])
        self.shortcuts_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.guide_action = QAction(self)
        self.guide_action.triggered.connect(self.show_guide)

    def _create_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.save_action)
        self._file_separator = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.post_menu = bar.addMenu("")  # Suggest / Publish… are added here later
        self.post_menu.menuAction().setVisible(False)
        self.view_menu = bar.addMenu("")
        # Shows the side panel again once closed (its checkbox follows the panel).
        self.side_panel_action = self.side_dock.toggleViewAction()
        self.side_panel_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.side_panel_action.setEnabled(False)  # until a feature adds a panel
        self.view_menu.addAction(self.side_panel_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.list_action)
        self.view_menu.addAction(self.title_action)
        for lang in LANGS:
            self.view_menu.addAction(self.focus_actions[lang])
        for lang in LANGS:
            self.view_menu.addAction(self.history_actions[lang])
        self.tools_menu = bar.addMenu("")  # the screens of desktop/ui/screens, added later
        self.tools_menu.menuAction().setVisible(False)
        self._title_detail = ""
        self.language_menu = bar.addMenu("")
        self.language_menu.addAction(self.english_action)
        self.language_menu.addAction(self.french_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("post_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.new_action)
        self.toolbar.addAction(self.save_action)
        self._extension_separator = self.toolbar.addSeparator()
        self._extension_separator.setVisible(False)
        self.addToolBar(self.toolbar)

    def _create_status_bar(self) -> None:
        status = self.statusBar()
        # Elided (whole in the tooltip) rather than widening the window at a large font.
        self.save_status = ElidedLabel(self)
        self.store_label = ElidedLabel(self, Qt.TextElideMode.ElideMiddle)  # a path's both ends
        self.user_label = ElidedLabel(self)
        for label in (self.store_label, self.user_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status.addWidget(self.save_status, 1)
        status.addPermanentWidget(self.store_label)
        status.addPermanentWidget(self.user_label)

    def _build_editors(self) -> None:
        """The two language editors, their autosave triggers and the tab order (once)."""
        if self.editors:
            return
        from .editor import LanguageEditor
        from .tasks import LatestOnlyRunner

        self.analysis_runner = LatestOnlyRunner("analysis", self)
        self.editors = {lang: LanguageEditor(lang, self.analysis_runner, self) for lang in LANGS}
        self.editor_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.editor_splitter.setChildrenCollapsible(False)
        for lang in LANGS:
            self.editor_splitter.addWidget(self.editors[lang])
        self._editor_layout.addWidget(self.editor_splitter, 1)
        # -- autosave triggers, one per language --------------------------------
        for lang in LANGS:
            trigger = DebouncedTrigger(self.AUTOSAVE_DELAY_MS, self.AUTOSAVE_MAX_INTERVAL_MS, self)
            trigger.triggered.connect(lambda lang=lang: self._autosave_now(lang))
            self._autosave[lang] = trigger
            self.editors[lang].text_edited.connect(self._on_editor_text_edited)
            self.editors[lang].footer_changed.connect(self._align_footers)
            self.editors[lang].footer.installEventFilter(self)
            self.editors[lang].restore_requested.connect(self._on_editor_restore_requested)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab from the title goes to the English text, then the French: typing on
        after the title lands in the text (a version list there would swallow the
        keys as a search and show another version). The version lists and their
        buttons come after both texts (and have Ctrl+Shift+1/2)."""
        chain = [self.post_list.search_edit, self.post_list.state_combo, self.post_list.table,
                 self.title_edit]
        for lang in LANGS:
            chain += [self.editors[lang].editor, self.editors[lang].viewer]
        for lang in LANGS:
            editor = self.editors[lang]
            chain += [editor.history_combo, editor.restore_button, editor.back_button,
                      editor.dismiss_button, editor.fix_button]
        chain.append(self.message_close)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _restore_layout(self) -> None:
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = self.settings.value(SETTINGS_SPLITTER)
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.main_splitter.restoreState(splitter)

    # -- side-by-side alignment ---------------------------------------------
    @Slot()
    def _align_footers(self) -> None:
        """Give both languages' footers the height of the taller one."""
        footers = [self.editors[lang].footer for lang in LANGS]
        heights = []
        for footer in footers:
            layout = footer.layout()
            if layout is None:
                raise RuntimeError("an editor footer has no layout")
            if layout.hasHeightForWidth() and footer.width() > 0:
                heights.append(layout.totalHeightForWidth(footer.width()))
            else:
                heights.append(layout.totalSizeHint().height())
        tallest = max(heights)
        for footer in footers:
            if footer.minimumHeight() != tallest:
                footer.setMinimumHeight(tallest)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.Resize
                and any(watched is editor.footer for editor in self.editors.values())
                and event.oldSize().width() != event.size().width()):  # wrapping changed
            self._align_footers()
        return super().eventFilter(watched, event)

    # -- extension points -------------------------------------------------
    def editor(self, lang: Lang) -> LanguageEditor:
        return self.editors[Lang(lang)]

    def current_post_id(self) -> int | None:
        return self._post_id

    def add_post_action(self, action: QAction) -> None:
        """Add a post-level action (Suggest, Publish…) to the toolbar and Post menu."""
        self._extension_separator.setVisible(True)
        self.toolbar.addAction(action)
        self.post_menu.addAction(action)
        self.post_menu.menuAction().setVisible(True)

    def add_file_action(self, action: QAction, before_quit: bool = False) -> None:
        """Add an entry to the File menu: with the post entries (Install language
        package…), or ``before_quit`` in a section of its own just above Quit (Settings…)."""
        if before_quit:
            self.file_menu.insertAction(self.quit_action, action)
            self.file_menu.insertSeparator(self.quit_action)
        else:
            self.file_menu.insertAction(self._file_separator, action)

    def add_view_action(self, action: QAction) -> None:
        """Add an entry to the View menu, below a separator (Review queue)."""
        self.view_menu.addSeparator()
        self.view_menu.addAction(action)

    def add_tools_action(self, action: QAction) -> None:
        """Add an entry to the Tools menu (users and roles, the approval chain…)."""
        self.tools_menu.addAction(action)
        self.tools_menu.menuAction().setVisible(True)

    def set_title_detail(self, detail: str) -> None:
        """Show ``detail`` (what waits for the user) in the window title."""
        self._title_detail = detail
        self._apply_title()

    def _apply_title(self) -> None:
        """The open post's title, else the desk's; the platform adds " — Tandem" (the
        application display name) itself, so it is not written here a second time."""
        title = self._title or self.tr("Bilingual posting desk")
        self.setWindowTitle(f"{title} ({self._title_detail})" if self._title_detail else title)

    def add_side_panel(self, widget: QWidget, title: str) -> int:
        """Add a tab to the side panel (QA findings, review, approvals); shows it. The
        panel scrolls when the window is short or narrow (a form never collapses)."""
        index = self.side_tabs.add_panel(widget, title)
        self.side_dock.show()
        self.side_panel_action.setEnabled(True)
        self._fit_side_panel()
        return index

    #: The side panel's widest default: the editors keep most of a 1366 px screen.
    SIDE_PANEL_WIDTH = 340

    def _fit_side_panel(self) -> None:
        """Widen the side panel towards its tab titles' width (French ones are longer),
        at most SIDE_PANEL_WIDTH; the panels scroll rather than widen the window."""
        if not self.side_dock.isVisible() or self.side_dock.isFloating():
            return
        want = min(self.side_tabs.tabBar().sizeHint().width() + 12, self.SIDE_PANEL_WIDTH)
        if self.side_dock.width() < want:
            self.resizeDocks([self.side_dock], [want], Qt.Orientation.Horizontal)

    def set_side_panel_title(self, widget: QWidget, title: str, tooltip: str | None = None) -> None:
        """Rename a side panel's tab (after a language change)."""
        index = self.side_tabs.indexOf(widget)
        if index >= 0:
            self.side_tabs.setTabText(index, title)
            self.side_tabs.setTabToolTip(index, tooltip if tooltip is not None else title)
            self._fit_side_panel()

    def add_editor_bar(self, widget: QWidget, *focus_chain: QWidget) -> None:
        """Add a bar between the title and the editors (status line, banners); its
        ``focus_chain`` widgets come right after the title in tab order."""
        self._build_editors()  # the bar goes above them
        self._editor_layout.insertWidget(self._editor_layout.count() - 1, widget)
        for first, second in zip((self.title_edit, *focus_chain), focus_chain, strict=False):
            QWidget.setTabOrder(first, second)

    def focus_shortcut(self, lang: Lang) -> str:
        """The shortcut that focuses a language's editor, as the user's platform writes it."""
        return self.focus_actions[Lang(lang)].shortcut().toString(
            QKeySequence.SequenceFormat.NativeText)

    # -- opening posts --------------------------------------------------------
    def set_session(self, session: Session) -> None:
        """Attach the store once it is open (the window can be shown before: start-up
        paints the window first, then imports and opens the store)."""
        self.session = session
        self.backend.session = session
        self._build_editors()
        self.retranslate_ui()

    def start(self) -> None:
        """Load the list and open the post with unsaved text, else the last one."""
        if self.session is None:
            raise RuntimeError("start() needs a session: call set_session() first")
        if getattr(self.session.store, "read_only", False):
            self.show_message(self.tr("This store is read-only ({path}): you can read posts, "
                                      "but nothing can be saved.").format(
                                          path=self._store_path(self.session)),
                              "warning")
        self._lock_store(self.session)
        self._fit_side_panel()
        self.post_list.refresh()
        last = self.settings.value(SETTINGS_LAST_POST, None)
        self.backend.run_query(lambda session: ops.choose_initial_post(session, last),
                               self._on_initial_post_chosen)

    def _lock_store(self, session: Session) -> None:
        """Take the lock file next to the store; if another Tandem window holds it, say
        so: both would save, and each shows the other's work only when reloaded."""
        path = store_lock_path(session)
        if path is None or self.store_lock is not None:
            return
        lock = QLockFile(path)
        lock.setStaleLockTime(0)  # held until that window closes, however long
        if lock.tryLock(0):
            self.store_lock = lock
            return
        pid, host, _app = lock.getLockInfo()
        self.show_message(self.tr(
            "Another Tandem window already has this store open (process {pid} on {host}). "
            "Work in one window at a time: each shows what the other saved only once it "
            "reloads.").format(pid=pid, host=host or "?"), "warning")

    def _on_initial_post_chosen(self, post_id: int | None) -> None:
        if post_id is not None and self._post_id is None:
            self.open_post(post_id)

    def open_post(self, post_id: int) -> None:
        """Checkpoint the open post, then show ``post_id``."""
        if post_id == self._post_id:
            return
        self._checkpoint(reason="switch")
        for editor in self.editors.values():
            editor.set_loading(True)
        # Latest wins: a post the user moved on from meanwhile is never shown.
        self.backend.query_latest("open_post", lambda session: ops.load_post(session, post_id),
                                  self._on_post_loaded, on_failure=self._on_post_load_failed)

    def _on_post_loaded(self, loaded: LoadedPost) -> None:
        post = loaded.post
        self._post_id = post.id
        self._title = post.title
        self._apply_title()
        self.title_edit.setText(post.title)
        for lang in LANGS:
            self.editors[lang].set_writable(loaded.can_write)
            recovered = loaded.recovered.get(lang)
            # Recovered text keeps the version it was typed on as its base: a version
            # someone else saved since is then met by the save (both texts shown).
            self.editors[lang].load(post.id, loaded.view.latest(lang), loaded.history[lang],
                                    recovered.text if recovered else None,
                                    recovered.base if recovered else None)
        self._show_post_page(True)
        self.post_list.select_post(post.id)
        self.settings.setValue(SETTINGS_LAST_POST, post.id)
        if loaded.recovered:
            names = ", ".join(language_name(lang) for lang in LANGS if lang in loaded.recovered)
            self.show_message(self.tr("Recovered unsaved text ({languages}) from autosave.").format(
                languages=names), "info")
        if self._focus_title_for == post.id:
            self._focus_title_for = None
            self.title_edit.setFocus()
            self.title_edit.selectAll()
        self._render_save_status()
        self.current_post_changed.emit(post.id)

    def _on_post_load_failed(self, exc: Exception) -> None:
        for editor in self.editors.values():
            editor.set_loading(False)
        self.show_error(exc)

    def _show_post_page(self, has_post: bool) -> None:
        self.right_stack.setCurrentIndex(1 if has_post else 0)
        self.save_action.setEnabled(has_post)
        self.title_action.setEnabled(has_post)
        for lang in LANGS:
            self.focus_actions[lang].setEnabled(has_post)
            self.history_actions[lang].setEnabled(has_post)

    # -- commands ---------------------------------------------------------------
    @Slot()
    def new_post(self) -> None:
        """Checkpoint the open post and create an empty one, ready for its title."""
        self._checkpoint(reason="new")
        title = self.tr("Untitled post")
        self.backend.run_op(lambda session: ops.create_post(session, title),
                            on_success=self._on_post_created, initiator=self)

    def _on_post_created(self, view) -> None:
        self._focus_title_for = view.post.id
        self.open_post(view.post.id)

    @Slot()
    def save_version(self) -> None:
        """Ctrl+S: every changed language (and the title) becomes a version now."""
        if self._post_id is None:
            return
        if not self._checkpoint(reason="save"):
            self.show_message(self.tr("Nothing to save: both texts match their latest versions."),
                              "info")

    def _checkpoint(self, reason: str) -> bool:
        """Queue a checkpoint of the open post; False if nothing changed."""
        post_id = self._post_id
        if post_id is None:
            return False
        # Pending autosaves first (in queue order): a language typed then undone
        # back to its version must clear its working draft, not leave a stale one.
        self.flush_autosave()
        texts = {lang: self.editors[lang].text() for lang in LANGS if self.editors[lang].is_dirty()}
        bases = {lang: self.editors[lang].base_id for lang in texts}
        title = self.title_edit.text().strip()
        rename = title if title and title != self._title else None
        if not texts and rename is None:
            return False
        if rename is not None:
            self._title = rename
            self._apply_title()
        self.backend.run_op(
            lambda session: ops.checkpoint(session, post_id, texts, rename, bases),
            on_success=lambda result: self._on_checkpoint_done(post_id, reason, result),
            initiator=self)
        return True

    def _on_checkpoint_done(self, post_id: int, reason: str, result: CheckpointResult) -> None:
        if post_id != self._post_id:
            return
        problems = list(result.failed.values())
        if result.rename_error:
            problems.append(result.rename_error)
        if problems:
            self.show_message(self.tr("Not saved as a version: {reasons} The text is kept by "
                                      "autosave.").format(reasons=" ".join(render(p) for p in problems)), "warning")
            if reason == "save":  # both texts; the person chooses. Leaving the post (switch,
                # new post), the text stays their draft on its base: asked when saved on return.
                resolve_conflicts(self, post_id, result.conflicts)
        elif result.refused:
            names = ", ".join(language_name(lang) for lang in result.refused)
            self.show_message(self.tr(
                "Not saved as a version ({languages}): the text has refused characters or is too "
                "long. It is kept by autosave; fix it, then save again.").format(languages=names),
                "warning")
        elif result.saved and reason == "save":
            parts = [self.tr("{language} version {seq}").format(
                language=language_name(lang), seq=version.seq)
                for lang, version in result.saved.items()]
            self.show_message(self.tr("Saved: {versions}.").format(versions=", ".join(parts)),
                              "success")

    def _on_editor_restore_requested(self, lang: Lang, version_id: int) -> None:
        post_id = self._post_id
        if post_id is None:
            return
        current = self.editors[lang].text()
        self._autosave[lang].cancel()

        def done(value) -> None:
            version, history = value
            if post_id == self._post_id:
                self.editors[lang].apply_restored(version, history)
                self.show_message(self.tr("Restored as {language} version {seq}.").format(
                    language=language_name(lang), seq=version.seq), "success")

        self.backend.run_op(
            lambda session: ops.restore_with_history(session, post_id, version_id, current),
            on_success=done, initiator=self.editors[lang])

    # -- autosave -------------------------------------------------------------------
    @Slot(object)
    def _on_editor_text_edited(self, lang: Lang) -> None:
        self._autosave[lang].poke()
        self._render_save_status(pending=True)

    def _autosave_now(self, lang: Lang) -> None:
        post_id = self._post_id
        editor = self.editors[lang]
        if post_id is None or editor.post_id != post_id:
            return
        body, base = editor.text(), editor.base_id
        self.backend.run_op(lambda session: ops.autosave(session, post_id, lang, body, base),
                            on_success=lambda _none: self._render_save_status(),
                            initiator=self)

    def flush_autosave(self) -> None:
        """Run pending autosaves now (before a switch, and for tests)."""
        for trigger in self._autosave.values():
            trigger.fire_now()

    # -- refresh from operations ------------------------------------------------------
    @Slot(object, object)
    def _on_operation_executed(self, changes: OpChanges, initiator: object) -> None:
        if changes.post_list:
            self.post_list.refresh()
        post_id = self._post_id
        external = initiator == EXTERNAL
        if changes.versions and post_id is not None and changes.touches(post_id):
            self.backend.run_query(lambda session: ops.load_histories(session, post_id),
                                   lambda value: self._on_histories_loaded(post_id, value,
                                                                           external))

    def _on_histories_loaded(self, post_id: int, value, external: bool = False) -> None:
        if post_id != self._post_id:
            return
        view, histories = value
        user = self.session.user if self.session is not None else None
        for lang in LANGS:
            editor, latest = self.editors[lang], view.latest(lang)
            if latest == editor.base_version or editor.text() == (latest.text if latest else ""):
                editor.set_base(latest, histories[lang])  # (e.g. this window's save landed)
            elif not editor.is_dirty():
                editor.load(post_id, latest, histories[lang])  # untouched text follows
            elif not external and latest is not None and latest.author == user:
                editor.set_base(latest, histories[lang])  # saved here, typed on since
            else:
                # Someone else saved (also while this window saved the other language):
                # the base stays what this person started from, so their save meets the
                # other text (VersionConflict) instead of hiding it.
                editor.set_base(editor.base_version, histories[lang])
        self._render_save_status()

    @Slot(object, object)
    def _on_operation_failed(self, exc: Exception, _initiator: object) -> None:
        self.show_error(exc)

    @Slot(object)
    def _on_query_failed(self, exc: Exception) -> None:
        self.show_error(exc)

    @Slot(int)
    def _on_backend_busy_changed(self, _pending: int) -> None:
        self._render_save_status()

    def _render_save_status(self, pending: bool = False) -> None:
        if self._post_id is None:
            text = ""
        elif pending or self.backend.storage.pending() or any(
                t.is_pending() for t in self._autosave.values()):
            text = self.tr("Saving draft…")
        elif any(editor.is_dirty() for editor in self.editors.values()):
            text = self.tr("Draft autosaved; not yet a version (Ctrl+S saves a version).")
        else:
            text = self.tr("All changes saved as versions.")
        self.save_status.setText(text)
        self.save_status.setAccessibleName(text)

    @Slot()
    def _on_title_editing_finished(self) -> None:
        if self._post_id is None:
            return
        title = self.title_edit.text().strip()
        if not title:
            self.title_edit.setText(self._title)
            return
        if title != self._title:
            post_id = self._post_id
            self._title = title
            self._apply_title()
            self.backend.run_op(lambda session: ops.rename(session, post_id, title),
                                initiator=self)

    @Slot(int)
    def _on_post_list_post_selected(self, post_id: int) -> None:
        self.open_post(post_id)

    # -- messages ---------------------------------------------------------------------
    def show_message(self, text: str, kind: str = "info") -> None:
        self.message_bar.show_message(text, kind)

    def show_error(self, exc: Exception) -> None:
        if isinstance(exc, TandemError):
            text = render(exc)
        else:
            text = self.tr("Unexpected error: {error}").format(error=f"{type(exc).__name__}: {exc}")
        self.show_message(text, "warning")

    # -- focus helpers -----------------------------------------------------------------
    def _focus_search(self) -> None:
        self.post_list.search_edit.setFocus()
        self.post_list.search_edit.selectAll()

    def _focus_editor(self, lang: Lang) -> None:
        editor = self.editors[lang]
        editor.show_draft()
        editor.editor.setFocus()

    def show_shortcuts(self) -> None:
        """F1 / Ctrl+/: every command's keys, read from the actions now."""
        from .help import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.help_dialog = dialog
        dialog.open()

    def show_guide(self) -> None:
        """Help → Guide: docs/guide.md, at the part in the interface language."""
        from .help import GuideWindow

        french = self.languages is not None and self.languages.language == "fr"
        guide = GuideWindow(self, french)
        guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.help_dialog = guide
        guide.show()

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop import __version__

        QMessageBox.about(self, self.tr("About Tandem"), self.tr(
            "Tandem {version}\nBilingual posting desk for Government of Canada "
            "communications.").format(version=__version__))

    # -- language -----------------------------------------------------------------------
    @Slot(QAction)
    def _on_language_action_triggered(self, action: QAction) -> None:
        if self.languages is not None:
            self.languages.set_language(action.data())

    @Slot(str)
    def _on_language_changed(self, code: str) -> None:
        for action in (self.english_action, self.french_action):
            action.setChecked(action.data() == code)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self._apply_title()
        self.file_menu.setTitle(self.tr("&File"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.post_menu.setTitle(self.tr("&Post"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language / Langue"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.new_action.setText(self.tr("&New post"))
        self.new_action.setToolTip(self.tr("Create a new post (Ctrl+N)"))
        self.save_action.setText(self.tr("&Save version"))
        self.save_action.setToolTip(self.tr(
            "Save each changed language as a new version (Ctrl+S)"))
        self.quit_action.setText(self.tr("&Quit"))
        self.find_action.setText(self.tr("&Find posts"))
        self.list_action.setText(self.tr("Post &list"))
        self.title_action.setText(self.tr("&Title"))
        self.focus_actions[Lang.EN].setText(self.tr("&English text"))
        self.focus_actions[Lang.FR].setText(self.tr("Fre&nch text"))
        self.history_actions[Lang.EN].setText(self.tr("English &versions"))
        self.history_actions[Lang.FR].setText(self.tr("French ver&sions"))
        self.about_action.setText(self.tr("&About Tandem"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.guide_action.setText(self.tr("&Guide"))
        # Each language is named in itself, so either reader can find it.
        self.english_action.setText(self.tr("English"))
        self.french_action.setText(self.tr("Français"))
        self.toolbar.setWindowTitle(self.tr("Post actions"))
        self.toolbar.setAccessibleName(self.tr("Post actions"))
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is not None and action.text():
                button.setAccessibleName(action.text().replace("&", ""))
        self.title_label.setText(self.tr("T&itle:"))
        self.title_edit.setAccessibleName(self.tr("Post title"))
        self.title_edit.setAccessibleDescription(self.tr(
            "A short internal name for the post; it is not published."))
        self.message_close.setText(self.tr("Close"))
        self.message_close.setAccessibleName(self.tr("Close the message"))
        self.empty_label.setText(self.tr(
            "No post is open. Create one with New post (Ctrl+N), or pick one in the list."))
        self.side_dock.setWindowTitle(self.tr("Checks, review and approvals"))
        self.side_panel_action.setText(self.tr("Side &panel"))
        # Qt names the dock's own buttons once, in English: name them ourselves.
        for name, text in (("qt_dockwidget_closebutton", self.tr("Close the side panel")),
                           ("qt_dockwidget_floatbutton", self.tr("Detach the side panel"))):
            dock_button = self.side_dock.findChild(QWidget, name)
            if dock_button is not None:
                dock_button.setAccessibleName(text)
                dock_button.setToolTip(text)
        self.side_tabs.setAccessibleName(self.tr("Checks, review and approvals"))
        self._fit_side_panel()
        if self.session is None:
            self.store_label.setText(self.tr("Opening the store…"))
            self.user_label.setText("")
        else:
            self.store_label.setText(self._store_text(self.session))
            self.user_label.setText(self.tr("User: {user}").format(user=self.session.user))
        self.store_label.setAccessibleName(self.store_label.text())
        self.user_label.setAccessibleName(self.user_label.text())
        code = self.languages.language if self.languages is not None else "en"
        self._on_language_changed(code)
        self._render_save_status()

    def _store_text(self, session: Session) -> str:
        if getattr(session.store, "backend", None) == "postgresql":
            return self.tr("Team store: {url}").format(url=self._store_path(session))
        return self.tr("Store: {path}").format(path=self._store_path(session))

    def _store_path(self, session: Session) -> str:
        """Where the store is: its file, a team store's URL (never with a password),
        or "in memory"."""
        store = session.store
        if getattr(store, "backend", None) == "postgresql":
            return str(getattr(store, "url", ""))
        path = getattr(store, "path", None)
        return str(path) if path is not None else self.tr("in memory")

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self._shut_down:
            choice = self._ask_before_saving_on_close()
            if choice is None:
                event.ignore()  # the person stays to look again
                return
            self.shutdown(checkpoint=choice)
        super().closeEvent(event)

    def _ask_before_saving_on_close(self) -> bool | None:
        """Closing saves unsaved text as new versions; when that would withdraw an official
        version or void approvals, ask first. True: save; False: keep the text as this
        person's own draft only; None: do not close."""
        post_id = self._post_id
        langs = [lang for lang in LANGS if self.editors[lang].is_dirty()]
        if post_id is None or not langs or self.session is None:
            return True
        try:
            effects = self.backend.run_now(lambda session: ops.save_effects(session, post_id,
                                                                            langs))
        except Exception:  # noqa: BLE001 - asking must not stop the window from closing
            return True
        if not effects.any:
            return True
        from PySide6.QtWidgets import QMessageBox  # (not needed before the first paint)

        lines = [self.tr("It withdraws the official {language} version {seq}.").format(
            language=language_name(lang), seq=seq) for lang, seq in effects.withdrawn]
        if effects.voided:
            lines.append(self.tr("It voids {count} approval(s): the post goes back to "
                                 "review.").format(count=effects.voided))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Save your changes?"), self.tr(
            "Closing saves your changes to “{title}” as new versions.").format(title=self._title),
            parent=self)
        box.setObjectName("close_confirm")
        box.setInformativeText("\n".join(lines))
        box.addButton(QMessageBox.StandardButton.Save).setText(self.tr("Save as new versions"))
        box.addButton(QMessageBox.StandardButton.Discard).setText(
            self.tr("Keep as my unsaved draft"))
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return True
        return False if answer == QMessageBox.StandardButton.Discard else None

    def shutdown(self, checkpoint: bool = True) -> None:
        """Checkpoint the open post, finish queued storage work, stop the workers.

        ``checkpoint`` False keeps the open post's unsaved text as the user's own working
        draft instead of new versions (chosen when closing would withdraw official text).

        Runs on the GUI thread once the storage queue is drained: the window is
        going away, so waiting here costs the user nothing.
        """
        if self._shut_down:
            return
        self._shut_down = True
        self.shutting_down.emit()
        pending = [lang for lang, trigger in self._autosave.items() if trigger.is_pending()]
        for trigger in self._autosave.values():
            trigger.cancel()
        for editor in self.editors.values():
            editor.stop()
        self.settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self.settings.setValue(SETTINGS_SPLITTER, self.main_splitter.saveState())
        post_id = self._post_id
        texts = {lang: self.editors[lang].text() for lang in LANGS
                 if self.editors[lang].is_dirty()} if post_id is not None else {}
        title = self.title_edit.text().strip()
        rename = title if post_id is not None and title and title != self._title else None
        try:
            self.backend.wait_idle()
            for lang in pending:
                if lang not in texts and post_id is not None:  # typed, then undone: clear the draft
                    body = self.editors[lang].text()
                    self.backend.run_now(partial(ops.autosave, post_id=post_id, lang=lang,
                                                 body=body, base=self.editors[lang].base_id))
            # With each editor's base: a language someone else saved meanwhile is kept
            # as this person's draft (autosave), never saved over theirs unseen, and the
            # draft keeps that base for when it is recovered.
            bases = {lang: self.editors[lang].base_id for lang in texts}
            if post_id is not None and not checkpoint and texts:
                self.backend.run_now(lambda session: ops.keep_drafts(session, post_id, texts,
                                                                     bases))
                texts = {}
            if post_id is not None and (texts or rename):
                self.backend.run_now(lambda session: ops.checkpoint(session, post_id, texts,
                                                                    rename, bases))
        except Exception as exc:  # noqa: BLE001 - never block closing; autosave kept the text
            import sys

            print(f"tandem: could not checkpoint post {post_id} on close: {exc}", file=sys.stderr)
        self.settings.sync()
        if self.store_lock is not None:
            self.store_lock.unlock()
        if self.analysis_runner is not None:
            self.analysis_runner.shutdown()
        self.backend.shutdown()
