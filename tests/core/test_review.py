"""Linguistic review: queue, who may sign what, official versions and what an edit undoes."""

from __future__ import annotations

import pytest

from desktop.core import policy as policy_mod
from desktop.core.errors import InvalidText, PermissionDenied, TransitionError
from desktop.core.model import Lang, Origin, PostState, Span
from desktop.app.suggestions import pair_qa
from desktop.core.review import LangStatus, machine_assisted, machine_diff

from .review_desk import Desk


def fake_qa(en: str, fr: str) -> list[dict]:
    return [{"check": "number", "severity": "error"}] if ("5" in en) != ("5" in fr) else []


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path, qa=fake_qa)
    d.grant(bob="translator", carol="approver:approval", dave="author")
    yield d
    d.close()


def new_pair(desk, en="Flu shots are free", fr=None, *, machine_fr="Les vaccins sont gratuits"):
    """alice writes EN; FR is a machine suggestion unless ``fr`` (human) is given."""
    post = desk("alice").posts.create(en=en, fr=fr or "").post
    if fr is None:
        desk.machine(post.id, Lang.FR, machine_fr)
    return post.id


def test_a_pair_enters_review_when_both_languages_have_text(desk):
    post = desk("alice").posts.create(en="Flu shots are free").post
    assert desk.state(post.id) == "draft"
    desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits")
    assert desk.state(post.id) == "in_review"
    desk("alice").posts.edit(post.id, Lang.EN, "   ")
    assert desk.state(post.id) == "draft"  # a language emptied: back to draft


def test_queue_lists_pending_pairs_oldest_first_with_what_the_screen_needs(desk):
    first = new_pair(desk)
    second = new_pair(desk, "Tax deadline is April 5", fr="La date limite est le 30 avril")
    desk("alice").posts.create(en="Only English")  # a draft: not in the queue
    queue = desk("bob").review.queue()
    assert [i.post.id for i in queue] == [first, second]
    item = queue[0]
    assert item.en.status is LangStatus.PENDING and item.fr.status is LangStatus.PENDING
    assert item.fr.version.spans[0].origin is Origin.MACHINE
    assert item.fr.machine_assisted and item.fr.machine_share == 1.0
    assert item.fr.needs == ("translator",) and item.en.needs == ("translator", "approver")
    assert item.fr.can_sign and item.en.can_sign
    assert not desk("dave").review.queue()[0].fr.can_sign
    assert queue[1].qa_findings == ({"check": "number", "severity": "error"},)


def test_diff_against_the_latest_machine_suggestion(desk):
    post_id = new_pair(desk)
    fixed = desk("bob").posts.edit(post_id, Lang.FR, "Les vaccins contre la grippe sont gratuits")
    diff = desk("bob").review.item(post_id).fr.machine_diff
    assert diff.machine_version.origin is Origin.MACHINE and diff.changed
    assert [(o.op, o.machine, o.current) for o in diff.ops] == [
        ("equal", "Les vaccins ", "Les vaccins "), ("insert", "", "contre la grippe "),
        ("equal", "sont gratuits", "sont gratuits")]
    # the kept words are still machine spans, so a translator must sign
    assert desk("bob").review.item(post_id).fr.version.id == fixed.id
    assert machine_assisted(fixed) and fixed.origin is Origin.HUMAN
    assert desk("bob").review.item(post_id).en.machine_diff is None
    assert machine_diff(fixed, [fixed]) is None


def test_machine_text_needs_a_translator_and_the_refusal_is_audited(desk):
    post_id = new_pair(desk)
    with pytest.raises(PermissionDenied, match=r"carol cannot sign off the French version of post "
                       r"\d+: that needs the translator role \(it contains machine-translated"):
        desk("carol").review.sign(post_id, Lang.FR)
    denied = desk("alice").store.audit_entries(post_id)[-1]
    fr = desk("alice").posts.view(post_id).fr
    assert denied.action == "denied.review.sign" and denied.actor == "carol"
    assert denied.details["sha256"] == fr.sha256 and denied.details["needs"] == ["translator"]
    decision = desk("bob").review.sign(post_id, Lang.FR, "Bon")
    assert (decision.kind, decision.sha256, decision.reviewer) == ("sign", fr.sha256, "bob")


def test_memory_spans_also_need_a_translator(desk):
    post = desk("alice").posts.create(en="Hello").post
    desk("alice").posts.edit(post.id, Lang.FR, "Bonjour à tous", origin=Origin.HUMAN,
                             spans=(Span(0, 7, Origin.MEMORY, {"score": 0.93}),))
    with pytest.raises(PermissionDenied, match="translator role"):
        desk("carol").review.sign(post.id, Lang.FR)


