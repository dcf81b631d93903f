"""Link, mention and hashtag detection for Bluesky facets, with UTF-8 byte offsets."""

from __future__ import annotations

import pytest

from desktop.publishing.facets import FacetSpan, detect, to_facets


def covered(text: str) -> list[tuple[str, str, str]]:
    """(kind, covered text sliced by byte offsets, value) for each span."""
    data = text.encode("utf-8")
    return [(s.kind, data[s.byte_start:s.byte_end].decode("utf-8"), s.value) for s in detect(text)]


def test_offsets_are_utf8_bytes_after_accents_and_emoji():
    text = "Déjà 👩🏽‍💻 là : https://canada.ca"
    [span] = detect(text)
    assert text.index("https") == 15  # code points
    assert span.byte_start == len("Déjà 👩🏽‍💻 là : ".encode()) == 29
    assert span.byte_end == len(text.encode())
    assert covered(text) == [("link", "https://canada.ca", "https://canada.ca")]


@pytest.mark.parametrize(("text", "link"), [
    ("See https://canada.ca/en.", "https://canada.ca/en"),
    ("(voir https://canada.ca/fr)", "https://canada.ca/fr"),
    ("Lien https://fr.wikipedia.org/wiki/Canada_(homonymie), merci",
     "https://fr.wikipedia.org/wiki/Canada_(homonymie)"),
    ("« https://canada.ca/fr »", "https://canada.ca/fr"),
    ("Question ? https://canada.ca/q?a=1&b=2 !", "https://canada.ca/q?a=1&b=2"),
])
def test_link_ends_before_trailing_punctuation(text, link):
    assert covered(text) == [("link", link, link)]


def test_bare_domains_with_known_tlds_become_https_links():
    text = "Visitez canada.ca/fr ou Canada.ca, p.ex. M.Smith; e.g. info@canada.ca"
    assert covered(text) == [
        ("link", "canada.ca/fr", "https://canada.ca/fr"),
        ("link", "Canada.ca", "https://Canada.ca"),
    ]


def test_mentions_need_a_valid_handle_and_a_word_start():
    text = "Merci @gc-en.bsky.social et @alice.test. Pas email@alice.test ni @nodot ni @-bad.test"
    assert covered(text) == [
        ("mention", "@gc-en.bsky.social", "gc-en.bsky.social"),
        ("mention", "@alice.test", "alice.test"),
    ]


def test_hashtags_keep_accents_and_drop_trailing_punctuation():
    text = "#Élection2025! #budget, #150 #C#, ＃Canada et a#b #_x"
    assert covered(text) == [
        ("tag", "#Élection2025", "Élection2025"),
        ("tag", "#budget", "budget"),
        ("tag", "#C", "C"),
        ("tag", "＃Canada", "Canada"),
        ("tag", "#_x", "_x"),
    ]


def test_a_hash_inside_a_link_is_not_a_tag():
    assert covered("https://canada.ca/fr#section #tag") == [
        ("link", "https://canada.ca/fr#section", "https://canada.ca/fr#section"),
        ("tag", "#tag", "tag"),
    ]


def test_to_facets_resolves_mentions_and_drops_unknown_handles():
    spans = detect("@alice.test @ghost.test https://a.ca #x")
    resolved = {"alice.test": "did:plc:alice"}
    facets = to_facets(spans, resolved.get)
    assert [f["features"][0] for f in facets] == [
        {"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:alice"},
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://a.ca"},
        {"$type": "app.bsky.richtext.facet#tag", "tag": "x"},
    ]
    assert facets[0]["index"] == {"byteStart": 0, "byteEnd": 11}


def test_tags_longer_than_64_characters_are_ignored():
    assert detect("#" + "a" * 65) == []
    assert detect("#" + "é" * 64) == [FacetSpan("tag", 0, 129, "é" * 64)]
