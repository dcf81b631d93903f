"""Suggestions and QA: what they read from and record in the store (storage worker, no Qt)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.core import text as text_rules
from desktop.core.model import Lang

from . import OpChanges

if TYPE_CHECKING:
    from desktop.app.session import Session
    from desktop.app.suggestions import PostSuggestion
    from translation.suggest import Suggester, Suggestion

LANGS = (Lang.EN, Lang.FR)


def suggester(session: Session) -> Suggester:
    """A snapshot of the suggestion service (memory, termbase, mappings, the translator)."""
    return session.suggestions.suggester()


def record_suggestion(session: Session, post_id: int, suggestion: Suggestion,
                      drafts: dict[Lang, str], bases: Mapping[Lang, int | None],
                      ) -> tuple[PostSuggestion, OpChanges]:
    """Make ``drafts`` versions (the source text the suggestion translates; a person's
    target text about to be replaced), then record ``suggestion`` as the target version.

    ``bases``: per language, the version the screen's text started from. A language
    someone else saved since is refused (`VersionConflict`), never gone on top of.
    """
    bases = dict(bases)
    for lang, body in drafts.items():
        if not text_rules.problems(body):  # a no-op when it already is the latest
            bases[lang] = session.posts.edit(post_id, lang, body, base=bases[lang]).id
    made = session.suggestions.apply(post_id, suggestion, base=bases[suggestion.target_lang])
    return made, OpChanges(frozenset({post_id}), post_list=True, versions=True)


def machine_flags(session: Session, post_id: int) -> dict[Lang, bool]:
    """Per language: the latest version has machine/memory text and is not signed off."""
    from desktop.core.review import machine_assisted

    view = session.posts.view(post_id)
    flags = {}
    for lang in LANGS:
        latest = view.latest(lang)
        flags[lang] = (latest is not None and machine_assisted(latest)
                       and session.review.official(post_id, lang) is None)
    return flags


@dataclass(frozen=True)
class QaContext:
    """What QA needs from the store for one post (read on the storage worker)."""

    post_id: int
    source_lang: Lang
    mappings: Any  # translation.mappings.MappingTable
    termbase: Any  # translation.terms.Termbase


def qa_context(session: Session, post_id: int) -> QaContext:
    """The store's mappings and termbase, and the language written first (storage worker)."""
    first = [versions[0] for versions in (session.posts.history(post_id, lang) for lang in LANGS)
             if versions]
    source = min(first, key=lambda v: (v.created_at, v.id)).lang if first else Lang.EN
    service = session.suggestions
    return QaContext(post_id, source, service.mapping_table(), service.termbase())
