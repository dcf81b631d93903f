"""Publishing accounts and the accounts each post goes to (its targets).

An account is one identity on one channel (Bluesky, Mastodon, X or a hand-off
webhook), either unilingual (``en`` or ``fr``, used in pairs) or bilingual
(``both``: one account posts both languages, English or French first, in one
post when both fit if ``combine_when_fits``). Its secret is in the OS keyring
(`desktop.publishing.credentials`); the store keeps only the reference.

Accounts listed in the IT policy (``publishing.accounts``) are mirrored into
the store and *locked*: the user cannot remove or redefine them, only give
them their secret. Targets are checked so that every channel gets both
languages (an ``en`` + ``fr`` pair, or a ``both`` account): Tandem never
publishes one language without the other. A post without targets of its own
uses the defaults: the policy's ``publishing.default_targets`` if set, else
the accounts the user marked as defaults.

Who may do what: accounts, their secrets and the default targets need the
publisher or admin role; a post's targets need author, publisher or admin.
Other targets for a post already (partly) approved void its approvals: the
approvers approved it for the accounts it was going to (choosing the first
targets of a post that had none changes no destination anyone approved).
"""

from __future__ import annotations

import builtins  # annotations inside AccountService, whose list() method shadows list
import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from desktop.core.approvals import ApprovalService
from desktop.core.errors import NotFound, PolicyError, TandemError, TransitionError
from desktop.core.messages import Message
from desktop.core.model import Lang, PostState
from desktop.core.names import Role
from desktop.core.policy import Policy
from desktop.core.roles import RoleService
from desktop.core.store_publishing import PublishingRepository

from .credentials import CredentialError, CredentialRef, Credentials, Secret

log = logging.getLogger(__name__)

CHANNELS = ("bluesky", "mastodon", "x", "webhook")
CHANNEL_NAMES = {"bluesky": "Bluesky", "mastodon": "Mastodon", "x": "X", "webhook": "webhook"}
#: Where an account lives when --service is not given (Mastodon and webhooks need one).
DEFAULT_SERVICE = {"bluesky": "https://bsky.social", "x": "https://api.x.com"}
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
#: Once a post is being (or has been) published, its targets are history.
FROZEN_STATES = (PostState.PUBLISHING, PostState.PUBLISHED, PostState.HALF_PUBLISHED)
#: Keys a provisioned account may have in the IT policy (never a secret).
POLICY_ACCOUNT_KEYS = ("name", "channel", "lang", "service", "handle", "order",
                       "combine_when_fits")

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"^(?=.{{1,253}}$)({_LABEL}\.)+[a-z]([a-z0-9-]{{0,61}}[a-z0-9])?$")
_HANDLES = {
    "bluesky": (re.compile(r"^did:(plc|web):[A-Za-z0-9.:%-]{1,2000}$"), _DOMAIN),
    "mastodon": (re.compile(r"^[A-Za-z0-9_.-]{1,64}(@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,})?$"),),
    "x": (re.compile(r"^[A-Za-z0-9_]{1,15}$"),),
    "webhook": (re.compile(r"^[^\s\x00-\x1f\x7f]{1,200}$"),),
}
_HANDLE_HELP = {
    "bluesky": "a domain handle such as canada.bsky.social, or a DID",
    "mastodon": "a user name, optionally with its server: user or user@example.social",
    "x": "1 to 15 letters, digits or underscores",
    "webhook": "a label without spaces (up to 200 characters)",
}


class InvalidAccount(TandemError):
    """An account definition is incomplete, malformed or clashes with another."""


class InvalidTargets(TandemError):
    """Targets that would publish one language without the other (or name no account)."""


class AccountLang(StrEnum):
    EN = "en"
    FR = "fr"
    BOTH = "both"


class LangOrder(StrEnum):
    EN_FIRST = "en-first"
    FR_FIRST = "fr-first"


