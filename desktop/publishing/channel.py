"""What every posting channel offers, the errors it raises, and shared HTTP plumbing.

A channel posts one text (in one language, or both combined) to one account. The publish service
drives it with one rule: after any uncertain outcome (crash, timeout,
Transient), call ``find(post)`` and only ``publish(post)`` again if it returns
None. Bluesky's ``publish`` is idempotent by itself (deterministic record key);
Mastodon's is within an hour (Idempotency-Key); X has no such key, so
``find`` searches the account's own recent posts.
"""

from __future__ import annotations

import email.utils
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar, Self

import httpx

from desktop.core.counting import Count
from desktop.core.errors import TandemError

from .credentials import Secret
from .images import NETWORK_LIMITS, ImageLimits

#: Returns a secret (app password, access token, signing key) when called,
#: e.g. ``lambda: credentials.get(account)``. Channels call it for each
#: request that needs it and never keep the value.
SecretProvider = Callable[[], Secret]

#: Timeout for every request: generous for slow links, short enough to retry.
DEFAULT_TIMEOUT = httpx.Timeout(20.0, connect=10.0)

#: How far before ``Outgoing.created_at`` a text search also looks, to allow
#: for the difference between this computer's clock and the server's.
CLOCK_SKEW = timedelta(minutes=10)


class ChannelError(TandemError):
    """A network call failed; the message is fit to show and holds no secret."""

    #: Whether the same call may succeed later without anyone changing anything.
    retryable: ClassVar[bool] = False

    def __init__(self, message: str, *, network: str, code: str | None = None) -> None:
        super().__init__(message)
        #: ``bluesky``, ``mastodon``, ``x`` (as ``desktop.core.counting.Network``) or ``webhook``.
        self.network = network
        #: The server's own error name (e.g. ``ExpiredToken``), when it gave one.
        self.code = code


class AuthExpired(ChannelError):
    """The token has expired: refreshing it may help, the user need not act."""

    retryable = True


class AuthInvalid(ChannelError):
    """The credentials are wrong or revoked: the user must enter new ones."""


class RateLimited(ChannelError):
    """Too many requests: try again at ``retry_at`` (None when the server did not say)."""

    retryable = True

    def __init__(self, message: str, *, network: str, code: str | None = None,
                 retry_at: datetime | None = None) -> None:
        super().__init__(message, network=network, code=code)
        self.retry_at = retry_at


class Rejected(ChannelError):
    """The server refused the content or request (400, 413, 422): retrying won't help."""


class Conflict(ChannelError):
    """The request clashes with what already exists (409, or a duplicate post)."""


class NotFoundRemote(ChannelError):
    """The remote post, account or endpoint does not exist."""


class Transient(ChannelError):
    """Server error, timeout, TLS or connection failure: the outcome is unknown, retry."""

    retryable = True


class BadResponse(ChannelError):
    """The server answered something that is not the documented JSON."""

    retryable = True


@dataclass(frozen=True)
class OutgoingImage:
    """One image to upload, already fitted to the network's limits, with its alt text."""

    data: bytes = field(repr=False)
    mime: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class UploadedImage:
    """An image the network holds, ready to attach: ``remote_id`` is the media id
    (Mastodon, X) or the blob's cid (Bluesky, whose blob object is ``ref``)."""

    remote_id: str
    alt: str
    width: int
    height: int
    ref: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class RemotePost:
    """A post as it exists on the network (``cid``: Bluesky's content hash, for replies)."""

    remote_id: str
    url: str
    posted_at: datetime
    cid: str = ""


@dataclass(frozen=True)
class ReplyTo:
    """Where a thread part goes: under ``parent``, in the thread that starts at ``root``."""

    parent: RemotePost
    root: RemotePost


@dataclass(frozen=True)
class Outgoing:
    """One text to post, as the publish service records it before the first attempt.

    Every retry and every ``find`` uses the same value: ``created_at`` is the
    time of the first attempt (timezone-aware, the outbox row's), and
    ``idempotency_key`` is unique to this text on this account. ``langs`` holds
    one language, or both for a combined bilingual post (first one first).
    """

    text: str
    langs: tuple[str, ...]
    idempotency_key: str
    created_at: datetime
    #: Images uploaded beforehand (``Channel.upload``), in the order they show.
    images: tuple[UploadedImage, ...] = ()
    #: For a thread part after the first: the part it answers.
    reply_to: ReplyTo | None = None

    def __post_init__(self) -> None:
        if not self.langs:
            raise ValueError("an Outgoing post needs at least one language")
        if not self.idempotency_key:
            raise ValueError("an Outgoing post needs an idempotency key")
        if self.created_at.tzinfo is None:
            raise ValueError("Outgoing.created_at must be timezone-aware")


@dataclass(frozen=True)
class RemoteAccount:
    """Who a channel posts as, as the network names it."""

    remote_id: str
    handle: str


