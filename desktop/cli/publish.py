"""`tandem publish`: both languages of an approved post, together, exactly once.

    tandem publish ID [--dry-run] [--at TIME]   publish now (or check only, or schedule)
    tandem publish --resume                     finish interrupted publications; report
                                                half-published posts and missed schedules
    tandem publish retry ID                     send what is missing of a half-published post
    tandem publish retract ID --lang en|fr      delete the language that is out alone
    tandem publish status ID                    where each language went, when, and its URL
    tandem publish unschedule ID                cancel a scheduled publication
    tandem publish due                          publish scheduled posts whose time has come

Exit status: 0 when done, 1 when the post needs attention (a preflight
problem in --dry-run, a half pair, an unknown fate), 2 on an error (including
a refused publish: nothing was sent).
"""

from __future__ import annotations

import argparse
from datetime import datetime

from desktop.core.errors import TandemError
from desktop.app.publishing import publish_service
from desktop.publishing.reports import PublishingStatus

from .context import CliContext, CommandGroups
from .publish_text import plan_text, resume_text, scheduled_text, status_text

VERBS = ("retry", "retract", "status", "unschedule", "due")
EXIT_ATTENTION = 1


def register(sub: CommandGroups) -> None:
    parser = sub.add_parser(
        "publish", parents=[sub.common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="publish a post's English and French together (resume, retry, retract, status)",
        description=__doc__.split("\n\n")[0] + "\n\n" + __doc__.split("\n\n")[1],
        epilog="TIME is ISO 8601 with its zone (2026-05-01T09:00-04:00) or a local time "
               "(2026-05-01 09:00). Tandem publishes scheduled posts itself while it runs; "
               "a time missed while it was closed is asked about, never posted late.")
    parser.add_argument("words", nargs="*", metavar="ID | VERB ID",
                        help="a post id, or one of: " + ", ".join(VERBS))
    parser.add_argument("--dry-run", action="store_true",
                        help="run every check and show what would be sent; send nothing")
    parser.add_argument("--at", metavar="TIME", help="publish at TIME instead of now")
    parser.add_argument("--resume", action="store_true",
                        help="finish interrupted publications and report what needs you")
    parser.add_argument("--lang", choices=["en", "fr"], help="retract: the language to delete")
    parser.set_defaults(func=run)


def parse_time(text: str) -> datetime:
    """ISO 8601 with a zone, or a local date and time (a zone-less time is this computer's)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise TandemError(f"{text!r} is not a time: use ISO 8601, e.g. 2026-05-01T09:00-04:00 "
                          "or 2026-05-01 09:00 (local time).") from None
    return moment if moment.tzinfo is not None else moment.astimezone()


def _command(args) -> tuple[str, int | None]:
    """The verb ("publish", "resume", or one of VERBS) and its post id; usage errors raise."""
    words = list(args.words)
    if args.resume:
        if words:
            raise TandemError("--resume takes no post id: it resumes every publication.")
        return "resume", None
    verb = words.pop(0) if words and words[0] in VERBS else "publish"
    if verb == "due":
        if words:
            raise TandemError("`tandem publish due` takes no post id.")
        return verb, None
    if len(words) != 1 or not words[0].isdigit():
        raise TandemError(f"Give one post id: tandem publish {'' if verb == 'publish' else verb + ' '}"
                          "ID (see tandem publish --help).")
    if (args.dry_run or args.at) and verb != "publish":
        raise TandemError("--dry-run and --at go with `tandem publish ID`.")
    if (args.lang is not None) != (verb == "retract"):
        raise TandemError("`tandem publish retract ID` needs --lang en or --lang fr "
                          "(and only it takes --lang).")
    return verb, int(words[0])


def _status_out(ctx: CliContext, status: PublishingStatus) -> int:
    ctx.out(status.as_dict(), status_text(status))
    return EXIT_ATTENTION if status.actions else 0


def run(args, ctx: CliContext) -> int:
    verb, post_id = _command(args)
    with publish_service(ctx.session()) as service:
        if verb == "resume":
            report = service.resume_all()
            ctx.out(report.as_dict(), resume_text(report))
            return EXIT_ATTENTION if report.attention else 0
        if verb == "due":
            results = service.publish_due()
            ctx.out([{"post_id": r.post_id, "status": r.status.as_dict() if r.status else None,
                      "error": r.error} for r in results],
                    "\n".join(status_text(r.status) if r.status else f"tandem: {r.error}"
                              for r in results) or "Nothing is due.")
            return EXIT_ATTENTION if any(r.error or (r.status and r.status.actions)
                                         for r in results) else 0
        assert post_id is not None, "every other verb has its post id (_command)"
        if verb == "status":
            return _status_out(ctx, service.status(post_id))
        if verb == "retry":
            return _status_out(ctx, service.retry(post_id))
        if verb == "retract":
            return _status_out(ctx, service.retract(post_id, args.lang))
        if verb == "unschedule":
            return _status_out(ctx, service.unschedule(post_id))
        if args.dry_run:
            plan = service.preflight(post_id)
            ctx.out(plan.as_dict(), plan_text(plan))
            return 0 if plan.ok else EXIT_ATTENTION
        if args.at:
            item = service.schedule(post_id, parse_time(args.at))
            ctx.out(item.as_dict(), scheduled_text(item))
            return 0
        return _status_out(ctx, service.publish(post_id))
