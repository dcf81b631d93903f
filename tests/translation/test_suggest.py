"""Suggestions: memory before machine translation, provenance per part, corrections, alternatives.

Real parts throughout: installed tiny Argos packages (random weights, so
machine output is noise and only its properties are checked), the shipped
termbase and mapping seeds, a real TranslationMemory.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from desktop.core.errors import InvalidText
from desktop.core.model import Lang, Origin
from translation.engine import NothingToTranslate, TranslationError, Translator
from translation.mappings import MappingTable
from translation.memory import MemoryUnit, TranslationMemory
from translation.seed import load_mappings, load_terms
from translation.suggest import Suggester, correct_machine_output, target_position
from translation.terms import MISSING, Termbase

FLU_EN = "Get your flu shot this fall."
FLU_FR = "Faites-vous vacciner contre la grippe cet automne."
MORE_EN = "Learn more about vaccines at your local clinic."
MORE_FR = "Renseignez-vous sur les vaccins auprès de votre clinique."


@pytest.fixture(scope="module")
def seeds() -> tuple[Termbase, MappingTable]:
    return load_terms(), load_mappings()


def memory(*pairs: tuple[str, str], origin: str = "approved", ref: str = "post:7") -> TranslationMemory:
    return TranslationMemory(MemoryUnit(Lang.EN, en, Lang.FR, fr, origin=origin, source_ref=ref,
                                        created_at=f"2026-01-0{i + 1}T00:00:00Z")
                             for i, (en, fr) in enumerate(pairs))


def covered(suggestion, origin: Origin) -> int:
    return sum(s.end - s.start for s in suggestion.spans if s.origin is origin)


# -- memory first --------------------------------------------------------------------


def test_an_exact_whole_text_match_is_reused_verbatim_without_any_model(pkg_dir):
    text = f"{FLU_EN} {MORE_EN}"
    official = f"{FLU_FR} {MORE_FR}"
    suggester = Suggester(Translator(), memory((text, official)))
    result = suggester.suggest(f"  {text}\n", "en", "fr")  # surrounding white space is kept
    assert result.text == f"  {official}\n" and result.origin is Origin.MEMORY
    (span,) = result.spans
    assert (span.start, span.end, span.origin) == (2, 2 + len(official), Origin.MEMORY)
    assert span.detail == {"score": 100.0, "source_ref": "post:7", "memory_origin": "approved"}
    assert result.models == () and result.corrections == () and result.alternatives == ()


def test_exact_sentences_come_from_memory_the_rest_from_one_model_call(both_pairs):
    source = f"{FLU_EN} Bring your health card.\n\n{MORE_EN}"
    result = Suggester(Translator(), memory((MORE_EN, MORE_FR))).suggest(source, Lang.EN, Lang.FR)
    assert [p.origin for p in result.parts] == [Origin.MACHINE, Origin.MACHINE, Origin.MEMORY]
    assert [source[p.source_start:p.source_end] for p in result.parts] == [
        FLU_EN, "Bring your health card.", MORE_EN]
    assert result.origin is Origin.MACHINE
    # The memory sentence is verbatim, after the source's own blank line.
    assert result.text.endswith("\n\n" + MORE_FR)
    machine, mem = result.spans  # the two machine sentences are one span (white space between)
    assert machine.origin is Origin.MACHINE and machine.start == 0
    assert machine.detail == {"model": "translate-en_fr-1_0", "model_version": "1.0"}
    assert result.text[mem.start:mem.end] == MORE_FR and mem.detail["score"] == 100.0
    assert covered(result, Origin.MACHINE) + covered(result, Origin.MEMORY) == len(result.text) - 2
    assert result.models == ({"model": "translate-en_fr-1_0", "model_version": "1.0"},)
    for index, part in enumerate(result.parts):
        start, end = result.target_span(index)
        assert result.text[start:end] == part.text


def test_one_sentence_without_memory_is_exactly_the_engine_output(both_pairs):
    translator = Translator()
    result = Suggester(translator).suggest(FLU_EN, "en", "fr")
    assert result.text == translator.translate(FLU_EN, "en", "fr").text
    assert [(s.start, s.end, s.origin) for s in result.spans] == [
        (0, len(result.text), Origin.MACHINE)]


def test_french_to_english_uses_the_fr_en_model(both_pairs):
    result = Suggester(Translator(), memory((FLU_EN, FLU_FR))).suggest(
        f"{FLU_FR} {MORE_FR}", "fr", "en")
    assert result.source_lang is Lang.FR and result.target_lang is Lang.EN
    assert result.parts[0].text == FLU_EN and result.parts[0].origin is Origin.MEMORY
    assert result.parts[1].detail == {"model": "translate-fr_en-1_0", "model_version": "1.0"}


def test_memory_text_is_never_changed_by_mappings_or_terms(pkg_dir, seeds):
    official = "Suivez @GovCanHealth, Agence du revenu"  # odd, but official: kept as signed
    result = Suggester(Translator(), memory(("Follow @GovCanHealth, CRA", official)), *seeds
                       ).suggest("Follow @GovCanHealth, CRA", "en", "fr")
    assert result.text == official and result.corrections == () and result.flags == ()


# -- fuzzy matches are alternatives -----------------------------------------------------


def test_fuzzy_matches_are_offered_not_used_and_can_be_chosen(both_pairs):
    near = "Get your flu shot this winter."
    source = f"{near} {MORE_EN}"
    mem = memory((FLU_EN, FLU_FR), (MORE_EN, MORE_FR), (f"{FLU_EN} {MORE_EN}", "Tout le post."))
    result = Suggester(Translator(), mem).suggest(source, "en", "fr")
    assert [p.origin for p in result.parts] == [Origin.MACHINE, Origin.MEMORY]
    sentence, whole = (next(x for x in result.alternatives if (x.source_span, x.text) == wanted)
                       for wanted in (((0, len(near)), FLU_FR), ((0, len(source)), "Tout le post.")))
    assert sentence.text == FLU_FR and 75 <= sentence.score < 100 and not sentence.exact
    assert whole.score < 100
    assert result.alternative_target_span(sentence) == result.target_span(0)
    assert result.alternative_target_span(whole) == (0, len(result.text))

    chosen = result.choose(sentence)
    assert chosen.origin is Origin.MEMORY and chosen.text == f"{FLU_FR} {MORE_FR}"
    assert [s.detail["score"] for s in chosen.spans] == [sentence.score, 100.0]
    assert sentence not in chosen.alternatives and whole in chosen.alternatives
    everything = chosen.choose(whole)
    assert everything.text == "Tout le post."
    # Only whole-text matches are left: the sentence ones were for pieces of it.
    assert everything.alternatives and all(x.source_span == (0, len(source))
                                           for x in everything.alternatives)
    with pytest.raises(InvalidText, match="not one of this suggestion's alternatives"):
        everything.choose(sentence)


def test_other_exact_units_stay_on_offer(pkg_dir):
    mem = TranslationMemory([
        MemoryUnit(Lang.EN, FLU_EN, Lang.FR, "Vaccin : ancienne version.", origin="tmx",
                   source_ref="old.tmx", created_at="2020-01-01T00:00:00Z"),
        MemoryUnit(Lang.EN, FLU_EN, Lang.FR, FLU_FR, origin="approved", source_ref="post:3",
                   created_at="2026-01-01T00:00:00Z")])
    result = Suggester(Translator(), mem).suggest(FLU_EN, "en", "fr")
    assert result.text == FLU_FR  # the newest exact unit wins
    (other,) = result.alternatives
    assert other.exact and other.score == 100.0 and other.source_ref == "old.tmx"
    assert result.choose(other).text == "Vaccin : ancienne version."


# -- corrections of machine output -----------------------------------------------------------


def test_mappings_and_terms_correct_machine_output(seeds):
    source = ("Health Canada reminds you: follow @GovCanHealth and #GCDigital at "
              "https://www.canada.ca/en/services.html. The CRA is open.")
    machine = ("Santé du Canada vous rappelle : suivez @GovCanHealth et #GCDigital à "
               "https://www.canada.ca/en/services.html. La CRA est ouverte.")
    termbase, table = seeds
    text, corrections, flags = correct_machine_output(source, machine, "en", "fr", table, termbase)
    assert text == ("Santé Canada vous rappelle : suivez @GouvCanSante et #NumériqueGC à "
                    "https://www.canada.ca/fr/services.html. La ARC est ouverte.")
    assert [(c.kind, c.old, c.new, c.verified) for c in corrections] == [
        ("term", "Santé du Canada", "Santé Canada", True),
        ("handle", "@GovCanHealth", "@GouvCanSante", True),
        ("hashtag", "#GCDigital", "#NumériqueGC", True),
        ("url", "https://www.canada.ca/en/services.html",
         "https://www.canada.ca/fr/services.html", False),  # canada.ca translates page names
        ("term", "CRA", "ARC", True)]
    assert all(text[c.start:c.end] == c.new for c in corrections)
    assert "check" in corrections[3].message_en and corrections[1].message_fr
    assert flags == ()


def test_a_term_that_cannot_be_located_is_flagged(seeds):
    termbase, table = seeds
    text, corrections, flags = correct_machine_output(
        "Employment and Social Development Canada is hiring.", "Le ministère embauche.",
        "en", "fr", table, termbase)
    assert text == "Le ministère embauche." and corrections == ()
    (flag,) = flags
    assert flag.kind == MISSING and flag.expected == "Emploi et Développement social Canada"


def test_suggester_applies_corrections_per_machine_sentence_with_positions(both_pairs, seeds):
    result = Suggester(Translator(), memory(), *seeds).suggest(
        "Agriculture and Agri-Food Canada is hiring. Apply today.", "en", "fr")
    for correction in result.corrections:
        assert result.text[correction.start:correction.end] == correction.new
    # Noise never renders the name: flagged, with its span in the whole source text.
    (flag,) = result.flags
    assert flag.source_span == (0, len("Agriculture and Agri-Food Canada"))
    assert flag.expected == "Agriculture et Agroalimentaire Canada"
    assert all(p.origin is Origin.MACHINE for p in result.parts)


# -- errors, threads, serialisation -------------------------------------------------------


def test_errors_are_clear(pkg_dir):
    suggester = Suggester(Translator(), memory((FLU_EN, FLU_FR)))
    with pytest.raises(TranslationError, match="tandem models install FILE"):
        suggester.suggest(f"{FLU_EN} Something new.", "en", "fr")
    with pytest.raises(NothingToTranslate, match="empty"):
        suggester.suggest("  \n ", "en", "fr")
    with pytest.raises(InvalidText, match="two different languages"):
        suggester.suggest(FLU_EN, "fr", "fr")
    with pytest.raises(InvalidText, match="Bidirectional control"):
        suggester.suggest("a\u202eb", "en", "fr")


def test_one_suggester_serves_worker_threads(both_pairs, seeds):
    suggester = Suggester(Translator(), memory((MORE_EN, MORE_FR)), *seeds)
    texts = [f"Health Canada update {i}. {MORE_EN}" for i in range(8)]
    alone = [suggester.suggest(t, "en", "fr").text for t in texts]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda t: suggester.suggest(t, "en", "fr").text, texts))
    assert together == alone


def test_target_position_follows_the_engine_segments(both_pairs):
    text = "First sentence here.\n\nSecond one follows."
    result = Translator().translate(text, "en", "fr")
    first, second = result.segments
    assert target_position(result.segments, first.source_start) == first.target_start
    assert target_position(result.segments, first.source_end) == first.target_end
    assert target_position(result.segments, first.source_end + 1) == first.target_end + 1
    assert target_position(result.segments, second.source_start) == second.target_start
    assert target_position(result.segments, len(text)) == len(result.text)
    assert result.text[first.target_end:second.target_start] == "\n\n"


def test_to_dict_is_plain_json(both_pairs, seeds):
    result = Suggester(Translator(), memory((MORE_EN, MORE_FR)), *seeds).suggest(
        f"Follow @GovCanHealth. {MORE_EN}", "en", "fr")
    data = json.loads(json.dumps(result.to_dict()))
    assert data["text"] == result.text and data["origin"] == "machine"
    assert [p["origin"] for p in data["parts"]] == ["machine", "memory"]
    assert data["spans"][-1]["detail"]["source_ref"] == "post:7"
