"""Where Tandem logs: one rotating file in the user data folder, never a secret.

`configure_logging()` is called once at start (the `tandem` entry point does it
before dispatching, which covers the window too) and again harmlessly: it
replaces its own handler. The file is opened on the first record, so a command
that logs nothing creates nothing.

What may be logged: at INFO and above, what happened (ids, channels, counts,
outcomes), never post text — post text only at DEBUG. Secrets: never, at any
level. `Secret` values already print a mask; `RedactSecrets` is the safety net
for a token that slipped into a message as plain text (an Authorization header,
a ``token=`` query parameter, a Bluesky app password). The HTTP client's own
loggers stay at WARNING because their INFO lines carry full URLs, and a webhook
URL is itself a secret.
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_LEVEL = "INFO"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Third-party loggers whose INFO/DEBUG lines hold request URLs or headers.
QUIET_LOGGERS = ("httpx", "httpcore", "hpack", "keyring", "urllib3")

_SECRET_PATTERNS = [
    # Authorization: Bearer xyz (or Basic, DPoP, or the bare token)
    (re.compile(r"(?i)\b(authorization[\"']?\s*[:=]\s*[\"']?(?:(?:bearer|basic|dpop)\s+)?)"
                r"[^\s,;'\"]+"), r"\1***"),
    (re.compile(r"(?i)\b(bearer\s+)[\w.~+/=-]{8,}"), r"\1***"),
    # "accessJwt": "xyz", token=xyz, password: xyz
    (re.compile(r"(?i)([\"']?\b(?:access_?token|refresh_?token|access_?jwt|refresh_?jwt|token|"
                r"password|passwd|secret|api_?key|client_?secret)[\"']?\s*[:=]\s*[\"']?)"
                r"[^\s,;&'\"]+"), r"\1***"),
    # Bluesky app passwords: xxxx-xxxx-xxxx-xxxx
    (re.compile(r"\b[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}\b"), "****-****-****-****"),
]


def log_file() -> Path:
    """The current log file (older ones beside it end in .1, .2, .3)."""
    data = Path(platformdirs.user_data_dir("Tandem", appauthor=False))
    return data / "logs" / "tandem.log"


def redact(text: str) -> str:
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactSecrets(logging.Filter):
    """Masks secret-looking values in the formatted message before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class _TandemHandler(RotatingFileHandler):
    """Marks the handler this module installed, so a second call replaces it."""


def configure_logging(level: str | int | None = None, path: Path | None = None) -> Path:
    """Send Tandem's log records at `level` (default INFO) to the rotating log file; returns it."""
    if isinstance(level, str):
        level = level.upper()
        if level not in LEVELS:
            raise ValueError(f"unknown log level {level!r} (one of {', '.join(LEVELS)})")
    numeric = logging.getLevelName(level or DEFAULT_LEVEL) if not isinstance(level, int) else level
    path = path or log_file()
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _TandemHandler)]:
        root.removeHandler(old)
        old.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only profile must not stop Tandem; the doctor reports the folder
        return path
    handler = _TandemHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                             delay=True)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactSecrets())
    handler.setLevel(numeric)
    root.addHandler(handler)
    root.setLevel(numeric)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(numeric, logging.WARNING))
    return path
