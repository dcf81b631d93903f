"""Signing keys in the real (throwaway) Secret Service.

`signing_keys` is the private GNOME Keyring of the run (tests/publishing/keyring_env.py);
signing keys a test leaves there are deleted after it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import secretstorage
from jeepney.io.blocking import open_dbus_connection

from desktop.core import signing, signing_keyring
from tests.publishing.keyring_env import ensure_private_secret_service


def _items(address: str) -> set[str]:
    with open_dbus_connection(address) as bus:
        collection = secretstorage.get_default_collection(bus)
        return {i.item_path for i in collection.search_items({"service": signing_keyring.SERVICE})}


@pytest.fixture
def signing_keys() -> Iterator[str]:
    address = ensure_private_secret_service()
    before = _items(address)
    yield address
    with open_dbus_connection(address) as bus:
        for item in secretstorage.get_default_collection(bus).search_items(
                {"service": signing_keyring.SERVICE}):
            if item.item_path not in before:
                item.delete()


def new_key_in_keyring(user: str) -> str:
    """What `tandem keys init` does: a fresh key in ``user``'s keyring; its public key."""
    key = signing.Ed25519PrivateKey.generate()
    signing_keyring.save(user, signing.private_text(key))
    return signing.public_text(key)
