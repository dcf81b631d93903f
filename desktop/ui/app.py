"""Starting the window: ``run_app(db)`` is what ``tandem`` with no command calls.

Start-up order: QApplication → interface language (QSettings) → open the
session → window. A store or policy that cannot be opened (corrupt,
read-only, too new, invalid policy…) is a `TandemError` whose message is shown
in a dialog; Tandem then exits with status 2 instead of crashing.

Imports are lazy: this module imports nothing from Qt at import time, and the
window, counting and store modules load only when needed, so ``tandem --help``
stays fast and the window appears quickly (bench/startup.py measures it).

Features are attached to the window after the store opens: translation
(`install_translation`) and the review, approval and publishing workflow
(`install_workflow`, whose `start()` resumes interrupted publications and
starts the notifications; a smoke run skips that).

``TANDEM_UI_SMOKE=1`` prints ``TANDEM_UI_SHOWN <unix time>`` when the window
has first painted and ``TANDEM_UI_READY <unix time>`` when the store is open
and the post list loaded, then closes the window: for start-up benchmarks and
for smoke-testing a packaged build without a person.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .appearance import Appearance
    from .media_panel import MediaPanel
    from .screens import Tools
    from .spell_highlighter import SpellCheckFeature
    from .approvals_panel import ApprovalsPanel, PostStatusLine, ProgressWatcher
    from .main_window import MainWindow
    from .models_dialog import ModelsController
    from .operations.publishing import ServiceFactory
    from .publishing.controller import PublishController
    from .qa_panel import QaPanel
    from .review_queue import ReviewQueueWindow
    from .settings_dialog import SettingsLauncher
    from .suggestions import SuggestionController
    from .translator_worker import TranslatorHost
    from .live_updates import LiveUpdates
    from .tray import Notifier, WorkWatcher

ENV_SMOKE = "TANDEM_UI_SMOKE"
EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def create_application():
    """The QApplication (reused if one exists), named so QSettings has a home."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise RuntimeError("Tandem needs a QApplication; a QCoreApplication is running")
    app.setOrganizationName("Tandem")
    app.setApplicationName("Tandem")
    app.setApplicationDisplayName("Tandem")
    return app


def startup_error_dialog(exc: BaseException):
    """The dialog shown when the store or policy cannot be opened."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from desktop.core.errors import TandemError

    from .messages import render

    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Startup", "Tandem cannot start"))
    box.setText(QCoreApplication.translate("Startup", "Tandem could not open its store."))
    if isinstance(exc, TandemError):
        details = render(exc)
    else:
        details = QCoreApplication.translate("Startup", "Unexpected error: {error}").format(
            error=f"{type(exc).__name__}: {exc}")
    box.setInformativeText(details)
    box.setAccessibleName(box.windowTitle())
    box.setAccessibleDescription(details)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


@dataclass(frozen=True)
class TranslationFeatures:
    """What `install_translation` attached to a window."""

    host: TranslatorHost
    suggestions: SuggestionController
    qa_panel: QaPanel
    models: ModelsController


def install_translation(window: MainWindow) -> TranslationFeatures:
    """Attach live suggestions, the Suggest action, the QA panel and the language
    packages dialog to a window that has its session; ``host.activate()`` later
    provisions packages and warms the translator up in the background."""
    from .models_dialog import ModelsController
    from .qa_panel import QaPanel
    from .suggestions import SuggestionController
    from .translator_worker import TranslatorHost

    context = window.context
    host = TranslatorHost(context)
    return TranslationFeatures(host, SuggestionController(context), QaPanel(context),
                               ModelsController(context, host))


def run_app(db: str | None = None) -> int:
    """Open the Tandem window on the store ``db`` (default: $TANDEM_DB or the user
    data folder); returns the process exit status.

    The window is painted first and the store opened right after (the core's
    import is the slowest part of start-up), so the user sees Tandem at once;
    if the store cannot be opened, the error dialog appears over it.
    """
    app = create_application()
    from PySide6.QtCore import QSettings

    from .i18n import LanguageManager
    from .main_window import MainWindow

    settings = QSettings()
    languages = LanguageManager(settings, app)
    languages.set_language(languages.initial_language(), remember=False)
    from .appearance import Appearance

    appearance = Appearance(settings)
    appearance.apply()  # dark if the OS (or the user) says so, and the chosen font size
    smoke = os.environ.get(ENV_SMOKE) == "1"

    window = MainWindow(None, settings, languages)
    if smoke:
        _report_when_painted(window)
    window.show()
    app.processEvents()  # paint before the slow import below

    from desktop.core.errors import TandemError
    from desktop.app.session import open_session

    try:
        session = open_session(db)
    except Exception as exc:  # noqa: BLE001 - every start-up failure gets a dialog, not a trace
        print(f"tandem: {exc}", file=sys.stderr)
        window.shutdown()
        window.hide()
        if not smoke:
            startup_error_dialog(exc).exec()
        return EXIT_ERROR if isinstance(exc, TandemError) else EXIT_FAILED

    try:
        window.set_session(session)
        everything = install_all(window, appearance)
        features, workflow = everything.translation, everything.workflow
        everything.spelling.activate()  # loads the dictionaries in a worker
        if smoke:
            window.post_list.model.query_loaded.connect(lambda: _report_ready(window))
        window.start()
        features.host.activate()  # first-run packages and warm-up, in a worker
        if not smoke:  # a smoke run closes at once: no resume prompts, no polling
            workflow.start()
        return app.exec()
    finally:
        window.shutdown()
        session.close()


@dataclass(frozen=True)
class AllFeatures:
    """Everything `install_all` attached: what ``tandem`` shows."""

    translation: TranslationFeatures
    workflow: WorkflowFeatures
    tools: Tools
    media: MediaPanel
    spelling: SpellCheckFeature


def install_all(window: MainWindow, appearance: Appearance | None = None,
                **workflow_options) -> AllFeatures:
    """Every feature ``tandem`` attaches to its window, in order (the fit and
    accessibility tests and the screenshots open exactly this); nothing is started."""
    from .media_panel import MediaPanel
    from .screens import install_tools
    from .spell_highlighter import SpellCheckFeature

    translation = install_translation(window)
    workflow = install_workflow(window, appearance=appearance, **workflow_options)
    tools = install_tools(window.context, workflow.work)  # Tools menu, My tasks, lifecycle
    media = MediaPanel(window.context)  # the Preview side panel; its parent keeps it
    return AllFeatures(translation, workflow, tools, media, SpellCheckFeature(window.context))


@dataclass(frozen=True)
class WorkflowFeatures:
    """What `install_workflow` attached to a window."""

    progress: ProgressWatcher
    status_line: PostStatusLine
    approvals: ApprovalsPanel
    review_queue: ReviewQueueWindow
    publishing: PublishController
    settings: SettingsLauncher
    work: WorkWatcher
    live: LiveUpdates

    def start(self) -> None:
        """Resume interrupted publications (asking about missed schedules), start the
        scheduled-post timer, the "waiting for you" notifications and (team store)
        other workstations' changes."""
        self.publishing.activate()
        self.work.activate()
        self.live.activate()


