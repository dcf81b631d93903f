"""Publishing killed (SIGKILL) at each step, then resumed: exactly one record per language
on the real PDS, counted with com.atproto.repo.listRecords (crash_driver.py does the killing)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from datetime import datetime
from pathlib import Path

import pytest

from desktop.app.publishing import publish_service
from desktop.core.model import PostState
from desktop.publishing.bluesky import POST_COLLECTION, record_key
from desktop.publishing.channel import Outgoing

from .keyring_env import secret_service  # noqa: F401 (fixture)
from .publish_desk import PUBLISHER, PublishDesk

pytestmark = [pytest.mark.pds, pytest.mark.slow, pytest.mark.usefixtures("secret_service")]
ROOT = Path(__file__).resolve().parents[2]

#: point → (entries as (state, attempts) after the kill, languages already on the PDS)
AFTER_KILL = {
    "before-first-send": ([("pending", 1), ("pending", 0)], set()),
    "after-first-send": ([("pending", 1), ("pending", 0)], {"en"}),
    "between-languages": ([("sent", 1), ("pending", 1)], {"en"}),
    "after-both": ([("sent", 1), ("pending", 1)], {"en", "fr"}),
}


@pytest.fixture
def desk(tmp_path):
    desk = PublishDesk(tmp_path / "crash.sqlite3")
    yield desk
    desk.close()


@pytest.fixture
def pair(desk, pds, en_account, fr_account) -> tuple[int, str, str]:
    for name, account, lang in (("bsky-en", en_account, "en"), ("bsky-fr", fr_account, "fr")):
        desk.account("bluesky", name, lang, account.password, service_url=pds.url,
                     handle=account.handle)
    tag = uuid.uuid4().hex[:10]
    en, fr = f"Crash-safe #{tag}", f"À l'épreuve des pannes #{tag}"
    post_id = desk.approved(en, fr)
    desk.targets(post_id, "bsky-en", "bsky-fr")
    return post_id, en, fr


def killed_at(desk: PublishDesk, post_id: int, point: str) -> None:
    child = subprocess.run(
        [sys.executable, "-m", "tests.publishing.crash_driver", str(desk.db), str(post_id), point],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "TANDEM_USER": PUBLISHER})
    assert child.returncode == -signal.SIGKILL, child.stderr


def count(pds, did: str, text: str) -> int:
    return sum(r["value"]["text"] == text for r in pds.list_posts(did))


@pytest.mark.parametrize("point", list(AFTER_KILL))
def test_a_publish_killed_at_any_step_resumes_to_one_record_per_language(
        point, desk, pair, pds, en_account, fr_account):
    post_id, en, fr = pair
    killed_at(desk, post_id, point)

    store = desk.alice.store
    assert store.get_post(post_id).state is PostState.PUBLISHING
    (publication,) = store.publications(post_id)
    entries = store.outbox_entries(publication["id"])
    expected, out = AFTER_KILL[point]
    assert [(e["state"], e["attempts"]) for e in entries] == expected
    assert (count(pds, en_account.did, en), count(pds, fr_account.did, fr)) == (
        int("en" in out), int("fr" in out))

    with publish_service(desk.alice) as service:
        report = service.resume_all()
    assert [s.post_id for s in report.finished] == [post_id] and not report.attention
    assert store.get_post(post_id).state is PostState.PUBLISHED
    assert (count(pds, en_account.did, en), count(pds, fr_account.did, fr)) == (1, 1)
    rows = store.outbox_entries(publication["id"])
    assert [r["state"] for r in rows] == ["confirmed", "confirmed"]
    for row, text in zip(rows, (en, fr), strict=True):
        assert pds.get_record(row["remote_id"])["text"] == text


def test_the_cli_resumes_after_a_kill_and_a_second_resume_does_nothing(desk, pair, pds,
                                                                       en_account, fr_account):
    post_id, en, fr = pair
    killed_at(desk, post_id, "between-languages")
    env = {**os.environ, "TANDEM_USER": PUBLISHER}

    def resume() -> dict:
        done = subprocess.run([sys.executable, "-m", "desktop.cli.main", "--json", "publish",
                               "--resume", "--db", str(desk.db)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    first = resume()
    assert [s["post_id"] for s in first["finished"]] == [post_id]
    assert first["finished"][0]["state"] == "published"
    assert resume() == {"finished": [], "half_published": [], "unresolved": [], "not_published": [],
                        "busy": [], "missed": [], "errors": []}
    assert (count(pds, en_account.did, en), count(pds, fr_account.did, fr)) == (1, 1)


def test_another_post_under_our_record_key_is_never_overwritten(desk, pair, pds, en_account,
                                                                fr_account):
    post_id, en, fr = pair
    killed_at(desk, post_id, "before-first-send")
    (publication,) = desk.alice.store.publications(post_id)
    first = desk.alice.store.outbox_entries(publication["id"])[0]
    rkey = record_key(Outgoing(en, ("en",), first["idempotency_key"],
                               datetime.fromisoformat(first["created_at"].replace("Z", "+00:00"))))
    login = pds.xrpc("POST", "com.atproto.server.createSession",
                     json={"identifier": en_account.handle, "password": en_account.password})
    squatter = {"$type": POST_COLLECTION, "text": "Someone else's post",
                "createdAt": first["created_at"][:23] + "Z"}
    put = pds.xrpc("POST", "com.atproto.repo.putRecord", token=login.json()["accessJwt"],
                   json={"repo": en_account.did, "collection": POST_COLLECTION, "rkey": rkey,
                         "record": squatter})
    assert put.status_code == 200, put.text

    with publish_service(desk.alice) as service:
        report = service.resume_all()
    assert [s.post_id for s in report.not_published] == [post_id]  # nothing went out
    status = report.not_published[0]
    assert status.state is PostState.APPROVED
    assert "already holds a different post" in status.publication.entries[0].last_error
    assert pds.get_record(f"at://{en_account.did}/{POST_COLLECTION}/{rkey}")["text"] == \
        "Someone else's post"
    assert count(pds, fr_account.did, fr) == 0
