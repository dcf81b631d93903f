"""Linguistic review: sign-offs, rejections, official versions and where a post waits.

Rules (docs/workflow.md has the whole picture):

* A pair is reviewed once both languages have text; the post is then ``in_review``.
* A version that contains machine or memory text (its origin, or any span) can
  be signed off only by a translator. A version typed entirely by people is
  signed off by any role in the policy's ``review.human_signoff_by``
  (default: translator or approver).
* A sign-off binds the version's id and sha256; the signed latest version of
  a language is its **official** version. A rejection (comment required)
  sends the version back to its writers; each version gets one decision.
* Any new version (an edit, a restore, an import) withdraws the official
  status of that language, voids every approval given on the pair, and puts
  the post back in review. Official periods and voids are derived from the
  immutable versions, so history shows which wording was official when.

`ReviewService` also implements the write hooks `PostService` calls, so an
edit made anywhere (editor, CLI, XLIFF import, machine suggestion) follows
these rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from . import text as text_rules, threads
from .approvals import ApprovalService, ApprovalStatus
from .errors import InvalidText, PolicyError, TandemError, TransitionError
from .model import LANG_NAMES, Lang, Origin, Post, PostState, Version
from .names import Role, validate_role
from .policy import Policy
from .provenance import machine_share, provenance_label
from .roles import RoleService
from .signing import signoff_payload
from .store_review import ReviewRepository
from .workflow import Event, WorkflowService, check

#: QA checks between an English and a French text: a list of findings (plain dicts).
QaCheck = Callable[[str, str], list[dict]]

DEFAULT_HUMAN_SIGNOFF = (Role.TRANSLATOR.value, Role.APPROVER.value)
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def machine_assisted(version: Version) -> bool:
    """Whether any of the version came from machine translation or translation memory."""
    return version.origin is not Origin.HUMAN or any(s.origin is not Origin.HUMAN
                                                     for s in version.spans)


class LangStatus(StrEnum):
    MISSING = "missing"    # no text yet
    PENDING = "pending"    # latest version awaits a sign-off
    REJECTED = "rejected"  # latest version was sent back; awaits a new version
    OFFICIAL = "official"  # latest version is signed off


@dataclass(frozen=True)
class Decision:
    """A sign-off (``kind`` "sign") or rejection ("reject") of one version."""

    id: int
    post_id: int
    lang: Lang
    version_id: int
    sha256: str
    kind: str
    reviewer: str
    at: str
    comment: str
    qa_findings: tuple[dict, ...]


@dataclass(frozen=True)
class DiffOp:
    op: str  # "equal", "insert", "delete" or "replace"
    machine: str  # the earlier text: the machine suggestion, or the official version
    current: str


@dataclass(frozen=True)
class MachineDiff:
    """The current text against an earlier version of that language (word level).

    ``machine_diff``: against the latest machine suggestion; ``official_diff``:
    against the last official (signed-off) version, i.e. what changed since it
    was approved. ``machine_version`` is that earlier version.
    """

    machine_version: Version
    ops: tuple[DiffOp, ...]

    @property
    def changed(self) -> bool:
        return any(op.op != "equal" for op in self.ops)


@dataclass(frozen=True)
class LanguageReview:
    lang: Lang
    version: Version | None        # the latest version
    status: LangStatus
    decision: Decision | None      # of the latest version
    needs: tuple[str, ...]         # roles that may sign the latest version off
    machine_assisted: bool
    machine_share: float
    machine_diff: MachineDiff | None
    can_sign: bool                 # whether the acting user may sign/reject it now
    official_diff: MachineDiff | None = None  # against the last official version, when newer
    provenance: str = ""           # "human", "machine", "memory" or "machine-assisted, 98 %"

    @property
    def latest(self) -> Version:
        """The latest version, which every status but MISSING has."""
        if self.version is None:
            raise ValueError(f"the {self.lang.value} text has no version ({self.status.value})")
        return self.version

    @property
    def verdict(self) -> Decision:
        """The decision on the latest version, which OFFICIAL and REJECTED imply."""
        if self.decision is None:
            raise ValueError(f"the {self.lang.value} text has no decision ({self.status.value})")
        return self.decision


@dataclass(frozen=True)
class ReviewItem:
    """Everything the review screen shows for one pair."""

    post: Post
    waiting_since: str
    en: LanguageReview
    fr: LanguageReview
    qa_findings: tuple[dict, ...]  # QA between the latest versions, computed now

    def lang(self, lang: Lang) -> LanguageReview:
        return self.en if Lang(lang) is Lang.EN else self.fr


@dataclass(frozen=True)
class OfficialPeriod:
    lang: Lang
    version: Version
    signoff: Decision
    since: str
    until: str | None               # None while still official
    ended_by_version_id: int | None


@dataclass(frozen=True)
class Waiting:
    what: str
    since: str
    roles: tuple[str, ...]          # roles that can act
    who_can_act: tuple[str, ...]


@dataclass(frozen=True)
class Progress:
    """Where a post stands and what it waits for: the UI's status panel, `tandem approvals ID`."""

    post: Post
    state_since: str
    waiting: tuple[Waiting, ...]
    review: ReviewItem
    approval: ApprovalStatus


