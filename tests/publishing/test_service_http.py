"""How the publish service reacts to what Mastodon, X and a hand-off receiver really answer
(respx plays stateful servers), through the real channel factory and the real keyring:
every bad answer ends in a retry, a refresh or a failure with its reason, never a double post
and never a secret in the store."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import respx

from desktop.app.publishing import publish_service
from desktop.cli.hints import cli_text
from desktop.core.model import Lang, PostState
from desktop.publishing.credentials import Secret
from desktop.publishing.factory import ChannelFactory
from desktop.publishing.outbox import EntryState
from desktop.publishing.service import PublishService, RetryPolicy
from desktop.publishing.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify

from .fake_network import FakeClock
from .keyring_env import secret_service  # noqa: F401 (fixture)
from .mock_servers import MastodonServer, XServer
from .publish_desk import PublishDesk

pytestmark = pytest.mark.usefixtures("secret_service")

EN = "Tax season opens today: file online at https://canada.ca/taxes"
FR = "La saison des impôts s'ouvre aujourd'hui : produisez en ligne à https://canada.ca/impots"
TOKENS = {"en": "masto-en-TOKEN-7f1c", "fr": "masto-fr-TOKEN-93ab"}


@pytest.fixture
def desk(tmp_path):
    desk = PublishDesk(tmp_path / "http.sqlite3")
    yield desk
    desk.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def publisher(desk: PublishDesk, clock: FakeClock) -> PublishService:
    return publish_service(desk.alice, channels=ChannelFactory(),
                          retry=RetryPolicy(attempts=3, base_delay=1.0, max_wait=30.0),
                          clock=clock.now, sleep=clock.sleep)


@pytest.fixture
def mastodon(desk):
    """An approved post to an English and a French Mastodon account on two instances."""
    with respx.mock(assert_all_called=False) as router:
        servers = {lang: MastodonServer(router, f"https://{lang}.social.test", TOKENS[lang])
                   for lang in ("en", "fr")}
        for lang, server in servers.items():
            desk.account("mastodon", f"masto-{lang}", lang, TOKENS[lang], service_url=server.base,
                         handle="gc")
        post_id = desk.approved(EN, FR + " " + "Détails sur le site. " * 20)  # > 500, < 1000
        desk.targets(post_id, "masto-en", "masto-fr")
        yield post_id, servers


def never_leaks(desk: PublishDesk) -> None:
    files = [p for p in desk.db.parent.iterdir() if p.name.startswith(desk.db.name)]
    blobs = b"".join(p.read_bytes() for p in files)
    assert all(token.encode() not in blobs for token in TOKENS.values())


def bad(status: int, error: str, **headers: str) -> httpx.Response:
    return httpx.Response(status, json={"error": error}, headers=headers)


@pytest.mark.parametrize("script, reason", [
    ([bad(400, "Validation failed: Language is invalid")], "Language is invalid"),
    ([bad(413, "Payload too large")], "Payload too large"),
    ([bad(422, "Validation failed: Text character limit of 1000 exceeded")], "limit of 1000"),
    ([bad(401, "The access token was revoked")], "tandem accounts secret masto-fr"),
    ([bad(403, "This action is outside the authorized scopes")], "tandem accounts secret masto-fr"),
    ([bad(404, "Record not found")], "Record not found"),
    ([bad(409, "Conflict")], "Conflict"),
], ids=["400", "413", "422", "401", "403", "404", "409"])
def test_refusals_fail_at_once_with_the_servers_reason(desk, clock, mastodon, script, reason):
    post_id, servers = mastodon
    servers["fr"].script = script
    with publisher(desk, clock) as service:
        status = service.publish(post_id)
    assert status.state is PostState.HALF_PUBLISHED and status.alone == {"mastodon": Lang.EN}
    fr = status.publication.entries[1]
    assert fr.state is EntryState.FAILED and reason in cli_text(fr.last_error)
    assert servers["fr"].posts.call_count == 1 and clock.sleeps == []
    assert servers["fr"].statuses == [] and len(servers["en"].statuses) == 1
    never_leaks(desk)


@pytest.mark.parametrize("script, waits", [
    ([bad(500, "Internal server error")], [1.0]),
    ([bad(502, "Bad gateway"), bad(503, "Unavailable")], [1.0, 2.0]),
    ([httpx.ReadTimeout("timed out")], [1.0]),
    ([httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")], [1.0]),
], ids=["500", "502-503", "timeout", "tls"])
def test_transient_answers_are_retried_with_the_same_key(desk, clock, mastodon, script, waits):
    post_id, servers = mastodon
    servers["fr"].script = list(script)
    with publisher(desk, clock) as service:
        status = service.publish(post_id)
    assert status.state is PostState.PUBLISHED and clock.sleeps == waits
    calls = servers["fr"].posts.calls
    assert len(calls) == len(script) + 1
    assert len({c.request.headers["Idempotency-Key"] for c in calls}) == 1
    assert len(servers["fr"].statuses) == 1


def test_a_rate_limit_is_waited_out_until_the_instance_says(desk, clock, mastodon):
    post_id, servers = mastodon
    reset = (clock.now() + timedelta(seconds=12)).isoformat().replace("+00:00", "Z")
    servers["fr"].script = [bad(429, "Too many requests", **{"X-RateLimit-Reset": reset})]
    with publisher(desk, clock) as service:
        assert service.publish(post_id).state is PostState.PUBLISHED
    assert clock.sleeps == [12.0] and len(servers["fr"].statuses) == 1


def test_three_server_errors_leave_a_half_pair(desk, clock, mastodon):
    post_id, servers = mastodon
    servers["fr"].script = [bad(503, "Unavailable")] * 3
    with publisher(desk, clock) as service:
        status = service.publish(post_id)
    assert status.state is PostState.HALF_PUBLISHED
    assert "503" in status.publication.entries[1].last_error
    assert clock.sleeps == [1.0, 2.0] and servers["fr"].statuses == []


def test_a_garbled_success_is_found_on_the_timeline_not_posted_again(desk, clock, mastodon):
    post_id, servers = mastodon
    servers["fr"].script = ["garbled"]
    with publisher(desk, clock) as service:
        status = service.publish(post_id)
    assert status.state is PostState.PUBLISHED
    assert servers["fr"].posts.call_count == 1 and len(servers["fr"].statuses) == 1
    assert status.publication.entries[1].remote_url == "https://fr.social.test/@gc/1"


def test_the_instances_own_limit_is_used(desk, clock, mastodon):
    post_id, _servers = mastodon  # the French text is over Mastodon's default 500
    with publisher(desk, clock) as service:
        plan = service.preflight(post_id)
    assert plan.ok and plan.posts[1].count.limit == 1000


def test_a_revoked_token_is_a_preflight_reason_and_nothing_is_sent(desk, clock, mastodon):
    post_id, servers = mastodon
    servers["en"].token = "another-token"
    with publisher(desk, clock) as service:
        plan = service.preflight(post_id)
    assert plan.problems == ("masto-en (Mastodon): Mastodon answered 401: The access token is "
                             "invalid",)
    assert servers["en"].posts.call_count == 0 and servers["fr"].posts.call_count == 0


# -- X ----------------------------------------------------------------------------------------
@pytest.fixture
def x(desk):
    tokens = {"en": "x-en-TOKEN-5d2e", "fr": "x-fr-TOKEN-c4a0"}
    with respx.mock(assert_all_called=False) as router:
        server = XServer(router, tokens)
        for lang in ("en", "fr"):
            desk.account("x", f"x-{lang}", lang, tokens[lang], service_url="https://api.x.com",
                         handle=f"gc_{lang}")
        post_id = desk.approved("Budget 2026: https://canada.ca/budget",
                                "Budget 2026 : https://canada.ca/budget-fr")
        desk.targets(post_id, "x-en", "x-fr")
        yield post_id, server


def test_x_duplicate_after_a_lost_answer_is_ours_and_is_found(desk, clock, x):
    post_id, server = x
    server.script = ["ok", "timeout"]  # the French tweet is made, but the answer is lost
    server.lagging = 1  # and the first look at the timeline does not show it yet
    with publisher(desk, clock) as service:
        status = service.publish(post_id)
    assert status.state is PostState.PUBLISHED
    assert [len(tweets) for tweets in server.tweets.values()] == [1, 1]
    assert server.posts.call_count == 3  # EN, FR (lost), FR again → 403 duplicate → found


def test_x_expired_token_is_refreshed_once_then_reported(desk, clock, x):
    post_id, server = x
    unauthorized = httpx.Response(401, json={"title": "Unauthorized", "status": 401})
    server.script = ["ok", unauthorized, unauthorized]
    with publisher(desk, clock) as service:
        status = service.publish(post_id)
    fr = status.publication.entries[1]
    assert status.state is PostState.HALF_PUBLISHED and clock.sleeps == [0.0]
    assert "expired or was revoked" in fr.last_error
    assert "tandem accounts secret x-fr" in cli_text(fr.last_error)


def test_x_daily_cap_fails_for_now_with_when_it_lifts(desk, clock, x):
    post_id, server = x
    reset = int((datetime.now(UTC) + timedelta(hours=9)).timestamp())
    server.script = ["ok", httpx.Response(429, json={"title": "Too Many Requests"}, headers={
        "x-user-limit-24hour-remaining": "0", "x-user-limit-24hour-reset": str(reset)})]
    with publisher(desk, clock) as service:
        status = service.publish(post_id)
    assert status.state is PostState.HALF_PUBLISHED and clock.sleeps == []
    assert "the limit lifts at" in status.publication.entries[1].last_error


# -- the hand-off webhook ---------------------------------------------------------------------
def test_a_hand_off_carries_both_texts_signed_and_is_resent_with_the_same_key(desk, clock):
    key = "hook-KEY-81be"
    url = "https://cms.test/hooks/tandem"
    desk.account("webhook", "cms", "both", key, service_url=url, handle="cms")
    post_id = desk.approved(EN, FR)
    desk.targets(post_id, "cms")
    with respx.mock() as router:
        route = router.post(url).mock(side_effect=[
            httpx.Response(503, text="busy"), httpx.Response(202, json={"id": "cms-7"})])
        with publisher(desk, clock) as service:
            status = service.publish(post_id)
    assert status.state is PostState.PUBLISHED
    (entry,) = status.publication.entries
    assert (entry.lang, entry.remote_id, entry.remote_url) == ("both", "cms-7", url)
    first, second = (call.request for call in route.calls)
    assert first.headers["Idempotency-Key"] == second.headers["Idempotency-Key"] \
        == entry.idempotency_key
    body = json.loads(second.content)
    assert {lang: v["text"] for lang, v in body["versions"].items()} == {"en": EN, "fr": FR}
    assert body["signoffs"]["en"]["signed_off_by"] == "bob"
    assert [a["approver"] for a in body["signoffs"]["approvals"]] == ["carol"]
    assert verify(second.content, second.headers[TIMESTAMP_HEADER],
                  second.headers[SIGNATURE_HEADER], Secret(key))
    files = [p for p in desk.db.parent.iterdir() if p.name.startswith(desk.db.name)]
    assert all(key.encode() not in p.read_bytes() for p in files)
