"""The workers: storage order, results on the GUI thread, stale counts dropped, debounce."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QApplication

from desktop.core.model import Lang
from desktop.ui import editor as editor_module
from desktop.ui.tasks import DebouncedTrigger, LatestOnlyRunner, TaskRunner

from .helpers import open_and_wait, settle


def test_task_runner_keeps_order_runs_off_gui_thread_and_reports_on_it(qapp):
    runner = TaskRunner("storage")
    gui = threading.get_ident()
    ran_on, done_on, results = [], [], []

    def job(n):
        def run():
            ran_on.append(threading.get_ident())
            time.sleep(0.002)
            return n
        return run

    for n in range(20):
        runner.run(job(n), lambda r: (results.append(r), done_on.append(threading.get_ident())))
    assert runner.wait_idle(5000)
    assert results == list(range(20)), "one worker: submission order"
    assert gui not in ran_on
    assert set(done_on) == {gui}
    runner.shutdown()


def test_task_runner_hands_exceptions_to_on_error(qapp):
    runner = TaskRunner("storage")
    errors = []
    runner.run(lambda: 1 / 0, on_error=errors.append)
    assert runner.wait_idle(5000)
    assert isinstance(errors[0], ZeroDivisionError)
    runner.shutdown()


def test_latest_only_runner_drops_stale_results(qapp):
    runner = LatestOnlyRunner("analysis")
    gate = threading.Event()
    results, ran = [], []
    runner.result_ready.connect(lambda key, result: results.append((key, result)))

    def slow():
        ran.append("old")
        gate.wait(5)
        return "old"

    runner.submit("en", slow)
    time.sleep(0.05)  # "old" is running now
    runner.submit("en", lambda: ran.append("middle") or "middle")  # waits…
    runner.submit("en", lambda: ran.append("new") or "new")        # …and is replaced
    runner.submit("fr", lambda: "fr")                              # another key: queued behind
    gate.set()
    assert runner.wait_idle(5000)
    assert ("en", "old") not in results, "a result for superseded text never shows"
    assert ("en", "new") in results and ("fr", "fr") in results
    assert "middle" not in ran, "only the newest waiting request runs"
    assert runner.dropped == 1
    runner.shutdown()


def test_latest_only_runner_invalidate_drops_in_flight_result(qapp):
    runner = LatestOnlyRunner("analysis")
    gate = threading.Event()
    results = []
    runner.result_ready.connect(lambda key, result: results.append(result))
    runner.submit("en", lambda: gate.wait(5) and "for the previous post")
    runner.invalidate("en")  # e.g. the user switched posts
    gate.set()
    assert runner.wait_idle(5000)
    assert results == []
    assert runner.dropped == 1
    runner.shutdown()


def test_debounced_trigger_fires_after_quiet_and_at_least_every_max_interval(qtbot):
    trigger = DebouncedTrigger(200, 500)
    fired: list[float] = []
    trigger.triggered.connect(lambda: fired.append(time.monotonic()))
    start = time.monotonic()
    last_poke = start
    while time.monotonic() - start < 1.6:  # continuous "typing", a poke every 50 ms
        trigger.poke()
        last_poke = time.monotonic()
        qtbot.wait(50)
    assert len(fired) >= 2, "continuous typing still saves at least every max interval"
    gaps = [b - a for a, b in zip([start] + fired, fired, strict=False)]
    assert max(gaps) < 0.5 + 0.25
    qtbot.wait(400)
    assert fired[-1] >= last_poke, "the last keystroke is always followed by a save"
    assert not trigger.is_pending()
    count = len(fired)
    qtbot.wait(300)
    assert len(fired) == count, "and then nothing more while idle"


def test_editor_shows_counts_of_the_latest_text_only(qtbot, make_window, session, monkeypatch):
    """A slow count for old text finishes after newer text was typed: it is dropped."""
    post_id = session.posts.create(title="T").post.id
    window = make_window(session)
    open_and_wait(qtbot, window, post_id)
    en = window.editor(Lang.EN)
    real = editor_module.analyse
    gate = threading.Event()

    def slow_for_old_text(text, *args, **kwargs):
        if text == "old text":
            gate.wait(5)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(editor_module, "analyse", slow_for_old_text)
    applied = []
    en.analysis_applied.connect(lambda lang: applied.append(en.counters.texts()["x"]))
    en.replace_text("old text")
    en.flush_analysis()
    time.sleep(0.05)
    en.replace_text("the newer, longer text")
    en.flush_analysis()
    gate.set()
    settle(window)
    QApplication.processEvents()
    assert applied == ["X: 22 of 280"], applied
    assert window.analysis_runner.dropped >= 1
