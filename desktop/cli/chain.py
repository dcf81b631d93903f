"""`tandem chain set FILE|show`: the approval chain (TOML or JSON; locked by the policy)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.chain import Chain
from desktop.core.errors import NotFound

from .context import CliContext, CommandGroups, read_text_arg


def register(sub: CommandGroups) -> None:
    chain = sub.add_parser("chain", help="set or show the approval chain", parents=[sub.common])
    verbs = chain.add_subparsers(dest="verb", metavar="VERB", required=True)
    set_ = verbs.add_parser("set", help="replace the chain from a TOML or JSON file (admin)",
                            parents=[sub.common])
    set_.add_argument("file", help="chain file ('-' reads standard input)")
    set_.add_argument("--format", choices=["toml", "json"],
                      help="default: from the file extension, else guessed")
    set_.set_defaults(func=run_set)
    show = verbs.add_parser("show", help="the chain posts entering approval follow",
                            parents=[sub.common])
    show.set_defaults(func=run_show)


def chain_json(chain: Chain, locked: bool) -> dict:
    return {**chain.to_dict(), "source": chain.source, "sha256": chain.sha256, "locked": locked,
            "roles": {s.id: s.role for s in chain.steps}}


def chain_text(chain: Chain, locked: bool) -> str:
    lines = [f"Approval chain ({chain.source}{', locked by the IT policy' if locked else ''}):"]
    for s in chain.steps:
        after = ", ".join(s.after) if s.after else "start"
        types = f"; only {', '.join(s.post_types)} posts" if s.post_types else ""
        lines.append(f"  {s.id:<20} {s.name} — {s.mode.value} of {s.role}; after: {after}{types}")
    if not chain.steps:
        lines.append("  (no steps: posts are approved once both languages are official)")
    return "\n".join(lines)


def run_set(args, ctx: CliContext) -> int:
    if args.file == "-":
        text, where = read_text_arg("-"), "standard input"
    else:
        path = Path(args.file)
        try:
            text = path.read_text(encoding="utf-8-sig")  # tolerate a BOM (Windows editors)
        except (OSError, UnicodeDecodeError) as exc:
            raise NotFound(f"Cannot read the chain file {path}: {exc}") from None
        where = str(path)
    fmt = args.format or {".toml": "toml", ".json": "json"}.get(Path(args.file).suffix.lower())
    session = ctx.session()
    chain = session.approvals.set_chain(text, fmt, where)
    ctx.out(chain_json(chain, False), chain_text(chain, False))
    return 0


def run_show(args, ctx: CliContext) -> int:
    session = ctx.session()
    chain = session.approvals.chain()
    locked = session.policy.is_locked("approval.chain")
    ctx.out(chain_json(chain, locked), chain_text(chain, locked))
    return 0
