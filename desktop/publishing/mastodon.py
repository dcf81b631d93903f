"""Mastodon channel: posts statuses through an instance's REST API with an access token.

``POST /api/v1/statuses`` carries an ``Idempotency-Key`` header: the instance
answers a repeat within an hour with the status it already made. Past that
hour ``find`` looks through the account's recent statuses for one created
since the first attempt whose source text (``/api/v1/statuses/:id/source``)
is the post's text.
"""

from __future__ import annotations

import contextlib
from typing import Any, Literal

import httpx

from desktop.core.counting import Count, MastodonLimits, Network, count_mastodon

from .channel import (
    CLOCK_SKEW,
    DEFAULT_TIMEOUT,
    BadResponse,
    HttpChannel,
    NotFoundRemote,
    Outgoing,
    OutgoingImage,
    RemoteAccount,
    RemotePost,
    SecretProvider,
    Transient,
    UploadedImage,
    parse_time,
)
from .images import ImageLimits, mastodon_limits

Visibility = Literal["public", "unlisted", "private", "direct"]

#: Statuses per page of an account's timeline (the API's maximum).
PAGE_SIZE = 40
#: Pages ``find`` reads at most: a desk posts far fewer statuses in minutes.
MAX_PAGES = 5


class Mastodon(HttpChannel):
    """One account on one Mastodon instance."""

    network = Network.MASTODON
    name = "Mastodon"

    def __init__(self, instance_url: str, token: SecretProvider, *, visibility: Visibility = "public",
                 http: httpx.Client | None = None, timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> None:
        super().__init__(instance_url, http=http, timeout=timeout)
        self.visibility = visibility
        self._token = token
        self._limits: MastodonLimits | None = None
        self._image_limits: ImageLimits | None = None
        self._instance_doc: Any = None
        self._account: RemoteAccount | None = None

    # -- Channel -----------------------------------------------------------

    def check_auth(self) -> RemoteAccount:
        data = self._call("GET", "/api/v1/accounts/verify_credentials")
        host = httpx.URL(self.base_url).host
        self._account = RemoteAccount(str(self._field(data, "id")),
                                      f"@{self._field(data, 'username')}@{host}")
        return self._account

    def instance_limits(self) -> MastodonLimits:
        """The instance's status length rules (``GET /api/v2/instance``), read once."""
        if self._limits is None:
            data = self._instance()
            statuses = self._field(data, "configuration", "statuses")
            self._limits = MastodonLimits(
                max_characters=int(self._field(statuses, "max_characters")),
                characters_reserved_per_url=int(self._field(statuses, "characters_reserved_per_url")),
            )
        return self._limits

    def count(self, text: str) -> Count:
        return count_mastodon(text, self.instance_limits())

    def publish(self, post: Outgoing) -> RemotePost:
        body: dict[str, Any] = {"status": post.text, "visibility": self.visibility,
                                "language": post.langs[0]}
        if post.images:
            body["media_ids"] = [image.remote_id for image in post.images]
        if post.reply_to is not None:
            body["in_reply_to_id"] = post.reply_to.parent.remote_id
        data = self._call("POST", "/api/v1/statuses", json=body,
                          headers={"Idempotency-Key": post.idempotency_key})
        return self._remote_post(data)

    def image_limits(self) -> ImageLimits:
        """The instance's own media limits (``configuration.media_attachments``), read once."""
        if self._image_limits is None:
            self._image_limits = mastodon_limits(self._instance())
        return self._image_limits

    def _instance(self) -> Any:
        """The instance document: v2, or v1 where v2 is missing or broken (Takahē answers
        500 to v2); both carry ``configuration.statuses`` and ``media_attachments``."""
        if self._instance_doc is None:
            try:
                self._instance_doc = self._call("GET", "/api/v2/instance")
            except (NotFoundRemote, Transient):
                self._instance_doc = self._call("GET", "/api/v1/instance")
        return self._instance_doc

    def upload(self, image: OutgoingImage) -> UploadedImage:
        """``POST /api/v2/media`` with the alt text as its description."""
        data = self._call("POST", "/api/v2/media", data={"description": image.alt},
                          files={"file": (f"image.{image.mime.split('/')[1]}", image.data,
                                          image.mime)})
        return UploadedImage(str(self._field(data, "id")), image.alt, image.width, image.height)

    def find(self, post: Outgoing) -> RemotePost | None:
        account = self._account or self.check_auth()
        since = post.created_at - CLOCK_SKEW
        params: dict[str, Any] = {"limit": PAGE_SIZE, "exclude_reblogs": "true"}
        for _ in range(MAX_PAGES):
            page = self._call("GET", f"/api/v1/accounts/{account.remote_id}/statuses",
                              params=params)
            if not isinstance(page, list):
                # Never read a garbled answer as "not posted": that would post twice.
                raise BadResponse("Mastodon's timeline answer is not a list.", network=self.network)
            if not page:
                return None
            for status in page:
                if parse_time(self._field(status, "created_at")) < since:
                    return None
                if self._source_text(status["id"]).strip() == post.text.strip():
                    return self._remote_post(status)
            params["max_id"] = self._field(page[-1], "id")
        return None

    def delete(self, remote_id: str) -> None:
        with contextlib.suppress(NotFoundRemote):  # already gone is what was asked
            self._call("DELETE", f"/api/v1/statuses/{remote_id}")

    # -- helpers -----------------------------------------------------------

    def _source_text(self, status_id: str) -> str:
        """The status as typed (its ``content`` is rendered HTML)."""
        return str(self._field(self._call("GET", f"/api/v1/statuses/{status_id}/source"), "text"))

    def _remote_post(self, status: Any) -> RemotePost:
        return RemotePost(
            remote_id=str(self._field(status, "id")),
            url=str(status.get("url") or self._field(status, "uri")),
            posted_at=parse_time(self._field(status, "created_at")),
        )

    def _call(self, method: str, path: str, *, headers: dict[str, str] | None = None,
              **kwargs: Any) -> Any:
        response = self._send(method, f"{self.base_url}{path}", **kwargs, headers={
            **(headers or {}), "Authorization": f"Bearer {self._token().reveal()}"})
        return self._result(response)
