"""Preflight: what a publish would send, and every reason it would not.

`Planner.plan` checks both official versions (unaltered, signed off, the
approval chain passed on exactly those versions), the targets (both languages
on every channel), each target account's sign-in and each text's length on
its network; it builds the posts in sending order (English then French for a
pair; a bilingual account in its own order, or one combined post when
``combine_when_fits`` and the combination fits). Nothing is recorded here.
"""

from __future__ import annotations

from desktop.core.approvals import ApprovalService
from desktop.core.errors import NotFound
from desktop.core.messages import Message, message_of
from desktop.core.model import LANG_NAMES, Lang, PostState, Version, sha256_text
from desktop.core.review import ReviewService
from desktop.core.workflow import describe_state

from .accounts import CHANNEL_NAMES, AccountLang, AccountService, PublishingAccount
from .channel import Channel, ChannelError
from .credentials import CredentialError
from .factory import Clients, Handoff, handoff_text
from .outbox import EntryState, Publication
from .reports import Plan, PlannedPost
from .store import PublishingStore
from .thread_channel import count_parts, language_media, media_problems

#: Between the two languages of one combined post.
COMBINED_SEPARATOR = "\n\n"

NetworkError = (ChannelError, CredentialError)


class Planner:
    """Builds the `Plan` of a post (and the preflight of a retry) from the store."""

    def __init__(self, store: PublishingStore, review: ReviewService, approvals: ApprovalService,
                 accounts: AccountService) -> None:
        self.store = store
        self.review = review
        self.approvals = approvals
        self.accounts = accounts

    def plan(self, post_id: int, clients: Clients) -> Plan:
        post = self.store.get_post(post_id)
        problems: list[str] = []
        if post.state not in (PostState.APPROVED, PostState.SCHEDULED):
            problems.append(Message("preflight.state", f"post {post_id} is "
                                    f"{describe_state(post.state)}: only approved posts are "
                                    "published", post=post_id, state=post.state.value))
        en, fr, version_problems = self.official_pair(post_id)
        problems += version_problems
        targets = self.accounts.targets(post_id)
        problems += targets.problems
        problems += [Message("preflight.account_removed", f"the target account {a.name} was "
                             "removed: choose the targets again", account=a.name)
                     for a in targets.accounts if a.removed_at]
        posts: list[PlannedPost] = []
        signed_in: dict[str, str] = {}
        if en is not None and fr is not None:
            for account in sending_order(targets.accounts):
                label = f"{account.name} ({CHANNEL_NAMES[account.channel]})"
                try:
                    client = clients.get(account)
                    signed_in[account.name] = client.check_auth().handle
                    planned = self.account_posts(post_id, account, client, en, fr)
                    if not isinstance(client, Handoff):
                        problems += [_about_account(account, label, p)
                                     for item in planned if item.lang != "both"
                                     for p in media_problems(self.store, client,
                                                             en if item.lang == "en" else fr)]
                except NetworkError as exc:
                    problems.append(_about_account(account, label, exc))
                    continue
                for item in planned:
                    if item.count is not None and not item.count.ok:
                        what = f"the {LANG_NAMES[Lang(item.lang)]} text"
                        if item.count.over:
                            problems.append(_about_account(account, label, Message(
                                "preflight.too_long", f"{what} is too long ({item.count.used}/"
                                f"{item.count.limit} {item.count.unit.value})", lang=item.lang,
                                used=item.count.used, limit=item.count.limit,
                                unit=item.count.unit.value)))
                        problems += [_about_account(account, label, Message(
                                         "preflight.count_problem", f"{what}: {p}",
                                         lang=item.lang, problem=message_of(p)))
                                     for p in item.count.problems]
                posts += planned
        return Plan(post_id, tuple(posts), signed_in, tuple(problems))

    def official_pair(self, post_id: int) -> tuple[Version | None, Version | None, list[str]]:
        """Both official versions, if they are intact and approved; else the reasons."""
        problems: list[str] = []
        official: dict[Lang, Version | None] = {}
        for lang in Lang:
            name = LANG_NAMES[lang]
            version = self.review.official(post_id, lang)
            official[lang] = version
            if version is None:
                latest = self.store.latest_version(post_id, lang)
                problems.append(Message(
                    "preflight.no_official", f"the {name} text has no official version"
                    + (f" (v{latest.seq} is not signed off)" if latest else ""),
                    lang=lang.value, seq=latest.seq if latest else None))
            elif sha256_text(version.text) != version.sha256:
                problems.append(Message(
                    "preflight.text_altered", f"the {name} text of v{version.seq} no longer "
                    "matches the sha256 it was signed off with (altered in the database)",
                    lang=lang.value, seq=version.seq))
                official[lang] = None
            elif ((signoff := self.store.signoff_for_version(version.id)) is None
                  or signoff["sha256"] != version.sha256):
                problems.append(Message(
                    "preflight.signoff_unbound",
                    f"the {name} sign-off does not bind v{version.seq}'s sha256",
                    lang=lang.value, seq=version.seq))
                official[lang] = None
        en, fr = official[Lang.EN], official[Lang.FR]
        approval = self.approvals.status(post_id)
        if not approval.passed:
            steps = [s.step.name for s in approval.actionable]
            waiting = ", ".join(steps)
            problems.append(Message("preflight.chain_incomplete",
                                    "the approval chain is not complete"
                                    + (f" (waiting for {waiting})" if waiting else ""),
                                    waiting=steps))
        elif en is not None and fr is not None:
            round_row = self.store.latest_round(post_id)
            if round_row is None or (round_row["en_version_id"],
                                     round_row["fr_version_id"]) != (en.id, fr.id):
                problems.append(Message("preflight.approvals_other_versions", "the approvals "
                                        "were given on other versions than the official ones"))
            for given in approval.history:
                if given.round_id == approval.round_id and (
                        given.voided or (given.en_sha256, given.fr_sha256) != (en.sha256, fr.sha256)):
                    problems.append(Message(
                        "preflight.approval_unbound", f"{given.approver}'s approval at step "
                        f"{given.step_id} does not bind the official texts' sha256",
                        approver=given.approver, step=given.step_id))
        return (en, fr, problems) if not problems else (None, None, problems)

    def account_posts(self, post_id: int, account: PublishingAccount, client: Channel | Handoff,
                       en: Version, fr: Version) -> list[PlannedPost]:
        """What one account gets: one post per language, or one combined or hand-off post."""
        if isinstance(client, Handoff):
            return [PlannedPost(account, "both", ("en", "fr"), self.handoff_document(post_id, en, fr),
                                en, fr, None)]
        texts = {Lang.EN: en.text, Lang.FR: fr.text}
        if account.lang is not AccountLang.BOTH:
            lang = Lang(account.lang.value)
            return [PlannedPost(account, lang.value, (lang.value,), texts[lang], en, fr,
                                count_parts(client, texts[lang]))]
        order = account.langs
        simple = all(len(language_media(self.store, post_id, v.lang.value, v.id)[0]) == 1
                     and not language_media(self.store, post_id, v.lang.value, v.id)[1]
                     for v in (en, fr))
        if account.combine_when_fits and simple:  # threads and images never combine
            combined = combine(texts[order[0]], texts[order[1]])
            count = client.count(combined)
            if count.ok:
                return [PlannedPost(account, "both", tuple(l.value for l in order), combined,
                                    en, fr, count)]
        return [PlannedPost(account, lang.value, (lang.value,), texts[lang], en, fr,
                            count_parts(client, texts[lang])) for lang in order]

    def handoff_document(self, post_id: int, en: Version, fr: Version) -> str:
        """The hand-off document: both texts with their sign-offs and approvals."""
        signoffs: dict = {}
        for version in (en, fr):
            row = self.store.signoff_for_version(version.id)
            if row is None:  # preflight refuses a version without its sign-off
                raise NotFound(f"the {LANG_NAMES[version.lang]} sign-off of v{version.seq} is gone",
                               msg="preflight.signoff_unbound", lang=version.lang.value,
                               seq=version.seq)
            signoffs[version.lang.value] = {"version_id": version.id, "sha256": version.sha256,
                                            "signed_off_by": row["reviewer"],
                                            "signed_off_at": row["at"]}
        approval = self.approvals.status(post_id)
        signoffs["approvals"] = [{"step": a.step_id, "approver": a.approver, "at": a.at}
                                 for a in approval.history
                                 if a.round_id == approval.round_id and not a.voided]
        return handoff_text(post_id, {Lang.EN: en.text, Lang.FR: fr.text}, signoffs)

    def retry_problems(self, post_id: int, publication: Publication,
                        clients: Clients) -> list[str]:
        """The preflight of a retry: same official versions, accounts that sign in."""
        en, fr, problems = self.official_pair(post_id)
        for entry in publication.entries:
            if entry.out or entry.state is EntryState.RETRACTED:
                continue
            if en is not None and fr is not None and (
                    entry.en_version_id not in (None, en.id)
                    or entry.fr_version_id not in (None, fr.id)):
                problems.append(Message(
                    "preflight.entry_other_versions", f"the {entry.describe()} was recorded for "
                    "other versions than the official ones", lang=entry.lang,
                    account=entry.account_name))
            account = self.accounts.get_by_id(entry.account_id)
            try:
                clients.get(account).check_auth()
            except NetworkError as exc:
                problems.append(_about_account(
                    account, f"{account.name} ({CHANNEL_NAMES[account.channel]})", exc))
        return list(dict.fromkeys(problems))


def _about_account(account: PublishingAccount, label: str, problem: object) -> Message:
    """``problem`` (an error or a message) as a preflight problem of one target account."""
    cause = message_of(problem)
    return Message("preflight.account_problem", f"{label}: {cause}", account=account.name,
                   channel=account.channel, problem=cause)


def combine(first: str, second: str) -> str:
    """One bilingual post: the first language, a blank line, the second."""
    return f"{first}{COMBINED_SEPARATOR}{second}"


def sending_order(accounts: tuple[PublishingAccount, ...]) -> list[PublishingAccount]:
    """Channel by channel; in each, English accounts, then French, then bilingual ones,
    so the two posts of a pair go out back to back."""
    rank = {AccountLang.EN: 0, AccountLang.FR: 1, AccountLang.BOTH: 2}
    return sorted(accounts, key=lambda a: (a.channel, rank[a.lang], a.name.lower()))
