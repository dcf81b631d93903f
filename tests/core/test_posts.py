"""Post service: every edit is a version, provenance is carried, autosave recovers."""

from __future__ import annotations

import pytest

from desktop.core.errors import InvalidText, NotFound
from desktop.core.model import Lang, Origin, Span, sha256_text
from desktop.core.posts import PostService
from desktop.core.store import SqliteStore


@pytest.fixture
def posts(tmp_path):
    return PostService(SqliteStore(tmp_path / "p.sqlite3"), "alice")


def test_create_records_both_languages_and_audits(posts):
    view = posts.create(en="Hello", fr="Bonjour", title="Greeting")
    assert view.en.text == "Hello" and view.fr.text == "Bonjour"
    assert view.en.sha256 == sha256_text("Hello")
    actions = [e.action for e in posts.repo.audit_entries(view.post.id)]
    assert actions == ["post.create", "version.create", "version.create"]
    hashes = {e.details.get("sha256") for e in posts.repo.audit_entries(view.post.id)}
    assert {view.en.sha256, view.fr.sha256} <= hashes


def test_title_defaults_to_first_line(posts):
    assert posts.create(en="First line\nsecond").post.title == "First line"
    assert posts.create().post.title == "Untitled post"


def test_each_edit_is_a_new_version_and_identical_save_is_not(posts):
    post = posts.create(en="one").post
    posts.edit(post.id, Lang.EN, "two")
    same = posts.edit(post.id, Lang.EN, "two")
    history = posts.history(post.id, Lang.EN)
    assert [v.text for v in history] == ["one", "two"]
    assert same.id == history[-1].id
    assert history[1].parent_id == history[0].id


def test_restore_appends_instead_of_rewinding(posts):
    post = posts.create(fr="un").post
    first = posts.history(post.id, Lang.FR)[0]
    posts.edit(post.id, Lang.FR, "deux")
    restored = posts.restore(post.id, first.id)
    assert restored.seq == 3 and restored.text == "un"
    assert [v.text for v in posts.history(post.id, Lang.FR)] == ["un", "deux", "un"]
    entry = posts.repo.audit_entries(post.id)[-1]
    assert entry.details["restored_from_version_id"] == first.id


def test_restore_refuses_a_version_of_another_post(posts):
    a = posts.create(en="a")
    b = posts.create(en="b")
    with pytest.raises(InvalidText, match="does not belong"):
        posts.restore(b.post.id, a.en.id)


def test_machine_spans_survive_human_edit_only_where_text_was_kept(posts):
    post = posts.create(en="Hello world").post
    machine = "Bonjour le monde"
    posts.edit(post.id, Lang.FR, machine, origin=Origin.MACHINE,
               spans=(Span(0, len(machine), Origin.MACHINE, {"model": "en_fr", "version": "1.9"}),))
    edited = posts.edit(post.id, Lang.FR, "Bonjour à tout le monde")
    assert edited.origin is Origin.HUMAN
    covered = "".join(edited.text[s.start:s.end] for s in edited.spans)
    assert "Bonjour" in covered and "monde" in covered and "tout" not in covered
    assert all(s.detail == {"model": "en_fr", "version": "1.9"} for s in edited.spans)
    rewritten = posts.edit(post.id, Lang.FR, "Salut")
    assert rewritten.spans == ()


@pytest.mark.parametrize("bad, reason", [
    ("a\x00b", "NUL"),
    ("evil\u202eoverride", "Bidirectional"),
    ("x" * 50_001, "characters long"),
    ("bad\udcffbyte", "Invalid UTF-8"),
    ("bell\x07", "Control character"),
    ("non\uffffchar", "noncharacter"),
])
def test_bad_text_is_refused_and_nothing_saved_is_lost(posts, bad, reason):
    post = posts.create(en="kept").post
    with pytest.raises(InvalidText, match=reason):
        posts.edit(post.id, Lang.EN, bad)
    assert [v.text for v in posts.history(post.id, Lang.EN)] == ["kept"]


def test_empty_draft_is_allowed_as_a_version(posts):
    post = posts.create(en="x").post
    assert posts.edit(post.id, Lang.EN, "").text == ""


def test_crlf_is_normalised(posts):
    post = posts.create(en="a\r\nb").post
    assert posts.view(post.id).en.text == "a\nb"


def test_unknown_post(posts):
    with pytest.raises(NotFound):
        posts.edit(404, Lang.EN, "x")
    with pytest.raises(NotFound):
        posts.view(404)


def test_autosave_keeps_even_refused_text_and_recovers(posts):
    post = posts.create(en="saved").post
    posts.autosave(post.id, Lang.EN, "saved and typing\x00")
    assert posts.recover(post.id, Lang.EN) == "saved and typing\x00"
    posts.autosave(post.id, Lang.EN, "saved")
    assert posts.recover(post.id, Lang.EN) is None


def test_a_rewrite_sharing_letters_keeps_no_machine_fragments(posts):
    post = posts.create(en="Hello").post
    machine = "Le ministère annonce un nouveau programme"
    posts.edit(post.id, Lang.FR, machine, origin=Origin.MACHINE,
               spans=(Span(0, len(machine), Origin.MACHINE, {"model": "m"}),))
    rewritten = posts.edit(post.id, Lang.FR, "Nous lançons une aide inédite")
    assert rewritten.spans == ()


def test_another_users_unsaved_text_is_never_recovered_as_yours(posts):
    """Issue 10 finding 5: an approver's autosave was offered to the next users as their own
    "recovered unsaved text", and saved as a version under the author's name."""
    post = posts.create(en="saved").post
    approver = PostService(posts.repo, "appr1")
    approver.autosave(post.id, Lang.EN, "the approver typed this")
    assert posts.recover(post.id, Lang.EN) is None
    assert PostService(posts.repo, "tr1").recover(post.id, Lang.EN) is None
    assert approver.recover(post.id, Lang.EN) == "the approver typed this"
    posts.edit(post.id, Lang.EN, "the author's own edit")
    assert approver.recover(post.id, Lang.EN) == "the approver typed this", "still his"
