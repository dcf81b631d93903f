"""A store with a desk of people and approved posts, for the publish tests, the crash
driver and bench/publish.py.

alice opens the store first (admin, author) and is granted publisher; bob
(translator) signs off both languages; carol (approver of the default chain's
single step) approves. Everything goes through the real services.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.model import Lang, PostState
from desktop.core.policy import Policy
from desktop.app.publishing import account_service
from desktop.app.session import Session, open_session
from desktop.publishing.accounts import PublishingAccount
from desktop.publishing.credentials import Secret

PUBLISHER = "alice"


def session_as(db: Path, user: str, policy: Policy | None = None) -> Session:
    """A session of ``user`` on the store at ``db`` (as a Tandem window of theirs would open)."""
    previous = os.environ.get("TANDEM_USER")
    os.environ["TANDEM_USER"] = user
    try:
        return open_session(db, policy=policy if policy is not None else Policy())
    finally:
        if previous is None:
            os.environ.pop("TANDEM_USER", None)
        else:
            os.environ["TANDEM_USER"] = previous


class PublishDesk:
    """alice, bob and carol at one store; `approved` makes posts ready to publish."""

    def __init__(self, db: Path):
        self.db = db
        self.alice = session_as(db, PUBLISHER)
        for user, role in (("bob", "translator"), ("carol", "approver:approval"),
                           (PUBLISHER, "publisher")):
            self.alice.roles.grant(user, role)
        self.bob = session_as(db, "bob")
        self.carol = session_as(db, "carol")

    def approved(self, en: str, fr: str, title: str = "") -> int:
        """A new post with both languages signed off and the chain passed."""
        post_id = self.alice.posts.create(en=en, fr=fr, title=title or en[:40]).post.id
        self.signed(post_id)
        self.carol.approvals.approve(post_id)
        return post_id

    def signed(self, post_id: int) -> None:
        """Sign off both languages (the post goes to approval)."""
        for lang in Lang:
            self.bob.review.sign(post_id, lang)

    def account(self, channel: str, name: str, lang: str, secret: str, *, service_url: str,
                handle: str, order: str | None = None,
                combine_when_fits: bool = False) -> PublishingAccount:
        """An account with its secret in the (test) OS keyring."""
        return account_service(self.alice).add(
            channel, name, lang, Secret(secret), service_url=service_url, handle=handle,
            order=order, combine_when_fits=combine_when_fits)

    def targets(self, post_id: int, *names: str) -> None:
        """Choose the post's accounts; new targets void its approvals (issue 10), so carol
        approves a post that was approved again, for them."""
        was = self.alice.store.get_post(post_id).state
        account_service(self.alice).set_targets(post_id, names)
        if was is PostState.APPROVED and self.alice.store.get_post(post_id).state \
                is PostState.IN_APPROVAL:
            self.carol.approvals.approve(post_id)

    def close(self) -> None:
        for session in (self.alice, self.bob, self.carol):
            session.close()
