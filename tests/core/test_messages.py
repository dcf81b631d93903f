"""Domain messages: code + params + English, through JSON, pickling and real refusals."""

from __future__ import annotations

import pickle

import pytest

from desktop.app.session import open_session
from desktop.core.errors import PermissionDenied, StoreTooNew, TandemError, TransitionError
from desktop.core.messages import Message, message_of
from desktop.core.model import Lang


def test_a_message_is_its_english_and_carries_code_and_params():
    inner = Message("preflight.too_long", "the French text is too long (310/300 graphemes)",
                    lang="fr", used=310, limit=300, unit="graphemes")
    outer = Message("preflight.account_problem", f"gc-fr (Bluesky): {inner}", account="gc-fr",
                    channel="bluesky", problem=inner, list_of=[inner, "plain"])
    assert outer == "gc-fr (Bluesky): the French text is too long (310/300 graphemes)"
    back = Message.from_json(outer.to_json())
    assert (back, back.code) == (outer, "preflight.account_problem")
    assert back.params["problem"].code == "preflight.too_long"
    assert back.params["problem"].params["used"] == 310
    assert back.params["list_of"][0].code == "preflight.too_long"
    assert back.params["list_of"][1] == "plain"
    again = pickle.loads(pickle.dumps(outer))
    assert again.code == outer.code and again.params["problem"].params == inner.params


def test_text_stored_before_codes_reads_back_as_a_message_without_code():
    old = Message.from_json("Bluesky answered 400: bad")
    assert (old, old.code) == ("Bluesky answered 400: bad", "")
    assert Message.from_json(None) is None
    assert message_of(ValueError("boom")) == "boom" and message_of("x").code == ""


def test_an_error_raised_with_a_code_keeps_it_through_pickling():
    error = TransitionError("Post 3 is a draft: it cannot be approved now.",
                            msg="workflow.refused", post=3, state="draft", event="approve")
    assert str(error) == "Post 3 is a draft: it cannot be approved now."
    assert error.message.code == "workflow.refused" and error.message.params["post"] == 3
    copy = pickle.loads(pickle.dumps(error))
    assert copy.message.code == "workflow.refused" and str(copy) == str(error)
    plain = TandemError("free text")
    assert plain.message.code == "" and str(plain) == "free text"


@pytest.fixture
def as_user(tmp_path, monkeypatch):
    sessions = []

    def open_as(user: str):
        monkeypatch.setenv("TANDEM_USER", user)
        session = open_session(tmp_path / "tandem.sqlite3")
        sessions.append(session)
        return session

    yield open_as
    for session in sessions:
        session.close()


def test_a_permission_refusal_names_no_command_but_carries_what_the_cli_needs(as_user):
    post = as_user("alice").posts.create(en="Hello", fr="Bonjour", title="t").post
    with pytest.raises(PermissionDenied) as refused:
        as_user("bob").posts.edit(post.id, Lang.EN, "Hello again")
    message = refused.value.message
    assert message.code == "roles.denied"
    assert message.params["user"] == "bob" and message.params["post"] == post.id
    assert list(message.params["needs"]) == ["author", "translator"]
    assert "tandem" not in str(refused.value)


def test_a_store_from_a_newer_tandem_carries_its_schema_numbers(tmp_path):
    import sqlite3

    db = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreTooNew) as refused:
        open_session(db)
    assert refused.value.message.code == "store.too_new"
    assert refused.value.message.params["schema"] == 999


def test_text_problems_are_coded_so_the_editor_can_word_them():
    from desktop.core import text as text_rules
    from desktop.core.errors import InvalidText

    found = text_rules.problems("a\u202eb\x00")
    assert [(p.code, p.params["at"]) for p in found] == [("text.bidi", 2), ("text.nul", 4)]
    with pytest.raises(InvalidText) as refused:
        text_rules.check("a\u202eb", what="Comment")
    assert str(refused.value).startswith("Comment refused: Bidirectional control U+202E")
    assert refused.value.message.code == "text.refused"
    assert refused.value.message.params["problems"][0].params["char"] == "U+202E"
