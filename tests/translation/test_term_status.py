"""Term statuses (issue 13): read from TBX, enforced by QA, written back in TBX v3 and TBX 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.model import Lang
from translation.formats import TBX
from translation.terms import Term, Termbase

DATA = Path(__file__).resolve().parents[1] / "data" / "exchange"

CURRENT = Term("Health Canada", "Santé Canada", "HC", "SC", concept="hc", en_status="preferred",
               fr_status="preferred", definition="The federal health department.")
OLD = Term("Health and Welfare Canada", "Santé et Bien-être social Canada", concept="hc",
           en_status="obsolete", fr_status="obsolete", definition=CURRENT.definition)  # a concept's definition
FORBIDDEN = Term("Revenue Canada", "Revenu Canada", concept="cra-old", en_status="forbidden", fr_status="forbidden")


# The defect: a Weblate TBX lost the obsolete status and its definition became a note.
def test_weblate_tbx_keeps_statuses_and_definitions():
    report = TBX.load(DATA / "weblate-glossary.tbx")
    current, old = report.records
    assert (current.en_status, current.fr_status) == ("preferred", "preferred")
    assert current.definition == "The federal department responsible for national health policy."
    assert current.note == ""
    assert (old.en_status, old.fr_status) == ("obsolete", "obsolete")
    assert old.note == "Translation needed" and old.concept == "weblate-43"


# The defect: `terms check` demanded an obsolete term as "the official French form".
def test_an_obsolete_term_is_never_required():
    base = Termbase([OLD])
    assert base.check_translation("Health and Welfare Canada announced it.", "Le ministère l’a annoncé.",
                                  Lang.EN, Lang.FR) == []


def test_the_preferred_form_of_the_concept_is_required_instead():
    base = Termbase([CURRENT, OLD])
    [finding] = base.check_translation("Health and Welfare Canada announced it.",
                                       "Santé et Bien-être social Canada l’a annoncé.", Lang.EN, Lang.FR)
    assert finding.expected == "Santé Canada"
    assert finding.target_text == "Santé et Bien-être social Canada"


def test_forbidden_and_deprecated_forms_in_the_target_are_flagged():
    base = Termbase([FORBIDDEN, CURRENT])
    findings = base.check_translation("The agency said so.", "Revenu Canada l’a dit.", Lang.EN, Lang.FR)
    assert [(f.kind, f.target_text) for f in findings] == [("forbidden", "Revenu Canada")]
    assert "forbidden" in findings[0].message_en and "interdit" in findings[0].message_fr


def test_tbx_v3_is_tbx_basic_dca_with_statuses_and_round_trips():
    data = TBX.dump([CURRENT, OLD])
    assert b'style="dca"' in data and b"administrativeStatus" in data
    assert b"preferredTerm-admn-sts" in data and b"supersededTerm-admn-sts" in data
    assert b'<descrip type="definition">' in data
    assert TBX.load(data).records == [CURRENT, OLD]


def test_tbx_2_martif_round_trips_and_translate_toolkit_reads_it():
    from translate.storage import tbx as ttk_tbx

    data = TBX.dump([CURRENT, OLD], version=2)
    assert data.lstrip().startswith(b"<?xml") and b"<martif" in data and b"<termEntry" in data
    assert TBX.load(data).records == [CURRENT, OLD]
    store = ttk_tbx.tbxfile.parsestring(data)
    assert [(u.source, u.target) for u in store.units][:1] == [("Health Canada", "Santé Canada")]


@pytest.mark.parametrize("status", ["preferred", "admitted", "deprecated", "obsolete", "forbidden", ""])
def test_every_status_round_trips_in_both_versions(status):
    term = Term("Service Canada", "Service Canada", concept="sc", en_status=status, fr_status=status)
    for version in (2, 3):
        assert TBX.load(TBX.dump([term], version=version)).records == [term]


def test_cli_round_trip_of_a_weblate_glossary_in_both_tbx_versions(tmp_path):
    import io
    import json

    from desktop.cli import main as cli_main
    from translate.storage import tbx as ttk_tbx

    def tandem(*argv: str) -> tuple[int, str]:
        out = io.StringIO()
        return cli_main.main(list(argv), stdout=out), out.getvalue()

    assert tandem("terms", "import", str(DATA / "weblate-glossary.tbx"))[0] == 0
    code, out = tandem("--json", "terms", "check", "--from", "en", "Health and Welfare Canada is gone.",
                       "Santé et Bien-être social Canada n’existe plus.")
    findings = json.loads(out)
    assert [(f["kind"], f["target_text"]) for f in findings] == [("obsolete", "Santé et Bien-être social Canada")]
    assert "is an obsolete French term" in findings[0]["message_en"]
    for version in ("2", "3"):
        path = tmp_path / f"glossary-v{version}.tbx"
        code, out = tandem("--json", "terms", "export", str(path), "--tbx-version", version)
        assert code == 0 and json.loads(out)["tbx_version"] == int(version)
        back = {(t.en, t.en_status, t.fr_status, t.concept) for t in TBX.load(path).records}
        # (Health Canada is in the shipped seed already, so the import skipped that pair.)
        assert ("Health and Welfare Canada", "obsolete", "obsolete", "weblate-43") in back
    units = ttk_tbx.tbxfile.parsestring((tmp_path / "glossary-v2.tbx").read_bytes()).units
    assert ("Health and Welfare Canada", "Santé et Bien-être social Canada") in {(u.source, u.target) for u in units}


def test_machine_post_editing_replaces_a_deprecated_form_with_the_preferred_one():
    old_name = Term("Health and Welfare Canada", "Santé et Bien-être social Canada", concept="hc",
                    en_status="deprecated", fr_status="deprecated")
    result = Termbase([CURRENT, old_name]).apply("Health Canada said so.",
                                                 "Santé et Bien-être social Canada l’a dit.", Lang.EN, Lang.FR)
    assert result.text == "Santé Canada l’a dit."
