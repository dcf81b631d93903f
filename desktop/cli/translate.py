"""`tandem translate --from en --to fr TEXT`: an offline machine-translation suggestion."""

from __future__ import annotations

import argparse

from translation import Translator

from .context import CliContext, CommandGroups, read_text_arg


def register(sub: CommandGroups) -> None:
    translate = sub.add_parser("translate", help="machine-translate text offline (en↔fr)",
                               parents=[sub.common])
    translate.add_argument("--from", dest="source", required=True, choices=["en", "fr"])
    translate.add_argument("--to", dest="target", required=True, choices=["en", "fr"])
    translate.add_argument("text", help="text to translate ('-' reads standard input)")
    translate.add_argument("--with-memory", action="store_true",
                           help="as `post suggest` does: the store's translation memory first, "
                                "then the model, with mappings and termbase fixes")
    translate.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.with_memory:
        suggestion = ctx.session().suggestions.suggest_text(read_text_arg(args.text), args.source,
                                                            args.target)
        ctx.out(suggestion.to_dict(), suggestion.text)
        return 0
    result = Translator().translate(read_text_arg(args.text), args.source, args.target)
    ctx.out(result.to_dict(), result.text)
    return 0
