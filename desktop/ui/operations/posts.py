"""Posts: what the editor and the post list read and write (storage worker, no Qt).

When versions are created (the editor's contract):

* **Save version** (Ctrl+S), **switching to another post**, **New post** and
  **closing the window** checkpoint the open post: each language whose text
  differs from its latest version becomes a new version (`checkpoint`).
* **Autosave** never creates a version: it keeps the editor text as the
  post's working draft (`PostService.autosave`) at most ~1 s behind typing.
  A checkpoint discards the working draft it supersedes.
* Text the core refuses (too long, NUL, bidi controls…) is never checkpointed;
  it stays the working draft (nothing typed is lost) until it is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.core import text as text_rules
from desktop.core.errors import TandemError, VersionConflict
from desktop.core.messages import Message
from desktop.core.model import Lang, Post, PostState, Version
from desktop.core.names import Role

from . import OpChanges

if TYPE_CHECKING:  # the session module pulls the whole store in: not at import time
    from desktop.core.posts import PostView
    from desktop.app.session import Session

LANGS = (Lang.EN, Lang.FR)


@dataclass(frozen=True)
class Recovered:
    """Autosaved text shown again, and the version it was typed on (``base``): saving it
    meets any version someone else saved since. None when the language was empty, or
    when the draft's base is unknown (a legacy draft, or not a version of this post's
    language): saving then meets whatever version is there, never replaces it unseen."""

    text: str
    base: Version | None


@dataclass(frozen=True)
class LoadedPost:
    """Everything the editor shows for one post, read in one storage call."""

    view: PostView
    history: dict[Lang, list[Version]]
    # Autosaved text that differs from the latest version (after a crash or
    # a refused checkpoint), per language; absent when there is none.
    recovered: dict[Lang, Recovered]
    # Whether the acting user may write posts (author or translator); the editors are
    # read-only otherwise.
    can_write: bool = True

    @property
    def post(self) -> Post:
        return self.view.post


@dataclass(frozen=True)
class CheckpointResult:
    saved: dict[Lang, Version] = field(default_factory=dict)
    # Languages not saved because the core refuses their text, with reasons.
    refused: dict[Lang, list[Message]] = field(default_factory=dict)
    # Languages the core would not version for another reason (e.g. the review
    # workflow forbids edits now), with its message. Their text is autosaved.
    failed: dict[Lang, str] = field(default_factory=dict)
    # Languages someone else saved since the editor's base (also in `failed`): the
    # conflict carries both versions so the window can let the person choose.
    conflicts: dict[Lang, VersionConflict] = field(default_factory=dict)
    renamed: Post | None = None
    rename_error: str | None = None


def load_post(session: Session, post_id: int) -> LoadedPost:
    posts = session.posts
    view = posts.view(post_id)
    history = {lang: posts.history(post_id, lang) for lang in LANGS}
    recovered: dict[Lang, Recovered] = {}
    for lang in LANGS:
        draft = posts.working_draft(post_id, lang)
        if draft is None:
            continue
        base = next((v for v in history[lang] if v.id == draft.base_version_id), None)
        latest = view.latest(lang)
        if draft.text not in ((latest.text if latest else ""), (base.text if base else "")):
            recovered[lang] = Recovered(draft.text, base)
    can_write = any(session.roles.has(role) for role in (Role.AUTHOR, Role.TRANSLATOR))
    return LoadedPost(view, history, recovered, can_write)


def create_post(session: Session, title: str = "") -> tuple[PostView, OpChanges]:
    view = session.posts.create(title=title)
    return view, OpChanges(frozenset({view.post.id}), post_list=True)


def checkpoint(session: Session, post_id: int, texts: dict[Lang, str],
               title: str | None = None,
               bases: dict[Lang, int | None] | None = None) -> tuple[CheckpointResult, OpChanges]:
    """Make each changed, acceptable language a version; keep refused text as draft.

    ``bases``: the version each editor started from; a language whose latest version
    is another one (someone else saved) is not saved over it (`failed`, text autosaved).
    """
    posts = session.posts
    result = CheckpointResult()
    if title is not None:
        title = title.strip()
        if title and title != posts.view(post_id).post.title:
            try:
                result = CheckpointResult(renamed=posts.rename(post_id, title))
            except TandemError as exc:
                result = CheckpointResult(rename_error=exc.message)
    for lang, body in texts.items():
        latest = posts.repo.latest_version(post_id, lang)
        if body == (latest.text if latest else ""):
            continue
        # edit's and autosave's base keyword, passed only when known (default: "any base");
        # text kept as a draft keeps its base, so a later save still meets a newer version
        base: dict[str, Any] = {"base": bases[lang]} if bases and lang in bases else {}
        issues = text_rules.problems(body)
        if issues:
            result.refused[lang] = issues
            posts.autosave(post_id, lang, body, **base)  # nothing typed is lost
            continue
        try:
            result.saved[lang] = posts.edit(post_id, lang, body, **base)
        except TandemError as exc:
            result.failed[lang] = exc.message
            if isinstance(exc, VersionConflict):
                result.conflicts[lang] = exc
            posts.autosave(post_id, lang, body, **base)
    changed = bool(result.saved) or result.renamed is not None
    return result, OpChanges(frozenset({post_id}), post_list=changed, versions=bool(result.saved),
                             drafts=bool(result.refused or result.failed))


@dataclass(frozen=True)
class SaveEffects:
    """What saving new versions of ``langs`` would undo (asked about before closing)."""

    withdrawn: tuple[tuple[Lang, int], ...]  # (language, version number) now official
    voided: int                              # approvals given that would be voided

    @property
    def any(self) -> bool:
        return bool(self.withdrawn or self.voided)


def save_effects(session: Session, post_id: int, langs: list[Lang]) -> SaveEffects:
    withdrawn = tuple((lang, official.seq) for lang in langs
                      if (official := session.review.official(post_id, lang)) is not None)
    voided = sum(1 for a in session.approvals.history(post_id) if not a.voided) if langs else 0
    return SaveEffects(withdrawn, voided)


def keep_drafts(session: Session, post_id: int, texts: dict[Lang, str],
                bases: dict[Lang, int | None]) -> tuple[None, OpChanges]:
    """Keep ``texts`` as the acting user's working drafts, without making versions, each
    with the version its editor started from (``bases``)."""
    for lang, body in texts.items():
        session.posts.autosave(post_id, lang, body, base=bases[lang])
    return None, OpChanges(frozenset({post_id}), drafts=True)


def take_latest(session: Session, post_id: int, lang: Lang
                ) -> tuple[tuple[Version | None, list[Version]], OpChanges]:
    """Drop the acting user's unsaved ``lang`` text for the latest version (their
    explicit choice after a conflict); the latest version and the history."""
    session.posts.repo.discard_working_draft(post_id, lang, session.posts.user)
    history = session.posts.history(post_id, lang)
    return (history[-1] if history else None, history), OpChanges(frozenset({post_id}),
                                                                  drafts=True)


def autosave(session: Session, post_id: int, lang: Lang, body: str,
             base: int | None) -> tuple[None, OpChanges]:
    """Keep the editor's text as the working draft, with the version it started from."""
    session.posts.autosave(post_id, lang, body, base=base)
    return None, OpChanges(frozenset({post_id}), drafts=True)


