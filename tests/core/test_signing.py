"""Signed decisions: Ed25519 keys in the real OS keyring, registration, refusals, forgery.

Every person signs with a key in the run's private GNOME Keyring (never a fake
backend); an admin registers the public keys. The forgery tests play an insider
holding the SQLite file who rewrites names in the decision rows and the audit
log and recomputes every hash of the chain.
"""

from __future__ import annotations

import pytest

from desktop.core import signing, signing_keyring
from desktop.core.audit import parse_anchor
from desktop.core.errors import InvalidText, PermissionDenied, TandemError
from desktop.core.model import Lang
from desktop.core.policy import parse

from .review_desk import Desk
from .insider import Insider
from .signing_env import new_key_in_keyring, signing_keys  # noqa: F401 (fixture)

REQUIRE = parse("[audit]\nrequire_signatures = true\n")


def make_desk(tmp_path, policy=None, keys=("bob", "carol", "dg1")) -> Desk:
    desk = Desk(tmp_path, policy, qa=lambda en, fr: [{"check": "numbers", "detail": "5 ≠ 6"}])
    desk("alice")  # first: admin
    desk.grant(bob="translator", carol="approver:approval", dg1="approver:approval",
               dg2="approver:approval")
    for user in keys:
        desk("alice").approvals.signing.register(user, new_key_in_keyring(user))
    return desk


def approved_post(desk: Desk, approver: str = "carol") -> int:
    post = desk("alice").posts.create(en="Flu shots are free on 5 May").post
    desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits le 6 mai")
    desk("bob").review.sign(post.id, Lang.FR, comment="ok")
    desk("bob").review.sign(post.id, Lang.EN)
    desk(approver).approvals.approve(post.id, comment="go")
    assert desk.state(post.id) == "approved"
    return post.id


@pytest.fixture
def desk(tmp_path, signing_keys):
    d = make_desk(tmp_path)
    yield d
    d.close()


def verify(desk: Desk, *anchors: str) -> dict:
    return desk("alice").records.verify(tuple(parse_anchor(a) for a in anchors))


def messages(result: dict) -> str:
    return "\n".join(p["message"] for p in result["problems"] + result["record_problems"])


# -- signing ---------------------------------------------------------------------------
def test_every_sign_off_and_approval_is_signed_and_verifies(desk):
    post_id = approved_post(desk)
    decisions = [e for e in desk("alice").store.audit_entries(post_id)
                 if e.action in signing.DECISION_ACTIONS]
    assert [e.action for e in decisions] == ["review.sign", "review.sign", "approval.give"]
    bob_key = desk("alice").approvals.signing.keys("bob")[0]["key_id"]
    assert decisions[0].details["signature"]["key_id"] == bob_key
    result = verify(desk)
    assert result["ok"], messages(result)
    assert result["signatures"] == {"checked": True, "signed": 3, "unsigned": []}


def test_a_rejection_is_signed_too(desk):
    post = desk("alice").posts.create(en="Hello").post
    desk.machine(post.id, Lang.FR, "Bonjour")
    desk("bob").review.reject(post.id, Lang.FR, "Tone")
    entry = next(e for e in desk("alice").store.audit_entries(post.id)
                 if e.action == "review.reject")
    assert "signature" in entry.details
    assert verify(desk)["signatures"]["signed"] == 1


def test_the_private_key_lives_only_in_the_keyring_not_the_store(desk):
    approved_post(desk)
    private = signing_keyring.load("bob")
    assert private and signing.key_id(signing.public_text(signing.load_private(private))) == \
        desk("alice").approvals.signing.keys("bob")[0]["key_id"]
    dump = b"".join(p.read_bytes() for p in desk.db.parent.glob("desk.sqlite3*"))
    assert private.encode() not in dump


# -- people without a key, and the policy ------------------------------------------------
def test_without_a_registered_key_decisions_are_recorded_unsigned_not_as_tampering(
        tmp_path, signing_keys):
    desk = make_desk(tmp_path, keys=())
    post_id = approved_post(desk)
    result = verify(desk)
    assert result["ok"], messages(result)
    assert result["signatures"]["signed"] == 0
    assert len(result["signatures"]["unsigned"]) == 3
    assert all(f"post {post_id}" in w for w in result["signatures"]["unsigned"])
    desk.close()


def test_the_policy_refuses_decisions_without_a_registered_key(tmp_path, signing_keys):
    desk = make_desk(tmp_path, policy=REQUIRE, keys=("bob",))
    post = desk("alice").posts.create(en="Hi").post
    desk.machine(post.id, Lang.FR, "Salut")
    desk("bob").review.sign(post.id, Lang.FR)
    desk("bob").review.sign(post.id, Lang.EN)
    with pytest.raises(PermissionDenied, match="carol has no registered signing key.*requires"):
        desk("carol").approvals.approve(post.id)
    assert desk.state(post.id) == "in_approval"
    assert "denied.approve" in desk.actions(post.id)
    assert verify(desk)["ok"]
    desk.close()


def test_a_registered_person_without_the_key_in_this_keyring_is_refused(desk):
    desk("alice").approvals.signing.register(
        "dg2", signing.public_text(signing.Ed25519PrivateKey.generate()))  # key kept elsewhere
    post = desk("alice").posts.create(en="Hi").post
    desk.machine(post.id, Lang.FR, "Salut")
    desk("bob").review.sign(post.id, Lang.FR)
    desk("bob").review.sign(post.id, Lang.EN)
    with pytest.raises(PermissionDenied, match="keyring holds no signing key for dg2"):
        desk("dg2").approvals.approve(post.id)
    new_key_in_keyring("dg2")  # a different key than the registered one
    with pytest.raises(PermissionDenied, match="is not the key registered for dg2"):
        desk("dg2").approvals.approve(post.id)
    assert desk.state(post.id) == "in_approval"