def test_human_text_is_signed_by_translator_or_approver_but_not_by_its_author(desk):
    post_id = new_pair(desk, fr="La vaccination est gratuite")
    with pytest.raises(PermissionDenied, match="one of the roles translator, approver"):
        desk("alice").review.sign(post_id, Lang.EN)
    assert desk("carol").review.sign(post_id, Lang.EN).reviewer == "carol"
    assert desk("bob").review.sign(post_id, Lang.FR).reviewer == "bob"


def test_policy_can_restrict_human_sign_off(tmp_path):
    desk = Desk(tmp_path, policy_mod.parse('[review]\nhuman_signoff_by = ["translator"]\n'))
    desk.grant(bob="translator", carol="approver:approval")
    post = desk("alice").posts.create(en="Hello", fr="Bonjour").post
    with pytest.raises(PermissionDenied, match="needs the translator role"):
        desk("carol").review.sign(post.id, Lang.EN)
    desk("bob").review.sign(post.id, Lang.EN)
    desk.close()


def test_bad_human_signoff_policy_is_refused(tmp_path):
    desk = Desk(tmp_path, policy_mod.Policy({"review.human_signoff_by": ["wizard"]}))
    with pytest.raises(policy_mod.PolicyError, match="review.human_signoff_by"):
        desk("alice")


def test_sign_off_binds_the_hash_makes_it_official_and_stores_qa(desk):
    post_id = new_pair(desk, "Open 5 days", fr="Ouvert cinq jours")
    fr = desk("alice").posts.view(post_id).fr
    decision = desk("bob").review.sign(post_id, Lang.FR)
    assert decision.qa_findings == ({"check": "number", "severity": "error"},)
    assert desk("bob").review.official(post_id, Lang.FR) == fr
    assert desk("bob").review.official(post_id, Lang.EN) is None
    entry = desk("alice").store.audit_entries(post_id)[-1]
    assert entry.action == "review.sign"
    assert entry.details["sha256"] == fr.sha256 and entry.details["qa_findings"] == [
        {"check": "number", "severity": "error"}]
    assert desk.state(post_id) == "in_review"


def test_second_sign_off_moves_to_approval_and_opens_a_round(desk):
    post_id = new_pair(desk)
    desk("bob").review.sign(post_id, Lang.FR)
    desk("carol").review.sign(post_id, Lang.EN)
    assert desk.state(post_id) == "in_approval"
    assert desk.actions(post_id)[-3:] == ["review.sign", "approval.round", "post.state"]
    with pytest.raises(TransitionError, match="already signed off by bob"):
        desk("bob").review.sign(post_id, Lang.FR)


def test_sign_refusals(desk):
    draft = desk("alice").posts.create(en="Only English").post
    with pytest.raises(TransitionError, match="no French text"):
        desk("bob").review.sign(draft.id, Lang.FR)
    with pytest.raises(TransitionError, match="is a draft: both languages need text"):
        desk("bob").review.sign(draft.id, Lang.EN)
    post_id = new_pair(desk)
    old = desk("alice").posts.view(post_id).fr
    desk("bob").posts.edit(post_id, Lang.FR, "Les vaccins contre la grippe sont gratuits")
    with pytest.raises(TransitionError, match="changed since you opened it"):
        desk("bob").review.sign(post_id, Lang.FR, version_id=old.id)


def test_reject_needs_a_comment_and_sends_the_version_back(desk):
    post_id = new_pair(desk)
    with pytest.raises(InvalidText, match="needs a comment"):
        desk("bob").review.reject(post_id, Lang.FR, "  ")
    decision = desk("bob").review.reject(post_id, Lang.FR, "Use « vaccin antigrippal »")
    assert decision.kind == "reject"
    item = desk("bob").review.item(post_id)
    assert item.fr.status is LangStatus.REJECTED and not item.fr.can_sign
    assert desk.state(post_id) == "in_review"
    with pytest.raises(TransitionError, match="already rejected by bob"):
        desk("bob").review.sign(post_id, Lang.FR)
    # the EN half is still waiting, so the pair stays in the queue; once EN is signed it leaves
    assert [i.post.id for i in desk("bob").review.queue()] == [post_id]
    desk("carol").review.sign(post_id, Lang.EN)
    assert desk("bob").review.queue() == []
    waiting = desk("bob").review.progress(post_id).waiting
    assert len(waiting) == 1 and "rejected by bob: Use « vaccin antigrippal »" in waiting[0].what
    assert waiting[0].who_can_act == ("alice", "bob", "dave")
    desk("bob").posts.edit(post_id, Lang.FR, "Le vaccin antigrippal est gratuit")
    assert desk("bob").review.item(post_id).fr.status is LangStatus.PENDING
    desk("bob").review.sign(post_id, Lang.FR)
    assert desk.state(post_id) == "in_approval"


