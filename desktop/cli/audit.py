"""`tandem audit verify|anchor|log`: the hash-chained record of every state change."""

from __future__ import annotations


from desktop.core.audit import head, parse_anchor

from .context import CliContext, CommandGroups


def register(sub: CommandGroups) -> None:
    audit = sub.add_parser("audit", help="verify and read the audit log", parents=[sub.common])
    verbs = audit.add_subparsers(dest="verb", metavar="VERB", required=True)
    verify = verbs.add_parser(
        "verify", help="check the log's hash chain, the records against it and every "
                       "decision's signature", parents=[sub.common])
    verify.add_argument("--anchor", metavar="SEQ:HASH", action="append", default=[],
                        help="a head printed earlier by `tandem audit anchor` and kept "
                             "elsewhere: fails if anything up to it was cut or rewritten "
                             "(repeatable)")
    verify.set_defaults(func=run_verify)
    anchor = verbs.add_parser(
        "anchor", help="print the log's head (SEQ:HASH) for records management to keep "
                       "outside the store", parents=[sub.common])
    anchor.set_defaults(func=run_anchor)
    log = verbs.add_parser("log", help="print audit entries", parents=[sub.common])
    log.add_argument("--post", type=int)
    log.set_defaults(func=run_log)


def run_verify(args, ctx: CliContext) -> int:
    """The hash chain (and anchors), the records against it, then the signatures."""
    anchors = tuple(parse_anchor(a) for a in args.anchor)
    data = ctx.session().records.verify(anchors)
    problems = [p["message"] for p in data["problems"] + data["record_problems"]]
    signatures = data["signatures"]
    unsigned = signatures["unsigned"]
    matched = f"; matches {len(anchors)} anchor(s)" if anchors else ""
    text = (f"Audit log intact: {data['entries']} entries, hash chain verified{matched}; "
            "versions, provenance, sign-offs, approvals, roles and states agree with it; "
            f"{signatures['signed']} decision signature(s) verified."
            if data["ok"] else
            "Audit log TAMPERED:\n" + "\n".join(f"  - {m}" for m in problems))
    if unsigned:
        text += (f"\n{len(unsigned)} decision(s) unsigned (made without a registered signing "
                 "key):\n" + "\n".join(f"  - {w}" for w in unsigned))
    ctx.out(data, text)
    return 0 if data["ok"] else 1


def run_anchor(args, ctx: CliContext) -> int:
    entries = ctx.session().store.audit_entries()
    top = head(entries)
    ctx.out({"seq": top.seq, "hash": top.hash, "entries": len(entries), "anchor": str(top)},
            f"{top}\n(entry {top.seq} of {len(entries)}; keep this line outside the store and "
            f"check it later with: tandem audit verify --anchor {top})")
    return 0


def run_log(args, ctx: CliContext) -> int:
    entries = ctx.session().store.audit_entries(args.post)
    ctx.out([{"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action,
              "post_id": e.post_id, "details": e.details, "hash": e.hash} for e in entries],
            "\n".join(f"{e.seq:>6} {e.at[:19]} {e.actor:<12} {e.action:<20} post={e.post_id}"
                      for e in entries) or "(empty)")
    return 0
