"""ThreadChannel: threads and image uploads exactly once across crashes, on a recording fake
network and the real store (each "crash" is an exception at a chosen point; the kill -9 runs
through the publish service are in the crash tests)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from PIL import Image

from desktop.core.counting import Count, count_mastodon
from desktop.core.store import SqliteStore
from desktop.core.threads import join
from desktop.publishing import images
from desktop.publishing.channel import (Channel, Outgoing, OutgoingImage, RemoteAccount,
                                        RemotePost, UploadedImage)
from desktop.publishing.thread_channel import SourceImage, ThreadChannel


class Crash(BaseException):
    """Stands for the process dying at that point."""


class Network(Channel):
    """A Mastodon-like server that remembers everything and ignores idempotency keys."""

    network = "mastodon"
    name = "Fake"

    def __init__(self) -> None:
        self.posts: list[dict] = []
        self.uploads: list[OutgoingImage] = []
        self.crash_at: str | None = None   # "upload:N" or "publish:N" (1-based call counts)
        self.calls = {"upload": 0, "publish": 0, "find": 0}

    def _maybe_crash(self, what: str) -> None:
        if self.crash_at == f"{what}:{self.calls[what]}":
            self.crash_at = None
            raise Crash(what)

    def check_auth(self) -> RemoteAccount:
        return RemoteAccount("1", "@me")

    def count(self, text: str) -> Count:
        return count_mastodon(text)

    def upload(self, image: OutgoingImage) -> UploadedImage:
        self.calls["upload"] += 1
        self.uploads.append(image)
        uploaded = UploadedImage(f"m{len(self.uploads)}", image.alt, image.width, image.height)
        self._maybe_crash("upload")  # the server has it; the answer is lost
        return uploaded

    def publish(self, post: Outgoing) -> RemotePost:
        self.calls["publish"] += 1
        remote = RemotePost(str(len(self.posts) + 1), f"https://fake/{len(self.posts) + 1}",
                            datetime.now(UTC))
        self.posts.append({"id": remote.remote_id, "text": post.text, "key": post.idempotency_key,
                           "media": [i.remote_id for i in post.images],
                           "reply_to": post.reply_to.parent.remote_id if post.reply_to else None,
                           "remote": remote})
        self._maybe_crash("publish")  # posted; the answer is lost
        return remote

    def find(self, post: Outgoing) -> RemotePost | None:
        self.calls["find"] += 1
        return next((p["remote"] for p in self.posts if p["text"] == post.text), None)

    def delete(self, remote_id: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


def picture(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (80, 60), colour).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "t.sqlite3")
    yield s
    s.close()


def entry_id(store) -> int:
    post = store.create_post("t", "alice")
    account = store.add_account({"name": "m", "channel": "mastodon", "lang": "en",
                                 "service_url": "https://fake", "handle": "@me",
                                 "secret_service": "s", "secret_key": "k", "source": "user",
                                 "created_by": "alice"})
    publication = store.add_publication(post.id, "alice", "me", "2999-01-01T00:00:00Z")
    return store.add_outbox_entry({"publication_id": publication["id"], "post_id": post.id,
                                   "account_id": account["id"], "lang": "en",
                                   "body_sha256": "x", "idempotency_key": "key-1"})["id"]


THREAD = join(["First 1/3", "Second 2/3", "Third 3/3"])
POST = Outgoing(THREAD, ("en",), "key-1", datetime.now(UTC))


def sources(n: int) -> tuple[SourceImage, ...]:
    return tuple(SourceImage(f"sha{i}", f"Alt {i}",
                             lambda i=i: images.sanitise(picture((i * 40, 0, 0))))
                 for i in range(n))


def channel(network, store, outbox_id, n_images=2) -> ThreadChannel:
    return ThreadChannel(network, store, outbox_id, sources(n_images))


def test_parts_go_out_in_order_as_replies_with_images_on_the_first(store):
    network, outbox_id = Network(), entry_id(store)
    first = channel(network, store, outbox_id).publish(POST)
    assert [(p["text"], p["reply_to"], p["media"]) for p in network.posts] == [
        ("First 1/3", None, ["m1", "m2"]), ("Second 2/3", "1", []), ("Third 3/3", "2", [])]
    assert first.remote_id == "1"
    assert [i.alt for i in network.uploads] == ["Alt 0", "Alt 1"]
    assert [r["state"] for r in store.outbox_parts(outbox_id).values()] == ["sent"] * 3
    # done: find answers the first part, without touching the network
    again = channel(Network(), store, outbox_id).find(POST)
    assert again == first


def test_find_says_not_out_until_every_part_is(store):
    network, outbox_id = Network(), entry_id(store)
    network.crash_at = "publish:2"
    with pytest.raises(Crash):
        channel(network, store, outbox_id).publish(POST)
    assert channel(network, store, outbox_id).find(POST) is None


@pytest.mark.parametrize("crash_at", ["publish:1", "publish:2", "publish:3"])
def test_a_crash_after_the_server_took_a_part_never_posts_it_twice(store, crash_at):
    network, outbox_id = Network(), entry_id(store)
    network.crash_at = crash_at
    with pytest.raises(Crash):
        channel(network, store, outbox_id).publish(POST)
    channel(network, store, outbox_id).publish(POST)   # the resume
    assert [p["text"] for p in network.posts] == ["First 1/3", "Second 2/3", "Third 3/3"]
    assert [p["reply_to"] for p in network.posts] == [None, "1", "2"]
    assert network.calls["upload"] == 2


def test_resume_after_recorded_uploads_does_not_upload_again(store):
    network, outbox_id = Network(), entry_id(store)
    network.crash_at = "publish:1"   # after both uploads were recorded; before part 1's answer
    with pytest.raises(Crash):
        channel(network, store, outbox_id, 4).publish(POST)
    channel(network, store, outbox_id, 4).publish(POST)
    assert network.calls["upload"] == 4 and len(network.posts) == 3
    assert network.posts[0]["media"] == ["m1", "m2", "m3", "m4"]


def test_an_upload_whose_answer_was_lost_is_repeated_but_never_attached_twice(store):
    network, outbox_id = Network(), entry_id(store)
    network.crash_at = "upload:2"   # the server holds m2; Tandem never learnt its id
    with pytest.raises(Crash):
        channel(network, store, outbox_id, 3).publish(POST)
    channel(network, store, outbox_id, 3).publish(POST)
    assert network.calls["upload"] == 4              # m1 once, m2 lost, then m3, m4
    assert network.posts[0]["media"] == ["m1", "m3", "m4"]
    assert len(network.posts) == 3


def test_images_are_fitted_to_the_channel_limits(store):
    class Small(Network):
        def image_limits(self):
            return images.ImageLimits(max_bytes=10**6, max_side=40)
    network, outbox_id = Small(), entry_id(store)
    channel(network, store, outbox_id, 1).publish(POST)
    assert (network.uploads[0].width, network.uploads[0].height) == (40, 30)
    row = store.outbox_media(outbox_id)[0]
    assert (row["width"], row["height"], row["remote_media_id"]) == (40, 30, "m1")


def test_preflight_names_more_images_than_the_network_takes(store):
    from desktop.core.model import Lang, Origin
    from desktop.publishing.thread_channel import count_parts, media_problems

    post = store.create_post("t", "alice")
    version = store.add_version(post.id, Lang.FR, THREAD, "alice", Origin.HUMAN, None, ())
    item = {"id": 1, "scope": "fr", "sha256": "s", "mime": "image/png", "width": 1, "height": 1,
            "alt": "a", "alt_origin": "human"}
    store.add_media_state(post.id, Lang.FR, version.id, [item] * 4, "d4")
    assert media_problems(store, Network(), version) == []
    more = store.add_version(post.id, Lang.FR, THREAD, "alice", Origin.HUMAN, version.id, ())
    store.add_media_state(post.id, Lang.FR, more.id, [item] * 5, "d5")
    [problem] = media_problems(store, Network(), more)
    assert problem.code == "preflight.too_many_images" and problem.params["limit"] == 4
    assert str(problem) == "the French post has 5 images; Fake takes at most 4"
    # a thread is counted part by part: each fits, the whole would not
    assert count_parts(Network(), join(["x" * 400] * 3)).ok
    assert not count_parts(Network(), join(["x" * 400, "y" * 501])).ok
