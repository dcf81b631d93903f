"""Issue 10 finding 3: accounts, secrets and targets need a role; new targets void approvals.

On the main of issue 10 any user changed the store-wide default targets,
re-targeted an approved post to his own account with no re-approval, and
overwrote another account's secret in the shared keyring.
"""

from __future__ import annotations

import pytest

from desktop.app.publishing import account_service
from desktop.core.errors import PermissionDenied
from desktop.core.model import Lang
from desktop.publishing.credentials import Secret
from tests.core.review_desk import Desk
from tests.publishing.keyring_env import secret_service  # noqa: F401 (fixture)

pytestmark = pytest.mark.usefixtures("secret_service")


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path, qa=lambda en, fr: [])
    d("alice")  # first: admin and author
    d.grant(bob="translator", carol="approver:approval", pat="publisher", mallory="translator")
    yield d
    d.close()


def add_pair(accounts, prefix: str) -> None:
    for lang in ("en", "fr"):
        accounts.add("bluesky", f"{prefix}-{lang}", lang, Secret(f"secret-{prefix}-{lang}"),
                     handle=f"{prefix}-{lang}.bsky.social")


def approved_post(desk, targets: list[str] | None = None) -> int:
    post_id = desk("alice").posts.create(en="Flu shots are free", fr="Vaccins gratuits").post.id
    if targets:
        account_service(desk("alice")).set_targets(post_id, targets)
    for lang in Lang:
        desk("bob").review.sign(post_id, lang)
    desk("carol").approvals.approve(post_id)
    assert desk.state(post_id) == "approved"
    return post_id


def test_accounts_secrets_and_targets_need_a_role_and_refusals_are_audited(desk):
    pat = account_service(desk("pat"))
    add_pair(pat, "gc")
    pat.set_default_targets(["gc-en", "gc-fr"])
    post_id = desk("alice").posts.create(en="Hello", fr="Bonjour").post.id
    mallory = account_service(desk("mallory"))
    refused = [
        lambda: add_pair(mallory, "mine"),
        lambda: mallory.set_secret("gc-en", Secret("overwritten")),
        lambda: mallory.remove("gc-en"),
        lambda: mallory.set_default_targets(["gc-fr", "gc-en"]),
        lambda: mallory.set_targets(post_id, ["gc-en", "gc-fr"]),
    ]
    for attempt in refused:
        with pytest.raises(PermissionDenied, match="mallory cannot"):
            attempt()
    assert pat.credentials.get(pat.get("gc-en").secret_ref).reveal() == "secret-gc-en"
    denied = [e.action for e in desk("alice").store.audit_entries() if e.actor == "mallory"]
    assert denied == ["denied.accounts.add", "denied.accounts.secret", "denied.accounts.remove",
                      "denied.accounts.defaults", "denied.post.targets"]
    account_service(desk("alice")).set_targets(post_id, ["gc-en", "gc-fr"])  # the author may


def test_new_targets_for_an_approved_post_void_its_approvals(desk):
    pat = account_service(desk("pat"))
    add_pair(pat, "gc")
    add_pair(pat, "other")
    post_id = approved_post(desk, ["gc-en", "gc-fr"])
    pat.set_targets(post_id, ["other-en", "other-fr"])
    assert desk.state(post_id) == "in_approval", "re-targeted: approved again or not at all"
    status = desk("carol").approvals.status(post_id)
    assert not status.passed
    history = desk("carol").approvals.history(post_id)
    assert len(history) == 1 and history[0].voided
    assert "approval.void" in desk.actions(post_id)
    desk("carol").approvals.approve(post_id)
    assert desk.state(post_id) == "approved"
    pat.set_targets(post_id, ["other-fr", "other-en"])  # the same targets: nothing to renew
    assert desk.state(post_id) == "approved"
    first = approved_post(desk)  # no targets yet: choosing the first ones changes no
    pat.set_targets(first, ["gc-en", "gc-fr"])  # destination anyone approved
    assert desk.state(first) == "approved"


def test_new_default_targets_void_the_approvals_of_posts_that_use_them(desk):
    pat = account_service(desk("pat"))
    add_pair(pat, "gc")
    add_pair(pat, "other")
    pat.set_default_targets(["gc-en", "gc-fr"])
    post_id = approved_post(desk)
    pat.set_default_targets(["other-en", "other-fr"])
    assert desk.state(post_id) == "in_approval"
