"""Language check: French typed into the English pane (and the reverse) is caught, real text is not."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.core.model import Lang
from translation.language_check import detect, prose, wrong_language

DATA = Path(__file__).resolve().parents[1] / "data"


# The defect: French typed into the English pane passed.
def test_french_in_the_english_pane_is_caught():
    found = wrong_language("La fumée des feux de forêt touche la qualité de l’air.", Lang.EN)
    assert found is not None and found.lang is Lang.FR and found.probability >= 0.9
    assert wrong_language("Wildfire smoke is affecting air quality in Ottawa.", Lang.FR).lang is Lang.EN


def test_text_in_the_right_language_passes():
    assert wrong_language("Wildfire smoke is affecting air quality in Ottawa.", Lang.EN) is None
    assert wrong_language("La fumée des feux de forêt touche la qualité de l’air.", Lang.FR) is None


@pytest.mark.parametrize("text", ["OK", "Canada 2026", "#GCDigital @CDS_GC https://canada.ca/fr/sante-canada.html",
                                  "Bonjour {name}"])
def test_short_texts_and_entities_are_not_judged(text):
    assert detect(text) is None


def test_addresses_and_placeholders_are_set_aside():
    assert "canada" not in prose("Lisez https://canada.ca/fr/x.html {name} <b>x</b>")
    text = "Read the news at https://canada.ca/fr/nouvelles-sante-publique-francais.html today, friends"
    assert detect(text).lang is Lang.EN


def test_real_headlines_are_all_recognised():
    """The CDS blog's published headlines and descriptions: no wrong call, (nearly) all detected."""
    rows = list(csv.DictReader((DATA / "gc-posts" / "cds-headline-pairs.tsv").open(encoding="utf-8"),
                               delimiter="\t"))
    wrong = detected = 0
    for row in rows:
        for lang in (Lang.EN, Lang.FR):
            found = detect(row[lang.value].replace("&nbsp;", " "))
            detected += found is not None and found.lang is lang
            wrong += found is not None and found.lang is not lang
    assert wrong == 0
    assert detected >= 0.98 * 2 * len(rows)



def test_quoted_passages_in_the_other_language_do_not_count():
    """GC Notify's writing guide quotes the French wording to avoid inside an English string."""
    en = ("Use simple words and avoid jargon. For example, instead of 'Le dossier sera traité conformément "
          "au principe de caducité, qu'il s'agisse d'un passeport' use 'Le dossier sera fermé'.")
    assert wrong_language(en, Lang.EN) is None
    assert "dossier" not in prose(en)