def machine_diff(current: Version, versions: list[Version]) -> MachineDiff | None:
    """``current`` against the latest machine-origin version among ``versions`` (same language)."""
    machine = [v for v in versions if v.origin is Origin.MACHINE and v.seq <= current.seq]
    return word_diff(machine[-1], current) if machine else None


def word_diff(base: Version, current: Version) -> MachineDiff:
    """``current`` against the earlier ``base``, word by word."""
    a, b = _TOKEN.findall(base.text), _TOKEN.findall(current.text)
    ops = tuple(DiffOp(tag, "".join(a[i1:i2]), "".join(b[j1:j2]))
                for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    return MachineDiff(base, ops)


def _decision(row: dict) -> Decision:
    return Decision(row["id"], row["post_id"], Lang(row["lang"]), row["version_id"], row["sha256"],
                    row["kind"], row["reviewer"], row["at"], row["comment"],
                    tuple(row["qa_findings"]))


class ReviewService:
    """Review queue, sign-off and rejection, official versions and post progress."""

    def __init__(self, repo: ReviewRepository, policy: Policy, user: str, roles: RoleService,
                 workflow: WorkflowService, approvals: ApprovalService, qa: QaCheck):
        self.repo = repo
        self.policy = policy
        self.user = user
        self.roles = roles
        self.workflow = workflow
        self.approvals = approvals
        self.qa = qa
        self.signing = approvals.signing
        self.human_signoff_by = self._human_signoff_roles()

    def _human_signoff_roles(self) -> tuple[str, ...]:
        configured = self.policy.get("review.human_signoff_by", list(DEFAULT_HUMAN_SIGNOFF))
        roles = []
        for role in configured:
            try:
                roles.append(role if role == Role.APPROVER else validate_role(role))
            except TandemError as exc:
                raise PolicyError(f"Policy key 'review.human_signoff_by' in {self.policy.source}: "
                                  f"{exc}", msg="policy.invalid", key="review.human_signoff_by",
                                  source=str(self.policy.source), detail=str(exc)) from None
        if not roles:
            raise PolicyError(f"Policy key 'review.human_signoff_by' in {self.policy.source} "
                              "must name at least one role.", msg="policy.invalid",
                              key="review.human_signoff_by", source=str(self.policy.source),
                              detail="it must name at least one role")
        return tuple(roles)

    # -- write hooks (called by PostService) ----------------------------------------
    def check_write(self, action: str, post_id: int | None) -> None:
        """Before a post is created or a version written: role and state checks."""
        if post_id is None:
            self.roles.require([Role.AUTHOR], action, "create posts")
            return
        post = self.repo.get_post(post_id)
        self.roles.require([Role.AUTHOR, Role.TRANSLATOR], action, f"edit post {post_id}", post_id)
        check(post_id, post.state, Event.EDIT)

    def version_added(self, version: Version, previous: Version | None) -> None:
        """After a version is written (same transaction): withdraw, void, back to review."""
        if previous is not None:
            decision = self.repo.signoff_for_version(previous.id)
            if decision and decision["kind"] == "sign":
                self.repo.append_audit(self.user, "review.official_withdrawn", version.post_id, {
                    "lang": version.lang.value, "version_id": previous.id,
                    "sha256": previous.sha256, "by_version_id": version.id,
                    "by_sha256": version.sha256})
        self.approvals.void_for(version)
        complete = all(v is not None and v.text.strip() for v in
                       (self.repo.latest_version(version.post_id, lang) for lang in Lang))
        self.workflow.move(version.post_id, Event.EDIT,
                           PostState.IN_REVIEW if complete else PostState.DRAFT,
                           {"lang": version.lang.value, "version_id": version.id,
                            "sha256": version.sha256})

    # -- who may sign ------------------------------------------------------------
    def signoff_roles(self, version: Version) -> tuple[str, ...]:
        return (Role.TRANSLATOR.value,) if machine_assisted(version) else self.human_signoff_by

    def _require_reviewer(self, action: str, verb: str, version: Version) -> None:
        needs = self.signoff_roles(version)
        reason = ("it contains machine-translated or translation-memory text"
                  if machine_assisted(version) else
                  "people-written text is signed off by the roles in review.human_signoff_by")
        self.roles.require(needs, action,
                           f"{verb} the {LANG_NAMES[version.lang]} version of post {version.post_id}",
                           version.post_id, {"lang": version.lang.value, "version_id": version.id,
                                             "sha256": version.sha256}, reason=reason)

    def _reviewable(self, post_id: int, lang: Lang, event: Event,
                    version_id: int | None) -> tuple[Post, Version]:
        post = self.repo.get_post(post_id)
        version = self.repo.latest_version(post_id, lang)
        name = LANG_NAMES[lang]
        if version is None or not version.text.strip():
            raise TransitionError(f"Post {post_id} has no {name} text to review.",
                                  msg="review.no_text", post=post_id, lang=lang.value)
        if version_id is not None and version.id != version_id:
            raise TransitionError(f"The {name} text of post {post_id} changed since you opened it "
                                  f"(it is now v{version.seq}); review the new version.",
                                  msg="review.changed", post=post_id, lang=lang.value,
                                  seq=version.seq)
        existing = self.repo.signoff_for_version(version.id)
        if existing:
            done = "signed off" if existing["kind"] == "sign" else "rejected"
            raise TransitionError(
                f"{name} v{version.seq} of post {post_id} was already {done} by "
                f"{existing['reviewer']} at {existing['at'][:16]}; a change needs a new version.",
                msg="review.already_decided", post=post_id, lang=lang.value, seq=version.seq,
                kind=existing["kind"], reviewer=existing["reviewer"], at=existing["at"][:16])
        if post.state is PostState.DRAFT:
            raise TransitionError(f"Post {post_id} is a draft: both languages need text "
                                  "before review.", msg="review.draft", post=post_id)
        if event is Event.SIGN:
            other = self.repo.latest_version(post_id, lang.other)
            assert other is not None, "only a draft lacks a language (refused above)"
            threads.check_same_count(*((version.text, other.text) if lang is Lang.EN
                                       else (other.text, version.text)))
        check(post_id, post.state, event)
        return post, version

    # -- deciding ----------------------------------------------------------------
    def sign(self, post_id: int, lang: Lang, comment: str = "",
             version_id: int | None = None) -> Decision:
        """Sign off the latest ``lang`` version (``version_id``: the one the reviewer saw)."""
        lang = Lang(lang)
        comment = text_rules.check(comment, what="Comment").strip()
        post, version = self._reviewable(post_id, lang, Event.SIGN, version_id)
        self._require_reviewer("review.sign", "sign off", version)
        findings = self._qa_now(post_id)
        signer = self.signing.signer("review.sign", post_id)
        with self.repo.transaction():
            # Compare-and-set: checked again where it is written, against the version read
            # above (QA and the checks ran outside; another process may have written since).
            post, version = self._reviewable(post_id, lang, Event.SIGN, version.id)
            row = self.repo.add_signoff(version, "sign", self.user, comment, findings)
            self.repo.append_audit(self.user, "review.sign", post_id, {
                "signoff_id": row["id"], "lang": lang.value, "version_id": version.id,
                "seq": version.seq, "sha256": version.sha256, "origin": version.origin.value,
                "machine_share": round(machine_share(version.text, version.spans), 4),
                "comment": comment, "qa_findings": findings, **self._signature(signer, row, version)})
            target = PostState.IN_REVIEW
            other = self.official(post_id, lang.other)
            if other is not None:
                en, fr = (version, other) if lang is Lang.EN else (other, version)
                target = self.approvals.start_round(post, en, fr)
            self.workflow.move(post_id, Event.SIGN, target)
        return _decision(row)

    def reject(self, post_id: int, lang: Lang, comment: str,
               version_id: int | None = None) -> Decision:
        """Send the latest ``lang`` version back to its writers; the comment says what to fix."""
        lang = Lang(lang)
        comment = text_rules.check(comment or "", what="Comment").strip()
        if not comment:
            raise InvalidText("A rejection needs a comment saying what to fix.",
                              msg="review.reject_needs_comment")
        _post, version = self._reviewable(post_id, lang, Event.REJECT, version_id)
        self._require_reviewer("review.reject", "reject", version)
        signer = self.signing.signer("review.reject", post_id)
        with self.repo.transaction():
            _post, version = self._reviewable(post_id, lang, Event.REJECT, version.id)  # CAS
            row = self.repo.add_signoff(version, "reject", self.user, comment, [])
            self.repo.append_audit(self.user, "review.reject", post_id, {
                "signoff_id": row["id"], "lang": lang.value, "version_id": version.id,
                "seq": version.seq, "sha256": version.sha256, "comment": comment,
                **self._signature(signer, row, version)})
            self.workflow.move(post_id, Event.REJECT, PostState.IN_REVIEW)
        return _decision(row)

    @staticmethod
    def _signature(signer, row: dict, version: Version) -> dict:
        """The decision's signature for its audit entry (nothing when recorded unsigned)."""
        return {"signature": signer.sign(signoff_payload(row, version, signer.key_id))} \
            if signer else {}

    def _qa_now(self, post_id: int) -> list[dict]:
        en, fr = (self.repo.latest_version(post_id, lang) for lang in (Lang.EN, Lang.FR))
        return list(self.qa(en.text, fr.text)) if en and fr else []

    # -- reading -------------------------------------------------------------------
    def official(self, post_id: int, lang: Lang) -> Version | None:
        """The official (signed-off, still latest) version of ``lang``, if any."""
        latest = self.repo.latest_version(post_id, lang)
        if latest is None:
            return None
        decision = self.repo.signoff_for_version(latest.id)
        return latest if decision and decision["kind"] == "sign" else None

    def decisions(self, post_id: int) -> list[Decision]:
        return [_decision(r) for r in self.repo.signoffs(post_id)]

    def official_history(self, post_id: int, lang: Lang | None = None) -> list[OfficialPeriod]:
        """Which version was official when, oldest first."""
        periods = []
        versions = {l: self.repo.versions(post_id, l) for l in Lang}
        for decision in self.decisions(post_id):
            if decision.kind != "sign" or (lang is not None and decision.lang is not Lang(lang)):
                continue
            history = versions[decision.lang]
            version = next(v for v in history if v.id == decision.version_id)
            after = next((v for v in history if v.seq > version.seq), None)
            periods.append(OfficialPeriod(decision.lang, version, decision, decision.at,
                                          after.created_at if after else None,
                                          after.id if after else None))
        return periods

    def _language(self, post: Post, lang: Lang) -> LanguageReview:
        versions = self.repo.versions(post.id, lang)
        latest = versions[-1] if versions else None
        if latest is None or not latest.text.strip():
            return LanguageReview(lang, latest, LangStatus.MISSING, None, (), False, 0.0, None,
                                  False)
        row = self.repo.signoff_for_version(latest.id)
        decision = _decision(row) if row else None
        status = (LangStatus.PENDING if decision is None else
                  LangStatus.OFFICIAL if decision.kind == "sign" else LangStatus.REJECTED)
        needs = self.signoff_roles(latest)
        can_sign = (status is LangStatus.PENDING and post.state is PostState.IN_REVIEW
                    and any(self.roles.has(r) for r in needs))
        return LanguageReview(lang, latest, status, decision, needs, machine_assisted(latest),
                              machine_share(latest.text, latest.spans),
                              machine_diff(latest, versions), can_sign,
                              self._official_diff(latest, versions),
                              provenance_label(latest.origin, latest.text, latest.spans))

    def _official_diff(self, latest: Version, versions: list[Version]) -> MachineDiff | None:
        """``latest`` against the last version of its language signed off before it."""
        signed = {d["version_id"] for d in self.repo.signoffs(latest.post_id)
                  if d["kind"] == "sign" and d["lang"] == latest.lang.value}
        official = [v for v in versions if v.id in signed and v.seq < latest.seq]
        return word_diff(official[-1], latest) if official else None

    def item(self, post_id: int) -> ReviewItem:
        post = self.repo.get_post(post_id)
        en, fr = self._language(post, Lang.EN), self._language(post, Lang.FR)
        findings = (tuple(self.qa(en.version.text, fr.version.text))
                    if en.version and fr.version else ())
        return ReviewItem(post, self.workflow.since(post_id), en, fr, findings)

    def queue(self) -> list[ReviewItem]:
        """Pairs in review with a language awaiting sign-off, longest-waiting first."""
        items = [self.item(post_id) for post_id in self.repo.post_ids_in_state(PostState.IN_REVIEW)]
        waiting = [i for i in items if LangStatus.PENDING in (i.en.status, i.fr.status)]
        return sorted(waiting, key=lambda i: (i.waiting_since, i.post.id))

    def progress(self, post_id: int) -> Progress:
        """Where the post is stuck, since when, and who can act."""
        review = self.item(post_id)
        post = review.post
        approval = self.approvals.status(post_id)
        since = review.waiting_since
        writers = (Role.AUTHOR.value, Role.TRANSLATOR.value)
        waiting: list[Waiting] = []
        if post.state is PostState.DRAFT:
            waiting.extend(Waiting(f"the {LANG_NAMES[lr.lang]} text", since, writers,
                                   self._holders(writers))
                           for lr in (review.en, review.fr) if lr.status is LangStatus.MISSING)
        elif post.state is PostState.IN_REVIEW:
            for lr in (review.en, review.fr):
                name = LANG_NAMES[lr.lang]
                if lr.status is LangStatus.PENDING:
                    assert lr.version is not None, "a pending language has a version"
                    waiting.append(Waiting(f"{name} review (v{lr.version.seq})",
                                           lr.version.created_at, lr.needs, self._holders(lr.needs)))
                elif lr.status is LangStatus.REJECTED:
                    assert lr.version is not None and lr.decision is not None, "rejected: a version and its decision"
                    waiting.append(Waiting(
                        f"a new {name} version (v{lr.version.seq} rejected by "
                        f"{lr.decision.reviewer}: {lr.decision.comment})",
                        lr.decision.at, writers, self._holders(writers)))
        elif post.state is PostState.IN_APPROVAL:
            waiting.extend(Waiting(f"approval step {s.step.name}", s.actionable_since or since,
                                   (s.step.role,), s.who_can_act) for s in approval.actionable)
        elif post.state in (PostState.APPROVED, PostState.HALF_PUBLISHED):
            what = "publication" if post.state is PostState.APPROVED else "the missing language"
            waiting.append(Waiting(what, since, (Role.PUBLISHER.value,),
                                   self._holders((Role.PUBLISHER.value,))))
        elif post.state in (PostState.SCHEDULED, PostState.PUBLISHING):
            what = "the scheduled time" if post.state is PostState.SCHEDULED else "the networks"
            waiting.append(Waiting(what, since, (), ()))
        return Progress(post, since, tuple(waiting), review, approval)

    def _holders(self, roles: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({u for r in roles for u in self.roles.holders(r)}))