@dataclass(frozen=True)
class PublishingAccount:
    """A configured account on a channel; ``secret_ref`` points into the keyring."""

    id: int
    name: str
    channel: str
    lang: AccountLang
    service_url: str
    handle: str
    order: LangOrder | None  # bilingual accounts only
    combine_when_fits: bool
    secret_ref: CredentialRef
    locked: bool  # provisioned by the IT policy
    is_default: bool  # one of the user's default targets
    created_by: str
    created_at: str
    updated_at: str
    removed_at: str | None = None

    @property
    def langs(self) -> tuple[Lang, ...]:
        """The languages this account posts, in posting order."""
        if self.lang is AccountLang.EN:
            return (Lang.EN,)
        if self.lang is AccountLang.FR:
            return (Lang.FR,)
        return (Lang.EN, Lang.FR) if self.order is LangOrder.EN_FIRST else (Lang.FR, Lang.EN)

    def describe_lang(self) -> str:
        if self.lang is AccountLang.BOTH:
            assert self.order is not None, "a bilingual account has an order (account_fields)"
            combined = ", combined when it fits" if self.combine_when_fits else ""
            return f"bilingual ({self.order.value}{combined})"
        return "English" if self.lang is AccountLang.EN else "French"

    def as_dict(self) -> dict:
        """JSON-ready description (the secret reference, never the secret)."""
        return {"id": self.id, "name": self.name, "channel": self.channel, "lang": self.lang.value,
                "service": self.service_url, "handle": self.handle,
                "order": self.order.value if self.order else None,
                "combine_when_fits": self.combine_when_fits,
                "secret_ref": {"service": self.secret_ref.service, "key": self.secret_ref.key},
                "locked": self.locked, "source": "policy" if self.locked else "user",
                "default": self.is_default, "created_by": self.created_by,
                "created_at": self.created_at, "updated_at": self.updated_at,
                "removed_at": self.removed_at}


@dataclass(frozen=True)
class Targets:
    """The accounts a post goes to and where that choice came from.

    ``source`` is "post" (chosen for this post), "policy" (the IT policy's
    default targets), "defaults" (the user's default accounts) or "none".
    ``problems`` lists why publishing to them would be refused (empty: fine).
    """

    post_id: int
    accounts: tuple[PublishingAccount, ...]
    source: str
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return bool(self.accounts) and not self.problems

    def as_dict(self) -> dict:
        return {"post_id": self.post_id, "source": self.source, "ok": self.ok,
                "accounts": [a.name for a in self.accounts], "problems": list(self.problems)}


def _account(row: dict) -> PublishingAccount:
    return PublishingAccount(
        id=row["id"], name=row["name"], channel=row["channel"], lang=AccountLang(row["lang"]),
        service_url=row["service_url"], handle=row["handle"],
        order=LangOrder(row["lang_order"]) if row["lang_order"] else None,
        combine_when_fits=bool(row["combine_when_fits"]),
        secret_ref=CredentialRef(row["secret_service"], row["secret_key"]),
        locked=row["source"] == "policy", is_default=bool(row["is_default"]),
        created_by=row["created_by"], created_at=row["created_at"],
        updated_at=row["updated_at"], removed_at=row["removed_at"])


# -- validation -----------------------------------------------------------------
def check_channel(channel: str) -> str:
    value = str(channel).strip().lower()
    if value not in CHANNELS:
        raise InvalidAccount(f"Unknown channel {str(channel)[:40]!r}: choose one of "
                             f"{', '.join(CHANNELS)}.", msg="accounts.unknown_channel",
                             channel=str(channel)[:40], choices=list(CHANNELS))
    return value


def check_name(name: str) -> str:
    value = str(name).strip()
    if not _NAME.match(value):
        raise InvalidAccount(
            "An account name is 1 to 64 letters, digits, dots, dashes or underscores, "
            "starting with a letter or digit (for example gc-bluesky-en).",
            msg="accounts.bad_name")
    return value


