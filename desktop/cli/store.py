"""`tandem store copy SQLITE_FILE postgresql://…`: move a desk into a new team store.

Copies every post, version, decision, publication and the audit chain (ids
and hashes unchanged) into a store just created by `tandem team init`, as
its owner; refuses a store that already holds posts. Roles are listed, not
copied: grant them to the people's logins with `tandem users grant`.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core import policy as policy_mod
from desktop.core.errors import TandemError

from .context import CliContext, CommandGroups


def register(sub: CommandGroups) -> None:
    store = sub.add_parser("store", help="copy a SQLite store into a team store",
                           parents=[sub.common])
    verbs = store.add_subparsers(dest="verb", metavar="VERB", required=True)
    copy = verbs.add_parser("copy", help="copy every record into an empty team store (owner)",
                            parents=[sub.common])
    copy.add_argument("source", help="the SQLite store file")
    copy.add_argument("target", help="postgresql://owner@host/dbname, made by `tandem team init`")
    copy.set_defaults(func=run_copy)


def run_copy(args, ctx: CliContext) -> int:
    from desktop.core.audit import verify_chain
    from desktop.core.pg.connect import is_url
    from desktop.core.pg.copy import copy_store
    from desktop.core.pg.store import PgStore
    from desktop.core.store import SqliteStore

    if not Path(args.source).is_file():
        raise TandemError(f"There is no SQLite store at {args.source}.")
    if not is_url(args.target):
        raise TandemError(f"{args.target} is not a postgresql:// URL.")
    policy = policy_mod.load()
    source = SqliteStore(args.source)
    try:
        target = PgStore(args.target, allow_unverified_tls=bool(
            policy.get("database.allow_unverified_tls", False)))
        try:
            result = copy_store(source, target)
            target.vacuum_analyze()
            problems = verify_chain(target.audit_entries())
            url = target.url
        finally:
            target.close()
    finally:
        source.close()
    data = {**result, "target": url, "audit_ok": not problems,
            "audit_problems": [p.message for p in problems]}
    grants = ", ".join(f"{g['user']} {g['role']}" for g in result["grants"]) or "none"
    ctx.out(data, f"Copied into {url}: " + ", ".join(f"{n} {t}" for t, n in
                                                   result["copied"].items() if n)
            + f". Audit chain {'verified' if not problems else 'BROKEN'}."
            f"\nRoles in the SQLite store (grant them to logins): {grants}.")
    return 0 if not problems else 1
