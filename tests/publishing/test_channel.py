"""The shared channel parts: rate-limit headers, status → error class, Outgoing checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from desktop.core.errors import TandemError
from desktop.publishing.channel import (
    AuthExpired,
    AuthInvalid,
    BadResponse,
    ChannelError,
    Conflict,
    NotFoundRemote,
    Outgoing,
    RateLimited,
    Rejected,
    Transient,
    error_for_status,
    reset_time,
)

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_reset_time_reads_every_networks_header():
    epoch = str(int(NOW.timestamp()))
    assert reset_time(httpx.Headers({"ratelimit-reset": epoch})) == NOW
    assert reset_time(httpx.Headers({"x-rate-limit-reset": epoch})) == NOW
    assert reset_time(httpx.Headers({"X-RateLimit-Reset": "2026-03-01T12:00:00.000Z"})) == NOW
    assert reset_time(httpx.Headers({"Retry-After": "Sun, 01 Mar 2026 12:00:00 GMT"})) == NOW
    assert reset_time(httpx.Headers({})) is None
    assert reset_time(httpx.Headers({"x-rate-limit-reset": "soon"})) is None


def test_retry_after_seconds_count_from_now():
    before = datetime.now(UTC)
    retry_at = reset_time(httpx.Headers({"Retry-After": "30"}))
    after = datetime.now(UTC)
    assert retry_at is not None
    assert before + timedelta(seconds=30) <= retry_at <= after + timedelta(seconds=30)


@pytest.mark.parametrize(("status", "kind", "retryable"), [
    (400, Rejected, False), (413, Rejected, False), (422, Rejected, False),
    (401, AuthInvalid, False), (403, AuthInvalid, False), (404, NotFoundRemote, False),
    (409, Conflict, False), (429, RateLimited, True), (408, Transient, True),
    (500, Transient, True), (502, Transient, True), (503, Transient, True),
])
def test_status_maps_to_error_class(status, kind, retryable):
    error = error_for_status(status, "message", network="x")
    assert type(error) is kind
    assert error.retryable is retryable
    assert isinstance(error, TandemError)
    assert (str(error), error.network) == ("message", "x")


def test_retryable_classes():
    assert AuthExpired.retryable and BadResponse.retryable and Transient.retryable
    assert not ChannelError.retryable and not AuthInvalid.retryable


def test_rate_limited_carries_the_reset():
    headers = httpx.Headers({"x-rate-limit-reset": str(int(NOW.timestamp()))})
    error = error_for_status(429, "slow down", network="x", headers=headers)
    assert isinstance(error, RateLimited) and error.retry_at == NOW


def test_outgoing_needs_a_key_a_language_and_an_aware_time():
    with pytest.raises(ValueError):
        Outgoing("text", ("en",), "", NOW)
    with pytest.raises(ValueError):
        Outgoing("text", (), "key", NOW)
    with pytest.raises(ValueError):
        Outgoing("text", ("en",), "key", NOW.replace(tzinfo=None))
