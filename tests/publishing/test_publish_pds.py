"""The publish service end to end on a real Bluesky PDS: approved pairs to an English and a
French account, and to a bilingual account (two posts, or one combined), read back with
getRecord and counted with listRecords; how the server's refusals end; and no secret
anywhere but the keyring."""

from __future__ import annotations

import io
import json
import logging
import uuid
from dataclasses import replace

import pytest

from desktop.app.publishing import publish_service
from desktop.cli.main import main
from desktop.cli.publish_text import status_text
from desktop.core.model import PostState
from desktop.publishing.bluesky import SessionCache
from desktop.publishing.factory import ChannelFactory
from desktop.publishing.outbox import EntryState
from desktop.publishing.service import COMBINED_SEPARATOR, PreflightFailed

from .keyring_env import secret_service  # noqa: F401 (fixture)
from .publish_desk import PublishDesk

pytestmark = [pytest.mark.pds, pytest.mark.usefixtures("secret_service")]


@pytest.fixture
def desk(tmp_path):
    desk = PublishDesk(tmp_path / "pds.sqlite3")
    yield desk
    desk.close()


def add(desk, pds, name, account, lang, **options):
    desk.account("bluesky", name, lang, account.password, service_url=pds.url,
                 handle=account.handle, **options)


def texts(tag: str) -> tuple[str, str]:
    return (f"Flu shots are free from November 1: https://canada.ca/flu #{tag}",
            f"Le vaccin antigrippal est gratuit dès le 1er novembre : https://canada.ca/grippe #{tag}")


def records_with(pds, did: str, text: str) -> list[dict]:
    return [r for r in pds.list_posts(did) if r["value"]["text"] == text]


def test_a_pair_goes_to_the_english_and_french_accounts_once_each(desk, pds, en_account,
                                                                  fr_account):
    add(desk, pds, "bsky-en", en_account, "en")
    add(desk, pds, "bsky-fr", fr_account, "fr")
    en, fr = texts(uuid.uuid4().hex[:8])
    post_id = desk.approved(en, fr)
    desk.targets(post_id, "bsky-en", "bsky-fr")
    with publish_service(desk.alice) as service:
        assert service.preflight(post_id).ok
        status = service.publish(post_id)
    assert status.state is PostState.PUBLISHED
    en_entry, fr_entry = status.publication.entries
    assert en_entry.remote_id.startswith(f"at://{en_account.did}/app.bsky.feed.post/")
    assert fr_entry.remote_id.startswith(f"at://{fr_account.did}/app.bsky.feed.post/")
    for entry, text, lang in ((en_entry, en, "en"), (fr_entry, fr, "fr")):
        record = pds.get_record(entry.remote_id)
        assert (record["text"], record["langs"]) == (text, [lang])
        assert entry.state is EntryState.CONFIRMED and entry.remote_url.startswith("https://bsky.app/")
    assert [r["uri"] for r in records_with(pds, en_account.did, en)] == [en_entry.remote_id]
    assert [r["uri"] for r in records_with(pds, fr_account.did, fr)] == [fr_entry.remote_id]
    assert records_with(pds, en_account.did, fr) == records_with(pds, fr_account.did, en) == []
    gap = status.publication.gaps()["bluesky"]
    assert gap > 0 and f"{gap:.3f} s" in status_text(status)


def test_a_bilingual_account_posts_both_languages_in_its_order(desk, pds, bilingual_account):
    add(desk, pds, "bsky-both", bilingual_account, "both", order="fr-first")
    en, fr = texts(uuid.uuid4().hex[:8])
    post_id = desk.approved(en, fr)
    desk.targets(post_id, "bsky-both")
    with publish_service(desk.alice) as service:
        status = service.publish(post_id)
    first, second = status.publication.entries
    assert (first.lang, second.lang) == ("fr", "en")
    assert pds.get_record(first.remote_id)["langs"] == ["fr"]
    assert pds.get_record(second.remote_id)["langs"] == ["en"]
    assert len(records_with(pds, bilingual_account.did, fr)) == 1
    assert len(records_with(pds, bilingual_account.did, en)) == 1


