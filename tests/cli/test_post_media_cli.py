"""`tandem post attach|detach|split` and thread parts through the real entry point and store."""

from __future__ import annotations

import io
import json

from PIL import Image

from desktop.cli.main import main
from tests.translation.conftest import archive, both_pairs, built, pkg_dir  # noqa: F401


def run(*argv) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def test_parts_attach_show_detach(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite3")
    image = tmp_path / "chart.jpg"
    exif = Image.Exif()
    exif[0x013B] = "Private Photographer"
    Image.new("RGB", (120, 80), (0, 80, 160)).save(image, "JPEG", exif=exif)
    assert run("post", "new", "--en", "One.", "--en", "Two.", "--fr", "Un.", "--fr", "Deux.",
               "--db", db) == (0, "1\n")
    code, out = run("--json", "post", "attach", "1", str(image), "--alt-en", "A blue chart",
                    "--alt-fr", "Un graphique bleu", "--db", db)
    assert code == 0 and json.loads(out)["n"] == 1
    # one language only: the French alt text is the one required
    assert run("post", "attach", "1", str(image), "--lang", "fr", "--alt-en", "ignored",
               "--db", db)[0] == 2
    assert "French alt text is required" in capsys.readouterr().err
    assert run("post", "attach", "1", str(image), "--lang", "fr", "--alt-fr", "Version française",
               "--db", db)[0] == 0
    shown = json.loads(run("--json", "post", "show", "1", "--db", db)[1])
    assert shown["parts"] == {"en": ["One.", "Two."], "fr": ["Un.", "Deux."]}
    assert [(a["n"], a["scope"], a["alt"]["fr"]["text"]) for a in shown["attachments"]] == [
        (1, "both", "Un graphique bleu"), (2, "fr", "Version française")]
    assert shown["attachments"][0]["alt"]["en"]["text"] == "A blue chart"
    assert run("post", "detach", "1", "1", "--db", db)[0] == 0
    shown = json.loads(run("--json", "post", "show", "1", "--db", db)[1])
    assert [(a["n"], a["id"]) for a in shown["attachments"]] == [(1, 2)]


def test_attach_refuses_a_file_that_is_not_an_image(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite3")
    fake = tmp_path / "photo.png"
    fake.write_text("<html>phish</html>")
    run("post", "new", "--en", "a", "--fr", "b", "--db", db)
    assert run("post", "attach", "1", str(fake), "--alt-en", "a", "--alt-fr", "b",
               "--db", db)[0] == 2
    assert "not a PNG, JPEG, WebP or GIF" in capsys.readouterr().err


def test_split_for_me_records_numbered_parts(tmp_path):
    db = str(tmp_path / "c.sqlite3")
    en = " ".join(f"Sentence number {i} of the announcement is here." for i in range(12))
    fr = " ".join(f"La phrase numéro {i} de l’annonce est ici." for i in range(12))
    run("post", "new", "--en", en, "--fr", fr, "--db", db)
    code, out = run("--json", "post", "split", "1", "--for", "x", "--apply", "--db", db)
    proposed = json.loads(out)
    assert code == 0 and len(proposed["en"]) == len(proposed["fr"]) >= 2
    shown = json.loads(run("--json", "post", "show", "1", "--db", db)[1])
    assert shown["parts"]["en"] == proposed["en"]
    assert shown["parts"]["fr"][-1].endswith(f"{len(proposed['fr'])}/{len(proposed['fr'])}")


def test_alt_text_by_hand_and_suggested_by_the_model(tmp_path, both_pairs, capsys):
    db = str(tmp_path / "c.sqlite3")
    image = tmp_path / "chart.png"
    Image.new("RGB", (40, 30), "red").save(image, "PNG")
    run("post", "new", "--en", "Flu shots are free.", "--fr", "Le vaccin est gratuit.", "--db", db)
    run("post", "attach", "1", str(image), "--alt-en", "Flu shots are free.", "--alt-fr", "x",
        "--db", db)
    code, out = run("post", "alt", "1", "1", "--lang", "fr", "--text", "Un graphique rouge",
                    "--db", db)
    assert code == 0 and out.strip().endswith("(human): Un graphique rouge")
    code, out = run("--json", "post", "alt", "1", "1", "--lang", "fr", "--suggest", "--db", db)
    made = json.loads(out)
    assert code == 0 and made["alt"]["fr"]["origin"] == "machine" and made["alt"]["fr"]["text"]
    history = json.loads(run("--json", "post", "history", "1", "--lang", "fr", "--db", db)[1])
    assert history[-1]["origin"] == "machine"   # the version now needs a translator's sign-off
    assert run("post", "alt", "1", "2", "--lang", "fr", "--suggest", "--db", db)[0] == 2
    assert "no English alt text" in capsys.readouterr().err


def test_preview_shows_parts_images_and_overflow(tmp_path):
    db = str(tmp_path / "c.sqlite3")
    image = tmp_path / "chart.png"
    Image.new("RGB", (40, 30), "red").save(image, "PNG")
    run("post", "new", "--en", "See https://canada.ca #flu", "--en", "x" * 290,
        "--fr", "Voir https://canada.ca", "--fr", "Deux", "--db", db)
    run("post", "attach", "1", str(image), "--alt-en", "Red", "--alt-fr", "Rouge", "--db", db)
    code, out = run("post", "preview", "1", "--network", "x", "--db", db)
    assert code == 0
    assert "X (EN)" in out and "[1/2] " in out and "image 40×30 ALT: Red" in out
    assert "⟦" + "x" * 10 in out and "problem: Part 2 is too long for X" in out
    data = json.loads(run("--json", "post", "preview", "1", "--db", db)[1])
    assert [v["lang"] for v in data] == ["en", "fr"]
    assert [s["kind"] for s in data[0]["parts"][0]["segments"]
                               if s["kind"] != "text"] == ["link", "tag"]