def test_only_admins_register_keys_and_registration_is_audited(desk):
    public = signing.public_text(signing.Ed25519PrivateKey.generate())
    with pytest.raises(PermissionDenied, match="admin"):
        desk("bob").approvals.signing.register("bob", public)
    desk("alice").approvals.signing.register("dg2", public)
    entry = desk("alice").store.audit_entries()[-1]
    assert (entry.action, entry.actor, entry.details["holder"], entry.details["public_key"]) == \
        ("keys.register", "alice", "dg2", public)
    with pytest.raises(TandemError, match="already registered to dg2"):
        desk("alice").approvals.signing.register("bob", public)
    with pytest.raises(InvalidText, match="Ed25519"):
        desk("alice").approvals.signing.register("bob", "AAAA")


# -- forgery -------------------------------------------------------------------------
def test_forgery_renaming_an_approver_with_every_hash_recomputed_is_named(desk):
    """The issue's forgery test: rows and log say dg1 approved; the signature says carol."""
    post_id = approved_post(desk)
    insider = Insider(desk.db)
    approval_id = desk("alice").approvals.history(post_id)[0].id
    seq = insider.entry("approval.give", approval_id=approval_id)
    insider.sql("UPDATE approvals SET approver = 'dg1' WHERE id = ?", (approval_id,))
    insider.sql("UPDATE state_changes SET actor = 'dg1' WHERE actor = 'carol'")
    for (other,) in insider.conn.execute("SELECT seq FROM audit WHERE actor = 'carol'").fetchall():
        insider.edit_entry(other, actor="dg1")
    insider.rehash()
    result = verify(desk)
    assert not result["ok"]
    assert not result["problems"]  # the chain itself verifies: every hash was recomputed
    assert f"post {post_id} approval {approval_id} by dg1 (audit entry {seq})" in messages(result)
    assert "registered to carol" in messages(result)


def test_forgery_that_also_strips_the_signature_is_named_when_the_name_has_a_key(desk):
    post_id = approved_post(desk)
    insider = Insider(desk.db)
    approval_id = desk("alice").approvals.history(post_id)[0].id
    seq = insider.entry("approval.give", approval_id=approval_id)
    insider.sql("UPDATE approvals SET approver = 'dg1' WHERE id = ?", (approval_id,))
    insider.edit_entry(seq, actor="dg1", signature=None)
    insider.rehash()
    text = messages(verify(desk))
    assert f"approval {approval_id} by dg1 (audit entry {seq}): unsigned, but dg1 has had a " \
           "registered signing key" in text


def _rename_approver_unsigned(desk: Desk, post_id: int, to: str) -> tuple[int, int]:
    insider = Insider(desk.db)
    approval_id = desk("alice").approvals.history(post_id)[0].id
    seq = insider.entry("approval.give", approval_id=approval_id)
    insider.sql("UPDATE approvals SET approver = ? WHERE id = ?", (to, approval_id))
    insider.edit_entry(seq, actor=to, signature=None)
    insider.rehash()
    return approval_id, seq


def test_forgery_in_the_name_of_someone_without_a_key_under_the_policy(tmp_path, signing_keys):
    desk = make_desk(tmp_path, policy=REQUIRE, keys=("bob", "carol"))
    approval_id, seq = _rename_approver_unsigned(desk, approved_post(desk), "dg2")
    assert f"approval {approval_id} by dg2 (audit entry {seq}): unsigned, and the IT policy " \
           "requires signatures" in messages(verify(desk))
    desk.close()


def test_forgery_in_the_name_of_someone_without_a_key_is_caught_by_an_anchor(
        tmp_path, signing_keys):
    """Without the policy, an unsigned decision by a keyless person is legitimate-looking:
    verify lists it as unsigned, and only an anchor taken before the rewrite catches it."""
    desk = make_desk(tmp_path, keys=("bob", "carol"))
    post_id = approved_post(desk)
    head = verify(desk)["head"]
    approval_id, seq = _rename_approver_unsigned(desk, post_id, "dg2")
    result = verify(desk)
    assert result["ok"] and f"post {post_id} approval {approval_id} by dg2 (audit entry {seq})" \
        in result["signatures"]["unsigned"]
    anchored = verify(desk, head)
    assert not anchored["ok"]
    assert f"rewritten at or before entry {head.split(':')[0]}" in messages(anchored)
    desk.close()


def test_a_changed_comment_fails_the_signature_even_when_the_log_agrees(desk):
    post_id = approved_post(desk)
    insider = Insider(desk.db)
    signoff = desk("alice").review.decisions(post_id)[0]
    seq = insider.entry("review.sign", signoff_id=signoff.id)
    insider.sql("UPDATE signoffs SET comment = 'approved by phone' WHERE id = ?", (signoff.id,))
    insider.edit_entry(seq, comment="approved by phone")
    insider.rehash()
    text = messages(verify(desk))
    assert f"sign-off {signoff.id} by bob (audit entry {seq}): the signature of bob does not " \
           "match" in text


def test_a_key_slipped_into_the_table_without_an_audit_entry_is_named(desk):
    approved_post(desk)
    insider = Insider(desk.db)
    public = signing.public_text(signing.Ed25519PrivateKey.generate())
    insider.sql("INSERT INTO signing_keys (holder, key_id, public_key, registered_by,"
                " registered_at) VALUES ('dg2', ?, ?, 'alice', '2026-01-01')",
                (signing.key_id(public), public))
    assert "registered outside Tandem" in messages(verify(desk))