def restore_version(session: Session, post_id: int, version_id: int,
                    current_text: str) -> tuple[Version, OpChanges]:
    """Make an old version the newest; first keep the current text as a version.

    The text on screen is checkpointed before the restore (when the core
    accepts it), so restoring never throws away what the user typed.
    """
    posts = session.posts
    old = posts.repo.get_version(version_id)
    latest = posts.repo.latest_version(post_id, old.lang)
    if current_text != (latest.text if latest else "") and not text_rules.problems(current_text):
        posts.edit(post_id, old.lang, current_text)
    version = posts.restore(post_id, version_id)
    return version, OpChanges(frozenset({post_id}), post_list=True, versions=True)


def rename(session: Session, post_id: int, title: str) -> tuple[Post, OpChanges]:
    post = session.posts.rename(post_id, title)
    return post, OpChanges(frozenset({post_id}), post_list=True)


def pending_draft_post(session: Session) -> int | None:
    """The post with the acting user's most recent autosaved-but-unversioned text, if any."""
    drafts: list[Any] = session.posts.repo.working_drafts(session.user)
    return drafts[-1].post_id if drafts else None


def choose_initial_post(session: Session, last: object) -> int | None:
    """At start-up: the post with unsaved text, else ``last`` (the last one open), else the
    newest post; never an archived or deleted one."""
    pending = pending_draft_post(session)
    if pending is not None and session.lifecycle.status(pending) is None:
        return pending
    try:
        if last is not None:
            post_id = session.posts.view(int(last)).post.id  # type: ignore[call-overload]
            if session.lifecycle.status(post_id) is None:
                return post_id
    except (TandemError, ValueError, TypeError):
        pass
    rows = session.posts.list(limit=1)
    return rows[0]["id"] if rows else None


def load_histories(session: Session, post_id: int) -> tuple[PostView, dict[Lang, list[Version]]]:
    """The post and each language's versions (after an operation added versions)."""
    return (session.posts.view(post_id),
            {lang: session.posts.history(post_id, lang) for lang in LANGS})


def restore_with_history(session: Session, post_id: int, version_id: int, current_text: str
                         ) -> tuple[tuple[Version, list[Version]], OpChanges]:
    """`restore_version`, plus the language's history for the editor."""
    version, changes = restore_version(session, post_id, version_id, current_text)
    return (version, session.posts.history(post_id, version.lang)), changes


def first_page(session: Session, state: PostState | None, search: str,
               size: int) -> tuple[int, list[dict]]:
    """The post list's row count and first page for a filter."""
    return session.posts.first_page(state, search, size)


def list_page(session: Session, state: PostState | None, search: str, size: int,
              page: int) -> list[dict]:
    return session.posts.list(state, search, size, page * size)
