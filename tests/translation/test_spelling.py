"""Spell checking in Canadian English and French with the shipped Hunspell dictionaries."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from translation.spelling import DICTIONARIES, SpellChecker, dictionary_dir

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def en() -> SpellChecker:
    return SpellChecker("en")


@pytest.fixture(scope="module")
def fr() -> SpellChecker:
    return SpellChecker("fr")


def words(found) -> list[str]:
    return [m.word for m in found]


def test_dictionaries_ship_with_their_licences():
    folder = dictionary_dir()
    for name in DICTIONARIES.values():
        assert (folder / f"{name}.aff").is_file() and (folder / f"{name}.dic").is_file()
    for licence in ("LICENSE-en_CA.txt", "LICENSE-fr.txt", "MPL-2.0.txt", "SOURCE.md"):
        assert (folder / licence).stat().st_size > 300


# The defect: "afecting" and "fumee" passed silently.
def test_quoted_misspellings_are_flagged_with_offsets_and_suggestions(en, fr):
    text = "Wildfire smoke is afecting air quality."
    [miss] = en.check(text)
    assert (miss.start, miss.end, miss.word) == (18, 26, "afecting")
    assert text[miss.start:miss.end] == "afecting"
    assert en.suggest("afecting")[0] == "affecting"
    [miss] = fr.check("La fumee des feux de forêt.")
    assert miss.word == "fumee" and "fumée" in fr.suggest("fumee")


def test_canadian_spellings(en):
    assert words(en.check("The colour of the centre's organization")) == []
    assert words(en.check("The color of the center")) == ["color", "center"]


def test_french_elisions_compounds_and_abbreviations(fr):
    text = "Aujourd’hui, l’Agence et qu’il peut-être, c.-à-d. etc. M. Tremblay d'Ottawa, Canada-Mexique."
    assert words(fr.check(text)) == ["Tremblay"]


@pytest.mark.parametrize("text", [
    "See https://canada.ca/en/services.html and www.gc.ca today",
    "Follow @CDS_GC and @user@mastodon.social with #GCDigital #NumériqueGC",
    "Write to someone@cds-snc.ca about {first_name} or ((service_name)) in <strong>bold</strong>",
    "COVID-19, Bill C-11, the G7 and 2026",
    "IRCC, CRA and ESDC",
])
def test_addresses_handles_hashtags_placeholders_digits_and_acronyms_are_never_flagged(en, text):
    assert en.check(text) == []


def test_accepted_phrases_are_never_flagged_and_can_be_forgotten():
    checker = SpellChecker("en", ["Canadian Digital Service", "Tandemly"])
    assert checker.check("Tandemly, the Canadian Digital Service") == []
    checker.accept(["zorbify"])
    assert checker.check("Zorbify it") == []  # an all-lowercase entry accepts the capitalised word
    checker.forget(["zorbify"])
    assert words(checker.check("Zorbify it")) == ["Zorbify"]


def test_checkers_share_the_dictionary_but_not_accepted_words():
    one, two = SpellChecker("en", ["Zorbify"]), SpellChecker("en")
    assert one.check("Zorbify") == [] and words(two.check("Zorbify")) == ["Zorbify"]


def test_professional_text_is_rarely_flagged(en, fr):
    """Flags per 100 words on the published CDS headlines (proper names are most of them)."""
    rows = list(csv.DictReader((DATA / "gc-posts" / "cds-headline-pairs.tsv").open(encoding="utf-8"),
                               delimiter="\t"))
    for checker, column in ((en, "en"), (fr, "fr")):
        total = sum(len(r[column].split()) for r in rows)
        flagged = sum(len(checker.check(r[column].replace("&nbsp;", " "))) for r in rows)
        assert flagged / total * 100 < 3, (column, flagged, total)


def test_french_inclusive_writing(fr):
    assert fr.check("les utilisateur·rice·s et les directeur·trice·s") == []


# ----------------------------------------------------------------------------- `tandem spell`


@pytest.fixture
def tandem():
    import io

    from desktop.cli import main as cli_main

    def call(*argv: str) -> tuple[int, str]:
        out = io.StringIO()
        return cli_main.main(list(argv), stdout=out), out.getvalue()
    return call


def test_cli_lists_misspellings_with_offsets_and_suggestions(tandem):
    import json

    code, out = tandem("--json", "spell", "--lang", "en", "Wildfire smoke is afecting air quality.")
    assert code == 1
    [miss] = json.loads(out)
    assert (miss["word"], miss["start"], miss["end"]) == ("afecting", 18, 26)
    assert miss["suggestions"][0] == "affecting"
    code, out = tandem("--json", "spell", "--lang", "fr", "La fumée des feux de forêt.")
    assert (code, json.loads(out)) == (0, [])


def test_cli_personal_and_team_dictionaries(tandem, monkeypatch):
    import json

    monkeypatch.setenv("TANDEM_USER", "alice")
    assert tandem("spell", "--lang", "en", "Zorbify")[0] == 1
    code, out = tandem("spell", "--lang", "en", "--add", "Zorbify")
    assert code == 0 and "added to your dictionary" in out
    assert tandem("spell", "--lang", "en", "Zorbify")[0] == 0
    assert tandem("spell", "--lang", "fr", "Zorbify")[0] == 1  # one language only
    monkeypatch.setenv("TANDEM_USER", "bob")
    assert tandem("spell", "--lang", "en", "Zorbify")[0] == 1  # alice's own word
    code, _ = tandem("spell", "--lang", "en", "--team", "--add", "Quuxly")
    assert code == 2  # bob is no translator: refused
    monkeypatch.setenv("TANDEM_USER", "alice")  # the first user became admin
    assert tandem("spell", "--lang", "en", "--team", "--add", "Quuxly")[0] == 0
    monkeypatch.setenv("TANDEM_USER", "bob")
    code, out = tandem("--json", "spell", "--lang", "en", "Quuxly and Zorbify")
    assert [m["word"] for m in json.loads(out)] == ["Zorbify"]
    monkeypatch.setenv("TANDEM_USER", "alice")
    assert tandem("spell", "--lang", "en", "--remove", "Zorbify")[0] == 0
    assert tandem("spell", "--lang", "en", "Zorbify")[0] == 1


def test_cli_never_flags_termbase_names(tandem):
    import json

    code, out = tandem("--json", "spell", "--lang", "fr", "Le port de Belledune et Zorbify")
    assert [m["word"] for m in json.loads(out)] == ["Zorbify"]


def test_undecodable_input_and_overlong_runs_do_not_break_the_checker(en):
    text = "hello\udcff def afecting " + "x" * 70 + " \U0001F600 smilé"
    assert words(en.check(text)) == ["afecting", "smilé"]
    assert en.suggest("ab\udcffc") == [] and en.suggest("x" * 70) == []


@pytest.mark.parametrize("old,new", [
    ("Smoke is afecting the regin today", "Smoke is afecting the region today"),
    ("Smoke is afecting the region today", "Smoke is afecting the regio today"),
    ("Smoke is afecting the region", "Smoke is afecting the region."),
    ("Smoke is afecting the region", "Smoke is afecting the region today an"),
    ("La fumee des feux, c.-à-d. etc", "La fumee des feux, c.-à-d. etc."),
    ("Visit canada.c", "Visit canada.ca"),
    ("Follow #GCDigita", "Follow #GCDigital"),
    ("Smoke is afecting", "Smoke isn afecting"),
    ("l’eau", "l’eaux"),
])
def test_recheck_after_an_edit_equals_a_full_check(en, fr, old, new):
    for checker in (en, fr):
        assert checker.recheck(old, checker.check(old), new) == checker.check(new)


def test_recheck_while_typing_a_real_paragraph_always_equals_a_full_check(en, fr):
    """Typing the CDS descriptions key by key (with a backspace every 7th key) from an empty pane."""
    rows = list(csv.DictReader((DATA / "gc-posts" / "cds-headline-pairs.tsv").open(encoding="utf-8"),
                               delimiter="\t"))[:12]
    for checker, column in ((en, "en"), (fr, "fr")):
        for row in rows:
            target = row[column].replace("&nbsp;", "\u00a0")
            text, found = "", []
            for i, char in enumerate(target):
                steps = [text + char] + ([text + char + "x", text + char] if i % 7 == 0 else [])
                for new in steps:
                    found = checker.recheck(text, found, new)
                    text = new
                    assert found == checker.check(text), (column, text)
