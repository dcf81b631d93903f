"""Per-network length counting: how much of X's, Mastodon's and Bluesky's limit a text uses.

Every rule below follows the network's own code, not its help pages:

X (280, weighted)
    twitter-text v3, the library X's clients are built on: the text is NFC
    normalised; each URL (with or without ``https://``) counts 23; each emoji,
    including a ZWJ sequence, skin-tone or flag, counts 2; any other code point
    counts 1 inside U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and
    U+2032–U+2037, else 2. So in French, ``’`` ``«`` ``»`` and the no-break
    space count 1, but the *narrow* no-break space U+202F (before ``;:!?``) and
    ``…`` count 2. URLs and weights come from the ``twitter_text`` package
    (``twitter-text-parser``), the Python port. Its URL regexes are recompiled
    to ignore case as JavaScript's ``/i`` does (Python's ``re.IGNORECASE``
    makes ``İ`` an ``i``, so ``İhttps://canada.ca`` had no link). Its emoji matcher is replaced:
    the port matches its own Unicode 12 emoji list, which differs from the
    official JavaScript twitter-text 3.1.0 (it counts a bare ``©``/``®`` as 2,
    X as 1; it counts 🧑‍🤝‍🧑 as 2, X's library as 8) and takes ~20 ms per
    5 000 characters. ``_TWEMOJI_PATTERN`` is the pattern of twemoji-parser
    11.0.2, which twitter-text 3.1.0 uses, rewritten from UTF-16 surrogate pairs
    to code points (tests/core/test_counting.py re-derives it from the npm
    package and checks every count against the JavaScript library). Emoji newer
    than that list (🧑🏽‍💻 is 5, 🙂‍↕️ is 5) count as their parts, as in that
    library; X's own apps, which know newer emoji, may count them as 2.

Mastodon (instance limit, default 500; grapheme clusters)
    The server's StatusLengthValidator (app/validators/status_length_validator.rb):
    the text is cut into extended grapheme clusters (Ruby's
    ``each_grapheme_cluster``) after every URL *with a scheme* is replaced by the
    instance's ``characters_reserved_per_url`` characters (23 upstream, however
    long the URL) and every remote mention ``@user@domain`` by ``@user``. A bare
    ``canada.ca/fr`` is counted character by character. URLs are found with
    Mastodon's own twitter-text overrides (config/initializers/twitter_regex.rb:
    more schemes, any non-space path character, a path never ending in
    ``.,;:!?``) and mentions with ``Account::MENTION_RE``. The web composer's
    counter differs slightly (it counts with the ``stringz`` package); the server
    is the one that refuses a post. A content warning would count too (Tandem
    posts none). No normalisation: the text is counted as sent.

Bluesky (300 graphemes and 3 000 UTF-8 bytes)
    The app.bsky.feed.post lexicon caps ``text`` at ``maxGraphemes: 300`` and
    ``maxLength: 3000`` (UTF-8 bytes); atproto counts graphemes (UAX #29
    extended clusters) with the ``unicode-segmenter`` package, browsers with
    ``Intl.Segmenter``; the tests check against both. Counted as sent: an NFD
    ``é`` is one grapheme but three bytes. Links count in full.

Every count is of the text as Tandem posts it: line endings made ``\\n`` (as
``desktop.core.text.check`` does). The functions are pure and thread-safe, so
the editor can count on every keystroke off the GUI thread; ASCII and
"one code point per grapheme" texts skip the slow paths (bench/counting.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import regex
from twitter_text.config import config as _twitter_config
from twitter_text.extract_urls import idna_to_ascii
from twitter_text.regexp.extract_url import extract_url as _EXTRACT_URL
from twitter_text.regexp.invalid_url_without_protocol_preceding_chars import (
    invalid_url_without_protocol_preceding_chars as _INVALID_URL_WITHOUT_PROTOCOL_PRECEDING,
)
from twitter_text.regexp.invalid_chars import invalid_chars as _X_INVALID_CHARS
from twitter_text.regexp.latin_accent_chars import latin_accent_chars as _LATIN_ACCENTS
from twitter_text.regexp.spaces_group import spaces_group as _SPACES
from twitter_text.regexp.valid_ascii_domain import valid_ascii_domain as _VALID_ASCII_DOMAIN
from twitter_text.regexp.valid_domain import valid_domain as _VALID_DOMAIN
from twitter_text.regexp.valid_domain_chars import valid_domain_chars as _VALID_DOMAIN_CHAR
from twitter_text.regexp.valid_port_number import valid_port_number as _VALID_PORT
from twitter_text.regexp.valid_tco_url import valid_tco_url as _VALID_TCO_URL
from twitter_text.regexp.valid_url_balanced_parens import (
    valid_url_balanced_parens as _TWITTER_BALANCED_PARENS,
)
from twitter_text.regexp.valid_url_preceding_chars import (
    valid_url_preceding_chars as _VALID_URL_PRECEDING,
)

from .messages import Message


class Network(StrEnum):
    X = "x"
    MASTODON = "mastodon"
    BLUESKY = "bluesky"


class Unit(StrEnum):
    """What a network's ``used`` and ``limit`` are counted in."""

    WEIGHTED = "weighted characters"
    GRAPHEMES = "graphemes"


