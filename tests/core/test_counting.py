"""desktop.core.counting against the networks' own reference implementations.

The reference is tests/reference/count.js: the official JavaScript twitter-text
(X's weighted length), Intl.Segmenter and unicode-segmenter (graphemes; the
second is what atproto counts Bluesky's 300 with) and Buffer.byteLength
(Bluesky's byte cap), installed from the pinned
package-lock.json with `npm ci` into .cache/ on first use. Without Node or npm
these tests fail: the counters are only as good as this comparison.

Mastodon has no JavaScript reference (the server counts in Ruby), so its tests
build the text from pieces whose Mastodon form is known from the server's code
(URL -> placeholder, @user@domain -> @user) and compare the grapheme count of
that form, again taken from Intl.Segmenter.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.core import counting
from desktop.core.counting import (
    BLUESKY_BYTE_LIMIT,
    Count,
    MastodonLimits,
    Network,
    count_all,
    count_bluesky,
    count_mastodon,
    count_x,
)
from desktop.core.text import BIDI_CONTROLS

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "tests" / "reference"
INSTALL = ROOT / ".cache" / "counting-reference"

Reference = Callable[[list[str]], list[dict]]


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """The pinned reference packages, installed once per lock-file content."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.fail("Node.js and npm are required: the counting tests compare with the "
                    "official twitter-text and Intl.Segmenter (install Node 18+).")
    lock = (REFERENCE / "package-lock.json").read_bytes()
    stamp = INSTALL / "installed-lock.json"
    if not (stamp.exists() and stamp.read_bytes() == lock):
        shutil.rmtree(INSTALL, ignore_errors=True)
        INSTALL.mkdir(parents=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(REFERENCE / name, INSTALL / name)
        done = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
                              cwd=INSTALL, capture_output=True, text=True)
        if done.returncode != 0:
            pytest.fail(f"npm ci of the counting reference failed:\n{done.stdout}\n{done.stderr}")
        stamp.write_bytes(lock)
    return INSTALL / "node_modules"


@pytest.fixture(scope="session")
def reference(node_modules: Path) -> Reference:
    """Counts a batch of texts with one Node process."""

    def run(texts: list[str]) -> list[dict]:
        done = subprocess.run(
            ["node", str(REFERENCE / "count.js")], input=json.dumps(texts),
            capture_output=True, text=True, encoding="utf-8",
            env={**os.environ, "NODE_PATH": str(node_modules)},
        )
        assert done.returncode == 0, done.stderr
        results = json.loads(done.stdout)
        assert len(results) == len(texts)
        return results

    return run


def assert_matches_reference(texts: list[str], reference: Reference) -> None:
    mismatches = []
    for text, ref in zip(texts, reference(texts), strict=True):
        x, bluesky = count_x(text), count_bluesky(text)
        got = {"x": x.used, "x_valid": x.used > 0 and x.ok, "graphemes": bluesky.used,
               "atprotoGraphemes": bluesky.used, "utf8Bytes": bluesky.detail["utf8_bytes"]}
        want = {"x": ref["x"]["weightedLength"], "x_valid": ref["x"]["valid"],
                "graphemes": ref["graphemes"], "atprotoGraphemes": ref["atprotoGraphemes"],
                "utf8Bytes": ref["utf8Bytes"]}
        if got != want:
            mismatches.append((text, got, want))
    assert not mismatches, "\n".join(f"{t!r}: ours {g} reference {w}" for t, g, w in mismatches[:10])


# --- generated texts ---------------------------------------------------------

ASCII_WORDS = ["the", "Government", "of", "Canada", "2024", "COVID-19", "e-mail", "x", "#GC", "$5", "A.B."]
FRENCH = ["été", "Québec", "français", "élève", "où", "garçon", "naïve", "cœur", "Œuvre", "ÉTÉ",
          "l’Atlantique", "aujourd’hui", "« Bonjour »", "\u00a0", "\u202f", ";", ":", "!", "?", "…",
          "—", "–", "€", "°C", "n°", "1er", "Ça"]
