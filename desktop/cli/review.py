"""`tandem review queue|show|sign|reject`: the translator's side of a pair."""

from __future__ import annotations


from desktop.core.model import Lang
from desktop.core.review import Decision, LanguageReview, OfficialPeriod, ReviewItem

from .context import CliContext, CommandGroups
from .post import version_json


def register(sub: CommandGroups) -> None:
    common = sub.common
    review = sub.add_parser("review", help="linguistic review: queue, sign-off, rejection",
                            parents=[common])
    verbs = review.add_subparsers(dest="verb", metavar="VERB", required=True)
    queue = verbs.add_parser("queue", help="pairs waiting for review, oldest first",
                             parents=[common])
    queue.set_defaults(func=run_queue)
    show = verbs.add_parser("show", help="a pair's review status and official history",
                            parents=[common])
    show.add_argument("id", type=int)
    show.set_defaults(func=run_show)
    for name, helptext in (("sign", "sign off a language's latest version (makes it official)"),
                           ("reject", "send a language's latest version back, with a comment")):
        verb = verbs.add_parser(name, help=helptext, parents=[common])
        verb.add_argument("id", type=int)
        verb.add_argument("--lang", required=True, choices=[l.value for l in Lang])
        verb.add_argument("--comment", required=name == "reject", default="")
        verb.add_argument("--version", type=int, dest="version_id",
                          help="the version id you reviewed (refused if the text changed since)")
        verb.set_defaults(func=run_sign if name == "sign" else run_reject)


def decision_json(d: Decision) -> dict:
    return {"id": d.id, "kind": d.kind, "lang": d.lang.value, "version_id": d.version_id,
            "sha256": d.sha256, "reviewer": d.reviewer, "at": d.at, "comment": d.comment,
            "qa_findings": list(d.qa_findings)}


def language_json(lr: LanguageReview) -> dict:
    diff, official = lr.machine_diff, lr.official_diff
    return {"lang": lr.lang.value, "status": lr.status.value, "version": version_json(lr.version),
            "decision": decision_json(lr.decision) if lr.decision is not None else None,
            "needs": list(lr.needs),
            "machine_assisted": lr.machine_assisted, "machine_share": round(lr.machine_share, 4),
            "provenance": lr.provenance, "can_sign": lr.can_sign,
            "machine_diff": None if diff is None else {
                "machine_version_id": diff.machine_version.id, "changed": diff.changed,
                "ops": [{"op": o.op, "machine": o.machine, "current": o.current} for o in diff.ops]},
            "official_diff": None if official is None else {
                "official_version_id": official.machine_version.id, "changed": official.changed,
                "ops": [{"op": o.op, "official": o.machine, "current": o.current} for o in official.ops]}}


def item_json(item: ReviewItem) -> dict:
    return {"post_id": item.post.id, "title": item.post.title, "state": item.post.state.value,
            "post_type": item.post.post_type, "waiting_since": item.waiting_since,
            "en": language_json(item.en), "fr": language_json(item.fr),
            "qa_findings": list(item.qa_findings)}


def period_json(p: OfficialPeriod) -> dict:
    return {"lang": p.lang.value, "version_id": p.version.id, "seq": p.version.seq,
            "sha256": p.version.sha256, "signed_by": p.signoff.reviewer, "since": p.since,
            "until": p.until, "ended_by_version_id": p.ended_by_version_id}


def _language_line(lr: LanguageReview) -> str:
    if lr.version is None:
        return f"  {lr.lang.value.upper()}: {lr.status.value}"
    line = (f"  {lr.lang.value.upper()} v{lr.version.seq} {lr.status.value}"
            f" ({lr.provenance})")
    if lr.status.value == "pending":
        line += f"; signed off by: {' or '.join(lr.needs)}"
    if lr.decision is not None:
        line += f"; {lr.decision.kind} by {lr.decision.reviewer}"
        line += f": {lr.decision.comment}" if lr.decision.comment else ""
    if lr.machine_diff is not None and lr.machine_diff.changed:
        line += f"; edited from machine v{lr.machine_diff.machine_version.seq}"
    if lr.official_diff is not None and lr.official_diff.changed:
        line += f"; changed since official v{lr.official_diff.machine_version.seq}"
    return line


def _item_text(item: ReviewItem) -> str:
    return "\n".join([f"{item.post.id:>6}  {item.post.title}  [{item.post.state.value}]"
                      f"  waiting since {item.waiting_since[:16]}",
                      _language_line(item.en), _language_line(item.fr)]
                     + [_finding_line(f) for f in item.qa_findings])


def _finding_line(finding: dict) -> str:
    """A QA finding as a line of text (its English message), not a Python dict."""
    severity = finding.get("severity", "")
    message = finding.get("message_en") or finding.get("message") or finding.get("code", "")
    return f"  QA {severity}: {message}" if severity else f"  QA: {message}"


def run_queue(args, ctx: CliContext) -> int:
    items = ctx.session().review.queue()
    ctx.out([item_json(i) for i in items],
            "\n".join(_item_text(i) for i in items) or "(nothing waiting for review)")
    return 0


def run_show(args, ctx: CliContext) -> int:
    review = ctx.session().review
    item, periods = review.item(args.id), review.official_history(args.id)
    ctx.out({**item_json(item), "official_history": [period_json(p) for p in periods]},
            _item_text(item) + "".join(
                f"\n  official {p.lang.value.upper()} v{p.version.seq} {p.since[:16]} → "
                f"{p.until[:16] if p.until else 'now'} (signed by {p.signoff.reviewer})"
                for p in periods))
    return 0


def run_sign(args, ctx: CliContext) -> int:
    session = ctx.session()
    d = session.review.sign(args.id, Lang(args.lang), args.comment, args.version_id)
    state = session.posts.view(args.id).post.state.value
    ctx.out({**decision_json(d), "post_state": state},
            f"{args.lang.upper()} of post {args.id} signed off ({d.sha256[:12]}); post is {state}.")
    return 0


def run_reject(args, ctx: CliContext) -> int:
    d = ctx.session().review.reject(args.id, Lang(args.lang), args.comment, args.version_id)
    ctx.out(decision_json(d), f"{args.lang.upper()} of post {args.id} rejected: {d.comment}")
    return 0
