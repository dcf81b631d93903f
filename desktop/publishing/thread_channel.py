"""One outbox entry as the network sees it: a thread of parts, images on the first part.

`ThreadChannel` wraps a channel for one outbox entry and keeps the publish
service's contract (``find`` before any re-send, ``publish`` after) while the
entry's text is a thread (parts separated as in `desktop.core.threads`) and its
language has images:

* images are fitted to the channel's limits and uploaded one by one; each
  upload's media id is recorded (``outbox_media``) the moment the network
  returns it. A resumed entry attaches the recorded uploads and uploads only
  the missing ones; a post only ever attaches recorded uploads, so an upload
  repeated after a crash is never attached twice (it stays an orphan on the
  server, which Mastodon and Bluesky discard).
* each part is written ahead (``outbox_parts`` state ``sending``) before it goes
  out and recorded ``sent`` with its remote id (and Bluesky cid) after. A part
  found in ``sending`` on resume is looked for (``find``) before it is sent
  again; parts after the first reply to the previous part, in the thread that
  starts at the first (Bluesky root/parent, Mastodon ``in_reply_to_id``, X
  ``in_reply_to_tweet_id``).
* ``find`` answers the first part only when every part is out, so the service
  keeps the entry pending until the whole thread is.

Each part's idempotency key is the entry's, suffixed ``:<part>`` after the
first, so Bluesky's deterministic record keys differ per part.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from desktop.core.clock import parse_iso
from desktop.core.counting import Count
from desktop.core.errors import NotFound
from desktop.core.messages import Message
from desktop.core.model import LANG_NAMES, Lang, Version
from desktop.core.store_media import PublishingMediaRepository, UploadRepository
from desktop.core.threads import parts as thread_parts

from .channel import (
    Channel,
    Outgoing,
    OutgoingImage,
    RemoteAccount,
    RemotePost,
    ReplyTo,
    UploadedImage,
)
from .factory import Handoff
from .images import CleanImage, fit
from .outbox import Entry, iso


@dataclass(frozen=True)
class SourceImage:
    """One image of the entry's language as the store keeps it (manifest item + bytes)."""

    sha256: str
    alt: str
    load: Callable[[], CleanImage]


class ThreadChannel(Channel):
    def __init__(self, channel: Channel, repo: UploadRepository, outbox_id: int,
                 images: tuple[SourceImage, ...] = ()) -> None:
        self.inner = channel
        self.repo = repo
        self.outbox_id = outbox_id
        self.images = images
        self.network = channel.network  # type: ignore[misc]
        self.name = channel.name  # type: ignore[misc]

    def close(self) -> None:
        self.inner.close()

    def check_auth(self) -> RemoteAccount:
        return self.inner.check_auth()

    def count(self, text: str) -> Count:
        return self.inner.count(text)

    def delete(self, remote_id: str) -> None:
        self.inner.delete(remote_id)

    # -- the thread ------------------------------------------------------------------
    def _part(self, post: Outgoing, index: int, texts: list[str]) -> Outgoing:
        return replace(post, text=texts[index],
                       idempotency_key=post.idempotency_key + (f":{index}" if index else ""))

    @staticmethod
    def _remote(row: dict) -> RemotePost:
        return RemotePost(row["remote_id"], row["remote_url"] or "", parse_iso(row["posted_at"]),
                          row["remote_cid"] or "")

    def _walk(self, post: Outgoing, send: bool) -> RemotePost | None:
        """Every part in order: recorded ones reused, ones begun but unrecorded looked
        for, and (when ``send``) the rest sent. The first part's remote post, or None
        when some part is not out (and ``send`` is false)."""
        texts = thread_parts(post.text) or [post.text]
        done = self.repo.outbox_parts(self.outbox_id)
        first: RemotePost | None = None
        previous: RemotePost | None = None
        for index in range(len(texts)):
            part = self._part(post, index, texts)
            if previous is not None and first is not None:
                part = replace(part, reply_to=ReplyTo(previous, first))
            row = done.get(index)
            remote: RemotePost | None
            if row is not None and row["state"] == "sent":
                remote = self._remote(row)
            else:
                if index == 0 and self.images:
                    part = replace(part, images=self._uploaded() if send else self._recorded())
                # Write-ahead: a part without a row never left; one "sending" may have.
                remote = self.inner.find(part) if row is not None else None
                if remote is None:
                    if not send:
                        return None
                    self.repo.begin_part(self.outbox_id, index)
                    remote = self.inner.publish(part)
                assert remote is not None
                self.repo.part_sent(self.outbox_id, index, remote.remote_id, remote.cid,
                                    remote.url, iso(remote.posted_at))
            first = first or remote
            previous = remote
        return first

    def find(self, post: Outgoing) -> RemotePost | None:
        return self._walk(post, send=False)

    def publish(self, post: Outgoing) -> RemotePost:
        first = self._walk(post, send=True)
        assert first is not None
        return first

    # -- images ------------------------------------------------------------------------
    @staticmethod
    def _from_row(row: dict, alt: str) -> UploadedImage:
        return UploadedImage(row["remote_media_id"], alt, row["width"], row["height"],
                             row["remote_ref"])

    def _recorded(self) -> tuple[UploadedImage, ...]:
        recorded = self.repo.outbox_media(self.outbox_id)
        return tuple(self._from_row(recorded[slot], image.alt)
                     for slot, image in enumerate(self.images) if slot in recorded)

    def _uploaded(self) -> tuple[UploadedImage, ...]:
        """Every image uploaded once: recorded uploads reused, missing ones sent now."""
        recorded = self.repo.outbox_media(self.outbox_id)
        result = []
        for slot, image in enumerate(self.images):
            if slot in recorded:
                result.append(self._from_row(recorded[slot], image.alt))
                continue
            fitted = fit(image.load(), self.inner.image_limits())
            uploaded = self.inner.upload(OutgoingImage(fitted.data, fitted.mime, fitted.width,
                                                       fitted.height, image.alt))
            self.repo.media_uploaded(self.outbox_id, slot, image.sha256, fitted.sha256,
                                     fitted.width, fitted.height, uploaded.remote_id,
                                     uploaded.ref)
            result.append(uploaded)
        return tuple(result)


