"""QA checks between English and French versions, and their false-positive rate on real GC pairs."""

from __future__ import annotations

import csv
import html
import re
from collections import Counter
from pathlib import Path

import pytest

from desktop.core.errors import InvalidText
from desktop.core.model import Lang
from translation.mappings import Mapping, MappingTable
from translation.qa import CHECKS, ERROR, INFO, NBSP, NNBSP, WARNING, Finding, Fix, apply_fix, check_pair
from translation.seed import load_mappings, load_terms

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def mappings() -> MappingTable:
    return load_mappings()


@pytest.fixture(scope="module")
def termbase():
    return load_terms()


def checks_of(findings: list[Finding]) -> list[str]:
    return [f.check for f in findings]


# ----------------------------------------------------------------------------- clean pairs


@pytest.mark.parametrize("en,fr", [
    ("Grants of $1,500.50 are up 5% since November 22, 2026.",
     f"Les subventions de 1{NBSP}500,50{NBSP}$ ont augmenté de 5{NBSP}% depuis le 22 novembre 2026."),
    ("Doors open at 8:30 p.m. and 9 a.m.", f"Ouverture à 20{NBSP}h{NBSP}30 et à 9{NBSP}h."),
    ("Open 9–11 a.m., closed at noon.", f"Ouvert de 9{NBSP}h à 11{NBSP}h, fermé à midi."),
    ("Meeting on 2026-11-22 at 10:30.", f"Réunion le 22 novembre 2026 à 22{NBSP}h{NBSP}30."),
    ("Deadline: Nov. 1st", f"Date limite{NBSP}: 1er nov."),
    ("Three tips for the 2nd round", "3 conseils pour la deuxième ronde"),
    ("$12,345,678 in 2019", f"12{NNBSP}345{NNBSP}678{NBSP}$ en 2019"),
    ("Our 2023-24 plan, open 24/7", "Notre plan 2023-2024, ouvert 24 heures sur 24, 7 jours sur 7"),
    ("Call 1-800-959-8281 before 7.55am.", "Composez le 1 800 959-8281 avant 7 heures 55."),
    ("This afternoon, for 5 hours", "Cet après-midi, pendant 5 heures"),
    ("See https://www.canada.ca/en/services/benefits.html", "Voir https://www.canada.ca/fr/services/prestations.html"),
    ("Thanks @DFO_MPO! 🎉", "Merci @DFO_MPO! 🎉"),
    ("Is it ready? Yes!", "Est-ce prêt? Oui!"),                      # Canadian usage: no space before ? !
    ("He said “hello”.", f"Il a dit «{NBSP}bonjour{NBSP}»."),
    ("Visit https://canada.ca: it’s 10:30", f"Visitez https://canada.ca{NBSP}: il est 10{NBSP}h{NBSP}30"),
])
def test_clean_pairs_have_no_findings(en: str, fr: str, mappings: MappingTable, termbase) -> None:
    assert check_pair(en, fr, mappings=mappings, termbase=termbase) == []


# ----------------------------------------------------------------------------- numbers, times, dates


def test_number_mismatch() -> None:
    [finding] = check_pair("We hired 1,500 people.", f"Nous avons embauché 1{NBSP}600 personnes.")
    assert (finding.check, finding.severity, finding.span_en, finding.span_fr) == ("number", ERROR, (9, 14), (20, 25))
    assert "1,500" in finding.message_en and "«\u00a01,500\u00a0»" in finding.message_fr
    assert finding.fix is None


def test_number_only_in_one_version() -> None:
    [finding] = check_pair("Read our 10 tips.", "Lisez nos conseils.")
    assert finding.check == "number" and finding.span_en == (9, 11) and finding.span_fr is None


def test_english_style_amounts_in_french_are_fixed() -> None:
    en, fr = "Grants of $1,500.50 are up 5%.", "Subventions de $1,500.50, en hausse de 5%."
    findings = check_pair(en, fr)
    assert checks_of(findings) == ["fr-format", "fr-format"]
    for finding in reversed(findings):
        en, fr = apply_fix(en, fr, finding.fix)
    assert fr == f"Subventions de 1{NBSP}500,50{NBSP}$, en hausse de 5{NBSP}%."
    assert check_pair(en, fr) == []


