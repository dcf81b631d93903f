"""The hand-off webhook: signed body, replay protection, idempotency key, errors."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import respx

from desktop.core.model import Lang, sha256_text
from desktop.publishing.channel import AuthInvalid, Transient
from desktop.publishing.credentials import Secret
from desktop.publishing.webhook import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    ApprovedPair,
    HandoffReceipt,
    HandoffWebhook,
    verify,
)

URL = "https://cms.test/hooks/tandem"
KEY = "signing-key-" + uuid.uuid4().hex
PAIR = ApprovedPair(
    post_id=12,
    idempotency_key="pub-7",
    texts={Lang.EN: "Budget day: https://canada.ca/en", Lang.FR: "Jour du budget : https://canada.ca/fr"},
    signoffs={"en": {"by": "alice", "at": "2026-03-01T11:00:00Z"},
              "fr": {"by": "benoît", "at": "2026-03-01T11:05:00Z"}, "approved_by": "chloé"},
)


@pytest.fixture
def hook():
    with HandoffWebhook(URL, lambda: Secret(KEY)) as webhook:
        yield webhook


def test_body_carries_both_texts_hashes_signoffs_and_key(hook):
    with respx.mock() as router:
        route = router.post(URL).respond(202, json={"id": "cms-99"})
        assert hook.send(PAIR) == HandoffReceipt(202, "cms-99")
    request = route.calls.last.request
    body = json.loads(request.content)
    assert body == {
        "event": "tandem.approved_pair",
        "post_id": 12,
        "idempotency_key": "pub-7",
        "versions": {
            "en": {"text": PAIR.texts[Lang.EN], "sha256": sha256_text(PAIR.texts[Lang.EN])},
            "fr": {"text": PAIR.texts[Lang.FR], "sha256": sha256_text(PAIR.texts[Lang.FR])},
        },
        "signoffs": PAIR.signoffs,
    }
    assert request.headers["Idempotency-Key"] == "pub-7"
    assert request.headers["Content-Type"].startswith("application/json")


def test_signature_is_hmac_sha256_of_timestamp_and_raw_body(hook):
    before = int(datetime.now(UTC).timestamp())
    with respx.mock() as router:
        route = router.post(URL).respond(200)
        hook.send(PAIR)
    request = route.calls.last.request
    timestamp = request.headers[TIMESTAMP_HEADER]
    assert before <= int(timestamp) <= int(datetime.now(UTC).timestamp())
    expected = hmac.new(KEY.encode(), timestamp.encode() + b"." + request.content, hashlib.sha256).hexdigest()
    assert request.headers[SIGNATURE_HEADER] == f"sha256={expected}"
    assert verify(request.content, timestamp, request.headers[SIGNATURE_HEADER], Secret(KEY))


def test_verify_refuses_tampering_other_keys_and_replays(hook):
    with respx.mock() as router:
        route = router.post(URL).respond(200, text="OK")
        assert hook.send(PAIR) == HandoffReceipt(200, None)
    request = route.calls.last.request
    body = request.content
    timestamp, signed = request.headers[TIMESTAMP_HEADER], request.headers[SIGNATURE_HEADER]
    sent_at = datetime.fromtimestamp(int(timestamp), UTC)
    assert not verify(body.replace(b"budget", b"Budget"), timestamp, signed, Secret(KEY))
    assert not verify(body, timestamp, signed, Secret("another key"))
    assert not verify(body, str(int(timestamp) + 1), signed, Secret(KEY))
    assert not verify(body, timestamp, signed, Secret(KEY), now=sent_at + timedelta(minutes=6))
    assert verify(body, timestamp, signed, Secret(KEY), now=sent_at + timedelta(minutes=4))
    assert not verify(body, "not-a-time", signed, Secret(KEY))


def test_retries_resend_the_same_body_and_key(hook):
    with respx.mock() as router:
        route = router.post(URL)
        route.side_effect = [httpx.Response(502), httpx.Response(200)]
        with pytest.raises(Transient):
            hook.send(PAIR)
        hook.send(PAIR)
    first, second = (call.request for call in route.calls)
    assert first.content == second.content
    assert first.headers["Idempotency-Key"] == second.headers["Idempotency-Key"] == "pub-7"


def test_refused_signature_is_auth_invalid_and_the_key_never_shows(hook):
    with respx.mock() as router:
        router.post(URL).respond(401, json={"error": "bad signature"})
        with pytest.raises(AuthInvalid) as caught:
            hook.send(PAIR)
    assert caught.value.network == "webhook"
    for shown in (str(caught.value), repr(caught.value), repr(hook)):
        assert KEY not in shown


def test_a_pair_needs_both_languages():
    with pytest.raises(ValueError):
        ApprovedPair(post_id=1, idempotency_key="k", texts={Lang.EN: "only English"})
