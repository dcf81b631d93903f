"""Images and threads against a real Mastodon-API server: Takahē on 127.0.0.1 (it ignores
Idempotency-Key, so a resumed thread must look before re-sending each part)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import httpx
import pytest
from PIL import Image

from desktop.core.store import SqliteStore
from desktop.core.threads import join
from desktop.publishing import images
from desktop.publishing.channel import Outgoing, OutgoingImage
from desktop.publishing.credentials import Secret
from desktop.publishing.mastodon import Mastodon
from desktop.publishing.thread_channel import SourceImage, ThreadChannel

from .takahe_server import SHARED, LocalTakahe
from .test_media_thread_channel import Crash, entry_id


@pytest.fixture(scope="module")
def takahe():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} (Takahē's snapshot and recipe) is absent")
    with LocalTakahe() as server:
        yield server


@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "t.sqlite3")
    yield s
    s.close()


def client(takahe) -> Mastodon:
    return Mastodon(takahe.url, lambda: Secret(takahe.token))


def api(takahe, path: str) -> dict | list:
    response = httpx.get(f"{takahe.url}{path}", headers={"Authorization": f"Bearer {takahe.token}"})
    response.raise_for_status()
    return response.json()


def photo(size=(4000, 3000)) -> bytes:
    exif = Image.Exif()
    exif[0x013B] = "Secret Author"
    out = io.BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def test_instance_limits_come_from_the_server(takahe):
    with client(takahe) as channel:
        limits = channel.image_limits()
        assert channel.count("x" * 500).ok and not channel.count("x" * 501).ok
    assert (limits.max_pixels, limits.max_bytes, limits.max_count) == (4_000_000, 10_485_760, 4)
    assert "image/webp" in limits.mimes


def test_a_12_megapixel_photo_is_fitted_uploaded_with_its_description_and_attached(takahe):
    with client(takahe) as channel:
        fitted = images.fit(images.sanitise(photo()), channel.image_limits())
        assert fitted.width * fitted.height <= 4_000_000
        uploaded = channel.upload(OutgoingImage(fitted.data, fitted.mime, fitted.width,
                                                fitted.height, "Noise, for a test"))
        posted = channel.publish(Outgoing("A photo.", ("en",), "k-photo", datetime.now(UTC),
                                          images=(uploaded,)))
    status = api(takahe, f"/api/v1/statuses/{posted.remote_id}")
    [media] = status["media_attachments"]
    assert media["id"] == uploaded.remote_id and media["description"] == "Noise, for a test"
    # Takahē stores its own rendition (at most 2000 px wide), with the same shape
    assert abs(media["meta"]["original"]["aspect"] - fitted.width / fitted.height) < 0.01


def test_a_thread_resumed_after_a_crash_posts_each_part_once_with_its_images(takahe, store):
    class Dying(Mastodon):
        crash_after_publish = 2
        published = 0

        def publish(self, post):
            remote = super().publish(post)
            Dying.published += 1
            if Dying.published == self.crash_after_publish:
                raise Crash("after the server took part 2")
            return remote

    outbox_id = entry_id(store)
    sources = tuple(SourceImage(f"s{i}", f"Chart {i}",
                                lambda i=i: images.sanitise(photo((300 + i, 200))))
                    for i in range(2))
    stamp = datetime.now(UTC).isoformat()
    thread = join([f"Thread {stamp} 1/3", f"Thread {stamp} 2/3", f"Thread {stamp} 3/3"])
    post = Outgoing(thread, ("en",), "k-thread", datetime.now(UTC))
    with Dying(takahe.url, lambda: Secret(takahe.token)) as dying, pytest.raises(Crash):
        ThreadChannel(dying, store, outbox_id, sources).publish(post)
    with client(takahe) as channel:
        first = ThreadChannel(channel, store, outbox_id, sources).publish(post)
    me = api(takahe, "/api/v1/accounts/verify_credentials")
    mine = [s for s in api(takahe, f"/api/v1/accounts/{me['id']}/statuses?limit=40")
            if stamp in api(takahe, f"/api/v1/statuses/{s['id']}/source")["text"]]
    mine.sort(key=lambda s: int(s["id"]))
    texts = [api(takahe, f"/api/v1/statuses/{s['id']}/source")["text"] for s in mine]
    assert texts == [f"Thread {stamp} {i}/3" for i in (1, 2, 3)]   # each part exactly once
    assert mine[0]["id"] == first.remote_id
    assert [s["in_reply_to_id"] for s in mine] == [None, mine[0]["id"], mine[1]["id"]]
    assert [m["description"] for m in mine[0]["media_attachments"]] == ["Chart 0", "Chart 1"]
    assert all(not s["media_attachments"] for s in mine[1:])
