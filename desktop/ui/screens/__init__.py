"""The Tools menu's screens: one per capability that used to need the command line.

``install_tools(context, watcher)`` builds them all over the window's
`WindowContext` (each registers its own Tools menu entry), plus My tasks
(View menu; counts in the window title) and the post lifecycle actions
(File menu: duplicate, archive, delete).

========================  =========================================
users_roles               who holds which role; grant, take back
chain_editor              the approval chain: order, parallel, any/all, post types
mappings                  handle/hashtag/address pairs; CSV in and out
memory                    translation memory: search, TMX in and out
terminology               the termbase: search, TBX/TSV in and out
xliff_dialog              a post to XLIFF 2.0 and back
records_export            the record as JSON, CSV or HTML
audit_check               the audit log check, in plain words
========================  =========================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..context import WindowContext
    from ..my_tasks import MyTasksWindow
    from ..post_lifecycle import ArchivedPostsScreen, PostLifecycle
    from ..tray import WorkWatcher
    from .base import ScreenDialog


@dataclass(frozen=True)
class Tools:
    """What `install_tools` attached to a window."""

    screens: tuple[ScreenDialog, ...]
    archived: ArchivedPostsScreen
    lifecycle: PostLifecycle
    my_tasks: MyTasksWindow

    def all_screens(self) -> tuple:
        """Every window these tools open (the tests open each in both languages)."""
        return (*self.screens, self.archived, self.my_tasks)


def install_tools(context: WindowContext, watcher: WorkWatcher | None = None) -> Tools:
    from ..my_tasks import MyTasksWindow
    from ..post_lifecycle import ArchivedPostsScreen, PostLifecycle
    from .audit_check import AuditCheckScreen
    from .chain_editor import ChainEditorScreen
    from .mappings import MappingsScreen
    from .memory import MemoryScreen
    from .records_export import RecordsExportScreen
    from .terminology import TerminologyScreen
    from .users_roles import UsersRolesScreen
    from .xliff_dialog import XliffScreen

    screens = tuple(cls(context) for cls in (
        UsersRolesScreen, ChainEditorScreen, MappingsScreen, MemoryScreen, TerminologyScreen,
        XliffScreen, RecordsExportScreen, AuditCheckScreen))
    archived = ArchivedPostsScreen(context)
    return Tools(screens, archived, PostLifecycle(context), MyTasksWindow(context, watcher))
