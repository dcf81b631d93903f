"""Account secrets (app passwords, tokens, webhook signing keys) in the OS keyring only.

The database keeps a `CredentialRef` (keyring service name + key); the secret
itself is written to and read from the OS keyring through `keyring`: the
Secret Service (GNOME Keyring, KWallet) on Linux, Credential Manager on
Windows, the Keychain on macOS. Tandem refuses plaintext or "fail" backends
rather than put a secret somewhere unsafe.

A secret travels as a `Secret`, whose repr/str/format show a mask, so it
cannot slip into a log line, an exception message, JSON output or a pickle.
Every error raised here names the keyring backend and says how to fix it,
and never contains the secret.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from collections.abc import Callable
from typing import Protocol, TypeVar

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, NoKeyringError, PasswordDeleteError

from desktop.core.errors import TandemError

log = logging.getLogger(__name__)

#: The keyring "service" every Tandem secret is filed under.
SERVICE = "Tandem"
#: A key that is never written: reading it tells whether the keyring answers.
PROBE_KEY = "tandem:probe"
MAX_SECRET_CHARS = 8192
#: Tries of one keyring call that times out (the D-Bus handshake allows one second).
TIMEOUT_ATTEMPTS = 3
MASK = "Secret('********')"

#: Backends that keep secrets encrypted in a per-user OS store.
SECURE_BACKENDS = frozenset({
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.libsecret.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.kwallet.DBusKeyringKWallet4",
    "keyring.backends.macOS.Keyring",
    "keyring.backends.Windows.WinVaultKeyring",
})
CHAINER_BACKEND = "keyring.backends.chainer.ChainerBackend"

T = TypeVar("T")


class CredentialError(TandemError):
    """A secret could not be read, stored or accepted (the message never holds it)."""


class InvalidSecret(CredentialError):
    """The secret given is empty, multi-line, not text or absurdly long."""


class KeyringUnavailable(CredentialError):
    """The OS keyring is missing, locked, insecure or did not answer."""


class SecretMissing(CredentialError):
    """The keyring has no secret for an account."""


class Secret:
    """A secret value that never shows itself; `reveal()` is the only way to read it."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        if not isinstance(value, str):
            raise TypeError("a Secret holds text")
        self._value = value

    @classmethod
    def from_input(cls, raw: str, what: str = "The secret") -> Secret:
        """A secret as typed or piped: one trailing newline (\\n or \\r\\n) is dropped.

        Refuses empty or whitespace-only text, line breaks or control characters
        inside it (a second line is almost always a paste mistake) and text over
        `MAX_SECRET_CHARS` characters. Messages give lengths, never content.
        """
        if raw.endswith("\r\n"):
            raw = raw[:-2]
        elif raw.endswith("\n"):
            raw = raw[:-1]
        if not raw.strip():
            raise InvalidSecret(f"{what} is empty: nothing was stored.", msg="secret.empty")
        if len(raw) > MAX_SECRET_CHARS:
            raise InvalidSecret(f"{what} is {len(raw)} characters long (more than "
                                f"{MAX_SECRET_CHARS}): was a file given by mistake? Nothing was stored.",
                                msg="secret.too_long", length=len(raw), limit=MAX_SECRET_CHARS)
        if any(ord(c) < 32 or ord(c) == 127 for c in raw):
            raise InvalidSecret(f"{what} contains a line break or another control character: give "
                                "it on one line (one final newline is fine). Nothing was stored.",
                                msg="secret.control")
        return cls(raw)

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return MASK

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return MASK

    def __reduce__(self):
        raise TypeError("a Secret cannot be pickled or copied out of the process")


@dataclass(frozen=True)
class CredentialRef:
    """Where an account's secret is filed in the keyring: what the database keeps."""

    service: str
    key: str

    def __str__(self) -> str:
        return f"{self.service} / {self.key}"


class HasSecretRef(Protocol):
    @property
    def secret_ref(self) -> CredentialRef: ...  # read-only: accounts are frozen


@dataclass(frozen=True)
class BackendReport:
    """Which keyring backend `keyring` chose, and whether Tandem may use it."""

    name: str  # dotted class path, e.g. keyring.backends.SecretService.Keyring
    is_secure: bool  # an encrypted per-user OS store (not plaintext, fail or null)
    available: bool | None  # answered a read probe; None when not probed
    detail: str  # one line for people
    fix: str  # what to do about it ("" when all is well)

    @property
    def ok(self) -> bool:
        return self.is_secure and self.available is not False

    def as_dict(self) -> dict:
        return {"name": self.name, "is_secure": self.is_secure, "available": self.available,
                "ok": self.ok, "detail": self.detail, "fix": self.fix}


def backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def is_secure_backend(backend: KeyringBackend) -> bool:
    name = backend_name(backend)
    if name == CHAINER_BACKEND:
        members = list(getattr(backend, "backends", ()))
        return bool(members) and all(is_secure_backend(b) for b in members)
    return name in SECURE_BACKENDS


def _fix_for(name: str, secure: bool) -> str:
    if not secure and name not in ("keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"):
        return ("This backend does not keep secrets encrypted in the OS keyring, so Tandem will not "
                "use it: uninstall keyrings.alt (or the plugin providing it), or unset "
                "PYTHON_KEYRING_BACKEND / the keyringrc.cfg backend setting, so that the OS "
                "keyring is chosen.")
    if sys.platform == "darwin":
        return "Unlock the login Keychain (Keychain Access) and retry."
    if sys.platform.startswith("win"):
        return ("Windows Credential Manager did not answer: check PYTHON_KEYRING_BACKEND and "
                "keyringrc.cfg, then retry in a normal (not service) user session.")
    return ("Run a Secret Service for this desktop session and unlock it: GNOME Keyring (Debian/"
            "Ubuntu: `sudo apt install gnome-keyring`, then log out and in) or KWallet. Without a "
            "desktop, start one inside a D-Bus session: `dbus-run-session -- sh -c 'printf %s "
            "PASSWORD | gnome-keyring-daemon --unlock --components=secrets; exec tandem ...'`.")


