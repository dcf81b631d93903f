"""The app's one `Translator`, kept off the GUI thread: provisioning, warm-up, packages.

`TranslatorHost` owns one worker thread ("translation-setup") for the slow,
rare jobs around the translator, run in submission order:

* **first-run provisioning** — `desktop.app.provisioning.provision(policy)`
  installs the language packages IT ships (bundle, policy share); when it
  installed anything, the translator is refreshed;
* **warm-up** — `Translator.warm_up()` loads each installed model and
  translates a short text, so the first live suggestion does not pay for
  loading a model (bench/first_suggestion.py measures it);
* **package changes** from the language packages dialog (install, download,
  remove), each followed by `Translator.refresh()` and a new warm-up.

The translator itself is the session's suggestion service's
(``session.suggestions.translator``): one per app, thread-safe, shared by the
live suggestions, the Suggest action and this host. Only this module's worker
and the suggestion worker call it; the GUI thread never does.

Problems are shown in the window's message bar; nothing here is fatal: without
a model, suggestions come from translation memory only. Closing the window
cancels a running download and waits for a running provisioning or warm-up
job to finish (TaskRunner.shutdown).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from .context import Feature
from .tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.app.session import Session

    from .context import WindowContext


@dataclass(frozen=True)
class StartReport:
    """What start-up did: packages provisioned, problems, and each pair's readiness."""

    installed: tuple[str, ...]
    problems: tuple[str, ...]
    # (source, target) → None when ready, else why not (English, from the engine).
    pairs: dict[tuple[str, str], str | None]

    @property
    def ready_pairs(self) -> tuple[tuple[str, str], ...]:
        return tuple(pair for pair, problem in self.pairs.items() if problem is None)


def prepare(session: Session) -> StartReport:
    """Provision packages, refresh the translator if any were installed, warm it up.

    Runs on the host's worker thread; never raises for a missing model.
    """
    from desktop.app.provisioning import provision

    report = provision(session.policy)
    translator = session.suggestions.translator
    if report.installed:
        translator.refresh()
    return StartReport(tuple(report.installed), tuple(report.problems), translator.warm_up())


class TranslatorHost(QObject, Feature):
    """The shared translator's worker thread: start-up preparation and package changes."""

    # StartReport after start-up (provisioning + warm-up).
    prepared = Signal(object)
    # {(source, target): None | problem} after every warm-up (start-up, package changes).
    warmed_up = Signal(object)
    # Packages were installed or removed (the translator was refreshed).
    packages_changed = Signal()

    def __init__(self, context: WindowContext):
        super().__init__(context.widget)
        self.setObjectName("translator_host")
        self.attach(context)
        self.runner = TaskRunner("translation-setup", self)
        # Cancel flags of running downloads: set on shutdown so closing never waits for one.
        self._cancels: set[threading.Event] = set()

    @property
    def session(self) -> Session:
        return self.context.session

    def activate(self) -> None:
        """Provision first-run packages, then warm the translator up, in the worker."""
        session = self.session
        self.runner.run(lambda: prepare(session), self._on_prepare_done,
                        self._on_prepare_failed)

    def run_package_job(self, job: Callable[[], Any], on_done: Callable[[Any], None],
                        on_error: Callable[[Exception], None],
                        cancel: threading.Event | None = None) -> None:
        """Run a package install/remove in the worker; then refresh and warm up again.

        ``job`` returns what ``on_done`` gets (on the GUI thread); ``cancel``
        (for downloads) is set if the window closes meanwhile.
        """
        session = self.session
        if cancel is not None:
            self._cancels.add(cancel)

        def run() -> Any:
            try:
                return job()
            finally:
                session.suggestions.translator.refresh()  # even a failure may have replaced one

        def done(result: Any) -> None:
            self._cancels.discard(cancel)
            on_done(result)
            self._packages_changed()

        def failed(exc: Exception) -> None:
            self._cancels.discard(cancel)
            on_error(exc)

        self.runner.run(run, done, failed)

    def run_read(self, job: Callable[[], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[Exception], None]) -> None:
        """Run a read of the packages folder in the worker (after queued changes)."""
        self.runner.run(job, on_done, on_error)

    def _packages_changed(self) -> None:
        if self.closed:
            return
        self.packages_changed.emit()
        translator = self.session.suggestions.translator
        self.runner.run(translator.warm_up, self._on_warm_up_done, lambda _exc: None)

    def stop(self) -> None:
        for cancel in self._cancels:
            cancel.set()
        self.runner.shutdown()

    # -- results -------------------------------------------------------------------
    def _on_prepare_done(self, report: StartReport) -> None:
        if self.closed:
            return
        window = self.context
        if report.problems:
            window.show_message(self.tr("Language packages: {problems}").format(
                problems=" ".join(report.problems)), "warning")
        elif report.installed:
            window.show_message(self.tr("Installed language packages: {packages}.").format(
                packages=", ".join(report.installed)), "success")
        elif not report.ready_pairs and not window.message_bar.isVisible():
            window.show_message(self.tr(
                "No translation model is installed: suggestions come from translation memory "
                "only. Add one with File → Install language package…"), "info")
        self.prepared.emit(report)
        self.warmed_up.emit(report.pairs)

    def _on_prepare_failed(self, exc: Exception) -> None:
        if not self.closed:
            self.context.show_error(exc)

    def _on_warm_up_done(self, pairs: dict) -> None:
        if not self.closed:
            self.warmed_up.emit(pairs)
