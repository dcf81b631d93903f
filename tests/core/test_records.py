"""The record export (JSON, CSV, HTML) and the checks that it still matches the audit log."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from desktop.core.errors import InvalidText, NotFound
from desktop.core.model import Lang
from desktop.core.records import RecordService, parse_since, render

from .review_desk import Desk


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path, qa=lambda en, fr: [{"check": "url", "severity": "warning"}])
    d.grant(bob="translator", carol="approver:approval")
    yield d
    d.close()


def story(desk) -> int:
    """Machine FR fixed by bob, EN signed by carol, approved, then an edit voids it."""
    post = desk("alice").posts.create(en="Flu shots <script>alert(1)</script> are free",
                                      title="Flu & <b>shots</b>").post
    desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits")
    desk("bob").posts.edit(post.id, Lang.FR, "Les vaccins antigrippaux sont gratuits")
    desk("bob").review.sign(post.id, Lang.FR, "Terminologie vérifiée")
    desk("carol").review.sign(post.id, Lang.EN)
    desk("carol").approvals.approve(post.id, comment="=HYPERLINK(\"http://evil\")")
    desk("alice").posts.edit(post.id, Lang.EN, "Flu shots are free for all")
    return post.id


def test_json_record_tells_the_whole_story(desk):
    post_id = story(desk)
    record = desk("alice").records.collect(post_id)
    assert record["audit"]["ok"] and record["audit"]["entries"] > 10
    (post,) = record["posts"]
    versions = [(v["lang"], v["seq"], v["author"], v["origin"]) for v in post["versions"]]
    assert versions == [("en", 1, "alice", "human"), ("fr", 1, "alice", "machine"),
                        ("fr", 2, "bob", "human"), ("en", 2, "alice", "human")]
    fr_machine, fr_fixed = post["versions"][1], post["versions"][2]
    assert fr_machine["machine_share"] == 1.0 and fr_machine["spans"][0]["detail"]["model"]
    assert fr_fixed["review"] == {"kind": "sign", "reviewer": "bob", "at": fr_fixed["review"]["at"],
                                  "comment": "Terminologie vérifiée",
                                  "qa_findings": [{"check": "url", "severity": "warning"}]}
    assert fr_fixed["official_from"] and fr_fixed["official_until"] is None
    en1 = post["versions"][0]
    assert en1["official_until"] == post["versions"][3]["created_at"]
    assert en1["approved_by"] == [{"approver": "carol", "step_id": "approval",
                                   "at": post["approvals"][0]["at"], "voided": True}]
    (approval,) = post["approvals"]
    assert approval["step_name"] == "Approval"
    assert approval["voided_by_version_id"] == post["versions"][3]["id"]
    assert [s["to"] for s in post["states"]] == ["in_review", "in_approval", "approved", "in_review"]
    assert post["steps"][0]["seconds"] >= 0
    assert post["publications"] == []
    assert {"review.sign", "approval.give", "approval.void"} <= {a["action"] for a in post["audit"]}
    assert json.loads(render(record, "json")) == record


def test_publications_come_from_the_publishing_hook(desk):
    post_id = story(desk)

    class Log:
        def publications_for(self, pid):
            return [{"at": "2026-01-01T00:00:00Z", "account": "gc-en", "channel": "bluesky",
                     "lang": "en", "state": "confirmed", "url": "https://bsky.app/x"}] \
                if pid == post_id else []

    s = desk("alice")
    records = RecordService(s.store, s.review, s.approvals, s.workflow, Log())
    record = records.collect(post_id)
    assert record["posts"][0]["publications"][0]["account"] == "gc-en"
    assert "https://bsky.app/x" in render(record, "html")
    assert "publication" in render(record, "csv")


def test_html_escapes_everything_and_prints_well(desk):
    post_id = story(desk)
    page = desk("alice").records.export("html", post_id)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Flu &amp; &lt;b&gt;shots&lt;/b&gt;" in page
    assert "@media print" in page and "page-break-before" in page
    assert '<mark class="machine"' in page  # machine provenance is visible
    assert "Audit log intact" in page and "Not published." in page


def test_csv_is_one_row_per_event_and_spreadsheet_safe(desk):
    post_id = story(desk)
    rows = list(csv.DictReader(io.StringIO(desk("alice").records.export("csv", post_id))))
    events = [r["event"] for r in rows]
    assert events.count("version") == 4 and events.count("sign-off") == 2
    assert events.count("approval") == 1 and events.count("state") == 4
    approval = next(r for r in rows if r["event"] == "approval")
    assert approval["comment"].startswith("'=HYPERLINK")  # formula neutralised
    assert approval["voided_at"] and approval["sha256"].startswith("en:")
    assert [r["at"] for r in rows] == sorted(r["at"] for r in rows)


def test_filters(desk):
    first = story(desk)
    all_posts = desk("alice").records.collect()
    assert [p["id"] for p in all_posts["posts"]] == [first]
    assert desk("alice").records.collect(since="2999-01-01")["posts"] == []
    assert [p["id"] for p in desk("alice").records.collect(since="2000-01-01")["posts"]] == [first]
    with pytest.raises(NotFound):
        desk("alice").records.collect(99)
    with pytest.raises(InvalidText, match="not a date"):
        parse_since("last tuesday")
    assert parse_since("2025-01-31") == "2025-01-31T00:00:00.000000Z"
    assert parse_since("2025-01-31T10:00:00-05:00") == "2025-01-31T15:00:00.000000Z"
    with pytest.raises(InvalidText, match="Unknown record format"):
        render(all_posts, "pdf")
    assert "No posts" in render(desk("alice").records.collect(since="2999-01-01"), "html")


def _raw(desk) -> sqlite3.Connection:
    conn = sqlite3.connect(desk.db, isolation_level=None)
    for table in ("versions", "signoffs", "approvals"):
        conn.execute(f"DROP TRIGGER {table}_no_update")
    return conn


def test_altered_version_text_is_located(desk):
    post_id = story(desk)
    fr = desk("alice").posts.view(post_id).fr
    _raw(desk).execute("UPDATE versions SET text = 'Les vaccins sont payants' WHERE id = ?",
                       (fr.id,))
    verdict = desk("alice").records.verify()
    assert not verdict["ok"] and verdict["problems"] == []  # the chain itself is intact
    assert [p["where"] for p in verdict["record_problems"]] == [
        f"post {post_id} FR v2 (version {fr.id})"]
    assert "no longer matches its sha256" in verdict["record_problems"][0]["message"]


def test_forged_sign_off_approval_and_state_are_located(desk):
    post_id = story(desk)
    conn = _raw(desk)
    conn.execute("UPDATE signoffs SET reviewer = 'mallory' WHERE lang = 'fr'")
    conn.execute("UPDATE approvals SET approver = 'mallory'")
    conn.execute("UPDATE posts SET state = 'approved' WHERE id = ?", (post_id,))
    wheres = [p["where"] for p in desk("alice").records.verify()["record_problems"]]
    assert wheres == [f"post {post_id} sign 1", f"post {post_id} approval 1", f"post {post_id}"]
    page = desk("alice").records.export("html", post_id)
    assert "TAMPERED" in page and "state changed outside Tandem" in page
