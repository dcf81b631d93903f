"""Credentials against a real OS keyring: GNOME Keyring's Secret Service on a private D-Bus."""

from __future__ import annotations

import json
import logging
import os
import pickle
import socket
import subprocess
import sys
import threading
from pathlib import Path

import keyring
import pytest
from keyring.backends import SecretService, fail, null

from desktop.publishing.credentials import (SERVICE, TIMEOUT_ATTEMPTS, CredentialRef, Credentials,
                                            InvalidSecret, KeyringUnavailable, Secret,
                                            SecretMissing, backend_report, is_secure_backend)

from .keyring_env import secret_service, tandem_items  # noqa: F401 (fixture)

SECRET = "zq-CREDENTIAL-7f3a-canary"
pytestmark = pytest.mark.usefixtures("secret_service")


@pytest.fixture
def dead_bus(tmp_path, monkeypatch):
    """The session bus address points at a socket nobody listens on (the daemon is gone)."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")


def test_keyring_chooses_the_secret_service_backend_by_itself():
    """A fresh process, no configuration: keyring's own detection picks the Secret Service."""
    result = subprocess.run(
        [sys.executable, "-c",
         "import keyring; k = keyring.get_keyring(); "
         "print(type(k).__module__ + '.' + type(k).__qualname__)"],
        capture_output=True, text=True, check=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"})
    assert result.stdout.strip() == "keyring.backends.SecretService.Keyring"
    assert isinstance(keyring.get_keyring(), SecretService.Keyring)
    assert Credentials().backend.__class__ is SecretService.Keyring


def test_backend_report_of_the_running_keyring():
    report = backend_report()
    assert report.name == "keyring.backends.SecretService.Keyring"
    assert report.is_secure and report.available and report.ok and report.fix == ""
    assert json.loads(json.dumps(report.as_dict()))["ok"] is True


def test_store_get_delete_round_trip_in_the_real_keyring():
    credentials = Credentials()
    ref = credentials.ref("bluesky", "GC-En")
    assert ref == CredentialRef(SERVICE, "bluesky:gc-en")
    credentials.store(ref, Secret(SECRET))
    # Another client of the same keyring sees it: it really is in the Secret Service.
    assert keyring.get_password(SERVICE, "bluesky:gc-en") == SECRET
    assert "bluesky:gc-en" in tandem_items().values()
    assert credentials.has(ref)
    got = credentials.get(ref)
    assert isinstance(got, Secret) and got.reveal() == SECRET
    assert credentials.provider(ref)().reveal() == SECRET
    credentials.store(ref, Secret(SECRET + "-rotated"))  # replaces, never duplicates
    assert list(tandem_items().values()).count("bluesky:gc-en") == 1
    assert credentials.get(ref).reveal() == SECRET + "-rotated"
    assert credentials.delete(ref) is True
    assert keyring.get_password(SERVICE, "bluesky:gc-en") is None
    assert credentials.delete(ref) is False
    with pytest.raises(SecretMissing) as missing:
        credentials.get(ref)
    assert "bluesky:gc-en" in str(missing.value)


def test_the_keyring_keeps_the_secret_encrypted_on_disk():
    Credentials().store(CredentialRef(SERVICE, "mastodon:disk"), Secret(SECRET))
    folder = Path(os.environ["TANDEM_TEST_KEYRING_DIR"])
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".keyring") for p in files)
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path


def test_secret_never_shows_itself(caplog):
    secret = Secret(SECRET)
    shown = [repr(secret), str(secret), f"{secret}", f"{secret!r}", "%s" % secret,  # noqa: UP031 - %-formatting is one of the ways tested
             format(secret, ">40"), json.dumps({"s": secret}, default=str), str([secret]),
             str(ValueError(secret))]
    for text in shown:
        assert SECRET not in text
        assert "********" in text
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("tandem.test").warning("secret is %s / %r", secret, secret)
    assert SECRET not in caplog.text
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    assert secret.reveal() == SECRET


@pytest.mark.parametrize("raw, expected", [
    (SECRET + "\n", SECRET),
    (SECRET + "\r\n", SECRET),
    (SECRET, SECRET),
    ("  spaced app pass  \n", "  spaced app pass  "),
])
def test_one_trailing_newline_is_dropped(raw, expected):
    assert Secret.from_input(raw).reveal() == expected


@pytest.mark.parametrize("raw, words", [
    ("", "empty"),
    ("\n", "empty"),
    ("   \n", "empty"),
    (SECRET + "\n\n", "line break"),  # only one newline is stripped
    (SECRET + "\nsecond line", "line break"),
    (SECRET[:5] + "\x00" + SECRET[5:], "control character"),
    (SECRET * 400, "more than 8192"),
])
def test_bad_secrets_are_refused_without_repeating_them(raw, words):
    with pytest.raises(InvalidSecret) as refused:
        Secret.from_input(raw)
    assert words in str(refused.value)
    assert SECRET not in str(refused.value) and SECRET[:8] not in str(refused.value)


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_fail_and_null_backends_are_not_secure_and_are_refused(backend):
    assert not is_secure_backend(backend)
    report = backend_report(backend)
    assert not report.is_secure and not report.ok
    assert report.name.startswith("keyring.backends.") and "gnome-keyring" in report.fix
    with pytest.raises(KeyringUnavailable) as refused:
        Credentials(backend).store(CredentialRef(SERVICE, "x:y"), Secret(SECRET))
    message = str(refused.value)
    assert report.name in message and "no usable keyring" in message and SECRET not in message
    with pytest.raises(KeyringUnavailable):
        Credentials(backend).get(CredentialRef(SERVICE, "x:y"))


def test_secret_service_gone_gives_a_clear_message(dead_bus):
    backend = SecretService.Keyring()
    credentials = Credentials(backend)
    with pytest.raises(KeyringUnavailable) as refused:
        credentials.store(CredentialRef(SERVICE, "bluesky:gone"), Secret(SECRET))
    message = str(refused.value)
    assert "Could not store the secret in the keyring (keyring.backends.SecretService.Keyring)" in message
    assert "gnome-keyring" in message and SECRET not in message
    report = backend_report(backend)
    assert report.is_secure and report.available is False and not report.ok
    assert "did not answer" in report.detail and report.fix
    with pytest.raises(KeyringUnavailable):
        credentials.has(CredentialRef(SERVICE, "bluesky:gone"))


def test_a_bus_that_never_answers_is_retried_then_reported(tmp_path, monkeypatch, caplog):
    """A D-Bus socket that accepts but stays silent: the handshake times out, three times."""
    path = tmp_path / "silent-bus"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={path}")
    try:
        with caplog.at_level(logging.WARNING), pytest.raises(KeyringUnavailable) as refused:
            Credentials(SecretService.Keyring()).store(CredentialRef(SERVICE, "x:slow"),
                                                       Secret(SECRET))
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        server.close()
    assert "TimeoutError" in str(refused.value) and SECRET not in str(refused.value)
    assert len(accepted) == TIMEOUT_ATTEMPTS
    assert caplog.text.count("The keyring timed out; trying again") == TIMEOUT_ATTEMPTS - 1


def test_store_takes_only_a_secret_object():
    with pytest.raises(TypeError):
        Credentials().store(CredentialRef(SERVICE, "x:y"), SECRET)  # type: ignore[arg-type]
