"""Bluesky channel: posts ``app.bsky.feed.post`` records to the account's PDS over XRPC.

Sessions: one ``createSession`` (tightly rate limited by Bluesky), then
``refreshSession`` whenever the access token expires; ``createSession`` again
only if the refresh token is refused. Tokens live in memory (``SessionCache``)
and never on disk or in a repr.

Idempotency: the record key is a TID derived from the post's idempotency key
and first-attempt time, so a retry addresses the same record; ``publish``
reads it first and writes with ``putRecord``, which is a no-op for identical
content.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

import httpx

from desktop.core.counting import Count, Network, count_bluesky

from . import facets
from .channel import (
    DEFAULT_TIMEOUT,
    AuthExpired,
    AuthInvalid,
    ChannelError,
    Closeable,
    Conflict,
    HttpChannel,
    NotFoundRemote,
    Outgoing,
    OutgoingImage,
    Rejected,
    RemoteAccount,
    RemotePost,
    SecretProvider,
    UploadedImage,
    error_for_status,
    json_or_empty,
    parse_time,
)

POST_COLLECTION = "app.bsky.feed.post"

_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_AUTH_INVALID = frozenset({
    "InvalidToken", "AuthenticationRequired", "AuthMissing", "AccountTakedown",
    "AccountDeactivated", "AuthFactorTokenRequired",
})
_TOKEN_REFUSED = _AUTH_INVALID | {"ExpiredToken"}
_NOT_FOUND = frozenset({"RecordNotFound", "RepoNotFound", "HandleNotFound", "BlobNotFound"})


@dataclass(frozen=True)
class BlueskySession:
    """Tokens of one signed-in account; ``pds_url`` is where its repository lives."""

    did: str
    handle: str
    pds_url: str
    access_jwt: str = field(repr=False)
    refresh_jwt: str = field(repr=False)


class SessionCache:
    """Bluesky sessions kept in memory for one process, shared by its clients."""

    def __init__(self) -> None:
        self._sessions: dict[tuple[str, str], BlueskySession] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<SessionCache of {len(self._sessions)} session(s)>"

    def obtain(self, key: tuple[str, str], stale: BlueskySession | None,
               make: Callable[[BlueskySession | None], BlueskySession]) -> BlueskySession:
        """The cached session, or a new one from ``make`` if there is none or it
        is ``stale`` (a session another thread already replaced is reused)."""
        with self._lock:
            current = self._sessions.get(key)
            if current is None or current is stale:
                current = make(current)
                self._sessions[key] = current
            return current


@dataclass(frozen=True)
class LinkPreview:
    """What a link card shows; ``image`` (at most 1 MB) becomes its thumbnail."""

    title: str
    description: str = ""
    image: bytes | None = field(default=None, repr=False)
    image_type: str = ""


#: Given a URL, the card to show for it, or None for no card.
LinkPreviewer = Callable[[str], LinkPreview | None]


def record_key(post: Outgoing) -> str:
    """A TID (the record-key form ``app.bsky.feed.post`` requires) fixed by the post.

    The timestamp is the first attempt's, with its lowest 10 bits and the
    10-bit clock id taken from a hash of the idempotency key: two posts made
    in the same millisecond still get different keys.
    """
    digest = int.from_bytes(hashlib.sha256(post.idempotency_key.encode("utf-8")).digest()[:4], "big")
    micros = (post.created_at - _EPOCH) // timedelta(microseconds=1)
    micros = (micros & ~0x3FF) | (digest >> 22)
    value = (micros << 10) | ((digest >> 12) & 0x3FF)
    return "".join(_TID_ALPHABET[(value >> (5 * shift)) & 31] for shift in range(12, -1, -1))


class Bluesky(HttpChannel):
    """One Bluesky account, signed in with its handle and an app password."""

    network = Network.BLUESKY
    name = "Bluesky"

    def __init__(self, identifier: str, password: SecretProvider, *,
                 service_url: str = "https://bsky.social", web_url: str = "https://bsky.app",
                 sessions: SessionCache | None = None, link_previewer: LinkPreviewer | None = None,
                 http: httpx.Client | None = None, timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> None:
        super().__init__(service_url, http=http, timeout=timeout)
        self.identifier = identifier
        self.web_url = web_url.rstrip("/")
        self._password = password
        self._sessions = sessions if sessions is not None else SessionCache()
        #: Where this account's session sits in the SessionCache.
        self.session_key = (self.base_url, identifier)
        self._link_previewer = link_previewer

    def __repr__(self) -> str:
        return f"<Bluesky {self.identifier} at {self.base_url}>"

    # -- Channel -----------------------------------------------------------

    def check_auth(self) -> RemoteAccount:
        data = self._call("GET", "com.atproto.server.getSession")
        return RemoteAccount(self._field(data, "did"), self._field(data, "handle"))

    def count(self, text: str) -> Count:
        return count_bluesky(text)

    def publish(self, post: Outgoing) -> RemotePost:
        """Write the record (Rejected, unsent, if over Bluesky's limits: the
        server only checks bytes, so a 301-grapheme post would go through)."""
        if self.count(post.text).over:
            raise Rejected(f"The post is too long for Bluesky ({self.count(post.text).used} "
                           "graphemes, at most 300 and 3000 bytes).", network=self.network)
        existing = self.find(post)
        if existing is not None:
            return existing
        session = self._session()
        rkey = record_key(post)
        record = self._record(post)
        written = self._call("POST", "com.atproto.repo.putRecord", json={
            "repo": session.did, "collection": POST_COLLECTION, "rkey": rkey, "record": record,
        })
        return self._remote_post(session.did, rkey, parse_time(record["createdAt"]),
                                 str(written.get("cid") or ""))

    def upload(self, image: OutgoingImage) -> UploadedImage:
        """``uploadBlob``; the blob is kept by the PDS once a record references it."""
        data = self._call("POST", "com.atproto.repo.uploadBlob", content=image.data,
                          headers={"Content-Type": image.mime})
        blob = self._field(data, "blob")
        return UploadedImage(str(self._field(blob, "ref", "$link")), image.alt, image.width,
                             image.height, blob)

    def get_blob(self, cid: str) -> bytes:
        """The bytes of a blob of this account (``com.atproto.sync.getBlob``)."""
        session = self._session()
        response = self._send("GET", f"{session.pds_url}/xrpc/com.atproto.sync.getBlob",
                              params={"did": session.did, "cid": cid})
        if response.status_code != 200:
            raise self._error(response)
        return response.content

    def find(self, post: Outgoing) -> RemotePost | None:
        """The record under the post's key; Conflict if it holds another text."""
        did = self._session().did
        rkey = record_key(post)
        try:
            data = self._call("GET", "com.atproto.repo.getRecord",
                              params={"repo": did, "collection": POST_COLLECTION, "rkey": rkey})
        except NotFoundRemote:
            return None
        record = self._field(data, "value")
        if record.get("text") != post.text:
            raise Conflict(f"Bluesky already holds a different post under record key {rkey}.",
                           network=self.network)
        return self._remote_post(did, rkey, parse_time(self._field(record, "createdAt")),
                                 str(data.get("cid") or ""))

    def delete(self, remote_id: str) -> None:
        """Delete by AT URI (``at://did/app.bsky.feed.post/rkey``); a no-op if gone."""
        parts = remote_id.removeprefix("at://").split("/")
        if not remote_id.startswith("at://") or len(parts) != 3:
            raise ValueError(f"not a Bluesky record URI: {remote_id!r}")
        repo, collection, rkey = parts
        self._call("POST", "com.atproto.repo.deleteRecord",
                   json={"repo": repo, "collection": collection, "rkey": rkey})

    # -- records -----------------------------------------------------------

    def _record(self, post: Outgoing) -> dict[str, Any]:
        created_at = post.created_at.astimezone(UTC).isoformat(timespec="milliseconds")
        record: dict[str, Any] = {
            "$type": POST_COLLECTION,
            "text": post.text,
            "createdAt": created_at.replace("+00:00", "Z"),
            "langs": list(post.langs),
        }
        spans = facets.detect(post.text)
        rich = facets.to_facets(spans, self._resolve_handle)
        if rich:
            record["facets"] = rich
        if post.reply_to is not None:
            record["reply"] = {key: {"uri": ref.remote_id, "cid": ref.cid} for key, ref in
                               (("root", post.reply_to.root), ("parent", post.reply_to.parent))}
        link = next((span.value for span in spans if span.kind == "link"), None)
        if post.images:
            # A post has one embed: images win over a link card.
            record["embed"] = {"$type": "app.bsky.embed.images", "images": [
                {"image": image.ref, "alt": image.alt,
                 "aspectRatio": {"width": image.width, "height": image.height}}
                for image in post.images]}
        elif link is not None and self._link_previewer is not None:
            preview = self._link_previewer(link)
            if preview is not None:
                record["embed"] = self._link_card(link, preview)
        return record

    def _link_card(self, uri: str, preview: LinkPreview) -> dict[str, Any]:
        external: dict[str, Any] = {
            "uri": uri, "title": preview.title, "description": preview.description,
        }
        if preview.image:
            kind = preview.image_type or "application/octet-stream"
            uploaded = self._call("POST", "com.atproto.repo.uploadBlob", content=preview.image,
                                  headers={"Content-Type": kind})
            external["thumb"] = self._field(uploaded, "blob")
        return {"$type": "app.bsky.embed.external", "external": external}

    def _resolve_handle(self, handle: str) -> str | None:
        try:
            data = self._call("GET", "com.atproto.identity.resolveHandle", params={"handle": handle})
        except (NotFoundRemote, Rejected):
            return None
        return self._field(data, "did")

    def _remote_post(self, did: str, rkey: str, posted_at: datetime, cid: str) -> RemotePost:
        return RemotePost(
            remote_id=f"at://{did}/{POST_COLLECTION}/{rkey}",
            url=f"{self.web_url}/profile/{did}/post/{rkey}",
            posted_at=posted_at,
            cid=cid,
        )

    # -- sessions and XRPC -------------------------------------------------

    def _session(self) -> BlueskySession:
        return self._sessions.obtain(self.session_key, None, self._renew)

    def _call(self, method: str, nsid: str, *, headers: dict[str, str] | None = None,
              **kwargs: Any) -> Any:
        """An authenticated XRPC call; an expired or refused access token is
        renewed once and the call repeated (every call here is safe to repeat)."""
        session = self._session()
        response = self._xrpc(session, session.access_jwt, method, nsid, headers, **kwargs)
        if self._token_refused(response):
            session = self._sessions.obtain(self.session_key, session, self._renew)
            response = self._xrpc(session, session.access_jwt, method, nsid, headers, **kwargs)
        return self._result(response)

    def _xrpc(self, session: BlueskySession, token: str, method: str, nsid: str,
              headers: dict[str, str] | None, **kwargs: Any) -> httpx.Response:
        return self._send(method, f"{session.pds_url}/xrpc/{nsid}",
                          headers={**(headers or {}), "Authorization": f"Bearer {token}"}, **kwargs)

    def _renew(self, stale: BlueskySession | None) -> BlueskySession:
        """Refresh ``stale`` if there is one and the server still honours it;
        otherwise sign in again."""
        if stale is not None:
            response = self._xrpc(stale, stale.refresh_jwt, "POST",
                                  "com.atproto.server.refreshSession", None)
            if not self._token_refused(response):
                return self._new_session(self._result(response), stale.pds_url)
        response = self._send(
            "POST", f"{self.base_url}/xrpc/com.atproto.server.createSession",
            json={"identifier": self.identifier, "password": self._password().reveal()})
        if response.status_code == 401:
            raise AuthInvalid(f"Bluesky refused the handle or app password for {self.identifier}.",
                              network=self.network, code=self._error_code(response))
        return self._new_session(self._result(response), self.base_url)

    def _new_session(self, data: Any, default_pds: str) -> BlueskySession:
        return BlueskySession(
            did=self._field(data, "did"),
            handle=self._field(data, "handle"),
            pds_url=_pds_endpoint(data.get("didDoc")) or default_pds,
            access_jwt=self._field(data, "accessJwt"),
            refresh_jwt=self._field(data, "refreshJwt"),
        )

    def _error(self, response: httpx.Response) -> ChannelError:
        code = self._error_code(response)
        message = self._message(response)
        if code == "ExpiredToken":
            return AuthExpired(message, network=self.network, code=code)
        if code in _AUTH_INVALID:
            return AuthInvalid(message, network=self.network, code=code)
        if code in _NOT_FOUND:
            return NotFoundRemote(message, network=self.network, code=code)
        return error_for_status(response.status_code, message, network=self.network, code=code,
                                headers=response.headers)

    @classmethod
    def _token_refused(cls, response: httpx.Response) -> bool:
        """The server refused the token itself (expired, revoked, unknown)."""
        return response.status_code == 401 or (
            response.status_code == 400 and cls._error_code(response) in _TOKEN_REFUSED)

    @staticmethod
    def _error_code(response: httpx.Response) -> str | None:
        code = json_or_empty(response).get("error")
        return code if isinstance(code, str) else None