COMBINING = ["e\u0301\u0301", "a\u0308\u0301", "o\u0328\u0304", "\u0301", "i\u0307", "Z\u0351\u0352\u0353"]
EMOJI = ["👍", "👍🏽", "👍🏿", "👨‍👩‍👧‍👦", "👩‍❤️‍💋‍👨", "🧑‍🤝‍🧑", "🧑🏽‍💻", "👩🏽‍💻", "🏳️‍🌈", "🏳️‍⚧️",
         "🏴‍☠️", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🇨🇦", "🇫🇷", "🇦", "🇦🇧", "❤️", "❤", "❤︎", "☺️", "✈", "1️⃣", "#⃣", "*️⃣",
         "©", "©️", "®", "™", "🙂‍↕️", "🫠", "🥱", "🤏🏽", "🧔🏻‍♂️", "👁️‍🗨️", "🐕‍🦺", "\ufe0f", "\u200d", "🦰",
         "🏽", "⛹️‍♀️", "🎅🏼"]
OTHER_SCRIPTS = ["中文", "日本語", "한국어", "\u1100\u1161\u11a8", "𠀀", "𝐀", "ｶﾞ", "क्षि", "नमस्ते", "ﷺ",
                 "Ωmega", "ά", "ß", "İ", "ﬁ", "\u0627\u0644\u0633\u0644\u0627\u0645", "\ufeff", "\ufffe"]
URLS = ["https://canada.ca", "https://www.canada.ca/fr.html", "https://canada.ca/fr.", "canada.ca/fr/sante-canada",
        "www.canada.ca", "http://example.com/a?b=1&c=2", "https://t.co/abc123", "https://canada.ca/fr/(test)",
        "https://exemple.ca/été", "https://grå.org/", "(https://canada.ca)", "https://canada.ca/fr/nouvelles,",
        "https://canada.ca/en!", "gc.ca", "https://x.ca:8080/p", "https://canada.ca/fr/l’avis",
        "https://example.com/🐪", "t.co/x", "a@b.ca", "ftp://x.ca", "gemini://x.ca/a", "https://canada.ca/fr=",
        "HTTPS://CANADA.CA/FR", "https://xn--ls8h.la/", "canada.ca.", "1.5", "http://日本語.jp"]
MENTIONS = ["@bob", "@bob@mastodon.social", "@GC_Canada@social.gc.ca", "@a.b@c.d.ca", "@bob@grå.org",
            "bob@example.com", "@bob@localhost", "＠bob"]
SEPARATORS = [" ", "", "\n", "\t", "  ", ". ", ", ", " (", ") ", "«\u00a0", "\u00a0»", "\u202f", "\n\n"]

#: Any assigned character (by this Python's Unicode database, so also assigned
#: for Node) that desktop.core.text accepts, plus newline and tab.
ANY_CHAR = st.characters(exclude_categories=["Cs", "Co", "Cn", "Cc"],
                         exclude_characters="".join(BIDI_CONTROLS)) | st.sampled_from("\n\t")

PIECE = st.one_of(
    st.sampled_from(ASCII_WORDS),
    st.sampled_from(FRENCH),
    st.sampled_from(FRENCH).map(lambda w: unicodedata.normalize("NFD", w)),
    st.sampled_from(COMBINING),
    st.sampled_from(EMOJI),
    st.sampled_from(OTHER_SCRIPTS),
    st.sampled_from(URLS),
    st.sampled_from(MENTIONS),
    st.text(ANY_CHAR, min_size=1, max_size=4),
)
TEXT = st.lists(st.tuples(PIECE, st.sampled_from(SEPARATORS)), max_size=25).map(
    lambda parts: "".join(p + s for p, s in parts))
BATCH = st.lists(TEXT, min_size=1, max_size=80)

