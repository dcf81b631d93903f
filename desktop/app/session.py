"""Opening Tandem: policy, identity, store location and the services, in one place.

The CLI and the UI both start from `open_session()`, so they act on the same
store with the same rules.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from .seed import seed_new_store
from desktop.core import identity, policy as policy_mod
from desktop.core.approvals import ApprovalService
from desktop.core.attachments import AttachmentService
from desktop.core.errors import PolicyError
from desktop.core.lifecycle import LifecycleService
from desktop.core.policy import Policy
from desktop.core.posts import PostService
from desktop.core.records import RecordService
from desktop.core.review import ReviewService
from desktop.core.roles import RoleService
from desktop.core.store import SqliteStore
from desktop.core.workflow import WorkflowService

if TYPE_CHECKING:
    from .suggestions import SuggestionService

ENV_DB = "TANDEM_DB"
APP_NAME = "Tandem"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "tandem.sqlite3"


def resolve_db_path(explicit: str | os.PathLike | None, policy: Policy) -> Path:
    locked = policy.get("database.path")
    requested = explicit or os.environ.get(ENV_DB)
    if locked:
        if requested and Path(requested).expanduser().resolve() != Path(locked).expanduser().resolve():
            raise PolicyError(
                f"The database location is locked by the IT policy ({policy.source}) to {locked}.",
                msg="session.location_locked", source=str(policy.source), path=str(locked)
            )
        return Path(locked).expanduser()
    return Path(requested).expanduser() if requested else default_db_path()


def resolve_team_url(explicit: str | os.PathLike | None, policy: Policy) -> str | None:
    """The team store's postgresql:// URL (policy ``database.url`` → --db → TANDEM_DB), or
    None for a SQLite file. The URL may hold a password: never show it (`connect.redact`)."""
    from desktop.core.pg.connect import is_url, redact

    locked = policy.get("database.url")
    requested = str(explicit) if explicit else os.environ.get(ENV_DB)
    if locked:
        if requested and (not is_url(requested) or redact(requested) != redact(locked)):
            raise PolicyError(f"The team database is locked by the IT policy ({policy.source}) "
                              f"to {redact(locked)}.", msg="session.team_locked",
                              source=str(policy.source), url=redact(locked))
        return locked
    return requested if is_url(requested) and not policy.get("database.path") else None


def open_store(db: str | os.PathLike | None, policy: Policy):
    """The store `db` names: a `PgStore` for a team URL, else the SQLite file."""
    url = resolve_team_url(db, policy)
    if url is None:
        return SqliteStore(resolve_db_path(db, policy))
    from desktop.core.pg.store import PgStore

    return PgStore(url, allow_unverified_tls=bool(policy.get("database.allow_unverified_tls",
                                                             False)))


@dataclass
class Session:
    store: SqliteStore
    policy: Policy
    user: str
    posts: PostService
    roles: RoleService
    workflow: WorkflowService
    approvals: ApprovalService
    review: ReviewService
    records: RecordService

    @cached_property
    def suggestions(self) -> SuggestionService:
        """Suggestions, memory, terms, mappings and QA (loads `translation` on first use)."""
        from .suggestions import SuggestionService

        return SuggestionService(self.store, self.posts, self.roles, self.user)

    @cached_property
    def lifecycle(self) -> LifecycleService:
        """Delete (an unreviewed draft), archive and duplicate posts."""
        return LifecycleService(self.store, self.posts, self.roles, self.user)

    @cached_property
    def attachments(self) -> AttachmentService:
        """Images with alt text (loads Pillow, through desktop.publishing.images, on first use)."""
        from desktop.publishing import images

        keep = bool(self.policy.get("media.keep_metadata", False))
        return AttachmentService(self.store, self.posts, self.user,
                                 lambda data: images.sanitise(data, keep_metadata=keep))

    def close(self) -> None:
        self.store.close()


def _identify(store, policy: Policy) -> str:
    """Who acts on ``store``; refuses a managed store opened without its policy.

    Team mode: the database login is the user (TANDEM_USER and the like have no
    effect) and the server's privileges, not a policy file, guard the store.
    """
    login = getattr(store, "login", None)
    if login:
        return login
    where = str(store.path) if store.path else "This store"
    policy_mod.check_store(policy, store.meta(policy_mod.MANAGED_KEY), where)
    mark = policy_mod.store_mark(policy)
    if mark is not None and not getattr(store, "read_only", False):
        policy_mod.check_store(policy, store.set_meta_once(policy_mod.MANAGED_KEY, mark), where)
    who = identity.current(policy)
    store.audit_identity = who.audit_note
    return who.user


def open_session(db: str | os.PathLike | None = None, policy: Policy | None = None) -> Session:
    policy = policy if policy is not None else policy_mod.load()
    store = open_store(db, policy)
    try:
        user = _identify(store, policy)
    except BaseException:
        store.close()
        raise
    if store.created:
        seed_new_store(store)
    roles = RoleService(store, policy, user)
    workflow = WorkflowService(store, user)
    approvals = ApprovalService(store, policy, user, roles, workflow)
    # Sign-off QA with the store's mappings and termbase (translation/ loads on first sign-off).
    review = ReviewService(store, policy, user, roles, workflow, approvals,
                           qa=lambda en, fr: session.suggestions.pair_qa(en, fr))
    roles.on_change.append(approvals.refresh_open_posts)
    if not getattr(store, "read_only", False):
        roles.bootstrap()
    session = Session(store=store, policy=policy, user=user, posts=PostService(store, user, review),
                      roles=roles, workflow=workflow, approvals=approvals, review=review,
                      records=RecordService(store, review, approvals, workflow,
                                            publications=store))
    return session
