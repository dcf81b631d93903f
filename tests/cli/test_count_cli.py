"""`tandem count` through the real entry point."""

from __future__ import annotations

import io
import json
import sys

import pytest

from desktop.cli.main import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def counts(out: str) -> dict[str, dict]:
    return {c["network"]: c for c in json.loads(out)["counts"]}


def test_json_counts_every_network_with_its_rule():
    code, out = run("count", "--json", "--lang", "fr", "Voir https://canada.ca/fr. Merci 🇨🇦 @GC@social.gc.ca")
    assert code == 0
    data = json.loads(out)
    assert (data["lang"], data["ok"]) == ("fr", True)
    by = counts(out)
    # X: "Voir " + link 23 + ". Merci " + flag 2 + " @GC@social.gc.ca"
    assert (by["x"]["used"], by["x"]["limit"], by["x"]["remaining"]) == (5 + 23 + 8 + 2 + 17, 280, 225)
    assert by["x"]["detail"] == {"links": 1, "emoji": 1, "double_weight": 0}
    # Mastodon: the mention counts as "@GC", the flag as one grapheme
    assert (by["mastodon"]["used"], by["mastodon"]["limit"]) == (5 + 23 + 8 + 1 + 4, 500)
    assert by["bluesky"]["detail"]["utf8_bytes"] == len("Voir https://canada.ca/fr. Merci 🇨🇦 @GC@social.gc.ca".encode())
    assert all(c["ok"] and not c["over"] and c["problems"] == [] for c in by.values())


def test_text_output_names_each_network_and_its_limit():
    code, out = run("count", "--lang", "en", "Hello https://canada.ca")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "English (en)"
    assert lines[1].split()[:5] == ["X", "29", "/", "280", "ok"]
    assert lines[2].split()[:5] == ["Mastodon", "29", "/", "500", "ok"]
    assert lines[3].split()[:5] == ["Bluesky", "23", "/", "300", "ok"]
    assert "1 link at 23" in lines[1] and "23 of 3000 bytes" in lines[3]


def test_over_a_limit_exits_1_and_says_by_how_much():
    code, out = run("count", "--lang", "en", "é" * 290)
    assert code == 1
    x_line = out.splitlines()[1]
    assert "290 / 280" in x_line and "over" in x_line and "10 too many" in x_line
    code, out = run("count", "--json", "--lang", "en", "é" * 290)
    assert code == 1 and json.loads(out)["ok"] is False
    assert counts(out)["x"]["over"] and not counts(out)["mastodon"]["over"]


def test_mastodon_limits_come_from_the_options():
    code, out = run("count", "--json", "--lang", "en", "--mastodon-limit", "30",
                    "--mastodon-url-weight", "40", "Hello https://canada.ca")
    assert code == 1
    mastodon = counts(out)["mastodon"]
    assert (mastodon["used"], mastodon["limit"], mastodon["over"]) == (6 + 40, 30, True)
    assert mastodon["detail"]["url_weight"] == 40


def test_character_x_refuses_is_refused_by_the_text_rules_first(capsys):
    # Every character X refuses (U+FEFF, U+FFFE, U+FFFF) is refused by Tandem's own text
    # rules since issue 10 (invisible characters): the reason names it before any count.
    code, _out = run("count", "--lang", "en", "\ufeffHello")
    assert code == 2
    assert "Invisible character U+FEFF at position 1" in capsys.readouterr().err


def test_stdin_dash_is_counted_as_given(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Été\r\n".encode())))
    code, out = run("count", "--json", "--lang", "fr", "-")
    assert code == 0
    assert counts(out)["bluesky"]["used"] == 4  # É t é and the final newline (CRLF made LF)


@pytest.mark.parametrize(("stdin", "reason"), [
    (b"caf\xe9", "Invalid UTF-8"),
    ("a\u202eb".encode(), "Bidirectional control U+202E"),
    (b"a\x00b", "NUL character"),
])
def test_refused_text_exits_2_with_the_reason(monkeypatch, capsys, stdin, reason):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code, out = run("count", "--json", "--lang", "en", "-")
    assert code == 2
    assert json.loads(out)["kind"] == "InvalidText"
    assert reason in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["count", "hi"],  # --lang is required
    ["count", "--lang", "de", "hi"],
    ["count", "--lang", "en", "--mastodon-limit", "0", "hi"],
    ["count", "--lang", "en", "--mastodon-url-weight", "-1", "hi"],
    ["count", "--lang", "en", "--mastodon-limit", "many", "hi"],
])
def test_bad_arguments_are_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        run(*argv)
    assert exit_.value.code == 2
    assert "usage: tandem count" in capsys.readouterr().err
