"""Images on a post: shared or one per language, alt text in both languages, bound by review.

Rules:

* An image is **shared** (both languages show it) or belongs to **one language**
  (an infographic whose words are English). Each language shows at most
  `MAX_IMAGES` images, in the order they were attached.
* **Alt text is required** in every language that shows the image (both, for a
  shared image), up to `MAX_ALT_CHARS` characters, with the same text rules as
  a post. Alt text is content: it may come from machine translation
  (``origin=machine``), which makes the language's next version machine-assisted,
  so only a translator can sign it off.
* Images are kept as `sanitise` returned them (hostile files refused, metadata
  stripped unless the policy ``media.keep_metadata`` allows it), by sha256.
* Every change (attach, detach, replace, alt text) writes a new version of each
  language it touches, with the same text, tied to the language's new image
  manifest. Sign-offs and approvals bind versions, so they bind the images'
  bytes and the alt text: replacing an image or editing its alt text withdraws
  the official status, voids approvals and sends the post back to review,
  exactly as a text edit does; the manifest history is the alt-text history.

The image decoder is injected (`Sanitiser`): the core never imports Pillow.
"""

from __future__ import annotations

import builtins
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from . import text as text_rules
from .errors import InvalidText, NotFound
from .model import LANG_NAMES, Lang, Origin, Version
from .posts import PostService
from .store_media import MediaRepository

MAX_IMAGES = 4
#: X's limit for alt text (Mastodon allows 1500, Bluesky more).
MAX_ALT_CHARS = 1000
SHARED = "both"


class CleanImageLike(Protocol):
    # Read-only properties, so that frozen dataclasses (images.CleanImage) match.
    @property
    def data(self) -> bytes: ...
    @property
    def mime(self) -> str: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def sha256(self) -> str: ...


#: bytes -> the image as Tandem keeps it; raises a TandemError for refused files.
Sanitiser = Callable[[bytes], CleanImageLike]


@dataclass(frozen=True)
class AltText:
    text: str
    origin: Origin = Origin.HUMAN


@dataclass(frozen=True)
class Attachment:
    """One image of a post as its latest versions show it."""

    id: int                      # stable within the post; never reused
    scope: str                   # "both", "en" or "fr"
    sha256: str
    mime: str
    width: int
    height: int
    alt: dict[Lang, AltText]

    @property
    def langs(self) -> tuple[Lang, ...]:
        return tuple(Lang) if self.scope == SHARED else (Lang(self.scope),)

    def to_dict(self) -> dict:
        return {"id": self.id, "scope": self.scope, "sha256": self.sha256, "mime": self.mime,
                "width": self.width, "height": self.height,
                "alt": {lang.value: {"text": alt.text, "origin": alt.origin.value}
                        for lang, alt in self.alt.items()}}


def _item(attachment: Attachment, lang: Lang) -> dict:
    """One entry of a language's manifest (what that language's version binds)."""
    alt = attachment.alt[lang]
    return {"id": attachment.id, "scope": attachment.scope, "sha256": attachment.sha256,
            "mime": attachment.mime, "width": attachment.width, "height": attachment.height,
            "alt": alt.text, "alt_origin": alt.origin.value}


