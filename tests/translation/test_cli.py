"""`tandem models …` and `tandem translate …` through the real entry point and real packages."""

from __future__ import annotations

import io
import json
import sys

import pytest

from desktop.cli import main as cli_main

MY_COMMANDS = ["models", "translate"]


def test_commands_are_registered():
    assert set(MY_COMMANDS) <= set(cli_main.COMMAND_MODULES)


@pytest.fixture
def run(monkeypatch, pkg_dir):
    """Call `tandem ARGS…`; return (exit code, stdout). Registers the commands if main lacks them."""
    monkeypatch.setattr(cli_main, "COMMAND_MODULES",
                        list(dict.fromkeys([*cli_main.COMMAND_MODULES, *MY_COMMANDS])))

    def call(*argv: str, stdin: bytes | None = None) -> tuple[int, str]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        out = io.StringIO()
        return cli_main.main(list(argv), stdout=out), out.getvalue()
    return call


def test_models_install_list_remove(run, archive):
    code, out = run("models", "install", str(archive("en_fr")))
    assert code == 0 and "installed translate-en_fr-1_0  en→fr  v1.0  ok" in out
    code, out = run("--json", "models", "list")
    listed = json.loads(out)["packages"]
    assert [(p["name"], p["pair"], p["version"], p["loadable"]) for p in listed] == [
        ("translate-en_fr-1_0", "en-fr", "1.0", True)]
    code, out = run("models", "remove", "translate-en_fr-1_0")
    assert code == 0 and out.strip() == "removed translate-en_fr-1_0"
    code, out = run("models", "list")
    assert code == 0 and out.startswith("No translation models installed.")


def test_models_install_folder(run, archive, tmp_path):
    bundle = archive("en_fr").parent
    archive("fr_en")
    code, out = run("models", "install", str(bundle))
    assert code == 0 and out.count("installed ") == 2
    code, out = run("models", "install", str(bundle))
    assert code == 0 and out.count("skipped ") == 2


def test_models_errors_exit_2_with_message(run, tmp_path, capsys):
    bad = tmp_path / "bad.argosmodel"
    bad.write_text("nope")
    assert run("models", "install", str(bad))[0] == 2
    assert "not a model package" in capsys.readouterr().err
    assert run("models", "remove", "ghost")[0] == 2
    assert 'No installed package named "ghost"' in capsys.readouterr().err
    assert run("models", "install")[0] == 2
    assert "Give either a FILE" in capsys.readouterr().err


def test_models_install_online_fails_cleanly_offline(run, monkeypatch, capsys):
    import httpx

    def no_network(self, *args, **kwargs):
        raise httpx.ConnectError("network unreachable")

    monkeypatch.setattr(httpx.Client, "send", no_network)
    assert run("models", "install", "--online", "en", "fr", "--timeout", "1")[0] == 2
    assert "Cannot fetch the package index" in capsys.readouterr().err


def test_translate_text_and_json(run, both_pairs):
    code, text_out = run("translate", "--from", "en", "--to", "fr", "Hello Canada.")
    assert code == 0 and text_out.strip()
    code, json_out = run("--json", "translate", "--from", "en", "--to", "fr", "Hello Canada.")
    data = json.loads(json_out)
    assert data["text"] == text_out.rstrip("\n")
    assert (data["model"], data["model_version"], data["source_lang"]) == ("translate-en_fr-1_0", "1.0", "en")
    assert data["segments"][0]["source_start"] == 0


def test_translate_reads_stdin(run, both_pairs):
    from_arg = run("translate", "--from", "fr", "--to", "en", "Bonjour à tous.")[1]
    code, from_stdin = run("translate", "--from", "fr", "--to", "en", "-", stdin="Bonjour à tous.".encode())
    assert code == 0 and from_stdin == from_arg


def test_translate_errors(run, pkg_dir, capsys):
    assert run("translate", "--from", "en", "--to", "fr", "Hello.")[0] == 2
    assert "No en→fr translation model is installed" in capsys.readouterr().err
    assert run("translate", "--from", "en", "--to", "fr", "-", stdin=b"\xff\xfe bad")[0] == 2
    assert "Invalid UTF-8" in capsys.readouterr().err


def test_online_install_refused_when_policy_turns_it_off(tmp_path, monkeypatch, capsys):
    policy = tmp_path / "policy.toml"
    policy.write_text("[translation]\nallow_online_install = false\n")
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    from desktop.cli.main import main

    assert main(["models", "install", "--online", "en", "fr"]) == 2
    assert "turned off by the IT policy" in capsys.readouterr().err
