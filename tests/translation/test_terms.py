"""Termbase: the shipped seed, finding terms in text, checking and fixing translations, TSV files."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from desktop.core.errors import InvalidText
from desktop.core.model import Lang
from translation.formats import TSV, FormatError
from translation.seed import SEED_TSV, load_terms
from translation.terms import (
    ABBREVIATION,
    MISSING,
    NEAR_MISS,
    SPELLING,
    UNTRANSLATED,
    Term,
    Termbase,
)

ROOT = Path(__file__).resolve().parents[2]
IGOC = ROOT / "tests" / "data" / "gc-organizations" / "igoc-names.csv"


@pytest.fixture(scope="module")
def seed() -> Termbase:
    return load_terms()


def derive_module():
    spec = importlib.util.spec_from_file_location("derive_terms", ROOT / "scripts" / "derive_terms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ----------------------------------------------------------------------------- the seed


def test_shipped_seed_is_exactly_what_the_script_derives(tmp_path: Path) -> None:
    derive = derive_module()
    assert derive.main(["derive_terms.py", str(IGOC), str(tmp_path)]) == 0
    shipped = ROOT / "resources" / "terms"
    for name in ("gc-organizations.tsv", "gc-websites.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (shipped / name).read_text(encoding="utf-8"), name


def test_seed_is_clean(seed: Termbase) -> None:
    report = TSV.load(SEED_TSV)
    assert report.skipped == []
    terms = list(seed)
    assert len(terms) == len(report.records) == 392
    assert all(t.en and t.fr for t in terms)
    pairs = [(t.en.casefold(), t.fr.casefold()) for t in terms]
    assert len(pairs) == len(set(pairs))
    assert not any("'" in t.en + t.fr for t in terms)            # typographic apostrophes only
    assert not any(t.en.endswith(", The") or t.en.startswith("The ") for t in terms)


def test_seed_derivation_rules() -> None:
    with IGOC.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    terms, sites = derive_module().derive(rows)
    by_en = {t.en: t for t in terms}
    health = by_en["Health Canada"]
    assert (health.fr, health.concept) == ("Santé Canada", "igoc-127")
    assert health.en_abbr == "" and health.fr_abbr == ""          # HC is also the House of Commons; SC is 2 letters
    assert by_en["Department of Health"].concept == "igoc-127"       # legal title: same concept
    assert (by_en["Canada Revenue Agency"].en_abbr, by_en["Canada Revenue Agency"].fr_abbr) == ("CRA", "ARC")
    cihi = by_en["Canadian Institute for Health Information"]       # "(CIHI)" split off the name
    assert (cihi.fr, cihi.en_abbr, cihi.fr_abbr) == ("Institut canadien d’information sur la santé", "CIHI", "ICIS")
    assert by_en["Canadian Wheat Board"].fr == "Commission canadienne du blé"   # ", The" / ", La" dropped
    assert "Hamilton-Oshawa Port Authority" in by_en                  # source typo corrected
    assert by_en["Royal Canadian Mint"].en_abbr == ""                # "Mint" is a word, not an abbreviation
    parks = next(t for t in terms if t.en == "Parks Canada")
    assert parks.en_abbr == ""                                        # "PC" is too short to match safely
    assert not any(t.en_abbr == "HC" for t in terms)
    assert all(len(t.en_abbr) != 1 for t in terms)
    assert any(m.en == "www.cbsa.gc.ca" and m.fr == "www.asfc.gc.ca" for m in sites)
    assert len(rows) == 332 and len(terms) == 392 and len(sites) == 111


# ----------------------------------------------------------------------------- find


def test_find_is_case_and_accent_insensitive_with_boundaries(seed: Termbase) -> None:
    text = "SANTE CANADA et santé canada, l’Agence du revenu du Canada (ARC) — pas ARCTIQUE ni « la fin »."
    found = seed.find(text, "fr")
    assert [(m.text, m.kind, m.exact) for m in found] == [
        ("SANTE CANADA", "name", False),
        ("santé canada", "name", True),
        ("Agence du revenu du Canada", "name", True),
        ("ARC", "abbr", True),
    ]
    assert text[found[2].start:found[2].end] == "Agence du revenu du Canada"


def test_find_prefers_the_longest_name(seed: Termbase) -> None:
    [match] = seed.find("The Public Health Agency of Canada says…", "en")
    assert match.text == "Public Health Agency of Canada"


def test_find_ignores_handles_hashtags_and_addresses(seed: Termbase) -> None:
    assert seed.find("#CRA @CRA_ARC https://example.com/CRA", "en") == []


def test_find_tolerates_apostrophe_and_space_variants(seed: Termbase) -> None:
    [match] = seed.find("Agence de la santé\u00a0publique du Canada", "fr")
    assert match.term.en == "Public Health Agency of Canada"
    [match] = seed.find("Ministère de l'Agriculture et de l'Agroalimentaire", "fr")
    assert match.exact and match.term.concept == "igoc-1"


def test_abbreviations_are_case_sensitive(seed: Termbase) -> None:
    assert seed.find("C'est la fin du programme.", "fr") == []
    assert [m.text for m in seed.find("Le ministère (FIN) publie", "fr")] == ["FIN"]


# ----------------------------------------------------------------------------- check and apply


def test_wrong_rendering_of_a_name_is_located_and_fixed(seed: Termbase) -> None:
    [finding] = seed.check_translation("Health Canada is hiring.", "Santé du Canada embauche.", "en", "fr")
    assert (finding.kind, finding.expected, finding.target_text) == (NEAR_MISS, "Santé Canada", "Santé du Canada")
    assert finding.fixable
    assert "Santé Canada" in finding.message_en and "«\u00a0Santé Canada\u00a0»" in finding.message_fr
    result = seed.apply("Health Canada is hiring.", "Santé du Canada embauche.", "en", "fr")
    assert result.text == "Santé Canada embauche." and result.flagged == []


def test_untranslated_name_and_abbreviation_are_replaced(seed: Termbase) -> None:
    result = seed.apply("Statistics Canada and the CRA publish data.",
                        "Statistics Canada et la CRA publient des données.", "en", "fr")
    assert result.text == "Statistique Canada et la ARC publient des données."
    assert {f.kind for f in result.applied} == {UNTRANSLATED}


def test_mistranslated_abbreviation_is_replaced(seed: Termbase) -> None:
    result = seed.apply("Contact the CBSA.", "Communiquez avec l’ACSF.", "en", "fr")
    assert result.text == "Communiquez avec l’ASFC."
    assert [f.kind for f in result.applied] == [ABBREVIATION]


def test_missing_term_is_flagged_without_fix(seed: Termbase) -> None:
    result = seed.apply("Contact the CBSA.", "Communiquez avec nous.", "en", "fr")
    assert result.text == "Communiquez avec nous."
    [finding] = result.flagged
    assert finding.kind == MISSING and finding.expected == "ASFC" and not finding.fixable


def test_misspelled_counterpart_is_fixed(seed: Termbase) -> None:
    result = seed.apply("Health Canada", "Sante Canada", "en", "fr")
    assert result.text == "Santé Canada" and result.applied[0].kind == SPELLING


def test_any_form_of_the_concept_passes(seed: Termbase) -> None:
    ok = [
        ("Health Canada", "le ministère de la Santé"),      # legal title, same concept
        ("Canada Revenue Agency", "l’ARC"),                 # abbreviation of the same term
        ("The CRA", "L’Agence du revenu du Canada"),
        ("Canada Post", "Postes Canada"),
    ]
    for en, fr in ok:
        assert seed.check_translation(en, fr, "en", "fr") == [], (en, fr)


def test_french_to_english(seed: Termbase) -> None:
    result = seed.apply("Services partagés Canada (SPC) recrute.", "Shared Services Canada (SPC) is hiring.",
                        "fr", "en")
    assert result.text == "Shared Services Canada (SSC) is hiring."


def test_ambiguous_source_abbreviation_is_not_guessed() -> None:
    base = Termbase([Term("House of Commons", "Chambre des communes", "HC", "CC"),
                     Term("Health Canada", "Santé Canada", "HC", "SC")])
    assert base.check_translation("HC says", "La CC dit", "en", "fr") == []
    assert base.check_translation("HC says", "Rien", "en", "fr") == []


def test_same_language_check_is_refused(seed: Termbase) -> None:
    with pytest.raises(InvalidText):
        seed.check_translation("a", "b", "en", "en-CA")


# ----------------------------------------------------------------------------- model and TSV


def test_terms_need_both_names() -> None:
    with pytest.raises(InvalidText):
        Term("Health Canada", " ")
    assert Term("  Health\tCanada ", "Santé  Canada").en == "Health Canada"


def test_duplicates_merge_abbreviations() -> None:
    base = Termbase([Term("Canada Revenue Agency", "Agence du revenu du Canada"),
                     Term("canada revenue agency", "Agence du Revenu du Canada", "CRA", "ARC")])
    [term] = list(base)
    assert (term.en, term.en_abbr, term.fr_abbr) == ("Canada Revenue Agency", "CRA", "ARC")


def test_tsv_round_trip_and_bad_rows() -> None:
    terms = [Term("Health Canada", "Santé Canada", note="a \"quoted\" note", concept="c1")]
    assert TSV.load(TSV.dump(terms)).records == terms
    report = TSV.load(b"en\tfr\nHealth Canada\t\nA\tB\n")
    assert [t.en for t in report.records] == ["A"]
    assert report.skipped[0].line == 2
    with pytest.raises(FormatError):
        TSV.load(b"english\tfrench\nA\tB\n")
    with pytest.raises(FormatError):
        TSV.load(b"\xff\xfe\x00bad")


def test_lang_argument_accepts_codes(seed: Termbase) -> None:
    assert seed.find("Santé Canada", "fr-CA")[0].lang is Lang.FR
