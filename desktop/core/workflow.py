"""Post states and the one table of legal moves between them.

A post's state is never set directly: services report an *event* (an edit, a
sign-off, an approval, a publishing step) and the state it leads to, and
`WorkflowService.move` checks the pair against `TRANSITIONS`, records the
change (state history + audit entry) or raises `TransitionError`. The review
and approval services compute the target from the facts (is the pair complete,
are both languages official, has the chain passed); the publishing code moves
posts through the publishing states with the same `move`.

    draft ──edit (pair complete)──▶ in_review ──sign (both official)──▶ in_approval
      ▲                              │  ▲ reject/sign (one language)     │ approve (chain passes)
      └──edit (a language emptied)───┘  └────────── edit ◀───────────────┤
                                                                         ▼
    published ◀─published── publishing ◀─publish── scheduled ◀─schedule── approved
                              │ publish_partial ▶ half_published ─publish▶ publishing
                              └ publish_failed ▶ approved
    half_published ─retract─▶ approved (nothing left out) or published (pairs left out)
    (every state but publishing goes back to draft/in_review on edit)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .errors import TransitionError
from .model import PostState
from .store_review import ReviewRepository


class Event(StrEnum):
    EDIT = "edit"                        # a new version of either language
    SIGN = "sign"                        # a language's latest version signed off
    REJECT = "reject"                    # a language's latest version sent back
    APPROVE = "approve"                  # an approval given on a chain step
    REEVALUATE = "reevaluate"            # roles changed and an "all" step is now complete
    SCHEDULE = "schedule"                # publishing: a time was set
    UNSCHEDULE = "unschedule"            # publishing: the time was cleared
    PUBLISH = "publish"                  # publishing: sending started
    PUBLISHED = "published"              # publishing: both languages out
    PUBLISH_PARTIAL = "publish_partial"  # publishing: one language out, the other failed
    PUBLISH_FAILED = "publish_failed"    # publishing: nothing went out
    RETRACT = "retract"                  # publishing: a lone language of a half pair deleted
    RETARGET = "retarget"                # the accounts an approved post goes to changed


_S = PostState
_AFTER_EDIT = frozenset({_S.DRAFT, _S.IN_REVIEW})

#: (current state, event) → the states that event may lead to. Anything absent is illegal.
TRANSITIONS: dict[tuple[PostState, Event], frozenset[PostState]] = {
    (_S.DRAFT, Event.EDIT): _AFTER_EDIT,
    (_S.IN_REVIEW, Event.EDIT): _AFTER_EDIT,
    (_S.IN_REVIEW, Event.SIGN): frozenset({_S.IN_REVIEW, _S.IN_APPROVAL, _S.APPROVED}),
    (_S.IN_REVIEW, Event.REJECT): frozenset({_S.IN_REVIEW}),
    (_S.IN_APPROVAL, Event.EDIT): _AFTER_EDIT,
    (_S.IN_APPROVAL, Event.APPROVE): frozenset({_S.IN_APPROVAL, _S.APPROVED}),
    (_S.IN_APPROVAL, Event.REEVALUATE): frozenset({_S.APPROVED}),
    # New targets void the approvals given for the old ones: a new round on the same text.
    (_S.IN_APPROVAL, Event.RETARGET): frozenset({_S.IN_APPROVAL, _S.APPROVED}),
    (_S.APPROVED, Event.RETARGET): frozenset({_S.IN_APPROVAL, _S.APPROVED}),
    (_S.SCHEDULED, Event.RETARGET): frozenset({_S.IN_APPROVAL, _S.APPROVED}),
    (_S.APPROVED, Event.EDIT): _AFTER_EDIT,
    (_S.APPROVED, Event.SCHEDULE): frozenset({_S.SCHEDULED}),
    (_S.APPROVED, Event.PUBLISH): frozenset({_S.PUBLISHING}),
    (_S.SCHEDULED, Event.EDIT): _AFTER_EDIT,
    (_S.SCHEDULED, Event.UNSCHEDULE): frozenset({_S.APPROVED}),
    (_S.SCHEDULED, Event.PUBLISH): frozenset({_S.PUBLISHING}),
    (_S.PUBLISHING, Event.PUBLISHED): frozenset({_S.PUBLISHED}),
    (_S.PUBLISHING, Event.PUBLISH_PARTIAL): frozenset({_S.HALF_PUBLISHED}),
    (_S.PUBLISHING, Event.PUBLISH_FAILED): frozenset({_S.APPROVED}),
    (_S.HALF_PUBLISHED, Event.PUBLISH): frozenset({_S.PUBLISHING}),
    (_S.HALF_PUBLISHED, Event.EDIT): _AFTER_EDIT,
    (_S.HALF_PUBLISHED, Event.RETRACT): frozenset({_S.APPROVED, _S.PUBLISHED}),
    (_S.PUBLISHED, Event.EDIT): _AFTER_EDIT,
}

_STATE_PHRASES = {
    _S.DRAFT: "a draft",
    _S.IN_REVIEW: "in linguistic review",
    _S.IN_APPROVAL: "in approval",
    _S.APPROVED: "approved",
    _S.SCHEDULED: "scheduled",
    _S.PUBLISHING: "being published",
    _S.PUBLISHED: "published",
    _S.HALF_PUBLISHED: "published in one language only",
}

_EVENT_PHRASES = {
    Event.EDIT: "be edited",
    Event.SIGN: "be signed off",
    Event.REJECT: "have a version rejected",
    Event.APPROVE: "be approved",
    Event.REEVALUATE: "be re-evaluated",
    Event.SCHEDULE: "be scheduled",
    Event.UNSCHEDULE: "be unscheduled",
    Event.PUBLISH: "be published",
    Event.PUBLISHED: "be marked published",
    Event.PUBLISH_PARTIAL: "be marked half-published",
    Event.PUBLISH_FAILED: "be marked failed",
    Event.RETRACT: "have a language retracted",
    Event.RETARGET: "have its approvals renewed for new targets",
}


def targets(state: PostState, event: Event) -> frozenset[PostState]:
    return TRANSITIONS.get((PostState(state), Event(event)), frozenset())


def allowed_events(state: PostState) -> frozenset[Event]:
    """The events legal in ``state`` (the UI enables its actions from this)."""
    return frozenset(event for (s, event) in TRANSITIONS if s is PostState(state))


def check(post_id: int, state: PostState, event: Event, to: PostState | None = None) -> None:
    """Raise TransitionError unless ``event`` (leading to ``to``, if given) is legal in ``state``."""
    state, event = PostState(state), Event(event)
    legal = targets(state, event)
    if not legal:
        raise TransitionError(
            f"Post {post_id} is {_STATE_PHRASES[state]}: it cannot {_EVENT_PHRASES[event]} now.",
            msg="workflow.refused", post=post_id, state=state.value, event=event.value)
    if to is not None and PostState(to) not in legal:
        raise TransitionError(
            f"Post {post_id} is {_STATE_PHRASES[state]}: {event.value} cannot make it "
            f"{_STATE_PHRASES[PostState(to)]}.", msg="workflow.refused_target", post=post_id,
            state=state.value, event=event.value, to=PostState(to).value)


def describe_state(state: PostState) -> str:
    return _STATE_PHRASES[PostState(state)]


@dataclass(frozen=True)
class StateChange:
    at: str
    actor: str
    from_state: PostState
    to_state: PostState
    event: Event


class WorkflowService:
    """Applies legal moves: updates the post, its state history and the audit log."""

    def __init__(self, repo: ReviewRepository, user: str):
        self.repo = repo
        self.user = user

    def move(self, post_id: int, event: Event, to: PostState | None = None,
             details: dict | None = None) -> PostState:
        """Move the post for ``event``; ``to`` may be omitted when the event has one target.

        Staying in the same state (e.g. one language signed off, the other not
        yet) is legal when the table allows it and records nothing. This is the
        function the publishing code calls for schedule/publish/published/…
        """
        event = Event(event)
        with self.repo.transaction():
            current = self.repo.get_post(post_id).state
            if to is None:
                legal = targets(current, event)
                if len(legal) != 1:
                    check(post_id, current, event)
                    raise ValueError(f"{event.value} from {current.value} needs an explicit target")
                to = next(iter(legal))
            to = PostState(to)
            check(post_id, current, event, to)
            if to is current:
                return current
            self.repo.add_state_change(post_id, current, to, event.value, self.user)
            self.repo.append_audit(self.user, "post.state", post_id,
                                   {**(details or {}), "from": current.value, "to": to.value,
                                    "event": event.value})
        return to

    def history(self, post_id: int) -> list[StateChange]:
        return [StateChange(r["at"], r["actor"], PostState(r["from_state"]),
                            PostState(r["to_state"]), Event(r["event"]))
                for r in self.repo.state_changes(post_id)]

    def since(self, post_id: int) -> str:
        """When the post entered its current state."""
        post = self.repo.get_post(post_id)
        for change in reversed(self.repo.state_changes(post_id)):
            if change["to_state"] == post.state.value:
                return change["at"]
        return post.created_at