def test_french_comma_thousands_is_a_format_error_not_a_different_number() -> None:
    [finding] = check_pair("$1,500", "1,500 $")
    assert finding.check == "fr-format" and finding.fix.replacement == f"1{NBSP}500{NBSP}$"


def test_time_mismatch_and_english_time_in_french() -> None:
    [finding] = check_pair("at 8:30 p.m.", f"à 21{NBSP}h{NBSP}30")
    assert finding.check == "time"
    [finding] = check_pair("at 8:30 p.m.", "à 8:30 p.m.")
    assert finding.check == "fr-format" and finding.fix.replacement == f"20{NBSP}h{NBSP}30"


def test_date_mismatch() -> None:
    [finding] = check_pair("Apply by November 22, 2026.", "Postulez d’ici le 23 novembre 2026.")
    assert finding.check == "date" and finding.span_en == (9, 26) and finding.span_fr == (18, 34)
    assert check_pair("You may 5", "Vous pouvez 5") == []        # "may" is no month in running English


# ----------------------------------------------------------------------------- links, tags, emoji


def test_url_in_the_wrong_language_is_fixed_from_the_table(mappings: MappingTable) -> None:
    en = "Visit https://www.canada.ca/en/health-canada.html"
    fr = "Visitez https://www.canada.ca/en/health-canada.html"
    [finding] = check_pair(en, fr, mappings=mappings)
    assert finding.check == "url-lang" and finding.span_fr == (8, 51)
    assert apply_fix(en, fr, finding.fix)[1] == "Visitez https://www.canada.ca/fr/sante-canada.html"


def test_unverified_url_swap_has_no_fix() -> None:
    [finding] = check_pair("See canada.ca/en/services/benefits.html", "Voir canada.ca/en/services/benefits.html")
    assert finding.check == "url-lang" and finding.fix is None


def test_english_version_pointing_at_french_page() -> None:
    [finding] = check_pair("See https://www.tpsgc-pwgsc.gc.ca/bt-tb/index-fra.html",
                           "Voir https://www.tpsgc-pwgsc.gc.ca/bt-tb/index-fra.html")
    assert finding.check == "url-lang" and finding.span_en is not None
    assert finding.fix == Fix(Lang.EN, 4, 54, "https://www.tpsgc-pwgsc.gc.ca/bt-tb/index-eng.html")


def test_missing_link() -> None:
    [finding] = check_pair("See https://example.com/report", "Voir le rapport")
    assert finding.check == "url" and finding.severity == WARNING


def test_mapped_mentions_and_hashtags(mappings: MappingTable) -> None:
    en, fr = "Thanks @GovCanHealth #GCDigital", "Merci @GovCanHealth #GCDigital"
    findings = check_pair(en, fr, mappings=mappings)
    assert checks_of(findings) == ["hashtag", "mention"]
    for finding in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        en, fr = apply_fix(en, fr, finding.fix)
    assert fr == "Merci @GouvCanSante #NumériqueGC"
    assert check_pair(en, fr, mappings=mappings) == []


def test_unknown_pairs_are_info_and_missing_ones_warnings() -> None:
    findings = check_pair("#Innovation rocks", "#Innovation c’est génial")
    assert findings == []
    findings = check_pair("#CanadaDay", "#FêteDuCanada")
    assert [(f.check, f.severity) for f in findings] == [("hashtag", INFO), ("hashtag", INFO)]
    assert check_pair("#CanadaDay", "#FêteDuCanada", mappings=MappingTable(
        [Mapping("hashtag", "#CanadaDay", "#FêteDuCanada")])) == []
    [finding] = check_pair("Thanks @someone", "Merci")
    assert (finding.check, finding.severity) == ("mention", WARNING)


def test_emoji_must_match() -> None:
    [finding] = check_pair("Happy Canada Day 🇨🇦🎉", "Bonne fête du Canada 🎉")
    assert finding.check == "emoji" and finding.span_en == (17, 19)
    assert check_pair("Love ❤️", "Amour ❤") == []                # variation selector ignored


# ----------------------------------------------------------------------------- French typography


