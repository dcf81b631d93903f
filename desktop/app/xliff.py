"""XLIFF post export and import: a post's pair out to a translator's tool and the translation back in.

The file format is :mod:`translation.formats.xliff`; this module reads and
writes posts. Importing refuses a file whose post's source text has changed
in Tandem since the export (the translation would be of old wording) and
records the target as a new version by the importing user through
`PostService.edit` (origin human, machine/memory spans carried where the text
was kept, so it still needs a sign-off), auditing the tool used. An empty
translation is refused, and so is a file whose target language was edited in
Tandem after the export (it would silently replace the newer text).
"""

from __future__ import annotations

from dataclasses import dataclass

from translation.formats.xliff import XLIFF, XliffPair, refuse

from desktop.core.errors import NotFound, TransitionError
from desktop.core.model import LANG_NAMES, Lang, Version
from desktop.core.posts import PostService


def export_post(posts: PostService, post_id: int, source: Lang = Lang.EN) -> bytes:
    """The XLIFF of a post's latest ``source`` text and its current translation, if any."""
    view = posts.view(post_id)
    source_version: Version | None = view.latest(source)
    if source_version is None or not source_version.text.strip():
        raise NotFound(f"Post {post_id} has no {LANG_NAMES[Lang(source)]} text to translate.",
                       msg="xliff.no_source", post=post_id, lang=Lang(source).value)
    target = view.latest(Lang(source).other)
    return XLIFF.dump([XliffPair(post_id, Lang(source), source_version.id, source_version.sha256,
                                 source_version.text, target.text if target else None,
                                 target.id if target else None)])


@dataclass(frozen=True)
class ImportResult:
    pair: XliffPair
    version: Version
    changed: bool  # False when the translation equals the current target (no new version)


def _exported(posts: PostService, pair: XliffPair) -> Version | None:
    """The source version the file names, if it is one of this post's versions in that language."""
    try:
        version = posts.repo.get_version(pair.source_version_id)
    except NotFound:
        return None
    return version if version.post_id == pair.post_id and version.lang is pair.source_lang else None


def _belongs(posts: PostService, pair: XliffPair) -> bool:
    """Whether the target version the file was exported with is one of this post's."""
    if pair.target_version_id is None:
        return False
    try:
        version = posts.repo.get_version(pair.target_version_id)
    except NotFound:
        return False
    return version.post_id == pair.post_id and version.lang is pair.target_lang


def import_into(posts: PostService, data: bytes, tool: str = "") -> ImportResult:
    """Record the file's translation as a new version of the target language."""
    pair = XLIFF.read(data)
    current = posts.view(pair.post_id).latest(pair.source_lang)
    name = LANG_NAMES[pair.source_lang]
    exported = _exported(posts, pair)
    if exported is None:
        raise TransitionError(f"The file names a {name} version of post {pair.post_id} that Tandem does not "
                              "have: it was not exported from this store. Export the post again.",
                              msg="xliff.foreign", post=pair.post_id, lang=pair.source_lang.value)
    if exported.sha256 != pair.source_sha256:
        raise TransitionError(
            f"The file's source fingerprint (sha256) does not match the {name} v{exported.seq} of post "
            f"{pair.post_id} it names: the file was altered after export. Export the post again.",
            msg="xliff.altered", post=pair.post_id, lang=pair.source_lang.value,
            seq=exported.seq)
    if current is None or current.id != exported.id:
        now = f"it is now v{current.seq}" if current else "it has no text now"
        raise TransitionError(
            f"The {name} text of post {pair.post_id} changed since this file was exported "
            f"(the file translates v{exported.seq}; {now}). "
            "Export the post again and translate the current text.", msg="xliff.source_changed",
            post=pair.post_id, lang=pair.source_lang.value, seq=exported.seq)
    pair = pair.rejoined(exported.text)
    target_name = LANG_NAMES[pair.target_lang]
    if pair.target_text is None:
        raise refuse("it has no translation (no <target>).")
    if not pair.target_text.strip():
        raise refuse(f"its {target_name} translation is empty (the <target> holds no text, or "
                     f"only spaces). Nothing was imported; post {pair.post_id} keeps its "
                     f"{target_name} text.")
    before = posts.view(pair.post_id).latest(pair.target_lang)
    if (before is not None and before.id != pair.target_version_id
            and before.text != pair.target_text):  # (the same text again changes nothing)
        base = (f"v{posts.repo.get_version(pair.target_version_id).seq}"
                if pair.target_version_id is not None and _belongs(posts, pair) else
                f"no {target_name} text")
        raise TransitionError(
            f"The {target_name} text of post {pair.post_id} changed since this file was exported "
            f"(the file was made from {base}; it is now v{before.seq}): importing it would "
            f"replace the newer {target_name} text. Export the post again, or copy the "
            "translation into the current text by hand.", msg="xliff.target_changed",
            post=pair.post_id, lang=pair.target_lang.value, seq=before.seq)
    # Not wrapped in a transaction: a refused edit must leave its audited refusal behind.
    version = posts.edit(pair.post_id, pair.target_lang, pair.target_text)
    changed = before is None or version.id != before.id
    if changed:
        posts.repo.append_audit(posts.user, "xliff.import", pair.post_id, {
            "unit_id": pair.unit_id, "lang": pair.target_lang.value,
            "version_id": version.id, "sha256": version.sha256,
            "source_version_id": pair.source_version_id, "source_sha256": pair.source_sha256,
            "comment": f"Translated in {tool or 'an external tool'} (XLIFF 2.0 import"
                       + (f"; its {pair.segments} segments joined back into one text)" if pair.segments > 1
                          else ")")})
    return ImportResult(pair, version, changed)
