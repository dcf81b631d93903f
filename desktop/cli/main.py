"""`tandem` entry point: no arguments opens the window; subcommands drive the store.

Each command group lives in its own module exposing `register(sub)`; the
names are a contract IT scripts rely on (extend, never rename).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from desktop import __version__
from desktop.app.logs import LEVELS as LOG_LEVELS, configure_logging
from desktop.core.errors import TandemError

from .context import CliContext

#: Command-group modules, in help order.
COMMAND_MODULES = ["post", "count", "translate", "models", "review", "approve", "chain", "users",
                   "audit", "export", "accounts", "policy", "doctor", "memory", "terms", "mappings", "qa",
                   "publish", "spell"]

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print machine-readable JSON")
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="store file (default: $TANDEM_DB or the user data folder)")
    _add_log_level(common, argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="tandem", parents=[common],
        description="Tandem: bilingual (English/French) posting desk. "
                    "Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"tandem {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.common = common  # command modules pass it as a parent to every leaf parser
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop.cli.{name}").register(sub)
    return parser


def _add_log_level(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--log-level", metavar="LEVEL", type=str.upper, choices=LOG_LEVELS,
                        default=default,
                        help="what the log file in the user data folder records: "
                             f"{', '.join(LOG_LEVELS)} (default INFO; post text only at DEBUG)")


def _window_request(argv: list[str]) -> argparse.Namespace | None:
    """--db ("" for the default) and --log-level when argv asks only for the window, else None."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--db", default="")
    pre.add_argument("--json", action="store_true")
    _add_log_level(pre, None)
    try:
        known, rest = pre.parse_known_args(argv)
    except SystemExit:
        return None
    return None if rest else known


def main(argv: list[str] | None = None, *, stdout=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    window = _window_request(argv)
    if window is not None:
        # Straight to the window: no command modules (and their imports) to load.
        configure_logging(window.log_level)
        from desktop.ui.app import run_app

        return run_app(db=window.db or None)
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(getattr(args, "log_level", None))
    if not getattr(args, "command", None):
        parser.print_usage(sys.stderr)
        return EXIT_ERROR
    log.info("tandem %s: %s %s", __version__, args.command, getattr(args, "verb", "") or "")
    ctx = CliContext(json=getattr(args, "json", False),
                     db=getattr(args, "db", None) or os.environ.get("TANDEM_DB"))
    if stdout is not None:
        ctx.stdout = stdout
    try:
        return args.func(args, ctx) or EXIT_OK
    except TandemError as exc:
        if ctx.json:
            ctx.out({"error": str(exc), "kind": type(exc).__name__})
        print(f"tandem: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `tandem post list | head`
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
