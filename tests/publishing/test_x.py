"""The X channel against the documented API v2 contract (mocked with respx)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import respx

from desktop.publishing.channel import (
    AuthExpired,
    AuthInvalid,
    BadResponse,
    Conflict,
    Outgoing,
    RateLimited,
    Rejected,
    RemotePost,
    Transient,
)
from desktop.publishing.credentials import Secret
from desktop.publishing.x import X

API = "https://api.x.com"
TOKEN = "user-token-" + uuid.uuid4().hex
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def api():
    with respx.mock(base_url=API, assert_all_called=False) as router:
        router.get("/2/users/me").respond(json={"data": {"id": "42", "name": "GC", "username": "gc"}})
        yield router


@pytest.fixture
def client():
    with X(lambda: Secret(TOKEN)) as x:
        yield x


def outgoing(text: str = "Bonjour") -> Outgoing:
    return Outgoing(text, ("fr",), str(uuid.uuid4()), NOW)


def tweet(tweet_id: str, text: str, created_at: datetime = NOW) -> dict:
    return {"id": tweet_id, "text": text, "created_at": created_at.isoformat().replace("+00:00", ".000Z"),
            "edit_history_tweet_ids": [tweet_id]}


def test_publish_posts_the_text_with_the_user_token(api, client):
    route = api.post("/2/tweets").respond(201, json={"data": {"id": "1890", "text": "Bonjour"}})
    published = client.publish(outgoing())
    assert (published.remote_id, published.url) == ("1890", "https://x.com/i/web/status/1890")
    request = route.calls.last.request
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert json.loads(request.content) == {"text": "Bonjour"}


def test_find_matches_text_with_links_shortened_and_entities_escaped(api, client):
    post = outgoing("Budget & plan : https://budget.canada.ca/2025/home-accueil-fr.html <3")
    timeline = api.get("/2/users/42/tweets").respond(json={
        "data": [
            tweet("3", "Autre chose", NOW + timedelta(minutes=1)),
            tweet("2", "Budget &amp; plan : https://t.co/AbC123xyZ &lt;3", NOW + timedelta(seconds=3)),
        ],
        "meta": {"result_count": 2},
    })
    assert client.find(post) == RemotePost("2", "https://x.com/i/web/status/2", NOW + timedelta(seconds=3))
    params = timeline.calls.last.request.url.params
    assert params["start_time"] == "2026-03-01T11:50:00Z"
    assert params["tweet.fields"] == "created_at"


def test_find_follows_pagination_and_returns_none_when_absent(api, client):
    route = api.get("/2/users/42/tweets")
    route.side_effect = [
        httpx.Response(200, json={"data": [tweet("5", "Other")], "meta": {"next_token": "page2"}}),
        httpx.Response(200, json={"meta": {"result_count": 0}}),
    ]
    assert client.find(outgoing("Bonjour")) is None
    assert route.calls[1].request.url.params["pagination_token"] == "page2"


def test_find_compares_nfc_text(api, client):
    api.get("/2/users/42/tweets").respond(json={"data": [tweet("7", "Été")], "meta": {}})
    assert client.find(outgoing("E\u0301te\u0301")) is not None


def test_duplicate_content_is_a_conflict(api, client):
    api.post("/2/tweets").respond(403, json={
        "detail": "You are not allowed to create a Tweet with duplicate content.",
        "type": "about:blank", "title": "Forbidden", "status": 403})
    with pytest.raises(Conflict) as caught:
        client.publish(outgoing())
    assert caught.value.code == "duplicate"


def test_rate_limit_reads_x_rate_limit_reset(api, client):
    api.post("/2/tweets").respond(429, json={"title": "Too Many Requests", "status": 429},
                                  headers={"x-rate-limit-remaining": "0",
                                           "x-rate-limit-reset": str(int(NOW.timestamp()))})
    with pytest.raises(RateLimited) as caught:
        client.publish(outgoing())
    assert caught.value.retry_at == NOW


def test_daily_post_cap_uses_its_own_reset(api, client):
    daily_reset = NOW + timedelta(hours=20)
    api.post("/2/tweets").respond(429, json={"title": "Too Many Requests", "status": 429}, headers={
        "x-rate-limit-reset": str(int(NOW.timestamp())),
        "x-user-limit-24hour-remaining": "0",
        "x-user-limit-24hour-reset": str(int(daily_reset.timestamp())),
    })
    with pytest.raises(RateLimited) as caught:
        client.publish(outgoing())
    assert caught.value.retry_at == daily_reset


@pytest.mark.parametrize(("answer", "kind"), [
    (httpx.Response(401, json={"title": "Unauthorized", "status": 401, "detail": "Unauthorized"}), AuthExpired),
    (httpx.Response(403, json={"title": "Forbidden", "status": 403,
                               "detail": "You are not permitted to perform this action."}), AuthInvalid),
    (httpx.Response(400, json={"errors": [{"message": "Your Tweet text is too long."}],
                               "title": "Invalid Request"}), Rejected),
    (httpx.Response(503, json={"title": "Service Unavailable"}), Transient),
])
def test_errors_map_to_the_taxonomy(api, client, answer, kind):
    api.post("/2/tweets").mock(return_value=answer)
    with pytest.raises(kind) as caught:
        client.publish(outgoing())
    assert TOKEN not in str(caught.value) and TOKEN not in repr(client)


def test_the_most_specific_message_is_shown(api, client):
    api.post("/2/tweets").respond(400, json={"errors": [{"message": "Your Tweet text is too long."}],
                                             "title": "Invalid Request"})
    with pytest.raises(Rejected, match="Your Tweet text is too long"):
        client.publish(outgoing())


def test_delete_is_quiet_when_already_gone(api, client):
    api.delete("/2/tweets/1").respond(json={"data": {"deleted": True}})
    api.delete("/2/tweets/2").respond(404, json={"title": "Not Found Error", "status": 404})
    client.delete("1")
    client.delete("2")


@pytest.mark.parametrize("answer", [[], {"data": "nothing"}, {"data": [{"id": "1"}]}])
def test_a_garbled_timeline_is_an_error_not_a_miss(api, client, answer):
    api.get("/2/users/42/tweets").respond(json=answer)
    with pytest.raises(BadResponse):
        client.find(outgoing())
