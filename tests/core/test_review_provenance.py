"""Review (issue 13): diff against the last official version; the machine share told truthfully."""

from __future__ import annotations

import pytest

from desktop.core.model import Lang, Origin, Span
from desktop.core.provenance import provenance_label

from .review_desk import Desk


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path, qa=lambda en, fr: [])
    d.grant(bob="translator", carol="approver:approval")
    yield d
    d.close()


def test_diff_against_the_last_official_version_of_the_same_language(desk):
    post = desk("alice").posts.create(en="Flu shots are free", fr="Les vaccins sont gratuits").post
    desk("bob").review.sign(post.id, Lang.FR)
    assert desk("bob").review.item(post.id).fr.official_diff is None  # the latest is the official one
    desk("alice").posts.edit(post.id, Lang.FR, "Les vaccins contre la grippe sont gratuits")
    diff = desk("bob").review.item(post.id).fr.official_diff
    assert diff.machine_version.seq == 1 and diff.changed
    assert [(o.op, o.current) for o in diff.ops if o.op != "equal"] == [("insert", "contre la grippe ")]
    assert desk("bob").review.item(post.id).en.official_diff is None  # English was never signed


def test_official_diff_uses_the_latest_signed_version_not_a_rejected_one(desk):
    post = desk("alice").posts.create(en="Flu shots are free", fr="Vaccins gratuits").post
    desk("bob").review.sign(post.id, Lang.FR)
    desk("alice").posts.edit(post.id, Lang.FR, "Les vaccins sont gratuits")
    desk("bob").review.sign(post.id, Lang.FR)
    desk("alice").posts.edit(post.id, Lang.FR, "Les vaccins sont gratuits pour tous")
    desk("bob").review.reject(post.id, Lang.FR, "trop long")
    desk("alice").posts.edit(post.id, Lang.FR, "Les vaccins sont gratuits partout")
    diff = desk("bob").review.item(post.id).fr.official_diff
    assert diff.machine_version.text == "Les vaccins sont gratuits"


# The defect: a version that is 98 % machine text was labelled "human".
def test_a_mostly_machine_version_is_machine_assisted_not_human(desk):
    post = desk("alice").posts.create(en="Flu shots are free").post
    machine = "Les vaccins contre la grippe sont gratuits pour tous les résidents du Canada"
    desk.machine(post.id, Lang.FR, machine)
    edited = desk("bob").posts.edit(post.id, Lang.FR, machine + " !")
    assert edited.origin is Origin.HUMAN
    item = desk("bob").review.item(post.id)
    assert item.fr.provenance == "machine-assisted, 97\u00a0%"
    assert item.en.provenance == "human"


@pytest.mark.parametrize("origin,spans,text,label", [
    (Origin.HUMAN, (), "abcd", "human"),
    (Origin.MACHINE, (Span(0, 4, Origin.MACHINE, {}),), "abcd", "machine"),
    (Origin.MEMORY, (Span(0, 4, Origin.MEMORY, {}),), "abcd", "memory"),
    (Origin.HUMAN, (Span(0, 98, Origin.MACHINE, {}),), "x" * 100, "machine-assisted, 98\u00a0%"),
    (Origin.HUMAN, (Span(0, 1, Origin.MACHINE, {}),), "x" * 1000, "machine-assisted, 1\u00a0%"),
    (Origin.HUMAN, (Span(0, 999, Origin.MACHINE, {}),), "x" * 1000, "machine-assisted, 99\u00a0%"),
    (Origin.MACHINE, (Span(0, 2, Origin.MACHINE, {}),), "abcd", "machine-assisted, 50\u00a0%"),
])
def test_provenance_label(origin, spans, text, label):
    assert provenance_label(origin, text, spans) == label
