"""The suggestion service on a real store: versions with provenance, memory from official
pairs, TMX/TBX/TSV/CSV imports, mappings, QA and sign-off QA.

Real SQLite stores shared by several users (`Desk`), real tiny Argos packages
(`tests/translation/conftest.py`, random weights: machine text is noise) and
the shipped termbase and mapping seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import InvalidText, NotFound, PermissionDenied, TransitionError
from desktop.core.migrations import MIGRATIONS, m0003_translation
from desktop.core.model import Lang, Origin
from tests.translation.conftest import archive, both_pairs, built, pkg_dir  # noqa: F401
from translation.engine import NothingToTranslate, TranslationError
from translation.formats import TBX, TMX, FormatError

from .review_desk import Desk

EN = "Flu shots are free this fall. Book online or call your clinic."
FR = "Les vaccins contre la grippe sont gratuits cet automne. Réservez en ligne ou appelez."
MODEL = {"model": "translate-en_fr-1_0", "model_version": "1.0"}


def write_tmx(path: Path, *pairs: tuple[str, str], extra: str = "") -> Path:
    """A TMX file with ``pairs`` (English, French) followed by raw ``extra`` XML."""
    units = "".join(f'<tu><tuv xml:lang="en-CA"><seg>{en}</seg></tuv>'
                    f'<tuv xml:lang="fr-CA"><seg>{fr}</seg></tuv></tu>\n' for en, fr in pairs)
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">'
                    f'<header srclang="en-CA"/><body>\n{units}{extra}</body></tmx>\n',
                    encoding="utf-8")
    return path


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path)
    d.grant(bob="translator", dave="author")
    yield d
    d.close()


# -- suggestions recorded as versions ------------------------------------------------------


def test_a_suggestion_becomes_a_machine_version_with_spans_and_an_audit_entry(desk, both_pairs):
    alice = desk("alice")
    post = alice.posts.create(en=EN).post
    made = alice.suggestions.suggest_for_post(post.id, Lang.FR)
    v = made.version
    assert (v.lang, v.origin, v.seq, made.replaced) == (Lang.FR, Origin.MACHINE, 1, None)
    assert made.source_version.text == EN and v.text == made.suggestion.text
    stored = alice.store.latest_version(post.id, Lang.FR)
    assert [(s.start, s.end, s.origin, s.detail) for s in stored.spans] == [
        (0, len(v.text), Origin.MACHINE, MODEL)]
    assert desk.state(post.id) == "in_review"
    entry = alice.store.audit_entries(post.id)[-1]
    assert entry.action == "translation.suggest"
    assert entry.details["source_version_id"] == made.source_version.id
    assert entry.details["version_id"] == v.id and entry.details["models"] == [MODEL]
    assert entry.details["machine_share"] == 1.0
    again = alice.suggestions.suggest_for_post(post.id, Lang.FR)  # nothing changed: a no-op
    assert not again.created and again.version == v and again.replaced is None
    assert alice.store.audit_entries(post.id)[-1] == entry


def test_provenance_survives_a_human_rewriting_one_sentence(desk, both_pairs):
    alice = desk("alice")
    post = alice.posts.create(en=EN).post
    made = alice.suggestions.suggest_for_post(post.id, Lang.FR)
    text, (first_start, first_end) = made.version.text, made.suggestion.target_span(0)
    # bob retypes the first sentence; it shares no character with what the model wrote there,
    # so none of it can count as kept.
    rewrite = "RDV:1-800-232-4636"
    assert not set(rewrite) & set(text[first_start:first_end])
    edited = desk("bob").posts.edit(post.id, Lang.FR, rewrite + text[first_end:])
    assert edited.origin is Origin.HUMAN
    assert not [s for s in edited.spans if s.start < len(rewrite)]
    (kept,) = edited.spans
    assert (kept.start, kept.end, kept.origin) == (len(rewrite), len(edited.text), Origin.MACHINE)
    assert kept.detail == MODEL  # model name and version survive the edit
    assert alice.store.get_version(edited.id).spans[0].detail == MODEL


def test_a_stale_or_refused_suggestion_is_not_recorded(desk, both_pairs):
    alice = desk("alice")
    post = alice.posts.create(en=EN).post
    suggestion = alice.suggestions.suggest_text(EN, "en", "fr")
    alice.posts.edit(post.id, Lang.EN, EN + " Bring your card.")
    with pytest.raises(TransitionError, match="changed since this suggestion was made"):
        alice.suggestions.apply(post.id, suggestion)
    with pytest.raises(PermissionDenied, match="erin cannot edit post"):
        desk("erin").suggestions.suggest_for_post(post.id, Lang.FR)
    assert alice.store.latest_version(post.id, Lang.FR) is None
    assert "denied.post.edit" in desk.actions(post.id)
    assert "translation.suggest" not in desk.actions(post.id)


def test_errors_say_what_to_do(desk, pkg_dir):
    alice = desk("alice")
    post = alice.posts.create(en=EN).post
    with pytest.raises(TranslationError, match="Install one with: tandem models install FILE"):
        alice.suggestions.suggest_for_post(post.id, Lang.FR)
    with pytest.raises(NothingToTranslate, match="no French text to translate into English"):
        alice.suggestions.suggest_for_post(post.id, Lang.EN)
    with pytest.raises(NotFound, match="no post 99"):
        alice.suggestions.suggest_for_post(99, Lang.FR)
    assert alice.store.latest_version(post.id, Lang.FR) is None


# -- memory from official pairs --------------------------------------------------------------


def test_an_official_pair_is_memory_and_is_reused_verbatim_without_a_model(desk, pkg_dir):
    alice, bob = desk("alice"), desk("bob")
    first = alice.posts.create(en=EN, fr=FR).post
    assert len(alice.suggestions.memory()) == 0
    bob.review.sign(first.id, Lang.FR)
    assert len(alice.suggestions.memory()) == 0  # one language official is not a pair yet
    bob.review.sign(first.id, Lang.EN)
    (unit,) = alice.suggestions.memory()  # seen by alice's window: the store changed
    assert (unit.source_lang, unit.source, unit.target) == (Lang.EN, EN, FR)
    assert (unit.origin, unit.source_ref) == ("approved", f"post:{first.id}")

    second = alice.posts.create(en=EN).post
    made = alice.suggestions.suggest_for_post(second.id, Lang.FR)  # no model installed
    assert made.version.text == FR and made.version.origin is Origin.MEMORY
    (span,) = alice.store.latest_version(second.id, Lang.FR).spans
    assert (span.start, span.end, span.origin) == (0, len(FR), Origin.MEMORY)
    assert span.detail == {"score": 100.0, "source_ref": f"post:{first.id}",
                           "memory_origin": "approved"}


def test_only_versions_official_at_the_same_time_pair_up_and_pairs_outlive_edits(desk):
    alice, bob = desk("alice"), desk("bob")
    post = alice.posts.create(en="Old English", fr="Ancien français").post
    bob.review.sign(post.id, Lang.EN)
    alice.posts.edit(post.id, Lang.EN, "New English")  # the signed English stops being official
    bob.review.sign(post.id, Lang.FR)
    assert list(alice.suggestions.memory()) == []
    bob.review.sign(post.id, Lang.EN)
    pairs = alice.store.official_pairs()
    assert [(p["en"], p["fr"]) for p in pairs] == [("New English", "Ancien français")]
    bob.posts.edit(post.id, Lang.FR, "Nouveau français")  # official no more, but it was
    assert [(u.source, u.target) for u in alice.suggestions.memory()] == [
        ("New English", "Ancien français")]


def test_memory_is_cached_until_the_store_changes(desk, tmp_path):
    alice = desk("alice")
    memory = alice.suggestions.memory()
    assert alice.suggestions.memory() is memory
    alice.suggestions.import_tmx(write_tmx(tmp_path / "a.tmx", ("Hello", "Bonjour")))
    assert alice.suggestions.memory() is not memory and len(alice.suggestions.memory()) == 1


# -- TMX import ----------------------------------------------------------------------------


def test_tmx_import_is_partial_with_reasons_and_skips_known_pairs(desk, tmp_path):
    alice = desk("alice")
    path = write_tmx(tmp_path / "team.tmx", (EN, FR), ("Thank you.", "Merci."), extra=(
        '<tu><tuv xml:lang="en"><seg>Only English</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="de"><seg>Hallo</seg></tuv>'
        '</tu>\n'))
    result = alice.suggestions.import_tmx(path)
    assert (result.file, result.read, result.added, result.duplicates) == ("team.tmx", 2, 2, 0)
    assert [s.reason for s in result.skipped] == ["No French text.",
                                                  "No French text (other languages: de)."]
    assert all(s.line > 0 for s in result.skipped)
    again = alice.suggestions.import_tmx(path)
    assert (again.added, again.duplicates) == (0, 2)
    (match,) = alice.suggestions.lookup("Thank you!", "en")
    assert match.target == "Merci." and match.unit.source_ref == "team.tmx" and match.score < 100
    entry = alice.store.audit_entries()[-1]
    assert entry.action == "memory.import" and entry.details["added"] == 0
    assert len(entry.details["skipped"]) == 2


def test_a_bad_tmx_file_changes_nothing(desk, tmp_path):
    alice = desk("alice")
    alice.suggestions.import_tmx(write_tmx(tmp_path / "good.tmx", (EN, FR)))
    before = (alice.store.tm_units(), len(alice.store.audit_entries()))
    (tmp_path / "bad.tmx").write_text("this is not XML")
    with pytest.raises(FormatError, match="not well-formed XML"):
        alice.suggestions.import_tmx(tmp_path / "bad.tmx")
    damaged = write_tmx(tmp_path / "damaged.tmx", ("One.", "Un."))
    damaged.write_text(damaged.read_text().replace("</body>", "<tu><tuv>"))
    result = alice.suggestions.import_tmx(damaged)  # what came before the damage is kept
    assert result.added == 1 and "damaged" in result.skipped[-1].reason
    assert alice.store.tm_units()[0] == before[0][0]


def test_only_translators_and_admins_change_shared_resources(desk, tmp_path):
    path = write_tmx(tmp_path / "a.tmx", ("Hello", "Bonjour"))
    with pytest.raises(PermissionDenied, match="dave cannot import translation memory"):
        desk("dave").suggestions.import_tmx(path)
    with pytest.raises(PermissionDenied):
        desk("dave").suggestions.add_mapping("handle", "@a", "@b")
    assert desk("bob").suggestions.import_tmx(path).added == 1
    assert {"denied.memory.import", "denied.mappings.add"} <= set(desk.actions())


def test_export_holds_official_pairs_and_imported_units(desk, tmp_path):

    alice, bob = desk("alice"), desk("bob")
    post = alice.posts.create(en=EN, fr=FR).post
    bob.review.sign(post.id, Lang.EN)
    bob.review.sign(post.id, Lang.FR)
    alice.suggestions.import_tmx(write_tmx(tmp_path / "a.tmx", ("Hello", "Bonjour")))
    back = TMX.load(alice.suggestions.export_tmx())
    assert {(u.source, u.target, u.origin, u.source_ref) for u in back.records} == {
        ("Hello", "Bonjour", "tmx", "a.tmx"), (EN, FR, "approved", f"post:{post.id}")}


# -- termbase and mappings ------------------------------------------------------------------


def test_a_new_store_is_seeded_with_the_shipped_terms_and_mappings(desk):
    assert m0003_translation in MIGRATIONS
    assert [m.VERSION for m in MIGRATIONS] == sorted(m.VERSION for m in MIGRATIONS)
    service = desk("alice").suggestions
    assert len(service.termbase()) > 300
    assert [m.fr for m in service.termbase().find("Health Canada", "en")[0].terms] == ["Santé Canada"]
    assert service.mapping_table().counterpart("handle", "@GovCanHealth", "en", "fr") == "@GouvCanSante"
    assert {r["added_by"] for r in desk("alice").store.terms()} == {"seed"}


def test_terms_import_tsv_and_tbx_round_trip(desk, tmp_path):
    service = desk("bob").suggestions
    tsv = tmp_path / "team.tsv"
    tsv.write_text("en\tfr\ten_abbr\tfr_abbr\n"
                   "Canadian Digital Service\tService numérique canadien\tCDS\tSNC\n"
                   "Broken row\t\t\t\n"
                   "Health Canada\tSanté Canada\t\t\n", encoding="utf-8")
    result = service.import_terms(tsv)
    assert (result.read, result.added, result.duplicates, len(result.skipped)) == (2, 1, 1, 1)
    assert service.termbase().find("The CDS team", "en")[0].official() == "CDS"
    exported = service.export_terms()
    back = TBX.load(exported)
    assert {(t.en, t.fr) for t in back.records} == {(t.en, t.fr) for t in service.termbase()}
    assert b"Service num\xc3\xa9rique canadien" in service.export_terms("tsv")
    (tmp_path / "terms.csv").write_text("en,fr\n")
    with pytest.raises(FormatError, match="give a .tbx or .tsv"):
        service.import_terms(tmp_path / "terms.csv")


def test_mappings_add_remove_import_and_feed_suggestions(desk, tmp_path):
    service = desk("bob").suggestions
    added = service.add_mapping("handle", "FluClinicCA", "CliniqueGrippeCA", "Flu clinics")
    assert (added.en, added.fr) == ("@FluClinicCA", "@CliniqueGrippeCA")
    assert service.suggester().mappings.counterpart(
        "handle", "@fluclinicca", "en", "fr") == "@CliniqueGrippeCA"
    with pytest.raises(InvalidText, match="already mapped"):
        service.add_mapping("handle", "@FluClinicCA", "@Autre")
    with pytest.raises(InvalidText, match="Unknown mapping kind"):
        service.add_mapping("email", "a", "b")
    removed = service.remove_mapping("handle", "@cliniquegrippeca")  # either language, any case
    assert removed.en == "@FluClinicCA"
    assert service.mapping_table().counterpart("handle", "@FluClinicCA", "en", "fr") is None
    with pytest.raises(NotFound, match="No handle mapping has @FluClinicCA"):
        service.remove_mapping("handle", "FluClinicCA")

    csv_file = tmp_path / "pairs.csv"
    csv_file.write_text("kind,en,fr,note\n"
                        "hashtag,#FluSeason,#SaisonDeLaGrippe,\n"
                        "handle,@CanRevAgency,@AutreCompte,conflicts with the seed\n"
                        "handle,@govcanhealth,@GouvCanSante,the seed's own pair\n"
                        "handle,not a handle!,@x,\n", encoding="utf-8")
    result = service.import_mappings(csv_file)
    assert (result.read, result.added, result.duplicates) == (2, 1, 1)
    reasons = [s.reason for s in result.skipped]
    assert "not a valid handle" in reasons[0] and "already mapped" in reasons[1]
    assert "hashtag,#FluSeason,#SaisonDeLaGrippe," in service.export_mappings()
    assert {"mappings.add", "mappings.remove", "mappings.import"} <= set(desk.actions())


# -- QA --------------------------------------------------------------------------------------


QA_EN = "Health Canada: follow @GovCanHealth for updates."
QA_FR = "Santé du Canada : suivez @GovCanHealth pour les nouvelles."


def test_qa_uses_the_stores_termbase_and_mappings_and_fixes_apply(desk):
    alice = desk("alice")
    post = alice.posts.create(en=QA_EN, fr=QA_FR).post
    report = alice.suggestions.qa(post.id)
    assert report.source_lang is Lang.EN and (report.en.seq, report.fr.seq) == (1, 1)
    checks = {f.check: f for f in report.findings}
    assert {"term", "mention", "fr-nbsp"} <= set(checks)
    term = checks["term"]
    assert (term.fix.lang, term.fix.replacement) == (Lang.FR, "Santé Canada")
    fixed = alice.suggestions.apply_fix(report, term)
    assert fixed.text.startswith("Santé Canada :") and fixed.origin is Origin.HUMAN
    with pytest.raises(TransitionError, match="changed since QA ran"):
        alice.suggestions.apply_fix(report, checks["fr-nbsp"])
    assert "term" not in {f.check for f in alice.suggestions.qa(post.id).findings}
    with pytest.raises(NotFound, match="no French text yet"):
        alice.suggestions.qa(alice.posts.create(en="Only English").post.id)


def test_sign_off_records_qa_with_the_store_termbase(desk):
    post = desk("alice").posts.create(en=QA_EN, fr=QA_FR).post
    decision = desk("bob").review.sign(post.id, Lang.FR)
    term = next(f for f in decision.qa_findings if f["check"] == "term")
    assert term["fix"] == {"lang": "fr", "start": 0, "end": len("Santé du Canada"),
                           "replacement": "Santé Canada"}


def test_choosing_a_fuzzy_alternative_records_a_memory_version(desk, tmp_path, both_pairs):
    alice = desk("alice")
    alice.suggestions.import_tmx(write_tmx(tmp_path / "a.tmx", (EN, FR)))
    post = alice.posts.create(en=EN.replace("fall", "winter")).post
    suggestion = alice.suggestions.suggest_text(EN.replace("fall", "winter"), "en", "fr")
    assert suggestion.origin is Origin.MACHINE  # fuzzy matches are only offered
    best = max(suggestion.alternatives, key=lambda x: x.score)
    assert best.text == FR and best.score < 100
    made = alice.suggestions.apply(post.id, suggestion.choose(best))
    assert made.version.origin is Origin.MEMORY and made.version.text == FR
    (span,) = alice.store.latest_version(post.id, Lang.FR).spans
    assert span.detail == {"score": best.score, "source_ref": "a.tmx", "memory_origin": "tmx"}
