"""Builds the publishing services from a session: the one place publishing meets `Session`.

`desktop.publishing` receives the services it uses (store, policy, user,
roles, review, approvals, workflow, credentials); the CLI, the window and the
doctor get them from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.publishing.accounts import AccountService
from desktop.publishing.credentials import Credentials
from desktop.publishing.service import PublishService

if TYPE_CHECKING:
    from .session import Session


def account_service(session: Session, credentials: Credentials | None = None) -> AccountService:
    """The session user's accounts and targets (secrets in ``credentials``, the OS keyring)."""
    return AccountService(session.store, session.policy, session.user, credentials,
                          roles=session.roles, approvals=session.approvals)


def publish_service(session: Session, *, credentials: Credentials | None = None,
                    **options: Any) -> PublishService:
    """The publish service acting as the session's user; ``options`` go to
    `PublishService` (``accounts``, ``channels``, ``retry``, ``clock``…)."""
    accounts = options.pop("accounts", None) or account_service(session, credentials)
    return PublishService(session.store, session.user, roles=session.roles,
                          review=session.review, approvals=session.approvals,
                          workflow=session.workflow, accounts=accounts, **options)
