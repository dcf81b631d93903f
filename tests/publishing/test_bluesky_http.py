"""Bluesky answers a local PDS cannot be made to give: rate limits, server and network
failures, malformed JSON, an entryway that hands over to another PDS; and link previews.
The real-server behaviour is in test_bluesky_pds.py."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import httpx
import pytest
import respx

from desktop.publishing.bluesky import Bluesky, PagePreviewer
from desktop.publishing.channel import (
    AuthExpired,
    BadResponse,
    Outgoing,
    RateLimited,
    Transient,
)
from desktop.publishing.credentials import Secret

ENTRYWAY = "https://entryway.test"
PDS = "https://pds.test"
PASSWORD = "app-password-" + uuid.uuid4().hex
DID = "did:plc:abc"
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def session_answer(access: str = "access-1", refresh: str = "refresh-1") -> dict:
    return {
        "did": DID, "handle": "gc.test", "accessJwt": access, "refreshJwt": refresh,
        "didDoc": {"id": DID, "service": [
            {"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": PDS},
        ]},
    }


@pytest.fixture
def api():
    with respx.mock(assert_all_called=False) as router:
        router.post(f"{ENTRYWAY}/xrpc/com.atproto.server.createSession").respond(json=session_answer())
        router.get(f"{PDS}/xrpc/com.atproto.repo.getRecord").respond(
            400, json={"error": "RecordNotFound", "message": "Could not locate record"})
        yield router


@pytest.fixture
def client():
    with Bluesky("gc.test", lambda: Secret(PASSWORD), service_url=ENTRYWAY) as bluesky:
        yield bluesky


def post(text: str = "Bonjour") -> Outgoing:
    return Outgoing(text, ("fr",), str(uuid.uuid4()), NOW)


def assert_no_secret(error: BaseException) -> None:
    assert PASSWORD not in str(error) and PASSWORD not in repr(error)


def test_session_moves_to_the_pds_named_in_the_did_document(api, client):
    put = api.post(f"{PDS}/xrpc/com.atproto.repo.putRecord").respond(json={"uri": "at://x", "cid": "c"})
    published = client.publish(post())
    assert put.calls.last.request.headers["Authorization"] == "Bearer access-1"
    assert published.remote_id.startswith(f"at://{DID}/app.bsky.feed.post/")
    assert published.url.startswith(f"https://bsky.app/profile/{DID}/post/")


def test_rate_limit_gives_the_reset_time(api, client):
    api.post(f"{PDS}/xrpc/com.atproto.repo.putRecord").respond(
        429, json={"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"},
        headers={"ratelimit-limit": "5000", "ratelimit-remaining": "0",
                 "ratelimit-reset": str(int(NOW.timestamp()))})
    with pytest.raises(RateLimited) as caught:
        client.publish(post())
    assert caught.value.retry_at == NOW
    assert caught.value.code == "RateLimitExceeded"


def test_sign_in_rate_limit_is_reported_without_the_password(api, client):
    api.post(f"{ENTRYWAY}/xrpc/com.atproto.server.createSession").respond(
        429, json={"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"})
    with pytest.raises(RateLimited) as caught:
        client.check_auth()
    assert_no_secret(caught.value)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_transient_and_do_not_quote_html(api, client, status):
    api.post(f"{PDS}/xrpc/com.atproto.repo.putRecord").respond(
        status, text="<html><body>" + "x" * 5000 + "</body></html>")
    with pytest.raises(Transient) as caught:
        client.publish(post())
    assert caught.value.retryable
    assert "<html>" not in str(caught.value)


@pytest.mark.parametrize("failure", [
    httpx.ReadTimeout("timed out"), httpx.ConnectTimeout("timed out"),
    httpx.ConnectError("connection refused"), httpx.RemoteProtocolError("peer closed"),
])
def test_network_failures_are_transient(api, client, failure):
    api.post(f"{PDS}/xrpc/com.atproto.repo.putRecord").mock(side_effect=failure)
    with pytest.raises(Transient) as caught:
        client.publish(post())
    assert_no_secret(caught.value)


def test_malformed_json_is_a_bad_response(api, client):
    api.post(f"{PDS}/xrpc/com.atproto.repo.putRecord").respond(200, text='{"uri": ')
    with pytest.raises(BadResponse):
        client.publish(post())


def test_answer_missing_fields_is_a_bad_response(api, client):
    api.post(f"{ENTRYWAY}/xrpc/com.atproto.server.createSession").respond(json={"did": DID})
    with pytest.raises(BadResponse):
        client.check_auth()


def test_token_still_expired_after_renewal_is_auth_expired(api, client):
    expired = {"error": "ExpiredToken", "message": "Token has expired"}
    api.get(f"{PDS}/xrpc/com.atproto.server.getSession").respond(400, json=expired)
    refresh = api.post(f"{PDS}/xrpc/com.atproto.server.refreshSession").respond(
        json=session_answer("access-2", "refresh-2"))
    with pytest.raises(AuthExpired):
        client.check_auth()
    assert refresh.call_count == 1
    assert refresh.calls.last.request.headers["Authorization"] == "Bearer refresh-1"


def test_page_previewer_reads_open_graph_and_the_image():
    page = ('<html><head><title>Fallback</title>'
            '<meta property="og:title" content="Budget 2025 : Canada">'
            '<meta name="description" content="Le budget fédéral">'
            '<meta property="og:image" content="/img/card.png"></head></html>')
    with respx.mock() as router:
        router.get("https://budget.test/fr").respond(200, html=page)
        router.get("https://budget.test/img/card.png").respond(
            200, content=b"\x89PNG", headers={"Content-Type": "image/png"})
        with PagePreviewer() as previewer:
            preview = previewer("https://budget.test/fr")
    assert preview is not None
    assert (preview.title, preview.description) == ("Budget 2025 : Canada", "Le budget fédéral")
    assert (preview.image, preview.image_type) == (b"\x89PNG", "image/png")


def test_page_previewer_falls_back_to_title_and_skips_oversized_images():
    page = '<title> Canada.ca </title><meta property="og:image" content="https://img.test/big.jpg">'
    with respx.mock() as router:
        router.get("https://canada.test/").respond(200, html=page)
        router.get("https://img.test/big.jpg").respond(
            200, content=b"0" * (PagePreviewer.MAX_IMAGE_BYTES + 1), headers={"Content-Type": "image/jpeg"})
        with PagePreviewer() as previewer:
            preview = previewer("https://canada.test/")
    assert preview is not None
    assert (preview.title, preview.image) == ("Canada.ca", None)


@pytest.mark.parametrize("answer", [
    httpx.Response(404, html="<title>Not found</title>"),
    httpx.Response(200, json={"title": "not a page"}),
    httpx.ConnectError("offline"),
])
def test_page_previewer_gives_no_card_when_the_page_is_unusable(answer):
    with respx.mock() as router:
        route = router.get("https://gone.test/")
        route.mock(side_effect=answer) if isinstance(answer, Exception) else route.mock(return_value=answer)
        with PagePreviewer() as previewer:
            assert previewer("https://gone.test/") is None