def check_service_url(url: str) -> str:
    """An https:// URL (http:// only for localhost/127.0.0.1/[::1], for tests), normalised.

    Refuses a user name or password in the URL, so a credential never lands in
    the database through it (the message does not repeat such a URL).
    """
    value = str(url).strip()
    if any(ord(c) < 33 or ord(c) == 127 for c in value):
        raise InvalidAccount("The service URL contains spaces or control characters.",
                             msg="accounts.url_spaces")
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise InvalidAccount("The service URL is malformed (check the host and port).",
                             msg="accounts.url_malformed") from None
    if "@" in parts.netloc:
        raise InvalidAccount("The service URL must not contain a user name or password: "
                             "secrets are asked for separately and kept in the OS keyring.",
                             msg="accounts.url_credentials")
    scheme = parts.scheme.lower()
    if not host or not (scheme == "https" or (scheme == "http" and host in LOCAL_HOSTS)):
        raise InvalidAccount(f"The service URL {value[:200]!r} must start with https:// and name "
                             "a host (http:// is accepted only for localhost or 127.0.0.1, in tests).",
                             msg="accounts.url_scheme", url=value[:200])
    if parts.fragment:
        raise InvalidAccount("The service URL must not have a #fragment.",
                             msg="accounts.url_fragment")
    path = "" if parts.path == "/" else parts.path
    netloc = parts.netloc.lower()
    return f"{scheme}://{netloc}{path}" + (f"?{parts.query}" if parts.query else "")


def check_handle(channel: str, handle: str | None, name: str) -> str:
    if channel == "webhook" and not handle:
        return name
    value = str(handle or "").strip()
    if channel != "webhook":
        value = value.removeprefix("@")
    if channel == "bluesky" and not value.startswith("did:"):
        value = value.lower()
    if not value:
        raise InvalidAccount(f"A {CHANNEL_NAMES[channel]} account needs a handle: "
                             f"{_HANDLE_HELP[channel]}.", msg="accounts.needs_handle",
                             channel=channel)
    if not any(p.match(value) for p in _HANDLES[channel]):
        raise InvalidAccount(f"{value[:80]!r} is not a {CHANNEL_NAMES[channel]} handle: expected "
                             f"{_HANDLE_HELP[channel]}.", msg="accounts.bad_handle",
                             channel=channel, handle=value[:80])
    return value


def account_fields(channel: str, name: str, lang: str, service_url: str | None,
                   handle: str | None, order: str | None, combine_when_fits: bool) -> dict:
    """The validated, normalised definition of an account (store column names)."""
    channel = check_channel(channel)
    name = check_name(name)
    try:
        account_lang = AccountLang(str(lang).strip().lower())
    except ValueError:
        raise InvalidAccount(f"Unknown language {str(lang)[:20]!r}: use en, fr or both.",
                             msg="accounts.unknown_lang", lang_given=str(lang)[:20]) from None
    if account_lang is AccountLang.BOTH:
        try:
            lang_order = LangOrder(order or LangOrder.EN_FIRST).value
        except ValueError:
            raise InvalidAccount(f"Unknown order {str(order)[:20]!r}: "
                                 "use en-first or fr-first.", msg="accounts.unknown_order",
                                 order=str(order)[:20]) from None
    else:
        if order or combine_when_fits:
            raise InvalidAccount("The language order and combining apply only to bilingual "
                                 "accounts.", msg="accounts.bilingual_only")
        lang_order = None
    if not service_url:
        if channel not in DEFAULT_SERVICE:
            raise InvalidAccount(f"A {CHANNEL_NAMES[channel]} account needs its service "
                                 f"address (its https:// URL).", msg="accounts.needs_service",
                                 channel=channel)
        service_url = DEFAULT_SERVICE[channel]
    return {"name": name, "channel": channel, "lang": account_lang.value,
            "service_url": check_service_url(service_url),
            "handle": check_handle(channel, handle, name), "lang_order": lang_order,
            "combine_when_fits": int(bool(combine_when_fits))}


def coverage_problems(accounts: Iterable[PublishingAccount]) -> list[Message]:
    """Why these targets would publish one language without the other (empty: they would not).

    Per channel, unilingual accounts must come in English/French pairs;
    bilingual accounts carry both languages by themselves.
    """
    by_channel: dict[str, list[PublishingAccount]] = defaultdict(list)
    for account in accounts:
        by_channel[account.channel].append(account)
    problems = []
    for channel, members in sorted(by_channel.items()):
        en = [a.name for a in members if a.lang is AccountLang.EN]
        fr = [a.name for a in members if a.lang is AccountLang.FR]
        if len(en) == len(fr):
            continue
        label = CHANNEL_NAMES[channel]
        lone, lone_lang, missing = ((en, "English", "French") if len(en) > len(fr)
                                    else (fr, "French", "English"))
        problems.append(Message(
            "accounts.one_language",
            f"on {label}, {', '.join(lone)} {'posts' if len(lone) == 1 else 'post'} {lone_lang} "
            f"only and {'no' if not (en and fr) else 'not enough'} {missing} {label} accounts are "
            f"targeted: add a {missing} {label} account (or use one bilingual account instead)",
            channel=channel, accounts=lone, lang="en" if lone is en else "fr"))
    return problems


