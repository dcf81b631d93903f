"""The transition table: every legal move, every illegal one, and how moves are recorded."""

from __future__ import annotations

import itertools

import pytest

from desktop.core.errors import TransitionError
from desktop.core.model import Lang, PostState
from desktop.core.workflow import TRANSITIONS, Event, allowed_events, check, targets

from .review_desk import Desk

S = PostState

#: The table as the issue describes it, written out independently of workflow.py.
EXPECTED = {
    (S.DRAFT, Event.EDIT): {S.DRAFT, S.IN_REVIEW},
    (S.IN_REVIEW, Event.EDIT): {S.DRAFT, S.IN_REVIEW},
    (S.IN_REVIEW, Event.SIGN): {S.IN_REVIEW, S.IN_APPROVAL, S.APPROVED},
    (S.IN_REVIEW, Event.REJECT): {S.IN_REVIEW},
    (S.IN_APPROVAL, Event.EDIT): {S.DRAFT, S.IN_REVIEW},
    (S.IN_APPROVAL, Event.APPROVE): {S.IN_APPROVAL, S.APPROVED},
    (S.IN_APPROVAL, Event.REEVALUATE): {S.APPROVED},
    (S.IN_APPROVAL, Event.RETARGET): {S.IN_APPROVAL, S.APPROVED},
    (S.APPROVED, Event.RETARGET): {S.IN_APPROVAL, S.APPROVED},
    (S.SCHEDULED, Event.RETARGET): {S.IN_APPROVAL, S.APPROVED},
    (S.APPROVED, Event.EDIT): {S.DRAFT, S.IN_REVIEW},
    (S.APPROVED, Event.SCHEDULE): {S.SCHEDULED},
    (S.APPROVED, Event.PUBLISH): {S.PUBLISHING},
    (S.SCHEDULED, Event.EDIT): {S.DRAFT, S.IN_REVIEW},
    (S.SCHEDULED, Event.UNSCHEDULE): {S.APPROVED},
    (S.SCHEDULED, Event.PUBLISH): {S.PUBLISHING},
    (S.PUBLISHING, Event.PUBLISHED): {S.PUBLISHED},
    (S.PUBLISHING, Event.PUBLISH_PARTIAL): {S.HALF_PUBLISHED},
    (S.PUBLISHING, Event.PUBLISH_FAILED): {S.APPROVED},
    (S.HALF_PUBLISHED, Event.PUBLISH): {S.PUBLISHING},
    (S.HALF_PUBLISHED, Event.EDIT): {S.DRAFT, S.IN_REVIEW},
    (S.HALF_PUBLISHED, Event.RETRACT): {S.APPROVED, S.PUBLISHED},
    (S.PUBLISHED, Event.EDIT): {S.DRAFT, S.IN_REVIEW},
}


def test_table_is_exactly_the_expected_one():
    assert {k: set(v) for k, v in TRANSITIONS.items()} == EXPECTED


@pytest.mark.parametrize("state, event", list(itertools.product(S, Event)))
def test_every_move_is_legal_exactly_when_the_table_says(state, event):
    legal = EXPECTED.get((state, event), set())
    for to in S:
        if to in legal:
            check(1, state, event, to)
        else:
            with pytest.raises(TransitionError, match="Post 1 is "):
                check(1, state, event, to)
    if legal:
        check(1, state, event)
    else:
        with pytest.raises(TransitionError, match="cannot"):
            check(1, state, event)


def test_messages_are_readable():
    with pytest.raises(TransitionError, match="Post 7 is being published: it cannot be edited now"):
        check(7, S.PUBLISHING, Event.EDIT)
    with pytest.raises(TransitionError, match="Post 7 is a draft: it cannot be approved now"):
        check(7, S.DRAFT, Event.APPROVE)
    with pytest.raises(TransitionError, match="approve cannot make it a draft"):
        check(7, S.IN_APPROVAL, Event.APPROVE, S.DRAFT)


def test_allowed_events_and_targets():
    assert allowed_events(S.PUBLISHING) == {Event.PUBLISHED, Event.PUBLISH_PARTIAL,
                                            Event.PUBLISH_FAILED}
    assert allowed_events(S.DRAFT) == {Event.EDIT}
    assert targets(S.PUBLISHED, Event.PUBLISH) == frozenset()


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path)
    d.grant(bob="translator", carol="approver:approval", pat="publisher")
    yield d
    d.close()