_X_CONFIG = _twitter_config["version3"]
X_LIMIT: int = _X_CONFIG["max_weighted_tweet_length"]
X_URL_WEIGHT: int = _X_CONFIG["transformed_url_length"]
BLUESKY_GRAPHEME_LIMIT = 300
BLUESKY_BYTE_LIMIT = 3000


@dataclass(frozen=True, slots=True)
class MastodonLimits:
    """One instance's limits, as its ``/api/v2/instance`` reports them under
    ``configuration.statuses`` (``max_characters``, ``characters_reserved_per_url``)."""

    max_characters: int = 500
    characters_reserved_per_url: int = 23

    def __post_init__(self) -> None:
        if self.max_characters < 1 or self.characters_reserved_per_url < 0:
            raise ValueError(f"impossible Mastodon limits: {self}")


@dataclass(frozen=True, slots=True)
class Count:
    """How much of one network's limit a text uses.

    ``over`` means the network would refuse the text as too long (for Bluesky,
    also too many bytes). ``problems`` are other reasons it would refuse it, as
    sentences fit to show. ``detail`` explains the number (keys per network:
    X ``links``, ``emoji``, ``double_weight``; Mastodon ``links``,
    ``remote_mentions``, ``url_weight``; Bluesky ``utf8_bytes``, ``utf8_byte_limit``).
    """

    network: Network
    used: int
    limit: int
    unit: Unit
    over: bool
    detail: Mapping[str, int] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    @property
    def remaining(self) -> int:
        """Room left; negative when over."""
        return self.limit - self.used

    @property
    def ok(self) -> bool:
        return not self.over and not self.problems


def count_all(text: str, mastodon: MastodonLimits = MastodonLimits()) -> list[Count]:
    """The text's count for every network, in the order X, Mastodon, Bluesky."""
    return [count_x(text), count_mastodon(text, mastodon), count_bluesky(text)]


