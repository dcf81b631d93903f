"""Delete (an unreviewed draft), archive and duplicate a post: rules, lists and the audit log."""

from __future__ import annotations

import pytest

from desktop.core.errors import NotFound, PermissionDenied, TransitionError
from desktop.core.model import Lang, Origin, PostState

from .review_desk import Desk


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path)
    d.grant(bob="translator", dave="author", carol="publisher")
    yield d
    d.close()


def listed(session) -> list[int]:
    return [row["id"] for row in session.posts.list()]


def test_deleting_an_unreviewed_draft_hides_it_everywhere_and_is_audited(desk):
    alice = desk("alice")
    post = alice.posts.create(en="Flu shots are free", title="Flu").post
    kept = alice.posts.create(en="Other").post
    alice.lifecycle.delete(post.id)
    assert listed(alice) == [kept.id]
    assert alice.posts.count() == 1
    assert alice.posts.count(search="Flu") == 0  # the full-text count too
    assert alice.lifecycle.status(post.id) == "deleted"
    entry = alice.store.audit_entries(post.id)[-1]
    assert entry.action == "post.delete" and entry.actor == "alice"
    assert entry.details["versions"][0]["sha256"] == alice.posts.history(post.id, Lang.EN)[0].sha256
    # History is immutable: the versions stay for the record, and the audit chain holds.
    assert alice.posts.history(post.id, Lang.EN)
    assert alice.records.verify()["ok"]
    with pytest.raises(NotFound):
        alice.lifecycle.archive(post.id)


def test_a_pair_waiting_for_its_first_review_can_still_be_deleted(desk):
    alice = desk("alice")
    post = alice.posts.create(en="Flu shots", fr="Vaccins").post
    assert desk.state(post.id) == PostState.IN_REVIEW.value
    alice.lifecycle.delete(post.id)
    assert desk("bob").review.queue() == []


def test_a_reviewed_draft_cannot_be_deleted(desk):
    alice = desk("alice")
    post = alice.posts.create(en="Flu shots", fr="Vaccins").post
    version = alice.posts.view(post.id).fr
    desk("bob").review.reject(post.id, Lang.FR, "wording", version.id)
    assert not alice.lifecycle.deletable(post.id)
    with pytest.raises(TransitionError) as refused:
        alice.lifecycle.delete(post.id)
    assert refused.value.message.code == "lifecycle.delete_reviewed"
    assert listed(alice) == [post.id]


def test_only_the_author_or_an_admin_may_delete_and_the_refusal_is_audited(desk):
    post = desk("dave").posts.create(en="Dave's draft").post
    with pytest.raises(PermissionDenied):
        desk("bob").lifecycle.delete(post.id)
    assert "denied.post.delete" in desk.actions(post.id)
    desk("alice").lifecycle.delete(post.id)  # alice is the store's admin
    assert desk("alice").lifecycle.status(post.id) == "deleted"


def test_archive_takes_a_post_out_of_the_lists_and_the_tasks_and_unarchive_brings_it_back(desk):
    alice = desk("alice")
    post = alice.posts.create(en="Flu shots", fr="Vaccins").post
    assert alice.store.post_ids_in_state(PostState.IN_REVIEW) == [post.id]
    alice.lifecycle.archive(post.id)
    assert listed(alice) == []
    assert alice.store.post_ids_in_state(PostState.IN_REVIEW) == []
    assert [row["id"] for row in alice.lifecycle.archived()] == [post.id]
    alice.lifecycle.unarchive(post.id)
    assert listed(alice) == [post.id]
    assert desk.actions(post.id)[-2:] == ["post.archive", "post.unarchive"]


def test_a_scheduled_post_cannot_be_archived(desk):
    alice = desk("alice")
    post = alice.posts.create(en="Soon").post
    alice.store.set_post_state(post.id, PostState.SCHEDULED)
    with pytest.raises(TransitionError) as refused:
        alice.lifecycle.archive(post.id)
    assert refused.value.message.code == "lifecycle.archive_busy"


def test_duplicate_copies_the_latest_text_with_its_provenance(desk):
    alice = desk("alice")
    post = alice.posts.create(en="Flu shots are free", title="Flu").post
    desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits")
    copy = desk("dave").lifecycle.duplicate(post.id)
    assert copy.post.id != post.id and copy.post.title == "Copy of Flu"
    assert copy.post.created_by == "dave"
    assert copy.en.text == "Flu shots are free" and copy.en.origin is Origin.HUMAN
    assert copy.fr.origin is Origin.MACHINE and copy.fr.spans[0].origin is Origin.MACHINE
    entry = alice.store.audit_entries(copy.post.id)[-1]
    assert entry.action == "post.duplicate" and entry.details["source_post_id"] == post.id
    named = alice.lifecycle.duplicate(post.id, title="Copie de Flu")
    assert named.post.title == "Copie de Flu"
    assert alice.records.verify()["ok"]