def _pds_endpoint(did_doc: Any) -> str | None:
    """The ``#atproto_pds`` service endpoint of a DID document, if it has one."""
    if not isinstance(did_doc, dict):
        return None
    for service in did_doc.get("service") or []:
        if isinstance(service, dict) and str(service.get("id", "")).endswith("#atproto_pds"):
            endpoint = service.get("serviceEndpoint")
            if isinstance(endpoint, str) and endpoint.startswith(("https://", "http://")):
                return endpoint.rstrip("/")
    return None


class PagePreviewer(Closeable):
    """A ``LinkPreviewer`` that reads the page's Open Graph tags (or ``<title>``).

    Needs the network; any failure gives no card rather than an error.
    """

    MAX_PAGE_BYTES = 512 * 1024
    MAX_IMAGE_BYTES = 1_000_000

    def __init__(self, http: httpx.Client | None = None,
                 timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> None:
        self._owns_http = http is None
        self._http = http or httpx.Client(timeout=timeout, follow_redirects=True)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __call__(self, url: str) -> LinkPreview | None:
        page = self._download(url, "text/html", self.MAX_PAGE_BYTES)
        if page is None:
            return None
        meta = _PageMeta()
        meta.feed(page[0].decode("utf-8", errors="replace"))
        title = meta.tags.get("og:title") or meta.tags.get("twitter:title") or meta.title.strip()
        if not title:
            return None
        description = meta.tags.get("og:description") or meta.tags.get("description") or ""
        image_url = meta.tags.get("og:image")
        image = (self._download(urljoin(url, image_url), "image/", self.MAX_IMAGE_BYTES)
                 if image_url else None)
        return LinkPreview(title=title, description=description,
                           image=image[0] if image else None, image_type=image[1] if image else "")

    def _download(self, url: str, content_type: str, limit: int) -> tuple[bytes, str] | None:
        """Body and content type, if the answer is a 200 of that type within ``limit`` bytes."""
        try:
            with self._http.stream("GET", url) as response:
                kind = response.headers.get("content-type", "").split(";")[0].strip()
                if response.status_code != 200 or not kind.startswith(content_type):
                    return None
                body = b""
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        return None
                return body, kind
        except httpx.HTTPError:
            return None


class _PageMeta(HTMLParser):
    """Collects ``<meta property|name=… content=…>`` and the ``<title>`` text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta":
            name = (values.get("property") or values.get("name") or "").lower()
            if name and values.get("content"):
                self.tags.setdefault(name, values["content"] or "")
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
