"""Builds the publishing services from a session: the one place publishing meets `Session`.

`desktop.publishing` receives the services it uses (store, policy, user,
roles, review, approvals, workflow, credentials, and the store's per-post
claim: `PgStore.claim_post` on a team store, none on SQLite); the CLI, the
window, the headless publisher and the doctor get them from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.publishing.accounts import AccountService
from desktop.publishing.claims import no_claim
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
    options.setdefault("claim", getattr(session.store, "claim_post", no_claim))
    return PublishService(session.store, session.user, roles=session.roles,
                          review=session.review, approvals=session.approvals,
                          workflow=session.workflow, accounts=accounts, **options)
