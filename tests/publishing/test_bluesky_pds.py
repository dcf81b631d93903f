"""The Bluesky channel against a real PDS (@atproto/pds on 127.0.0.1): records, facets,
idempotency, sessions and errors as the server really answers them."""

from __future__ import annotations

import base64
import secrets
import uuid
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desktop.publishing.bluesky import Bluesky, LinkPreview, SessionCache, record_key
from desktop.publishing.channel import AuthInvalid, Conflict, Outgoing, Rejected
from desktop.publishing.credentials import Secret

pytestmark = pytest.mark.pds

# 1×1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


class CountingPassword:
    """An app-password provider that counts how often it is asked (= createSession calls)."""

    def __init__(self, password: str) -> None:
        self.password = password
        self.calls = 0

    def __call__(self) -> Secret:
        self.calls += 1
        return Secret(self.password)


def outgoing(text: str, lang: str = "en", *, key: str | None = None,
             created_at: datetime | None = None) -> Outgoing:
    return Outgoing(text=text, langs=(lang,), idempotency_key=key or str(uuid.uuid4()),
                    created_at=created_at or datetime.now(UTC))


def client_for(pds, account, **kwargs) -> Bluesky:
    return Bluesky(account.handle, kwargs.pop("password", account.password_provider),
                   service_url=pds.url, **kwargs)


def spans_of(text: str, record: dict) -> dict[str, tuple[str, dict]]:
    """Each facet's covered text (sliced by its byte offsets) → its feature."""
    data = text.encode("utf-8")
    found = {}
    for facet in record.get("facets", []):
        index = facet["index"]
        found[data[index["byteStart"]:index["byteEnd"]].decode("utf-8")] = facet["features"][0]
    return found


def test_english_and_french_go_to_their_accounts_with_langs_and_byte_offset_facets(
        pds, en_account, fr_account):
    en_text = f"Été 🇨🇦 café: see https://canada.ca/en. Thanks @{fr_account.handle} #Budget2025!"
    fr_text = f"Été 🇨🇦 café : voir canada.ca/fr. Merci @{en_account.handle} #Budget2025 #élection"
    with client_for(pds, en_account) as en, client_for(pds, fr_account) as fr:
        en_post = en.publish(outgoing(en_text, "en"))
        fr_post = fr.publish(outgoing(fr_text, "fr"))

    assert en_post.remote_id.startswith(f"at://{en_account.did}/app.bsky.feed.post/")
    assert fr_post.remote_id.startswith(f"at://{fr_account.did}/app.bsky.feed.post/")
    en_record = pds.get_record(en_post.remote_id)
    fr_record = pds.get_record(fr_post.remote_id)
    assert (en_record["text"], en_record["langs"]) == (en_text, ["en"])
    assert (fr_record["text"], fr_record["langs"]) == (fr_text, ["fr"])

    assert spans_of(en_text, en_record) == {
        "https://canada.ca/en": {"$type": "app.bsky.richtext.facet#link", "uri": "https://canada.ca/en"},
        f"@{fr_account.handle}": {"$type": "app.bsky.richtext.facet#mention", "did": fr_account.did},
        "#Budget2025": {"$type": "app.bsky.richtext.facet#tag", "tag": "Budget2025"},
    }
    assert spans_of(fr_text, fr_record) == {
        "canada.ca/fr": {"$type": "app.bsky.richtext.facet#link", "uri": "https://canada.ca/fr"},
        f"@{en_account.handle}": {"$type": "app.bsky.richtext.facet#mention", "did": en_account.did},
        "#Budget2025": {"$type": "app.bsky.richtext.facet#tag", "tag": "Budget2025"},
        "#élection": {"$type": "app.bsky.richtext.facet#tag", "tag": "élection"},
    }
    # Offsets are bytes: the link starts after 'Été 🇨🇦 café: see ' (17 code points, 26 bytes).
    link = next(f for f in en_record["facets"] if "uri" in f["features"][0])
    assert link["index"]["byteStart"] == 26


