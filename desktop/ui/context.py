"""What a window feature may use of the window, and the feature lifecycle, written once.

`WindowContext` is the narrow surface handed to every feature (git-cola's
``ApplicationContext``): the `Backend`, the settings and interface language,
the message bar, the open post and its editors, and where a feature registers
its actions, side panels and editor bars. Features never receive the whole
`MainWindow`, so each can be built over a fake context in a test.

`Feature` is the lifecycle (Mu's ``BaseMode``): ``feature_actions()`` (what
it adds to menus and toolbar), ``activate()`` to start its background work
once the store is open, and ``shutdown()`` — connected to ``context.shutting_down`` — which runs the
feature's ``stop()`` exactly once and sets ``closed``, so late results of its
workers are ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar, QWidget

    from desktop.core.model import Lang

    from .backend import Backend
    from .editor import LanguageEditor
    from .i18n import LanguageManager
    from .widgets import MessageBar


@dataclass(frozen=True)
class WindowContext:
    """The window as its features see it (built by `MainWindow`, or faked in tests)."""

    backend: Backend
    settings: QSettings
    languages: LanguageManager | None
    # Parent for the features' dialogs, tray icon and event filters (LanguageChange).
    widget: QWidget
    message_bar: MessageBar
    status_bar: QStatusBar
    show_message: Callable[[str, str], None]
    show_error: Callable[[Exception], None]
    current_post_id: Callable[[], int | None]
    # (post id | None) when the post shown in the editors changes.
    current_post_changed: SignalInstance
    # The window is closing: features stop their workers and timers.
    shutting_down: SignalInstance
    editor: Callable[[Lang], LanguageEditor]
    # The key sequence that focuses a language's editor ("Ctrl+2"), for hints.
    focus_shortcut: Callable[[Lang], str]
    add_post_action: Callable[[QAction], None]
    # (action, before_quit): File menu, above the separator or just above Quit.
    add_file_action: Callable[..., None]
    add_view_action: Callable[[QAction], None]
    add_side_panel: Callable[[QWidget, str], int]
    # (panel, title, tooltip=None)
    set_side_panel_title: Callable[..., None]
    # (bar, *focus chain): a bar above the editors, its buttons after the title in tab order.
    add_editor_bar: Callable[..., None]
    # The toolbar button of a post action (for its accessible name), if any.
    action_button: Callable[[QAction], QWidget | None]
    # An entry in the Tools menu (the screens for users, chain, mappings, memory…).
    add_tools_action: Callable[[QAction], None]
    # Show a post in the editors (My tasks, a duplicate just made).
    open_post: Callable[[int], None]
    # A short text after the window title ("3 waiting for you"), or "" for none.
    set_title_detail: Callable[[str], None]

    @property
    def session(self) -> Any:
        return self.backend.session


class Feature:
    """Lifecycle of a window feature; mixed into its QObject or QWidget class.

    Call `attach(context)` in ``__init__`` after the Qt base is initialised.
    """

    context: WindowContext
    closed: bool = False

    def attach(self, context: WindowContext) -> None:
        self.context = context
        self.closed = False
        context.shutting_down.connect(self.shutdown)

    def feature_actions(self) -> tuple[QAction, ...]:
        """The actions this feature adds to the window's menus and toolbar."""
        return ()

    def activate(self) -> None:
        """Start background work (resume, polling, warm-up) once the store is open."""

    def stop(self) -> None:
        """Stop this feature's timers and workers; called once, by `shutdown`."""

    def shutdown(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.stop()
