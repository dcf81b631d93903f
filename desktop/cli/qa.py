"""`tandem qa ID`: quality checks between a post's latest English and French versions.

Numbers, dates, times, links, handles and hashtags (with the store's
mappings), emoji, French typography, official names (with the store's
termbase) and the language of each version. Each finding says where it is
and, when Tandem is sure, the fix. Exits 1 when there are errors or warnings,
0 otherwise.

`tandem qa --pairs FILE` runs the same checks on every English/French pair of
a TSV or CSV (``en`` and ``fr`` columns), TMX or XLIFF file — for auditing
legacy content — and stores nothing. ``--json`` prints ``{"file", "pairs":
[{"ref", "en", "fr", "findings"}], "skipped": [{"line", "reason"}]}``, each
finding as ``tandem qa ID --json`` gives it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop.core.model import Lang

from .context import CliContext, CommandGroups

if TYPE_CHECKING:  # loaded on use: the QA checks pull in all of `translation`
    from desktop.app.suggestions import QaReport


def register(sub: CommandGroups) -> None:
    qa = sub.add_parser("qa", help="quality checks between a post's English and French",
                        parents=[sub.common])
    qa.add_argument("id", type=int, nargs="?", help="post id (omit with --pairs)")
    qa.add_argument("--pairs", metavar="FILE",
                    help="check every EN/FR pair of a TSV/CSV (en, fr columns), TMX or XLIFF file; stores nothing")
    qa.set_defaults(func=run)


def describe(report: QaReport) -> str:
    lines = [f"Post {report.post_id}: EN v{report.en.seq} ↔ FR v{report.fr.seq}: "
             f"{len(report.findings) or 'no'} finding{'' if len(report.findings) == 1 else 's'}"]
    for f in report.findings:
        where = ", ".join(f"{lang.value.upper()} {span[0]}-{span[1]}"
                          for lang, span in ((Lang.EN, f.span_en), (Lang.FR, f.span_fr)) if span)
        lines.append(f"  {f.severity:<7} {f.check}{f' ({where})' if where else ''}: {f.message_en}")
        if f.fix:
            fix, name = f.fix, f.fix.lang.value.upper()
            old = (report.en if fix.lang is Lang.EN else report.fr).text[fix.start:fix.end]
            lines.append(f"          fix: replace “{old}” with “{fix.replacement}” in {name}"
                         if old else f"          fix: insert “{fix.replacement}” in {name} at "
                                     f"{fix.start}")
    return "\n".join(lines)


def _where(f) -> str:
    return ", ".join(f"{lang.value.upper()} {span[0]}-{span[1]}"
                     for lang, span in ((Lang.EN, f.get("span_en")), (Lang.FR, f.get("span_fr"))) if span)


def run_pairs(path: str, ctx: CliContext) -> int:
    from translation.formats.pairs import read_pairs
    from translation.qa import INFO

    report = read_pairs(path)
    qa = ctx.session().suggestions.pair_qa
    pairs: list[dict[str, Any]] = [{"ref": p.ref, "en": p.en, "fr": p.fr, "findings": qa(p.en, p.fr)}
                                   for p in report.records]
    flagged = [p for p in pairs if p["findings"]]
    lines = [f"{path}: {len(pairs)} pair{'' if len(pairs) == 1 else 's'}, {len(flagged)} with findings, "
             f"{len(report.skipped)} skipped"]
    for p in flagged:
        lines.append(f"{p['ref']}: {p['en'][:60]!r} ↔ {p['fr'][:60]!r}")
        lines += [f"  {f['severity']:<7} {f['check']} ({_where(f)}): {f['message_en']}" for f in p["findings"]]
    lines += [f"skipped {'line ' + str(s.line) + ': ' if s.line else ''}{s.reason}" for s in report.skipped]
    ctx.out({"file": path, "pairs": pairs,
             "skipped": [{"line": s.line, "reason": s.reason} for s in report.skipped]}, "\n".join(lines))
    return 1 if any(f["severity"] != INFO for p in pairs for f in p["findings"]) else 0


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.app.suggestions import finding_dict
    from desktop.core.errors import InvalidText
    from translation.qa import INFO

    if args.pairs is not None:
        if args.id is not None:
            raise InvalidText("Give either a post id or --pairs FILE, not both.")
        return run_pairs(args.pairs, ctx)
    if args.id is None:
        raise InvalidText("Give the post id to check (or --pairs FILE).")
    report = ctx.session().suggestions.qa(args.id)
    ctx.out({"post_id": report.post_id, "en_version_id": report.en.id,
             "fr_version_id": report.fr.id, "source_lang": report.source_lang.value,
             "findings": [finding_dict(f) for f in report.findings]}, describe(report))
    return 1 if any(f.severity != INFO for f in report.findings) else 0