def install_workflow(window: MainWindow, publish_service: ServiceFactory | None = None,
                     notifier: Notifier | None = None,
                     appearance: Appearance | None = None) -> WorkflowFeatures:
    """Attach the review queue, the approvals panel and status line, publishing, settings
    and "waiting for you" notifications to a window (its own tests keep it bare).

    ``publish_service``: a factory ``session -> PublishService`` (tests inject
    their channels); ``notifier``: where notifications go (default: the tray);
    ``appearance``: colours and font size, edited on the Settings dialog's
    Appearance page (no page without it).
    """
    from .approvals_panel import ApprovalsPanel, PostStatusLine, ProgressWatcher
    from .live_updates import LiveUpdates
    from .publishing.controller import PublishController
    from .review_queue import ReviewQueueWindow
    from .settings_dialog import SettingsLauncher
    from .tray import WorkWatcher, make_notifier

    context = window.context
    progress = ProgressWatcher(context)
    status_line = PostStatusLine(progress, window)
    context.add_editor_bar(status_line)
    approvals = ApprovalsPanel(context, progress)
    context.add_side_panel(approvals, approvals.tab_title())
    context.add_post_action(approvals.approve_action)
    publishing = (PublishController(context) if publish_service is None
                  else PublishController(context, publish_service))
    context.add_side_panel(publishing.panel, publishing.panel.tab_title())
    review_queue = ReviewQueueWindow(context)
    settings = SettingsLauncher(context, appearance)
    work = WorkWatcher(context, notifier if notifier is not None else make_notifier(context))

    def on_work_changed(_items: object) -> None:
        """Others act in their own windows: each poll brings these views up to date."""
        progress.refresh()
        publishing.refresh()
        if review_queue.isVisible():
            review_queue.refresh()

    work.work_changed.connect(on_work_changed)
    window.retranslate_ui()  # names the new toolbar buttons
    return WorkflowFeatures(progress, status_line, approvals, review_queue, publishing,
                            settings, work, LiveUpdates(context))


def _report_ready(window) -> None:
    from PySide6.QtCore import QTimer

    print(f"TANDEM_UI_READY {time.time():.6f}", flush=True)
    QTimer.singleShot(0, window.close)


def _report_when_painted(window) -> None:
    """Smoke mode: print the time the window first painted (its frame, then contents)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    instance = QApplication.instance()
    if instance is None:
        raise RuntimeError("the smoke probe needs the QApplication")
    app: QCoreApplication = instance  # declared, so the probe's method sees it is not None

    class ShownProbe(QObject):
        done = False

        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if (not self.done and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QWidget) and watched.window() is window):
                self.done = True
                app.removeEventFilter(self)
                print(f"TANDEM_UI_SHOWN {time.time():.6f}", flush=True)
            return False

    probe = ShownProbe(window)
    app.installEventFilter(probe)