def test_reject_permission_follows_sign_permission(desk):
    post_id = new_pair(desk)
    with pytest.raises(PermissionDenied, match="cannot reject the French version"):
        desk("carol").review.reject(post_id, Lang.FR, "no")
    assert desk.actions(post_id)[-1] == "denied.review.reject"


def test_an_edit_withdraws_official_status_and_restore_needs_a_new_sign_off(desk):
    post_id = new_pair(desk)
    signed = desk("alice").posts.view(post_id).fr
    desk("bob").review.sign(post_id, Lang.FR)
    desk("carol").review.sign(post_id, Lang.EN)
    edited = desk("bob").posts.edit(post_id, Lang.FR, "Les vaccins antigrippaux sont gratuits")
    assert desk.state(post_id) == "in_review"
    assert desk("bob").review.official(post_id, Lang.FR) is None
    assert desk("bob").review.official(post_id, Lang.EN) is not None  # EN untouched
    withdrawn = [e for e in desk("alice").store.audit_entries(post_id)
                 if e.action == "review.official_withdrawn"]
    assert withdrawn[0].details["identity"]["override"] == "TANDEM_USER"  # desk users are overrides
    details = {k: v for k, v in withdrawn[0].details.items() if k != "identity"}
    assert details == {"lang": "fr", "version_id": signed.id, "sha256": signed.sha256,
                       "by_version_id": edited.id, "by_sha256": edited.sha256}
    restored = desk("bob").posts.restore(post_id, signed.id)
    assert restored.sha256 == signed.sha256 and restored.id != signed.id
    assert desk("bob").review.item(post_id).fr.status is LangStatus.PENDING
    desk("bob").review.sign(post_id, Lang.FR)
    periods = desk("bob").review.official_history(post_id, Lang.FR)
    assert [(p.version.id, p.ended_by_version_id) for p in periods] == [
        (signed.id, edited.id), (restored.id, None)]
    assert periods[0].until == edited.created_at and periods[1].until is None
    assert periods[0].since <= periods[0].until <= periods[1].since
    assert len(desk("bob").review.official_history(post_id)) == 3  # EN period too


def test_progress_says_what_the_post_waits_for(desk):
    post = desk("alice").posts.create(en="Hello").post
    (waiting,) = desk("alice").review.progress(post.id).waiting
    assert waiting.what == "the French text" and waiting.who_can_act == ("alice", "bob", "dave")
    desk.machine(post.id, Lang.FR, "Bonjour")
    progress = desk("alice").review.progress(post.id)
    assert [w.what for w in progress.waiting] == ["English review (v1)", "French review (v1)"]
    assert progress.waiting[1].who_can_act == ("bob",) and progress.waiting[1].roles == ("translator",)
    assert progress.waiting[0].who_can_act == ("bob", "carol")
    desk("bob").review.sign(post.id, Lang.FR)
    desk("carol").review.sign(post.id, Lang.EN)
    (waiting,) = desk("alice").review.progress(post.id).waiting
    assert waiting.what == "approval step Approval" and waiting.who_can_act == ("carol",)
    desk("carol").approvals.approve(post.id)
    (waiting,) = desk("alice").review.progress(post.id).waiting
    assert waiting.what == "publication" and waiting.roles == ("publisher",)


def test_real_qa_findings_are_stored_at_sign_off(tmp_path):
    desk = Desk(tmp_path)  # the real translation.qa checks
    desk.grant(bob="translator")
    post = desk("alice").posts.create(en="Doors open at 8:30 p.m.",
                                      fr="Ouverture des portes à 21 h").post
    decision = desk("bob").review.sign(post.id, Lang.FR)
    assert [f["check"] for f in decision.qa_findings] == ["time"]
    assert decision.qa_findings[0]["span_en"] == [14, 23]
    assert pair_qa("Doors open at 8:30 p.m.", "Ouverture des portes à 20 h 30") == []
    desk.close()


def test_post_states_follow_the_table_for_the_whole_review(desk):
    post_id = new_pair(desk)
    states = [c.to_state for c in desk("alice").workflow.history(post_id)]
    assert states == [PostState.IN_REVIEW]


def test_a_decision_made_meanwhile_in_another_window_is_reported(desk, monkeypatch):
    post_id = new_pair(desk)
    fr = desk("alice").posts.view(post_id).fr
    desk("bob")  # bob's window is open; his checks will not see the other sign-off
    monkeypatch.setattr(desk("bob").store, "signoff_for_version", lambda version_id: None)
    desk("alice").store.add_signoff(fr, "sign", "tess", "", [])  # another window, first
    with pytest.raises(TransitionError, match="reviewed in another window"):
        desk("bob").review.sign(post_id, Lang.FR)