REFERENCE_SETTINGS = settings(max_examples=25, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@REFERENCE_SETTINGS
@given(batch=BATCH)
@example(batch=["İhttps://canada.ca"])  # found by Hypothesis: Python's re.I folded İ to i
def test_generated_texts_match_reference(batch: list[str], reference: Reference) -> None:
    assert_matches_reference(batch, reference)


def test_x_urls_ignore_case_as_javascript_does(reference: Reference) -> None:
    """twitter-text's URL regexes are JavaScript /i (no u flag): a non-ASCII
    character never matches an ASCII letter (İ ı ſ are not i or s), while
    non-ASCII letters still match their case partners (РФ is рф)."""
    assert_matches_reference([
        "İhttps://canada.ca", "ıhttps://canada.ca", "ſhttps://canada.ca", "Voir İwww.canada.ca",
        "https://t.co/abcİ", "https://canada.ca/?q=İ", "https://canada.ca/ſ", "https://canada.ca/İ",
        "voir exemple.РФ", "voir exemple.рф", "HTTPS://CANADA.CA", "canada.cOM", "https://T.CO/abc",
        "İ.ca", "ı.ca", "canada.cİ", "https://ſ.ca",
    ], reference)


def test_every_cased_character_around_a_link_matches_reference(reference: Reference) -> None:
    """Each BMP character with a case partner (for Python or JavaScript) before a
    link, in a t.co slug, in a path, a query and a top-level domain."""
    chars = [chr(c) for c in range(0x80, 0x10000)
             if unicodedata.category(chr(c)) not in ("Cs", "Co", "Cn", "Cc")
             and (chr(c).lower() != chr(c) or chr(c).upper() != chr(c))]
    assert len(chars) > 2000
    assert_matches_reference([f"{c}https://t.co/a{c} canada.ca/{c} x.ca/?q={c} gc.c{c}" for c in chars],
                             reference)


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_fast_paths_equal_whole_text_scans(text: str) -> None:
    """The shortcuts (URL scans limited to candidate words, emoji lookahead,
    one-code-point-per-grapheme test) change nothing."""
    s = unicodedata.normalize("NFC", text)
    assert counting._x_urls(s) == counting._x_urls_in(s)
    assert counting._mastodon_urls(text) == counting._mastodon_urls_in(text, 0, len(text))
    bare = re.compile(counting._TWEMOJI_PATTERN)
    assert [m.span() for m in counting._EMOJI.finditer(s)] == [m.span() for m in bare.finditer(s)]
    assert counting._graphemes(text) == len(counting._GRAPHEME.findall(text))


# --- Mastodon: pieces whose Mastodon form is known from the server's code ----

X23 = "\x00"  # stands for the URL placeholder until the weight is known
#: (as typed, as Mastodon's StatusLengthValidator rewrites it)
MASTODON_PIECES = [
    ("https://canada.ca", X23), ("https://www.canada.ca/fr/sante-canada.html", X23),
    ("https://canada.ca/fr.", X23 + "."), ("https://canada.ca/fr/nouvelles,", X23 + ","),
    ("https://canada.ca/fr/nouvelles.html?utm_source=x&utm_medium=y", X23),
    ("(https://canada.ca/fr)", "(" + X23 + ")"), ("https://fr.wikipedia.org/wiki/Canada_(pays)", X23),
    ("https://canada.ca/fr/l’avis", X23), ("https://example.com/🐪", X23), ("https://canada.ca/fr=", X23 + "="),
    ("https://x.ca:8080/p?q=1&r=2", X23), ("gemini://x.ca/a", X23), ("https://t.co/abc", X23),
    ("https://grå.org/", X23), ("http://日本語.jp", X23), ("HTTPS://CANADA.CA/FR", X23),
    ("canada.ca/fr", "canada.ca/fr"), ("www.canada.ca", "www.canada.ca"), ("ftp://x.ca", "ftp://x.ca"),
    ("@bob@mastodon.social", "@bob"), ("@GC_Canada@social.gc.ca", "@GC_Canada"), ("@bob", "@bob"),
    ("@bob@grå.org", "@bob"), ("@a.b@c.d.ca", "@a.b"), ("@bob@mastodon.social.", "@bob."),
    ("bob@example.com", "bob@example.com"), ("#GC", "#GC"),
]
PLAIN = st.one_of(st.sampled_from(FRENCH + ASCII_WORDS + EMOJI + COMBINING[:-2] + OTHER_SCRIPTS),
                  st.sampled_from(FRENCH).map(lambda w: unicodedata.normalize("NFD", w))).filter(
                      lambda w: not {":", "@", "/"} & set(w))
MASTODON_TEXT = st.lists(
    st.tuples(st.one_of(st.sampled_from(MASTODON_PIECES), PLAIN.map(lambda w: (w, w))),
              st.sampled_from([" ", "\n", "  ", "\t", " \u00a0"])),
    max_size=20)


@REFERENCE_SETTINGS
@given(batch=st.lists(MASTODON_TEXT, min_size=1, max_size=40),
       limits=st.sampled_from([MastodonLimits(), MastodonLimits(1000, 30), MastodonLimits(500, 0)]))
def test_mastodon_counts_graphemes_of_the_rewritten_text(batch: list[list[tuple]], limits: MastodonLimits,
                                                          reference: Reference) -> None:
    placeholder = "x" * limits.characters_reserved_per_url
    texts = ["".join(typed + sep for (typed, _), sep in parts) for parts in batch]
    rewritten = ["" if not text.strip() else  # Ruby's String#blank?
                 "".join(form.replace(X23, placeholder) + sep for (_, form), sep in parts)
                 for text, parts in zip(texts, batch, strict=True)]
    for text, form, ref in zip(texts, rewritten, reference(rewritten), strict=True):
        assert count_mastodon(text, limits).used == ref["graphemes"], (text, form)


# --- every character, every emoji of the port's list -----------------------------


def test_every_single_character_matches_reference(reference: Reference) -> None:
    """Each assigned code point alone: X weight, NFC, graphemes and bytes."""
    chars = [chr(c) for c in range(0x110000)
             if unicodedata.category(chr(c)) not in ("Cs", "Co", "Cn", "Cc") and chr(c) not in BIDI_CONTROLS]
    assert_matches_reference(chars, reference)


def test_every_emoji_of_unicode_12_matches_reference(reference: Reference) -> None:
    """The emoji-test.txt list shipped in twitter_text (fully-, minimally- and
    unqualified forms), alone and inside French text."""
    from twitter_text.regexp.emoji import emoji_list

    emoji = sorted({e.emoji for e in emoji_list})
    assert len(emoji) > 3000
    assert_matches_reference(emoji + [f"Été {e}{e} à Québec" for e in emoji], reference)


# --- the twemoji pattern is twemoji-parser's, rewritten -----------------------------------


def code_point_pattern(js_regex: str) -> str:
    """A JavaScript (UTF-16) regex's body with each surrogate pair written as the
    code point, or a class of them; fails on any construct it cannot rewrite."""
    token = re.compile(r"\\u([0-9a-f]{4})|\[((?:\\.|[^\]\\])*)\]|\\.|.", re.S | re.I)
    units = re.compile(r"\\u([0-9a-f]{4})(?:-\\u([0-9a-f]{4}))?", re.I)

    def code_units(cls: str) -> list[tuple[int, int]]:
        return [(int(m[1], 16), int(m[2] or m[1], 16)) for m in units.finditer(cls)]

    def low(u: int) -> int:
        assert 0xDC00 <= u <= 0xDFFF, f"unpaired surrogate {u:04x}"
        return u - 0xDC00

    tokens = list(token.finditer(js_regex))
    out, i = [], 0
    while i < len(tokens):
        m = tokens[i]
        unit = int(m[1], 16) if m[1] else None
        if unit is not None and 0xD800 <= unit <= 0xDBFF:
            base = 0x10000 + ((unit - 0xD800) << 10)
            nxt = tokens[i + 1]
            if nxt[1]:
                out.append(f"\\U{base + low(int(nxt[1], 16)):08x}")
            else:
                assert units.sub("", nxt[2]) == "", f"pair half in a mixed class: [{nxt[2]}]"
                ranges = code_units(nxt[2])
                out.append("[" + "".join(
                    f"\\U{base + low(a):08x}" + ("" if a == b else f"-\\U{base + low(b):08x}")
                    for a, b in ranges) + "]")
            following = tokens[i + 2][0] if i + 2 < len(tokens) else ""
            assert following not in ("?", "*", "+", "{"), "quantifier on half a surrogate pair"
            i += 2
            continue
        if unit is not None:
            assert not 0xD800 <= unit <= 0xDFFF, f"unpaired surrogate {unit:04x}"
        if m[2] is not None:
            assert all(not (0xD800 <= a <= 0xDFFF or 0xD800 <= b <= 0xDFFF) for a, b in code_units(m[2]))
        out.append(m[0])
        i += 1
    return "".join(out)


def test_twemoji_pattern_is_derived_from_the_pinned_package(node_modules: Path) -> None:
    source = (node_modules / "twemoji-parser" / "dist" / "lib" / "regex.js").read_text(encoding="utf-8")
    js = re.search(r"exports\.default = /(.*)/g;", source, re.S)
    assert js, "twemoji-parser's regex.js changed shape"
    assert code_point_pattern(js[1]) == counting._TWEMOJI_PATTERN


def test_emoji_lookahead_keeps_matches_that_start_with_ascii_or_latin_1() -> None:
    """Keycaps start with ASCII, © and ® with Latin-1: the lookahead lets them
    through (the generated and per-emoji tests check the rest)."""
    for text in ["#️⃣", "*️⃣", "1⃣", "9️⃣", "©️", "®️", "‼️", "🇨🇦", "\ufe0f"]:
        assert counting._EMOJI.match(text), text


# --- conformance: tricky strings, counts verified with the reference --------------

NFD_ETE = unicodedata.normalize("NFD", "été")
#: text, X weighted, Mastodon, Bluesky graphemes, UTF-8 bytes
CONFORMANCE = [
    ("", 0, 0, 0, 0),
    ("Bonjour", 7, 7, 7, 7),
    ("été", 3, 3, 3, 5),
    (NFD_ETE, 3, 3, 3, 7),  # X normalises to NFC; graphemes are the same; bytes are not
    ("Ça\u202fva\u202f?", 9, 7, 7, 12),  # narrow no-break space: 2 on X
    ("«\u00a0Bonjour\u00a0»", 11, 11, 11, 15),  # guillemets, no-break space: 1
    ("aujourd’hui…", 13, 12, 12, 16),  # ’ is 1, … is 2 on X
    ("👍", 2, 1, 1, 4),
    ("👍🏽", 2, 1, 1, 8),
    ("👨‍👩‍👧‍👦", 2, 1, 1, 25),  # ZWJ family: one emoji
    ("🇨🇦", 2, 1, 1, 8),
    ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 2, 1, 1, 28),  # tag-sequence flag
    ("🏳️‍🌈", 2, 1, 1, 14),
    ("🧑‍🤝‍🧑", 8, 1, 1, 18),  # Emoji 12: unknown to twitter-text 3.1.0
    ("🧑🏽‍💻", 5, 1, 1, 15),  # Emoji 12.1: unknown too
    ("❤️", 2, 1, 1, 6),
    ("❤", 2, 1, 1, 3),
    ("©", 1, 1, 1, 2),  # text presentation: not an emoji for X
    ("©️", 2, 1, 1, 5),
    ("1️⃣", 2, 1, 1, 7),
    ("a\u0308\u0301", 2, 1, 1, 5),  # NFC makes ä + combining acute: 2 code points
    ("中文字", 6, 3, 3, 9),
    ("𝐀", 2, 1, 1, 4),
    ("한국어", 6, 3, 3, 9),
    ("https://canada.ca/fr", 23, 23, 20, 20),
    ("https://canada.ca/fr.", 24, 24, 21, 21),  # the final dot is not part of the URL
    ("Voir https://canada.ca/fr. Merci", 35, 35, 32, 32),
    ("canada.ca/fr/sante-canada", 23, 25, 25, 25),  # no scheme: a link on X, not on Mastodon
    ("www.canada.ca", 23, 13, 13, 13),
    ("https://www.canada.ca/fr/sante-canada/nouvelles/2024/01/un-tres-long-chemin.html", 23, 23, 80, 80),
    ("(https://canada.ca/fr)", 25, 25, 22, 22),
    ("https://canada.ca/fr/l’avis", 28, 23, 27, 29),  # ’ ends the URL for X, not for Mastodon
    ("@GC_Canada@social.gc.ca merci", 29, 16, 29, 29),  # no link for X: '@' may not precede one
    ("@bob", 4, 4, 4, 4),
    ("x\ny", 3, 3, 3, 3),
    ("\ufeffa", 3, 2, 2, 4),  # X refuses U+FEFF
]


