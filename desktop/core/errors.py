"""Error types the domain raises; each carries a message fit to show a user."""

from __future__ import annotations

from typing import Any

from desktop.core.messages import Message


class TandemError(Exception):
    """Base class: the message is complete and safe to display (never a secret).

    ``str(error)`` is the English sentence; ``error.message`` is a `Message`
    whose code and parameters let the window say it in the user's language.
    Raise with a `Message`, or with the English text plus ``msg=`` (the code)
    and its parameters: ``TandemError(f"Post {n} …", msg=CODE, post=n)``.
    """

    def __init__(self, text: str = "", /, *args: Any, msg: str = "", **params: Any) -> None:
        self.message = text if isinstance(text, Message) else Message(msg, str(text), **params)
        super().__init__(self.message, *args)


class InvalidText(TandemError):
    """A draft or import contains text Tandem refuses to store."""


class NotFound(TandemError):
    """A post, version or other record does not exist."""


class StoreError(TandemError):
    """The database cannot be opened, read or written."""


class StoreReadOnly(StoreError):
    """The database file (or its folder) is not writable."""


class StoreTooNew(StoreError):
    """The database was written by a newer Tandem than this one."""


class PolicyError(TandemError):
    """The IT policy file is invalid or forbids the action."""


class PermissionDenied(TandemError):
    """The current user lacks the role an action needs."""


class TransitionError(TandemError):
    """A workflow move that the rules do not allow."""


class VersionConflict(TandemError):
    """A save started from a version that is no longer the latest: someone else saved
    in between. Nothing was written; ``base`` (what the editor started from, None if
    the language was empty) and ``latest`` (what is there now) let the person choose."""

    def __init__(self, post_id: int, lang: str, base: Any, latest: Any) -> None:
        super().__init__(
            f"The {lang.upper()} text of post {post_id} was saved by {latest.author} "
            f"(v{latest.seq}) since you opened it; your text was not saved over it.",
            msg="posts.version_conflict", post=post_id, lang=lang, seq=latest.seq,
            author=latest.author)
        self.post_id = post_id
        self.base = base
        self.latest = latest