def _as_posted(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


# --- URL regions -------------------------------------------------------------------

#: No URL contains one of twitter-text's spaces (for Mastodon, an ASCII space),
#: every URL has a dot followed by a domain character (the TLD), and every URL
#: Mastodon discounts has "://". So the URL scanners, slow on any text (~15 µs
#: a word: they try every TLD), only read the words that have these, each with
#: the character before it (the "preceding character" rule). The tests check
#: this against the whole-text scan.
_WORD_WITH_DOT = re.compile(
    f"(?<![^{_SPACES}])[^{_SPACES}]*\\.{_VALID_DOMAIN_CHAR.pattern}[^{_SPACES}]*"
)
#: Unicode White_Space, what Mastodon's URL path stops at (twitter-text's
#: spaces also include U+180E).
_WHITE_SPACE = "\\t\\n\\x0b\\x0c\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
#: The spaces no Mastodon URL contains: its query string may contain any
#: character from U+00A0 up, the no-break spaces included.
_MASTODON_URL_BREAKS = "\\t\\n\\x0b\\x0c\\r \\x85"
_WORD_WITH_SCHEME = re.compile(
    f"(?<![^{_MASTODON_URL_BREAKS}])[^{_MASTODON_URL_BREAKS}]*://[^{_MASTODON_URL_BREAKS}]*"
)


def _regions(s: str, words: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of the matching words, each with the character before it."""
    regions: list[tuple[int, int]] = []
    for m in words.finditer(s):
        start = max(m.start() - 1, 0)
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], m.end())
        else:
            regions.append((start, m.end()))
    return regions


# --- graphemes ---------------------------------------------------------------

_GRAPHEME = regex.compile(r"\X")
#: A code point that can join a grapheme cluster with a neighbour. Without any,
#: each code point is its own cluster (UAX #29 rule GB999).
_JOINS_NEIGHBOUR = regex.compile(
    r"[^\p{Grapheme_Cluster_Break=Other}\p{Grapheme_Cluster_Break=Control}"
    r"\p{Grapheme_Cluster_Break=LF}]"
)


def _graphemes(text: str) -> int:
    if text.isascii() and "\r" not in text or not _JOINS_NEIGHBOUR.search(text):
        return len(text)
    return len(_GRAPHEME.findall(text))


# --- X -------------------------------------------------------------------------

_X_SCALE: int = _X_CONFIG["scale"]
_X_DEFAULT_WEIGHT: int = _X_CONFIG["default_weight"]


def _ranges_class(ranges: list[dict]) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"\\U{r['start']:08x}-\\U{r['end']:08x}" for r in ranges) + "]")


#: (weight, class of the code points with that weight) for every non-default weight.
_X_WEIGHT_CLASSES = [
    (weight, _ranges_class([r for r in _X_CONFIG["ranges"] if r["weight"] == weight]))
    for weight in sorted({r["weight"] for r in _X_CONFIG["ranges"]})
]

#: twemoji-parser 11.0.2's emoji pattern (MIT, © 2018 Twitter, Inc.), with its
#: UTF-16 surrogate pairs rewritten as code points; see the module docstring.
_TWEMOJI_PATTERN = (
    r"(?:[\U0001f468\U0001f469])(?:[\U0001f3fb-\U0001f3ff])?\u200d(?:\u2695\ufe0f|\u2696"
    r"\ufe0f|\u2708\ufe0f|[\U0001f33e\U0001f373\U0001f393\U0001f3a4\U0001f3a8\U0001f3eb"
    r"\U0001f3ed]|[\U0001f4bb\U0001f4bc\U0001f527\U0001f52c\U0001f680\U0001f692]|[\U0001f9b0"
    r"-\U0001f9b3])|(?:[\U0001f3cb\U0001f3cc]|[\U0001f574\U0001f575]|\u26f9)((?:[\U0001f3fb-"
    r"\U0001f3ff]|\ufe0f)\u200d[\u2640\u2642]\ufe0f)|(?:[\U0001f3c3\U0001f3c4\U0001f3ca]|["
    r"\U0001f46e\U0001f471\U0001f473\U0001f477\U0001f481\U0001f482\U0001f486\U0001f487"
    r"\U0001f645-\U0001f647\U0001f64b\U0001f64d\U0001f64e\U0001f6a3\U0001f6b4-\U0001f6b6]|["
    r"\U0001f926\U0001f935\U0001f937-\U0001f939\U0001f93d\U0001f93e\U0001f9b8\U0001f9b9"
    r"\U0001f9d6-\U0001f9dd])(?:[\U0001f3fb-\U0001f3ff])?\u200d[\u2640\u2642]\ufe0f|(?:"
    r"\U0001f468\u200d\u2764\ufe0f\u200d\U0001f48b\u200d\U0001f468|\U0001f468\u200d"
    r"\U0001f468\u200d\U0001f466\u200d\U0001f466|\U0001f468\u200d\U0001f468\u200d\U0001f467"
    r"\u200d[\U0001f466\U0001f467]|\U0001f468\u200d\U0001f469\u200d\U0001f466\u200d"
    r"\U0001f466|\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d[\U0001f466\U0001f467]|"
    r"\U0001f469\u200d\u2764\ufe0f\u200d\U0001f48b\u200d[\U0001f468\U0001f469]|\U0001f469"
    r"\u200d\U0001f469\u200d\U0001f466\u200d\U0001f466|\U0001f469\u200d\U0001f469\u200d"
    r"\U0001f467\u200d[\U0001f466\U0001f467]|\U0001f468\u200d\u2764\ufe0f\u200d\U0001f468|"
    r"\U0001f468\u200d\U0001f466\u200d\U0001f466|\U0001f468\u200d\U0001f467\u200d[\U0001f466"
    r"\U0001f467]|\U0001f468\u200d\U0001f468\u200d[\U0001f466\U0001f467]|\U0001f468\u200d"
    r"\U0001f469\u200d[\U0001f466\U0001f467]|\U0001f469\u200d\u2764\ufe0f\u200d[\U0001f468"
    r"\U0001f469]|\U0001f469\u200d\U0001f466\u200d\U0001f466|\U0001f469\u200d\U0001f467"
    r"\u200d[\U0001f466\U0001f467]|\U0001f469\u200d\U0001f469\u200d[\U0001f466\U0001f467]|"
    r"\U0001f3f3\ufe0f\u200d\U0001f308|\U0001f3f4\u200d\u2620\ufe0f|\U0001f441\u200d"
    r"\U0001f5e8|\U0001f468\u200d[\U0001f466\U0001f467]|\U0001f469\u200d[\U0001f466"
    r"\U0001f467]|\U0001f46f\u200d\u2640\ufe0f|\U0001f46f\u200d\u2642\ufe0f|\U0001f93c\u200d"
    r"\u2640\ufe0f|\U0001f93c\u200d\u2642\ufe0f|\U0001f9de\u200d\u2640\ufe0f|\U0001f9de"
    r"\u200d\u2642\ufe0f|\U0001f9df\u200d\u2640\ufe0f|\U0001f9df\u200d\u2642\ufe0f)|[#*0-9]"
    r"\ufe0f?\u20e3|(?:[©®\u2122\u265f]\ufe0f)|(?:[\U0001f004\U0001f170\U0001f171\U0001f17e"
    r"\U0001f17f\U0001f202\U0001f21a\U0001f22f\U0001f237\U0001f321\U0001f324-\U0001f32c"
    r"\U0001f336\U0001f37d\U0001f396\U0001f397\U0001f399-\U0001f39b\U0001f39e\U0001f39f"
    r"\U0001f3cd\U0001f3ce\U0001f3d4-\U0001f3df\U0001f3f3\U0001f3f5\U0001f3f7]|[\U0001f43f"
    r"\U0001f441\U0001f4fd\U0001f549\U0001f54a\U0001f56f\U0001f570\U0001f573\U0001f576-"
    r"\U0001f579\U0001f587\U0001f58a-\U0001f58d\U0001f5a5\U0001f5a8\U0001f5b1\U0001f5b2"
    r"\U0001f5bc\U0001f5c2-\U0001f5c4\U0001f5d1-\U0001f5d3\U0001f5dc-\U0001f5de\U0001f5e1"
    r"\U0001f5e3\U0001f5e8\U0001f5ef\U0001f5f3\U0001f5fa\U0001f6cb\U0001f6cd-\U0001f6cf"
    r"\U0001f6e0-\U0001f6e5\U0001f6e9\U0001f6f0\U0001f6f3]|[\u203c\u2049\u2139\u2194-\u2199"
    r"\u21a9\u21aa\u231a\u231b\u2328\u23cf\u23ed-\u23ef\u23f1\u23f2\u23f8-\u23fa\u24c2\u25aa"
    r"\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u2604\u260e\u2611\u2614\u2615\u2618\u2620\u2622"
    r"\u2623\u2626\u262a\u262e\u262f\u2638-\u263a\u2640\u2642\u2648-\u2653\u2660\u2663\u2665"
    r"\u2666\u2668\u267b\u267f\u2692-\u2697\u2699\u269b\u269c\u26a0\u26a1\u26aa\u26ab\u26b0"
    r"\u26b1\u26bd\u26be\u26c4\u26c5\u26c8\u26cf\u26d1\u26d3\u26d4\u26e9\u26ea\u26f0-\u26f5"
    r"\u26f8\u26fa\u26fd\u2702\u2708\u2709\u270f\u2712\u2714\u2716\u271d\u2721\u2733\u2734"
    r"\u2744\u2747\u2757\u2763\u2764\u27a1\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55"
    r"\u3030\u303d\u3297\u3299])(?:\ufe0f|(?!\ufe0e))|(?:(?:[\U0001f3cb\U0001f3cc]|["
    r"\U0001f574\U0001f575\U0001f590]|[\u261d\u26f7\u26f9\u270c\u270d])(?:\ufe0f|(?!\ufe0e))"
    r"|(?:[\U0001f385\U0001f3c2-\U0001f3c4\U0001f3c7\U0001f3ca]|[\U0001f442\U0001f443"
    r"\U0001f446-\U0001f450\U0001f466-\U0001f469\U0001f46e\U0001f470-\U0001f478\U0001f47c"
    r"\U0001f481-\U0001f483\U0001f485-\U0001f487\U0001f4aa\U0001f57a\U0001f595\U0001f596"
    r"\U0001f645-\U0001f647\U0001f64b-\U0001f64f\U0001f6a3\U0001f6b4-\U0001f6b6\U0001f6c0"
    r"\U0001f6cc]|[\U0001f918-\U0001f91c\U0001f91e\U0001f91f\U0001f926\U0001f930-\U0001f939"
    r"\U0001f93d\U0001f93e\U0001f9b5\U0001f9b6\U0001f9b8\U0001f9b9\U0001f9d1-\U0001f9dd]|["
    r"\u270a\u270b]))(?:[\U0001f3fb-\U0001f3ff])?|(?:\U0001f3f4\U000e0067\U000e0062"
    r"\U000e0065\U000e006e\U000e0067\U000e007f|\U0001f3f4\U000e0067\U000e0062\U000e0073"
    r"\U000e0063\U000e0074\U000e007f|\U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c"
    r"\U000e0073\U000e007f|\U0001f1e6[\U0001f1e8-\U0001f1ec\U0001f1ee\U0001f1f1\U0001f1f2"
    r"\U0001f1f4\U0001f1f6-\U0001f1fa\U0001f1fc\U0001f1fd\U0001f1ff]|\U0001f1e7[\U0001f1e6"
    r"\U0001f1e7\U0001f1e9-\U0001f1ef\U0001f1f1-\U0001f1f4\U0001f1f6-\U0001f1f9\U0001f1fb"
    r"\U0001f1fc\U0001f1fe\U0001f1ff]|\U0001f1e8[\U0001f1e6\U0001f1e8\U0001f1e9\U0001f1eb-"
    r"\U0001f1ee\U0001f1f0-\U0001f1f5\U0001f1f7\U0001f1fa-\U0001f1ff]|\U0001f1e9[\U0001f1ea"
    r"\U0001f1ec\U0001f1ef\U0001f1f0\U0001f1f2\U0001f1f4\U0001f1ff]|\U0001f1ea[\U0001f1e6"
    r"\U0001f1e8\U0001f1ea\U0001f1ec\U0001f1ed\U0001f1f7-\U0001f1fa]|\U0001f1eb[\U0001f1ee-"
    r"\U0001f1f0\U0001f1f2\U0001f1f4\U0001f1f7]|\U0001f1ec[\U0001f1e6\U0001f1e7\U0001f1e9-"
    r"\U0001f1ee\U0001f1f1-\U0001f1f3\U0001f1f5-\U0001f1fa\U0001f1fc\U0001f1fe]|\U0001f1ed["
    r"\U0001f1f0\U0001f1f2\U0001f1f3\U0001f1f7\U0001f1f9\U0001f1fa]|\U0001f1ee[\U0001f1e8-"
    r"\U0001f1ea\U0001f1f1-\U0001f1f4\U0001f1f6-\U0001f1f9]|\U0001f1ef[\U0001f1ea\U0001f1f2"
    r"\U0001f1f4\U0001f1f5]|\U0001f1f0[\U0001f1ea\U0001f1ec-\U0001f1ee\U0001f1f2\U0001f1f3"
    r"\U0001f1f5\U0001f1f7\U0001f1fc\U0001f1fe\U0001f1ff]|\U0001f1f1[\U0001f1e6-\U0001f1e8"
    r"\U0001f1ee\U0001f1f0\U0001f1f7-\U0001f1fb\U0001f1fe]|\U0001f1f2[\U0001f1e6\U0001f1e8-"
    r"\U0001f1ed\U0001f1f0-\U0001f1ff]|\U0001f1f3[\U0001f1e6\U0001f1e8\U0001f1ea-\U0001f1ec"
    r"\U0001f1ee\U0001f1f1\U0001f1f4\U0001f1f5\U0001f1f7\U0001f1fa\U0001f1ff]|\U0001f1f4"
    r"\U0001f1f2|\U0001f1f5[\U0001f1e6\U0001f1ea-\U0001f1ed\U0001f1f0-\U0001f1f3\U0001f1f7-"
    r"\U0001f1f9\U0001f1fc\U0001f1fe]|\U0001f1f6\U0001f1e6|\U0001f1f7[\U0001f1ea\U0001f1f4"
    r"\U0001f1f8\U0001f1fa\U0001f1fc]|\U0001f1f8[\U0001f1e6-\U0001f1ea\U0001f1ec-\U0001f1f4"
    r"\U0001f1f7-\U0001f1f9\U0001f1fb\U0001f1fd-\U0001f1ff]|\U0001f1f9[\U0001f1e6\U0001f1e8"
    r"\U0001f1e9\U0001f1eb-\U0001f1ed\U0001f1ef-\U0001f1f4\U0001f1f7\U0001f1f9\U0001f1fb"
    r"\U0001f1fc\U0001f1ff]|\U0001f1fa[\U0001f1e6\U0001f1ec\U0001f1f2\U0001f1f3\U0001f1f8"
    r"\U0001f1fe\U0001f1ff]|\U0001f1fb[\U0001f1e6\U0001f1e8\U0001f1ea\U0001f1ec\U0001f1ee"
    r"\U0001f1f3\U0001f1fa]|\U0001f1fc[\U0001f1eb\U0001f1f8]|\U0001f1fd\U0001f1f0|\U0001f1fe"
    r"[\U0001f1ea\U0001f1f9]|\U0001f1ff[\U0001f1e6\U0001f1f2\U0001f1fc]|[\U0001f0cf"
    r"\U0001f18e\U0001f191-\U0001f19a\U0001f1e6-\U0001f1ff\U0001f201\U0001f232-\U0001f236"
    r"\U0001f238-\U0001f23a\U0001f250\U0001f251\U0001f300-\U0001f320\U0001f32d-\U0001f335"
    r"\U0001f337-\U0001f37c\U0001f37e-\U0001f384\U0001f386-\U0001f393\U0001f3a0-\U0001f3c1"
    r"\U0001f3c5\U0001f3c6\U0001f3c8\U0001f3c9\U0001f3cf-\U0001f3d3\U0001f3e0-\U0001f3f0"
    r"\U0001f3f4\U0001f3f8-\U0001f3ff]|[\U0001f400-\U0001f43e\U0001f440\U0001f444\U0001f445"
    r"\U0001f451-\U0001f465\U0001f46a-\U0001f46d\U0001f46f\U0001f479-\U0001f47b\U0001f47d-"
    r"\U0001f480\U0001f484\U0001f488-\U0001f4a9\U0001f4ab-\U0001f4fc\U0001f4ff-\U0001f53d"
    r"\U0001f54b-\U0001f54e\U0001f550-\U0001f567\U0001f5a4\U0001f5fb-\U0001f644\U0001f648-"
    r"\U0001f64a\U0001f680-\U0001f6a2\U0001f6a4-\U0001f6b3\U0001f6b7-\U0001f6bf\U0001f6c1-"
    r"\U0001f6c5\U0001f6d0-\U0001f6d2\U0001f6eb\U0001f6ec\U0001f6f4-\U0001f6f9]|[\U0001f910-"
    r"\U0001f917\U0001f91d\U0001f920-\U0001f925\U0001f927-\U0001f92f\U0001f93a\U0001f93c"
    r"\U0001f940-\U0001f945\U0001f947-\U0001f970\U0001f973-\U0001f976\U0001f97a\U0001f97c-"
    r"\U0001f9a2\U0001f9b4\U0001f9b7\U0001f9c0-\U0001f9c2\U0001f9d0\U0001f9de-\U0001f9ff]|["
    r"\u23e9-\u23ec\u23f0\u23f3\u267e\u26ce\u2705\u2728\u274c\u274e\u2753-\u2755\u2795-"
    r"\u2797\u27b0\u27bf\ue50a])|\ufe0f")
#: Every twemoji match starts with one of these (keycaps with #*0-9, else © ®
#: or U+203C and up; the tests compare with the bare pattern): the lookahead
#: lets the scan skip plain text ~30 times faster.
_EMOJI = re.compile(f"(?=[#*0-9\xa9\xae\u203c-\U0010ffff])(?:{_TWEMOJI_PATTERN})")


def count_x(text: str) -> Count:
    """X's weighted length (twitter-text v3 ``parseTweet``'s ``weightedLength``)."""
    s = unicodedata.normalize("NFC", _as_posted(text))
    # (start, kind, end); kind 0 (URL) sorts before 1 (emoji) as in parseTweet.
    entities = [(start, 0, end) for start, end in _x_urls(s)]
    if not s.isascii():
        entities.extend((m.start(), 1, m.end()) for m in _EMOJI.finditer(s))
        entities.sort()
    units = links = emoji = double = 0
    pos = 0
    for start, kind, end in entities:
        if start < pos:  # inside an entity already counted
            continue
        plain_units, plain_double = _x_plain(s, pos, start)
        units, double = units + plain_units, double + plain_double
        if kind == 0:
            links += 1
            units += X_URL_WEIGHT * _X_SCALE
        else:
            emoji += 1
            units += _X_DEFAULT_WEIGHT
        pos = end
    plain_units, plain_double = _x_plain(s, pos, len(s))
    used = (units + plain_units) // _X_SCALE
    problems = tuple(
        Message("counting.x_refuses", f"X refuses the character U+{ord(c):04X}.",
                char=f"U+{ord(c):04X}") for c in sorted(set(_X_INVALID_CHARS.findall(s)))
    )
    return Count(Network.X, used, X_LIMIT, Unit.WEIGHTED, used > X_LIMIT,
                 {"links": links, "emoji": emoji, "double_weight": double + plain_double}, problems)


def _x_urls(s: str) -> list[tuple[int, int]]:
    """Spans of the URLs twitter-text finds, looking only at words with a dot."""
    spans: list[tuple[int, int]] = []
    for a, b in _regions(s, _WORD_WITH_DOT):
        spans.extend((a + start, a + end) for start, end in _x_urls_in(s[a:b]))
    return spans


# twitter-text's URL regexes carry JavaScript's ``i`` flag without ``u``, under
# which a character matches a letter only when both upper-case to the same code
# unit, and never a non-ASCII character to an ASCII one (ECMA-262
# Canonicalize). Python's re.IGNORECASE folds with Unicode's simple lower case
# instead, so İ ı ſ (and ϐ ς ẛ ...) match i, s, β, σ, ṡ: "İhttps://canada.ca"
# found no URL (İ is an "i", which may not precede one) and "t.co/abcİ" took
# the İ into the slug. The port's patterns are recompiled case-sensitively
# with each letter and class widened to JavaScript's case partners.

def _js_case_partners() -> dict[str, str]:
    """Each BMP character that has case partners under JavaScript's /i, to all of them."""
    groups: dict[int, list[str]] = {}
    for c in range(0x10000):
        if 0xD800 <= c <= 0xDFFF:
            continue
        upper = chr(c).upper()
        key = ord(upper) if len(upper) == 1 and not (c >= 0x80 > ord(upper)) else c
        groups.setdefault(key, []).append(chr(c))
    return {c: "".join(g) for g in groups.values() if len(g) > 1 for c in g}


_PATTERN_TOKEN = re.compile(r"\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\.|\[(\^?)((?:\\.|[^\]\\])*)\]|.", re.S)


def _js_ignore_case(pattern: re.Pattern[str], partners: dict[str, str]) -> re.Pattern[str]:
    """``pattern`` (written with JavaScript's syntax subset: literals, classes,
    groups, no \\w \\d \\s \\b) matching as JavaScript's /i does."""
    assert pattern.flags & re.IGNORECASE
    cased = "".join(partners)
    widened: dict[str, str] = {}

    def widen(token: re.Match[str]) -> str:
        if token[2] is not None:  # a class: add the partners of its members
            inner = token[2]
            if inner not in widened:
                members = re.compile(f"[{inner}]")
                extra = {p for c in cased if members.match(c) for p in partners[c]}
                last = "\\-" if inner.endswith("-") and not inner.endswith("\\-") else inner[-1:]
                widened[inner] = inner[:-1] + last + re.escape("".join(sorted(extra)))
            return f"[{token[1]}{widened[inner]}]"
        char = token[0]
        if char.startswith("\\"):
            assert not char[1].isalpha() or char[1] in "ux", f"unsupported escape {char}"
            char = chr(int(char[2:], 16)) if char[1] in "ux" else char[1]
        if char in partners:
            return f"[{re.escape(partners[char])}]"
        return token[0]

    return re.compile(_PATTERN_TOKEN.sub(widen, pattern.pattern), pattern.flags & ~re.IGNORECASE)


def _x_url_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    partners = _js_case_partners()
    return (_js_ignore_case(_EXTRACT_URL, partners), _js_ignore_case(_VALID_ASCII_DOMAIN, partners),
            _js_ignore_case(_VALID_TCO_URL, partners))


_X_EXTRACT_URL, _X_VALID_ASCII_DOMAIN, _X_VALID_TCO_URL = _x_url_patterns()


def _x_urls_in(s: str) -> list[tuple[int, int]]:
    """twitter-text's extractUrlsWithIndices (the port's, with JavaScript's case rule)."""
    if "." not in s:
        return []
    spans: list[tuple[int, int]] = []
    for m in _X_EXTRACT_URL.finditer(s):
        before, url, protocol, domain, path = m.group(2, 3, 4, 5, 7)
        end = m.end()
        start = end - len(url)
        ascii_domain = idna_to_ascii(domain)  # isValidUrl: the punycoded URL fits 4 096
        if not ascii_domain or len(protocol or "https://") + len(url) - len(domain) + len(ascii_domain) \
                > _MAX_URL_LENGTH:
            continue
        if protocol is None:
            if _INVALID_URL_WITHOUT_PROTOCOL_PRECEDING.match(before):
                continue
            found = [(start + d.start(), start + d.end()) for d in _X_VALID_ASCII_DOMAIN.finditer(domain)]
            if found and path:  # the last domain takes the path and query
                found[-1] = (found[-1][0], end)
            spans.extend(found)
        else:
            tco = _X_VALID_TCO_URL.match(url)
            if tco:
                if tco.group(1) and len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
                    continue
                end = start + len(tco.group(0))
            spans.append((start, end))
    return spans


def _x_plain(s: str, start: int, end: int) -> tuple[int, int]:
    """Weight (in config units) of s[start:end] outside links and emoji, and how
    many of its code points have the default (double) weight."""
    units = 0
    default = end - start
    for weight, cls in _X_WEIGHT_CLASSES:
        n = len(cls.findall(s, start, end))
        units += n * weight
        default -= n
    return units + default * _X_DEFAULT_WEIGHT, default


# --- Mastodon --------------------------------------------------------------------

#: Mastodon's URL regex: twitter-text's, with the overrides of its
#: config/initializers/twitter_regex.rb (path, path ending, query, schemes).
_MASTODON_PATH_CHAR = f"[^{_WHITE_SPACE}<>()?]"
_MASTODON_PATH_END = (
    f"[^{_WHITE_SPACE}()?!*\"'「」<>;:=,.$%\\[\\]~&|@]|(?:{_TWITTER_BALANCED_PARENS.pattern})"
)
_MASTODON_BALANCED_PARENS = (
    f"\\((?:{_MASTODON_PATH_CHAR}+|(?:{_MASTODON_PATH_CHAR}*\\({_MASTODON_PATH_CHAR}+\\)"
    f"{_MASTODON_PATH_CHAR}*))\\)"
)
_MASTODON_PATH = (
    f"(?:(?:{_MASTODON_PATH_CHAR}*(?:{_MASTODON_BALANCED_PARENS}{_MASTODON_PATH_CHAR}*)*"
    f"(?:{_MASTODON_PATH_END}))|(?:{_MASTODON_PATH_CHAR}+/))"
)
_UCHARS = (
    "\\xa0-\\ud7ff\\uf900-\\ufdcf\\ufdf0-\\uffef"
    + "".join(f"\\U{p:05x}000-\\U{p:05x}fffd" for p in range(0x1, 0x10) if p != 0xE)
    + "\\U000e1000-\\U000efffd\\ue000-\\uf8ff\\U000f0000-\\U000ffffd\\U00100000-\\U0010fffd"
)
_MASTODON_URL = re.compile(
    f"({_VALID_URL_PRECEDING.pattern})"
    f"((?:(https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://)?"
    f"({_VALID_DOMAIN.pattern})"
    f"(?::(?:{_VALID_PORT.pattern}))?"
    f"(?:/{_MASTODON_PATH}*)?"
    f"(?:\\?[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@\\^{_UCHARS}]*[a-z0-9_&=#/\\-{_UCHARS}])?)",
    re.IGNORECASE,
)
_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
#: Ruby's [[:word:]] (Onigmo: letters, marks, decimal digits, connector punctuation).
_WORD = r"\p{L}\p{M}\p{Nd}\p{Pc}"
#: Account::MENTION_RE (app/models/account.rb).
_MASTODON_MENTION = regex.compile(
    rf"(?<![=/{_WORD}])@((?i:[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[{_WORD}]+(?:[.-]+[{_WORD}]+)*)?)"
)
#: twitter-text's end_mention_match: a "mention" followed by these is not one.
_END_MENTION = re.compile(f"[@＠{_LATIN_ACCENTS.pattern}]|://", re.IGNORECASE)
_BLANK = regex.compile(r"\p{White_Space}*")


def count_mastodon(text: str, limits: MastodonLimits = MastodonLimits()) -> Count:
    """Mastodon's length for this instance (StatusLengthValidator#countable_length)."""
    s = _as_posted(text)
    countable, links, mentions = _mastodon_countable(s, limits.characters_reserved_per_url)
    used = _graphemes(countable)
    return Count(Network.MASTODON, used, limits.max_characters, Unit.GRAPHEMES,
                 used > limits.max_characters,
                 {"links": links, "remote_mentions": mentions,
                  "url_weight": limits.characters_reserved_per_url})


def _mastodon_countable(s: str, url_weight: int) -> tuple[str, int, int]:
    """The text with URLs and remote mentions rewritten as Mastodon counts them,
    and how many of each (StatusLengthValidator#countable_text)."""
    if _BLANK.fullmatch(s):  # Ruby's String#blank?
        return "", 0, 0
    # (start, end, what Mastodon counts instead; None for a local @mention,
    # which stays as it is but still hides any entity it overlaps)
    entities: list[tuple[int, int, str | None]] = [
        (start, end, "x" * url_weight) for start, end in _mastodon_urls(s)]
    if "@" in s:
        for m in _MASTODON_MENTION.finditer(s):
            if not _END_MENTION.match(s, m.end()):
                user, _, domain = m.group(1).partition("@")
                entities.append((m.start(), m.end(), "@" + user if domain else None))
    entities.sort(key=lambda e: e[0])
    parts: list[str] = []
    pos = links = mentions = 0
    for start, end, replacement in entities:
        if start < pos:  # Extractor.remove_overlapping_entities
            continue
        parts.append(s[pos:start] if replacement is not None else s[pos:end])
        if replacement is not None:
            parts.append(replacement)
            if s[start] == "@":
                mentions += 1
            else:
                links += 1
        pos = end
    parts.append(s[pos:])
    return "".join(parts), links, mentions


def _mastodon_urls(s: str) -> list[tuple[int, int]]:
    """Spans of URLs with a scheme (Extractor.extract_urls_with_indices with
    ``extract_url_without_protocol: false``)."""
    spans = []
    for a, b in _regions(s, _WORD_WITH_SCHEME):
        spans.extend(_mastodon_urls_in(s, a, b))
    return spans


def _mastodon_urls_in(s: str, a: int, b: int) -> list[tuple[int, int]]:
    spans = []
    for m in _MASTODON_URL.finditer(s, a, b):
        url, protocol, domain = m.group(2), m.group(3), m.group(4)
        if protocol is None:
            continue
        start, end = m.start(2), m.end(2)
        tco = _VALID_TCO_URL.match(url)
        if tco:
            if tco.group(1) and len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
                continue
            end = start + len(tco.group(0))
        ascii_domain = idna_to_ascii(domain)
        if not ascii_domain or (end - start) + max(0, len(ascii_domain) - len(domain)) > _MAX_URL_LENGTH:
            continue
        spans.append((start, end))
    return spans


# --- Bluesky ---------------------------------------------------------------------


def count_bluesky(text: str) -> Count:
    """Bluesky's length: graphemes against 300, and UTF-8 bytes against 3 000."""
    s = _as_posted(text)
    used = _graphemes(s)
    size = len(s.encode("utf-8", "surrogatepass"))
    return Count(Network.BLUESKY, used, BLUESKY_GRAPHEME_LIMIT, Unit.GRAPHEMES,
                 used > BLUESKY_GRAPHEME_LIMIT or size > BLUESKY_BYTE_LIMIT,
                 {"utf8_bytes": size, "utf8_byte_limit": BLUESKY_BYTE_LIMIT})
