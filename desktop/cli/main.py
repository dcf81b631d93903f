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
from collections.abc import Iterable

from desktop import __version__
from desktop.app.logs import LEVELS as LOG_LEVELS, configure_logging
from desktop.core.errors import TandemError

from .context import CliContext

#: Every top-level command, in help order: the module that registers it (`register(sub)`)
#: and its one-line help. `tandem --help` and dispatch read this table, so a command
#: imports only its own module; tests/cli/test_cli_docs.py checks it against the modules.
COMMANDS: dict[str, tuple[str, str]] = {
    "post": ("post", "create, edit and inspect posts"),
    "count": ("count", "length of a text on each network, against its limit"),
    "translate": ("translate", "machine-translate text offline (en↔fr)"),
    "models": ("models", "list, install and remove translation models"),
    "review": ("review", "linguistic review: queue, sign-off, rejection"),
    "approve": ("approve", "approve a post at a chain step"),
    "approvals": ("approve", "where a post waits (who can act, since when, time per step), or 'stats'"),
    "chain": ("chain", "set or show the approval chain"),
    "users": ("users", "grant and revoke roles"),
    "audit": ("audit", "verify and read the audit log"),
    "keys": ("keys", "signing keys for sign-offs and approvals"),
    "export": ("export", "export the record or an XLIFF file"),
    "import": ("export", "import a translated file"),
    "accounts": ("accounts", "publishing accounts (secrets in the OS keyring)"),
    "policy": ("policy", "show the IT policy, or check a policy file"),
    "doctor": ("doctor", "check this installation and explain what to fix"),
    "memory": ("memory", "translation memory: import/export TMX, look up"),
    "terms": ("terms", "termbase: import/export TBX or TSV, list, check"),
    "mappings": ("mappings", "English/French handle, hashtag and address pairs"),
    "qa": ("qa", "quality checks between a post's English and French"),
    "publish": ("publish", "publish a post's English and French together (resume, retry, retract, status)"),
    "spell": ("spell", "spell check a text (en-CA or French); personal and team dictionaries"),
    "team": ("team", "set up a team store on PostgreSQL"),
    "db": ("db", "team store sign-in"),
    "store": ("store", "copy a SQLite store into a team store"),
    "publisher": ("publisher", "headless publisher: scheduled and interrupted posts"),
}
#: Command-group modules, in help order.
COMMAND_MODULES = list(dict.fromkeys(module for module, _ in COMMANDS.values()))

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2

log = logging.getLogger(__name__)


def _top_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print machine-readable JSON")
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="store file, or a team store's postgresql:// URL (default: $TANDEM_DB, the "
                             "policy's database.url, or the user data folder)")
    common.add_argument("--log-level", metavar="LEVEL", type=str.upper, choices=LOG_LEVELS,
                        default=argparse.SUPPRESS,
                        help="what the log file in the user data folder records: "
                             f"{', '.join(LOG_LEVELS)} (default INFO; post text only at DEBUG)")
    parser = argparse.ArgumentParser(
        prog="tandem", parents=[common],
        description="Tandem: bilingual (English/French) posting desk. "
                    "Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"tandem {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.common = common  # type: ignore[attr-defined]  # modules pass it as every leaf's parent
    return parser, sub


def build_parser(modules: Iterable[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The parser with the commands of `modules` (default: all, as docs/cli.md shows them)."""
    parser, sub = _top_parser()
    for name in modules:
        importlib.import_module(f"desktop.cli.{name}").register(sub)
    return parser


def summary_parser() -> argparse.ArgumentParser:
    """Top level only (`tandem --help`, `--version`, a mistyped command): names and help from
    COMMANDS, without importing any command module."""
    parser, sub = _top_parser()
    for name, (_, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text)
    return parser


def _pre_parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]] | None:
    """The global options, and what is left (the command first), or None if they are malformed."""
    pre = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    pre.add_argument("--db", default="")
    pre.add_argument("--json", action="store_true")
    pre.add_argument("--log-level")
    try:
        return pre.parse_known_args(argv)
    except (argparse.ArgumentError, SystemExit):
        return None


def main(argv: list[str] | None = None, *, stdout=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    pre = _pre_parse(argv)
    known, rest = pre if pre else (None, [])
    level = known.log_level.upper() if known and known.log_level else None
    if known and not rest and (level is None or level in LOG_LEVELS):
        # Straight to the window: no command modules (and their imports) to load.
        configure_logging(level)
        from desktop.ui.app import run_app

        return run_app(db=known.db or None)
    # Only the module that registers the command is imported (a fast start for scripts).
    command = rest[0] if rest and rest[0] in COMMANDS else None
    parser = build_parser([COMMANDS[command][0]]) if command else summary_parser()
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
        from .hints import cli_text  # only on a refusal: `tandem --help` imports no command module

        text = cli_text(exc)
        if ctx.json:
            ctx.out({"error": text, "kind": type(exc).__name__, "code": exc.message.code})
        print(f"tandem: {text}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `tandem post list | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stdout until exit, closed by Python
        return EXIT_OK
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
