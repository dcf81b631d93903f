"""`tandem accounts …` and `tandem post targets` through the real entry point, store and keyring."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest

from desktop.cli.main import main
from desktop.publishing.credentials import SERVICE
from tests.publishing.keyring_env import secret_service  # noqa: F401 (fixture)

SECRET = "cli-Secret-4b7d-CANARY"
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.usefixtures("secret_service")


def run(*argv, stdin: bytes | None = None, monkeypatch=None) -> tuple[int, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def tandem(*argv: str, stdin: bytes | None = None, env: dict | None = None,
           ) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop.cli.main", *argv], cwd=ROOT,
                          input=stdin, capture_output=True, env={**os.environ, **(env or {})},
                          stdin=None if stdin is not None else subprocess.DEVNULL)


def add(monkeypatch, name: str, lang: str, *extra: str, channel: str = "bluesky",
        secret: bytes = SECRET.encode() + b"\n") -> tuple[int, str]:
    handle = () if "--handle" in extra else ("--handle", f"{name}.bsky.social")
    return run("accounts", "add", channel, name, "--lang", lang, *handle, *extra,
               "--secret-stdin", stdin=secret, monkeypatch=monkeypatch)


def test_add_from_stdin_list_and_remove(monkeypatch, capsys, isolated_env):
    code, out = add(monkeypatch, "gc-en", "en")
    assert code == 0, capsys.readouterr().err
    assert "Added bluesky account gc-en (English" in out
    assert "keyring.backends.SecretService.Keyring" in out
    assert keyring.get_password(SERVICE, "bluesky:gc-en") == SECRET  # one newline dropped
    code, out = run("--json", "accounts", "add", "mastodon", "gc-bi", "--lang", "both",
                    "--service", "https://mastodon.example", "--handle", "@gc",
                    "--order", "fr-first", "--combine-when-fits", "--secret-stdin",
                    stdin=b"masto-token\r\n", monkeypatch=monkeypatch)
    added = json.loads(out)
    assert (added["order"], added["combine_when_fits"], added["secret"]) == ("fr-first", True,
                                                                            "present")
    code, text = run("accounts", "list")
    assert code == 0 and "gc-en" in text and "secret present" in text
    code, out = run("accounts", "list", "--json")
    listed = {a["name"]: a for a in json.loads(out)}
    assert listed["gc-bi"]["secret_ref"] == {"service": "Tandem", "key": "mastodon:gc-bi"}
    assert listed["gc-en"]["secret"] == "present" and not listed["gc-en"]["locked"]
    assert run("accounts", "remove", "gc-en")[0] == 0
    assert keyring.get_password(SERVICE, "bluesky:gc-en") is None
    assert [a["name"] for a in json.loads(run("accounts", "list", "--json")[1])] == ["gc-bi"]
    outputs = [text, out, capsys.readouterr().err]
    db = isolated_env / "tandem.sqlite3"
    files = [p.read_bytes() for p in db.parent.iterdir() if p.name.startswith(db.name)]
    assert all(SECRET.encode() not in blob for blob in files)
    assert all(SECRET not in text for text in outputs)


@pytest.mark.parametrize("argv, secret, words", [
    (("accounts", "add", "myspace", "n", "--lang", "en"), SECRET.encode(),
     "Unknown channel 'myspace'"),
    (("accounts", "add", "bluesky", "n", "--lang", "en", "--handle", "n.bsky.social",
      "--service", "http://bsky.example"), SECRET.encode(), "must start with https://"),
    (("accounts", "add", "bluesky", "n", "--lang", "en", "--handle", "n.bsky.social"),
     b"", "is empty"),
    (("accounts", "add", "bluesky", "n", "--lang", "en", "--handle", "n.bsky.social"),
     SECRET.encode() + b"\n\n", "line break"),
    (("accounts", "add", "bluesky", "n", "--lang", "en", "--handle", "n.bsky.social"),
     SECRET.encode() + b"\xff", "not UTF-8"),
    (("accounts", "remove", "nobody"), None, "There is no account 'nobody'"),
])
def test_bad_input_exits_2_with_a_clear_message_and_no_secret(monkeypatch, capsys, argv, secret,
                                                              words):
    if secret is not None:
        argv = (*argv, "--secret-stdin")
    code, out = run(*argv, "--json", stdin=secret, monkeypatch=monkeypatch)
    err = capsys.readouterr().err
    assert code == 2 and words in err
    assert json.loads(out)["error"] in err
    assert SECRET not in err and SECRET not in out
    assert keyring.get_password(SERVICE, "bluesky:n") is None


def test_duplicate_name(monkeypatch, capsys):
    assert add(monkeypatch, "gc-en", "en")[0] == 0
    code, _ = add(monkeypatch, "GC-EN", "fr", secret=b"other\n")
    assert code == 2 and "already exists" in capsys.readouterr().err
    assert keyring.get_password(SERVICE, "bluesky:gc-en") == SECRET


def test_secret_rotation(monkeypatch):
    add(monkeypatch, "gc-en", "en")
    code, out = run("accounts", "secret", "gc-en", "--secret-stdin", stdin=b"rotated\n",
                    monkeypatch=monkeypatch)
    assert code == 0 and "rotated" not in out
    assert keyring.get_password(SERVICE, "bluesky:gc-en") == "rotated"


def test_post_targets_and_defaults(monkeypatch, capsys):
    for name, lang in (("gc-en", "en"), ("gc-fr", "fr")):
        assert add(monkeypatch, name, lang)[0] == 0
    assert run("post", "new", "--en", "Flu shots", "--fr", "Vaccins")[1].strip() == "1"
    code, _ = run("post", "targets", "1", "gc-en")
    err = capsys.readouterr().err
    assert code == 2 and "never publishes one language without the other" in err
    assert "on Bluesky, gc-en posts English only" in err
    code, out = run("post", "targets", "1", "gc-en", "gc-fr")
    assert code == 0 and "chosen for this post" in out
    shown = json.loads(run("--json", "post", "targets", "1")[1])
    assert shown["accounts"] == ["gc-en", "gc-fr"] and shown["ok"] and shown["source"] == "post"
    assert json.loads(run("post", "targets", "1", "--clear", "--json")[1])["source"] == "none"
    assert run("accounts", "defaults", "gc-en", "gc-fr")[0] == 0
    shown = json.loads(run("--json", "post", "targets", "1")[1])
    assert shown["source"] == "defaults" and shown["ok"]
    code, out = run("accounts", "defaults")
    assert "Default targets (yours)" in out and "gc-fr" in out
    audit = json.loads(run("--json", "audit", "log")[1])
    assert [e["action"] for e in audit if e["action"].startswith(("post.targets", "accounts"))] == [
        "post.targets", "post.targets", "accounts.defaults"]
    assert SECRET not in json.dumps(audit)


def test_policy_accounts_show_locked(monkeypatch, capsys, isolated_env):
    policy = isolated_env / "policy.toml"
    policy.write_text('[[publishing.accounts]]\nname = "gc-bsky"\nchannel = "bluesky"\n'
                      'lang = "both"\nhandle = "canada.bsky.social"\n', encoding="utf-8")
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    listed = json.loads(run("--json", "accounts", "list")[1])
    assert [(a["name"], a["locked"], a["secret"]) for a in listed] == [("gc-bsky", True, "missing")]
    assert "locked" in run("accounts", "list")[1]
    assert run("accounts", "remove", "gc-bsky")[0] == 2
    assert "provisioned by the IT policy" in capsys.readouterr().err
    code, _ = run("accounts", "secret", "gc-bsky", "--secret-stdin", stdin=SECRET.encode(),
                  monkeypatch=monkeypatch)
    assert code == 0 and json.loads(run("--json", "accounts", "list")[1])[0]["secret"] == "present"


def test_prompt_hides_the_secret_and_asks_twice(isolated_env):
    """A real terminal (pty): the secret is typed twice and never echoed."""
    pid, fd = pty.fork()
    if pid == 0:  # child: the pty is its controlling terminal
        os.chdir(ROOT)
        os.execv(sys.executable, [sys.executable, "-m", "desktop.cli.main", "accounts", "add",
                                  "bluesky", "typed", "--lang", "en", "--handle", "t.bsky.social"])
    screen = b""

    def read_until(marker: bytes) -> None:
        nonlocal screen
        deadline = time.monotonic() + 30
        while marker not in screen and time.monotonic() < deadline:
            if select.select([fd], [], [], 1)[0]:
                try:
                    screen += os.read(fd, 4096)
                except OSError:
                    break
        assert marker in screen, screen.decode(errors="replace")

    read_until(b"(typing is not shown): ")
    os.write(fd, SECRET.encode() + b"\n")
    read_until(b"again, to confirm: ")
    os.write(fd, SECRET.encode() + b"\n")
    read_until(b"Added bluesky account typed")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    assert SECRET.encode() not in screen
    assert keyring.get_password(SERVICE, "bluesky:typed") == SECRET


def test_no_terminal_and_no_stdin_flag(isolated_env):
    result = tandem("accounts", "add", "bluesky", "n", "--lang", "en", "--handle", "n.bsky.social")
    assert result.returncode == 2 and b"--secret-stdin" in result.stderr


def test_keyring_unavailable_in_a_real_process(isolated_env, tmp_path):
    """No Secret Service on the bus: keyring falls back to its fail backend; Tandem says how to fix it."""
    gone = {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}"}
    result = tandem("accounts", "add", "bluesky", "n", "--lang", "en", "--handle",
                    "n.bsky.social", "--secret-stdin", stdin=SECRET.encode(), env=gone)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "keyring.backends.fail.Keyring" in err and "gnome-keyring" in err
    assert SECRET not in err and SECRET.encode() not in result.stdout
    assert json.loads(tandem("--json", "accounts", "list").stdout) == []
    added = tandem("accounts", "add", "bluesky", "n", "--lang", "en", "--handle",
                   "n.bsky.social", "--secret-stdin", stdin=SECRET.encode())
    assert added.returncode == 0, added.stderr
    listed = tandem("accounts", "list", env=gone)
    assert listed.returncode == 0 and b"secret unknown" in listed.stdout
    assert b"cannot tell which secrets are stored" in listed.stderr
    assert b"keyring.backends.fail.Keyring" in listed.stderr
