"""What the domain tells a person: a stable code, its parameters, and the English text.

A `Message` *is* its English sentence (a ``str``: what the CLI prints, what
logs and the audit log record) and also carries ``code`` and ``params``, so
the window renders the same message in the user's language from its own
catalogue (``desktop/ui/messages.py``) and the CLI adds the `tandem …`
command that fixes it (``desktop/cli/hints.py``). The English never names a
command: a window user has no terminal.

Parameters are plain data (str, int, float, bool, None, lists of them) or
nested messages — a preflight problem for one account wraps the channel's
own error — so a message survives JSON (`to_json`/`from_json`), which is how
the outbox stores the last delivery error.

Codes are stable identifiers (``area.what``); a text with no code is a
message the window can only show in English (``code == ""``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import Enum
from typing import Any


class Message(str):
    """An English sentence with the code and parameters that let others render it."""

    code: str
    params: Mapping[str, Any]

    def __new__(cls, code: str, text: str, /, **params: Any) -> Message:
        message = super().__new__(cls, text)
        message.code = code
        message.params = params
        return message

    def __reduce__(self):  # pickling (worker processes) keeps code and params
        return (_rebuild, (self.code, str(self), dict(self.params)))

    def as_data(self) -> dict:
        """``{"code", "params", "text"}`` with nested messages as the same form."""
        return {"code": self.code, "params": {k: _to_data(v) for k, v in self.params.items()},
                "text": str(self)}

    def to_json(self) -> str:
        return json.dumps(self.as_data(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_data(cls, data: Mapping) -> Message:
        return cls(str(data.get("code", "")), str(data.get("text", "")),
                   **{k: _from_data(v) for k, v in dict(data.get("params") or {}).items()})

    @classmethod
    def from_json(cls, stored: str | None) -> Message | None:
        """A stored message; a plain English sentence (rows written before codes) has no code."""
        if stored is None:
            return None
        try:
            data = json.loads(stored)
        except ValueError:
            return cls("", stored)
        if not isinstance(data, dict) or "code" not in data:
            return cls("", stored)
        return cls.from_data(data)


def _rebuild(code: str, text: str, params: dict) -> Message:
    return Message(code, text, **params)


def _to_data(value: Any) -> Any:
    if isinstance(value, Message):
        return {"$message": value.as_data()}
    if isinstance(value, (list, tuple)):
        return [_to_data(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value.value if isinstance(value, Enum) else value
    return str(value)


def _from_data(value: Any) -> Any:
    if isinstance(value, dict) and "$message" in value:
        return Message.from_data(value["$message"])
    if isinstance(value, list):
        return [_from_data(v) for v in value]
    return value


def message_of(value: object) -> Message:
    """A `Message` for an error, a problem string or a message (no code when it has none)."""
    if isinstance(value, Message):
        return value
    carried = getattr(value, "message", None)
    if isinstance(carried, Message):
        return carried
    return Message("", str(value))
