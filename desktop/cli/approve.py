"""`tandem approve ID` and `tandem approvals ID|stats`: the approval chain at work."""

from __future__ import annotations


from desktop.core.approvals import Approval, StepStatus
from desktop.core.errors import TandemError
from desktop.core.review import Progress

from .context import CliContext, CommandGroups
from .review import item_json


def register(sub: CommandGroups) -> None:
    approve = sub.add_parser("approve", help="approve a post at a chain step", parents=[sub.common])
    approve.add_argument("id", type=int)
    approve.add_argument("--step", help="step id or name (needed when you can act on several)")
    approve.add_argument("--comment", default="")
    approve.set_defaults(func=run_approve)
    approvals = sub.add_parser(
        "approvals", parents=[sub.common],
        help="where a post waits (who can act, since when, time per step), or 'stats'")
    approvals.add_argument("target", metavar="ID|stats",
                           help="a post id, or 'stats' for the median time per step")
    approvals.set_defaults(func=run_approvals)


def approval_json(a: Approval) -> dict:
    return {"id": a.id, "round_id": a.round_id, "step_id": a.step_id, "approver": a.approver,
            "at": a.at, "comment": a.comment, "en_version_id": a.en_version_id,
            "en_sha256": a.en_sha256, "fr_version_id": a.fr_version_id, "fr_sha256": a.fr_sha256,
            "voided": a.voided, "voided_at": a.voided_at,
            "voided_by_version_id": a.voided_by_version_id}


def step_json(s: StepStatus) -> dict:
    return {"id": s.step.id, "name": s.step.name, "mode": s.step.mode.value,
            "after": list(s.step.after), "role": s.step.role, "state": s.state.value,
            "approvals": [approval_json(a) for a in s.approvals], "eligible": list(s.eligible),
            "who_can_act": list(s.who_can_act), "actionable_since": s.actionable_since,
            "passed_at": s.passed_at, "seconds": s.seconds}


def progress_json(p: Progress) -> dict:
    a = p.approval
    return {"post_id": p.post.id, "title": p.post.title, "state": p.post.state.value,
            "state_since": p.state_since,
            "waiting": [{"what": w.what, "since": w.since, "roles": list(w.roles),
                         "who_can_act": list(w.who_can_act)} for w in p.waiting],
            "review": item_json(p.review),
            "chain": {"source": a.chain.source, "sha256": a.chain.sha256},
            "round_id": a.round_id, "round_started_at": a.round_started_at,
            "steps": [step_json(s) for s in a.steps],
            "history": [approval_json(x) for x in a.history]}


def _progress_text(p: Progress) -> str:
    lines = [f"Post {p.post.id}: {p.post.title}  [{p.post.state.value} since {p.state_since[:16]}]"]
    for w in p.waiting:
        who = ", ".join(w.who_can_act) or ("nobody yet: grant " + " or ".join(w.roles)
                                            if w.roles else "no one (automatic)")
        lines.append(f"  waiting for {w.what} since {w.since[:16]}; can act: {who}")
    if not p.waiting:
        lines.append("  waiting for nothing")
    for s in p.approval.steps:
        took = f", took {s.seconds:.0f} s" if s.seconds is not None else ""
        by = ", ".join(a.approver for a in s.approvals)
        lines.append(f"  step {s.step.name} ({s.step.id}, {s.step.mode.value}): {s.state.value}"
                     + (f" by {by}" if by else "") + took)
    lines += [f"  voided: {a.approver} at {a.step_id} ({a.at[:16]}), by version #"
              f"{a.voided_by_version_id} at {a.voided_at[:16]}" for a in p.approval.history
              if a.voided_at is not None]
    return "\n".join(lines)


def run_approve(args, ctx: CliContext) -> int:
    session = ctx.session()
    a = session.approvals.approve(args.id, args.step, args.comment)
    state = session.posts.view(args.id).post.state.value
    ctx.out({**approval_json(a), "post_state": state},
            f"Post {args.id} approved at step {a.step_id} by {a.approver}; post is {state}.")
    return 0


def run_approvals(args, ctx: CliContext) -> int:
    session = ctx.session()
    if args.target == "stats":
        stats = session.approvals.stats()
        ctx.out([{"step_id": s.step_id, "step_name": s.step_name, "passes": s.passes,
                  "median_seconds": s.median_seconds, "min_seconds": s.min_seconds,
                  "max_seconds": s.max_seconds} for s in stats],
                "\n".join(f"{s.step_name:<28} median {s.median_seconds:>10.0f} s over "
                          f"{s.passes} pass(es)" for s in stats) or "(no step has passed yet)")
        return 0
    if not args.target.isdigit():
        raise TandemError(f"'{args.target}' is not a post id (or 'stats').")
    progress = session.review.progress(int(args.target))
    ctx.out(progress_json(progress), _progress_text(progress))
    return 0
