"""Threads: parts in a version, same count in both languages, "split for me" per network."""

from __future__ import annotations

import re

import pytest

from desktop.core import threads
from desktop.core.counting import count_bluesky, count_mastodon, count_x
from desktop.core.errors import InvalidText
from desktop.core.model import Lang

from .review_desk import Desk

EN = ("The Government of Canada is investing $250 million in rural broadband. "
      "Over 40,000 homes in 120 communities will be connected by 2027! "
      "Mr. Tremblay, the Minister, announced it today in Rimouski. "
      "Applications from internet providers open on March 1 and close on May 31. "
      "Providers must offer at least 50 Mbps download speeds. "
      "Read the program guide at https://ised-isde.canada.ca/site/high-speed-internet-canada/en "
      "to find out who may apply.")
FR = ("Le gouvernement du Canada investit 250 millions de dollars dans l’Internet haute vitesse "
      "en milieu rural. Plus de 40 000 foyers dans 120 collectivités seront branchés d’ici 2027 ! "
      "M. Tremblay, le ministre, l’a annoncé aujourd’hui à Rimouski. "
      "Les demandes des fournisseurs ouvrent le 1er mars et ferment le 31 mai. "
      "Les fournisseurs doivent offrir des vitesses de téléchargement d’au moins 50 Mbit/s. "
      "Consultez le guide du programme à https://ised-isde.canada.ca/site/internet-haute-vitesse-"
      "canada/fr pour savoir qui peut présenter une demande.")

FITS = {"x": lambda t: count_x(t).ok, "bluesky": lambda t: count_bluesky(t).ok,
        "mastodon": lambda t: count_mastodon(t).ok}


def test_parts_are_separated_by_a_dash_line():
    text = threads.join(["First part.", "Second part."])
    assert text == "First part.\n\n---\n\nSecond part."
    assert threads.parts(text) == ["First part.", "Second part."]
    assert threads.parts("one\n  ---  \ntwo\n---\n\n---\nthree") == ["one", "two", "three"]
    assert threads.parts("no separator -- here --- inline") == ["no separator -- here --- inline"]
    assert threads.parts("") == []


def test_same_count_rule():
    threads.check_same_count("a\n---\nb", "c\n---\nd")
    with pytest.raises(InvalidText, match="English post has 2 part.*French post 1"):
        threads.check_same_count("a\n---\nb", "c")


def test_sentences_respect_titles_initials_and_french_spacing():
    assert threads.sentences("Bonjour « M. Tremblay » ! Ça va ? J. Smith a dit oui. Fin") == [
        "Bonjour « M. Tremblay » !", "Ça va ?", "J. Smith a dit oui.", "Fin"]


@pytest.mark.parametrize("network", ["x", "bluesky"])
def test_split_for_me_gives_both_languages_the_same_numbered_parts_that_fit(network):
    fits = FITS[network]
    assert not fits(EN) and not fits(FR)
    en, fr = threads.split_pair(EN, FR, fits)
    assert len(en) == len(fr) >= 2
    n = len(en)
    for lang_parts in (en, fr):
        for i, part in enumerate(lang_parts, 1):
            assert fits(part), part
            assert part.endswith(f" {i}/{n}")
    # cuts fall between sentences: each part (without its number) ends like a sentence
    for part in en[:-1]:
        assert re.search(r"[.!?] \d+/\d+$", part), part
    # nothing lost, nothing added but the numbers
    def strip(pieces: list[str]) -> str:
        return " ".join(re.sub(r" \d+/\d+$", "", p) for p in pieces)
    assert strip(en) == EN and strip(fr) == FR


def test_text_that_fits_is_not_split_or_numbered():
    assert threads.split_for("Short.", FITS["x"]) == ["Short."]


def test_a_long_sentence_is_cut_at_words():
    long = " ".join(["word"] * 200) + "."
    pieces = threads.split_for(long, FITS["x"])
    assert all(FITS["x"](p) for p in pieces) and len(pieces) >= 4
    assert " ".join(re.sub(r" \d+/\d+$", "", p) for p in pieces) == long


def test_the_shorter_language_is_spread_over_as_many_parts():
    en, fr = threads.split_pair(EN, "Court. Très court.", FITS["x"])
    assert len(en) == len(fr) and fr[-1].endswith(f"/{len(en)}")


def test_review_refuses_a_sign_off_when_part_counts_differ(tmp_path):
    desk = Desk(tmp_path)
    desk.grant(bob="translator")
    post = desk("alice").posts.create(threads.join(["One.", "Two."]), "Un et deux.").post
    with pytest.raises(InvalidText, match="same number of parts"):
        desk("bob").review.sign(post.id, Lang.EN)
    desk("alice").posts.edit(post.id, Lang.FR, threads.join(["Un.", "Deux."]))
    desk("bob").review.sign(post.id, Lang.EN)
    desk.close()