def manifest_sha256(manifest: list[dict]) -> str:
    return hashlib.sha256(json.dumps(manifest, sort_keys=True, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


def check_alt(text: str, lang: Lang) -> str:
    name = LANG_NAMES[lang]
    text = text_rules.check(text or "", what=f"{name} alt text").strip()
    if not text:
        raise InvalidText(f"{name} alt text is required: describe the image for people who "
                          "cannot see it.", msg="media.alt_required", lang=Lang(lang).value)
    if len(text) > MAX_ALT_CHARS:
        raise InvalidText(f"{name} alt text is {len(text)} characters; keep it under "
                          f"{MAX_ALT_CHARS} (X's limit).", msg="media.alt_too_long",
                          lang=Lang(lang).value, length=len(text), limit=MAX_ALT_CHARS)
    return text


class AttachmentService:
    def __init__(self, repo: MediaRepository, posts: PostService, user: str,
                 sanitise: Sanitiser):
        self.repo = repo
        self.posts = posts
        self.user = user
        self.sanitise = sanitise

    # -- reading -----------------------------------------------------------------
    def manifest(self, post_id: int, lang: Lang, version: Version | None = None
                 ) -> builtins.list[dict]:
        """``lang``'s images (with that language's alt text) at ``version`` (default latest)."""
        state = self.repo.media_state(post_id, Lang(lang), version.id if version else None)
        return state["manifest"] if state else []

    def list(self, post_id: int) -> list[Attachment]:
        """The post's images at its latest versions, numbered as `detach` counts them."""
        self.repo.get_post(post_id)
        merged: dict[int, Attachment] = {}
        for lang in Lang:
            for item in self.manifest(post_id, lang):
                known = merged.get(item["id"])
                alt = {**(known.alt if known else {}),
                       lang: AltText(item["alt"], Origin(item["alt_origin"]))}
                merged[item["id"]] = Attachment(item["id"], item["scope"], item["sha256"],
                                                item["mime"], item["width"], item["height"], alt)
        return sorted(merged.values(), key=lambda a: a.id)

    def image(self, sha256: str) -> bytes:
        row = self.repo.blob(sha256)
        if row is None:
            raise NotFound(f"No image with sha256 {sha256[:12]}… in this store.",
                           msg="media.missing_blob", sha=sha256[:12])
        return row["data"]

    def _numbered(self, post_id: int, number: int) -> Attachment:
        attachments = self.list(post_id)
        if not 1 <= number <= len(attachments):
            raise NotFound(f"Post {post_id} has {len(attachments)} image(s); there is no "
                           f"image {number}.", msg="media.no_such_image", post=post_id,
                           count=len(attachments), number=number)
        return attachments[number - 1]

    # -- changing ------------------------------------------------------------------
    def attach(self, post_id: int, data: bytes, lang: Lang | None = None,
               alt: dict[Lang, str] | None = None,
               alt_origin: Origin = Origin.HUMAN) -> Attachment:
        """Add an image shown in ``lang`` only, or in both languages when ``lang`` is None."""
        scope = Lang(lang).value if lang else SHARED
        langs = tuple(Lang) if lang is None else (Lang(lang),)
        alt = alt or {}
        alts = {l: AltText(check_alt(alt.get(l, ""), l), alt_origin) for l in langs}
        current = self.list(post_id)
        for l in langs:
            if sum(l in a.langs for a in current) >= MAX_IMAGES:
                raise InvalidText(f"The {LANG_NAMES[l]} post already has {MAX_IMAGES} images, "
                                  "the most every network accepts.", msg="media.too_many",
                                  lang=Lang(l).value, limit=MAX_IMAGES)
        image = self.sanitise(data)
        attachment = Attachment(self._next_id(post_id), scope,
                                image.sha256, image.mime, image.width, image.height, alts)
        with self.repo.transaction():
            self.repo.put_blob(image.sha256, image.mime, image.width, image.height, image.data,
                               self.user)
            self._write(post_id, current + [attachment], langs, "media.attach",
                        {"attachment": attachment.id, "scope": scope, "sha256": image.sha256},
                        alt_origin)
        return attachment

    def detach(self, post_id: int, number: int) -> Attachment:
        """Remove image ``number`` (1-based, as `list` orders them)."""
        gone = self._numbered(post_id, number)
        keep = [a for a in self.list(post_id) if a.id != gone.id]
        with self.repo.transaction():
            self._write(post_id, keep, gone.langs, "media.detach",
                        {"attachment": gone.id, "sha256": gone.sha256})
        return gone

    def replace(self, post_id: int, number: int, data: bytes) -> Attachment:
        """New bytes for image ``number``, same alt text (approvals on the old bytes go)."""
        old = self._numbered(post_id, number)
        image = self.sanitise(data)
        new = Attachment(old.id, old.scope, image.sha256, image.mime, image.width, image.height,
                         old.alt)
        with self.repo.transaction():
            self.repo.put_blob(image.sha256, image.mime, image.width, image.height, image.data,
                               self.user)
            self._write(post_id, [new if a.id == old.id else a for a in self.list(post_id)],
                        old.langs, "media.replace",
                        {"attachment": old.id, "old_sha256": old.sha256,
                         "sha256": image.sha256})
        return new

    def set_alt(self, post_id: int, number: int, lang: Lang, text: str,
                origin: Origin = Origin.HUMAN) -> Attachment:
        """Change one language's alt text (``origin=machine`` for a translation suggestion)."""
        lang = Lang(lang)
        old = self._numbered(post_id, number)
        if lang not in old.langs:
            raise InvalidText(f"Image {number} is shown in {LANG_NAMES[old.langs[0]]} only.",
                              msg="media.one_language", number=number,
                              lang=Lang(old.langs[0]).value)
        new = Attachment(old.id, old.scope, old.sha256, old.mime, old.width, old.height,
                         {**old.alt, lang: AltText(check_alt(text, lang), Origin(origin))})
        if new == old:
            return old
        with self.repo.transaction():
            self._write(post_id, [new if a.id == old.id else a for a in self.list(post_id)],
                        (lang,), "media.alt", {"attachment": old.id, "lang": lang.value,
                                               "origin": Origin(origin).value}, Origin(origin))
        return new

    def _next_id(self, post_id: int) -> int:
        """Image ids are never reused, even after a detach."""
        return 1 + max((item["id"] for lang in Lang for state in self.repo.media_states(post_id, lang)
                        for item in state["manifest"]), default=0)

    def _write(self, post_id: int, attachments: builtins.list[Attachment], langs: tuple[Lang, ...],
               action: str, details: dict, origin: Origin = Origin.HUMAN) -> None:
        """New version of each of ``langs`` (same text) tied to its new manifest."""
        if self.posts.hooks:
            self.posts.hooks.check_write(action, post_id)
        for lang in langs:
            manifest = [_item(a, lang) for a in attachments if lang in a.langs]
            latest = self.repo.latest_version(post_id, lang)
            # Suggested alt text makes the version machine-assisted (a translator signs it).
            version_origin = origin if origin is not Origin.HUMAN else \
                (latest.origin if latest else Origin.HUMAN)
            version = self.posts.edit(post_id, lang, latest.text if latest else "",
                                      origin=version_origin,
                                      spans=latest.spans if latest else ())
            digest = manifest_sha256(manifest)
            self.repo.add_media_state(post_id, lang, version.id, manifest, digest)
            self.repo.append_audit(self.user, action, post_id,
                                   {**details, "lang": lang.value, "version_id": version.id,
                                    "manifest_sha256": digest})
