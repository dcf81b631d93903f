"""`tandem terms import|export|list|check`: the termbase (official names and abbreviations).

A new store starts with the Government of Canada organisations shipped in
``resources/terms/``; imports add to it (exit 1 when records were skipped).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .context import CliContext, CommandGroups, read_text_arg
from .memory import report_import

if TYPE_CHECKING:
    from translation.terms import Term


def register(sub: CommandGroups) -> None:
    common = sub.common
    terms = sub.add_parser("terms", help="termbase: import/export TBX or TSV, list, check",
                           parents=[common])
    verbs = terms.add_subparsers(dest="verb", metavar="VERB", required=True)

    imp = verbs.add_parser("import", help="add the terms of a .tbx or .tsv file", parents=[common])
    imp.add_argument("file", type=Path, metavar="FILE.tbx|FILE.tsv")
    imp.set_defaults(func=run_import)

    exp = verbs.add_parser("export", help="write every term as TBX (or TSV for a .tsv/.txt name)",
                           parents=[common])
    exp.add_argument("file", type=Path, metavar="FILE.tbx")
    exp.add_argument("--tbx-version", type=int, choices=[2, 3], default=3,
                     help="TBX 3 (TBX-Basic, DCA; default) or TBX 2 (martif: translate-toolkit, Weblate)")
    exp.set_defaults(func=run_export)

    lst = verbs.add_parser("list", help="every term (--search narrows the list)", parents=[common])
    lst.add_argument("--search", help="text to find in either language or an abbreviation")
    lst.add_argument("--limit", type=int, default=100)
    lst.set_defaults(func=run_list)

    check = verbs.add_parser(
        "check", parents=[common],
        help="known terms in SOURCE with their official counterparts; with TARGET, "
             "the terms TARGET renders wrongly")
    check.add_argument("source", help="source text ('-' reads standard input)")
    check.add_argument("target", nargs="?", help="its translation")
    check.add_argument("--from", dest="lang", required=True, choices=["en", "fr"])
    check.set_defaults(func=run_check)


def term_json(term: Term) -> dict:
    from translation.terms import TERM_FIELDS

    return {field: getattr(term, field) for field in TERM_FIELDS}


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    return report_import(ctx, ctx.session().suggestions.import_terms(args.file), "term")


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from translation import formats

    service = ctx.session().suggestions
    fmt = formats.for_path(args.file, formats.TERMBASE, default=formats.TBX).name.lower()
    args.file.write_bytes(service.export_terms(fmt, tbx_version=args.tbx_version))
    count = len(service.termbase())
    shown = "TBX 2" if fmt == "tbx" and args.tbx_version == 2 else fmt.upper()
    ctx.out({"file": str(args.file), "format": fmt, "terms": count,
             **({"tbx_version": args.tbx_version} if fmt == "tbx" else {})},
            f"wrote {count} terms to {args.file} ({shown})")
    return 0


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from translation.terms import fold

    found = list(ctx.session().suggestions.termbase())
    if args.search:
        wanted = fold(args.search)[0]
        found = [t for t in found if any(wanted in fold(v)[0]
                                         for v in (t.en, t.fr, t.en_abbr, t.fr_abbr))]
    shown = found[:args.limit]
    lines = [f"{t.en}{f' ({t.en_abbr})' if t.en_abbr else ''}  ↔  "
             f"{t.fr}{f' ({t.fr_abbr})' if t.fr_abbr else ''}" for t in shown]
    if len(found) > len(shown):
        lines.append(f"… {len(found) - len(shown)} more (--limit)")
    ctx.out([term_json(t) for t in shown], "\n".join(lines) or "(no terms)")
    return 0


def run_check(args: argparse.Namespace, ctx: CliContext) -> int:
    termbase = ctx.session().suggestions.termbase()
    source = read_text_arg(args.source)
    other = "fr" if args.lang == "en" else "en"
    if args.target is None:
        matches = termbase.find(source, args.lang)
        data: list[dict[str, Any]] = [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
                 "official": m.official(), "counterparts": sorted(
                     {(t.name(other) if m.kind == "name" else t.abbr(other) or t.name(other))
                      for t in m.terms})} for m in matches]
        ctx.out(data, "\n".join(f"{d['text']}  →  {' / '.join(d['counterparts'])}" for d in data)
                or "(no known terms)")
        return 0
    findings = termbase.check_translation(source, read_text_arg(args.target), args.lang, other)
    data = [{"kind": f.kind, "source_span": list(f.source_span), "source_text": f.source_text,
             "expected": f.expected, "target_span": list(f.target_span) if f.target_span else None,
             "target_text": f.target_text, "message_en": f.message_en, "message_fr": f.message_fr}
            for f in findings]
    ctx.out(data, "\n".join(f"{f.kind}: {f.message_en}" for f in findings) or "Terms are correct.")
    return 1 if findings else 0
