"""`tandem mappings list|add|remove|import|export`: paired handles, hashtags and addresses.

Suggestions swap a listed ``@handle``, ``#hashtag`` or address for its
counterpart; QA checks both versions use matching ones. A new store starts
with the pairs shipped in ``resources/terms/``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from .context import CliContext, CommandGroups
from .memory import report_import

if TYPE_CHECKING:
    from translation.mappings import Mapping

KIND_HELP = "handle, hashtag or url"


def register(sub: CommandGroups) -> None:
    common = sub.common
    mappings = sub.add_parser("mappings", help="English/French handle, hashtag and address pairs",
                              parents=[common])
    verbs = mappings.add_subparsers(dest="verb", metavar="VERB", required=True)

    lst = verbs.add_parser("list", help="every pair", parents=[common])
    lst.add_argument("--kind", help=KIND_HELP)
    lst.set_defaults(func=run_list)

    add = verbs.add_parser("add", help="add a pair, e.g. add handle @GovCanHealth @GouvCanSante",
                           parents=[common])
    add.add_argument("kind", help=KIND_HELP)
    add.add_argument("en")
    add.add_argument("fr")
    add.add_argument("--note", default="")
    add.set_defaults(func=run_add)

    remove = verbs.add_parser("remove", help="remove the pair with TEXT in either language",
                              parents=[common])
    remove.add_argument("kind", help=KIND_HELP)
    remove.add_argument("text")
    remove.set_defaults(func=run_remove)

    imp = verbs.add_parser("import", help="add the pairs of a CSV file (kind,en,fr,note)",
                           parents=[common])
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    imp.set_defaults(func=run_import)

    exp = verbs.add_parser("export", help="write every pair as CSV", parents=[common])
    exp.add_argument("file", type=Path, metavar="FILE.csv")
    exp.set_defaults(func=run_export)


def mapping_json(m: Mapping) -> dict:
    return {"kind": m.kind.value, "en": m.en, "fr": m.fr, "note": m.note}


def _line(m: Mapping) -> str:
    return f"{m.kind.value:<8} {m.en}  ↔  {m.fr}" + (f"  ({m.note})" if m.note else "")


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    found = [m for m in ctx.session().suggestions.mapping_table()
             if args.kind is None or m.kind.value == args.kind.strip().lower()]
    ctx.out([mapping_json(m) for m in found], "\n".join(_line(m) for m in found) or "(no mappings)")
    return 0


def run_add(args: argparse.Namespace, ctx: CliContext) -> int:
    m = ctx.session().suggestions.add_mapping(args.kind, args.en, args.fr, args.note)
    ctx.out(mapping_json(m), f"added {_line(m)}")
    return 0


def run_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    m = ctx.session().suggestions.remove_mapping(args.kind, args.text)
    ctx.out(mapping_json(m), f"removed {_line(m)}")
    return 0


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    return report_import(ctx, ctx.session().suggestions.import_mappings(args.file), "pair")


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    service = ctx.session().suggestions
    args.file.write_text(service.export_mappings(), encoding="utf-8")
    count = len(service.mapping_table())
    ctx.out({"file": str(args.file), "mappings": count}, f"wrote {count} pairs to {args.file}")
    return 0
