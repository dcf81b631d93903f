"""The IT policy: a TOML file at a system location that locks settings.

One declarative schema (key → type, meaning, example) is the single place that
says which keys exist; the example policy, `tandem policy show --schema` and the
key table in docs/deploying.md are all generated from it. Unknown keys, wrong
types, bad TOML and anything that looks like a secret stop start-up with a
message naming the key. Values present in the policy are *locked*: the UI shows
them as such and neither the UI nor the CLI can change them.

Where the policy is read from: the system location —
``%ProgramData%\\Tandem\\policy.toml`` on Windows (the folder as Windows reports
it, not the environment variable) and ``/etc/tandem/policy.toml`` elsewhere —
whenever a file is there; ``$TANDEM_POLICY`` only where there is none (tests,
pilots), so no variable can switch IT's policy off. No file means no policy:
nothing is locked. A store opened once under a policy remembers it
(`check_store`) and refuses to open without it.
"""

from __future__ import annotations

import builtins
import difflib
import os
import sys
import textwrap
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .chain import chain_from_dict
from .errors import PolicyError, TandemError
from .names import is_user_name, validate_role

ENV_POLICY = "TANDEM_POLICY"

#: Words that mark a key as a secret, anywhere in a key name at any depth.
#: Secrets belong in each user's OS keyring (`tandem accounts … --secret-stdin`).
SECRET_WORDS = ("password", "passwd", "secret", "token", "api_key", "apikey", "private_key")

Checker = Callable[[Any], "str | None"]


@dataclass(frozen=True)
class Key:
    """One policy key: its TOML type and what it means."""

    type: type
    help: str
    item_type: builtins.type | None = None  # for lists: the type of every item (`type` is the field above)
    example: Any = None  # shown in the docs and in resources/policy.example.toml
    check: Checker | None = None  # further rule; returns what is wrong, or None
    #: Recognised but refused by this version (the text says why); never in the example.
    unsupported: str | None = None

    @property
    def type_name(self) -> str:
        names = {bool: "boolean", str: "string", int: "integer", list: "array", dict: "table"}
        base = names.get(self.type, self.type.__name__)
        if self.item_type is not None:
            return f"{base} of {names.get(self.item_type, self.item_type.__name__)}s"
        return base


def _non_empty(value: str) -> str | None:
    return None if value.strip() else "must not be empty"


def _db_path(value: str) -> str | None:
    if not value.strip():
        return "must not be empty"
    if "://" in value:
        return "is a file path; a server URL belongs in database.url"
    return None


def _db_url(value: str) -> str | None:
    if not value.startswith(("postgresql://", "postgres://")):
        return "must be a postgresql:// URL"
    from .pg.connect import parse

    if "password" in parse(value):
        return "must not hold a password (it would be stored in the policy file)"
    return None


def _user_names(values: list[str]) -> str | None:
    bad = [v for v in values if not is_user_name(v)]
    return f"{bad[0]!r} is not a valid user name" if bad else None


def _grants(value: dict) -> str | None:
    for user, roles in value.items():
        if not is_user_name(user):
            return f"{user!r} is not a valid user name"
        if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
            return f"the roles of {user!r} must be an array of strings"
        for role in roles:
            try:
                validate_role(role)
            except TandemError as exc:
                return f"{user!r}: {exc}"
    return None


def _chain(value: dict) -> str | None:
    try:
        chain_from_dict(value, "policy", "the approval chain")
    except TandemError as exc:
        return str(exc)
    return None


#: Keys a provisioned account table may have (mirrors desktop.publishing.accounts).
ACCOUNT_FIELDS: dict[str, type] = {
    "name": str, "channel": str, "lang": str, "service": str, "handle": str, "order": str,
    "combine_when_fits": bool,
}


def _accounts(tables: list[dict]) -> str | None:
    names: set[str] = set()
    for index, table in enumerate(tables):
        for name, value in table.items():
            expected = ACCOUNT_FIELDS.get(name)
            if expected is None:
                return (f"[{index}] has unknown key {name!r}; allowed: "
                        f"{', '.join(ACCOUNT_FIELDS)}")
            if not isinstance(value, expected):
                return f"[{index}].{name} must be {_a(Key(expected, '').type_name)}"
        for required in ("name", "channel"):
            if not table.get(required):
                return f"[{index}] needs a {required}"
        if table["name"].lower() in names:
            return f"[{index}]: the account name {table['name']!r} is used twice"
        names.add(table["name"].lower())
    return None


