"""`tandem qa ID`: quality checks between a post's latest English and French versions.

Numbers, dates, times, links, handles and hashtags (with the store's
mappings), emoji, French typography and official names (with the store's
termbase). Each finding says where it is and, when Tandem is sure, the fix.
Exits 1 when there are errors or warnings, 0 otherwise.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.core.model import Lang

from .context import CliContext

if TYPE_CHECKING:  # loaded on use: the QA checks pull in all of `translation`
    from desktop.app.suggestions import QaReport


def register(sub: argparse._SubParsersAction) -> None:
    qa = sub.add_parser("qa", help="quality checks between a post's English and French",
                        parents=[sub.common])
    qa.add_argument("id", type=int)
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


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.app.suggestions import finding_dict
    from translation.qa import INFO

    report = ctx.session().suggestions.qa(args.id)
    ctx.out({"post_id": report.post_id, "en_version_id": report.en.id,
             "fr_version_id": report.fr.id, "source_lang": report.source_lang.value,
             "findings": [finding_dict(f) for f in report.findings]}, describe(report))
    return 1 if any(f.severity != INFO for f in report.findings) else 0
