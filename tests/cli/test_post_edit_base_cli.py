"""`tandem post edit --base VERSION`: a save on a version that moved on is refused (issue 11)."""

from __future__ import annotations

import json

from .test_post_cli import run


def test_edit_with_a_moved_base_is_refused_and_writes_nothing(tmp_path, capsys):
    db = str(tmp_path / "t.db")
    run("post", "new", "--en", "Flu shots are free", "--db", db)
    first = json.loads(run("--json", "post", "show", "1", "--db", db)[1])["en"]["id"]
    code, out = run("post", "edit", "1", "--lang", "en", "--text", "Free flu shots",
                    "--base", str(first), "--db", db)
    assert code == 0 and out.startswith("EN v2 ")
    capsys.readouterr()
    code, _ = run("post", "edit", "1", "--lang", "en", "--text", "Flu shots: free",
                  "--base", str(first), "--db", db)
    assert code != 0 and "was not saved over it" in capsys.readouterr().err
    shown = json.loads(run("--json", "post", "show", "1", "--db", db)[1])
    assert shown["en"]["text"] == "Free flu shots"
    # Without --base the edit goes on top, as before.
    assert run("post", "edit", "1", "--lang", "en", "--text", "Flu shots: free",
               "--db", db)[1].startswith("EN v3 ")
