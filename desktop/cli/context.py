"""What every CLI command receives: output formatting and lazy session opening."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from desktop.core.errors import InvalidText
from desktop.core.text import MAX_TEXT_CHARS

if TYPE_CHECKING:
    from desktop.app.session import Session


class CommandGroups(Protocol):
    """What each command module's `register(sub)` receives: the top-level subparsers, with
    `common` (the global options) that every leaf parser takes as a parent."""

    common: argparse.ArgumentParser

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


#: Most bytes read from standard input: the longest text Tandem keeps, in UTF-8 (at most
#: 4 bytes a character), and room for a trailing line end.
MAX_STDIN_BYTES = MAX_TEXT_CHARS * 4 + 2


def read_stdin(stream: TextIO | None = None, limit: int = MAX_STDIN_BYTES) -> bytes:
    """Standard input as bytes, read no further than ``limit`` (+1 to tell it is longer)."""
    stream = stream or sys.stdin
    data = (stream.buffer.read(limit + 1) if hasattr(stream, "buffer")
            else stream.read(limit + 1).encode())
    if len(data) > limit:
        raise InvalidText(f"Standard input is longer than {limit:,} bytes, more than the "
                          f"{MAX_TEXT_CHARS:,} characters Tandem keeps: it was not read further "
                          "and nothing was stored.")
    return data


def read_text_arg(value: str, stream: TextIO | None = None) -> str:
    """A text argument, or standard input when it is '-' (undecodable bytes kept as surrogates)."""
    if value != "-":
        return value
    return read_stdin(stream).decode("utf-8", errors="surrogateescape")


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