def test_missing_nbsp_before_colon_is_inserted() -> None:
    en, fr = "Note: ready", "Remarque: prêt"
    [finding] = check_pair(en, fr)
    assert (finding.check, finding.span_fr, finding.fix) == ("fr-nbsp", (8, 8), Fix(Lang.FR, 8, 8, NBSP))
    assert apply_fix(en, fr, finding.fix)[1] == f"Remarque{NBSP}: prêt"


def test_breakable_spaces_are_replaced() -> None:
    findings = check_pair("Really? “Yes”", "Vraiment ? « Oui »")
    assert [(f.span_fr, f.fix.replacement) for f in findings] == [
        ((8, 9), NNBSP), ((12, 13), NBSP), ((16, 17), NBSP),
    ]
    thin = check_pair("“Yes”", "«\u2009Oui\u2009»")
    assert [f.severity for f in thin] == [INFO, INFO]        # right intent, but U+2009 still breaks


def test_colons_that_are_not_punctuation_are_left_alone() -> None:
    fr = f"À 10:30, voir https://canada.ca/fr et le ratio 2:1 ou http://x.ca{NBSP}: fin"
    assert list(check_pair("At 10:30, see https://canada.ca/en, ratio 2:1 or http://x.ca: end", fr,
                           checks=["fr-nbsp"])) == []


def test_france_style_requires_narrow_space_before_question_mark() -> None:
    assert check_pair("Ready?", "Prêt?") == []
    [finding] = check_pair("Ready?", "Prêt?", typography="france")
    assert finding.fix == Fix(Lang.FR, 4, 4, NNBSP)


def test_html_entities_are_flagged_and_fixed() -> None:
    [finding] = check_pair("Hi", "Bonjour&nbsp;!")
    assert finding.check == "html-entity" and finding.fix == Fix(Lang.FR, 7, 13, NBSP)


# ----------------------------------------------------------------------------- terms, options


def test_terms_when_a_termbase_is_given(termbase) -> None:
    [finding] = check_pair("Health Canada is hiring.", "Santé du Canada embauche.", termbase=termbase)
    assert finding.check == "term" and finding.fix == Fix(Lang.FR, 0, 15, "Santé Canada")
    [finding] = check_pair("Health of Canada is hiring.", "Santé Canada embauche.", termbase=termbase,
                           source_lang="fr")
    assert finding.fix == Fix(Lang.EN, 0, 16, "Health Canada")


def test_checks_option_and_bilingual_messages() -> None:
    findings = check_pair("Note: 5 items", "Remarque: 6 articles", checks=["number"])
    assert checks_of(findings) == ["number"]
    assert findings[0].message("fr-CA") == findings[0].message_fr
    assert set(CHECKS) >= {"number", "time", "date", "url", "url-lang", "hashtag", "mention", "emoji",
                           "fr-nbsp", "fr-format", "html-entity", "term"}
    assert all(en and fr for en, fr in CHECKS.values())
    with pytest.raises(InvalidText):
        check_pair("a", "b", checks=["spelling"])
    with pytest.raises(InvalidText):
        check_pair("a", "b", typography="belgium")


# ----------------------------------------------------------------------------- real GC pairs