def test_republishing_with_the_same_key_leaves_one_record(pds, en_account):
    post = outgoing(f"Idempotent {uuid.uuid4()}")
    with client_for(pds, en_account) as first:
        published = first.publish(post)
        assert first.publish(post) == published
    # A fresh process (new client, no session) retrying after a crash.
    with client_for(pds, en_account, sessions=SessionCache()) as second:
        assert second.find(post) == published
        assert second.publish(post) == published
    matching = [r for r in pds.list_posts(en_account.did) if r["value"]["text"] == post.text]
    assert [r["uri"] for r in matching] == [published.remote_id]
    assert published.remote_id.endswith("/" + record_key(post))


def test_find_is_none_before_publishing_and_reads_nothing_into_the_repo(pds, en_account):
    post = outgoing(f"Not yet {uuid.uuid4()}")
    with client_for(pds, en_account) as client:
        assert client.find(post) is None
        assert client.find(post) is None
    assert all(r["value"]["text"] != post.text for r in pds.list_posts(en_account.did))


def test_same_key_with_other_text_is_a_conflict_and_keeps_the_original(pds, en_account):
    post = outgoing(f"Original {uuid.uuid4()}")
    with client_for(pds, en_account) as client:
        published = client.publish(post)
        with pytest.raises(Conflict):
            client.publish(replace(post, text="Edited"))
        with pytest.raises(Conflict):
            client.find(replace(post, text="Edited"))
    assert pds.get_record(published.remote_id)["text"] == post.text


