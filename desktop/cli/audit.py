"""`tandem audit verify|log`: the hash-chained record of every state change."""

from __future__ import annotations

import argparse

from .context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    audit = sub.add_parser("audit", help="verify and read the audit log", parents=[sub.common])
    verbs = audit.add_subparsers(dest="verb", metavar="VERB", required=True)
    verify = verbs.add_parser("verify", help="check the log's hash chain", parents=[sub.common])
    verify.set_defaults(func=run_verify)
    log = verbs.add_parser("log", help="print audit entries", parents=[sub.common])
    log.add_argument("--post", type=int)
    log.set_defaults(func=run_log)


def run_verify(args, ctx: CliContext) -> int:
    """The hash chain, then whether versions, sign-offs, approvals and states agree with it."""
    data = ctx.session().records.verify()
    problems = [p["message"] for p in data["problems"] + data["record_problems"]]
    text = (f"Audit log intact: {data['entries']} entries, hash chain verified; "
            "versions, sign-offs, approvals and states agree with it."
            if data["ok"] else
            "Audit log TAMPERED:\n" + "\n".join(f"  - {m}" for m in problems))
    ctx.out(data, text)
    return 0 if data["ok"] else 1


def run_log(args, ctx: CliContext) -> int:
    entries = ctx.session().store.audit_entries(args.post)
    ctx.out([{"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action,
              "post_id": e.post_id, "details": e.details, "hash": e.hash} for e in entries],
            "\n".join(f"{e.seq:>6} {e.at[:19]} {e.actor:<12} {e.action:<20} post={e.post_id}"
                      for e in entries) or "(empty)")
    return 0
