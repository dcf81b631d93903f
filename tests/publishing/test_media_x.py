"""X: image upload with alt text and thread replies, against the documented v2 contract
(mocked with respx: there is no X server to run locally)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import respx

from desktop.publishing.channel import Outgoing, OutgoingImage, RemotePost, ReplyTo
from desktop.publishing.credentials import Secret
from desktop.publishing.x import X

API = "https://api.x.com"


def test_upload_sets_alt_text_and_the_post_attaches_media_and_replies():
    with respx.mock(base_url=API) as api, X(lambda: Secret("t")) as x:
        upload = api.post("/2/media/upload").respond(json={"data": {"id": "710"}})
        metadata = api.post("/2/media/metadata").respond(json={"data": {}})
        tweet = api.post("/2/tweets").respond(json={"data": {"id": "9001", "text": "x"}})
        uploaded = x.upload(OutgoingImage(b"\xff\xd8\xff-jpeg-bytes", "image/jpeg", 4, 3,
                                          "A chart"))
        parent = RemotePost("9000", "https://x.com/i/web/status/9000", datetime.now(UTC))
        x.publish(Outgoing("Part 2/2", ("en",), str(uuid.uuid4()), datetime.now(UTC),
                           images=(uploaded,), reply_to=ReplyTo(parent, parent)))
    assert uploaded.remote_id == "710"
    sent = upload.calls.last.request
    assert b'name="media_category"' in sent.content and b"tweet_image" in sent.content
    assert b"-jpeg-bytes" in sent.content
    assert json.loads(metadata.calls.last.request.content) == {
        "id": "710", "metadata": {"alt_text": {"text": "A chart"}}}
    assert json.loads(tweet.calls.last.request.content) == {
        "text": "Part 2/2", "media": {"media_ids": ["710"]},
        "reply": {"in_reply_to_tweet_id": "9000"}}
