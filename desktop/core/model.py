"""Plain value types of the domain: languages, origins, posts and versions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class Lang(StrEnum):
    EN = "en"
    FR = "fr"

    @property
    def other(self) -> Lang:
        return Lang.FR if self is Lang.EN else Lang.EN


#: Each language's name in the English messages of the domain and the CLI.
LANG_NAMES: dict[Lang, str] = {Lang.EN: "English", Lang.FR: "French"}


class Origin(StrEnum):
    """Where the text of a version (or of a span of it) came from."""

    HUMAN = "human"
    MACHINE = "machine"
    MEMORY = "memory"


class PostState(StrEnum):
    """Where a post stands between first draft and publication."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    IN_APPROVAL = "in_approval"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    HALF_PUBLISHED = "half_published"


def sha256_text(text: str) -> str:
    """Content hash that binds sign-offs and approvals to exact wording."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Span:
    """A character range [start, end) of a version and where it came from.

    ``detail`` holds provenance facts: model name/version for machine spans,
    score and source pair for memory spans.
    """

    start: int
    end: int
    origin: Origin
    detail: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Version:
    id: int
    post_id: int
    lang: Lang
    seq: int
    text: str
    sha256: str
    author: str
    created_at: str
    origin: Origin
    parent_id: int | None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Post:
    id: int
    title: str
    state: PostState
    created_by: str
    created_at: str
    updated_at: str
    post_type: str = "standard"


@dataclass(frozen=True)
class WorkingDraft:
    """Autosaved editor text not yet checkpointed as a version."""

    post_id: int
    lang: Lang
    text: str
    base_version_id: int | None
    saved_at: str
    owner: str = ""  # who typed it; nobody else is shown it or saves it


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    post_id: int | None
    details: dict
    prev_hash: str
    hash: str
