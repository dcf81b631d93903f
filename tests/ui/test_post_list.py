"""The paged post list model: count + first page, pages on demand, stale queries dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.model import Lang, Origin, PostState
from desktop.ui.backend import Backend
from desktop.ui.post_list import PostListModel, PostListPanel


def bulk_posts(session, n: int) -> None:
    store = session.store
    with store.transaction():
        for i in range(n):
            post = store.create_post(f"Post {i:04d}", "tester")
            store.add_version(post.id, Lang.EN, f"English body number {i}", "tester",
                              Origin.HUMAN, None)
            store.add_version(post.id, Lang.FR, f"Texte français numéro {i}", "tester",
                              Origin.HUMAN, None)


def test_model_loads_count_and_first_page_then_pages_on_demand(qtbot, session):
    bulk_posts(session, 450)
    backend = Backend(session)
    model = PostListModel(backend)
    with qtbot.waitSignal(model.query_loaded, timeout=10_000):
        model.refresh()
    assert model.rowCount() == 450
    assert model.is_page_loaded(0) and not model.is_page_loaded(420)
    assert model.data(model.index(0, 0)) == "Post 0449", "newest first"
    assert model.data(model.index(0, 1)) == "Draft"
    assert model.data(model.index(420, 0)) == "…", "placeholder while the page loads"
    with qtbot.waitSignal(model.dataChanged, timeout=10_000):
        pass
    assert model.data(model.index(420, 0)) == "Post 0029"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    backend.shutdown()


def test_search_both_languages_and_stale_queries_are_dropped(qtbot, session):
    bulk_posts(session, 30)
    backend = Backend(session)
    model = PostListModel(backend)
    results = []
    model.query_loaded.connect(lambda: results.append(model.rowCount()))
    model.set_filter(None, "numéro 7")   # superseded before it lands
    model.set_filter(None, "number 12")
    backend.wait_idle()
    assert results == [1], "only the newest query resets the model"
    assert model.row_data(0)["title"] == "Post 0012"
    model.set_filter(None, "numero 7")  # French, no accent needed
    backend.wait_idle()
    assert model.rowCount() == 1
    model.set_filter(PostState.PUBLISHED, "")
    backend.wait_idle()
    assert model.rowCount() == 0
    backend.shutdown()


def test_panel_emits_post_selected_when_the_user_moves(qtbot, session):
    bulk_posts(session, 5)
    backend = Backend(session)
    panel = PostListPanel(backend)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.query_loaded, timeout=10_000):
        panel.refresh()
    with qtbot.waitSignal(panel.post_selected, timeout=5000) as blocker:
        panel.table.selectRow(2)
    assert blocker.args == [panel.model.post_id_at(2)]
    # Programmatic selection (the window opened a post) does not echo back.
    with qtbot.assertNotEmitted(panel.post_selected):
        panel.select_post(panel.model.post_id_at(4))
    assert panel.table.currentIndex().row() == 4
    backend.shutdown()
