"""Account health for `tandem doctor`: is each publishing account reachable and signed in?

Each account is checked with its channel's own `check_auth()` under a short
timeout. Failures are explained with what to do; secrets never appear.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import httpx

from desktop.core.errors import TandemError
from desktop.core.policy import Policy
from desktop.core.store_publishing import PublishingRepository

from .accounts import AccountService
from .bluesky import SessionCache
from .channel import AuthExpired, AuthInvalid, ChannelError, RateLimited, Transient
from .credentials import CredentialError
from .factory import ChannelFactory

OK, WARN, FAIL = "ok", "warn", "fail"


@dataclass(frozen=True)
class AccountHealth:
    account: str
    status: str
    message: str
    fix: str = ""


def _check_one(factory: ChannelFactory, account) -> AccountHealth:
    label = f"{account.channel} account '{account.name}' ({account.handle or account.service_url})"
    try:
        with factory.open(account) as channel:
            remote = channel.check_auth()
    except CredentialError as exc:
        return AccountHealth(account.name, FAIL, f"{label}: {exc}",
                             f"tandem accounts secret {account.name}")
    except (AuthInvalid, AuthExpired) as exc:
        return AccountHealth(account.name, FAIL, f"{label}: sign-in refused ({exc}).",
                             f"Create a new app password or token, then: tandem accounts secret "
                             f"{account.name}")
    except RateLimited as exc:
        return AccountHealth(account.name, WARN, f"{label}: rate limited ({exc}).",
                             "Try again later.")
    except Transient as exc:
        return AccountHealth(account.name, WARN, f"{label}: not reachable ({exc}).",
                             "Check the network connection or the service address.")
    except (ChannelError, TandemError) as exc:
        return AccountHealth(account.name, FAIL, f"{label}: {exc}")
    return AccountHealth(account.name, OK, f"{label}: signed in as {remote.handle or remote.remote_id}.")


class AccountSource(Protocol):
    """Where the accounts are read from (the doctor passes its session)."""

    store: PublishingRepository
    policy: Policy
    user: str


def check_accounts(source: AccountSource, timeout: float = 10.0) -> list[AccountHealth]:
    """One result per active account, in the order they are listed."""
    accounts = AccountService(source.store, source.policy, source.user).list()
    if not accounts:
        return []
    # A fresh session cache for each account: a session still cached from earlier
    # publishing, or opened by another account with the same handle, would hide a
    # stored secret that does not work.
    results = []
    for account in accounts:
        with ChannelFactory(sessions=SessionCache(), timeout=httpx.Timeout(timeout)) as factory:
            results.append(_check_one(factory, account))
    return results
