"""The IT policy: a TOML file at a system location that locks settings.

One declarative schema (key → type and meaning) is the single place that says
which keys exist. Unknown keys and wrong types stop start-up with a message
naming the key. Values present in the policy are *locked*: the UI shows them as
such and neither the UI nor the CLI can change them.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import PolicyError

ENV_POLICY = "TANDEM_POLICY"


@dataclass(frozen=True)
class Key:
    type: type | tuple[type, ...]
    help: str
    item_type: type | None = None  # for lists


#: Every key a policy may set, as dotted "section.name".
SCHEMA: dict[str, Key] = {
    "identity.allow_override": Key(bool, "Whether TANDEM_USER may act as another user."),
    "database.path": Key(str, "Location of the SQLite store (locks it)."),
    "database.url": Key(str, "Team server URL (postgresql://…); reserved for the team backend."),
    "roles.admins": Key(list, "Users who are admins of every new store.", str),
    "roles.grants": Key(dict, "user → list of roles, applied and locked."),
    "approval.chain": Key(dict, "Approval chain description (same form as `tandem chain set`)."),
    "review.human_signoff_by": Key(list, "Roles allowed to sign off human-only text.", str),
    "translation.packages_dir": Key(str, "Folder of .argosmodel files installed on first run."),
    "translation.allow_online_install": Key(bool, "Whether the Argos index may be queried."),
    "publishing.accounts": Key(list, "Provisioned accounts (never secrets).", dict),
    "publishing.default_targets": Key(list, "Account names every new post targets.", str),
    "telemetry.enabled": Key(bool, "Always false: Tandem sends no telemetry."),
}


def default_policy_path() -> Path:
    if os.environ.get(ENV_POLICY):
        return Path(os.environ[ENV_POLICY])
    if sys.platform.startswith("win"):
        return Path(os.environ.get("ProgramData", r"C:\ProgramData")) / "Tandem" / "policy.toml"
    return Path("/etc/tandem/policy.toml")


@dataclass(frozen=True)
class Policy:
    values: dict[str, Any] = field(default_factory=dict)
    source: Path | None = None

    def get(self, key: str, default: Any = None) -> Any:
        if key not in SCHEMA:
            raise KeyError(key)
        return self.values.get(key, default)

    def is_locked(self, key: str) -> bool:
        return key in self.values

    def require_unlocked(self, key: str, action: str) -> None:
        if self.is_locked(key):
            raise PolicyError(f"{action} is locked by the IT policy ({key} in {self.source}).")


def _flatten(table: dict, prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in table.items():
        dotted = f"{prefix}{name}"
        if dotted in SCHEMA:
            flat[dotted] = value
        elif isinstance(value, dict):
            flat.update(_flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


def parse(text: str, source: Path | None = None) -> Policy:
    where = f" in {source}" if source else ""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"The IT policy{where} is not valid TOML: {exc}") from None
    values = _flatten(table)
    for key, value in values.items():
        spec = SCHEMA.get(key)
        if spec is None:
            known = ", ".join(sorted(SCHEMA))
            raise PolicyError(f"Unknown policy key '{key}'{where}. Known keys: {known}.")
        if not isinstance(value, spec.type) or (spec.type is int and isinstance(value, bool)):
            raise PolicyError(
                f"Policy key '{key}'{where} must be {spec.type.__name__}, "
                f"not {type(value).__name__}."
            )
        if spec.item_type and any(not isinstance(item, spec.item_type) for item in value):
            raise PolicyError(
                f"Policy key '{key}'{where} must be a list of {spec.item_type.__name__}."
            )
    if values.get("telemetry.enabled") is True:
        raise PolicyError(f"Policy key 'telemetry.enabled'{where}: Tandem has no telemetry to enable.")
    return Policy(values, source)


def load(path: Path | None = None) -> Policy:
    """The policy in force; an absent file means no policy (nothing locked)."""
    path = path or default_policy_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Policy()
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"The IT policy {path} cannot be read: {exc}") from None
    return parse(text, path)