def _false_only(value: bool) -> str | None:
    return "Tandem has no telemetry to enable; only false is accepted" if value else None


#: Every key a policy may set, as dotted "section.name", in documentation order.
SCHEMA: dict[str, Key] = {
    "identity.allow_override": Key(
        bool, "Whether TANDEM_USER may act as another user (default: true). Set false on "
        "shared workstations so the audit log always shows the OS account.", example=False),
    "database.path": Key(
        str, "Location of the SQLite store; locks it (--db and TANDEM_DB elsewhere are "
        "refused). `~` is the user's home folder.", example="~/Tandem/tandem.sqlite3",
        check=_db_path),
    "database.url": Key(
        str, "Team store: a postgresql:// URL (team mode, see docs/deploying.md); locks it. "
        "Never a password: people sign in with their own login (Kerberos, ~/.pgpass or "
        "`tandem db login`).",
        example="postgresql://db.example.gc.ca/tandem?sslmode=verify-full", check=_db_url),
    "database.allow_unverified_tls": Key(
        bool, "Whether a team server that is not on this computer may be reached without TLS "
        "certificate verification (default: false, sslmode=verify-full required).",
        example=False),
    "roles.admins": Key(list, "Users who are admins of every store (locked).", str,
                        example=["jdoe", "asmith"], check=_user_names),
    "roles.grants": Key(dict, "User → roles, applied and locked (roles: author, translator, "
                        "publisher, admin, approver:<step id>).",
                        example={"mtremblay": ["translator"], "bchen": ["approver:program"]},
                        check=_grants),
    "approval.chain": Key(dict, "Approval chain (same form as `tandem chain set`, see "
                          "docs/workflow.md); locks it.",
                          example={"steps": [{"name": "Program"},
                                             {"name": "Communications", "mode": "all"}]},
                          check=_chain),
    "review.human_signoff_by": Key(list, "Roles allowed to sign off text written without "
                                   "machine translation.", str, example=["approver"]),
    "audit.require_signatures": Key(
        bool, "Whether every sign-off, rejection and approval must carry its maker's Ed25519 "
        "signature (default: false). When true, a person without a registered signing key "
        "cannot decide, and `tandem audit verify` treats any unsigned decision as a problem.",
        example=True),
    "translation.packages_dir": Key(
        str, "Folder of .argosmodel files installed (offline) when Tandem starts; a network "
        "share works. Bundled packages in the install folder are always installed too.",
        example=r"\\fileserver\Tandem\language-packages", check=_non_empty),
    "translation.allow_online_install": Key(
        bool, "Whether users may download language packages from the Argos index "
        "(default: true).", example=False),
    "publishing.accounts": Key(
        list, "Provisioned accounts, locked (never secrets: each user gives the secret with "
        "`tandem accounts secret NAME`). Fields: " + ", ".join(ACCOUNT_FIELDS) + ".", dict,
        example=[{"name": "gc-en", "channel": "bluesky", "lang": "en",
                  "handle": "gc-en.bsky.social"},
                 {"name": "gc-fr", "channel": "bluesky", "lang": "fr",
                  "handle": "gc-fr.bsky.social"}],
        check=_accounts),
    "publishing.default_targets": Key(list, "Account names every new post targets (locked).",
                                      str, example=["gc-en", "gc-fr"]),
    "media.keep_metadata": Key(
        bool, "Whether attached images keep their EXIF/XMP metadata (GPS position, camera "
        "serial, author) when they are stored and sent (default: false, stripped).",
        example=False),
    "telemetry.enabled": Key(bool, "Always false: Tandem sends no telemetry. Present only so a "
                             "policy can state it.", example=False, check=_false_only),
}


def _windows_program_data() -> Path:
    """%ProgramData% as Windows knows it (CSIDL_COMMON_APPDATA), not as the environment says."""
    import ctypes

    buffer = ctypes.create_unicode_buffer(260)
    if ctypes.windll.shell32.SHGetFolderPathW(None, 0x0023, None, 0, buffer) == 0:  # type: ignore[attr-defined]
        return Path(buffer.value)
    return Path(r"C:\ProgramData")


