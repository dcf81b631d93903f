"""Handle, hashtag and web-address pairs: finding them, the address language rule, apply, CSV."""

from __future__ import annotations

import pytest

from desktop.core.errors import InvalidText
from desktop.core.model import Lang
from translation.formats import CSV, FormatError
from translation.mappings import (
    Mapping,
    MappingKind,
    MappingTable,
    find_entities,
    url_key,
    url_lang,
)
from translation.seed import load_mappings


@pytest.fixture
def table() -> MappingTable:
    return MappingTable([
        Mapping("handle", "@GovCanHealth", "@GouvCanSante"),
        Mapping("hashtag", "GCDigital", "NumériqueGC"),
        Mapping("url", "https://www.canada.ca/en/health-canada.html", "https://www.canada.ca/fr/sante-canada.html"),
        Mapping("url", "https://digital.canada.ca", "https://numerique.canada.ca"),
    ])


def test_find_entities() -> None:
    text = ("Suivez @GovCanHealth, @cds.bsky.social et @a@mastodon.social. #NumériqueGC! "
            "Écrivez à info@canada.ca ou voyez canada.ca/fr/sante-canada.html. C# &#39; #1 https://x.ca/#frag")
    found = [(e.kind.value, e.text) for e in find_entities(text)]
    assert found == [
        ("handle", "@GovCanHealth"), ("handle", "@cds.bsky.social"), ("handle", "@a@mastodon.social"),
        ("hashtag", "#NumériqueGC"), ("url", "canada.ca/fr/sante-canada.html"), ("url", "https://x.ca/#frag"),
    ]


@pytest.mark.parametrize("url,lang", [
    ("https://www.canada.ca/en/health-canada.html", Lang.EN),
    ("canada.ca/fr/sante-canada.html", Lang.FR),
    ("https://www.tpsgc-pwgsc.gc.ca/bt-tb/index-eng.html", Lang.EN),
    ("https://www.cnsc-ccsn.gc.ca/fra/", Lang.FR),
    ("http://www.example.gc.ca/page_f.html", Lang.FR),
    ("https://www.cbsa-asfc.gc.ca/menu.html?lang=eng", Lang.EN),
    ("https://www.canada.ca/", None),
    ("https://www.canada.ca/en/x.html?lang=fra", None),   # markers disagree
    ("https://github.com/cds-snc/notification", None),
])
def test_url_lang(url: str, lang: Lang | None) -> None:
    assert url_lang(url) is lang


def test_url_counterparts(table: MappingTable) -> None:
    listed = table.url_counterpart("canada.ca/en/health-canada.html", "en", "fr")
    assert (listed.url, listed.verified) == ("www.canada.ca/fr/sante-canada.html", True)
    swapped = table.url_counterpart("https://www.canada.ca/en/services/benefits.html", "en", "fr")
    assert (swapped.url, swapped.verified) == ("https://www.canada.ca/fr/services/benefits.html", False)
    suffix = table.url_counterpart("https://www.tpsgc-pwgsc.gc.ca/bt-tb/index-eng.html", "en", "fr")
    assert (suffix.url, suffix.verified) == ("https://www.tpsgc-pwgsc.gc.ca/bt-tb/index-fra.html", True)
    home = table.url_counterpart("https://www.pbo-dpb.gc.ca/fr/", "fr", "en")
    assert (home.url, home.verified) == ("https://www.pbo-dpb.gc.ca/en/", True)
    assert table.url_counterpart("https://example.com/en/page", "en", "fr") is None   # not a GC site
    assert table.url_counterpart("https://www.canada.ca/fr/x.html", "en", "fr") is None  # already French


def test_counterpart_is_case_insensitive_for_handles_and_hashtags(table: MappingTable) -> None:
    assert table.counterpart("handle", "@govcanhealth", "en", "fr") == "@GouvCanSante"
    assert table.counterpart(MappingKind.HASHTAG, "#numériquegc", Lang.FR, Lang.EN) == "#GCDigital"
    assert table.counterpart("handle", "@Someone", "en", "fr") is None


def test_apply_swaps_everything_it_knows(table: MappingTable) -> None:
    result = table.apply("Suivez @GovCanHealth #GCDigital https://www.canada.ca/en/health-canada.html "
                         "et canada.ca/en/services.html @Autre", "en", "fr")
    assert result.text == ("Suivez @GouvCanSante #NumériqueGC https://www.canada.ca/fr/sante-canada.html "
                           "et canada.ca/fr/services.html @Autre")
    assert [(r.old, r.verified) for r in result.replacements] == [
        ("@GovCanHealth", True), ("#GCDigital", True),
        ("https://www.canada.ca/en/health-canada.html", True), ("canada.ca/en/services.html", False),
    ]


def test_same_site(table: MappingTable) -> None:
    assert table.same_site("https://digital.canada.ca/a11y/", "https://numerique.canada.ca/a11y/")
    assert table.same_site("https://www.canada.ca/sign-in", "canada.ca/connexion")
    assert not table.same_site("https://aws.amazon.com/x", "https://d1.awsstatic.com/y")


def test_first_pair_wins(table: MappingTable) -> None:
    assert table.add(Mapping("handle", "@GovCanHealth", "@Autre")) is False
    assert table.counterpart("handle", "@GovCanHealth", "en", "fr") == "@GouvCanSante"


@pytest.mark.parametrize("kind,en,fr", [
    ("handle", "@bad handle", "@ok"),
    ("hashtag", "#", "#ok"),
    ("hashtag", "#123", "#ok"),
    ("url", "not a url", "https://canada.ca"),
    ("emoji", "a", "b"),
    ("handle", "@ok", "@evil\u202e"),
])
def test_invalid_mappings(kind: str, en: str, fr: str) -> None:
    with pytest.raises(InvalidText):
        Mapping(kind, en, fr)


def test_csv_round_trip_and_bad_rows() -> None:
    mappings = [Mapping("handle", "@A", "@B", "note, with comma"), Mapping("url", "canada.ca/en", "canada.ca/fr")]
    assert CSV.load(CSV.dump(mappings)).records == mappings
    report = CSV.load(b"kind,en,fr\nhandle,@A,@B\nhandle,@A,@C\nsmiley,:),:(\nhashtag,#x,#y\n")
    assert [m.en for m in report.records] == ["@A", "#x"]
    assert [line for line, _ in report.skipped] == [3, 4]
    with pytest.raises(FormatError, match="column"):
        CSV.load(b"a,b\n1,2\n")


def test_url_key() -> None:
    assert url_key("https://www.Canada.ca/en/") == url_key("canada.ca/en") == "canada.ca/en"


def test_shipped_seed_loads() -> None:
    table = load_mappings()
    assert len(table) > 100
    assert table.counterpart("handle", "@CanRevAgency", "en", "fr") == "@AgenceRevCan"
    assert table.counterpart("url", "www.cbsa.gc.ca", "en", "fr") == "www.asfc.gc.ca"
    assert all("Example seed" in m.note for m in table if m.kind is not MappingKind.URL or "IGOC" not in m.note)
