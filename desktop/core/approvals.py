"""Approvals on the approval chain: its evaluation, the approvals given and step timings.

The chain itself (steps, TOML/JSON format) is described in desktop.core.chain.
Who may act on a step: holders of the role ``approver:<step id>``, minus
everyone who wrote any version of the post or created it (no self-approval).
A post enters approval when both languages have an official version; that
starts a *round* that runs under the chain in force at that moment (stored, so
later chain changes affect only posts entering approval afterwards). Each
approval binds the version ids and sha256 of both official versions; any later
version voids it (derived from the versions, never written over, and audited).
The time from a step becoming actionable to its passing is recorded per round.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from enum import StrEnum

from .chain import DEFAULT_CHAIN, Chain, Mode, Step, chain_from_dict, parse_chain
from .clock import parse_iso
from .errors import InvalidText, PolicyError, TandemError, TransitionError
from .messages import Message
from .model import Lang, Post, PostState, Version
from .names import Role
from .policy import Policy
from .roles import RoleService
from .signing import SigningRepository, SigningService, approval_payload
from .workflow import Event, WorkflowService, check


# -- evaluation ----------------------------------------------------------------
class StepState(StrEnum):
    SKIPPED = "skipped"        # does not apply to this post type
    WAITING = "waiting"        # earlier steps have not passed (or the post is not in approval)
    ACTIONABLE = "actionable"  # approvers can act now
    PASSED = "passed"


def evaluate(chain: Chain, post_type: str, approved_by: dict[str, set[str]],
             eligible: dict[str, set[str]], passed: set[str]) -> dict[str, StepState]:
    """Each step's state, from the approvals given in the round (pure).

    ``approved_by``: step id → approvers this round; ``eligible``: step id →
    who may approve it; ``passed``: steps already recorded as passed (a pass
    is never undone by later role changes).
    """
    states: dict[str, StepState] = {}
    for step in chain.steps:
        if not step.applies_to(post_type):
            states[step.id] = StepState.SKIPPED
            continue
        ready = all(states[d] in (StepState.PASSED, StepState.SKIPPED) for d in step.after)
        approvers = approved_by.get(step.id, set())
        if step.mode is Mode.ANY:
            complete = bool(approvers)
        else:
            complete = bool(approvers) and eligible.get(step.id, set()) <= approvers
        if step.id in passed or (ready and complete):
            states[step.id] = StepState.PASSED
        else:
            states[step.id] = StepState.ACTIONABLE if ready else StepState.WAITING
    return states


def chain_passed(states: dict[str, StepState]) -> bool:
    return all(s in (StepState.PASSED, StepState.SKIPPED) for s in states.values())


# -- results -----------------------------------------------------------------------
@dataclass(frozen=True)
class Approval:
    id: int
    post_id: int
    round_id: int
    step_id: str
    approver: str
    at: str
    comment: str
    en_version_id: int
    en_sha256: str
    fr_version_id: int
    fr_sha256: str
    voided_at: str | None = None
    voided_by_version_id: int | None = None

    @property
    def voided(self) -> bool:
        return self.voided_at is not None


def seconds_between(start: str | None, end: str | None) -> float | None:
    """Seconds from one store timestamp to another (None if either is missing)."""
    if start is None or end is None:
        return None
    return (parse_iso(end) - parse_iso(start)).total_seconds()


@dataclass(frozen=True)
class StepStatus:
    step: Step
    state: StepState
    approvals: tuple[Approval, ...]   # given in the current round
    eligible: tuple[str, ...]         # role holders who did not write the post
    who_can_act: tuple[str, ...]      # eligible and not yet approved (when actionable)
    actionable_since: str | None
    passed_at: str | None

    @property
    def seconds(self) -> float | None:
        """Time from actionable to passed (None until it passes)."""
        return seconds_between(self.actionable_since, self.passed_at)


@dataclass(frozen=True)
class ApprovalStatus:
    post_id: int
    state: PostState
    chain: Chain
    round_id: int | None              # None until the post first enters approval
    round_started_at: str | None
    steps: tuple[StepStatus, ...]
    history: tuple[Approval, ...]     # every approval ever given, voided ones included

    @property
    def passed(self) -> bool:
        return self.round_id is not None and chain_passed({s.step.id: s.state for s in self.steps})

    @property
    def actionable(self) -> tuple[StepStatus, ...]:
        return tuple(s for s in self.steps if s.state is StepState.ACTIONABLE)


@dataclass(frozen=True)
class StepStats:
    step_id: str
    step_name: str
    passes: int
    median_seconds: float
    min_seconds: float
    max_seconds: float


#: Where new targets renew the approval round (later states freeze the targets).
_RENEWABLE = frozenset({PostState.IN_APPROVAL, PostState.APPROVED, PostState.SCHEDULED})
_APPROVAL_STATES = frozenset({PostState.IN_APPROVAL, PostState.APPROVED, PostState.SCHEDULED,
                              PostState.PUBLISHING, PostState.PUBLISHED,
                              PostState.HALF_PUBLISHED})


class ApprovalService:
    """Chain management, approvals, where a post waits in approval, and step timings."""

    def __init__(self, repo: SigningRepository, policy: Policy, user: str, roles: RoleService,
                 workflow: WorkflowService):
        self.repo = repo
        self.policy = policy
        self.user = user
        self.roles = roles
        self.workflow = workflow
        #: Signs this user's decisions (sign-offs use it too, through ReviewService).
        self.signing = SigningService(repo, policy, user, roles)

    # -- the chain ---------------------------------------------------------------
    def chain(self) -> Chain:
        """The chain posts entering approval now will follow (policy, else store, else default)."""
        if self.policy.is_locked("approval.chain"):
            try:
                return chain_from_dict(self.policy.get("approval.chain"), "policy",
                                       f"Policy key 'approval.chain' in {self.policy.source}")
            except InvalidText as exc:
                raise PolicyError(exc.message) from None
        row = self.repo.latest_chain()
        return chain_from_dict(json.loads(row["body"]), "store") if row else DEFAULT_CHAIN

    def set_chain(self, text: str, fmt: str | None = None, where: str = "") -> Chain:
        """Parse, validate and store a new chain (admin; refused when the policy sets one)."""
        self.policy.require_unlocked("approval.chain", "The approval chain")
        self.roles.require([Role.ADMIN], "chain.set", "set the approval chain")
        chain = parse_chain(text, fmt, where)
        with self.repo.transaction():
            self.repo.add_chain(chain.body, chain.sha256, "store", self.user)
            self.repo.append_audit(self.user, "chain.set", None,
                                   {"sha256": chain.sha256, "steps": chain.to_dict()["steps"],
                                    "file": where})
        return chain

    def _round_chain(self, round_row: dict) -> Chain:
        row = self.repo.get_chain(round_row["chain_id"])
        return chain_from_dict(json.loads(row["body"]), row["source"])

    def _chain_id(self, chain: Chain) -> int:
        row = self.repo.find_chain(chain.sha256)
        return row["id"] if row else self.repo.add_chain(chain.body, chain.sha256, chain.source,
                                                         self.user)["id"]

    # -- facts ---------------------------------------------------------------------
    def _versions(self, post_id: int) -> list[Version]:
        return sorted(self.repo.versions(post_id, Lang.EN) + self.repo.versions(post_id, Lang.FR),
                      key=lambda v: v.id)

    def authors(self, post: Post) -> set[str]:
        """Everyone who created the post or wrote any version of it: they cannot approve it."""
        return {post.created_by} | {v.author for v in self._versions(post.id)}

    def history(self, post_id: int) -> list[Approval]:
        """Every approval of the post; voided ones carry the version that voided them."""
        versions = self._versions(post_id)
        rounds = self.repo.rounds(post_id)
        approvals = []
        for row in self.repo.approvals(post_id):
            bound = max(row["en_version_id"], row["fr_version_id"])
            later = next((v for v in versions if v.id > bound), None)
            renewed = next((r for r in rounds if r["id"] > row["round_id"]), None)
            if later is None and renewed is not None:  # a new round on the same versions
                later_at = renewed["started_at"]
            else:
                later_at = later.created_at if later else None
            approvals.append(Approval(
                id=row["id"], post_id=row["post_id"], round_id=row["round_id"],
                step_id=row["step_id"], approver=row["approver"], at=row["at"],
                comment=row["comment"], en_version_id=row["en_version_id"],
                en_sha256=row["en_sha256"], fr_version_id=row["fr_version_id"],
                fr_sha256=row["fr_sha256"], voided_at=later_at,
                voided_by_version_id=later.id if later else None))
        return approvals

    def _eligible(self, chain: Chain, authors: set[str]) -> dict[str, set[str]]:
        return {s.id: set(self.roles.holders(s.role)) - authors for s in chain.steps}

    def _evaluate(self, post: Post, round_row: dict, chain: Chain
                  ) -> tuple[dict[str, StepState], list[Approval], list[dict], dict[str, set[str]]]:
        approvals = [a for a in self.history(post.id) if a.round_id == round_row["id"]]
        events = [e for e in self.repo.step_events(post.id) if e["round_id"] == round_row["id"]]
        approved_by: dict[str, set[str]] = {}
        for a in approvals:
            approved_by.setdefault(a.step_id, set()).add(a.approver)
        eligible = self._eligible(chain, self.authors(post))
        passed = {e["step_id"] for e in events if e["event"] == "passed"}
        return evaluate(chain, post.post_type, approved_by, eligible, passed), approvals, events, eligible

    def _record_progress(self, post: Post, round_row: dict, chain: Chain) -> bool:
        """Record steps that became actionable or passed; True when the chain has passed."""
        states, _approvals, events, _eligible = self._evaluate(post, round_row, chain)
        seen = {(e["step_id"], e["event"]) for e in events}
        for step in chain.steps:
            state = states[step.id]
            if state in (StepState.ACTIONABLE, StepState.PASSED) and (step.id, "actionable") not in seen:
                self.repo.add_step_event(round_row["id"], post.id, step.id, step.name, "actionable")
            if state is StepState.PASSED and (step.id, "passed") not in seen:
                self.repo.add_step_event(round_row["id"], post.id, step.id, step.name, "passed")
                self.repo.append_audit(self.user, "approval.step_passed", post.id,
                                       {"round_id": round_row["id"], "step": step.id,
                                        "step_name": step.name})
        return chain_passed(states)

    # -- hooks for the review service ----------------------------------------------------
    def start_round(self, post: Post, en: Version, fr: Version) -> PostState:
        """Open an approval round on both official versions; the state the post should take."""
        chain = self.chain()
        with self.repo.transaction():
            round_row = self.repo.add_round(post.id, self._chain_id(chain), en.id, fr.id)
            self.repo.append_audit(self.user, "approval.round", post.id,
                                   {"round_id": round_row["id"], "chain_sha256": chain.sha256,
                                    "en_version_id": en.id, "en_sha256": en.sha256,
                                    "fr_version_id": fr.id, "fr_sha256": fr.sha256})
            passed = self._record_progress(post, round_row, chain)
        return PostState.APPROVED if passed else PostState.IN_APPROVAL

    def void_for(self, version: Version) -> list[Approval]:
        """Audit the approvals ``version`` (just created) voids, and return them."""
        voided = [a for a in self.history(version.post_id) if a.voided_by_version_id == version.id]
        for a in voided:
            self.repo.append_audit(self.user, "approval.void", version.post_id, {
                "approval_id": a.id, "step": a.step_id, "approver": a.approver,
                "en_sha256": a.en_sha256, "fr_sha256": a.fr_sha256,
                "by_version_id": version.id, "by_sha256": version.sha256,
                "lang": version.lang.value})
        return voided

    def renew_round(self, post_id: int, reason: str, details: dict) -> PostState | None:
        """Void the approvals of the current round and open a new one on the same versions.

        For a change approvers did not see that is not a new version (the accounts the
        post goes to). Part of the caller's transaction; None when the post has no round.
        """
        post = self.repo.get_post(post_id)
        round_row = self.repo.latest_round(post_id)
        if round_row is None or post.state not in _RENEWABLE:
            return None
        given = [a for a in self.history(post_id) if a.round_id == round_row["id"] and not a.voided]
        if not given and post.state is PostState.IN_APPROVAL:
            return None  # nothing approved yet: the approvers will see the new targets
        with self.repo.transaction():
            for a in given:
                self.repo.append_audit(self.user, "approval.void", post_id, {
                        "approval_id": a.id, "step": a.step_id, "approver": a.approver,
                        "en_sha256": a.en_sha256, "fr_sha256": a.fr_sha256,
                        "reason": reason, **details})
            en = self.repo.get_version(round_row["en_version_id"])
            fr = self.repo.get_version(round_row["fr_version_id"])
            state = self.start_round(post, en, fr)
            self.workflow.move(post_id, Event.RETARGET, state, {"reason": reason, **details})
        return state

    def refresh_open_posts(self) -> None:
        """After role changes: record steps an "all" group has now completed."""
        for post_id in self.repo.post_ids_in_state(PostState.IN_APPROVAL):
            with self.repo.transaction():
                post = self.repo.get_post(post_id)
                round_row = self.repo.latest_round(post_id)
                assert round_row is not None, "a post in approval has its round"
                if self._record_progress(post, round_row, self._round_chain(round_row)):
                    self.workflow.move(post_id, Event.REEVALUATE, PostState.APPROVED,
                                       {"reason": "roles changed"})

    # -- approving -------------------------------------------------------------------
    def approve(self, post_id: int, step: str | None = None, comment: str = "",
                seen: tuple[int, int] | None = None) -> Approval:
        """Approve the post at ``step`` (or at the one step the user can act on now).

        ``seen``: the (English, French) version ids the approver was shown; the approval
        is refused unless they are still the versions under approval. Checked again in the
        transaction that records it (compare-and-set), so no concurrent edit, sign-off or
        approval slips between the check and the write.
        """
        post = self.repo.get_post(post_id)
        check(post_id, post.state, Event.APPROVE)
        round_row = self.repo.latest_round(post_id)
        assert round_row is not None, "a post in approval has its round"
        chain = self._round_chain(round_row)
        states, approvals, _events, _eligible = self._evaluate(post, round_row, chain)
        mine = {a.step_id for a in approvals if a.approver == self.user}
        target = self._target_step(post, chain, states, mine, step)
        authors = self.authors(post)
        if self.user in authors:
            self.roles.deny("approve", Message(
                "approvals.own_post",
                f"{self.user} cannot approve post {post_id}: they wrote part of it (created the "
                "post or a version of it), and no one approves their own post.",
                user=self.user, post=post_id),
                post_id, {"step": target.id, "self_approval": True})
        en, fr = (self.repo.latest_version(post_id, lang) for lang in (Lang.EN, Lang.FR))
        if en is None or fr is None or (
                (en.id, fr.id) != (round_row["en_version_id"], round_row["fr_version_id"])):
            raise TransitionError(f"Post {post_id} changed since it entered approval; "
                                  "it must be reviewed again.", msg="approvals.changed", post=post_id)
        if seen is not None and tuple(seen) != (en.id, fr.id):
            raise TransitionError(f"Post {post_id} changed since it was shown to you; look at "
                                  "it again before approving.", msg="approvals.changed",
                                  post=post_id)
        signer = self.signing.signer("approve", post_id)
        with self.repo.transaction():
            self._still_approvable(post_id, round_row, en, fr, target)
            row = self.repo.add_approval(round_row["id"], post_id, target.id, self.user,
                                         comment, en, fr)
            signature = ({"signature": signer.sign(approval_payload(row, en, fr, signer.key_id))}
                         if signer else {})
            self.repo.append_audit(self.user, "approval.give", post_id, {
                "approval_id": row["id"], "round_id": round_row["id"], "step": target.id,
                "step_name": target.name, "comment": comment,
                "en_version_id": en.id, "en_sha256": en.sha256,
                "fr_version_id": fr.id, "fr_sha256": fr.sha256, **signature})
            passed = self._record_progress(post, round_row, chain)
            self.workflow.move(post_id, Event.APPROVE,
                               PostState.APPROVED if passed else PostState.IN_APPROVAL)
        return next(a for a in self.history(post_id) if a.id == row["id"])

    def _still_approvable(self, post_id: int, round_row: dict, en: Version, fr: Version,
                          target: Step) -> None:
        """Inside the approval's transaction: nothing changed since the checks."""
        post = self.repo.get_post(post_id)
        check(post_id, post.state, Event.APPROVE)
        latest = self.repo.latest_round(post_id)
        now = tuple(self.repo.latest_version(post_id, lang) for lang in (Lang.EN, Lang.FR))
        if (latest is None or latest["id"] != round_row["id"]
                or tuple(v.id if v else None for v in now) != (en.id, fr.id)):
            raise TransitionError(f"Post {post_id} changed since it entered approval; "
                                  "it must be reviewed again.", msg="approvals.changed",
                                  post=post_id)
        states, approvals, _events, _eligible = self._evaluate(post, latest,
                                                               self._round_chain(latest))
        if any(a.step_id == target.id and a.approver == self.user for a in approvals):
            raise TransitionError(f"You already approved post {post_id} at step {target.name}.",
                                  msg="approvals.already_at_step", post=post_id,
                                  step=target.name)
        if states[target.id] is not StepState.ACTIONABLE:
            raise TransitionError(f"Step {target.name} of post {post_id} is no longer waiting "
                                  "for approval.", msg="approvals.step_passed", step=target.name,
                                  post=post_id)

    def _target_step(self, post: Post, chain: Chain, states: dict[str, StepState],
                     mine: set[str], key: str | None) -> Step:
        if key is not None:
            step = chain.step(key)
            state = states[step.id]
            if state is StepState.SKIPPED:
                raise TransitionError(f"Step {step.name} does not apply to {post.post_type} posts.",
                                      msg="approvals.step_not_applicable", step=step.name,
                                      post_type=post.post_type)
            if state is StepState.PASSED:
                raise TransitionError(f"Step {step.name} of post {post.id} has already passed.",
                                      msg="approvals.step_passed", step=step.name, post=post.id)
            if state is StepState.WAITING:
                pending = [chain.step(d).name for d in step.after
                           if states[d] not in (StepState.PASSED, StepState.SKIPPED)]
                raise TransitionError(f"Step {step.name} of post {post.id} waits for: "
                                      f"{', '.join(pending)}.", msg="approvals.step_waits",
                                      step=step.name, post=post.id, pending=pending)
            self.roles.require([step.role], "approve", f"approve post {post.id} at step {step.name}",
                               post.id, {"step": step.id})
            if step.id in mine:
                raise TransitionError(f"You already approved post {post.id} at step {step.name}.",
                                      msg="approvals.already_at_step", post=post.id, step=step.name)
            return step
        actionable = [s for s in chain.steps if states[s.id] is StepState.ACTIONABLE]
        self.roles.require([s.role for s in actionable] or [Role.APPROVER], "approve",
                           f"approve post {post.id} now", post.id,
                           {"actionable": [s.id for s in actionable]},
                           reason="the steps waiting for approval are "
                                  + (", ".join(s.name for s in actionable) or "none"))
        candidates = [s for s in actionable if self.roles.has(s.role) and s.id not in mine]
        if not candidates:
            raise TransitionError(f"You already approved post {post.id} at every step you can "
                                  "act on now.", msg="approvals.already_all", post=post.id)
        if len(candidates) > 1:
            raise TandemError(f"You can approve several steps of post {post.id}; choose one "
                              "with --step: " + ", ".join(s.id for s in candidates) + ".",
                              msg="approvals.choose_step", post=post.id,
                              steps=[s.id for s in candidates])
        return candidates[0]

    # -- reading -----------------------------------------------------------------------
    def status(self, post_id: int) -> ApprovalStatus:
        """The chain's progress for a post: each step's state, approvals, who can act, times."""
        post = self.repo.get_post(post_id)
        round_row = self.repo.latest_round(post_id)
        history = tuple(self.history(post_id))
        if round_row is None or post.state not in _APPROVAL_STATES:
            chain = self.chain()
            eligible = self._eligible(chain, self.authors(post))
            steps = tuple(StepStatus(s, StepState.WAITING if s.applies_to(post.post_type)
                                     else StepState.SKIPPED, (), tuple(sorted(eligible[s.id])),
                                     (), None, None) for s in chain.steps)
            return ApprovalStatus(post_id, post.state, chain, None, None, steps, history)
        chain = self._round_chain(round_row)
        states, approvals, events, eligible = self._evaluate(post, round_row, chain)
        at = {(e["step_id"], e["event"]): e["at"] for e in events}
        statuses = []
        for s in chain.steps:
            given = tuple(a for a in approvals if a.step_id == s.id)
            done = {a.approver for a in given}
            can_act = (tuple(sorted(eligible[s.id] - done))
                       if states[s.id] is StepState.ACTIONABLE else ())
            statuses.append(StepStatus(s, states[s.id], given, tuple(sorted(eligible[s.id])),
                                       can_act, at.get((s.id, "actionable")),
                                       at.get((s.id, "passed"))))
        return ApprovalStatus(post_id, post.state, chain, round_row["id"],
                              round_row["started_at"], tuple(statuses), history)

    def stats(self) -> list[StepStats]:
        """Median, min and max time from actionable to passed, per step, across all posts."""
        starts: dict[tuple[int, str], str] = {}
        durations: dict[str, list[float]] = {}
        names: dict[str, str] = {}
        for e in self.repo.step_events():
            key = (e["round_id"], e["step_id"])
            names[e["step_id"]] = e["step_name"]
            if e["event"] == "actionable":
                starts[key] = e["at"]
            elif key in starts and (seconds := seconds_between(starts[key], e["at"])) is not None:
                durations.setdefault(e["step_id"], []).append(seconds)
        order = [s.id for s in self.chain().steps]
        return [StepStats(step_id, names[step_id], len(d), statistics.median(d), min(d), max(d))
                for step_id, d in sorted(durations.items(),
                                         key=lambda kv: (order.index(kv[0]) if kv[0] in order
                                                         else len(order), kv[0]))]
