"""An approval chain's description: its steps, read from TOML, JSON or the policy.

A chain is a list of named steps (TOML or JSON, see docs/workflow.md)::

    [[steps]]
    name = "Program"                 # id defaults to a slug of the name: "program"

    [[steps]]
    name = "Legal"
    after = []                       # runs in parallel with Program

    [[steps]]
    name = "DG Communications"
    after = ["program", "legal"]     # waits for both; default: the step listed before
    mode = "all"                     # every eligible approver ("any": one is enough)

    [[steps]]
    name = "Minister's office"
    id = "minister"
    post_types = ["announcement"]    # only these post types go through this step

Plain values and a parser, no store: the policy schema checks ``approval.chain``
with it, and desktop.core.approvals evaluates posts against it.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from .errors import InvalidText, NotFound
from .names import STEP_ID, approver_role

MAX_CHAIN_BYTES = 64 * 1024
_STEP_KEYS = {"name", "id", "mode", "after", "post_types"}


class Mode(StrEnum):
    ANY = "any"
    ALL = "all"


@dataclass(frozen=True)
class Step:
    id: str
    name: str
    mode: Mode = Mode.ANY
    after: tuple[str, ...] = ()
    post_types: tuple[str, ...] | None = None  # None: every post type

    @property
    def role(self) -> str:
        return approver_role(self.id)

    def applies_to(self, post_type: str) -> bool:
        return self.post_types is None or post_type in self.post_types

    def to_dict(self) -> dict:
        data = {"id": self.id, "name": self.name, "mode": self.mode.value, "after": list(self.after)}
        if self.post_types is not None:
            data["post_types"] = list(self.post_types)
        return data


@dataclass(frozen=True)
class Chain:
    steps: tuple[Step, ...]
    source: str  # "store", "policy" or "default"

    def to_dict(self) -> dict:
        return {"steps": [s.to_dict() for s in self.steps]}

    @property
    def body(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()

    def step(self, key: str) -> Step:
        """The step whose id or name (any case) is ``key``."""
        for step in self.steps:
            if step.id == key.strip().lower() or step.name.casefold() == key.strip().casefold():
                return step
        known = ", ".join(f"{s.id} ({s.name})" for s in self.steps) or "none"
        raise NotFound(f"There is no approval step '{key}'. Steps: {known}.",
                       msg="chain.unknown_step", step=str(key), steps=known)


#: Used until an admin sets a chain (or the policy does): one step, any approver.
DEFAULT_CHAIN = Chain((Step("approval", "Approval"),), "default")


def slug(name: str) -> str:
    """A step id from a step name: "Minister's office" → "ministers-office"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("'", "")).strip("-")[:64]


def parse_chain(text: str, fmt: str | None = None, where: str = "") -> Chain:
    """A chain from TOML or JSON text (``fmt`` "toml"/"json", else guessed); InvalidText if wrong."""
    label = f"The approval chain{f' in {where}' if where else ''}"
    if len(text.encode("utf-8", "surrogatepass")) > MAX_CHAIN_BYTES:
        raise InvalidText(f"{label} is larger than {MAX_CHAIN_BYTES // 1024} KB.",
                          msg="chain.too_large", limit=MAX_CHAIN_BYTES // 1024)
    fmt = fmt or ("json" if text.lstrip().startswith("{") else "toml")
    try:
        data = json.loads(text) if fmt == "json" else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise InvalidText(f"{label} is not valid {fmt.upper()}: {exc}", msg="chain.syntax",
                          format=fmt.upper(), error=str(exc)) from None
    return chain_from_dict(data, "store", label)


def chain_from_dict(data: object, source: str, label: str = "The approval chain") -> Chain:
    def bad(message: str) -> InvalidText:
        return InvalidText(f"{label}: {message}")

    if not isinstance(data, dict):
        raise bad("expected a table with a 'steps' list.")
    unknown = set(data) - {"steps"}
    if unknown:
        raise bad(f"unknown key '{sorted(unknown)[0]}' (expected only 'steps').")
    raw_steps = data.get("steps", [])
    if not isinstance(raw_steps, list):
        raise bad("'steps' must be a list of steps.")
    steps: list[Step] = []
    for index, raw in enumerate(raw_steps, start=1):
        if not isinstance(raw, dict):
            raise bad(f"step {index} must be a table.")
        unknown = set(raw) - _STEP_KEYS
        if unknown:
            raise bad(f"unknown key '{sorted(unknown)[0]}' in step {index} "
                      f"(known: {', '.join(sorted(_STEP_KEYS))}).")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise bad(f"step {index} needs a name.")
        name = name.strip()
        step_id = raw.get("id", slug(name))
        if not isinstance(step_id, str) or not STEP_ID.match(step_id):
            raise bad(f"step '{name}' needs an id of lower-case letters, digits, '-' or '_' "
                      f"(got {step_id!r}).")
        if any(s.id == step_id for s in steps):
            raise bad(f"two steps have the id '{step_id}'.")
        mode = raw.get("mode", Mode.ANY.value)
        if mode not in {m.value for m in Mode}:
            raise bad(f"step '{name}': mode must be 'any' or 'all', not {mode!r}.")
        after_raw = raw.get("after", [steps[-1].id] if steps else [])
        if not isinstance(after_raw, list) or not all(isinstance(a, str) for a in after_raw):
            raise bad(f"step '{name}': 'after' must be a list of step names or ids.")
        after = []
        for ref in after_raw:
            match = [s for s in steps if s.id == ref.lower() or s.name.casefold() == ref.casefold()]
            if not match:
                raise bad(f"step '{name}' comes after '{ref}', which is not a step listed "
                          "before it.")
            after.append(match[0].id)
        post_types = raw.get("post_types")
        if post_types is not None and (not isinstance(post_types, list) or not post_types
                                       or not all(isinstance(t, str) for t in post_types)):
            raise bad(f"step '{name}': 'post_types' must be a non-empty list of post types.")
        steps.append(Step(step_id, name, Mode(mode), tuple(dict.fromkeys(after)),
                          tuple(post_types) if post_types is not None else None))
    return Chain(tuple(steps), source)
