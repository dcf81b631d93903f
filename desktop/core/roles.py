"""Roles: who may write, translate, approve which step, publish and administer.

Role names are ``author``, ``translator``, ``publisher``, ``admin`` and one
approver role per approval-chain step, ``approver:<step id>`` (for example
``approver:program``). A user's roles are the union of

* grants recorded in the store (``tandem users grant``),
* the IT policy's ``roles.grants`` (user → roles; locked: the CLI cannot revoke them),
* ``admin`` for every user the policy lists in ``roles.admins``.

The account that opens a brand-new store becomes its first admin (and an
author, so a one-person desk can write at once) unless the policy names admins.

Every refusal says which role is missing and is itself audited as
``denied.<action>`` in its own transaction, so callers check permissions
*before* opening the transaction of the action they guard.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NoReturn

from .errors import NotFound, PermissionDenied, PolicyError, TandemError
from .messages import Message
from .names import APPROVER_PREFIX, Role, is_user_name, validate_role
from .policy import Policy
from .store_review import ReviewRepository


def describe(roles: Iterable[str]) -> str:
    """'the translator role' / 'one of the roles translator, approver'."""
    names = list(dict.fromkeys(roles))
    if len(names) == 1:
        return f"the {names[0]} role"
    return "one of the roles " + ", ".join(names)


def _satisfies(held: Iterable[str], role: str) -> bool:
    if role == Role.APPROVER:
        return any(r.startswith(APPROVER_PREFIX) for r in held)
    return role in held


@dataclass(frozen=True)
class Grant:
    user: str
    role: str
    source: str  # "store" or "policy"
    granted_by: str
    granted_at: str | None

    @property
    def locked(self) -> bool:
        return self.source == "policy"


class RoleService:
    """Grants, checks and audited refusals, for the acting ``user``."""

    def __init__(self, repo: ReviewRepository, policy: Policy, user: str):
        self.repo = repo
        self.policy = policy
        self.user = user
        #: Called after every grant or revoke (the session re-evaluates approvals).
        self.on_change: list[Callable[[], None]] = []
        self._policy_grants = self._read_policy()

    def _read_policy(self) -> list[Grant]:
        where = f" in {self.policy.source}" if self.policy.source else ""
        grants = [Grant(user, Role.ADMIN.value, "policy", "IT policy", None)
                  for user in self.policy.get("roles.admins", [])]
        for user, roles in self.policy.get("roles.grants", {}).items():
            if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
                raise PolicyError(f"Policy key 'roles.grants.{user}'{where} must be a list of roles.",
                                  msg="policy.invalid", key=f"roles.grants.{user}",
                                  source=str(self.policy.source), detail="a list of roles")
            for role in roles:
                try:
                    name = validate_role(role)
                except TandemError as exc:
                    raise PolicyError(f"Policy key 'roles.grants.{user}'{where}: {exc}",
                                      msg="policy.invalid", key=f"roles.grants.{user}",
                                      source=str(self.policy.source), detail=str(exc)) from None
                grants.append(Grant(user, name, "policy", "IT policy", None))
        return grants

    # -- reading -------------------------------------------------------------
    def grants(self) -> list[Grant]:
        """Every grant, policy ones first (locked), then the store's."""
        stored = [Grant(r["user"], r["role"], "store", r["granted_by"], r["granted_at"])
                  for r in self.repo.role_grants()]
        return sorted(self._policy_grants + stored, key=lambda g: (g.user, g.role, g.source))

    def roles_of(self, user: str | None = None) -> frozenset[str]:
        user = self.user if user is None else user
        return frozenset(g.role for g in self.grants() if g.user == user)

    def has(self, role: str, user: str | None = None) -> bool:
        """Whether ``user`` holds ``role``; ``approver`` matches any approver:<step>."""
        return _satisfies(self.roles_of(user), role)

    def holders(self, role: str) -> list[str]:
        """Users holding ``role`` (``approver``: any approver role), sorted."""
        held: dict[str, set[str]] = {}
        for g in self.grants():
            held.setdefault(g.user, set()).add(g.role)
        return sorted(user for user, roles in held.items() if _satisfies(roles, role))

    # -- checks ----------------------------------------------------------------
    def require(self, any_of: Iterable[str], action: str, what: str,
                post_id: int | None = None, details: dict | None = None,
                reason: str = "") -> None:
        """Pass if the user holds one of ``any_of``; else audit ``denied.<action>`` and raise.

        ``what`` completes "alice cannot …"; ``reason`` says why that role is needed.
        """
        needed = list(any_of)
        if any(self.has(role) for role in needed):
            return
        why = f" ({reason})" if reason else ""
        self.deny(action, Message("roles.denied",
                                  f"{self.user} cannot {what}: that needs {describe(needed)}{why}.",
                                  user=self.user, action=action, needs=needed, post=post_id),
                  post_id, {**(details or {}), "needs": needed})

    def deny(self, action: str, message: str, post_id: int | None = None,
             details: dict | None = None) -> NoReturn:
        """Record the refusal in the audit log, then raise PermissionDenied(message)."""
        with self.repo.transaction():
            self.repo.append_audit(self.user, f"denied.{action}", post_id,
                                   {**(details or {}), "reason": message})
        raise PermissionDenied(message)

    # -- changing ----------------------------------------------------------------
    def grant(self, user: str, role: str) -> bool:
        """Grant ``role`` to ``user``; False if they already held it."""
        role = validate_role(role)
        self._check_user_name(user)
        self.require([Role.ADMIN], "users.grant", f"grant {role} to {user}",
                     details={"user": user, "role": role})
        if role == Role.ADMIN:
            self.policy.require_unlocked("roles.admins", "Choosing admins")
        if role in self.roles_of(user):
            return False
        with self.repo.transaction():
            self.repo.add_role(user, role, self.user)
            self.repo.append_audit(self.user, "roles.grant", None, {"user": user, "role": role})
        self._changed()
        return True

    def revoke(self, user: str, role: str) -> None:
        role = validate_role(role)
        self.require([Role.ADMIN], "users.revoke", f"revoke {role} from {user}",
                     details={"user": user, "role": role})
        if any(g.user == user and g.role == role for g in self._policy_grants):
            raise PolicyError(
                f"{user}'s {role} role is granted by the IT policy ({self.policy.source}); "
                "only IT can remove it.", msg="roles.policy_grant", user=user, role=role)
        if not any(g.user == user and g.role == role for g in self.grants()):
            raise NotFound(f"{user} does not have the {role} role.", msg="roles.not_held",
                           user=user, role=role)
        if role == Role.ADMIN and self.holders(Role.ADMIN) == [user]:
            raise TandemError(f"{user} is the last admin of this store; grant admin to "
                              "someone else first.", msg="roles.last_admin", user=user)
        with self.repo.transaction():
            self.repo.remove_role(user, role)
            self.repo.append_audit(self.user, "roles.revoke", None, {"user": user, "role": role})
        self._changed()

    def bootstrap(self) -> bool:
        """Make the acting user the first admin (and author) of a brand-new store.

        Does nothing when the policy names admins, when the store has an admin,
        when roles were ever granted in it (its history decides, not its
        current rows), or when anyone else has used it: whoever opens a store
        that already has users never becomes its admin this way. True if the
        user was made admin.
        """
        if self.policy.get("roles.admins") or self.holders(Role.ADMIN):
            return False
        if self.repo.has_audit_action("roles.") or self.repo.has_other_users(self.user):
            return False
        with self.repo.transaction():
            for role in (Role.ADMIN, Role.AUTHOR):
                self.repo.add_role(self.user, role.value, self.user)
            self.repo.append_audit(self.user, "roles.bootstrap", None,
                                   {"user": self.user, "roles": [Role.ADMIN.value, Role.AUTHOR.value]})
        return True

    def _check_user_name(self, user: str) -> None:
        if not is_user_name(user):
            raise TandemError(f"'{user}' is not a valid user name.", msg="roles.bad_user",
                              user=str(user)[:80])

    def _changed(self) -> None:
        for callback in self.on_change:
            callback()
