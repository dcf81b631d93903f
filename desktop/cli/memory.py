"""`tandem memory import|export|lookup`: the translation memory (official post pairs + TMX units).

Imports exit 1 when some records were skipped (each is listed with its line
and reason) and 0 when everything was read; an unreadable file changes
nothing and exits 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from translation.memory import DEFAULT_THRESHOLD

from .context import CliContext, CommandGroups, read_text_arg
from .hints import cli_text

if TYPE_CHECKING:  # the service module loads all of `translation`; commands import it on use
    from desktop.app.suggestions import ImportResult


def register(sub: CommandGroups) -> None:
    common = sub.common
    memory = sub.add_parser("memory", help="translation memory: import/export TMX, look up",
                            parents=[common])
    verbs = memory.add_subparsers(dest="verb", metavar="VERB", required=True)

    imp = verbs.add_parser("import", help="add the units of a TMX file", parents=[common])
    imp.add_argument("file", type=Path, metavar="FILE.tmx")
    imp.set_defaults(func=run_import)

    exp = verbs.add_parser("export", help="write the whole memory as TMX", parents=[common])
    exp.add_argument("file", type=Path, metavar="FILE.tmx")
    exp.set_defaults(func=run_export)

    lookup = verbs.add_parser("lookup", help="memory matches for a text, best first",
                              parents=[common])
    lookup.add_argument("text", help="text to look up ('-' reads standard input)")
    lookup.add_argument("--from", dest="source", required=True, choices=["en", "fr"])
    lookup.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD,
                        help=f"lowest fuzzy score shown (default {DEFAULT_THRESHOLD:g})")
    lookup.add_argument("--limit", type=int, default=5)
    lookup.set_defaults(func=run_lookup)


def import_json(result: ImportResult) -> dict:
    return {"file": result.file, "read": result.read, "added": result.added,
            "duplicates": result.duplicates,
            "skipped": [{"line": s.line, "reason": s.reason} for s in result.skipped]}


def report_import(ctx: CliContext, result: ImportResult, noun: str) -> int:
    """Print an import result (``noun``: what a record is, singular); exit 1 if records were
    skipped (a partial import)."""
    lines = [f"{result.file}: added {result.added} {noun}{'' if result.added == 1 else 's'}, "
             f"{result.duplicates} already there, {len(result.skipped)} skipped"]
    lines += [f"  line {s.line}: {cli_text(s.reason)}" if s.line else f"  {cli_text(s.reason)}"
              for s in result.skipped]
    ctx.out(import_json(result), "\n".join(lines))
    return 1 if result.skipped else 0


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    return report_import(ctx, ctx.session().suggestions.import_tmx(args.file), "unit")


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    service = ctx.session().suggestions
    count = len(service.memory())
    args.file.write_bytes(service.export_tmx())
    ctx.out({"file": str(args.file), "units": count}, f"wrote {count} units to {args.file}")
    return 0


def run_lookup(args: argparse.Namespace, ctx: CliContext) -> int:
    matches = ctx.session().suggestions.lookup(read_text_arg(args.text), args.source,
                                               threshold=args.threshold, limit=args.limit)
    data = [{"score": m.score, "exact": m.exact, "source": m.source, "target": m.target,
             "origin": m.unit.origin, "source_ref": m.unit.source_ref,
             "created_at": m.unit.created_at} for m in matches]
    text = "\n".join(f"{m.score:5.1f}{' exact' if m.exact else ''}  {m.unit.origin}"
                     f"{' ' + m.unit.source_ref if m.unit.source_ref else ''}\n"
                     f"    {m.source}\n    → {m.target}" for m in matches)
    ctx.out(data, text or "(no match)")
    return 0
