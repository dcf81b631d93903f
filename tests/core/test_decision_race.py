"""Issue 10 finding 4: sign-offs and approvals are bound atomically to the text they name.

Three processes — an author editing, a translator signing off, an approver
approving — race for 50 rounds each on one SQLite store. Read in log order,
every sign-off, approval round and approval must name the latest version of
its language at that moment (an approval: latest *and* signed off); the post
must end where its versions say (not stuck in approval on an old version, not
approved with unreviewed text); `tandem audit verify` must pass.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from desktop.app.session import open_session
from desktop.cli.main import main
from desktop.core.model import Lang, PostState

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 50


def _check_log(entries) -> list[str]:
    """Every decision in the log that named a version which was not the latest one."""
    latest: dict[str, int] = {}
    signed: set[int] = set()
    wrong = []
    for e in entries:
        d = e.details
        if e.action == "version.create":
            latest[d["lang"]] = d["version_id"]
        elif e.action == "review.sign":
            if latest.get(d["lang"]) != d["version_id"]:
                wrong.append(f"#{e.seq} signs superseded {d['lang']} version {d['version_id']}")
            signed.add(d["version_id"])
        elif e.action in ("approval.round", "approval.give"):
            for lang in ("en", "fr"):
                vid = d[f"{lang}_version_id"]
                if latest.get(lang) != vid:
                    wrong.append(f"#{e.seq} {e.action} on superseded {lang} version {vid}")
                if vid not in signed:
                    wrong.append(f"#{e.seq} {e.action} on unreviewed {lang} version {vid}")
    return wrong


def test_three_processes_edit_sign_and_approve_without_a_stuck_or_unreviewed_post(tmp_path,
                                                                                   monkeypatch):
    db = tmp_path / "race.sqlite3"
    monkeypatch.setenv("TANDEM_USER", "alice")
    alice = open_session(db)
    alice.roles.grant("bob", "translator")
    alice.roles.grant("carol", "approver:approval")
    post_id = alice.posts.create(en="Flu shots are free", fr="Les vaccins sont gratuits").post.id
    alice.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "tests.core.race_driver", str(db),
                               str(post_id), role, str(ROUNDS)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for role in ("author", "translator", "approver")]
    (tmp_path / "race.sqlite3.go").touch()
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err

    session = open_session(db)
    entries = session.store.audit_entries()
    actions = [e.action for e in entries]
    assert actions.count("review.sign") and actions.count("version.create") > ROUNDS
    assert _check_log(entries) == []
    post = session.store.get_post(post_id)
    official = {lang: session.review.official(post_id, lang) for lang in Lang}
    if post.state in (PostState.IN_APPROVAL, PostState.APPROVED):
        round_row = session.store.latest_round(post_id)
        assert all(official.values()), f"{post.state.value} with unreviewed text"
        assert (round_row["en_version_id"], round_row["fr_version_id"]) == (
            official[Lang.EN].id, official[Lang.FR].id), f"stuck {post.state.value}"
    else:
        assert post.state is PostState.IN_REVIEW
    out = io.StringIO()
    assert main(["audit", "verify", "--db", str(db)], stdout=out) == 0, out.getvalue()
    session.close()
