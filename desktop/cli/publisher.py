"""`tandem publisher [--once] [--interval S]`: publish scheduled posts with no window open.

Runs until SIGTERM (a systemd service: docs/deploying.md) or one pass with
``--once``. Acts as the user the store names (the login, on a team store),
who needs the publisher role to resume or retry; scheduled posts go out on
the authority of whoever scheduled them.
"""

from __future__ import annotations

import json

from .context import CliContext, CommandGroups


def register(sub: CommandGroups) -> None:
    cmd = sub.add_parser("publisher", help="headless publisher: scheduled and interrupted posts",
                         parents=[sub.common])
    cmd.add_argument("--once", action="store_true", help="one pass, then exit")
    cmd.add_argument("--interval", type=float, default=60.0, metavar="SECONDS",
                     help="longest sleep between passes (default 60)")
    cmd.set_defaults(func=run)


def run(args, ctx: CliContext) -> int:
    from desktop.app.publisher import Publisher

    publisher = Publisher(ctx.session())
    if args.once:
        report = publisher.run_pass()
        ctx.out(report.as_dict(), report.describe())
        return 1 if report.failed else 0
    publisher.serve(args.interval, on_pass=lambda report: _line(ctx, report))
    return 0


def _line(ctx: CliContext, report) -> None:
    """One line per pass (JSON Lines with --json), flushed: a service's log reads it live."""
    text = json.dumps(report.as_dict(), default=str) if ctx.json else report.describe()
    ctx.stdout.write(text + "\n")
    ctx.stdout.flush()
