"""Features over a fake `WindowContext`: no MainWindow, the lifecycle written once."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from desktop.ui.backend import Backend
from desktop.ui.context import WindowContext
from desktop.ui.review_queue import ReviewQueueWindow
from desktop.ui.tray import WorkWatcher
from desktop.ui.widgets import MessageBar

from .test_tray import Desk, RecordingNotifier


class FakeWindow(QObject):
    """The signals and registries a feature may use, recorded for assertions."""

    current_post_changed = Signal(object)
    shutting_down = Signal()

    def __init__(self, session):
        super().__init__()
        self.widget = QWidget()
        self.backend = Backend(session, self)
        self.messages: list[tuple[str, str]] = []
        self.registered: list[tuple[str, object]] = []
        self.status_bar = QStatusBar(self.widget)

    def register(self, kind: str):
        return lambda item, *_rest, **_options: self.registered.append((kind, item))

    def context(self, tmp_path) -> WindowContext:
        return WindowContext(
            backend=self.backend,
            settings=QSettings(str(tmp_path / "fake.ini"), QSettings.Format.IniFormat),
            languages=None, widget=self.widget, message_bar=MessageBar("info", self.widget),
            status_bar=self.status_bar,
            show_message=lambda text, kind="info": self.messages.append((kind, text)),
            show_error=lambda exc: self.messages.append(("error", str(exc))),
            current_post_id=lambda: None, current_post_changed=self.current_post_changed,
            shutting_down=self.shutting_down, editor=lambda lang: None,
            focus_shortcut=lambda lang: "", add_post_action=self.register("post"),
            add_file_action=self.register("file"), add_view_action=self.register("view"),
            add_side_panel=self.register("side"), set_side_panel_title=lambda *args: None,
            add_editor_bar=self.register("bar"), action_button=lambda action: None,
            add_tools_action=self.register("tools"), open_post=lambda post_id: None,
            set_title_detail=lambda detail: None)


def test_a_feature_runs_on_a_fake_context_and_shuts_down_once(qtbot, tmp_path):
    desk = Desk(tmp_path / "fake-context.sqlite3")
    try:
        run_on_a_fake_context(qtbot, desk, tmp_path)
    finally:
        desk.close()


def run_on_a_fake_context(qtbot, desk, tmp_path) -> None:
    desk.machine_pair("First pair")
    fake = FakeWindow(desk.tom)
    qtbot.addWidget(fake.widget)  # closed and deleted at teardown, not by a later GC pass
    context = fake.context(tmp_path)
    queue = ReviewQueueWindow(context)
    qtbot.addWidget(queue)
    notifier = RecordingNotifier()
    watcher = WorkWatcher(context, notifier, interval_ms=60_000)

    assert ("view", queue.open_action) in fake.registered
    assert queue.feature_actions() == (queue.open_action,)
    watcher.activate()
    fake.backend.wait_idle()
    assert notifier.notified == [("Tandem: work waiting for you", "To review: “First pair”")]
    assert watcher.timer.isActive()

    fake.shutting_down.emit()
    assert watcher.closed and queue.closed
    assert notifier.closed and not watcher.timer.isActive()
    notifier.closed = False
    watcher.shutdown()  # a second shutdown does nothing: stop() runs once
    assert not notifier.closed
    watcher.poll()  # a closed feature starts no work
    assert fake.backend.storage.pending() == 0
    fake.backend.shutdown()