def test_bilingual_account_gets_both_languages_as_separate_records(pds, bilingual_account):
    now = datetime.now(UTC)
    pair = uuid.uuid4()
    en = outgoing(f"Hello {pair}", "en", key=f"{pair}:en", created_at=now)
    fr = outgoing(f"Bonjour {pair}", "fr", key=f"{pair}:fr", created_at=now)
    with client_for(pds, bilingual_account) as client:
        en_post, fr_post = client.publish(en), client.publish(fr)
    assert en_post.remote_id != fr_post.remote_id
    assert pds.get_record(en_post.remote_id)["langs"] == ["en"]
    assert pds.get_record(fr_post.remote_id)["langs"] == ["fr"]
    assert en_post.posted_at == fr_post.posted_at == now.replace(microsecond=now.microsecond // 1000 * 1000)


def test_expired_access_token_is_refreshed_without_signing_in_again(pds, en_account):
    password = CountingPassword(en_account.password)
    sessions = SessionCache()
    with client_for(pds, en_account, password=password, sessions=sessions) as client:
        assert client.check_auth().remote_id == en_account.did
        session = sessions.obtain(client.session_key, None, lambda _: pytest.fail("no session"))
        expired = pds.expired_copy(session.access_jwt)
        answer = pds.xrpc("GET", "com.atproto.server.getSession", token=expired)
        assert (answer.status_code, answer.json()["error"]) == (400, "ExpiredToken")
        sessions.obtain(client.session_key, session, lambda old: replace(old, access_jwt=expired))

        published = client.publish(outgoing(f"After refresh {uuid.uuid4()}"))

        renewed = sessions.obtain(client.session_key, None, lambda _: pytest.fail("no session"))
    assert password.calls == 1
    assert renewed.access_jwt != expired
    assert renewed.refresh_jwt != session.refresh_jwt
    assert pds.get_record(published.remote_id)["langs"] == ["en"]


def test_revoked_refresh_token_falls_back_to_create_session(pds, en_account):
    password = CountingPassword(en_account.password)
    sessions = SessionCache()
    with client_for(pds, en_account, password=password, sessions=sessions) as client:
        client.check_auth()
        session = sessions.obtain(client.session_key, None, lambda _: pytest.fail("no session"))
        revoked = pds.xrpc("POST", "com.atproto.server.deleteSession", token=session.refresh_jwt)
        assert revoked.status_code == 200, revoked.text
        sessions.obtain(client.session_key, session,
                        lambda old: replace(old, access_jwt=pds.expired_copy(old.access_jwt)))

        assert client.check_auth().remote_id == en_account.did
    assert password.calls == 2


def test_garbage_access_token_is_replaced(pds, en_account):
    password = CountingPassword(en_account.password)
    sessions = SessionCache()
    with client_for(pds, en_account, password=password, sessions=sessions) as client:
        client.check_auth()
        session = sessions.obtain(client.session_key, None, lambda _: pytest.fail("no session"))
        sessions.obtain(client.session_key, session,
                        lambda old: replace(old, access_jwt="not.a.token", refresh_jwt="nor.this.one"))
        assert client.check_auth().handle == en_account.handle
    assert password.calls == 2


def test_wrong_password_is_auth_invalid_and_never_shows_the_password(pds, en_account):
    wrong = "wrong-" + secrets.token_hex(8)
    client = client_for(pds, en_account, password=lambda: Secret(wrong))
    with client, pytest.raises(AuthInvalid) as caught:
        client.check_auth()
    assert caught.value.network == "bluesky"
    for shown in (str(caught.value), repr(caught.value), repr(client)):
        assert wrong not in shown


def test_session_tokens_are_not_in_reprs(pds, en_account):
    sessions = SessionCache()
    with client_for(pds, en_account, sessions=sessions) as client:
        client.check_auth()
        session = sessions.obtain(client.session_key, None, lambda _: pytest.fail("no session"))
        shown = repr(session) + repr(sessions) + repr(client)
    assert session.access_jwt not in shown and session.refresh_jwt not in shown


def test_delete_removes_the_record_and_is_a_no_op_when_repeated(pds, en_account):
    post = outgoing(f"To retract {uuid.uuid4()}")
    with client_for(pds, en_account) as client:
        published = client.publish(post)
        client.delete(published.remote_id)
        assert client.find(post) is None
        client.delete(published.remote_id)


def test_link_card_uploads_the_thumbnail(pds, en_account):
    seen = []

    def previewer(url: str) -> LinkPreview:
        seen.append(url)
        return LinkPreview(title="Budget 2025", description="Le budget", image=PNG, image_type="image/png")

    text = "Lisez le budget : https://budget.canada.ca/2025/home-accueil-fr.html"
    with client_for(pds, en_account, link_previewer=previewer) as client:
        published = client.publish(outgoing(text, "fr"))
    embed = pds.get_record(published.remote_id)["embed"]
    assert seen == ["https://budget.canada.ca/2025/home-accueil-fr.html"]
    assert embed["$type"] == "app.bsky.embed.external"
    external = embed["external"]
    assert (external["uri"], external["title"], external["description"]) == (
        seen[0], "Budget 2025", "Le budget")
    assert external["thumb"]["mimeType"] == "image/png"
    assert external["thumb"]["size"] == len(PNG)


def test_unknown_mention_stays_plain_text(pds, en_account):
    text = "Merci @nobody-here.test et https://canada.ca"
    with client_for(pds, en_account) as client:
        record = pds.get_record(client.publish(outgoing(text, "fr")).remote_id)
    assert [f["features"][0]["$type"] for f in record["facets"]] == ["app.bsky.richtext.facet#link"]


def test_a_record_the_server_refuses_is_rejected(pds, en_account):
    with client_for(pds, en_account) as client, pytest.raises(Rejected) as caught:
        client.publish(outgoing("Bonjour", "pas une langue"))
    assert (caught.value.code, caught.value.retryable) == ("InvalidRequest", False)


def test_text_over_300_graphemes_is_rejected_before_sending(pds, en_account):
    post = outgoing("a" * 301)
    with client_for(pds, en_account) as client, pytest.raises(Rejected, match="too long"):
        client.publish(post)
    assert all(r["value"]["text"] != post.text for r in pds.list_posts(en_account.did))
