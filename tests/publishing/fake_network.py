"""An in-memory network for the publish service's unit tests, with failures on a script.

`FakeChannel` keeps the channel contract the service relies on: ``publish``
posts (it never deduplicates, so a double post by the service shows as two
posts), ``find`` answers whether a post with the outgoing's idempotency key
exists, ``delete`` removes it. `Script` entries make the next calls fail:
``("before", error)`` raises without posting; ``("after", error)`` posts,
then raises (a timeout after the server acted).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from desktop.core.counting import Count, count_bluesky, count_mastodon, count_x
from desktop.publishing.accounts import PublishingAccount
from desktop.publishing.channel import Channel, Outgoing, RemoteAccount, RemotePost

COUNTERS = {"bluesky": count_bluesky, "mastodon": count_mastodon, "x": count_x}


@dataclass
class Posted:
    account: str
    text: str
    langs: tuple[str, ...]
    key: str
    remote_id: str
    at: datetime


@dataclass
class FakeWorld:
    """Every account's posts, and the failures still to come, by account name."""

    posts: list[Posted] = field(default_factory=list)
    publish_script: dict[str, list[tuple[str, Exception]]] = field(
        default_factory=lambda: defaultdict(list))
    find_script: dict[str, list[Exception]] = field(default_factory=lambda: defaultdict(list))
    auth_errors: dict[str, Exception] = field(default_factory=dict)
    calls: list[tuple[str, str]] = field(default_factory=list)  # (account, method)
    clock: FakeClock | None = None
    #: Called with the account's name as each publish starts (to act "meanwhile").
    on_publish: Callable[[str], None] | None = None

    def texts(self, account: str) -> list[str]:
        return [p.text for p in self.posts if p.account == account]


class FakeClock:
    """Time that moves only when the service sleeps (or a test says so)."""

    def __init__(self, start: datetime | None = None):
        self.time = start or datetime.now(UTC)
        self.sleeps: list[float] = []

    def now(self) -> datetime:
        return self.time

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += timedelta(seconds=seconds)


class FakeChannel(Channel):
    name = "Fake"

    def __init__(self, account: PublishingAccount, world: FakeWorld):
        self.account = account
        self.network = account.channel
        self.world = world
        self.closed = False

    def close(self) -> None:
        self.closed = True

    def check_auth(self) -> RemoteAccount:
        self.world.calls.append((self.account.name, "check_auth"))
        if self.account.name in self.world.auth_errors:
            raise self.world.auth_errors[self.account.name]
        return RemoteAccount(f"id-{self.account.name}", f"@{self.account.handle}")

    def count(self, text: str) -> Count:
        return COUNTERS[self.account.channel](text)

    def publish(self, post: Outgoing) -> RemotePost:
        self.world.calls.append((self.account.name, "publish"))
        if self.world.on_publish is not None:
            self.world.on_publish(self.account.name)
        script = self.world.publish_script[self.account.name]
        when, error = script.pop(0) if script else (None, None)
        if when == "before":
            raise error
        posted = Posted(self.account.name, post.text, post.langs, post.idempotency_key,
                        f"{self.account.name}/{len(self.world.posts) + 1}",
                        self.world.clock.now() if self.world.clock else datetime.now(UTC))
        self.world.posts.append(posted)
        if when == "after":
            raise error
        return self._remote(posted)

    def find(self, post: Outgoing) -> RemotePost | None:
        self.world.calls.append((self.account.name, "find"))
        script = self.world.find_script[self.account.name]
        if script:
            raise script.pop(0)
        for posted in self.world.posts:
            if posted.account == self.account.name and posted.key == post.idempotency_key:
                return self._remote(posted)
        return None

    def delete(self, remote_id: str) -> None:
        self.world.calls.append((self.account.name, "delete"))
        self.world.posts = [p for p in self.world.posts if p.remote_id != remote_id]

    def _remote(self, posted: Posted) -> RemotePost:
        return RemotePost(posted.remote_id, f"https://fake.example/{posted.remote_id}", posted.at)


class FakeFactory:
    """Stands in for `ChannelFactory`: every account gets a `FakeChannel` on one world."""

    def __init__(self, world: FakeWorld):
        self.world = world
        self.opened: list[FakeChannel] = []

    def open(self, account: PublishingAccount) -> FakeChannel:
        channel = FakeChannel(account, self.world)
        self.opened.append(channel)
        return channel

    def close(self) -> None:
        pass