def test_a_bilingual_account_combines_when_both_fit(desk, pds, bilingual_account):
    add(desk, pds, "bsky-both", bilingual_account, "both", combine_when_fits=True)
    tag = uuid.uuid4().hex[:8]
    en, fr = f"Budget day #{tag}", f"Jour du budget #{tag}"
    post_id = desk.approved(en, fr)
    desk.targets(post_id, "bsky-both")
    with publish_service(desk.alice) as service:
        (entry,) = service.publish(post_id).publication.entries
    record = pds.get_record(entry.remote_id)
    assert (record["text"], record["langs"]) == (en + COMBINED_SEPARATOR + fr, ["en", "fr"])
    assert len(records_with(pds, bilingual_account.did, record["text"])) == 1


def test_a_wrong_app_password_is_refused_before_anything_is_sent(desk, pds, en_account,
                                                                 fr_account):
    wrong = "wrong-" + uuid.uuid4().hex
    add(desk, pds, "bsky-en", en_account, "en")
    desk.account("bluesky", "bsky-fr", "fr", wrong, service_url=pds.url, handle=fr_account.handle)
    en, fr = texts(uuid.uuid4().hex[:8])
    post_id = desk.approved(en, fr)
    desk.targets(post_id, "bsky-en", "bsky-fr")
    with (publish_service(desk.alice, channels=ChannelFactory(sessions=SessionCache())) as service,
          pytest.raises(PreflightFailed) as caught):
        service.publish(post_id)
    assert caught.value.problems == (
        f"bsky-fr (Bluesky): Bluesky refused the handle or app password for {fr_account.handle}.",)
    assert wrong not in str(caught.value)
    assert records_with(pds, en_account.did, en) == []


def test_an_unreachable_server_is_a_preflight_reason(desk, pds, en_account, fr_account):
    add(desk, pds, "bsky-en", en_account, "en")
    desk.account("bluesky", "bsky-fr", "fr", fr_account.password,
                 service_url="http://127.0.0.1:9", handle=fr_account.handle)
    post_id = desk.approved(*texts(uuid.uuid4().hex[:8]))
    desk.targets(post_id, "bsky-en", "bsky-fr")
    with publish_service(desk.alice, channels=ChannelFactory(sessions=SessionCache())) as service:
        plan = service.preflight(post_id)
    assert plan.problems[0].startswith("bsky-fr (Bluesky): Could not reach Bluesky")


def test_a_revoked_app_password_stops_the_next_publish(desk, pds, en_account, fr_account):
    login = pds.xrpc("POST", "com.atproto.server.createSession",
                     json={"identifier": fr_account.handle, "password": fr_account.password}).json()
    name = f"tandem-{uuid.uuid4().hex[:6]}"
    created = pds.xrpc("POST", "com.atproto.server.createAppPassword", token=login["accessJwt"],
                       json={"name": name})
    assert created.status_code == 200, created.text
    app_password = created.json()["password"]
    add(desk, pds, "bsky-en", en_account, "en")
    desk.account("bluesky", "bsky-fr", "fr", app_password, service_url=pds.url,
                 handle=fr_account.handle)
    first = desk.approved(*texts(uuid.uuid4().hex[:8]))
    desk.targets(first, "bsky-en", "bsky-fr")
    with publish_service(desk.alice, channels=ChannelFactory(sessions=SessionCache())) as service:
        assert service.publish(first).state is PostState.PUBLISHED
    revoked = pds.xrpc("POST", "com.atproto.server.revokeAppPassword", token=login["accessJwt"],
                       json={"name": name})
    assert revoked.status_code == 200, revoked.text
    second = desk.approved(*texts(uuid.uuid4().hex[:8]))
    desk.targets(second, "bsky-en", "bsky-fr")
    with publish_service(desk.alice, channels=ChannelFactory(sessions=SessionCache())) as service:
        problems = service.preflight(second).problems
    assert problems == (f"bsky-fr (Bluesky): Bluesky refused the handle or app password for "
                        f"{fr_account.handle}.",)


