"""The per-network preview of a post in both languages: one widget, shown twice.

`PreviewPane` is a network combo box and, side by side, English and French
read-only views of `desktop.publishing.preview` (Qt-free) rendered as HTML on
a worker (latest wins). The owner hands it the texts and each language's image
manifest with `show_post`: the "Preview" side panel the texts as typed in the
editors, the approvals panel the saved versions an approval binds. A result
for texts or a network no longer shown is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.model import Lang

from .tasks import LatestOnlyRunner

LANGS = (Lang.EN, Lang.FR)


@dataclass(frozen=True)
class PreviewResult:
    network: str
    texts: tuple[str, str]
    html: tuple[str, str]


def build_preview(network: str, texts: tuple[str, str], manifests: dict, labels: dict
                  ) -> PreviewResult:
    """Both languages' previews as HTML (preview worker)."""
    from desktop.publishing.preview import preview, to_html

    rendered = tuple(to_html(preview(network, lang.value, text, manifests.get(lang, [])), **labels)
                     for lang, text in zip(LANGS, texts, strict=True))
    return PreviewResult(network, texts, rendered)  # type: ignore[arg-type]


class PreviewPane(QWidget):
    """Network choice, then the English and French previews of the texts it is given."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.runner = LatestOnlyRunner(name, self)
        self.texts: tuple[str, str] = ("", "")
        self.manifests: dict[Lang, list[dict]] = {}
        self.result: PreviewResult | None = None
        self.network = QComboBox(self)
        self.network.setObjectName(f"{name}_network")
        for label, value in (("Bluesky", "bluesky"), ("Mastodon", "mastodon"), ("X", "x")):
            self.network.addItem(label, value)
        self.network_label = QLabel(self)
        self.network_label.setBuddy(self.network)
        self.views = {lang: QTextBrowser(self) for lang in LANGS}
        top = QHBoxLayout()
        top.addWidget(self.network_label)
        top.addWidget(self.network, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        for lang in LANGS:
            layout.addWidget(self.views[lang], 1)
        self.network.currentIndexChanged.connect(self.refresh)
        self.runner.result_ready.connect(self._on_result)
        self.retranslate_ui()

    def show_post(self, texts: tuple[str, str], manifests: dict[Lang, list[dict]]) -> None:
        """Preview these (English, French) texts with each language's images."""
        self.texts, self.manifests = texts, dict(manifests)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        network, texts, manifests = self.network.currentData(), self.texts, self.manifests
        labels = {"alt_label": self.tr("ALT"), "card_label": self.tr("Link card"),
                  "part_label": self.tr("Part"), "no_alt_label": self.tr("no alt text")}
        self.runner.submit("preview", lambda: build_preview(network, texts, manifests, labels))

    @Slot(object, object)
    def _on_result(self, _key: object, result: PreviewResult) -> None:
        if result.texts != self.texts or result.network != self.network.currentData():
            return  # a newer preview is on its way
        self.result = result
        for lang, html in zip(LANGS, result.html, strict=True):
            self.views[lang].setHtml(html)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.network_label.setText(self.tr("&Network:"))
        self.network.setAccessibleName(self.tr("Network to preview"))
        self.views[Lang.EN].setAccessibleName(self.tr("English preview"))
        self.views[Lang.FR].setAccessibleName(self.tr("French preview"))
        if self.result is not None:
            self.refresh()

    def shutdown(self) -> None:
        self.runner.shutdown()