def backend_report(backend: KeyringBackend | None = None, probe: bool = True) -> BackendReport:
    """Describe the keyring in use; with ``probe``, read a never-written key to see it answers.

    The probe may make a desktop keyring ask the user to unlock it.
    """
    backend = backend if backend is not None else keyring.get_keyring()
    name = backend_name(backend)
    secure = is_secure_backend(backend)
    if not secure:
        what = ("no usable keyring was found"
                if name in ("keyring.backends.fail.Keyring", "keyring.backends.null.Keyring")
                else "it is not an encrypted OS keyring")
        return BackendReport(name, False, None,
                             f"Keyring backend {name}: {what}; secrets cannot be stored.",
                             _fix_for(name, False))
    if not probe:
        return BackendReport(name, True, None, f"Keyring backend {name} (not probed).", "")
    try:
        _retrying(lambda: backend.get_password(SERVICE, PROBE_KEY))
    except Exception as exc:  # noqa: BLE001 - any backend failure is reported, not raised
        return BackendReport(name, True, False,
                             f"Keyring backend {name} did not answer: {_describe(exc)}.",
                             _fix_for(name, True))
    return BackendReport(name, True, True, f"Keyring backend {name} is available.", "")


def _retrying(operation: Callable[[], T]) -> T:
    """``operation()``, tried again when it times out (D-Bus on a very busy computer)."""
    for attempt in range(1, TIMEOUT_ATTEMPTS):
        try:
            return operation()
        except TimeoutError:
            log.warning("The keyring timed out; trying again (%d/%d).", attempt + 1,
                        TIMEOUT_ATTEMPTS)
    return operation()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, KeyringLocked):
        return "the keyring is locked"
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class Credentials:
    """Reads and writes account secrets in the OS keyring (``backend`` defaults to keyring's choice)."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE):
        self._backend = backend
        self.service = service

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is None:
            self._backend = keyring.get_keyring()
        return self._backend

    def ref(self, channel: str, name: str) -> CredentialRef:
        return CredentialRef(self.service, f"{channel}:{name.lower()}")

    def report(self, probe: bool = True) -> BackendReport:
        return backend_report(self.backend, probe)

    def require_secure(self) -> None:
        """Refuse to go on with a plaintext, null or fail backend."""
        if not is_secure_backend(self.backend):
            report = self.report(probe=False)
            raise KeyringUnavailable(f"{report.detail} {report.fix}",
                                     msg="credentials.keyring_insecure",
                                     keyring=backend_name(self.backend))

    def store(self, ref: CredentialRef, secret: Secret) -> None:
        if not isinstance(secret, Secret):
            raise TypeError("store() takes a Secret")
        self.require_secure()
        self._call("store the secret", lambda: self.backend.set_password(
            ref.service, ref.key, secret.reveal()), secret)
        log.info("Stored the secret %s in %s.", ref, backend_name(self.backend))

    def get(self, account: HasSecretRef | CredentialRef) -> Secret:
        """The secret of an account (or reference); `SecretMissing` when there is none."""
        ref = account if isinstance(account, CredentialRef) else account.secret_ref
        self.require_secure()
        value = self._call("read the secret", lambda: self.backend.get_password(ref.service, ref.key))
        if value is None:
            name = getattr(account, "name", "NAME")
            raise SecretMissing(
                f"The keyring ({backend_name(self.backend)}) has no secret for {ref}. Store it "
                f"for the account {name}.", msg="credentials.missing", account=name,
                keyring=backend_name(self.backend))
        return Secret(value)

    def provider(self, account: HasSecretRef | CredentialRef) -> Callable[[], Secret]:
        """The channels' ``SecretProvider``: reads the secret from the keyring at each call."""
        return lambda: self.get(account)

    def has(self, ref: CredentialRef) -> bool:
        return self._call("look up the secret",
                          lambda: self.backend.get_password(ref.service, ref.key)) is not None

    def delete(self, ref: CredentialRef) -> bool:
        """Remove the secret; False when there was none."""
        def remove() -> bool:
            try:
                self.backend.delete_password(ref.service, ref.key)
            except PasswordDeleteError:
                return False
            return True

        deleted = self._call("delete the secret", remove)
        if deleted:
            log.info("Deleted the secret %s from %s.", ref, backend_name(self.backend))
        return deleted

    def _call(self, doing: str, operation: Callable[[], T], secret: Secret | None = None) -> T:
        """Run a keyring operation; backend failures become one clear, secret-free error."""
        try:
            return _retrying(operation)
        except Exception as exc:  # noqa: BLE001 - whatever the backend raised is reported the same way
            name = backend_name(self.backend)
            reason = ("no keyring backend is available" if isinstance(exc, NoKeyringError)
                      else _describe(exc))
            if secret is not None and secret.reveal() in reason:
                reason = reason.replace(secret.reveal(), MASK)
            raise KeyringUnavailable(f"Could not {doing} in the keyring ({name}): {reason}. "
                                     f"{_fix_for(name, is_secure_backend(self.backend))}",
                                     msg="credentials.keyring_failed", keyring=name,
                                     reason=reason) from None
