"""`tandem export records|xliff` and `tandem import xliff`: the record and translator files."""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import NotFound, StoreError
from desktop.core.model import Lang
from desktop.core.records import FORMATS
from desktop.app import xliff

from .context import CliContext, CommandGroups


def register(sub: CommandGroups) -> None:
    common = sub.common
    export = sub.add_parser("export", help="export the record or an XLIFF file", parents=[common])
    verbs = export.add_subparsers(dest="verb", metavar="VERB", required=True)
    records = verbs.add_parser(
        "records", parents=[common],
        help="every version, review, approval, state and publication (with audit verification)")
    records.add_argument("--post", type=int, help="one post (default: all)")
    records.add_argument("--since", metavar="DATE",
                         help="posts with activity on or after DATE (2025-01-31 or ISO time)")
    records.add_argument("--format", choices=FORMATS, default="json")
    records.add_argument("--output", metavar="FILE", help="write to FILE (default: standard output)")
    records.set_defaults(func=run_records)
    export_xliff = verbs.add_parser("xliff", help="a post's pair as XLIFF 2.0", parents=[common])
    export_xliff.add_argument("id", type=int)
    export_xliff.add_argument("--source", choices=[l.value for l in Lang], default="en",
                              help="source language (default en; the target is the other)")
    export_xliff.add_argument("--output", metavar="FILE", help="default: standard output")
    export_xliff.set_defaults(func=run_export_xliff)

    import_ = sub.add_parser("import", help="import a translated file", parents=[common])
    import_verbs = import_.add_subparsers(dest="verb", metavar="VERB", required=True)
    import_xliff = import_verbs.add_parser(
        "xliff", parents=[common],
        help="record an XLIFF 2.0 translation as a new version (needs a sign-off)")
    import_xliff.add_argument("file")
    import_xliff.add_argument("--tool", default="", help="the translation tool used (recorded)")
    import_xliff.set_defaults(func=run_import_xliff)


def _write(ctx: CliContext, content: bytes, output: str | None, what: str) -> None:
    if output is None:
        ctx.stdout.write(content.decode("utf-8"))
        return
    try:
        Path(output).write_bytes(content)
    except OSError as exc:
        raise StoreError(f"Cannot write {output}: {exc.strerror}.") from None
    ctx.out({"written": output, "bytes": len(content)}, f"Wrote {what} to {output}.")


def run_records(args, ctx: CliContext) -> int:
    text = ctx.session().records.export(args.format, args.post, args.since)
    _write(ctx, text.encode("utf-8"), args.output, f"the {args.format.upper()} record")
    return 0


def run_export_xliff(args, ctx: CliContext) -> int:
    data = xliff.export_post(ctx.session().posts, args.id, Lang(args.source))
    _write(ctx, data, args.output, f"post {args.id} as XLIFF 2.0")
    return 0


def run_import_xliff(args, ctx: CliContext) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise NotFound(f"Cannot read {args.file}: {exc.strerror}.") from None
    result = xliff.import_into(ctx.session().posts, data, args.tool)
    v = result.version
    ctx.out({"post_id": result.pair.post_id, "unit_id": result.pair.unit_id,
             "lang": v.lang.value, "version_id": v.id, "seq": v.seq, "sha256": v.sha256,
             "changed": result.changed},
            f"{v.lang.value.upper()} v{v.seq} of post {result.pair.post_id} "
            + ("recorded from the XLIFF file; it needs a sign-off." if result.changed
               else "unchanged: the file's translation is the current text."))
    return 0
