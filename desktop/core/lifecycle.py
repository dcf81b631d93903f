"""Delete, archive and duplicate a post (no Qt; the CLI and the window share it).

Versions and the audit log are immutable, so nothing here erases history:

* **delete** — only a draft nobody has reviewed (state ``draft`` or ``in_review``,
  no sign-off or rejection of any version, never entered approval), by its author or an admin.
  The post leaves every list for good; its versions stay in the record export
  and the audit log says who deleted what (``post.delete``, with the hashes).
* **archive** / **unarchive** — takes any post out of the lists (and out of
  "waiting for you") and back, by its author or an admin; refused while a
  publication is scheduled or under way.
* **duplicate** — a new draft with the latest text of each language, their
  provenance kept (machine text still needs a translator's sign-off), audited
  with the post it came from.

Each refusal raises with a message code (``lifecycle.*``) and, when it is a
matter of roles, is audited as ``denied.post.<action>``.
"""

from __future__ import annotations

from typing import Protocol

from .errors import NotFound, TransitionError
from .messages import Message
from .model import Lang, Post, PostState
from .posts import PostService, PostView
from .names import Role
from .roles import RoleService
from .store_lifecycle import ShelfRepository
from .store_review import ReviewRepository

ARCHIVED = "archived"
DELETED = "deleted"
#: A post in these states has a publication scheduled or under way: it cannot be archived.
BUSY_STATES = frozenset({PostState.SCHEDULED, PostState.PUBLISHING})
#: A draft (one language, or both waiting for their first review) may be deleted.
DELETABLE_STATES = frozenset({PostState.DRAFT, PostState.IN_REVIEW})
TITLE_LIMIT = 200


class LifecycleRepository(ShelfRepository, ReviewRepository, Protocol):
    """The store as the lifecycle service needs it."""


class LifecycleService:
    def __init__(self, repo: LifecycleRepository, posts: PostService, roles: RoleService,
                 user: str):
        self.repo = repo
        self.posts = posts
        self.roles = roles
        self.user = user

    # -- reading -------------------------------------------------------------------------
    def status(self, post_id: int) -> str | None:
        """``"archived"``, ``"deleted"`` or None (the post is in the lists)."""
        self.repo.get_post(post_id)
        return self.repo.shelf_status(post_id)

    def archived(self) -> list[dict]:
        return self.repo.shelved_posts(ARCHIVED)

    def deletable(self, post_id: int) -> bool:
        """Whether `delete` would pass the draft rules (not the role check)."""
        return self._delete_obstacle(self._live(post_id)) is None

    # -- changing ------------------------------------------------------------------------
    def delete(self, post_id: int) -> Post:
        post = self._live(post_id)
        self._require_owner(post, "post.delete", "delete this post")
        obstacle = self._delete_obstacle(post)
        if obstacle is not None:
            raise TransitionError(obstacle)
        versions = [v for lang in (Lang.EN, Lang.FR) for v in self.repo.versions(post_id, lang)]
        with self.repo.transaction():
            self.repo.shelve(post_id, DELETED, self.user)
            self.repo.append_audit(self.user, "post.delete", post_id, {
                "title": post.title, "state": post.state.value,
                "versions": [{"lang": v.lang.value, "seq": v.seq, "sha256": v.sha256}
                             for v in versions]})
        return post

    def archive(self, post_id: int) -> Post:
        post = self._live(post_id)
        self._require_owner(post, "post.archive", "archive this post")
        if self.repo.shelf_status(post_id) == ARCHIVED:
            return post
        if post.state in BUSY_STATES:
            raise TransitionError(Message(
                "lifecycle.archive_busy",
                f"Post {post_id} cannot be archived while its publication is {post.state.value}"
                " (cancel the schedule first).", post=post_id, state=post.state.value))
        with self.repo.transaction():
            self.repo.shelve(post_id, ARCHIVED, self.user)
            self.repo.append_audit(self.user, "post.archive", post_id,
                                   {"title": post.title, "state": post.state.value})
        return post

    def unarchive(self, post_id: int) -> Post:
        post = self._live(post_id)
        self._require_owner(post, "post.unarchive", "take this post out of the archive")
        if self.repo.shelf_status(post_id) != ARCHIVED:
            return post
        with self.repo.transaction():
            self.repo.unshelve(post_id)
            self.repo.append_audit(self.user, "post.unarchive", post_id, {"title": post.title})
        return post

    def duplicate(self, post_id: int, title: str | None = None) -> PostView:
        """A new draft with the latest text of each language and its provenance; ``title``
        defaults to "Copy of <title>" (the window passes it in the user's language)."""
        source = self._live(post_id)
        title = (title or copy_title(source.title))[:TITLE_LIMIT]
        latest = {lang: self.repo.latest_version(post_id, lang) for lang in (Lang.EN, Lang.FR)}
        with self.repo.transaction():
            view = self.posts.create(title=title, post_type=source.post_type)
            for lang, version in latest.items():
                if version is not None:
                    self.posts.edit(view.post.id, lang, version.text, version.origin,
                                    version.spans)
            self.repo.append_audit(self.user, "post.duplicate", view.post.id, {
                "source_post_id": post_id,
                "source_versions": {lang.value: v.sha256 for lang, v in latest.items() if v}})
        return self.posts.view(view.post.id)

    # -- rules ---------------------------------------------------------------------------
    def _live(self, post_id: int) -> Post:
        post = self.repo.get_post(post_id)
        if self.repo.shelf_status(post_id) == DELETED:
            raise NotFound(Message("lifecycle.deleted", f"Post {post_id} was deleted.",
                                   post=post_id))
        return post

    def _require_owner(self, post: Post, action: str, what: str) -> None:
        if post.created_by == self.user:
            return
        self.roles.require([Role.ADMIN.value], action, what, post.id,
                           reason=f"only its author, {post.created_by}, or an admin may")

    def _delete_obstacle(self, post: Post) -> Message | None:
        """Why ``post`` may not be deleted (it left the draft stage or was reviewed), or None."""
        if post.state not in DELETABLE_STATES:
            return Message("lifecycle.delete_not_draft",
                           f"Post {post.id} is {post.state.value}, not a draft: only a draft "
                           "nobody has reviewed can be deleted. Archive it instead.",
                           post=post.id, state=post.state.value)
        if self.repo.signoffs(post.id) or self.repo.rounds(post.id):
            return Message("lifecycle.delete_reviewed",
                           f"Post {post.id} has been reviewed: its review stays on record. "
                           "Archive it instead.", post=post.id)
        return None


def copy_title(title: str) -> str:
    """The duplicate's title: "Copy of …", kept under the title limit."""
    return f"Copy of {title}"[:TITLE_LIMIT]
