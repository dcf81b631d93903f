"""Images and threads on the real Bluesky PDS: uploadBlob, embed.images with alt text and aspect
ratio, the blob fetched back (com.atproto.sync.getBlob) free of metadata, reply references."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime

import pytest
from PIL import Image

from desktop.publishing import images
from desktop.publishing.bluesky import Bluesky
from desktop.publishing.channel import Outgoing, OutgoingImage, ReplyTo

pytestmark = pytest.mark.pds

SECRET = "Photographer Private Name"


def photo(size=(2400, 1600)) -> bytes:
    """A noisy (hard to compress) JPEG with GPS, serial and author in EXIF and XMP."""
    exif = Image.Exif()
    exif[0x013B] = SECRET
    exif.get_ifd(0x8769)[0xA431] = "SERIAL-12345"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (45.0, 25.0, 17.0)
    out = io.BytesIO()
    Image.effect_noise(size, 50).convert("RGB").save(
        out, "JPEG", quality=95, exif=exif, xmp=b"<x:xmpmeta>XmpSecretCreator</x:xmpmeta>")
    return out.getvalue()


def client(pds, account) -> Bluesky:
    return Bluesky(account.handle, account.password_provider, service_url=pds.url)


def prepared(channel: Bluesky, data: bytes, alt: str) -> OutgoingImage:
    fitted = images.fit(images.sanitise(data), channel.image_limits())
    return OutgoingImage(fitted.data, fitted.mime, fitted.width, fitted.height, alt)


def outgoing(text: str, **kwargs) -> Outgoing:
    return Outgoing(text=text, langs=("en",), idempotency_key=str(uuid.uuid4()),
                    created_at=datetime.now(UTC), **kwargs)


def test_images_with_alt_go_up_and_come_back_without_metadata(pds, en_account):
    original = photo()
    assert len(original) > 1_000_000 and SECRET.encode() in original
    with client(pds, en_account) as channel:
        image = prepared(channel, original, "Wait times fell by a third in 2026.")
        uploaded = channel.upload(image)
        posted = channel.publish(outgoing("Wait times are down.", images=(uploaded,)))
        record = pds.get_record(posted.remote_id)
        embed = record["embed"]
        assert embed["$type"] == "app.bsky.embed.images"
        [shown] = embed["images"]
        assert shown["alt"] == "Wait times fell by a third in 2026."
        assert shown["aspectRatio"] == {"width": image.width, "height": image.height}
        assert max(image.width, image.height) <= 2000
        assert abs(image.width / image.height - 1.5) < 0.01
        assert shown["image"]["ref"]["$link"] == uploaded.remote_id
        back = channel.get_blob(uploaded.remote_id)
    assert back == image.data and len(back) <= 1_000_000
    for needle in (SECRET.encode(), b"SERIAL-12345", b"XmpSecretCreator", b"Exif\x00\x00"):
        assert needle not in back
    assert dict(Image.open(io.BytesIO(back)).getexif()) == {}


def test_four_images_in_one_post(pds, en_account):
    with client(pds, en_account) as channel:
        uploaded = tuple(channel.upload(prepared(channel, photo((300 + i, 200)), f"Image {i}"))
                         for i in range(4))
        posted = channel.publish(outgoing("Four charts.", images=uploaded))
        shown = pds.get_record(posted.remote_id)["embed"]["images"]
    assert [i["alt"] for i in shown] == ["Image 0", "Image 1", "Image 2", "Image 3"]
    assert [i["aspectRatio"]["width"] for i in shown] == [300, 301, 302, 303]


def test_thread_parts_reply_to_root_and_parent(pds, en_account):
    with client(pds, en_account) as channel:
        part_one = outgoing("Part one 1/3")
        first = channel.publish(part_one)
        assert first.cid and channel.find(part_one) == first  # a retry finds it, cid and all
        second = channel.publish(outgoing("Part two 2/3", reply_to=ReplyTo(first, first)))
        third = channel.publish(outgoing("Part three 3/3", reply_to=ReplyTo(second, first)))
        reply = pds.get_record(third.remote_id)["reply"]
    assert reply == {"root": {"uri": first.remote_id, "cid": first.cid},
                     "parent": {"uri": second.remote_id, "cid": second.cid}}
