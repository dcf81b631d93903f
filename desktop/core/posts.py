"""Post service: creating posts and recording every edit as an immutable version.

This is where "editing never overwrites" lives: an edit appends a version whose
parent is the latest one, carries provenance spans forward, and writes an
audit entry with the version hashes, all in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from . import provenance, text as text_rules
from .audit import spans_digest
from .errors import InvalidText, VersionConflict
from .model import Lang, Origin, Post, PostState, Span, Version, WorkingDraft
from .repository import Repository


@dataclass(frozen=True)
class PostView:
    """A post with the latest version of each language (None if never written)."""

    post: Post
    en: Version | None
    fr: Version | None

    def latest(self, lang: Lang) -> Version | None:
        return self.en if Lang(lang) is Lang.EN else self.fr


class WriteHooks(Protocol):
    """The review workflow's say on writes (implemented by `desktop.core.review.ReviewService`).

    ``check_write`` runs before any transaction (a refusal is audited on its
    own); ``version_added`` runs inside the transaction that wrote the version.
    """

    def check_write(self, action: str, post_id: int | None) -> None: ...
    def version_added(self, version: Version, previous: Version | None) -> None: ...


#: `PostService.edit` without a base: the edit goes on top of the latest version.
ANY_BASE = object()


class PostService:
    def __init__(self, repo: Repository, user: str, hooks: WriteHooks | None = None):
        self.repo = repo
        self.user = user
        self.hooks = hooks

    def create(self, en: str = "", fr: str = "", title: str = "",
               post_type: str = "standard") -> PostView:
        if self.hooks:
            self.hooks.check_write("post.create", None)
        en = text_rules.check(en, what="English draft")
        fr = text_rules.check(fr, what="French draft")
        title = text_rules.check(title, what="Title").strip()
        if len(title) > 200:
            raise InvalidText("Title refused: keep it under 200 characters.",
                              msg="posts.title_too_long")
        if not title:
            first = (en or fr).strip().splitlines()[0] if (en or fr).strip() else ""
            title = first[:60] or "Untitled post"
        with self.repo.transaction():
            post = self.repo.create_post(title, self.user, post_type)
            self.repo.append_audit(self.user, "post.create", post.id,
                                   {"title": title, "post_type": post_type})
            for lang, body in ((Lang.EN, en), (Lang.FR, fr)):
                if body:
                    self._append(post.id, lang, body, Origin.HUMAN, ())
        return self.view(post.id)

    def edit(self, post_id: int, lang: Lang, new_text: str, origin: Origin = Origin.HUMAN,
             spans: tuple[Span, ...] | None = None,
             base: int | None | object = ANY_BASE) -> Version:
        """Record ``new_text`` as the next version of ``lang``.

        ``spans`` describes non-human parts for machine/memory text; for human
        edits, the previous version's machine/memory spans are carried over.
        Saving text identical to the latest version is a no-op.

        ``base``: the version id the editor started from (None: the language had
        no text). If the latest version is another one, someone saved in between:
        `VersionConflict` is raised and nothing is written (compare-and-set in the
        write transaction). Left out, the edit goes on top of whatever is latest.
        """
        lang = Lang(lang)
        if self.hooks:
            self.hooks.check_write("post.edit", post_id)
        new_text = text_rules.check(new_text, what=f"{'English' if lang is Lang.EN else 'French'} draft")
        with self.repo.transaction():
            latest = self.repo.latest_version(post_id, lang)
            if latest is None:
                self.repo.get_post(post_id)  # raises NotFound
            if latest is not None and latest.text == new_text and spans is None:
                self.repo.discard_working_draft(post_id, lang, self.user)
                return latest  # (also when someone else saved exactly this text)
            if base is not ANY_BASE and (latest.id if latest else None) != base:
                started = self._own_version(post_id, lang, base) if isinstance(base, int) else None
                raise VersionConflict(post_id, lang.value, started, latest)
            if spans is None:
                spans = provenance.carry_spans(latest.text, latest.spans, new_text) if latest else ()
            return self._append(post_id, lang, new_text, origin, spans)

    def _own_version(self, post_id: int, lang: Lang, version_id: int) -> Version:
        version = self.repo.get_version(version_id)
        if version.post_id != post_id or version.lang is not lang:
            raise InvalidText(f"Version {version_id} does not belong to post {post_id}.",
                              msg="posts.foreign_version", version=version_id, post=post_id)
        return version

    def rename(self, post_id: int, title: str) -> Post:
        """Change a post's title (titles are metadata, not versioned text; audited)."""
        title = text_rules.check(title, what="Title").strip()
        if not title or len(title) > 200:
            raise InvalidText("Title refused: it must have 1 to 200 characters.",
                              msg="posts.title_length")
        with self.repo.transaction():
            old = self.repo.get_post(post_id)
            if old.title == title:
                return old
            self.repo.set_post_title(post_id, title)
            self.repo.append_audit(self.user, "post.rename", post_id,
                                   {"old_title": old.title, "title": title})
        return self.repo.get_post(post_id)

    def restore(self, post_id: int, version_id: int) -> Version:
        """Restoring an old version makes it the newest version (history is kept)."""
        if self.hooks:
            self.hooks.check_write("post.restore", post_id)
        old = self.repo.get_version(version_id)
        if old.post_id != post_id:
            raise InvalidText(f"Version {version_id} does not belong to post {post_id}.",
                              msg="posts.foreign_version", version=version_id, post=post_id)
        with self.repo.transaction():
            version = self._append(post_id, old.lang, old.text, old.origin, old.spans,
                                   restored_from=old)
        return version

    def _append(self, post_id: int, lang: Lang, body: str, origin: Origin,
                spans: tuple[Span, ...], restored_from: Version | None = None) -> Version:
        parent = self.repo.latest_version(post_id, lang)
        version = self.repo.add_version(post_id, lang, body, self.user, origin,
                                        parent.id if parent else None, spans)
        details = {"lang": lang.value, "version_id": version.id, "seq": version.seq,
                   "sha256": version.sha256, "origin": origin.value,
                   "spans_sha256": spans_digest(version.spans),
                   "parent_sha256": parent.sha256 if parent else None}
        if restored_from is not None:
            details["restored_from_version_id"] = restored_from.id
        self.repo.append_audit(self.user, "version.create", post_id, details)
        if self.hooks:
            self.hooks.version_added(version, parent)
        return version

    def view(self, post_id: int) -> PostView:
        post = self.repo.get_post(post_id)
        return PostView(post, self.repo.latest_version(post_id, Lang.EN),
                        self.repo.latest_version(post_id, Lang.FR))

    def history(self, post_id: int, lang: Lang) -> list[Version]:
        self.repo.get_post(post_id)
        return self.repo.versions(post_id, lang)

    def first_page(self, state: PostState | None = None, search: str | None = None,
                   limit: int = 200) -> tuple[int, list[dict]]:
        """`count` and the first page of `list` (what the post list shows first), together."""
        return self.repo.first_page(state, search, limit)

    def list(self, state: PostState | None = None, search: str | None = None,
             limit: int = 200, offset: int = 0) -> list[dict]:
        return self.repo.list_posts(state, search, limit, offset)

    def count(self, state: PostState | None = None, search: str | None = None) -> int:
        """How many posts `list` would page through with the same filters."""
        return self.repo.count_posts(state, search)

    # -- autosave: the crash guard between versions ------------------------
    def autosave(self, post_id: int, lang: Lang, draft_text: str,
                 base: int | None | object = ANY_BASE) -> None:
        """Keep the editor's text so a crash loses at most the last second.

        Autosave stores what the user typed even if it would be refused as a
        version (e.g. it still contains a NUL): nothing typed is lost.

        ``base``: the version the editor started from (as for `edit`), kept with the
        draft so that saving it after a restart still meets a version someone else
        saved meanwhile. Left out: the latest version.
        """
        latest = self.repo.latest_version(post_id, lang)
        if latest is not None and latest.text == draft_text:
            self.repo.discard_working_draft(post_id, lang, self.user)
            return
        recorded = base if base is None or isinstance(base, int) else (
            latest.id if latest else None)
        self.repo.save_working_draft(post_id, lang, self.user,
                                     draft_text[: text_rules.MAX_TEXT_CHARS * 2], recorded)

    def working_draft(self, post_id: int, lang: Lang) -> WorkingDraft | None:
        """The acting user's autosaved text that never became a version (after a crash), if
        any, with the version it was typed on; another person's unsaved text is theirs and
        never offered here."""
        return self.repo.working_draft(post_id, lang, self.user)

    def recover(self, post_id: int, lang: Lang) -> str | None:
        """The text of `working_draft`, if any."""
        draft = self.working_draft(post_id, lang)
        return draft.text if draft else None
