"""AccountService with a real SQLite file and the real (private) GNOME Keyring."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import keyring
import pytest
from keyring.backends import SecretService, fail

from desktop.cli.hints import cli_text
from desktop.core.audit import verify_chain
from desktop.core.errors import NotFound, PolicyError, TransitionError
from desktop.core.model import Lang, PostState
from desktop.core.policy import Policy
from desktop.core.store import SCHEMA_VERSION, SqliteStore
from desktop.publishing.accounts import (AccountLang, AccountService, InvalidAccount,
                                         InvalidTargets, LangOrder, check_service_url)
from desktop.publishing.credentials import SERVICE, Credentials, KeyringUnavailable, Secret

from .keyring_env import secret_service  # noqa: F401 (fixture)

SECRET = "pw-Distinctive-9c1e-CANARY"
pytestmark = pytest.mark.usefixtures("secret_service")


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "accounts.sqlite3"


@pytest.fixture
def store(db):
    store = SqliteStore(db)
    yield store
    store.close()


def service(store, policy: Policy | None = None, credentials: Credentials | None = None,
            user: str = "editor") -> AccountService:
    return AccountService(store, policy or Policy(), user, credentials)


def add_pair(accounts: AccountService, channel: str = "bluesky", prefix: str = "gc") -> None:
    for lang in ("en", "fr"):
        accounts.add(channel, f"{prefix}-{lang}", lang, Secret(f"{SECRET}-{lang}"),
                     handle=f"{prefix}-{lang}.bsky.social" if channel == "bluesky" else prefix,
                     service_url=None if channel in ("bluesky", "x") else "https://masto.example")


def new_post(store) -> int:
    return store.create_post("Flu shots", "editor").id


# -- accounts -------------------------------------------------------------------
def test_add_list_and_read_back_secrets(store):
    accounts = service(store)
    en = accounts.add("bluesky", "gc-en", "en", Secret(SECRET), handle="@GC-en.bsky.social")
    both = accounts.add("mastodon", "gc-masto", "both", Secret(SECRET + "-m"),
                        service_url="https://mastodon.example/", handle="@gc@mastodon.example",
                        order="fr-first", combine_when_fits=True)
    assert (en.channel, en.lang, en.handle, en.service_url) == (
        "bluesky", AccountLang.EN, "gc-en.bsky.social", "https://bsky.social")
    assert en.langs == (Lang.EN,) and en.order is None and not en.locked
    assert both.order is LangOrder.FR_FIRST and both.combine_when_fits
    assert both.langs == (Lang.FR, Lang.EN) and both.service_url == "https://mastodon.example"
    assert [a.name for a in accounts.list()] == ["gc-en", "gc-masto"]
    assert accounts.secret_state(en) == "present"
    assert Credentials().get(en).reveal() == SECRET
    assert Credentials().provider(accounts.get("GC-MASTO"))().reveal() == SECRET + "-m"
    assert keyring.get_password(SERVICE, "bluesky:gc-en") == SECRET
    row = store._query("SELECT secret_service, secret_key FROM accounts WHERE name = 'gc-en'")[0]
    assert row == {"secret_service": "Tandem", "secret_key": "bluesky:gc-en"}
    assert [e.action for e in store.audit_entries()] == ["account.add", "account.add"]
    assert not verify_chain(store.audit_entries())


def test_the_secret_appears_nowhere_but_the_keyring(store, db, caplog):
    caplog.set_level(logging.DEBUG)
    accounts = service(store)
    account = accounts.add("bluesky", "leak-check", "both", Secret(SECRET),
                           handle="leak.bsky.social")
    accounts.set_secret("leak-check", Secret(SECRET + "-v2"))
    add_pair(accounts, "x", "gcx")
    for bad in (lambda: accounts.add("bluesky", "leak-check", "en", Secret(SECRET), handle="a.b.c"),
                lambda: accounts.add("nope", "n", "en", Secret(SECRET)),
                lambda: accounts.add("bluesky", "n2", "en", Secret(SECRET),
                                     service_url=f"https://u:{SECRET}@bsky.example", handle="a.b.c"),
                lambda: service(store, credentials=Credentials(fail.Keyring())).add(
                    "bluesky", "n3", "en", Secret(SECRET), handle="a.b.c")):
        with pytest.raises(Exception) as refused:
            bad()
        assert SECRET not in str(refused.value) and SECRET not in repr(refused.value)
    accounts.remove("leak-check")
    # Everything Tandem wrote or showed: the database file and its WAL, the audit
    # log, reprs and JSON of the account, and every log record.
    shown = [repr(account), json.dumps(account.as_dict()), caplog.text,
             json.dumps([e.details for e in store.audit_entries()])]
    files = [p for p in db.parent.iterdir() if p.name.startswith(db.name)]
    assert any(p.name.endswith("-wal") for p in files)
    blobs = [p.read_bytes() for p in files]
    assert any(b"leak-check" in blob for blob in blobs)  # the grep does find what is there
    for blob in blobs:
        assert SECRET.encode() not in blob
        assert SECRET.encode("utf-16-le") not in blob
    for text in shown:
        assert SECRET not in text
    store.close()
    with sqlite3.connect(db) as raw:  # after a checkpoint into the main file, too
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dump = "\n".join(raw.iterdump())
    assert SECRET not in dump and SECRET.encode() not in db.read_bytes()


@pytest.mark.parametrize("kwargs, words", [
    ({"channel": "myspace"}, "Unknown channel 'myspace': choose one of bluesky, mastodon, x, webhook"),
    ({"name": "bad name!"}, "account name is 1 to 64"),
    ({"lang": "de"}, "Unknown language 'de'"),
    ({"service_url": "http://bsky.example"}, "must start with https://"),
    ({"service_url": "ftp://bsky.example"}, "must start with https://"),
    ({"service_url": "bsky.social"}, "must start with https://"),
    ({"service_url": "https://"}, "must start with https://"),
    ({"service_url": "https://bsky.example/#x"}, "#fragment"),
    ({"service_url": "https://host:99999"}, "malformed"),
    ({"service_url": "https://bsky .social"}, "spaces"),
    ({"handle": ""}, "needs --handle"),
    ({"handle": "not a handle"}, "is not a Bluesky handle"),
    ({"order": "fr-first"}, "apply only to bilingual accounts"),
    ({"combine_when_fits": True}, "apply only to bilingual accounts"),
    ({"channel": "mastodon", "handle": "gc"}, "needs --service"),
    ({"channel": "x", "handle": "far_too_long_for_x_handles"}, "is not a X handle"),
])
def test_bad_definitions_are_refused_with_a_clear_message(store, kwargs, words):
    args = {"channel": "bluesky", "name": "gc-en", "lang": "en", "handle": "gc.bsky.social",
            **kwargs}
    with pytest.raises(InvalidAccount) as refused:
        service(store).add(args.pop("channel"), args.pop("name"), args.pop("lang"),
                           Secret(SECRET), **args)
    assert words in cli_text(refused.value)  # what `tandem accounts add` prints
    assert store.list_accounts() == [] and store.audit_entries() == []


def test_service_urls():
    assert check_service_url("https://Bsky.Social/") == "https://bsky.social"
    assert check_service_url("http://localhost:2583") == "http://localhost:2583"
    assert check_service_url("http://127.0.0.1:8080/hook?x=1") == "http://127.0.0.1:8080/hook?x=1"
    assert check_service_url("http://[::1]:9/") == "http://[::1]:9"
    with pytest.raises(InvalidAccount) as refused:
        check_service_url("https://user:hunter2@example.org")
    assert "hunter2" not in str(refused.value) and "user name or password" in str(refused.value)


def test_duplicate_names_are_refused_ignoring_case(store):
    accounts = service(store)
    accounts.add("bluesky", "gc-en", "en", Secret(SECRET), handle="gc.bsky.social")
    with pytest.raises(InvalidAccount) as refused:
        accounts.add("x", "GC-EN", "en", Secret("other"), handle="gc")
    assert "already exists (bluesky, en)" in str(refused.value)
    assert keyring.get_password(SERVICE, "x:gc-en") is None


def test_webhook_handle_defaults_to_the_name(store):
    hook = service(store).add("webhook", "handoff", "both", Secret(SECRET),
                              service_url="https://hooks.example/tandem")
    assert hook.handle == "handoff" and hook.order is LangOrder.EN_FIRST


def test_keyring_unavailable_stores_nothing(store, tmp_path, monkeypatch):
    with pytest.raises(KeyringUnavailable) as refused:
        service(store, credentials=Credentials(fail.Keyring())).add(
            "bluesky", "gc-en", "en", Secret(SECRET), handle="gc.bsky.social")
    assert "keyring.backends.fail.Keyring" in str(refused.value)
    # A secure backend whose daemon has gone: the database change is rolled back.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'gone'}")
    with pytest.raises(KeyringUnavailable) as refused:
        service(store, credentials=Credentials(SecretService.Keyring())).add(
            "bluesky", "gc-en", "en", Secret(SECRET), handle="gc.bsky.social")
    assert "keyring.backends.SecretService.Keyring" in str(refused.value)
    assert "gnome-keyring" in str(refused.value)
    assert store.list_accounts(include_removed=True) == [] and store.audit_entries() == []


def test_remove_deletes_the_keyring_entry_and_frees_the_name(store):
    accounts = service(store)
    accounts.add("bluesky", "gc-en", "en", Secret(SECRET), handle="gc.bsky.social")
    removed = accounts.remove("gc-en")
    assert keyring.get_password(SERVICE, "bluesky:gc-en") is None
    assert accounts.list() == []
    with pytest.raises(NotFound):
        accounts.get("gc-en")
    assert accounts.get_by_id(removed.id).removed_at  # kept for the outbox's history
    again = accounts.add("bluesky", "gc-en", "en", Secret(SECRET + "2"), handle="gc.bsky.social")
    assert again.id != removed.id
    assert [e.action for e in store.audit_entries()] == ["account.add", "account.remove",
                                                         "account.add"]


def test_remove_refused_while_a_pending_post_targets_the_account(store):
    accounts = service(store)
    add_pair(accounts)
    post = new_post(store)
    accounts.set_targets(post, ["gc-en", "gc-fr"])
    with pytest.raises(InvalidAccount) as refused:
        accounts.remove("gc-en")
    assert f"target of post(s) {post}" in str(refused.value)
    store.set_post_state(post, PostState.PUBLISHED)
    accounts.remove("gc-en")


# -- IT policy ------------------------------------------------------------------
POLICY_ACCOUNTS = [
    {"name": "gc-bsky", "channel": "bluesky", "lang": "both", "handle": "canada.bsky.social",
     "order": "fr-first", "combine_when_fits": True},
    {"name": "gc-hook", "channel": "webhook", "lang": "both", "service": "https://hooks.example/x"},
]


def test_policy_accounts_are_locked_but_take_a_secret(store):
    policy = Policy({"publishing.accounts": POLICY_ACCOUNTS}, Path("/etc/tandem/policy.toml"))
    accounts = service(store, policy)
    listed = accounts.list()
    assert [(a.name, a.locked) for a in listed] == [("gc-bsky", True), ("gc-hook", True)]
    assert listed[0].order is LangOrder.FR_FIRST and listed[0].combine_when_fits
    assert accounts.secret_state(listed[0]) == "missing"
    with pytest.raises(PolicyError) as refused:
        accounts.remove("gc-bsky")
    assert "provisioned by the IT policy" in str(refused.value)
    with pytest.raises(InvalidAccount) as taken:
        accounts.add("bluesky", "GC-bsky", "en", Secret(SECRET), handle="a.bsky.social")
    assert "provisioned by the IT policy" in str(taken.value)
    accounts.set_secret("gc-bsky", Secret(SECRET))
    assert accounts.secret_state(accounts.get("gc-bsky")) == "present"
    accounts.list()  # in sync: nothing more is written
    actions = [(e.actor, e.action) for e in store.audit_entries()]
    assert actions == [("policy", "account.provision"), ("policy", "account.provision"),
                       ("editor", "account.secret")]
    assert SECRET not in json.dumps([e.details for e in store.audit_entries()])


def test_policy_changes_are_mirrored(store):
    first = service(store, Policy({"publishing.accounts": POLICY_ACCOUNTS}))
    assert len(first.list()) == 2
    first.set_secret("gc-bsky", Secret(SECRET))
    changed = [{**POLICY_ACCOUNTS[0], "order": "en-first", "combine_when_fits": False}]
    accounts = service(store, Policy({"publishing.accounts": changed}))
    listed = {a.name: a for a in accounts.list()}
    assert listed["gc-bsky"].order is LangOrder.EN_FIRST and listed["gc-bsky"].locked
    assert accounts.secret_state(listed["gc-bsky"]) == "present"  # same keyring entry
    assert not listed["gc-hook"].locked  # no longer in the policy: an ordinary account
    accounts.remove("gc-hook")


@pytest.mark.parametrize("table, words", [
    ({"name": "a", "channel": "bluesky", "lang": "en", "handle": "a.b.c", "password": "x"},
     "secrets never go in the IT policy"),
    ({"name": "a", "channel": "bluesky", "lang": "en", "handle": "a.b.c", "colour": "red"},
     "unknown key 'colour'"),
    ({"name": "a", "channel": "bluesky", "lang": "en", "service": "http://x.example",
      "handle": "a.b.c"}, "must start with https://"),
])
def test_bad_policy_accounts_are_reported(store, table, words):
    with pytest.raises(PolicyError) as refused:
        service(store, Policy({"publishing.accounts": [table]})).list()
    assert "publishing.accounts[0]" in str(refused.value) and words in str(refused.value)


# -- targets --------------------------------------------------------------------
def test_targets_need_both_languages_on_every_channel(store):
    accounts = service(store)
    add_pair(accounts)
    accounts.add("mastodon", "masto-bi", "both", Secret(SECRET),
                 service_url="https://masto.example", handle="gc")
    accounts.add("x", "x-en", "en", Secret(SECRET), handle="gc_en")
    post = new_post(store)
    targets = accounts.set_targets(post, ["gc-en", "gc-fr", "masto-bi", "gc-en"])
    assert [a.name for a in targets.accounts] == ["gc-en", "gc-fr", "masto-bi"]
    assert targets.source == "post" and targets.ok
    assert accounts.resolve_targets(post) == targets.accounts
    with pytest.raises(InvalidTargets) as refused:
        accounts.set_targets(post, ["gc-en", "masto-bi", "x-en"])
    message = str(refused.value)
    assert "never publishes one language without the other" in message
    assert "on Bluesky, gc-en posts English only" in message
    assert "on X, x-en posts English only" in message
    assert accounts.targets(post).accounts == targets.accounts  # unchanged
    with pytest.raises(InvalidTargets):
        accounts.set_targets(post, ["gc-fr"])
    with pytest.raises(NotFound) as unknown:
        accounts.set_targets(post, ["gc-en", "gc-de"])
    assert "There is no account 'gc-de'" in str(unknown.value)
    audit = [e for e in store.audit_entries(post) if e.action == "post.targets"]
    assert len(audit) == 1 and audit[0].details["accounts"] == ["gc-en", "gc-fr", "masto-bi"]


def test_published_posts_keep_their_targets(store):
    accounts = service(store)
    add_pair(accounts)
    post = new_post(store)
    accounts.set_targets(post, ["gc-en", "gc-fr"])
    store.set_post_state(post, PostState.PUBLISHING)
    with pytest.raises(TransitionError):
        accounts.set_targets(post, [])


def test_defaults_apply_to_posts_without_targets(store):
    accounts = service(store)
    add_pair(accounts)
    post = new_post(store)
    empty = accounts.targets(post)
    assert empty.source == "none" and not empty.ok and "no default targets" in empty.problems[0]
    with pytest.raises(InvalidTargets):
        accounts.resolve_targets(post)
    with pytest.raises(InvalidTargets):
        accounts.set_default_targets(["gc-en"])
    accounts.set_default_targets(["gc-en", "gc-fr"])
    targets = accounts.targets(post)
    assert targets.source == "defaults" and [a.name for a in targets.accounts] == ["gc-en", "gc-fr"]
    with pytest.raises(InvalidAccount) as refused:
        accounts.remove("gc-fr")
    assert "default targets" in str(refused.value)
    accounts.set_default_targets([])
    assert accounts.targets(post).source == "none"


def test_policy_default_targets_win_and_are_locked(store):
    policy = Policy({"publishing.accounts": POLICY_ACCOUNTS,
                     "publishing.default_targets": ["gc-bsky", "gc-gone"]})
    accounts = service(store, policy)
    post = new_post(store)
    targets = accounts.targets(post)
    assert targets.source == "policy" and [a.name for a in targets.accounts] == ["gc-bsky"]
    assert "'gc-gone', which is not an account" in targets.problems[0]
    with pytest.raises(PolicyError):
        accounts.set_default_targets(["gc-bsky"])
    good = service(store, Policy({"publishing.accounts": POLICY_ACCOUNTS,
                                  "publishing.default_targets": ["gc-bsky"]}))
    assert [a.name for a in good.resolve_targets(post)] == ["gc-bsky"]


# -- schema -----------------------------------------------------------------------
def test_fresh_store_has_the_publishing_schema_and_its_guards(store):
    assert store.schema_version() == SCHEMA_VERSION >= 4
    accounts = service(store)
    add_pair(accounts)
    post = new_post(store)
    account = accounts.get("gc-en")
    store._execute("INSERT INTO publications (post_id, started_by, started_at) VALUES (?, ?, ?)",
                   (post, "editor", "2026-01-01T00:00:00Z"))
    row = ("INSERT INTO outbox (publication_id, post_id, account_id, lang, body_sha256,"
           " idempotency_key, state, created_at, updated_at) VALUES (1, ?, ?, 'en', 'h', ?, ?, 't', 't')")
    store._execute(row, (post, account.id, "k1", "pending"))
    with pytest.raises(sqlite3.IntegrityError):
        store._execute(row, (post, account.id, "k1", "pending"))  # idempotency key is unique
    with pytest.raises(sqlite3.IntegrityError):
        store._execute(row, (post, account.id, "k2", "posted"))  # not a known state
    with pytest.raises(sqlite3.IntegrityError, match="outbox entries are kept"):
        store._execute("DELETE FROM outbox")
    with pytest.raises(sqlite3.IntegrityError, match="accounts are kept"):
        store._execute("DELETE FROM accounts")
    with pytest.raises(sqlite3.IntegrityError):  # a unilingual account has no order
        store._execute("UPDATE accounts SET lang_order = 'en-first' WHERE id = ?", (account.id,))
