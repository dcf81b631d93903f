"""QA (issue 13): names with digits are not numbers; text in the other language is a finding."""

from __future__ import annotations

import pytest

from translation.qa import CHECKS, WARNING, check_pair


def checks_of(findings) -> list[str]:
    return [f.check for f in findings]


# The defect: "COVID-19" was a number mismatch when the other language says "COVID".
@pytest.mark.parametrize("en,fr", [
    ("COVID-19 cases are rising in Ottawa.", "Les cas de COVID sont en hausse à Ottawa."),
    ("Bill C-11 received royal assent.", "Le projet de loi a reçu la sanction royale."),
    ("Leaders meet at the G7 summit.", "Les dirigeants se réunissent au sommet."),
    ("The H1N1 and COVID19 vaccines are free.", "Les vaccins sont gratuits."),
])
def test_names_with_digits_are_not_numbers(en, fr):
    assert "number" not in checks_of(check_pair(en, fr, checks=["number"]))


@pytest.mark.parametrize("en,fr", [
    ("Apply by March 3: 5 spots left.", "Postulez d’ici le 3 mars : 4 places restantes."),
    ("Our top-10 tips", "Nos conseils"),  # a lowercase word hyphened to a number is no name
    ("Bill C-11 has 5 parts.", "Le projet de loi C-11 compte 6 parties."),
])
def test_real_number_mismatches_are_still_found(en, fr):
    assert "number" in checks_of(check_pair(en, fr, checks=["number"]))


def test_units_glued_after_digits_still_count_on_both_sides():
    assert check_pair("It is 108px wide.", "Elle fait 108 px de large.", checks=["number"]) == []


# The defect: French typed into the English pane passed.
def test_french_in_the_english_pane_is_a_finding():
    en = "La fumée des feux de forêt touche la qualité de l’air à Ottawa."
    fr = "La fumée des feux de forêt touche la qualité de l’air à Ottawa."
    [finding] = check_pair(en, fr, checks=["language"])
    assert (finding.check, finding.severity) == ("language", WARNING)
    assert finding.span_en == (0, len(en)) and finding.span_fr is None
    assert "French" in finding.message_en and "français" in finding.message_fr


def test_english_in_the_french_pane_is_a_finding():
    en = "Wildfire smoke is affecting air quality in Ottawa."
    [finding] = check_pair(en, en, checks=["language"])
    assert finding.span_fr == (0, len(en)) and finding.span_en is None


def test_right_languages_and_short_texts_pass():
    assert check_pair("Wildfire smoke is affecting air quality.", "La fumée touche la qualité de l’air.",
                      checks=["language"]) == []
    assert check_pair("OK", "D’accord", checks=["language"]) == []


def test_language_check_is_listed_and_runs_by_default():
    assert "language" in CHECKS
    en = "La fumée des feux de forêt touche la qualité de l’air à Ottawa."
    assert "language" in checks_of(check_pair(en, "La fumée des feux de forêt touche la qualité de l’air."))