def system_policy_path() -> Path:
    """IT's location for the policy on this operating system."""
    if sys.platform.startswith("win"):
        return _windows_program_data() / "Tandem" / "policy.toml"
    return Path("/etc/tandem/policy.toml")


def default_policy_path() -> Path:
    """Where the policy in force is read from (see the module docstring)."""
    system = system_policy_path()
    if os.path.lexists(system) or not os.environ.get(ENV_POLICY):
        return system
    return Path(os.environ[ENV_POLICY])


@dataclass(frozen=True)
class LockedSetting:
    """One setting the policy locks, for the UI's "managed by your organisation" list."""

    key: str
    value: Any
    help: str


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
            raise PolicyError(f"{action} is locked by the IT policy ({key} in {self.source}).",
                              msg="policy.locked", key=key, source=str(self.source))

    def locked(self) -> list[LockedSetting]:
        """Every locked setting, in schema order."""
        return [LockedSetting(key, self.values[key], spec.help)
                for key, spec in SCHEMA.items() if key in self.values]

    def to_dict(self) -> dict[str, Any]:
        return {"source": str(self.source) if self.source else None,
                "locked": {s.key: s.value for s in self.locked()}}


def _secret_key(table: Any, path: str = "") -> str | None:
    """The dotted path of the first key (at any depth) that names a secret, or None."""
    if isinstance(table, dict):
        for name, value in table.items():
            dotted = f"{path}.{name}" if path else str(name)
            if any(word in str(name).lower().replace("-", "_") for word in SECRET_WORDS):
                return dotted
            found = _secret_key(value, dotted)
            if found:
                return found
    elif isinstance(table, list):
        for index, item in enumerate(table):
            found = _secret_key(item, f"{path}[{index}]")
            if found:
                return found
    return None


