"""Hand-off webhook: sends an approved English/French pair, signed, to another system.

The body is JSON; the request carries

- ``X-Tandem-Timestamp``: Unix time of sending, in seconds;
- ``X-Tandem-Signature``: ``sha256=`` + hex HMAC-SHA256, keyed with the shared
  secret, of ``"<timestamp>." + body`` (the raw bytes), so a receiver that
  also refuses old timestamps cannot be fed a replay;
- ``Idempotency-Key``: the pair's key, the same on every retry, for the
  receiver to drop duplicates.

``verify`` is the receiver's check, and documents the scheme in code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx

from desktop.core.model import Lang, sha256_text

from .channel import DEFAULT_TIMEOUT, HttpService, SecretProvider, json_or_empty, utc_now
from .credentials import Secret

EVENT = "tandem.approved_pair"
SIGNATURE_HEADER = "X-Tandem-Signature"
TIMESTAMP_HEADER = "X-Tandem-Timestamp"
#: How old a signed request a receiver should still accept.
DEFAULT_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class ApprovedPair:
    """What the hand-off carries: both texts, their sign-offs, the key."""

    post_id: int
    idempotency_key: str
    texts: Mapping[Lang, str]
    #: Sign-offs and approvals as the caller records them (JSON-serialisable).
    signoffs: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if set(self.texts) != set(Lang):
            raise ValueError("an approved pair needs exactly an English and a French text")
        if not self.idempotency_key:
            raise ValueError("an approved pair needs an idempotency key")


@dataclass(frozen=True)
class HandoffReceipt:
    """The receiver's answer: its HTTP status and, if it gave one, its id for the pair."""

    status: int
    remote_id: str | None


def payload(pair: ApprovedPair) -> bytes:
    """The exact body sent (UTF-8 JSON, keys sorted)."""
    document = {
        "event": EVENT,
        "post_id": pair.post_id,
        "idempotency_key": pair.idempotency_key,
        "versions": {
            str(lang): {"text": pair.texts[lang], "sha256": sha256_text(pair.texts[lang])}
            for lang in Lang
        },
        "signoffs": dict(pair.signoffs),
    }
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def signature(body: bytes, timestamp: str, secret: Secret) -> str:
    """The ``X-Tandem-Signature`` value for ``body`` sent at ``timestamp``."""
    signed = timestamp.encode("ascii") + b"." + body
    mac = hmac.new(secret.reveal().encode("utf-8"), signed, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def verify(body: bytes, timestamp: str, signature_header: str, secret: Secret, *,
           now: datetime | None = None, tolerance: timedelta = DEFAULT_TOLERANCE) -> bool:
    """Whether a received hand-off is authentic and recent (the receiver's side)."""
    try:
        sent = float(timestamp)
    except ValueError:
        return False
    age = (now or utc_now()).timestamp() - sent
    if abs(age) > tolerance.total_seconds():
        return False
    return hmac.compare_digest(signature(body, timestamp, secret), signature_header)


class HandoffWebhook(HttpService):
    """POSTs approved pairs to one URL, signed with the account's shared secret."""

    network = "webhook"
    name = "The hand-off webhook"

    def __init__(self, url: str, secret: SecretProvider, *, http: httpx.Client | None = None,
                 timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> None:
        super().__init__(url, http=http, timeout=timeout)
        self._secret = secret

    def send(self, pair: ApprovedPair) -> HandoffReceipt:
        """Deliver the pair; safe to repeat (same Idempotency-Key, fresh signature)."""
        body = payload(pair)
        timestamp = str(int(utc_now().timestamp()))
        response = self._send("POST", self.base_url, content=body, headers={
            "Content-Type": "application/json; charset=utf-8",
            "Idempotency-Key": pair.idempotency_key,
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: signature(body, timestamp, self._secret()),
        })
        if not response.is_success:
            raise self._error(response)
        # Any 2xx is delivery; a JSON answer may name the receiver's record.
        remote_id = json_or_empty(response).get("id")
        return HandoffReceipt(response.status_code, None if remote_id is None else str(remote_id))