def _stored_image(store: PublishingMediaRepository, sha256: str) -> CleanImage:
    row = store.blob(sha256)
    if row is None:
        raise NotFound(f"The image {sha256[:12]}… is missing from the store; it was not sent.")
    return CleanImage(row["data"], row["mime"], row["width"], row["height"])


def language_media(store: PublishingMediaRepository, post_id: int, lang: str,
                   version_id: int) -> tuple[list[str], list[dict]]:
    """The thread parts and the images of one language's version."""
    text = store.get_version(version_id).text
    state = store.media_state(post_id, Lang(lang), version_id)
    return thread_parts(text) or [text], state["manifest"] if state else []


def for_entry(client: Channel | Handoff, store: PublishingMediaRepository, entry: Entry
              ) -> Channel | Handoff:
    """The client to send ``entry`` with: a ThreadChannel when its language's version
    is a thread or has images, else ``client`` itself (one combined bilingual post is
    never a thread: preflight does not combine those)."""
    if not isinstance(client, Channel) or entry.lang not in ("en", "fr"):
        return client
    version_id = entry.en_version_id if entry.lang == "en" else entry.fr_version_id
    if version_id is None:
        return client
    parts, manifest = language_media(store, entry.post_id, entry.lang, version_id)
    if len(parts) <= 1 and not manifest:
        return client
    return ThreadChannel(client, store, entry.id, tuple(
        SourceImage(item["sha256"], item["alt"], partial(_stored_image, store, item["sha256"]))
        for item in manifest))


def count_parts(client: Channel, text: str) -> Count:
    """The count that decides whether ``text`` can go out: its first part that does
    not fit, else its longest part."""
    counts = [client.count(part) for part in thread_parts(text) or [text]]
    return next((c for c in counts if not c.ok), max(counts, key=lambda c: c.used))


def media_problems(store: PublishingMediaRepository, client: Channel, version: Version
                   ) -> list[Message]:
    """Why this language's images cannot go to this channel (preflight)."""
    _parts, manifest = language_media(store, version.post_id, version.lang.value, version.id)
    limits = client.image_limits()
    if len(manifest) > limits.max_count:
        return [Message("preflight.too_many_images",
                        f"the {LANG_NAMES[version.lang]} post has {len(manifest)} images; "
                        f"{client.name} takes at most {limits.max_count}",
                        lang=version.lang.value, images=len(manifest), limit=limits.max_count)]
    return []
