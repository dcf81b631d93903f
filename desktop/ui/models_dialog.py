"""File → "Install language package…": the translation models, installed or removed.

The dialog lists every package folder (name, languages, version, whether
Tandem can use it) and offers:

* **Install from file…** — an ``.argosmodel`` chosen in a file dialog,
  installed by `translation.packages.install_archive` (validated completely,
  model loaded once, swapped in atomically: when anything fails the previous
  package stays as it was);
* **Download from the Argos index…** — explicit only, after a confirmation,
  and only when the IT policy allows it (``translation.allow_online_install``);
  `packages.install_online` with a timeout, a progress bar fed by a counting
  httpx transport, and Cancel (the transport raises `DownloadCancelled` at
  the next chunk; nothing is installed);
* **Remove** — after a confirmation.

Every package job runs on the translator host's worker (`TranslatorHost.
run_package_job`), which refreshes the shared translator and warms it up
again afterwards. Errors (`PackageError` messages, which say what is wrong
with the file) are shown in the dialog's message bar.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QMessageBox, QProgressBar, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.core.errors import TandemError
from desktop.core.model import Lang

from .context import Feature
from .i18n import language_name
from .widgets import MessageBar

if TYPE_CHECKING:
    from translation.packages import InstalledPackage

    from .context import WindowContext
    from .translator_worker import TranslatorHost

POLICY_KEY = "translation.allow_online_install"
# Seconds without an answer before a download step gives up.
DOWNLOAD_TIMEOUT_S = 60.0
# Progress is reported at most every this many bytes.
PROGRESS_STEP = 256 * 1024


class DownloadCancelled(Exception):
    """The user cancelled a download (raised inside the transport; nothing is installed)."""


def list_packages() -> tuple[Path, list[InstalledPackage]]:
    """The packages folder and what it holds (host worker)."""
    from translation import packages

    folder = packages.packages_dir()
    return folder, packages.installed(folder)


def install_file(path: Path) -> InstalledPackage:
    from translation import packages

    return packages.install_archive(path)


def remove_package(name: str) -> InstalledPackage:
    from translation import packages

    return packages.remove(name)


def download_package(source: str, target: str, cancel: threading.Event,
                     progress: Callable[[int, int], None], timeout: float = DOWNLOAD_TIMEOUT_S,
                     transport: Any = None) -> InstalledPackage | None:
    """`packages.install_online` with progress and cancel; None when cancelled (host worker).

    ``transport`` is the httpx transport underneath (tests give a mock one).
    """
    import httpx

    from translation import packages

    inner = transport if transport is not None else httpx.HTTPTransport()
    try:
        return packages.install_online(source, target, timeout=timeout,
                                       transport=_counting_transport(inner, cancel, progress))
    except DownloadCancelled:
        return None


def _counting_transport(inner: Any, cancel: threading.Event,
                        progress: Callable[[int, int], None]) -> Any:
    """An httpx transport over ``inner`` that reports bytes received and obeys ``cancel``."""
    import httpx

    class CountingStream(httpx.SyncByteStream):
        def __init__(self, stream: Any, total: int):
            self.stream = stream
            self.total = total

        def __iter__(self):
            received = reported = 0
            for chunk in self.stream:
                if cancel.is_set():
                    raise DownloadCancelled
                received += len(chunk)
                if received - reported >= PROGRESS_STEP or received == self.total:
                    reported = received
                    progress(received, self.total)
                yield chunk

        def close(self) -> None:
            close = getattr(self.stream, "close", None)
            if close is not None:
                close()

    class CountingTransport(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if cancel.is_set():
                raise DownloadCancelled
            response = inner.handle_request(request)
            total = int(response.headers.get("content-length") or 0)
            return httpx.Response(response.status_code, headers=response.headers,
                                  stream=CountingStream(response.stream, total),
                                  extensions=response.extensions)

        def close(self) -> None:
            inner.close()

    return CountingTransport()


class _Progress(QObject):
    """Carries download progress from the worker thread to the dialog (queued)."""

    changed = Signal(int, int)


class ModelsDialog(QDialog):
    """Installed language packages; install from a file or the Argos index; remove."""

    def __init__(self, parent: QWidget, host: TranslatorHost, transport: Any = None):
        super().__init__(parent)
        self.setObjectName("models_dialog")
        self.host = host
        self.transport = transport
        self.packages: list[InstalledPackage] = []
        self.folder: Path | None = None
        self._job: str | None = None  # "install", "download" or "remove" while one runs
        self._cancel: threading.Event | None = None
        self._progress = _Progress(self)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setObjectName("packages")
        self.table.setColumnCount(4)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        self.folder_label = QLabel(self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.message = MessageBar("info", self)

        self.install_button = QPushButton(self)
        self.install_button.setObjectName("install_file")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove_package")
        self.direction_label = QLabel(self)
        self.direction_combo = QComboBox(self)
        self.direction_combo.setObjectName("download_direction")
        self.direction_label.setBuddy(self.direction_combo)
        self.download_button = QPushButton(self)
        self.download_button.setObjectName("download")
        self.policy_label = QLabel(self)
        self.policy_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("download_progress")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancel_download")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)

        file_row = QHBoxLayout()
        file_row.addWidget(self.install_button)
        file_row.addWidget(self.remove_button)
        file_row.addStretch(1)
        online_row = QHBoxLayout()
        online_row.addWidget(self.direction_label)
        online_row.addWidget(self.direction_combo)
        online_row.addWidget(self.download_button)
        online_row.addStretch(1)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.folder_label)
        layout.addLayout(file_row)
        layout.addLayout(online_row)
        layout.addWidget(self.policy_label)
        layout.addLayout(progress_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.install_button.clicked.connect(self._on_install_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.download_button.clicked.connect(self._on_download_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self.table.currentItemChanged.connect(self._render_buttons)
        self._progress.changed.connect(self._on_progress_changed)
        host.packages_changed.connect(self.refresh)
        self.retranslate_ui()
        self._show_progress(False)
        self.resize(720, 420)

    # -- state ------------------------------------------------------------------------
    def online_allowed(self) -> bool:
        return bool(self.host.session.policy.get(POLICY_KEY, True))

    def is_busy(self) -> bool:
        return self._job is not None

    def selected_package(self) -> InstalledPackage | None:
        item = self.table.currentItem()
        index = self.table.indexOfTopLevelItem(item) if item is not None else -1
        return self.packages[index] if 0 <= index < len(self.packages) else None

    def refresh(self) -> None:
        """Read the packages folder again (in the worker, after queued changes)."""
        self.host.run_read(list_packages, self._on_listed, self._on_list_failed)

    def _on_listed(self, listed: tuple[Path, list[InstalledPackage]]) -> None:
        self.folder, self.packages = listed
        self._render_table()

    def _on_list_failed(self, exc: Exception) -> None:
        self.packages = []
        self._render_table()
        self._show_error(exc)

    # -- actions -------------------------------------------------------------------------
    @Slot()
    def _on_install_button_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Install a language package"), "",
            self.tr("Language packages (*.argosmodel)"))
        if not path:
            return
        archive = Path(path)
        self.message.show_message(self.tr("Checking and installing {file}…").format(
            file=archive.name), "info")
        self._run("install", lambda: install_file(archive))

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        package = self.selected_package()
        if package is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove the language package?"),
            self.tr("Remove {name}? Suggestions from {languages} need another package "
                    "afterwards.").format(name=package.name, languages=self._pair(package)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        name = package.name
        self._run("remove", lambda: remove_package(name))

    @Slot()
    def _on_download_button_clicked(self) -> None:
        if not self.online_allowed():
            return
        source, target = self.direction_combo.currentData()
        languages = self._pair_names(source, target)
        answer = QMessageBox.question(
            self, self.tr("Download a language package?"),
            self.tr("Tandem will download the newest {languages} package listed in the Argos "
                    "package index (about 100 MB, from GitHub), check it and install it. "
                    "Continue?").format(languages=languages),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        cancel = threading.Event()
        self._cancel = cancel
        progress = self._progress.changed.emit
        transport = self.transport
        self.progress_bar.reset()
        self.progress_bar.setRange(0, 0)  # busy until the size is known
        self._show_progress(True)
        self.message.show_message(self.tr("Downloading the {languages} package…").format(
            languages=languages), "info")
        self._run("download", lambda: download_package(source, target, cancel, progress,
                                                       transport=transport), cancel)

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.message.show_message(self.tr("Cancelling the download…"), "info")

    def _run(self, job: str, fn: Callable[[], Any],
             cancel: threading.Event | None = None) -> None:
        self._job = job
        self._render_buttons()
        self.host.run_package_job(fn, lambda result: self._on_job_done(job, result),
                                  lambda exc: self._on_job_failed(job, exc), cancel)

    def _on_job_done(self, job: str, package: InstalledPackage | None) -> None:
        self._finish()
        if package is None:
            self.message.show_message(self.tr("Download cancelled; nothing was installed."),
                                      "info")
        elif job == "remove":
            self.message.show_message(self.tr("Removed {name}.").format(name=package.name),
                                      "success")
        else:
            self.message.show_message(self.tr(
                "Installed {name} ({languages}, version {version}).").format(
                name=package.name, languages=self._pair(package), version=package.version),
                "success")

    def _on_job_failed(self, job: str, exc: Exception) -> None:
        self._finish()
        self.refresh()
        if job == "remove":
            prefix = self.tr("Not removed:")
        else:
            prefix = self.tr("Not installed; the installed packages are unchanged:")
        self._show_error(exc, prefix)

    def _finish(self) -> None:
        self._job = None
        self._cancel = None
        self._show_progress(False)
        self._render_buttons()

    @Slot(int, int)
    def _on_progress_changed(self, received: int, total: int) -> None:
        locale = QLocale()
        megabytes = locale.toString(received / 1_000_000, "f", 1)
        if total > 0:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(1000 * received / total))
            text = self.tr("{received} of {total} MB").format(
                received=megabytes, total=locale.toString(total / 1_000_000, "f", 1))
        else:
            text = self.tr("{received} MB").format(received=megabytes)
        self.progress_bar.setFormat(text)
        self.progress_bar.setAccessibleDescription(text)

    def reject(self) -> None:
        """Closing the dialog cancels a download (an install from a file finishes)."""
        if self._cancel is not None:
            self._cancel.set()
        super().reject()

    # -- showing ----------------------------------------------------------------------------
    def _pair_names(self, source: str, target: str) -> str:
        return self.tr("{source} → {target}").format(source=language_name(Lang(source)),
                                                     target=language_name(Lang(target)))

    def _pair(self, package: InstalledPackage) -> str:
        if {package.from_code, package.to_code} <= {"en", "fr"}:
            return self._pair_names(package.from_code, package.to_code)
        return f"{package.from_code} → {package.to_code}"

    def _show_error(self, exc: Exception, prefix: str = "") -> None:
        if isinstance(exc, TandemError):
            detail = str(exc)
        else:
            detail = self.tr("Unexpected error: {error}").format(
                error=f"{type(exc).__name__}: {exc}")
        self.message.show_message(f"{prefix} {detail}".strip(), "warning")

    def _show_progress(self, visible: bool) -> None:
        self.progress_bar.setVisible(visible)
        self.cancel_button.setVisible(visible)
        self.cancel_button.setEnabled(visible)

    def _render_table(self) -> None:
        selected = self.selected_package()
        self.table.clear()
        for package in self.packages:
            status = (self.tr("Ready") if package.loadable
                      else self.tr("Unusable: {problem}").format(problem=package.problem))
            item = QTreeWidgetItem(self.table, [package.name, self._pair(package),
                                                package.version, status])
            item.setToolTip(3, status)
            if selected is not None and package.name == selected.name:
                self.table.setCurrentItem(item)
        first = self.table.topLevelItem(0)  # None when the table is empty
        if self.table.currentItem() is None and first is not None:
            self.table.setCurrentItem(first)
        if self.folder is not None:
            self.folder_label.setText(self.tr("Folder: {path}").format(path=self.folder))
            self.folder_label.setAccessibleName(self.folder_label.text())
        if not self.packages:
            self.table.setAccessibleDescription(self.tr("No language package is installed."))
        else:
            self.table.setAccessibleDescription("")
        self._render_buttons()

    def _render_buttons(self) -> None:
        idle = not self.is_busy()
        allowed = self.online_allowed()
        self.install_button.setEnabled(idle)
        self.remove_button.setEnabled(idle and self.selected_package() is not None)
        self.download_button.setEnabled(idle and allowed)
        self.direction_combo.setEnabled(idle and allowed)
        self.policy_label.setVisible(not allowed)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Language packages"))
        self.intro.setText(self.tr(
            "Installed translation models. Tandem translates offline with them; without one, "
            "suggestions come from translation memory only."))
        self.table.setHeaderLabels([self.tr("Package"), self.tr("Languages"),
                                    self.tr("Version"), self.tr("Status")])
        self.table.setAccessibleName(self.tr("Installed language packages"))
        self.install_button.setText(self.tr("Install from &file…"))
        self.install_button.setAccessibleName(self.tr("Install from file"))
        self.install_button.setAccessibleDescription(self.tr(
            "Choose an .argosmodel file; it is checked completely before it is installed."))
        self.remove_button.setText(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected package"))
        self.direction_label.setText(self.tr("&Languages:"))
        current = self.direction_combo.currentIndex()
        self.direction_combo.clear()
        for source, target in (("en", "fr"), ("fr", "en")):
            self.direction_combo.addItem(self._pair_names(source, target), (source, target))
        self.direction_combo.setCurrentIndex(max(0, current))
        self.direction_combo.setAccessibleName(self.tr("Languages of the package to download"))
        self.download_button.setText(self.tr("&Download from the Argos index…"))
        self.download_button.setAccessibleName(self.tr("Download from the Argos index"))
        self.download_button.setAccessibleDescription(self.tr(
            "Asks first; then downloads the newest package for these languages over the "
            "internet."))
        self.policy_label.setText(self.tr(
            "Downloading language packages is turned off by the IT policy "
            "(translation.allow_online_install). Ask IT for the package file."))
        self.policy_label.setAccessibleName(self.policy_label.text())
        self.progress_bar.setAccessibleName(self.tr("Download progress"))
        self.cancel_button.setText(self.tr("&Cancel download"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the download"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the language packages dialog"))
        self._render_table()


class ModelsController(QObject, Feature):
    """The File menu entry that opens the language packages dialog."""

    def __init__(self, context: WindowContext, host: TranslatorHost):
        super().__init__(context.widget)
        self.setObjectName("models")
        self.attach(context)
        self.host = host
        # The httpx transport downloads go through (None: the network); tests set a mock.
        self.transport: Any = None
        self.dialog: ModelsDialog | None = None
        self.action = QAction(self)
        self.action.setObjectName("install_package_action")
        self.action.triggered.connect(self.open_dialog)
        context.add_file_action(self.action)
        context.widget.installEventFilter(self)  # LanguageChange
        self._retranslate()

    def feature_actions(self) -> tuple[QAction, ...]:
        return (self.action,)

    @Slot()
    def open_dialog(self) -> ModelsDialog:
        if self.dialog is None:
            self.dialog = ModelsDialog(self.context.widget, self.host, self.transport)
        self.dialog.refresh()
        if self.dialog.isVisible():  # already open behind the window: bring it forward
            self.dialog.raise_()
            self.dialog.activateWindow()
        else:
            self.dialog.show()
        return self.dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and watched is self.context.widget:
            self._retranslate()
        return super().eventFilter(watched, event)

    def _retranslate(self) -> None:
        self.action.setText(self.tr("&Install language package…"))
        self.action.setToolTip(self.tr("List, install or remove the translation models"))
