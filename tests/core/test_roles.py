"""Roles: bootstrap admin, grants and revokes, policy-locked grants, audited refusals."""

from __future__ import annotations

import pytest

from desktop.core import policy as policy_mod
from desktop.core.errors import NotFound, PermissionDenied, PolicyError, TandemError
from desktop.core.model import Lang
from desktop.core.names import Role, validate_role
from desktop.core.roles import describe

from .review_desk import Desk


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path)
    yield d
    d.close()


def test_the_first_user_of_a_new_store_is_its_admin_and_an_author(desk):
    assert desk("alice").roles.roles_of() == {"admin", "author"}
    assert desk("bob").roles.roles_of() == frozenset()  # opening later grants nothing
    assert desk.actions().count("roles.bootstrap") == 1


def test_no_bootstrap_when_the_policy_names_admins(tmp_path):
    desk = Desk(tmp_path, policy_mod.parse('[roles]\nadmins = ["root"]\n'))
    assert desk("alice").roles.roles_of() == frozenset()
    assert desk("root").roles.roles_of() == {"admin"}
    assert "roles.bootstrap" not in desk.actions()
    desk.close()


def test_no_second_bootstrap_once_roles_have_history(tmp_path):
    desk = Desk(tmp_path)
    desk("alice")
    desk.grant(zoe="admin")
    desk("zoe").roles.revoke("alice", "admin")
    desk.close()
    again = Desk(tmp_path)
    assert again("mallory").roles.roles_of() == frozenset()
    again.close()


def test_grant_and_revoke_are_audited(desk):
    roles = desk("alice").roles
    assert roles.grant("bob", "Translator") is True
    assert roles.grant("bob", "translator") is False  # already held: no-op
    assert roles.has("translator", "bob")
    roles.revoke("bob", "translator")
    assert not roles.has("translator", "bob")
    entries = [e for e in desk("alice").store.audit_entries() if e.action.startswith("roles.")]
    # (each entry also names the OS account behind TANDEM_USER: details["identity"])
    assert [(e.action, {k: v for k, v in e.details.items() if k != "identity"})
            for e in entries[1:]] == [
        ("roles.grant", {"user": "bob", "role": "translator"}),
        ("roles.revoke", {"user": "bob", "role": "translator"}),
    ]


def test_non_admin_cannot_grant_and_the_refusal_is_audited(desk):
    desk("alice")
    with pytest.raises(PermissionDenied, match="bob cannot grant translator to bob: that needs "
                                               "the admin role"):
        desk("bob").roles.grant("bob", "translator")
    with pytest.raises(PermissionDenied, match="needs the admin role"):
        desk("bob").roles.revoke("alice", "author")
    denied = [e for e in desk("alice").store.audit_entries() if e.action.startswith("denied.")]
    assert [e.action for e in denied] == ["denied.users.grant", "denied.users.revoke"]
    assert denied[0].actor == "bob" and denied[0].details["needs"] == ["admin"]
    assert "admin role" in denied[0].details["reason"]


@pytest.mark.parametrize("role, expected", [
    ("author", "author"), ("ADMIN", "admin"), (" publisher ", "publisher"),
    ("approver:program", "approver:program"), ("Approver:DG-Comms", "approver:dg-comms"),
])
def test_valid_role_names(role, expected):
    assert validate_role(role) == expected


@pytest.mark.parametrize("role, message", [
    ("approver", "name the approval step"),
    ("approver:", "Unknown role"),
    ("approver:bad id", "Unknown role"),
    ("editor", "Unknown role 'editor'"),
])
def test_invalid_role_names(role, message):
    with pytest.raises(TandemError, match=message):
        validate_role(role)


def test_invalid_user_name_is_refused(desk):
    with pytest.raises(TandemError, match="not a valid user name"):
        desk("alice").roles.grant("bob smith", "author")


def test_revoke_rules(desk):
    roles = desk("alice").roles
    with pytest.raises(NotFound, match="bob does not have the translator role"):
        roles.revoke("bob", "translator")
    with pytest.raises(TandemError, match="last admin"):
        roles.revoke("alice", "admin")
    roles.grant("zoe", "admin")
    roles.revoke("alice", "admin")
    assert roles.holders("admin") == ["zoe"]


def test_policy_grants_are_effective_and_locked(tmp_path):
    policy = policy_mod.parse('[roles.grants]\nbob = ["translator"]\n'
                              'carol = ["approver:program", "publisher"]\n')
    desk = Desk(tmp_path, policy)
    roles = desk("alice").roles
    assert roles.has("translator", "bob")
    assert roles.has(Role.APPROVER, "carol") and not roles.has(Role.APPROVER, "bob")
    assert roles.holders("approver") == ["carol"]
    locked = {(g.user, g.role) for g in roles.grants() if g.locked}
    assert locked == {("bob", "translator"), ("carol", "approver:program"), ("carol", "publisher")}
    with pytest.raises(PolicyError, match="granted by the IT policy"):
        roles.revoke("bob", "translator")
    assert roles.grant("bob", "translator") is False
    desk.close()


def test_policy_admins_lock_the_admin_role(tmp_path):
    desk = Desk(tmp_path, policy_mod.parse('[roles]\nadmins = ["root"]\n'))
    with pytest.raises(PolicyError, match="locked by the IT policy"):
        desk("root").roles.grant("bob", "admin")
    with pytest.raises(PolicyError, match="granted by the IT policy"):
        desk("root").roles.revoke("root", "admin")
    desk.close()


def test_invalid_policy_roles_stop_start_up():
    with pytest.raises(PolicyError, match="roles.grants"):
        policy_mod.parse('[roles.grants]\nbob = ["wizard"]\n')


def test_role_changes_notify_listeners(desk):
    calls = []
    desk("alice").roles.on_change.append(lambda: calls.append(1))
    desk("alice").roles.grant("bob", "author")
    desk("alice").roles.revoke("bob", "author")
    assert calls == [1, 1]


def test_writing_needs_author_or_translator_and_refusals_are_audited(desk):
    desk.grant(tess="translator")
    with pytest.raises(PermissionDenied, match="bob cannot create posts: that needs the author role"):
        desk("bob").posts.create(en="Hello")
    with pytest.raises(PermissionDenied, match="tess cannot create posts"):
        desk("tess").posts.create(en="Hello")
    post = desk("alice").posts.create(en="Hello").post
    with pytest.raises(PermissionDenied, match="one of the roles author, translator"):
        desk("bob").posts.edit(post.id, Lang.FR, "Bonjour")
    assert desk("tess").posts.edit(post.id, Lang.FR, "Bonjour").author == "tess"
    with pytest.raises(PermissionDenied):
        desk("bob").posts.restore(post.id, desk("alice").posts.view(post.id).en.id)
    denied = [e.action for e in desk("alice").store.audit_entries() if e.action.startswith("denied.")]
    assert denied == ["denied.post.create", "denied.post.create", "denied.post.edit",
                      "denied.post.restore"]


def test_describe():
    assert describe(["admin"]) == "the admin role"
    assert describe(["translator", "approver", "translator"]) == \
        "one of the roles translator, approver"
