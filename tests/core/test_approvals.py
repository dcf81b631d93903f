"""Approval chains: parsing, evaluation, sequential/parallel steps, voids and step timing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from desktop.core import policy as policy_mod
from desktop.core.approvals import StepState, evaluate
from desktop.core.chain import DEFAULT_CHAIN, Chain, Mode, Step, chain_from_dict, parse_chain, slug
from desktop.core.errors import InvalidText, NotFound, PermissionDenied, PolicyError, TandemError, TransitionError
from desktop.core.model import Lang

from .review_desk import Desk

CHAIN_TOML = """
[[steps]]
name = "Program"

[[steps]]
name = "Legal"
after = []

[[steps]]
name = "DG Communications"
after = ["Program", "legal"]
mode = "all"

[[steps]]
name = "Minister's office"
id = "minister"
post_types = ["announcement"]
"""

CHAIN_JSON = json.dumps({"steps": [
    {"name": "Program"}, {"name": "Legal", "after": []},
    {"name": "DG Communications", "after": ["program", "Legal"], "mode": "all"},
    {"name": "Minister's office", "id": "minister", "post_types": ["announcement"]}]})


# -- the description ---------------------------------------------------------------
def test_toml_and_json_describe_the_same_chain():
    chain = parse_chain(CHAIN_TOML)
    assert chain == parse_chain(CHAIN_JSON) == parse_chain(CHAIN_JSON, "json")
    assert [(s.id, s.mode, s.after, s.post_types) for s in chain.steps] == [
        ("program", Mode.ANY, (), None),
        ("legal", Mode.ANY, (), None),
        ("dg-communications", Mode.ALL, ("program", "legal"), None),
        ("minister", Mode.ANY, ("dg-communications",), ("announcement",)),
    ]
    assert chain.steps[0].role == "approver:program"
    assert chain.step("DG COMMUNICATIONS").id == "dg-communications"
    assert chain.step("minister").name == "Minister's office"
    assert chain_from_dict(json.loads(chain.body), "store") == chain  # canonical form round-trips
    with pytest.raises(NotFound, match="no approval step 'press'"):
        chain.step("press")


def test_slugs():
    assert slug("Minister's office") == "ministers-office"
    assert slug("Communications générales — DG") == "communications-generales-dg"


@pytest.mark.parametrize("text, message", [
    ("[[steps]]\nmode = 'any'\n", "step 1 needs a name"),
    ("[[steps]]\nname = 'A'\ncolour = 'red'\n", "unknown key 'colour' in step 1"),
    ("title = 'x'\n", "unknown key 'title'"),
    ("steps = 'A'\n", "'steps' must be a list"),
    ("steps = ['A']\n", "step 1 must be a table"),
    ("[[steps]]\nname = 'A'\n[[steps]]\nname = 'a'\n", "two steps have the id 'a'"),
    ("[[steps]]\nname = 'A'\nmode = 'most'\n", "mode must be 'any' or 'all'"),
    ("[[steps]]\nname = 'A'\nafter = ['B']\n[[steps]]\nname = 'B'\n",
     "comes after 'B', which is not a step listed before it"),
    ("[[steps]]\nname = 'A'\nafter = 'B'\n", "'after' must be a list"),
    ("[[steps]]\nname = 'A'\npost_types = []\n", "'post_types' must be a non-empty list"),
    ("[[steps]]\nname = 'A'\nid = 'Bad Id'\n", "needs an id of lower-case letters"),
    ("[[steps]]\nname = '!!!'\n", "needs an id"),
    ("[[steps\n", "not valid TOML"),
    ("{\"steps\": [}", "not valid JSON"),
    ("[1, 2]", "not valid TOML"),
])
def test_invalid_chains_say_what_is_wrong(text, message):
    with pytest.raises(InvalidText, match=message):
        parse_chain(text, where="chain.toml")


def test_json_that_is_not_a_table_and_oversized_chains():
    with pytest.raises(InvalidText, match="expected a table"):
        parse_chain("[1, 2]", "json")
    with pytest.raises(InvalidText, match="larger than 64 KB"):
        parse_chain("#" * 70_000)


def test_an_empty_chain_is_allowed():
    assert parse_chain("steps = []").steps == ()


# -- evaluation (pure) -------------------------------------------------------------
def test_evaluate_sequence_parallel_all_and_skipped():
    chain = parse_chain(CHAIN_TOML)
    eligible = {"program": {"p"}, "legal": {"l"}, "dg-communications": {"d1", "d2"},
                "minister": {"m"}}

    def states(approved, post_type="standard", passed=()):
        return evaluate(chain, post_type, approved, eligible, set(passed))

    assert states({}) == {"program": StepState.ACTIONABLE, "legal": StepState.ACTIONABLE,
                          "dg-communications": StepState.WAITING, "minister": StepState.SKIPPED}
    assert states({"program": {"p"}})["dg-communications"] is StepState.WAITING
    both = {"program": {"p"}, "legal": {"l"}}
    assert states(both)["dg-communications"] is StepState.ACTIONABLE
    assert states({**both, "dg-communications": {"d1"}})["dg-communications"] \
        is StepState.ACTIONABLE
    done = states({**both, "dg-communications": {"d1", "d2"}})
    assert done["dg-communications"] is StepState.PASSED and done["minister"] is StepState.SKIPPED
    announcement = states({**both, "dg-communications": {"d1", "d2"}}, "announcement")
    assert announcement["minister"] is StepState.ACTIONABLE
    # a recorded pass stays a pass even if the group grew since
    assert states({**both, "dg-communications": {"d1"}}, passed=["dg-communications"])[
        "dg-communications"] is StepState.PASSED


def test_all_mode_with_an_empty_group_never_passes_without_an_approval():
    chain = Chain((Step("x", "X", Mode.ALL),), "store")
    assert evaluate(chain, "standard", {}, {"x": set()}, set()) == {"x": StepState.ACTIONABLE}


# -- the service ---------------------------------------------------------------------
class Clock:
    """A controllable now_iso for the store (versions, audit) and the review records."""

    def __init__(self):
        self.now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> str:
        self.now += timedelta(microseconds=1)
        return self.now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr("desktop.core.store.now_iso", c)
    monkeypatch.setattr("desktop.core.store_review.now_iso", c)
    return c


@pytest.fixture
def desk(tmp_path, clock):
    d = Desk(tmp_path, qa=lambda en, fr: [])
    d.grant(bob="translator", carol="approver:program", lee="approver:legal",
            dg1="approver:dg-communications", dg2="approver:dg-communications",
            min="approver:minister", dave="author")
    d("alice").approvals.set_chain(CHAIN_TOML, where="chain.toml")
    yield d
    d.close()


def in_approval(desk, post_type="standard", en="Flu shots are free") -> int:
    post = desk("alice").posts.create(en=en, post_type=post_type).post
    desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits")
    desk("bob").review.sign(post.id, Lang.FR)
    desk("bob").review.sign(post.id, Lang.EN)
    assert desk.state(post.id) == "in_approval"
    return post.id


def states_of(desk, post_id) -> dict[str, str]:
    return {s.step.id: s.state.value for s in desk("alice").approvals.status(post_id).steps}


def test_chain_precedence_and_admin_only_set(tmp_path):
    desk = Desk(tmp_path, qa=lambda en, fr: [])
    assert desk("alice").approvals.chain() == DEFAULT_CHAIN
    with pytest.raises(PermissionDenied, match="bob cannot set the approval chain: that needs the "
                                               "admin role"):
        desk("bob").approvals.set_chain(CHAIN_TOML)
    assert desk.actions()[-1] == "denied.chain.set"
    chain = desk("alice").approvals.set_chain(CHAIN_JSON, "json", "chain.json")
    assert desk("bob").approvals.chain() == chain and chain.source == "store"
    entry = desk("alice").store.audit_entries()[-1]
    assert entry.action == "chain.set" and entry.details["sha256"] == chain.sha256
    assert entry.details["file"] == "chain.json"
    desk.close()


def test_policy_chain_is_used_and_locks_set(tmp_path):
    policy = policy_mod.parse('[[approval.chain.steps]]\nname = "Communications"\nmode = "all"\n')
    desk = Desk(tmp_path, policy, qa=lambda en, fr: [])
    chain = desk("alice").approvals.chain()
    assert chain.source == "policy" and [s.id for s in chain.steps] == ["communications"]
    with pytest.raises(PolicyError, match="locked by the IT policy"):
        desk("alice").approvals.set_chain(CHAIN_TOML)
    desk.close()


def test_invalid_policy_chain_is_refused_at_load():
    with pytest.raises(PolicyError, match="approval.chain"):
        policy_mod.parse('[[approval.chain.steps]]\nmode = "all"\n')


def test_parallel_then_sequential_then_all(desk):
    post_id = in_approval(desk)
    assert states_of(desk, post_id) == {"program": "actionable", "legal": "actionable",
                                        "dg-communications": "waiting", "minister": "skipped"}
    with pytest.raises(TransitionError, match="DG Communications of post .* waits for: Program, Legal"):
        desk("dg1").approvals.approve(post_id, "dg-communications")
    assert desk("carol").approvals.approve(post_id).step_id == "program"  # the one step carol can act on
    assert states_of(desk, post_id)["dg-communications"] == "waiting"
    desk("lee").approvals.approve(post_id, "Legal", "No legal concern")
    assert states_of(desk, post_id)["dg-communications"] == "actionable"
    desk("dg1").approvals.approve(post_id)
    status = desk("alice").approvals.status(post_id)
    dg = status.steps[2]
    assert dg.state is StepState.ACTIONABLE and dg.who_can_act == ("dg2",)
    with pytest.raises(TransitionError, match="already approved post .* at every step"):
        desk("dg1").approvals.approve(post_id)
    with pytest.raises(TransitionError, match="You already approved post .* at step DG"):
        desk("dg1").approvals.approve(post_id, "dg-communications")
    assert desk.state(post_id) == "in_approval"
    desk("dg2").approvals.approve(post_id)
    assert desk.state(post_id) == "approved"  # the minister step does not apply to standard posts
    with pytest.raises(TransitionError, match="is approved: it cannot be approved now"):
        desk("min").approvals.approve(post_id)
    assert desk("alice").approvals.status(post_id).passed


def test_optional_step_for_a_post_type(desk):
    post_id = in_approval(desk, "announcement")
    for user in ("carol", "lee", "dg1", "dg2"):
        desk(user).approvals.approve(post_id)
    assert desk.state(post_id) == "in_approval"
    assert states_of(desk, post_id)["minister"] == "actionable"
    desk("min").approvals.approve(post_id)
    assert desk.state(post_id) == "approved"


def test_step_errors(desk):
    post_id = in_approval(desk)
    with pytest.raises(TransitionError, match="Minister's office does not apply to standard posts"):
        desk("min").approvals.approve(post_id, "minister")
    desk("carol").approvals.approve(post_id)
    with pytest.raises(TransitionError, match="Program of post .* has already passed"):
        desk("carol").approvals.approve(post_id, "program")
    with pytest.raises(NotFound, match="no approval step 'press'"):
        desk("carol").approvals.approve(post_id, "press")
    draft = desk("alice").posts.create(en="draft").post
    with pytest.raises(TransitionError, match="is a draft: it cannot be approved now"):
        desk("carol").approvals.approve(draft.id)


def test_missing_roles_are_named_and_audited(desk):
    post_id = in_approval(desk)
    with pytest.raises(PermissionDenied, match="carol cannot approve post .* at step Legal: that "
                                               "needs the approver:legal role"):
        desk("carol").approvals.approve(post_id, "legal")
    with pytest.raises(PermissionDenied, match="dave cannot approve post .* now: that needs one of "
                                               "the roles approver:program, approver:legal"):
        desk("dave").approvals.approve(post_id)
    denied = [e for e in desk("alice").store.audit_entries(post_id) if e.action == "denied.approve"]
    assert [(e.actor, e.details["needs"]) for e in denied] == [
        ("carol", ["approver:legal"]), ("dave", ["approver:program", "approver:legal"])]


def test_no_self_approval_for_anyone_who_wrote_a_version(desk):
    desk.grant(alice="approver:program", bob="approver:legal")
    post_id = in_approval(desk)
    with pytest.raises(PermissionDenied, match="alice cannot approve post .*: they wrote part of it"):
        desk("alice").approvals.approve(post_id, "program")
    # bob only reviewed so far: reviewing is not writing
    desk("bob").approvals.approve(post_id, "legal")
    other = in_approval(desk, en="Second post")
    desk("bob").posts.edit(other, Lang.FR, "Les vaccins contre la grippe sont gratuits")
    desk("bob").review.sign(other, Lang.FR)
    with pytest.raises(PermissionDenied, match="bob cannot approve"):
        desk("bob").approvals.approve(other, "legal")
    entry = desk("alice").store.audit_entries(other)[-1]
    assert entry.action == "denied.approve" and entry.details["self_approval"] is True
    program = desk("alice").approvals.status(other).steps[0]
    assert "alice" not in program.eligible and program.who_can_act == ("carol",)


def test_several_steps_need_a_choice(desk):
    desk.grant(zed=["approver:program", "approver:legal"])
    post_id = in_approval(desk)
    with pytest.raises(TandemError, match="choose one with --step: program, legal"):
        desk("zed").approvals.approve(post_id)
    assert desk("zed").approvals.approve(post_id, "legal").step_id == "legal"
    assert desk("zed").approvals.approve(post_id).step_id == "program"


def test_approvals_bind_both_official_hashes_and_an_edit_voids_them(desk):
    post_id = in_approval(desk)
    view = desk("alice").posts.view(post_id)
    first = desk("carol").approvals.approve(post_id, comment="OK for Program")
    assert (first.en_version_id, first.en_sha256, first.fr_version_id, first.fr_sha256) == (
        view.en.id, view.en.sha256, view.fr.id, view.fr.sha256)
    desk("lee").approvals.approve(post_id)
    edit = desk("alice").posts.edit(post_id, Lang.EN, "Flu shots are free this fall")
    assert desk.state(post_id) == "in_review"
    history = desk("alice").approvals.history(post_id)
    assert [(a.approver, a.voided_by_version_id, a.voided_at) for a in history] == [
        ("carol", edit.id, edit.created_at), ("lee", edit.id, edit.created_at)]
    voids = [e.details for e in desk("alice").store.audit_entries(post_id)
             if e.action == "approval.void"]
    assert [(v["approver"], v["by_sha256"], v["en_sha256"]) for v in voids] == [
        ("carol", edit.sha256, view.en.sha256), ("lee", edit.sha256, view.en.sha256)]
    # a second edit voids nothing more
    desk("alice").posts.edit(post_id, Lang.EN, "Flu shots are free this autumn")
    assert desk.actions(post_id).count("approval.void") == 2
    # back through review: a new round starts with no approvals; the old ones stay voided
    desk("bob").review.sign(post_id, Lang.EN)
    status = desk("alice").approvals.status(post_id)
    assert status.round_id != first.round_id
    assert all(not s.approvals for s in status.steps)
    assert [a.voided for a in status.history] == [True, True]
    assert states_of(desk, post_id)["program"] == "actionable"


def test_an_edit_in_one_language_after_approval_voids_every_approval(desk):
    post_id = in_approval(desk)
    for user in ("carol", "lee", "dg1", "dg2"):
        desk(user).approvals.approve(post_id)
    assert desk.state(post_id) == "approved"
    desk("bob").posts.edit(post_id, Lang.FR, "Les vaccins sont gratuits !")
    assert desk.state(post_id) == "in_review"
    assert all(a.voided for a in desk("alice").approvals.history(post_id))
    assert desk("alice").review.official(post_id, Lang.EN) is not None


def test_time_per_step_and_stats(desk, clock):
    durations = []
    for minutes in (10, 30, 20):
        post_id = in_approval(desk, en=f"Post {minutes}")
        clock.advance(minutes=minutes)
        desk("carol").approvals.approve(post_id)
        clock.advance(hours=1)
        desk("lee").approvals.approve(post_id)
        durations.append(desk("alice").approvals.status(post_id).steps)
    program, legal, dg, minister = durations[0]
    assert program.seconds == pytest.approx(600, abs=1)
    assert legal.seconds == pytest.approx(600 + 3600, abs=1)
    assert dg.actionable_since[:19] == legal.passed_at[:19] and dg.seconds is None
    assert minister.actionable_since is None
    stats = {s.step_id: s for s in desk("alice").approvals.stats()}
    assert list(stats) == ["program", "legal"]
    assert stats["program"].passes == 3
    assert stats["program"].median_seconds == pytest.approx(1200, abs=1)
    assert (stats["program"].min_seconds, stats["program"].max_seconds) == pytest.approx(
        (600, 1800), abs=1)
    assert stats["legal"].median_seconds == pytest.approx(1200 + 3600, abs=1)


def test_revoking_the_last_holdout_of_an_all_step_passes_it(desk):
    post_id = in_approval(desk)
    for user in ("carol", "lee", "dg1"):
        desk(user).approvals.approve(post_id)
    assert desk.state(post_id) == "in_approval"
    desk("alice").roles.revoke("dg2", "approver:dg-communications")
    assert desk.state(post_id) == "approved"
    change = desk("alice").workflow.history(post_id)[-1]
    assert change.event.value == "reevaluate" and change.actor == "alice"


def test_a_round_keeps_the_chain_it_started_with(desk):
    post_id = in_approval(desk)
    desk("alice").approvals.set_chain('[[steps]]\nname = "Press"\n')
    assert list(states_of(desk, post_id)) == ["program", "legal", "dg-communications", "minister"]
    assert desk("alice").approvals.status(post_id).chain.steps[0].id == "program"
    later = in_approval(desk, en="Later post")
    assert list(states_of(desk, later)) == ["press"]


def test_status_before_approval_shows_the_planned_chain(desk):
    post = desk("alice").posts.create(en="Hi", post_type="announcement").post
    status = desk("alice").approvals.status(post.id)
    assert status.round_id is None and not status.passed
    assert {s.state for s in status.steps} == {StepState.WAITING}
    assert status.steps[0].eligible == ("carol",)


def test_an_empty_chain_approves_at_the_second_sign_off(desk):
    desk("alice").approvals.set_chain("steps = []")
    post = desk("alice").posts.create(en="Hello").post
    desk.machine(post.id, Lang.FR, "Bonjour")
    desk("bob").review.sign(post.id, Lang.FR)
    desk("bob").review.sign(post.id, Lang.EN)
    assert desk.state(post.id) == "approved"
    change = desk("alice").workflow.history(post.id)[-1]
    assert (change.from_state.value, change.to_state.value, change.event.value) == (
        "in_review", "approved", "sign")