class Closeable(ABC):
    """Something holding connections: ``close()`` it, or use it in a ``with``."""

    @abstractmethod
    def close(self) -> None:
        """Release the connections."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Channel(Closeable):
    """One account on one network."""

    #: The network, as ``desktop.core.counting.Network`` spells it; errors carry it.
    network: ClassVar[str]
    #: The network's name as users know it.
    name: ClassVar[str]

    @abstractmethod
    def check_auth(self) -> RemoteAccount:
        """Sign in (or reuse the session) and say which account this is."""

    @abstractmethod
    def count(self, text: str) -> Count:
        """How much of this network's (or instance's) length limit ``text`` uses."""

    @abstractmethod
    def publish(self, post: Outgoing) -> RemotePost:
        """Post the text; see the module docstring for retries."""

    @abstractmethod
    def find(self, post: Outgoing) -> RemotePost | None:
        """The post if an earlier ``publish(post)`` took effect, else None. Read-only."""

    @abstractmethod
    def delete(self, remote_id: str) -> None:
        """Retract a post. Deleting a post that is already gone is not an error."""

    def image_limits(self) -> ImageLimits:
        """What one image may be on this network (count, bytes, pixels, formats)."""
        return NETWORK_LIMITS.get(self.network, ImageLimits(max_bytes=0, max_count=0))

    def upload(self, image: OutgoingImage) -> UploadedImage:
        """Send one image (fitted to `image_limits`) so a post can attach it.

        Not idempotent on any network: the publish service records the result
        before posting, and a post only ever attaches recorded uploads, so an
        upload repeated after a crash is never attached twice.
        """
        raise Rejected(f"{self.name} posts take no images.", network=self.network)


def utc_now() -> datetime:
    return datetime.now(UTC)


def parse_time(value: str) -> datetime:
    """An ISO 8601 timestamp from a server (``Z`` or offset) as an aware datetime."""
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def reset_time(headers: httpx.Headers) -> datetime | None:
    """When a rate limit lifts, from whichever header the server sent.

    Understands ``Retry-After`` (seconds or HTTP date), Bluesky's
    ``ratelimit-reset`` and X's ``x-rate-limit-reset`` (Unix time) and
    Mastodon's ``X-RateLimit-Reset`` (ISO 8601).
    """
    for name in ("retry-after", "ratelimit-reset", "x-rate-limit-reset", "x-ratelimit-reset"):
        value = headers.get(name, "").strip()
        if not value:
            continue
        try:
            if value.replace(".", "", 1).isdigit():
                number = float(value)
                # Small numbers are a delay in seconds, large ones a Unix time.
                if number < 1_000_000_000:
                    return utc_now() + timedelta(seconds=number)
                return datetime.fromtimestamp(number, UTC)
            if value[:4].isdigit():
                return parse_time(value)
            return email.utils.parsedate_to_datetime(value).astimezone(UTC)
        except (ValueError, TypeError, OverflowError):
            continue
    return None


def error_for_status(status: int, message: str, *, network: str, code: str | None = None,
                     headers: httpx.Headers | None = None) -> ChannelError:
    """The error class the status calls for, by the common HTTP meaning."""
    if status == 429:
        return RateLimited(message, network=network, code=code,
                           retry_at=reset_time(headers) if headers is not None else None)
    if status in (401, 403):
        return AuthInvalid(message, network=network, code=code)
    if status == 404:
        return NotFoundRemote(message, network=network, code=code)
    if status == 409:
        return Conflict(message, network=network, code=code)
    if status == 408 or status >= 500:
        return Transient(message, network=network, code=code)
    return Rejected(message, network=network, code=code)


def json_or_empty(response: httpx.Response) -> dict[str, Any]:
    """The answer's JSON object, or {} if it is not one (error pages, empty bodies)."""
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


class HttpService(Closeable):
    """Talks JSON over HTTPS through one httpx client; maps failures to ChannelError."""

    #: Carried by errors (see ``ChannelError.network``).
    network: ClassVar[str]
    #: Names the service in messages.
    name: ClassVar[str]

    #: Longest server message quoted in an error.
    MAX_MESSAGE = 300

    def __init__(self, base_url: str, *, http: httpx.Client | None = None,
                 timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> None:
        self.base_url = base_url.rstrip("/")
        self._owns_http = http is None
        self._http = http if http is not None else httpx.Client(timeout=timeout)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.base_url}>"

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send a request; network failures become Transient (outcome unknown)."""
        try:
            return self._http.request(method, url, **kwargs)
        except httpx.TimeoutException as exc:
            raise Transient(f"{self.name} did not answer in time ({type(exc).__name__}).",
                            network=self.network) from exc
        except httpx.TransportError as exc:
            raise Transient(f"Could not reach {self.name}: {exc}", network=self.network) from exc

    def _result(self, response: httpx.Response) -> Any:
        """The answer's JSON (None for an empty success), or the error it means."""
        if not response.is_success:
            raise self._error(response)
        if not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            raise BadResponse(
                f"{self.name} answered HTTP {response.status_code} with something that "
                "is not JSON.", network=self.network) from None

    def _error(self, response: httpx.Response) -> ChannelError:
        """The error for a failed answer; services refine it by their error codes."""
        return error_for_status(response.status_code, self._message(response),
                                network=self.network, headers=response.headers)

    def _message(self, response: httpx.Response) -> str:
        said = self._error_text(json_or_empty(response)) or response.reason_phrase
        return f"{self.name} answered {response.status_code}: {said[:self.MAX_MESSAGE]}"

    def _error_text(self, body: dict[str, Any]) -> str | None:
        """The human message in an error body (each service puts it elsewhere)."""
        for key in ("message", "error", "detail"):
            if isinstance(body.get(key), str):
                return body[key]
        return None

    def _field(self, data: Any, *path: str) -> Any:
        """``data[path[0]][path[1]]...``, or BadResponse if the answer lacks it."""
        for name in path:
            if not isinstance(data, dict) or name not in data:
                raise BadResponse(f"{self.name}'s answer lacks {'.'.join(path)}.",
                                  network=self.network)
            data = data[name]
        return data


class HttpChannel(HttpService, Channel):
    """A channel over HTTP (every network Tandem posts to)."""