def test_conformance_table_matches_reference(reference: Reference) -> None:
    texts = [row[0] for row in CONFORMANCE]
    for (text, x, _, graphemes, size), ref in zip(CONFORMANCE, reference(texts), strict=True):
        assert (ref["x"]["weightedLength"], ref["graphemes"], ref["utf8Bytes"]) == (x, graphemes, size), text


@pytest.mark.parametrize(("text", "x", "mastodon", "graphemes", "size"), CONFORMANCE)
def test_conformance(text: str, x: int, mastodon: int, graphemes: int, size: int) -> None:
    counts = {c.network: c for c in count_all(text)}
    assert counts[Network.X].used == x
    assert counts[Network.MASTODON].used == mastodon
    assert counts[Network.BLUESKY].used == graphemes
    assert counts[Network.BLUESKY].detail["utf8_bytes"] == size


# --- limits, detail, line endings --------------------------------------------------


def test_count_all_order_and_limits() -> None:
    x, mastodon, bluesky = count_all("Bonjour", MastodonLimits(1000, 30))
    assert [c.network for c in (x, mastodon, bluesky)] == [Network.X, Network.MASTODON, Network.BLUESKY]
    assert (x.limit, mastodon.limit, bluesky.limit) == (280, 1000, 300)
    assert x.remaining == 273 and x.ok


