"""SQL for images: content-addressed blobs and each language's image manifest per version.

`MediaRecords` is mixed into `SqliteStore` (built on its ``_query``/``_execute``);
`MediaRepository` is what `desktop.core.attachments.AttachmentService` needs.
Tables come from migration m0007.
"""

from __future__ import annotations

import json
from typing import Protocol

from .clock import now_iso
from .model import Lang
from .repository import Repository
from .store_base import SqlRecords


class MediaRepository(Repository, Protocol):
    def put_blob(self, sha256: str, mime: str, width: int, height: int, data: bytes,
                 created_by: str) -> None: ...
    def blob(self, sha256: str) -> dict | None: ...
    def add_media_state(self, post_id: int, lang: Lang, version_id: int, manifest: list[dict],
                        sha256: str) -> None: ...
    def media_state(self, post_id: int, lang: Lang, version_id: int | None = None
                    ) -> dict | None: ...
    def media_states(self, post_id: int, lang: Lang) -> list[dict]: ...


class MediaRecords(SqlRecords):
    def put_blob(self, sha256: str, mime: str, width: int, height: int, data: bytes,
                 created_by: str) -> None:
        """Keep ``data`` under its hash (a second put of the same bytes does nothing)."""
        self._execute(
            "INSERT INTO media_blobs (sha256, mime, width, height, byte_size, data, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
            (sha256, mime, width, height, len(data), data, created_by, now_iso()))

    def blob(self, sha256: str) -> dict | None:
        rows = self._query("SELECT * FROM media_blobs WHERE sha256 = ?", (sha256,))
        return rows[0] if rows else None

    def add_media_state(self, post_id: int, lang: Lang, version_id: int, manifest: list[dict],
                        sha256: str) -> None:
        self._execute(
            "INSERT INTO media_states (post_id, lang, version_id, manifest, sha256, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (post_id, Lang(lang).value, version_id, json.dumps(manifest, ensure_ascii=False),
             sha256, now_iso()))

    @staticmethod
    def _state(row: dict) -> dict:
        return {**row, "manifest": json.loads(row["manifest"])}

    def media_state(self, post_id: int, lang: Lang, version_id: int | None = None
                    ) -> dict | None:
        """The image manifest in force at ``version_id`` (default: the latest version)."""
        rows = self._query(
            "SELECT * FROM media_states WHERE post_id = ? AND lang = ?"
            + (" AND version_id <= ?" if version_id is not None else "")
            + " ORDER BY version_id DESC LIMIT 1",
            (post_id, Lang(lang).value) + ((version_id,) if version_id is not None else ()))
        return self._state(rows[0]) if rows else None

    def media_states(self, post_id: int, lang: Lang) -> list[dict]:
        """Every manifest ``lang`` ever had, oldest first (the alt-text history)."""
        return [self._state(r) for r in self._query(
            "SELECT * FROM media_states WHERE post_id = ? AND lang = ? ORDER BY version_id",
            (post_id, Lang(lang).value))]


class UploadRepository(Repository, Protocol):
    def outbox_parts(self, outbox_id: int) -> dict[int, dict]: ...
    def begin_part(self, outbox_id: int, part: int) -> None: ...
    def part_sent(self, outbox_id: int, part: int, remote_id: str, cid: str, url: str,
                  posted_at: str) -> None: ...
    def outbox_media(self, outbox_id: int) -> dict[int, dict]: ...
    def media_uploaded(self, outbox_id: int, slot: int, image_sha256: str, sent_sha256: str,
                       width: int, height: int, remote_media_id: str, remote_ref: dict
                       ) -> None: ...


class PublishingMediaRepository(MediaRepository, UploadRepository, Protocol):
    """What the publish side reads and writes about images and thread parts."""


class UploadRecords(SqlRecords):
    """Thread parts and uploaded images of outbox entries (migration m0007)."""

    def outbox_parts(self, outbox_id: int) -> dict[int, dict]:
        return {r["part"]: r for r in self._query(
            "SELECT * FROM outbox_parts WHERE outbox_id = ? ORDER BY part", (outbox_id,))}

    def begin_part(self, outbox_id: int, part: int) -> None:
        """Write-ahead: the part may go out from now on (a resume looks before re-sending)."""
        self._execute(
            "INSERT INTO outbox_parts (outbox_id, part, state, attempts, updated_at)"
            " VALUES (?, ?, 'sending', 1, ?) ON CONFLICT (outbox_id, part) DO UPDATE SET"
            " attempts = attempts + 1, updated_at = excluded.updated_at WHERE state = 'sending'",
            (outbox_id, part, now_iso()))

    def part_sent(self, outbox_id: int, part: int, remote_id: str, cid: str, url: str,
                  posted_at: str) -> None:
        self._execute(
            "UPDATE outbox_parts SET state = 'sent', remote_id = ?, remote_cid = ?,"
            " remote_url = ?, posted_at = ?, updated_at = ? WHERE outbox_id = ? AND part = ?",
            (remote_id, cid, url, posted_at, now_iso(), outbox_id, part))

    def outbox_media(self, outbox_id: int) -> dict[int, dict]:
        return {r["slot"]: {**r, "remote_ref": json.loads(r["remote_ref"] or "{}")}
                for r in self._query("SELECT * FROM outbox_media WHERE outbox_id = ?"
                                     " ORDER BY slot", (outbox_id,))}

    def media_uploaded(self, outbox_id: int, slot: int, image_sha256: str, sent_sha256: str,
                       width: int, height: int, remote_media_id: str, remote_ref: dict) -> None:
        self._execute(
            "INSERT INTO outbox_media (outbox_id, slot, image_sha256, sent_sha256, width, height,"
            " remote_media_id, remote_ref, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (outbox_id, slot, image_sha256, sent_sha256, width, height, remote_media_id,
             json.dumps(remote_ref), now_iso()))
