"""What every CLI command receives: output formatting and lazy session opening."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from desktop.app.session import Session


class CommandGroups(Protocol):
    """What each command module's `register(sub)` receives: the top-level subparsers, with
    `common` (the global options) that every leaf parser takes as a parent."""

    common: argparse.ArgumentParser

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


def read_text_arg(value: str, stream: TextIO | None = None) -> str:
    """A text argument, or standard input when it is '-' (undecodable bytes kept as surrogates)."""
    if value != "-":
        return value
    stream = stream or sys.stdin
    data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode()
    return data.decode("utf-8", errors="surrogateescape")


@dataclass
class CliContext:
    json: bool = False
    db: str | None = None
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    _session: Session | None = None

    def session(self) -> Session:
        if self._session is None:
            from desktop.app.session import open_session  # only commands that need the store

            self._session = open_session(self.db)
        return self._session

    def out(self, data: Any, text: str | None = None) -> None:
        if self.json:
            json.dump(data, self.stdout, ensure_ascii=False, indent=2, default=str)
            self.stdout.write("\n")
        else:
            self.stdout.write((text if text is not None else str(data)) + "\n")

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None