def approved_post(desk) -> int:
    post = desk("alice").posts.create(en="Flu shots are free", fr="La vaccination est gratuite").post
    desk("bob").review.sign(post.id, Lang.FR)
    desk("bob").review.sign(post.id, Lang.EN)
    desk("carol").approvals.approve(post.id)
    assert desk.state(post.id) == "approved"
    return post.id


def test_publishing_moves_go_through_the_same_table(desk):
    post_id = approved_post(desk)
    workflow = desk("pat").workflow
    assert workflow.move(post_id, Event.SCHEDULE) is S.SCHEDULED
    assert workflow.move(post_id, Event.UNSCHEDULE) is S.APPROVED
    assert workflow.move(post_id, Event.PUBLISH) is S.PUBLISHING
    with pytest.raises(TransitionError, match="being published: it cannot be edited"):
        desk("alice").posts.edit(post_id, Lang.EN, "Flu shots are free!")
    assert workflow.move(post_id, Event.PUBLISH_PARTIAL) is S.HALF_PUBLISHED
    assert workflow.move(post_id, Event.PUBLISH) is S.PUBLISHING
    assert workflow.move(post_id, Event.PUBLISH_FAILED) is S.APPROVED
    workflow.move(post_id, Event.PUBLISH)
    assert workflow.move(post_id, Event.PUBLISHED, details={"accounts": ["gc-en", "gc-fr"]}) \
        is S.PUBLISHED
    with pytest.raises(TransitionError, match="is published: it cannot be published now"):
        workflow.move(post_id, Event.PUBLISH)
    history = workflow.history(post_id)
    assert [(c.to_state, c.event) for c in history] == [
        (S.IN_REVIEW, Event.EDIT), (S.IN_APPROVAL, Event.SIGN), (S.APPROVED, Event.APPROVE),
        (S.SCHEDULED, Event.SCHEDULE), (S.APPROVED, Event.UNSCHEDULE),
        (S.PUBLISHING, Event.PUBLISH), (S.HALF_PUBLISHED, Event.PUBLISH_PARTIAL),
        (S.PUBLISHING, Event.PUBLISH), (S.APPROVED, Event.PUBLISH_FAILED),
        (S.PUBLISHING, Event.PUBLISH), (S.PUBLISHED, Event.PUBLISHED)]
    assert history[-1].actor == "pat" and history[2].actor == "carol"
    last = desk("alice").store.audit_entries(post_id)[-1]
    assert (last.action, {k: v for k, v in last.details.items() if k != "identity"}) == (
        "post.state", {
        "from": "publishing", "to": "published", "event": "published",
        "accounts": ["gc-en", "gc-fr"]})


def test_a_correction_after_publication_goes_back_to_review(desk):
    post_id = approved_post(desk)
    desk("pat").workflow.move(post_id, Event.PUBLISH)
    desk("pat").workflow.move(post_id, Event.PUBLISHED)
    desk("alice").posts.edit(post_id, Lang.EN, "Flu shots are free for everyone")
    assert desk.state(post_id) == "in_review"


def test_move_needs_a_target_when_the_event_has_several(desk):
    post = desk("alice").posts.create(en="Hi").post
    with pytest.raises(ValueError, match="explicit target"):
        desk("alice").workflow.move(post.id, Event.EDIT)


def test_staying_put_records_nothing_and_since_tracks_entry(desk):
    post = desk("alice").posts.create(en="Hi").post
    assert desk("alice").workflow.since(post.id) == post.created_at
    before = len(desk("alice").store.audit_entries(post.id))
    assert desk("alice").workflow.move(post.id, Event.EDIT, S.DRAFT) is S.DRAFT
    assert len(desk("alice").store.audit_entries(post.id)) == before
    desk("alice").posts.edit(post.id, Lang.FR, "Salut")
    change = desk("alice").workflow.history(post.id)[-1]
    assert (change.from_state, change.to_state, change.event) == (S.DRAFT, S.IN_REVIEW, Event.EDIT)
    assert desk("alice").workflow.since(post.id) == change.at
