"""Two people, one post, in the window: a save on a base someone else moved is not applied."""

from __future__ import annotations

from desktop.core.model import Lang
from tests.publishing.publish_desk import session_as

from .helpers import open_and_wait, settle


def test_saving_over_another_persons_version_is_refused_and_text_kept(qtbot, make_window,
                                                                     db_path):
    alice = session_as(db_path, "alice")
    alice.roles.grant("bob", "author")
    bob = session_as(db_path, "bob")
    post_id = alice.posts.create(en="Flu shots are free", title="Flu").post.id
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    window.editors[Lang.EN].replace_text("Flu shots are free this week")
    bob.posts.edit(post_id, Lang.EN, "Flu shots are free for everyone")
    window.save_version()
    settle(window)
    history = [v.text for v in alice.posts.history(post_id, Lang.EN)]
    assert history == ["Flu shots are free", "Flu shots are free for everyone"]
    assert "was not saved over it" in window.message_bar.text()
    assert alice.posts.recover(post_id, Lang.EN) == "Flu shots are free this week"
    bob.close()
