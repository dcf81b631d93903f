"""A private, real Secret Service for tests that touch the OS keyring.

`scripts/test.sh` starts GNOME Keyring on a throwaway D-Bus session bus for
the whole run (scripts/keyring-session.sh). When pytest is run some other way,
`secret_service` starts one for this process the same way, so tests never
write into the developer's own login keyring and never fall back to a fake.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import warnings
from collections.abc import Iterator
from pathlib import Path

import keyring.backend
import keyring.core
import pytest
import secretstorage
from jeepney.io.blocking import open_dbus_connection

from desktop.publishing.credentials import SERVICE

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "keyring-session.sh"


def _trouble(address: str) -> str | None:
    """Why the Secret Service at ``address`` is unusable, or None when it answers unlocked."""
    try:
        with open_dbus_connection(address, auth_timeout=10) as bus:
            if secretstorage.get_default_collection(bus).is_locked():
                return "its default collection is locked"
    except Exception as exc:  # noqa: BLE001 - any failure means: not usable
        return f"{type(exc).__name__}: {exc}"
    return None


def ensure_private_secret_service() -> str:
    """The bus address of this run's throwaway, unlocked GNOME Keyring (started if needed).

    If the one this run started has stopped answering, a new one is started
    and a warning (shown in pytest's summary) says what happened to the old one.
    """
    address = os.environ.get("TANDEM_TEST_SECRET_SERVICE")
    if address and os.environ.get("DBUS_SESSION_BUS_ADDRESS") == address:
        trouble = _trouble(address)
        if trouble is None:
            return address
        warnings.warn(f"The test Secret Service at {address} stopped answering ({trouble}); "
                      "starting a new one.", stacklevel=2)
    result = subprocess.run([str(SCRIPT), "--env", "--watch", str(os.getpid())],
                            capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        pytest.fail(f"Could not start the test Secret Service (GNOME Keyring): {result.stderr}",
                    pytrace=False)
    for line in result.stdout.splitlines():
        name, _, value = line.removeprefix("export ").partition("=")
        os.environ[name] = shlex.split(value)[0]
    # Choose again now that a Secret Service exists; forget the viable backends keyring
    # found earlier in this process (e.g. a doctor test, before any Secret Service).
    with contextlib.suppress(KeyError):  # KeyError: nothing cached yet
        keyring.backend.get_all_keyring.reset()
    keyring.core.init_backend()
    return os.environ["TANDEM_TEST_SECRET_SERVICE"]


def tandem_items(address: str | None = None) -> dict[str, str]:
    """D-Bus path → key of every item filed under Tandem's keyring service."""
    with open_dbus_connection(address or ensure_private_secret_service()) as bus:
        collection = secretstorage.get_default_collection(bus)
        return {item.item_path: item.get_attributes().get("username", "")
                for item in collection.search_items({"service": SERVICE})}


def delete_items(address: str, paths: set[str]) -> None:
    with open_dbus_connection(address) as bus:
        collection = secretstorage.get_default_collection(bus)
        for item in collection.search_items({"service": SERVICE}):
            if item.item_path in paths:
                item.delete()


@pytest.fixture
def secret_service() -> Iterator[str]:
    """The private keyring; Tandem items a test leaves behind are deleted after it."""
    address = ensure_private_secret_service()
    before = set(tandem_items(address))
    yield address
    delete_items(address, set(tandem_items(address)) - before)
