"""The Preview side panel: each network's preview of the texts as typed, the post's images."""

from __future__ import annotations

import io

from PIL import Image

from desktop.core.model import Lang
from desktop.ui.media_panel import MediaPanel

from .helpers import open_and_wait, settle


def picture() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "navy").save(out, "PNG")
    return out.getvalue()


def wait_current(qtbot, window, panel) -> None:
    settle(window)
    pane = panel.preview
    qtbot.waitUntil(lambda: pane.result is not None and pane.result.texts == panel.texts()
                    and pane.result.network == pane.network.currentData(), timeout=10_000)


def test_preview_follows_typing_network_and_images(qtbot, make_window, session):
    post_id = session.posts.create(en="Flu shots: https://canada.ca #flu",
                                   fr="Vaccin : https://canada.ca #grippe", title="P").post.id
    session.attachments.attach(post_id, picture(), alt={Lang.EN: "Navy square",
                                                        Lang.FR: "Carré marine"})
    window = make_window(session)
    panel = MediaPanel(window.context)
    open_and_wait(qtbot, window, post_id)
    qtbot.waitUntil(lambda: panel.images.count() == 1, timeout=10_000)
    wait_current(qtbot, window, panel)
    english = panel.preview.views[Lang.EN].toPlainText()
    assert "Bluesky" in english and "Navy square" in english and "ALT" in english
    assert "Carré marine" in panel.preview.views[Lang.FR].toPlainText()
    assert "Navy square" in panel.images.item(0).text()

    window.editor(Lang.EN).editor.setPlainText("x" * 301)
    panel.preview.network.setCurrentIndex(panel.preview.network.findData("x"))
    wait_current(qtbot, window, panel)
    assert "301/280" in panel.preview.views[Lang.EN].toPlainText()

    panel.images.setCurrentRow(0)
    panel.remove_image()
    qtbot.waitUntil(lambda: panel.images.count() == 0, timeout=10_000)
    assert session.attachments.list(post_id) == []
    assert panel.preview.views[Lang.EN].accessibleName() == "English preview"
