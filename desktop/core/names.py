"""Syntax of the names the policy, roles and approval chain share: user names,
role names and approval-step ids.

The lowest rule module of the core: it imports nothing from the project but
the error types, so the policy schema can check a grant, and the chain parser
a step id, without importing the services that use them.
"""

from __future__ import annotations

import re
from enum import StrEnum

from .errors import TandemError

#: A user name: an OS account or TANDEM_USER (letters, digits, ``.@\-_``).
USER_NAME = re.compile(r"^[\w.@\\-]{1,64}$")
#: An approval-step id: lower-case letters, digits, ``-`` and ``_``.
STEP_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
APPROVER_PREFIX = "approver:"


class Role(StrEnum):
    AUTHOR = "author"
    TRANSLATOR = "translator"
    #: Not grantable by itself: approvers hold ``approver:<step id>``. As a
    #: requirement (e.g. in ``review.human_signoff_by``) it means "any approver".
    APPROVER = "approver"
    PUBLISHER = "publisher"
    ADMIN = "admin"


_PLAIN_ROLES = frozenset({Role.AUTHOR, Role.TRANSLATOR, Role.PUBLISHER, Role.ADMIN})


def is_user_name(name: str) -> bool:
    return USER_NAME.match(name) is not None


def approver_role(step_id: str) -> str:
    return f"{APPROVER_PREFIX}{step_id}"


def validate_role(role: str) -> str:
    """The role name, normalised to lower case, or a TandemError saying what roles exist."""
    name = role.strip().lower()
    if name in _PLAIN_ROLES:
        return name
    if name == Role.APPROVER:
        raise TandemError(
            "Approver roles name the approval step they act on: approver:<step id>, "
            "for example approver:program (the approval chain lists the step ids).",
            msg="roles.approver_needs_step")
    if name.startswith(APPROVER_PREFIX) and STEP_ID.match(name[len(APPROVER_PREFIX):]):
        return name
    raise TandemError(
        f"Unknown role '{role}'. Roles: author, translator, publisher, admin, "
        "approver:<step id>.", msg="roles.unknown", role=str(role)[:40])
