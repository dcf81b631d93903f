"""`tandem post suggest`, `translate --with-memory`, `qa`, `terms` and `mappings` end to end:
the real entry point, a real store and real (tiny, random-weight) model packages."""

from __future__ import annotations

import json

from desktop.cli import main as cli_main
from tests.core.test_suggestions import EN, FR, QA_EN, QA_FR, write_tmx
from tests.translation.conftest import archive, both_pairs, built, pkg_dir  # noqa: F401

from .test_memory_cli import tandem  # noqa: F401  (one shared store, alice/bob/dave)


def new_post(tandem, en: str, fr: str = "") -> str:
    code, out = tandem("alice", "post", "new", "--en", en, *(["--fr", fr] if fr else []))
    assert code == 0
    return out.strip()


def test_commands_are_registered():
    assert {"memory", "terms", "mappings", "qa"} <= set(cli_main.COMMAND_MODULES)


def test_post_suggest_prints_the_version_and_its_provenance(tandem, both_pairs):
    post_id = new_post(tandem, "Follow @GovCanHealth. Flu shots are free.")
    code, out = tandem("alice", "post", "suggest", post_id, "--to", "fr")
    head, *parts = out.splitlines()
    assert code == 0 and head.startswith("FR v1 ") and head.endswith("(machine) from EN v1")
    assert parts[0].startswith("  [machine translate-en_fr-1_0 v1.0] 0-")
    code, out = tandem("bob", "--json", "post", "suggest", post_id, "--to", "fr")
    data = json.loads(out)
    assert data["created"] is False and data["version"]["seq"] == 1  # same suggestion: no-op
    assert data["version"]["origin"] == "machine"
    assert data["version"]["spans"][0]["detail"] == {"model": "translate-en_fr-1_0",
                                                      "model_version": "1.0"}
    assert data["suggestion"]["text"] == data["version"]["text"]
    tandem("bob", "post", "edit", post_id, "--lang", "fr", "--text", "Suivez @GouvCanSante.")
    code, out = tandem("bob", "post", "suggest", post_id, "--to", "fr")
    assert out.splitlines()[0].startswith("FR v3 ")
    assert out.splitlines()[0].endswith("; replaces v2 (kept in history)")


def test_post_suggest_from_memory_with_alternatives_and_no_model(tandem, tmp_path, pkg_dir):
    tandem("bob", "memory", "import", str(write_tmx(
        tmp_path / "a.tmx", (EN, FR), (EN.replace("fall", "winter"), "Variante d’hiver."))))
    post_id = new_post(tandem, EN)
    code, out = tandem("alice", "post", "suggest", post_id, "--to", "fr")
    head, part, alternative = out.splitlines()
    assert code == 0 and "(memory)" in head
    assert part.startswith("  [memory 100% tmx a.tmx] 0-")
    assert alternative.startswith("  alternative ") and "Variante d’hiver." in alternative
    shown = json.loads(tandem("alice", "--json", "post", "show", post_id)[1])
    assert shown["fr"]["text"] == FR and shown["fr"]["origin"] == "memory"


def test_post_suggest_errors_tell_what_to_do(tandem, pkg_dir, capsys):
    post_id = new_post(tandem, "Something new to translate.")
    assert tandem("alice", "post", "suggest", post_id, "--to", "fr")[0] == 2
    assert "Install one with: tandem models install FILE" in capsys.readouterr().err
    assert tandem("alice", "post", "suggest", post_id, "--to", "en")[0] == 2
    assert f"Post {post_id} has no French text to translate" in capsys.readouterr().err
    code, out = tandem("alice", "--json", "post", "suggest", post_id, "--to", "en")
    assert code == 2 and json.loads(out)["kind"] == "NothingToTranslate"


def test_translate_with_memory(tandem, tmp_path, pkg_dir):
    tandem("bob", "memory", "import", str(write_tmx(tmp_path / "a.tmx", (EN, FR))))
    assert tandem("dave", "translate", "--with-memory", "--from", "en", "--to", "fr", EN) == (
        0, FR + "\n")
    code, out = tandem("dave", "--json", "translate", "--with-memory", "--from", "fr", "--to", "en",
                       FR)
    data = json.loads(out)
    assert data["text"] == EN and data["origin"] == "memory"
    assert data["spans"][0]["detail"]["source_ref"] == "a.tmx"