def _flatten(table: dict, prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in table.items():
        dotted = f"{prefix}{name}"
        if dotted not in SCHEMA and isinstance(value, dict):
            flat.update(_flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _type_error(key: str, spec: Key, value: Any, where: str) -> str | None:
    if not isinstance(value, spec.type) or (spec.type is not bool and isinstance(value, bool)):
        actual = Key(type(value), "").type_name if type(value) in (bool, str, int, list, dict) \
            else type(value).__name__
        return f"Policy key '{key}'{where} must be {_a(spec.type_name)}, not {_a(actual)}."
    if spec.item_type and isinstance(value, list) and any(not isinstance(item, spec.item_type)
                                                         for item in value):
        return f"Policy key '{key}'{where} must be {_a(spec.type_name)}."
    return None


def parse(text: str, source: Path | None = None) -> Policy:
    """Validate policy TOML; PolicyError names the first key that is wrong."""
    where = f" in {source}" if source else ""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"The IT policy{where} is not valid TOML: {exc}",
                          msg="policy.invalid_toml", source=str(source or ""),
                          error=str(exc)) from None
    secret = _secret_key(table)
    if secret:
        raise PolicyError(
            f"Policy key '{secret}'{where} looks like a secret. Secrets never go in the IT "
            "policy: each user stores them in their OS keyring.", msg="policy.secret_key",
            key=secret, source=str(source or ""))
    values = _flatten(table)
    for key, value in values.items():
        spec = SCHEMA.get(key)
        if spec is None:
            close = difflib.get_close_matches(key, SCHEMA, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise PolicyError(f"Unknown policy key '{key}'{where}.{hint} Known keys: "
                              f"{', '.join(SCHEMA)}.", msg="policy.unknown_key", key=key,
                              source=str(source or ""))
        if spec.unsupported:
            raise PolicyError(f"Policy key '{key}'{where}: {spec.unsupported}.",
                              msg="policy.invalid", key=key, source=str(source or ""),
                              detail=spec.unsupported)
        problem = _type_error(key, spec, value, where)
        if problem:
            raise PolicyError(problem, msg="policy.invalid", key=key, source=str(source or ""),
                              detail=problem)
        detail = spec.check(value) if spec.check else None
        if detail:
            raise PolicyError(f"Policy key '{key}'{where}: {detail}.", msg="policy.invalid",
                              key=key, source=str(source or ""), detail=detail)
    return Policy(values, source)


def load(path: Path | None = None) -> Policy:
    """The policy in force; an absent file means no policy (nothing locked)."""
    path = path or default_policy_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Policy()
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"The IT policy {path} cannot be read: {exc}",
                          msg="policy.unreadable", source=str(path), error=str(exc)) from None
    return parse(text, path)


#: The store_meta key a store opened under a policy keeps (the policy's file).
MANAGED_KEY = "policy.managed"
_IN_MEMORY = "(a policy given by the program)"


def store_mark(policy: Policy) -> str | None:
    """What a store opened under ``policy`` remembers (its file), or None without a policy."""
    if policy.source is not None:
        return str(policy.source)
    return _IN_MEMORY if policy.values else None


def check_store(policy: Policy, recorded: str | None, store: str) -> None:
    """Refuse to open ``store``, once opened under the policy ``recorded``, without it.

    Removing the policy file, or pointing TANDEM_POLICY elsewhere, would otherwise
    unlock everything it locks (identity, admins, the approval chain).
    """
    if recorded is None:
        return
    current = store_mark(policy)
    if current is None:
        raise PolicyError(
            f"{store} is managed by the IT policy {recorded}, which is not in force here: "
            "Tandem does not open it without its policy. Restore the policy file, or ask IT.",
            msg="policy.store_without_policy", store=store, recorded=recorded)
    if _IN_MEMORY not in (current, recorded) and Path(current) != Path(recorded):
        raise PolicyError(
            f"{store} is managed by the IT policy {recorded}, but the policy in force here is "
            f"{current}: Tandem does not open it under another policy. Ask IT.",
            msg="policy.store_other_policy", store=store, recorded=recorded, current=current)


# --------------------------------------------------------------------------- documentation


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value + "'" if "\\" in value and "'" not in value else _basic_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    return str(value)


def _basic_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def schema_markdown() -> str:
    """The key table of docs/deploying.md (`tandem policy show --schema`)."""
    lines = ["| Key | Type | Meaning | Example |", "| --- | --- | --- | --- |"]
    for key, spec in SCHEMA.items():
        example = "—" if spec.unsupported else f"`{_toml_value(spec.example)}`"
        meaning = spec.help + (f" **Refused by this version:** {spec.unsupported}."
                               if spec.unsupported else "")
        cells = [f"`{key}`", spec.type_name, meaning, example]
        lines.append("| " + " | ".join(c.replace("|", r"\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _comment(text: str) -> list[str]:
    return ["# " + line for line in textwrap.wrap(text, 86)]


def example_toml() -> str:
    """A complete, valid policy using every supported key (resources/policy.example.toml)."""
    out = ["# Tandem IT policy: example with every key (generated by `tandem policy show --example`).",
           "# Install at /etc/tandem/policy.toml (Linux) or %ProgramData%\\Tandem\\policy.toml",
           "# (Windows). Every key present is locked for users; leave out what you do not lock.",
           "# Check a file before deploying it: tandem policy check FILE", ""]
    sections: dict[str, list[tuple[str, Key]]] = {}
    for key, spec in SCHEMA.items():
        section, _, name = key.partition(".")
        sections.setdefault(section, []).append((name, spec))
    for section, keys in sections.items():
        # Plain keys first: an array of tables ([[section.name]]) ends the section.
        tables = [(n, s) for n, s in keys if s.item_type is dict and not s.unsupported]
        out.append(f"[{section}]")
        for name, spec in keys:
            if (name, spec) in tables:
                continue
            out.extend(_comment(spec.help))
            if spec.unsupported:
                out.append(f"# {name} = ...   (refused by this version: {spec.unsupported})")
            else:
                out.append(f"{name} = {_toml_value(spec.example)}")
        out.append("")
        for name, spec in tables:
            out.extend(_comment(f"{section}.{name}: {spec.help}"))
            for item in spec.example:
                out.append(f"[[{section}.{name}]]")
                out.extend(f"{k} = {_toml_value(v)}" for k, v in item.items())
                out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