def test_an_expired_session_is_refreshed_mid_publish(desk, pds, en_account, fr_account):
    add(desk, pds, "bsky-en", en_account, "en")
    add(desk, pds, "bsky-fr", fr_account, "fr")
    en, fr = texts(uuid.uuid4().hex[:8])
    post_id = desk.approved(en, fr)
    desk.targets(post_id, "bsky-en", "bsky-fr")
    sessions = SessionCache()
    factory = ChannelFactory(sessions=sessions)
    with publish_service(desk.alice, channels=factory) as service:
        assert service.preflight(post_id).ok  # signs both accounts in
        key = (pds.url, fr_account.handle)
        current = sessions.obtain(key, None, lambda _: pytest.fail("no session"))
        expired = pds.expired_copy(current.access_jwt)
        sessions.obtain(key, current, lambda old: replace(old, access_jwt=expired))
        status = service.publish(post_id)
    assert status.state is PostState.PUBLISHED
    assert sessions.obtain(key, None, lambda _: pytest.fail("no session")).access_jwt != expired
    assert len(records_with(pds, fr_account.did, fr)) == 1


def test_no_secret_in_the_store_the_logs_the_output_or_the_record(desk, pds, en_account,
                                                                  fr_account, caplog, capsys,
                                                                  monkeypatch):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("TANDEM_USER", "alice")
    add(desk, pds, "bsky-en", en_account, "en")
    add(desk, pds, "bsky-fr", fr_account, "fr")
    post_id = desk.approved(*texts(uuid.uuid4().hex[:8]))
    desk.targets(post_id, "bsky-en", "bsky-fr")
    outputs = []
    for argv in (["publish", str(post_id), "--dry-run"], ["publish", str(post_id)],
                 ["--json", "publish", "status", str(post_id)], ["publish", "--resume"],
                 ["export", "records", "--format", "json", "--post", str(post_id)],
                 ["export", "records", "--format", "html", "--post", str(post_id)]):
        out = io.StringIO()
        code = main([*argv, "--db", str(desk.db)], stdout=out)
        assert code == 0, (argv, out.getvalue(), capsys.readouterr().err)
        outputs.append(out.getvalue())
    status = json.loads(outputs[2])
    assert status["state"] == "published"
    assert [e["state"] for e in status["publication"]["entries"]] == ["confirmed", "confirmed"]
    exported = json.loads(outputs[4])["posts"][0]["publications"]
    assert [p["lang"] for p in exported] == ["en", "fr"] and exported[1]["gap_seconds"] > 0
    assert "<th>gap (s)</th>" in outputs[5] and f"{exported[1]['gap_seconds']:.3f}" in outputs[5]
    secrets_ = [en_account.password, fr_account.password]
    files = [p for p in desk.db.parent.iterdir() if p.name.startswith(desk.db.name)]
    shown = "".join(outputs) + caplog.text + "".join(capsys.readouterr())
    for secret in secrets_:
        assert secret not in shown
        assert all(secret.encode() not in p.read_bytes() for p in files)


def test_the_cli_refuses_with_every_reason_and_sends_nothing(desk, pds, en_account, capsys,
                                                             monkeypatch):
    monkeypatch.setenv("TANDEM_USER", "alice")
    add(desk, pds, "bsky-en", en_account, "en")
    en, fr = texts(uuid.uuid4().hex[:8])
    post_id = desk.alice.posts.create(en=en, fr=fr).post.id
    code = main(["publish", str(post_id), "--db", str(desk.db)], stdout=io.StringIO())
    err = capsys.readouterr().err
    assert code == 2
    assert f"Post {post_id} was not published; nothing was sent:" in err
    assert "  - the English text has no official version (v1 is not signed off)" in err
    assert "has no targets and there are no default targets" in err
    assert records_with(pds, en_account.did, en) == []