class AccountService:
    """Adds, lists and removes accounts (secrets to the keyring) and sets post targets."""

    #: Roles that manage accounts, their secrets and the default targets.
    MANAGERS = (Role.PUBLISHER, Role.ADMIN)
    #: Roles that choose the accounts one post goes to.
    TARGETERS = (Role.AUTHOR, Role.PUBLISHER, Role.ADMIN)

    def __init__(self, repo: PublishingRepository, policy: Policy, user: str,
                 credentials: Credentials | None = None, *, roles: RoleService | None = None,
                 approvals: ApprovalService | None = None):
        """``roles`` checks who may change accounts and targets (`desktop.app.publishing`
        always gives it; without it — tests of the mechanics, read-only listings — there
        are no role checks); ``approvals`` renews a post's approvals when its targets change."""
        self.repo = repo
        self.policy = policy
        self.user = user
        self.credentials = credentials if credentials is not None else Credentials()
        self.roles = roles
        self.approvals = approvals

    def _require(self, any_of: tuple[str, ...], action: str, what: str,
                 post_id: int | None = None) -> None:
        if self.roles is not None:
            self.roles.require(any_of, action, what, post_id)

    # -- accounts ---------------------------------------------------------------
    def add(self, channel: str, name: str, lang: str, secret: Secret, *,
            service_url: str | None = None, handle: str | None = None, order: str | None = None,
            combine_when_fits: bool = False) -> PublishingAccount:
        """Create an account and file its secret in the keyring (both or neither)."""
        if not isinstance(secret, Secret):
            raise TypeError("add() takes the secret as a Secret")
        fields = self.check_new(channel, name, lang, service_url=service_url, handle=handle,
                                order=order, combine_when_fits=combine_when_fits)
        ref = self.credentials.ref(fields["channel"], fields["name"])
        stored = False
        try:
            with self.repo.transaction():
                row = self.repo.add_account({**fields, "secret_service": ref.service,
                                             "secret_key": ref.key, "source": "user",
                                             "created_by": self.user})
                account = _account(row)
                self.repo.append_audit(self.user, "account.add", None, self._audit(account))
                self.credentials.store(ref, secret)
                stored = True
        except BaseException:
            if stored:  # the database refused after the keyring accepted: undo the keyring
                self.credentials.delete(ref)
            raise
        log.info("Added %s account %s (%s).", account.channel, account.name, account.lang.value)
        return account

    def check_new(self, channel: str, name: str, lang: str, *, service_url: str | None = None,
                  handle: str | None = None, order: str | None = None,
                  combine_when_fits: bool = False) -> dict:
        """Validate a new account before its secret is asked for; returns its normalised fields.

        Raises for a bad definition, a name in use, or a keyring that is not a
        secure OS keyring (so nobody types a secret that cannot be stored).
        """
        self._require(self.MANAGERS, "accounts.add", f"add the account {str(name)[:64]!r}")
        fields = account_fields(channel, name, lang, service_url, handle, order, combine_when_fits)
        self.sync_policy()
        existing = self.repo.find_account(fields["name"])
        if existing is not None:
            what = ("provisioned by the IT policy" if existing["source"] == "policy"
                    else f"{existing['channel']}, {existing['lang']}")
            raise InvalidAccount(f"An account named {existing['name']!r} already exists ({what}): "
                                 "choose another name, or remove that one first.",
                                 msg="accounts.exists", account=existing["name"])
        self.credentials.require_secure()
        return fields

    def set_secret(self, name: str, secret: Secret) -> PublishingAccount:
        """Store or replace an account's secret (also for policy-provisioned accounts)."""
        if not isinstance(secret, Secret):
            raise TypeError("set_secret() takes the secret as a Secret")
        account = self.get(name)
        self._require(self.MANAGERS, "accounts.secret", f"set the secret of {account.name!r}")
        replaced = self.credentials.has(account.secret_ref)
        with self.repo.transaction():
            self.repo.append_audit(self.user, "account.secret", None,
                                   {"name": account.name, "secret_ref": str(account.secret_ref),
                                    "replaced": replaced})
            self.credentials.store(account.secret_ref, secret)
        return account

    def remove(self, name: str) -> PublishingAccount:
        """Retire an account and delete its keyring entry; policy accounts are locked."""
        account = self.get(name)
        self._require(self.MANAGERS, "accounts.remove", f"remove the account {account.name!r}")
        if account.locked:
            raise PolicyError(f"The account {account.name!r} is provisioned by the IT policy "
                              f"(publishing.accounts in {self.policy.source}) and cannot be removed.",
                              msg="accounts.policy_account", account=account.name)
        pending = [r["id"] for r in self.repo.posts_targeting(account.id)
                   if PostState(r["state"]) is not PostState.PUBLISHED]
        if pending:
            raise InvalidAccount(
                f"The account {account.name!r} is a target of post(s) "
                f"{', '.join(map(str, pending))}: change their targets first.",
                msg="accounts.targeted", account=account.name, posts=pending)
        if account.name.lower() in {n.lower() for n in self._policy_default_names()}:
            raise PolicyError(f"The account {account.name!r} is one of the IT policy's default "
                              f"targets (publishing.default_targets in {self.policy.source}).",
                              msg="accounts.policy_default", account=account.name)
        if account.is_default:
            raise InvalidAccount(f"The account {account.name!r} is one of your default targets: "
                                 "change them first.", msg="accounts.is_default",
                                 account=account.name)
        with self.repo.transaction():
            self.repo.mark_account_removed(account.id)
            self.repo.append_audit(self.user, "account.remove", None,
                                   {"name": account.name, "channel": account.channel,
                                    "secret_ref": str(account.secret_ref)})
            self.credentials.delete(account.secret_ref)
        return account

    def get(self, name: str) -> PublishingAccount:
        self.sync_policy()
        row = self.repo.find_account(str(name).strip())
        if row is None:
            known = ", ".join(a.name for a in self.list()) or "none yet"
            raise NotFound(f"There is no account {str(name)[:64]!r} (accounts: {known}).",
                           msg="accounts.unknown", account=str(name)[:64])
        return _account(row)

    def get_by_id(self, account_id: int) -> PublishingAccount:
        """Any account, removed ones included (for the outbox's history)."""
        return _account(self.repo.get_account(account_id))

    def list(self) -> builtins.list[PublishingAccount]:
        self.sync_policy()
        return [_account(r) for r in self.repo.list_accounts()]

    def secret_state(self, account: PublishingAccount) -> str:
        """"present", "missing", or "unknown" when the keyring cannot be asked."""
        try:
            return "present" if self.credentials.has(account.secret_ref) else "missing"
        except CredentialError:
            return "unknown"

    # -- IT policy ---------------------------------------------------------------
    def sync_policy(self) -> None:
        """Mirror ``publishing.accounts`` into the store (writes only what changed).

        New policy accounts are added locked; changed ones are updated; an
        account the policy no longer lists becomes an ordinary user account.
        """
        wanted = self._policy_accounts()
        rows = {r["name"].lower(): r for r in self.repo.list_accounts()}
        changes: builtins.list[tuple[str, dict | None, dict]] = []
        for key, fields in wanted.items():
            row = rows.get(key)
            if row is None or row["channel"] != fields["channel"]:
                changes.append(("provision", row, fields))
            elif row["source"] != "policy" or any(row[c] != v for c, v in fields.items()):
                changes.append(("update", row, fields))
        for key, row in rows.items():
            if row["source"] == "policy" and key not in wanted:
                changes.append(("release", row, {}))
        if not changes:
            return
        with self.repo.transaction():
            for kind, row, fields in changes:
                self._apply_policy_change(kind, row, fields)

    def _apply_policy_change(self, kind: str, row: dict | None, fields: dict) -> None:
        source = str(self.policy.source)
        if kind == "release":
            assert row is not None, "a released account has its row"
            self.repo.update_account(row["id"], {"source": "user"})
            self.repo.append_audit("policy", "account.release", None,
                                   {"name": row["name"], "policy": source})
            return
        if kind == "update":
            assert row is not None, "an updated account has its row"
            self.repo.update_account(row["id"], {**fields, "source": "policy"})
            self.repo.append_audit("policy", "account.provision", None,
                                   {**fields, "policy": source, "updated": True})
            return
        if row is not None:  # same name on another channel: retire the old account
            self.repo.mark_account_removed(row["id"])
            self.credentials.delete(CredentialRef(row["secret_service"], row["secret_key"]))
            self.repo.append_audit("policy", "account.remove", None,
                                   {"name": row["name"], "channel": row["channel"],
                                    "secret_ref": f"{row['secret_service']} / {row['secret_key']}",
                                    "policy": source})
        ref = self.credentials.ref(fields["channel"], fields["name"])
        self.repo.add_account({**fields, "secret_service": ref.service, "secret_key": ref.key,
                               "source": "policy", "created_by": "policy"})
        self.repo.append_audit("policy", "account.provision", None,
                               {**fields, "secret_ref": str(ref), "policy": source})

    def _policy_accounts(self) -> dict[str, dict]:
        tables = self.policy.get("publishing.accounts") or []
        wanted: dict[str, dict] = {}
        for index, table in enumerate(tables):
            where = f"publishing.accounts[{index}] in {self.policy.source}"
            unknown = sorted(set(table) - set(POLICY_ACCOUNT_KEYS))
            if unknown:
                secretish = [k for k in unknown
                             if any(w in k.lower() for w in ("secret", "password", "token", "key"))]
                if secretish:
                    raise PolicyError(f"{where} has {secretish[0]!r}: secrets never go in the IT "
                                      "policy; each user keeps them in their OS keyring.",
                                      msg="policy.account_secret", key=secretish[0],
                                      source=str(self.policy.source))
                raise PolicyError(f"{where} has unknown key {unknown[0]!r}; allowed: "
                                  f"{', '.join(POLICY_ACCOUNT_KEYS)}.")
            try:
                fields = account_fields(table.get("channel", ""), table.get("name", ""),
                                        table.get("lang", ""), table.get("service"),
                                        table.get("handle"), table.get("order"),
                                        bool(table.get("combine_when_fits", False)))
            except InvalidAccount as exc:
                raise PolicyError(f"{where}: {exc}") from None
            key = fields["name"].lower()
            if key in wanted:
                raise PolicyError(f"{where}: the account name {fields['name']!r} is used twice.")
            wanted[key] = fields
        return wanted

    def _policy_default_names(self) -> builtins.list[str]:
        return list(self.policy.get("publishing.default_targets") or [])

    # -- targets -------------------------------------------------------------------
    def set_targets(self, post_id: int, names: Iterable[str]) -> Targets:
        """Choose the accounts a post goes to; refused unless every channel gets both languages.

        An empty list clears the choice, so the post goes back to the defaults.
        """
        post = self.repo.get_post(post_id)
        self._require(self.TARGETERS, "post.targets", f"choose the targets of post {post_id}",
                      post_id)
        if post.state in FROZEN_STATES:
            raise TransitionError(f"Post {post_id} is {post.state.value.replace('_', ' ')}: "
                                  "its targets can no longer change.", msg="accounts.frozen",
                                  post=post_id, state=post.state.value)
        accounts = self._resolve(names)
        problems = coverage_problems(accounts)
        if problems:
            raise InvalidTargets(f"Targets refused for post {post_id} — Tandem never publishes "
                                 f"one language without the other: {'; '.join(problems)}.",
                                 msg="accounts.targets_refused", post=post_id, problems=problems)
        before = [a.id for a in self.targets(post_id).accounts]
        with self.repo.transaction():
            self.repo.set_post_targets(post_id, [a.id for a in accounts])
            self.repo.append_audit(self.user, "post.targets", post_id,
                                   {"accounts": [a.name for a in accounts],
                                    "account_ids": [a.id for a in accounts]})
            after = [a.id for a in self.targets(post_id).accounts]
            if self.approvals is not None and before and sorted(after) != sorted(before):
                self.approvals.renew_round(post_id, "targets changed",
                                           {"accounts": [a.name for a in accounts]})
        return self.targets(post_id)

    def targets(self, post_id: int) -> Targets:
        """The post's own targets, else the defaults, with any reason they would be refused."""
        self.repo.get_post(post_id)
        self.sync_policy()
        own = tuple(_account(r) for r in self.repo.post_targets(post_id))
        if own:
            return Targets(post_id, own, "post", tuple(coverage_problems(own)))
        accounts, source, problems = self._defaults()
        if not accounts and not problems:
            problems = [Message("accounts.no_targets", f"post {post_id} has no targets and "
                                "there are no default targets", post=post_id)]
        else:
            problems += coverage_problems(accounts)
        return Targets(post_id, accounts, source, tuple(problems))

    def resolve_targets(self, post_id: int) -> tuple[PublishingAccount, ...]:
        """The accounts to publish a post to, or `InvalidTargets` saying why not (for publishing)."""
        targets = self.targets(post_id)
        if not targets.ok:
            raise InvalidTargets(f"Post {post_id} cannot be published to its targets: "
                                 f"{'; '.join(targets.problems)}.", msg="accounts.unpublishable",
                                 post=post_id, problems=list(targets.problems))
        removed = [a.name for a in targets.accounts if a.removed_at]
        if removed:
            raise InvalidTargets(f"Post {post_id} targets removed account(s) {', '.join(removed)}: "
                                 f"choose its targets again.", msg="accounts.targets_removed",
                                 post=post_id, accounts=removed)
        return targets.accounts

    def default_targets(self) -> Targets:
        """The defaults a post without targets uses (post_id 0)."""
        self.sync_policy()
        accounts, source, problems = self._defaults()
        return Targets(0, accounts, source, tuple(problems + coverage_problems(accounts)))

    def set_default_targets(self, names: Iterable[str]) -> Targets:
        """The user's default targets (refused when the IT policy sets them)."""
        self._require(self.MANAGERS, "accounts.defaults", "change the default targets")
        self.policy.require_unlocked("publishing.default_targets", "Changing the default targets")
        accounts = self._resolve(names)
        problems = coverage_problems(accounts)
        if problems:
            raise InvalidTargets("Default targets refused — Tandem never publishes one language "
                                 f"without the other: {'; '.join(problems)}.",
                                 msg="accounts.defaults_refused", problems=problems)
        before = sorted(a.id for a in self.default_targets().accounts)
        with self.repo.transaction():
            self.repo.set_default_accounts([a.id for a in accounts])
            self.repo.append_audit(self.user, "accounts.defaults", None,
                                   {"accounts": [a.name for a in accounts]})
            if self.approvals is not None and before and sorted(a.id for a in accounts) != before:
                # Posts going to the defaults now go elsewhere than their approvers saw.
                for state in (PostState.IN_APPROVAL, PostState.APPROVED, PostState.SCHEDULED):
                    for post_id in self.repo.post_ids_in_state(state):
                        if not self.repo.post_targets(post_id):
                            self.approvals.renew_round(post_id, "default targets changed",
                                                       {"accounts": [a.name for a in accounts]})
        return self.default_targets()

    def _defaults(self) -> tuple[tuple[PublishingAccount, ...], str, builtins.list[Message]]:
        if self.policy.is_locked("publishing.default_targets"):
            found, problems = [], []
            for name in self._policy_default_names():
                row = self.repo.find_account(name)
                if row is None:
                    problems.append(Message("accounts.policy_default_unknown",
                                            f"the IT policy's default targets name {name!r}, "
                                            "which is not an account", account=name))
                else:
                    found.append(_account(row))
            return tuple(found), "policy", problems
        mine = tuple(a for a in (_account(r) for r in self.repo.list_accounts()) if a.is_default)
        return mine, ("defaults" if mine else "none"), []

    def _resolve(self, names: Iterable[str]) -> builtins.list[PublishingAccount]:
        accounts: dict[int, PublishingAccount] = {}
        for name in names:
            account = self.get(name)
            accounts.setdefault(account.id, account)
        return list(accounts.values())

    @staticmethod
    def _audit(account: PublishingAccount) -> dict:
        return {"name": account.name, "channel": account.channel, "lang": account.lang.value,
                "service": account.service_url, "handle": account.handle,
                "order": account.order.value if account.order else None,
                "combine_when_fits": account.combine_when_fits,
                "secret_ref": str(account.secret_ref)}