def real_pairs() -> list[tuple[str, str, str, str]]:
    """(dataset, row, en, fr) for every gc-posts pair and every GC Notify string pair.

    Both are published HTML, so entities are unescaped (``&nbsp;`` renders as
    U+00A0 on the site); Notify's ``1<sup>er</sup>`` superscripts lose their
    tags. Nothing else is changed.
    """
    pairs = []
    with (DATA / "gc-posts" / "cds-headline-pairs.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            pairs.append(("posts", f"{row['translationKey']}/{row['field']}",
                          html.unescape(row["en"]), html.unescape(row["fr"])))
    sup = re.compile(r"</?sup>")
    with (DATA / "gc-notify-strings" / "notify-admin-en-fr.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        for en, fr in reader:
            if reader.line_num > 2:   # header, then a note to developers
                pairs.append(("notify", f"line {reader.line_num}",
                              sup.sub("", html.unescape(en)), sup.sub("", html.unescape(fr))))
    return pairs


#: Every non-typography finding on the real pairs, each checked by hand: all are real differences
#: between the published English and French (none is a false positive of the checker).
KNOWN_TRUE = sorted([
    # French drops "10" ("10 key storytelling ingredients" → "les ingrédients clés").
    ("posts", "blog-brainstorm-activity/description", "number", "10"),
    # The French "description" is a different paragraph from the English one (source misalignment).
    ("posts", "blog-covid-updates-3yrs/description", "date", "mars 2020"),
    ("posts", "blog-covid-updates-3yrs/description", "url",
     "https://articles.alpha.canada.ca/cds-snc/fr/2023/03/23/blog-covid-updates-3yrs/"),
    ("posts", "blog-covid-updates-3yrs/description", "term", "Health Canada"),
    # English says "Shared Services Canada (SCC)": SCC is the Supreme Court; the abbreviation is SSC.
    ("posts", "blog-cyber-safe-sherry/description", "term", "SCC"),
    # "10 tips" → "des conseils"; "20-plus benefits" → "les plus de prestations" (the 20 is lost).
    ("posts", "blog-retro-facilitation-tips/description", "number", "10"),
    ("posts", "discovery-phase-understanding-the-problem/description", "number", "20"),
    # French keeps "Services partagés Canada (SSC)": the French abbreviation is SPC.
    ("notify", "line 1177", "term", "SSC"),
    # French adds an example ("moins de 18 ans", condition "moinsde18ans") absent from the English.
    ("notify", "line 1309", "number", "18"),
    ("notify", "line 1309", "number", "18"),
    # "Not a valid international/local number" → "Le numéro doit comporter 10 chiffres."
    ("notify", "line 1357", "number", "10"),
    ("notify", "line 1358", "number", "10"),
    # "(April 1 to March 31)" → "par exercice financier": a paraphrase a reviewer dismisses.
    ("notify", "line 1822", "date", "April 1"),
    ("notify", "line 1822", "date", "March 31"),
    # English links to relative "/contact" and "/security"; French to absolute notification.canada.ca pages.
    ("notify", "line 2029", "url", "https://notification.canada.ca/contact"),
    ("notify", "line 2039", "url", "https://notification.canada.ca/securite"),
    # AWS terms: an HTML page in English, a dated PDF on another host in French.
    ("notify", "line 2040", "url", "https://aws.amazon.com/service-terms/"),
    ("notify", "line 2040", "url",
     "https://d1.awsstatic.com/legal/awsserviceterms/AWS_Service_Terms_2023.02.27_FR-FR.pdf"),
    # Never translated: the French column holds the English string behind an "FR" marker.
    ("notify", "line 2296", "language", "FR Filter templates by type"),
    ("notify", "line 2426", "language", "FR This message is too long to send with your remaining daily limit"),
    ("notify", "line 2427", "language", "FR This message is too long to send with your remaining annual limit"),
])

#: fr-nbsp findings measured on the real pairs (dataset, severity) → count; every one is checked
#: below to be a real breakable or missing space (mostly a plain space before ":" or inside « »,
#: and Notify's thin spaces U+2009 inside « », reported as info).
NBSP_MEASURED = {("posts", WARNING): 68, ("posts", INFO): 7, ("notify", WARNING): 17, ("notify", INFO): 68}


def test_real_gc_pairs_finding_rate(mappings: MappingTable, termbase) -> None:
    pairs = real_pairs()
    assert Counter(dataset for dataset, *_ in pairs) == {"posts": 232, "notify": 2504}
    found = []
    nbsp = Counter()
    for dataset, row, en, fr in pairs:
        for f in check_pair(en, fr, mappings=mappings, termbase=termbase):
            if f.check == "fr-nbsp":
                nbsp[(dataset, f.severity)] += 1
                start, end = f.span_fr
                if start == end:      # missing: nothing non-breaking on that side already
                    assert fr[start - 1:start] not in (NBSP, NNBSP) and fr[start:start + 1] not in (NBSP, NNBSP)
                else:                 # breakable space where a non-breaking one belongs
                    assert fr[start:end] in (" ", "\u2009")
                assert f.fix is not None
                continue
            span = f.span_en or f.span_fr
            text = (en if f.span_en else fr)[span[0]:span[1]]
            found.append((dataset, row, f.check, text))
    assert sorted(found) == KNOWN_TRUE
    for key, measured in NBSP_MEASURED.items():
        assert nbsp[key] <= measured, key
    # 21 content findings over 2,736 real pairs (0.77 %), none false.
    assert len(found) / len(pairs) < 0.008
