"""The "Preview" side panel: what each network will show, and the post's images.

The preview (a `PreviewPane`, shared with the approvals panel) shows the
texts *as typed* and the images last read from the store, ``PREVIEW_DELAY_MS``
after a change, for the network chosen in its combo box; English and French
side by side, so the writer sees what readers will see.

The images list shows each image with its alt text per language; "Attach
image…" asks for a file, where it shows (both languages or one) and the alt
text in each language it shows in, and runs `AttachmentService.attach` on the
storage worker (a refused file comes back as the service's message);
"Remove" detaches the selected image. Both are ordinary edits: they write
versions and send the post back to review.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Slot
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton,
                               QVBoxLayout, QWidget)

from desktop.core.model import Lang

from .context import Feature
from .operations import OpChanges
from .preview_pane import PreviewPane

if TYPE_CHECKING:
    from .context import WindowContext

LANGS = (Lang.EN, Lang.FR)


class AttachDialog(QDialog):
    """File, where the image shows, and its alt text in each of those languages."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attach an image"))
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("Image file"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("Languages the image shows in"))
        for label, value in ((self.tr("Both languages"), None), (self.tr("English only"), Lang.EN),
                             (self.tr("French only"), Lang.FR)):
            self.scope.addItem(label, value)
        self.alt = {lang: QLineEdit(self) for lang in LANGS}
        self.alt[Lang.EN].setAccessibleName(self.tr("English alt text"))
        self.alt[Lang.FR].setAccessibleName(self.tr("French alt text"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&File:"), row)
        form.addRow(self.tr("&Shows in:"), self.scope)
        form.addRow(self.tr("&English alt text:"), self.alt[Lang.EN])
        form.addRow(self.tr("F&rench alt text:"), self.alt[Lang.FR])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.scope.currentIndexChanged.connect(self._on_scope_changed)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an image"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.webp *.gif)"))
        if path:
            self.path.setText(path)

    def _on_scope_changed(self) -> None:
        scope = self.scope.currentData()
        for lang, field in self.alt.items():
            field.setEnabled(scope is None or scope is lang)

    def values(self) -> tuple[str, Lang | None, dict[Lang, str]]:
        scope = self.scope.currentData()
        return (self.path.text(), scope,
                {lang: f.text() for lang, f in self.alt.items() if scope in (None, lang)})


class MediaPanel(QWidget, Feature):
    PREVIEW_DELAY_MS = 300

    def __init__(self, context: WindowContext):
        super().__init__(context.widget)
        self.setObjectName("media_panel")
        self.attach(context)
        self.manifests: dict[Lang, list[dict]] = {}
        self.preview = PreviewPane("preview", self)
        self.images = QListWidget(self)
        self.images.setObjectName("media_images")
        self.attach_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.images_label = QLabel(self)
        self.images_label.setBuddy(self.images)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.images_label)
        layout.addWidget(self.images)
        layout.addLayout(buttons)
        self._timer = QTimer(self, singleShot=True, interval=self.PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._request)
        self.attach_button.clicked.connect(self.attach_image)
        self.remove_button.clicked.connect(self.remove_image)
        for lang in LANGS:
            context.editor(lang).text_edited.connect(lambda _lang: self._timer.start())
        context.current_post_changed.connect(self._on_post_changed)
        context.backend.operation_executed.connect(self._on_operation_executed)
        context.add_side_panel(self, "")
        self.retranslate_ui()
        self._on_post_changed(context.current_post_id())

    def texts(self) -> tuple[str, str]:
        return self.context.editor(Lang.EN).text(), self.context.editor(Lang.FR).text()

    # -- loading -----------------------------------------------------------------------
    @Slot(object)
    def _on_post_changed(self, post_id: int | None) -> None:
        self.manifests = {}
        self._load(post_id)
        self._request()

    @Slot(object, object)
    def _on_operation_executed(self, changes: OpChanges, _initiator: object) -> None:
        post_id = self.context.current_post_id()
        if changes.touches(post_id) and changes.versions:
            self._load(post_id)

    def _load(self, post_id: int | None) -> None:
        if post_id is None or self.closed:
            self._show_images([])
            return

        def read(session):
            return post_id, session.attachments.list(post_id), {
                lang: session.attachments.manifest(post_id, lang) for lang in LANGS}

        self.context.backend.run_query(read, self._on_loaded, on_failure=lambda _exc: None)

    def _on_loaded(self, loaded) -> None:
        post_id, attachments, manifests = loaded
        if post_id != self.context.current_post_id() or self.closed:
            return
        self.manifests = manifests
        self._show_images(attachments)
        self._request()

    def _show_images(self, attachments) -> None:
        self.images.clear()
        for n, item in enumerate(attachments, 1):
            alts = " · ".join(f"{lang.value.upper()}: {alt.text}" for lang, alt in item.alt.items())
            self.images.addItem(f"{n}. {item.width}×{item.height} — {alts}")
        self.remove_button.setEnabled(bool(attachments))

    # -- preview -----------------------------------------------------------------------
    @Slot()
    def _request(self) -> None:
        self._timer.stop()
        if not self.closed:
            self.preview.show_post(self.texts(), self.manifests)

    # -- images ------------------------------------------------------------------------
    def attach_image(self) -> None:
        post_id = self.context.current_post_id()
        if post_id is None:
            return
        dialog = AttachDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path, scope, alt = dialog.values()

        def op(session):
            made = session.attachments.attach(post_id, Path(path).read_bytes(), scope, alt)
            return made, OpChanges(frozenset({post_id}), post_list=True, versions=True)

        self.context.backend.run_op(op, on_failure=self.context.show_error)

    def remove_image(self) -> None:
        post_id, row = self.context.current_post_id(), self.images.currentRow()
        if post_id is None or row < 0:
            return

        def op(session):
            gone = session.attachments.detach(post_id, row + 1)
            return gone, OpChanges(frozenset({post_id}), post_list=True, versions=True)

        self.context.backend.run_op(op, on_failure=self.context.show_error)

    # -- language, closing ---------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.context.set_side_panel_title(
            self, self.tr("Preview"), self.tr("The post as each network will show it"))
        self.images_label.setText(self.tr("&Images:"))
        self.images.setAccessibleName(self.tr("Images of the post with their alt text"))
        self.attach_button.setText(self.tr("&Attach image…"))
        self.remove_button.setText(self.tr("Re&move image"))
        self.attach_button.setAccessibleName(self.tr("Attach an image to the post"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected image"))

    def stop(self) -> None:
        self._timer.stop()
        self.preview.shutdown()
