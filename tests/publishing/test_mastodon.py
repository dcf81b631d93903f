"""The Mastodon channel against the documented REST contract (mocked with respx)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import respx

from desktop.core.counting import MastodonLimits
from desktop.publishing.channel import (
    AuthInvalid,
    BadResponse,
    NotFoundRemote,
    Outgoing,
    RateLimited,
    Rejected,
    RemotePost,
    Transient,
)
from desktop.publishing.credentials import Secret
from desktop.publishing.mastodon import Mastodon

INSTANCE = "https://social.test"
TOKEN = "token-" + uuid.uuid4().hex
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def status(status_id: str, text: str, created_at: datetime) -> dict:
    return {
        "id": status_id, "created_at": created_at.isoformat().replace("+00:00", "Z"),
        "url": f"{INSTANCE}/@gc/{status_id}", "uri": f"{INSTANCE}/users/gc/statuses/{status_id}",
        "content": f"<p>{text}</p>", "language": "fr", "visibility": "public",
    }


@pytest.fixture
def api():
    with respx.mock(base_url=INSTANCE, assert_all_called=False) as router:
        router.get("/api/v1/accounts/verify_credentials").respond(
            json={"id": "109", "username": "gc", "acct": "gc"})
        yield router


@pytest.fixture
def client():
    with Mastodon(INSTANCE, lambda: Secret(TOKEN), visibility="unlisted") as mastodon:
        yield mastodon


def outgoing(text: str = "Bonjour", created_at: datetime = NOW) -> Outgoing:
    return Outgoing(text, ("fr",), str(uuid.uuid4()), created_at)


def test_publish_sends_language_visibility_and_idempotency_key(api, client):
    route = api.post("/api/v1/statuses").respond(json=status("1", "Bonjour", NOW))
    post = outgoing()
    assert client.publish(post) == RemotePost("1", f"{INSTANCE}/@gc/1", NOW)
    request = route.calls.last.request
    assert request.headers["Idempotency-Key"] == post.idempotency_key
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert json.loads(request.content) == {"status": "Bonjour", "visibility": "unlisted", "language": "fr"}


def test_a_retry_sends_the_same_idempotency_key(api, client):
    route = api.post("/api/v1/statuses").respond(json=status("1", "Bonjour", NOW))
    post = outgoing()
    assert client.publish(post) == client.publish(post)
    keys = {call.request.headers["Idempotency-Key"] for call in route.calls}
    assert keys == {post.idempotency_key}


def test_instance_limits_come_from_v2_instance_once(api, client):
    route = api.get("/api/v2/instance").respond(json={
        "domain": "social.test",
        "configuration": {"statuses": {"max_characters": 1000, "characters_reserved_per_url": 30}},
    })
    assert client.instance_limits() == MastodonLimits(1000, 30)
    count = client.count("Voir https://canada.ca/fr/une/tres/longue/adresse")
    assert (count.limit, count.used) == (1000, len("Voir ") + 30)
    assert route.call_count == 1


def test_check_auth_names_the_account(api, client):
    account = client.check_auth()
    assert (account.remote_id, account.handle) == ("109", "@gc@social.test")


def test_find_matches_the_source_text_since_the_first_attempt(api, client):
    post = outgoing("Voir https://canada.ca/fr & merci")
    timeline = api.get("/api/v1/accounts/109/statuses").respond(json=[
        status("3", "Autre chose", NOW + timedelta(minutes=2)),
        status("2", "Voir ...", NOW + timedelta(seconds=5)),
        status("1", "Ancien", NOW - timedelta(days=1)),
    ])
    api.get("/api/v1/statuses/3/source").respond(json={"id": "3", "text": "Autre chose"})
    api.get("/api/v1/statuses/2/source").respond(json={"id": "2", "text": post.text + "\n"})
    found = client.find(post)
    assert found == RemotePost("2", f"{INSTANCE}/@gc/2", NOW + timedelta(seconds=5))
    assert timeline.calls.last.request.url.params["exclude_reblogs"] == "true"


def test_find_stops_at_statuses_older_than_the_attempt(api, client):
    api.get("/api/v1/accounts/109/statuses").respond(json=[status("1", "Bonjour", NOW - timedelta(days=1))])
    source = api.get("/api/v1/statuses/1/source").respond(json={"id": "1", "text": "Bonjour"})
    assert client.find(outgoing("Bonjour")) is None
    assert source.call_count == 0


def test_find_pages_back_with_max_id(api, client):
    first_page = [status(str(100 - i), f"Other {i}", NOW + timedelta(minutes=5)) for i in range(40)]
    route = api.get("/api/v1/accounts/109/statuses")
    route.side_effect = [httpx.Response(200, json=first_page), httpx.Response(200, json=[])]
    api.get(url__regex=r"/api/v1/statuses/\d+/source").respond(json={"text": "Other"})
    assert client.find(outgoing("Bonjour")) is None
    assert route.calls[1].request.url.params["max_id"] == "61"


def test_delete_is_quiet_when_already_gone(api, client):
    api.delete("/api/v1/statuses/1").respond(json=status("1", "x", NOW))
    api.delete("/api/v1/statuses/2").respond(404, json={"error": "Record not found"})
    client.delete("1")
    client.delete("2")


@pytest.mark.parametrize(("answer", "kind"), [
    (httpx.Response(401, json={"error": "The access token is invalid"}), AuthInvalid),
    (httpx.Response(403, json={"error": "This action is outside the authorized scopes"}), AuthInvalid),
    (httpx.Response(404, json={"error": "Record not found"}), NotFoundRemote),
    (httpx.Response(422, json={"error": "Validation failed: Text character limit of 500 exceeded"}), Rejected),
    (httpx.Response(503, text="Service Unavailable"), Transient),
])
def test_errors_map_to_the_taxonomy(api, client, answer, kind):
    api.post("/api/v1/statuses").mock(return_value=answer)
    with pytest.raises(kind) as caught:
        client.publish(outgoing())
    assert TOKEN not in str(caught.value)
    if answer.status_code != 503:
        assert answer.json()["error"] in str(caught.value)


def test_rate_limit_reads_the_iso_reset_header(api, client):
    api.post("/api/v1/statuses").respond(
        429, json={"error": "Too many requests"},
        headers={"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                 "X-RateLimit-Reset": "2026-03-01T12:05:00.123Z"})
    with pytest.raises(RateLimited) as caught:
        client.publish(outgoing())
    assert caught.value.retry_at == datetime(2026, 3, 1, 12, 5, 0, 123000, tzinfo=UTC)


def test_the_token_is_not_in_the_repr(client):
    assert TOKEN not in repr(client)


def test_a_garbled_timeline_is_an_error_not_a_miss(api, client):
    api.get("/api/v1/accounts/109/statuses").respond(json={"error": "surprise"})
    with pytest.raises(BadResponse):
        client.find(outgoing())
