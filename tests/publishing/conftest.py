"""Fixtures for the publishing tests: one real local PDS per test session, with accounts.

If the PDS is not installed or does not start, every test that needs it fails
(never skips) with the reason: `make test` installs it through scripts/test.sh.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from desktop.publishing.credentials import Secret
from tests.publishing.pds_server import LocalPds, PdsError


@dataclass(frozen=True)
class PdsAccount:
    handle: str
    did: str
    password: str

    def password_provider(self) -> Secret:
        return Secret(self.password)


class PdsHandle:
    """The running PDS as the tests use it: URL, accounts, raw XRPC, forged tokens."""

    def __init__(self, server: LocalPds) -> None:
        self.url = server.url
        self._server = server
        self._http = httpx.Client(base_url=server.url, timeout=30)

    def create_account(self, name: str) -> PdsAccount:
        password = secrets.token_urlsafe(16)
        handle = f"{name}-{secrets.token_hex(3)}.test"
        response = self._http.post("/xrpc/com.atproto.server.createAccount", json={
            "email": f"{handle}@example.com", "handle": handle, "password": password,
        })
        assert response.status_code == 200, response.text
        return PdsAccount(handle=handle, did=response.json()["did"], password=password)

    def xrpc(self, method: str, nsid: str, *, token: str | None = None, **kwargs: object) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self._http.request(method, f"/xrpc/{nsid}", headers=headers, **kwargs)  # type: ignore[arg-type]

    def get_record(self, uri: str) -> dict:
        repo, collection, rkey = uri.removeprefix("at://").split("/")
        response = self.xrpc("GET", "com.atproto.repo.getRecord",
                             params={"repo": repo, "collection": collection, "rkey": rkey})
        assert response.status_code == 200, response.text
        return response.json()["value"]

    def list_posts(self, did: str) -> list[dict]:
        response = self.xrpc("GET", "com.atproto.repo.listRecords",
                             params={"repo": did, "collection": "app.bsky.feed.post", "limit": 100})
        assert response.status_code == 200, response.text
        return response.json()["records"]

    def expired_copy(self, access_jwt: str) -> str:
        """The same access token, validly signed by this PDS, but expired an hour ago."""
        header_b64, payload_b64, _ = access_jwt.split(".")
        payload = json.loads(base64.urlsafe_b64decode(payload_b64 + "=" * (-len(payload_b64) % 4)))
        payload["iat"] = int(time.time()) - 7200
        payload["exp"] = int(time.time()) - 3600
        body = _b64(json.dumps(payload, separators=(",", ":")).encode())
        signing_input = f"{header_b64}.{body}".encode()
        signature = hmac.new(self._server.jwt_secret.encode(), signing_input, hashlib.sha256).digest()
        return f"{header_b64}.{body}.{_b64(signature)}"

    def close(self) -> None:
        self._http.close()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@pytest.fixture(scope="session")
def pds() -> Iterator[PdsHandle]:
    try:
        server = LocalPds()
        server.start()
    except PdsError as exc:
        pytest.fail(f"The local Bluesky PDS is required and could not start: {exc}", pytrace=False)
    handle = PdsHandle(server)
    yield handle
    handle.close()
    server.stop()


@pytest.fixture(scope="session")
def en_account(pds: PdsHandle) -> PdsAccount:
    return pds.create_account("gc-en")


@pytest.fixture(scope="session")
def fr_account(pds: PdsHandle) -> PdsAccount:
    return pds.create_account("gc-fr")


@pytest.fixture(scope="session")
def bilingual_account(pds: PdsHandle) -> PdsAccount:
    return pds.create_account("gc-bil")
