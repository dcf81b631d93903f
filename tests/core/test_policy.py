"""The IT policy: schema validation, secrets refused, locks, generated docs, and the CLI rules."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.core import policy as policy_mod
from desktop.core.errors import PolicyError
from desktop.core.policy import SCHEMA, Policy, parse

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def toml_for(key: str, value_toml: str) -> str:
    section, _, name = key.partition(".")
    return f"[{section}]\n{name} = {value_toml}\n"


# -- the schema and its generated artefacts -----------------------------------


def test_example_policy_is_valid_and_uses_every_supported_key():
    policy = parse(policy_mod.example_toml())
    supported = [k for k, spec in SCHEMA.items() if spec.unsupported is None]
    assert [s.key for s in policy.locked()] == supported


def test_shipped_example_file_is_the_generated_one():
    shipped = (ROOT / "resources" / "policy.example.toml").read_text(encoding="utf-8")
    assert shipped == policy_mod.example_toml(), \
        "regenerate: tandem policy show --example > resources/policy.example.toml"


def test_deploying_doc_has_the_generated_key_table():
    doc = (ROOT / "docs" / "deploying.md").read_text(encoding="utf-8")
    assert policy_mod.schema_markdown() in doc, \
        "regenerate the table in docs/deploying.md with: tandem policy show --schema"


def test_policy_examples_in_the_deploying_doc_are_valid():
    doc = (ROOT / "docs" / "deploying.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", doc, re.S)
    assert blocks
    for block in blocks:
        assert parse(block).locked()


def test_account_fields_match_the_publishing_layer():
    from desktop.publishing.accounts import POLICY_ACCOUNT_KEYS

    assert tuple(policy_mod.ACCOUNT_FIELDS) == tuple(POLICY_ACCOUNT_KEYS)


# -- bad input: each stops start-up with the key named ------------------------


def test_bad_toml_is_refused():
    with pytest.raises(PolicyError, match="not valid TOML"):
        parse("[identity\nallow_override = false\n", Path("/etc/tandem/policy.toml"))


def test_unknown_key_is_named_with_a_suggestion():
    with pytest.raises(PolicyError) as err:
        parse("[identity]\nallow_overide = false\n")
    assert "'identity.allow_overide'" in str(err.value)
    assert "Did you mean 'identity.allow_override'" in str(err.value)


def test_unknown_section_is_named():
    with pytest.raises(PolicyError, match="Unknown policy key 'colours.theme'"):
        parse("[colours]\ntheme = 'dark'\n")


#: A value of the wrong TOML type for each key.
WRONG = {bool: '"yes"', str: "42", list: '"jdoe"', dict: '"x"'}


@pytest.mark.parametrize("key", [k for k, s in SCHEMA.items() if s.unsupported is None])
def test_wrong_type_is_refused_naming_the_key(key):
    with pytest.raises(PolicyError) as err:
        parse(toml_for(key, WRONG[SCHEMA[key].type]), Path("p.toml"))
    assert f"'{key}' in p.toml must be" in str(err.value)


@pytest.mark.parametrize("text, key, words", [
    ("[roles]\nadmins = ['jdoe', 3]\n", "roles.admins", "array of strings"),
    ("[roles]\nadmins = ['not a user name']\n", "roles.admins", "not a valid user name"),
    ("[roles.grants]\njdoe = 'admin'\n", "roles.grants", "must be an array of strings"),
    ("[roles.grants]\njdoe = ['emperor']\n", "roles.grants", "emperor"),
    ("[approval.chain]\nsteps = [{ mode = 'any' }]\n", "approval.chain", "needs a name"),
    ("[[publishing.accounts]]\nname = 'gc-en'\n", "publishing.accounts", "needs a channel"),
    ("[[publishing.accounts]]\nname = 'a'\nchannel = 'x'\ncolour = 'red'\n",
     "publishing.accounts", "unknown key 'colour'"),
    ("[[publishing.accounts]]\nname = 'a'\nchannel = 'x'\n"
     "[[publishing.accounts]]\nname = 'A'\nchannel = 'bluesky'\n",
     "publishing.accounts", "used twice"),
    ("[[publishing.accounts]]\nname = 'a'\nchannel = 'x'\ncombine_when_fits = 'yes'\n",
     "publishing.accounts", "must be a boolean"),
    ("[database]\npath = ''\n", "database.path", "must not be empty"),
    ("[database]\npath = 'postgresql://db/tandem'\n", "database.path", "database.url"),
    ("[database]\nurl = 'postgresql://u:secret@db/tandem'\n", "database.url", "password"),
    ("[database]\nurl = '/srv/tandem.sqlite3'\n", "database.url", "postgresql://"),
    ("[telemetry]\nenabled = true\n", "telemetry.enabled", "no telemetry"),
])
def test_invalid_values_are_refused_naming_the_key(text, key, words):
    with pytest.raises(PolicyError) as err:
        parse(text)
    assert f"'{key}'" in str(err.value) and words in str(err.value)


@pytest.mark.parametrize("text, path", [
    ("[publishing]\ntoken = 'abc'\n", "publishing.token"),
    ("[[publishing.accounts]]\nname = 'a'\nchannel = 'bluesky'\napp_password = 'x'\n",
     "publishing.accounts[0].app_password"),
    ("[approval.chain]\nsteps = [{ name = 'P', Secret = 'x' }]\n", "approval.chain.steps[0].Secret"),
    ("[bluesky]\napi-key = 'x'\n", "bluesky.api-key"),
    ("password = 'x'\n", "password"),
])
def test_secret_looking_keys_are_refused_anywhere(text, path):
    with pytest.raises(PolicyError) as err:
        parse(text)
    message = str(err.value)
    assert f"'{path}'" in message and "looks like a secret" in message
    assert "'x'" not in message and "abc" not in message  # the value itself is never echoed


def test_missing_file_is_no_policy(tmp_path):
    policy = policy_mod.load(tmp_path / "absent.toml")
    assert policy == Policy() and not policy.is_locked("database.path")


def test_unreadable_or_undecodable_file_is_an_error(tmp_path):
    with pytest.raises(PolicyError, match="cannot be read"):
        policy_mod.load(tmp_path)  # a folder
    latin = tmp_path / "latin1.toml"
    latin.write_bytes("[identity]\n# réservé\n".encode("latin-1"))
    with pytest.raises(PolicyError, match="cannot be read"):
        policy_mod.load(latin)


def test_policy_location(monkeypatch):
    monkeypatch.setenv("TANDEM_POLICY", "/tmp/p.toml")
    assert policy_mod.default_policy_path() == Path("/tmp/p.toml")  # no system policy here
    monkeypatch.delenv("TANDEM_POLICY")
    monkeypatch.setattr(sys, "platform", "linux")
    assert policy_mod.default_policy_path() == Path("/etc/tandem/policy.toml")
    monkeypatch.setattr(sys, "platform", "win32")
    # The folder Windows reports, never the ProgramData variable (which anyone can set).
    monkeypatch.setenv("ProgramData", r"D:\Elsewhere")
    monkeypatch.setattr(policy_mod, "_windows_program_data", lambda: Path(r"C:\ProgramData"))
    assert policy_mod.default_policy_path() == Path(r"C:\ProgramData") / "Tandem" / "policy.toml"


# -- locks ---------------------------------------------------------------------


def test_locked_settings_listing_for_the_ui():
    policy = parse("[telemetry]\nenabled = false\n[identity]\nallow_override = false\n",
                   Path("p.toml"))
    assert [(s.key, s.value) for s in policy.locked()] == [
        ("identity.allow_override", False), ("telemetry.enabled", False)]
    assert policy.locked()[0].help == SCHEMA["identity.allow_override"].help
    assert policy.is_locked("telemetry.enabled") and not policy.is_locked("database.path")
    with pytest.raises(PolicyError, match=r"locked by the IT policy \(identity.allow_override"):
        policy.require_unlocked("identity.allow_override", "Acting as another user")
    assert policy.to_dict() == {"source": "p.toml", "locked": {
        "identity.allow_override": False, "telemetry.enabled": False}}
    with pytest.raises(KeyError):
        policy.get("no.such.key")


# -- through the CLI -----------------------------------------------------------


def write_policy(tmp_path: Path, monkeypatch, text: str) -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("TANDEM_POLICY", str(path))
    return path


def test_invalid_policy_stops_every_command_naming_the_key(tmp_path, monkeypatch, capsys):
    write_policy(tmp_path, monkeypatch, "[identity]\nallow_override = 'no'\n")
    assert run("post", "list")[0] == 2
    assert "'identity.allow_override'" in capsys.readouterr().err


def test_locked_database_refuses_db_elsewhere(tmp_path, monkeypatch, capsys):
    locked = tmp_path / "locked.sqlite3"
    write_policy(tmp_path, monkeypatch, f"[database]\npath = '{locked}'\n")
    monkeypatch.delenv("TANDEM_DB")
    assert run("post", "list", "--db", str(tmp_path / "mine.sqlite3"))[0] == 2
    assert "locked by the IT policy" in capsys.readouterr().err
    assert not (tmp_path / "mine.sqlite3").exists()
    code, out = run("post", "new", "--en", "Hi", "--fr", "Salut", "--db", str(locked))
    assert code == 0 and locked.exists()


def test_tandem_user_refused_when_override_is_off(tmp_path, monkeypatch, capsys):
    write_policy(tmp_path, monkeypatch, "[identity]\nallow_override = false\n")
    monkeypatch.setenv("TANDEM_USER", "someone-else")
    assert run("post", "list")[0] == 2
    assert "identity.allow_override = false" in capsys.readouterr().err
    monkeypatch.delenv("TANDEM_USER")
    assert run("post", "list")[0] == 0


def test_policy_check_command(tmp_path, capsys):
    good = tmp_path / "good.toml"
    good.write_text(policy_mod.example_toml(), encoding="utf-8")
    code, out = run("policy", "check", str(good), "--json")
    assert code == 0 and json.loads(out)["locked"]["identity.allow_override"] is False
    bad = tmp_path / "bad.toml"
    bad.write_text("[translation]\npackages_dir = 3\n", encoding="utf-8")
    code, out = run("policy", "check", str(bad))
    assert code == 2 and "'translation.packages_dir'" in capsys.readouterr().err
    assert run("policy", "check", str(tmp_path / "absent.toml"))[0] == 2
    assert "cannot be read" in capsys.readouterr().err


def test_policy_show_command(tmp_path, monkeypatch):
    code, out = run("policy", "show")
    assert code == 0 and "nothing is locked" in out
    write_policy(tmp_path, monkeypatch, "[translation]\nallow_online_install = false\n")
    code, out = run("policy", "show", "--json")
    data = json.loads(out)
    assert data["present"] and data["locked"] == {"translation.allow_online_install": False}
    code, out = run("policy", "show", "--schema", "--json")
    assert [row["key"] for row in json.loads(out)] == list(SCHEMA)
    code, out = run("policy", "show", "--schema")
    assert out == policy_mod.schema_markdown()
    code, out = run("policy", "show", "--example")
    assert out == policy_mod.example_toml()
