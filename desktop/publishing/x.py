"""X channel: posts through API v2 (``POST /2/tweets``) with an OAuth 2.0 user access token.

X takes no idempotency key, so before any retry the publish service calls
``find``: it reads the account's posts since the first attempt
(``GET /2/users/:id/tweets``) and compares their text with the post's, links
aside (X shows every link as a ``t.co`` address). X also refuses an exact
duplicate of a recent post; that answer is a Conflict.
"""

from __future__ import annotations

import contextlib
import html
import unicodedata
from datetime import UTC, datetime
from typing import Any

import httpx
from twitter_text.extract_urls import extract_urls_with_indices

from desktop.core.counting import Count, Network, count_x

from .channel import (
    CLOCK_SKEW,
    DEFAULT_TIMEOUT,
    AuthExpired,
    BadResponse,
    ChannelError,
    Conflict,
    HttpChannel,
    NotFoundRemote,
    Outgoing,
    OutgoingImage,
    RateLimited,
    RemoteAccount,
    RemotePost,
    SecretProvider,
    UploadedImage,
    error_for_status,
    parse_time,
    reset_time,
    utc_now,
)

#: Posts per page of the user's timeline (the API's maximum).
PAGE_SIZE = 100
#: Pages ``find`` reads at most.
MAX_PAGES = 3

_LINK = "\x00link\x00"


def comparable(text: str) -> str:
    """``text`` as X would store it with each link replaced by one marker: NFC,
    no surrounding blanks."""
    text = unicodedata.normalize("NFC", text).strip()
    for url in reversed(extract_urls_with_indices(text)):
        start, end = url["indices"]
        text = text[:start] + _LINK + text[end:]
    return text


class X(HttpChannel):
    """One X account, through a user access token (scopes tweet.read, tweet.write, users.read)."""

    network = Network.X
    name = "X"

    def __init__(self, token: SecretProvider, *, api_url: str = "https://api.x.com",
                 web_url: str = "https://x.com", http: httpx.Client | None = None,
                 timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> None:
        super().__init__(api_url, http=http, timeout=timeout)
        self.web_url = web_url.rstrip("/")
        self._token = token
        self._account: RemoteAccount | None = None

    # -- Channel -----------------------------------------------------------

    def check_auth(self) -> RemoteAccount:
        data = self._field(self._call("GET", "/2/users/me"), "data")
        self._account = RemoteAccount(str(self._field(data, "id")),
                                      f"@{self._field(data, 'username')}")
        return self._account

    def count(self, text: str) -> Count:
        return count_x(text)

    def publish(self, post: Outgoing) -> RemotePost:
        body: dict[str, Any] = {"text": post.text}
        if post.images:
            body["media"] = {"media_ids": [image.remote_id for image in post.images]}
        if post.reply_to is not None:
            body["reply"] = {"in_reply_to_tweet_id": post.reply_to.parent.remote_id}
        data = self._field(self._call("POST", "/2/tweets", json=body), "data")
        return self._remote_post(str(self._field(data, "id")), utc_now())

    def upload(self, image: OutgoingImage) -> UploadedImage:
        """``POST /2/media/upload`` (one request: images are small), then the alt text
        with ``POST /2/media/metadata``."""
        data = self._field(self._call(
            "POST", "/2/media/upload", data={"media_category": "tweet_image",
                                              "media_type": image.mime},
            files={"media": ("image", image.data, image.mime)}), "data")
        media_id = str(self._field(data, "id"))
        self._call("POST", "/2/media/metadata", json={
            "id": media_id, "metadata": {"alt_text": {"text": image.alt}}})
        return UploadedImage(media_id, image.alt, image.width, image.height)

    def find(self, post: Outgoing) -> RemotePost | None:
        account = self._account or self.check_auth()
        wanted = comparable(post.text)
        start = (post.created_at - CLOCK_SKEW).astimezone(UTC)
        params: dict[str, Any] = {
            "max_results": PAGE_SIZE,
            "start_time": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tweet.fields": "created_at",
            "exclude": "retweets",
        }
        for _ in range(MAX_PAGES):
            page = self._call("GET", f"/2/users/{account.remote_id}/tweets", params=params)
            if not isinstance(page, dict) or not isinstance(page.get("data", []), list):
                # Never read a garbled answer as "not posted": that would post twice.
                raise BadResponse("X's timeline answer is not the documented JSON.",
                                  network=self.network)
            for tweet in page.get("data", []):
                if comparable(html.unescape(str(self._field(tweet, "text")))) == wanted:
                    return self._remote_post(str(self._field(tweet, "id")),
                                             parse_time(self._field(tweet, "created_at")))
            token = (page.get("meta") or {}).get("next_token")
            if not token:
                return None
            params["pagination_token"] = token
        return None

    def delete(self, remote_id: str) -> None:
        with contextlib.suppress(NotFoundRemote):  # already gone is what was asked
            self._call("DELETE", f"/2/tweets/{remote_id}")

    # -- helpers -----------------------------------------------------------

    def _remote_post(self, tweet_id: str, posted_at: datetime) -> RemotePost:
        return RemotePost(remote_id=tweet_id, url=f"{self.web_url}/i/web/status/{tweet_id}",
                          posted_at=posted_at)

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._send(method, f"{self.base_url}{path}",
                              headers={"Authorization": f"Bearer {self._token().reveal()}"}, **kwargs)
        return self._result(response)

    def _error_text(self, body: dict[str, Any]) -> str | None:
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            first = errors[0].get("message") or errors[0].get("detail")
            if isinstance(first, str):
                return first
        for key in ("detail", "title"):
            if isinstance(body.get(key), str):
                return body[key]
        return None

    def _error(self, response: httpx.Response) -> ChannelError:
        message = self._message(response)
        status = response.status_code
        if status == 401:
            return AuthExpired(f"{message} (the access token has expired or was revoked)",
                               network=self.network)
        if status == 403 and "duplicate" in message.lower():
            return Conflict(message, network=self.network, code="duplicate")
        if status == 429 and response.headers.get("x-user-limit-24hour-remaining") == "0":
            # The daily posting cap: its own reset, hours away.
            daily = response.headers.get("x-user-limit-24hour-reset", "")
            return RateLimited(message, network=self.network,
                               retry_at=reset_time(httpx.Headers({"x-rate-limit-reset": daily})))
        return error_for_status(status, message, network=self.network, headers=response.headers)
