"""Publishing accounts, default targets and one post's targets (storage worker, no Qt).

The rules (coverage of both languages, what the policy locks) are
``desktop.publishing.accounts``'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.policy import LockedSetting
from desktop.app.publishing import account_service
from desktop.publishing.accounts import PublishingAccount, Targets

from . import OpChanges

if TYPE_CHECKING:
    from desktop.app.session import Session
    from desktop.publishing.credentials import Secret

DEFAULT_TARGETS_KEY = "publishing.default_targets"


@dataclass(frozen=True)
class AccountRow:
    account: PublishingAccount
    secret: str  # "present", "missing" or "unknown"


@dataclass(frozen=True)
class AccountsView:
    accounts: tuple[AccountRow, ...]
    defaults: Targets
    defaults_locked: bool
    locked: tuple[LockedSetting, ...]
    policy_source: str


def load_accounts(session: Session) -> AccountsView:
    service = account_service(session)
    rows = tuple(AccountRow(a, service.secret_state(a)) for a in service.list())
    return AccountsView(rows, service.default_targets(),
                        session.policy.is_locked(DEFAULT_TARGETS_KEY),
                        tuple(session.policy.locked()), str(session.policy.source or ""))


def add_account(session: Session, fields: dict, secret: Secret) -> tuple[PublishingAccount,
                                                                           OpChanges]:
    return account_service(session).add(secret=secret, **fields), OpChanges()


def store_secret(session: Session, name: str, secret: Secret) -> tuple[PublishingAccount,
                                                                        OpChanges]:
    return account_service(session).set_secret(name, secret), OpChanges()


def remove_account(session: Session, name: str) -> tuple[PublishingAccount, OpChanges]:
    return account_service(session).remove(name), OpChanges()


def set_default_targets(session: Session, names: list[str]) -> tuple[Targets, OpChanges]:
    return account_service(session).set_default_targets(names), OpChanges()


@dataclass(frozen=True)
class PostTargetsView:
    accounts: tuple[PublishingAccount, ...]
    targets: Targets


def load_post_targets(session: Session, post_id: int) -> PostTargetsView:
    service = account_service(session)
    return PostTargetsView(tuple(service.list()), service.targets(post_id))


def set_post_targets(session: Session, post_id: int, names: list[str]) -> tuple[Targets,
                                                                                  OpChanges]:
    targets = account_service(session).set_targets(post_id, names)
    return targets, OpChanges(frozenset({post_id}))