def test_qa_prints_findings_with_fixes(tandem):
    post_id = new_post(tandem, QA_EN, QA_FR)
    code, out = tandem("alice", "qa", post_id)
    assert code == 1 and out.startswith(f"Post {post_id}: EN v1 ↔ FR v1: ")
    assert "  error   term (EN 0-13, FR 0-15): " in out
    assert "fix: replace “Santé du Canada” with “Santé Canada” in FR" in out
    code, out = tandem("alice", "--json", "qa", post_id)
    data = json.loads(out)
    term = next(f for f in data["findings"] if f["check"] == "term")
    assert term["fix"]["replacement"] == "Santé Canada" and data["source_lang"] == "en"
    clean = new_post(tandem, "Thank you.", "Merci.")
    assert tandem("alice", "qa", clean) == (0, f"Post {clean}: EN v1 ↔ FR v1: no findings\n")


def test_mappings_commands(tandem, tmp_path, capsys):
    code, out = tandem("bob", "mappings", "add", "handle", "FluClinicCA", "CliniqueGrippeCA",
                       "--note", "Flu clinics")
    assert code == 0 and out == "added handle   @FluClinicCA  ↔  @CliniqueGrippeCA  (Flu clinics)\n"
    code, out = tandem("dave", "--json", "mappings", "list", "--kind", "handle")
    assert {"kind": "handle", "en": "@FluClinicCA", "fr": "@CliniqueGrippeCA",
            "note": "Flu clinics"} in json.loads(out)
    assert tandem("bob", "mappings", "add", "handle", "@FluClinicCA", "@Autre")[0] == 2
    assert "already mapped" in capsys.readouterr().err
    assert tandem("bob", "mappings", "remove", "handle", "@CliniqueGrippeCA")[0] == 0
    assert "@FluClinicCA" not in tandem("dave", "mappings", "list")[1]

    csv_file = tmp_path / "pairs.csv"
    csv_file.write_text("kind,en,fr,note\nhashtag,#FluSeason,#SaisonDeLaGrippe,\n"
                        "handle,@GovCanHealth,@Autre,\n", encoding="utf-8")
    code, out = tandem("bob", "mappings", "import", str(csv_file))
    assert code == 1 and out.startswith("pairs.csv: added 1 pair, 0 already there, 1 skipped")
    assert "@GovCanHealth / @Autre: one of them is already mapped" in out
    target = tmp_path / "out.csv"
    code, out = tandem("dave", "mappings", "export", str(target))
    assert code == 0 and "hashtag,#FluSeason,#SaisonDeLaGrippe," in target.read_text()


def test_terms_commands(tandem, tmp_path):
    tsv = tmp_path / "team.tsv"
    tsv.write_text("en\tfr\ten_abbr\tfr_abbr\n"
                   "Canadian Digital Service\tService numérique canadien\tCDS\tSNC\n"
                   "Broken row\t\t\t\n", encoding="utf-8")
    code, out = tandem("bob", "terms", "import", str(tsv))
    assert code == 1 and out.startswith("team.tsv: added 1 term, 0 already there, 1 skipped")
    code, out = tandem("dave", "terms", "list", "--search", "numerique")
    assert code == 0 and out == "Canadian Digital Service (CDS)  ↔  Service numérique canadien (SNC)\n"
    code, out = tandem("dave", "terms", "check", "--from", "en", "The CDS and Health Canada")
    assert out == "CDS  →  SNC\nHealth Canada  →  Santé Canada\n"
    code, out = tandem("dave", "terms", "check", "--from", "en", "The CDS is hiring.",
                       "Le CDS embauche.")
    assert code == 1 and out.startswith("untranslated: “CDS” is left in English")
    assert tandem("dave", "terms", "check", "--from", "en", "The CDS is hiring.",
                  "Le SNC embauche.") == (0, "Terms are correct.\n")
    target = tmp_path / "out.tbx"
    code, out = tandem("dave", "terms", "export", str(target))
    assert code == 0 and out.endswith(f"terms to {target} (TBX)\n")
    assert "Service numérique canadien" in target.read_text(encoding="utf-8")
