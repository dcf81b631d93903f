"""`tandem spell`: spell check a text in English (en-CA) or French, and the dictionaries.

``tandem spell --lang en|fr TEXT`` lists each misspelt word with its character
offsets (``start``, ``end``: Python string indices, end excluded) and
suggestions; ``--json`` prints them as a list, empty for a clean text. Exits 1
when a word is misspelt. ``TEXT`` may be ``-`` for standard input. The words of
the store's termbase, the team dictionary and the user's own dictionary are
never flagged. ``--add WORD`` / ``--remove WORD`` change the user's dictionary,
or the team's with ``--team`` (translators and admins).
"""

from __future__ import annotations

import argparse

from desktop.core.errors import InvalidText
from desktop.core.model import Lang

from .context import CliContext, CommandGroups, read_text_arg


def register(sub: CommandGroups) -> None:
    spell = sub.add_parser("spell", help="spell check a text (en-CA or French); personal and team dictionaries",
                           parents=[sub.common])
    spell.add_argument("--lang", required=True, choices=["en", "fr"], help="language of the text")
    spell.add_argument("text", nargs="?", help="text to check ('-' reads standard input)")
    change = spell.add_mutually_exclusive_group()
    change.add_argument("--add", metavar="WORD", help="accept WORD from now on")
    change.add_argument("--remove", metavar="WORD", help="stop accepting WORD")
    spell.add_argument("--team", action="store_true", help="with --add/--remove: the team dictionary")
    spell.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    lang = Lang(args.lang)
    from desktop.app.spelling import for_session

    spelling = for_session(ctx.session())
    word = args.add or args.remove
    if word is not None:
        if args.text is not None:
            raise InvalidText("Give either a text to check or --add/--remove WORD, not both.")
        changed = (spelling.add_word if args.add else spelling.remove_word)(lang, word, team=args.team)
        where = "the team dictionary" if args.team else "your dictionary"
        verb = ("added to" if changed else "already in") if args.add else ("removed from" if changed else "not in")
        ctx.out({"word": word, "lang": lang.value, "team": args.team, "changed": changed},
                f"“{word}” {verb} {where} ({lang.value}).")
        return 0
    if args.text is None:
        raise InvalidText("Give the text to check (or '-' to read it from standard input).")
    found = spelling.check(read_text_arg(args.text), lang)
    lines = [f"{m['start']}-{m['end']} {m['word']}: {', '.join(m['suggestions']) or '(no suggestion)'}"
             for m in found]
    ctx.out(found, "\n".join(lines) or "No misspelling.")
    return 1 if found else 0
