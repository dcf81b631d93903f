"""The personal signing key in the person's OS keyring (never in the store, logs or errors).

One Ed25519 private key per person and computer, filed under the service
``Tandem signing key`` with the person's user name; only its public half goes
to the store (`tandem keys register`, by an admin). `keyring` is imported on
first use, so people who never sign never touch the keyring. Backends that do
not encrypt (the plaintext files of keyrings.alt) or that do not exist (fail,
null) are refused rather than used.
"""

from __future__ import annotations

from .errors import StoreError

SERVICE = "Tandem signing key"
_REFUSED = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class SigningKeyringError(StoreError):
    """The OS keyring cannot keep or give the signing key."""


def _backend():
    import keyring

    backend = keyring.get_keyring()
    members = getattr(backend, "backends", None) or [backend]
    names = [type(b).__module__ for b in members]
    if not names or any(n.startswith(_REFUSED) for n in names):
        raise SigningKeyringError(
            f"No encrypted OS keyring is available here ({', '.join(names) or 'none'}), so a "
            "signing key can be neither kept nor used. Run the desktop's keyring (GNOME "
            "Keyring or KWallet, Keychain, Windows Credential Manager) and retry.")
    return backend


def _call(doing: str, operation):
    try:
        return operation(_backend())
    except SigningKeyringError:
        raise
    except Exception as exc:  # noqa: BLE001 — any backend failure: one clear message, never the key
        raise SigningKeyringError(f"The OS keyring could not {doing}: "
                                  f"{type(exc).__name__}.") from None


def load(user: str) -> str | None:
    """``user``'s private signing key (base64 of the raw 32 bytes), or None when there is none."""
    return _call("read your signing key", lambda b: b.get_password(SERVICE, user))


def save(user: str, private_key: str) -> None:
    """Keep ``user``'s private signing key in the OS keyring (replacing any there)."""
    _call("store your signing key", lambda b: b.set_password(SERVICE, user, private_key))
