"""Who is acting: the OS account of this process, or TANDEM_USER when the policy allows it.

The OS account comes from the process itself (its uid on POSIX, its token's
user on Windows), never from LOGNAME, USER or USERNAME, which anyone can set.
An identity taken from TANDEM_USER is an *override*: the session marks every
audit entry it writes with the OS account behind it (`Identity.audit_note`).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from .errors import PolicyError
from .names import is_user_name
from .policy import Policy

ENV_USER = "TANDEM_USER"


def os_account() -> str:
    """The account this process runs as, from the operating system, not the environment."""
    if sys.platform.startswith("win"):
        import ctypes
        from ctypes import wintypes

        size = wintypes.DWORD(257)
        buffer = ctypes.create_unicode_buffer(size.value)
        if not ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):  # type: ignore[attr-defined]
            raise PolicyError("Windows did not say which account runs Tandem (GetUserNameW failed).",
                              msg="identity.unknown_account")
        return buffer.value
    import pwd

    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        raise PolicyError(f"This process's user id {os.getuid()} has no account name; "
                          "Tandem cannot say who is acting.", msg="identity.unknown_account") from None


@dataclass(frozen=True)
class Identity:
    user: str
    os_account: str
    overridden: bool = False

    @property
    def audit_note(self) -> dict | None:
        """What every audit entry of an overridden identity carries (None when not overridden)."""
        return {"override": ENV_USER, "os_account": self.os_account} if self.overridden else None


def current(policy: Policy) -> Identity:
    account = os_account()
    override = os.environ.get(ENV_USER)
    if override:
        if not policy.get("identity.allow_override", True):
            raise PolicyError(
                f"{ENV_USER} is set but the IT policy forbids acting as another user "
                f"(identity.allow_override = false in {policy.source}).",
                msg="identity.override_forbidden", variable=ENV_USER, source=str(policy.source))
        if not is_user_name(override):
            raise PolicyError(f"{ENV_USER}={override!r} is not a valid user name.",
                              msg="identity.bad_override", variable=ENV_USER,
                              user=str(override)[:80])
        return Identity(override, account, overridden=override != account)
    return Identity(account, account)


def current_user(policy: Policy) -> str:
    return current(policy).user