@pytest.mark.parametrize(("count", "text", "limit"), [
    (count_x, "a", 280), (count_x, "é", 280), (count_mastodon, "a", 500), (count_bluesky, "👍", 300),
])
def test_over_exactly_past_the_limit(count: Callable[[str], Count], text: str, limit: int) -> None:
    per = count(text).used
    at, past = count(text * (limit // per)), count(text * (limit // per + 1))
    assert (at.used, at.over) == (limit // per * per, False)
    assert past.over and past.remaining < 0


def test_x_over_with_a_link_counts_23_not_its_length() -> None:
    text = "a" * 256 + " https://www.canada.ca/" + "x" * 200
    assert count_x(text).used == 256 + 1 + 23 and not count_x(text).over
    assert count_x("a" * 257 + " https://canada.ca").over


def test_bluesky_byte_cap_alone_makes_it_over() -> None:
    family = "👨‍👩‍👧‍👦"  # 1 grapheme, 25 bytes
    fits, too_big = count_bluesky(family * 120), count_bluesky(family * 121)
    assert (fits.used, fits.detail["utf8_bytes"], fits.over) == (120, 3000, False)
    assert (too_big.used, too_big.detail["utf8_bytes"], too_big.over) == (121, 3025, True)
    assert too_big.detail["utf8_byte_limit"] == BLUESKY_BYTE_LIMIT


def test_detail_explains_the_number() -> None:
    x = count_x("Voir https://canada.ca et www.gc.ca 🇨🇦 👍🏽 ; …\u202f!")
    assert dict(x.detail) == {"links": 2, "emoji": 2, "double_weight": 2}
    m = count_mastodon("@bob@mastodon.social voir https://canada.ca et www.gc.ca")
    assert dict(m.detail) == {"links": 1, "remote_mentions": 1, "url_weight": 23}


def test_x_problems_name_the_refused_character() -> None:
    x = count_x("a\ufeffb")
    assert x.problems == ("X refuses the character U+FEFF.",) and not x.ok and not x.over


def test_line_endings_count_as_posted() -> None:
    for count in (count_x, count_mastodon, count_bluesky):
        assert count("a\r\nb").used == count("a\rb").used == count("a\nb").used == 3


def test_blank_text_is_empty_for_mastodon() -> None:
    assert count_mastodon(" \n\u00a0").used == 0
    assert count_bluesky(" \n\u00a0").used == 3


def test_mastodon_url_weight_comes_from_the_instance() -> None:
    text = "Voir https://canada.ca/fr/nouvelles.html"
    assert count_mastodon(text, MastodonLimits(500, 23)).used == 5 + 23
    assert count_mastodon(text, MastodonLimits(500, 40)).used == 5 + 40


@pytest.mark.parametrize("bad", [(0, 23), (500, -1)])
def test_impossible_mastodon_limits_are_refused(bad: tuple[int, int]) -> None:
    with pytest.raises(ValueError):
        MastodonLimits(*bad)
