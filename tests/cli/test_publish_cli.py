"""`tandem publish …` through the real entry point, store and keyring, against two Mastodon
instances played by respx (tests/publishing/mock_servers.py)."""

from __future__ import annotations

import io
import json
from datetime import datetime

import httpx
import pytest
import respx

from desktop.cli.main import main
from desktop.cli.publish import parse_time
from desktop.core.errors import TandemError
from tests.publishing.keyring_env import secret_service  # noqa: F401 (fixture)
from tests.publishing.mock_servers import MastodonServer
from tests.publishing.publish_desk import PUBLISHER, PublishDesk

pytestmark = pytest.mark.usefixtures("secret_service")

EN = "Passport offices open Saturdays in June: https://canada.ca/passport"
FR = "Les bureaux des passeports ouvrent le samedi en juin : https://canada.ca/passeport"


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.setenv("TANDEM_USER", PUBLISHER)
    desk = PublishDesk(tmp_path / "cli.sqlite3")
    yield desk
    desk.close()


@pytest.fixture
def servers(desk):
    with respx.mock(assert_all_called=False) as router:
        servers = {lang: MastodonServer(router, f"https://{lang}.social.test", f"cli-{lang}-TOKEN")
                   for lang in ("en", "fr")}
        for lang, server in servers.items():
            desk.account("mastodon", f"masto-{lang}", lang, server.token,
                         service_url=server.base, handle="gc")
        yield servers


@pytest.fixture
def post(desk, servers) -> int:
    post_id = desk.approved(EN, FR)
    desk.targets(post_id, "masto-en", "masto-fr")
    return post_id


def tandem(desk, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main([*argv, "--db", str(desk.db)], stdout=out)
    return code, out.getvalue()


@pytest.mark.parametrize("argv, message", [
    ((), "Give one post id: tandem publish ID"),
    (("retract", "1"), "needs --lang en or --lang fr"),
    (("1", "--lang", "fr"), "needs --lang en or --lang fr (and only it takes --lang)"),
    (("--resume", "1"), "--resume takes no post id"),
    (("status", "one"), "Give one post id: tandem publish status ID"),
    (("retry", "1", "--dry-run"), "--dry-run and --at go with `tandem publish ID`"),
    (("1", "--at", "next tuesday"), "'next tuesday' is not a time"),
    (("due", "1"), "`tandem publish due` takes no post id"),
])
def test_usage_errors_say_what_to_type(desk, capsys, argv, message):
    code, _ = tandem(desk, "publish", *argv)
    assert code == 2 and message in capsys.readouterr().err


def test_times_with_a_zone_or_local(desk):
    assert parse_time("2099-05-01T09:00-04:00").utcoffset().total_seconds() == -4 * 3600
    local = parse_time("2099-05-01 09:00")
    assert local.tzinfo is not None and local.replace(tzinfo=None) == datetime(2099, 5, 1, 9)
    with pytest.raises(TandemError, match="is not a time"):
        parse_time("31/05/2099")


def test_dry_run_shows_the_posts_in_order_and_sends_nothing(desk, servers, post):
    code, out = tandem(desk, "publish", str(post), "--dry-run")
    assert code == 0, out
    assert f"Post {post}: ready to publish; would send, in this order:" in out
    assert out.index("1. English to masto-en (Mastodon, as @gc@en.social.test)") \
        < out.index("2. French to masto-fr (Mastodon, as @gc@fr.social.test)")
    assert EN in out and FR in out
    code, out = tandem(desk, "--json", "publish", str(post), "--dry-run")
    plan = json.loads(out)
    assert plan["ok"] and [p["lang"] for p in plan["posts"]] == ["en", "fr"]
    assert plan["posts"][0]["count"] == {"used": 64, "limit": 1000, "unit": "graphemes",
                                         "ok": True}  # the URL counts 23, the instance's limit
    assert servers["en"].posts.call_count == servers["fr"].posts.call_count == 0
    assert desk.alice.store.publications(post) == []


def test_dry_run_of_a_post_that_cannot_go_lists_why_and_exits_1(desk, servers):
    post_id = desk.alice.posts.create(en=EN, fr=FR).post.id
    code, out = tandem(desk, "publish", str(post_id), "--dry-run")
    assert code == 1
    assert f"Post {post_id}: cannot be published:" in out
    assert "- the English text has no official version (v1 is not signed off)" in out


def test_publish_then_status(desk, servers, post):
    code, out = tandem(desk, "publish", str(post))
    assert code == 0, out
    assert f"Post {post} (" in out and "published" in out
    assert "https://en.social.test/@gc/1" in out and "https://fr.social.test/@gc/1" in out
    assert "gap between the languages on Mastodon:" in out
    code, out = tandem(desk, "--json", "publish", "status", str(post))
    status = json.loads(out)
    assert code == 0 and status["state"] == "published" and status["actions"] == []
    assert [(e["account"], e["state"]) for e in status["publication"]["entries"]] == [
        ("masto-en", "confirmed"), ("masto-fr", "confirmed")]
    assert set(status["publication"]["gaps_seconds"]) == {"mastodon"}


def test_a_half_pair_exits_1_and_retry_completes_it(desk, servers, post):
    servers["fr"].script = [httpx.Response(422, json={"error": "Validation failed: too long"})]
    code, out = tandem(desk, "publish", str(post))
    assert code == 1
    assert "English is out alone on Mastodon" in out
    assert f"next: `tandem publish retry {post}` or `tandem publish retract {post} --lang en`" \
        in out
    code, out = tandem(desk, "publish", "retry", str(post))
    assert code == 0, out
    assert len(servers["en"].statuses) == len(servers["fr"].statuses) == 1


def test_retract_deletes_the_lone_language(desk, servers, post):
    servers["fr"].script = [httpx.Response(422, json={"error": "Validation failed"})]
    tandem(desk, "publish", str(post))
    assert len(servers["en"].statuses) == 1
    code, out = tandem(desk, "publish", "retract", str(post), "--lang", "en")
    assert code == 0, out
    assert servers["en"].deletes.call_count == 1 and servers["en"].statuses == []
    assert json.loads(tandem(desk, "--json", "publish", "status", str(post))[1])["state"] \
        == "approved"


def test_schedule_status_and_unschedule(desk, servers, post):
    code, out = tandem(desk, "publish", str(post), "--at", "2099-05-01T09:00-04:00")
    assert code == 0, out
    assert "(13:00 UTC)" in out and "asks when it next starts" in out
    status = json.loads(tandem(desk, "--json", "publish", "status", str(post))[1])
    assert status["state"] == "scheduled"
    assert status["schedule"]["due_at"] == "2099-05-01T13:00:00.000000Z"
    assert status["schedule"]["given_as"] == "2099-05-01T09:00:00-04:00"
    assert tandem(desk, "publish", "due") == (0, "Nothing is due.\n")
    code, out = tandem(desk, "publish", "unschedule", str(post))
    assert code == 0 and "approved" in out
    assert servers["en"].posts.call_count == 0


def test_resume_with_nothing_to_do(desk, servers, post):
    assert tandem(desk, "publish", "--resume") == (
        0, "Nothing to resume: every publication is complete.\n")


def test_only_publishers_publish(desk, servers, post, monkeypatch, capsys):
    monkeypatch.setenv("TANDEM_USER", "bob")
    code, _ = tandem(desk, "publish", str(post))
    assert code == 2 and "bob cannot publish post" in capsys.readouterr().err
    assert servers["en"].posts.call_count == 0
