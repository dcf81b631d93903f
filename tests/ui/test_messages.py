"""The window says domain refusals and problems in the user's language, never as commands.

Refusals are triggered for real (a user without the role, a draft sent to
approval, a dry run of a post with no targets, a store from a newer Tandem,
a corrupt store, a delivery that found no credentials) and what the window
shows is read back in English and in French.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.app.publishing import publish_service
from desktop.app.session import open_session
from desktop.core.errors import PermissionDenied, StoreError, TandemError, TransitionError
from desktop.core.messages import Message
from desktop.core.model import Lang
from desktop.publishing.delivery import reason
from desktop.ui import messages
from desktop.ui.app import startup_error_dialog
from desktop.ui.messages import TEMPLATES, render

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r'(?:Message\(\s*|msg=)"([a-z_]+\.[a-z_]+)"')
COMMAND_SYNTAX = re.compile(r"tandem |--|`")


def codes_in_the_domain() -> set[str]:
    found = set()
    for layer in ("desktop/core", "desktop/publishing", "desktop/app", "translation"):
        for path in (ROOT / layer).rglob("*.py"):
            found |= set(CODE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_code_the_domain_raises_has_a_window_wording():
    codes = codes_in_the_domain()
    assert len(codes) > 40
    worded = {key.split("/")[0] for key in TEMPLATES}  # "code/variant" words one case
    missing = sorted(codes - worded)
    assert not missing, f"add these to desktop/ui/messages.py TEMPLATES: {missing}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_wording_names_a_command_and_french_keeps_the_placeholders(languages, lang):
    languages.set_language(lang, remember=False)
    from PySide6.QtCore import QCoreApplication

    for code, source in TEMPLATES.items():
        shown = QCoreApplication.translate(messages.CONTEXT, source)
        assert not COMMAND_SYNTAX.search(shown), (code, shown)
        assert set(re.findall(r"{\w+}", shown)) == set(re.findall(r"{\w+}", source)), code
        if lang == "fr":
            assert shown != source, f"{code} has no French"


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


def refusals(as_user, tmp_path) -> dict[str, object]:
    """The common refusals, triggered for real, as the values the window is handed."""
    alice = as_user("alice")
    post = alice.posts.create(en="Flu shots are free", fr="Vaccins gratuits", title="Flu").post
    found: dict[str, object] = {}
    with pytest.raises(PermissionDenied) as denied:
        as_user("bob").posts.edit(post.id, Lang.EN, "Changed")
    found["permission"] = denied.value
    with pytest.raises(TransitionError) as moved:
        alice.approvals.approve(post.id)
    found["transition"] = moved.value
    plan = publish_service(alice).preflight(post.id)
    assert not plan.ok
    found.update({f"preflight {n}": p for n, p in enumerate(plan.problems)})
    newer = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError) as too_new:
        open_session(newer)
    found["store too new"] = too_new.value
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError) as unusable:
        open_session(corrupt)
    found["store unusable"] = unusable.value
    return found


def visible_texts(window) -> list[str]:
    """Every text and tooltip the window's widgets carry."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    texts = []
    for widget in [window, *window.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.windowTitle()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
    return [t for t in texts if t]


def test_the_window_shows_refusals_in_french_without_commands(as_user, tmp_path, languages,
                                                               make_window, qtbot):
    found = refusals(as_user, tmp_path)
    codes = {name: getattr(v, "message", v).code for name, v in found.items()}
    assert codes["permission"] == "roles.denied" and codes["store too new"] == "store.too_new"
    assert "preflight.no_official" in codes.values() and "accounts.no_targets" in codes.values()
    window = make_window(as_user("alice"))
    shown: dict[str, dict[str, str]] = {}
    for lang in ("en", "fr"):
        languages.set_language(lang, remember=False)
        shown[lang] = {}
        for name, value in found.items():
            if isinstance(value, TandemError) and name.startswith(("permission", "transition")):
                window.show_error(value)  # what a failed operation shows in the message bar
                shown[lang][name] = window.message_bar.label.text()
            elif name.startswith("store"):
                shown[lang][name] = startup_error_dialog(value).informativeText()
            else:
                shown[lang][name] = render(value)
        everything = visible_texts(window)  # the whole window, after the refusals
        assert not [t for t in everything if COMMAND_SYNTAX.search(t)], lang
    for lang, texts in shown.items():
        for name, text in texts.items():
            assert text and not COMMAND_SYNTAX.search(text), (lang, name, text)
    for name in found:
        assert shown["fr"][name] != shown["en"][name], f"{name} is not in French"
    fr = shown["fr"]
    assert fr["permission"].startswith("bob ne peut pas modifier cette publication")
    assert "l’un des rôles auteur, traducteur" in fr["permission"]
    assert "ne peut pas être approuvée maintenant" in fr["transition"]
    assert any("n’a pas de version officielle" in t for t in fr.values())
    assert any("n’a pas de cibles" in t for t in fr.values())
    assert "a été écrit par une version plus récente de Tandem (schéma 999" in fr["store too new"]
    assert "n’est pas une base de données Tandem utilisable" in fr["store unusable"]


def test_a_stored_delivery_error_is_shown_in_french(languages):
    from desktop.publishing.channel import AuthInvalid

    account = SimpleNamespace(name="gc-fr")  # reason() reads only the account's name
    stored = reason(AuthInvalid("Mastodon answered 401: The access token was revoked",
                                network="mastodon"), account).to_json()
    message = Message.from_json(stored)  # what the outbox entry reads back from last_error
    assert message.code == "delivery.credentials" and "tandem" not in message
    languages.set_language("fr", remember=False)
    assert render(message) == (
        "Mastodon answered 401: The access token was revoked Saisissez des identifiants "
        "valides pour le compte gc-fr dans ses paramètres, puis réessayez.")


def test_an_invalid_it_policy_at_start_up_is_told_in_french(tmp_path, monkeypatch, languages):
    from desktop.core.errors import PolicyError

    policy = tmp_path / "policy.toml"
    policy.write_text('[publishing]\naccounts = [{name = "gc", password = "hunter2"}]\n')
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    with pytest.raises(PolicyError) as refused:
        open_session(tmp_path / "ok.sqlite3")
    assert "tandem accounts secret" not in str(refused.value)  # the CLI adds it (hints.py)
    languages.set_language("fr", remember=False)
    shown = startup_error_dialog(refused.value).informativeText()
    assert shown.startswith(f"La politique des TI {policy} contient ce qui ressemble à un secret")
    assert "hunter2" not in shown and not COMMAND_SYNTAX.search(shown)

