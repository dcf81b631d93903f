"""Who is acting: the OS account, or TANDEM_USER when the policy allows it."""

from __future__ import annotations

import getpass
import os

from .errors import PolicyError
from .names import is_user_name
from .policy import Policy

ENV_USER = "TANDEM_USER"


def current_user(policy: Policy) -> str:
    override = os.environ.get(ENV_USER)
    if override:
        if not policy.get("identity.allow_override", True):
            raise PolicyError(
                f"{ENV_USER} is set but the IT policy forbids acting as another user "
                f"(identity.allow_override = false in {policy.source})."
            )
        if not is_user_name(override):
            raise PolicyError(f"{ENV_USER}={override!r} is not a valid user name.")
        return override
    return getpass.getuser()
