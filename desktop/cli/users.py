"""`tandem users grant|revoke|list`: who holds which role (policy grants are locked)."""

from __future__ import annotations


from desktop.core.roles import Grant

from .context import CliContext, CommandGroups


def register(sub: CommandGroups) -> None:
    users = sub.add_parser("users", help="grant and revoke roles", parents=[sub.common])
    verbs = users.add_subparsers(dest="verb", metavar="VERB", required=True)
    role_help = "author, translator, publisher, admin or approver:<step id>"
    grant = verbs.add_parser("grant", help="give a user a role (admin)", parents=[sub.common])
    grant.add_argument("user")
    grant.add_argument("role", help=role_help)
    grant.set_defaults(func=run_grant)
    revoke = verbs.add_parser("revoke", help="take a role back (admin)", parents=[sub.common])
    revoke.add_argument("user")
    revoke.add_argument("role", help=role_help)
    revoke.set_defaults(func=run_revoke)
    lst = verbs.add_parser("list", help="every user and their roles", parents=[sub.common])
    lst.set_defaults(func=run_list)


def grant_json(g: Grant) -> dict:
    return {"user": g.user, "role": g.role, "source": g.source, "locked": g.locked,
            "granted_by": g.granted_by, "granted_at": g.granted_at}


def run_grant(args, ctx: CliContext) -> int:
    added = ctx.session().roles.grant(args.user, args.role)
    ctx.out({"user": args.user, "role": args.role.lower(), "granted": added},
            f"{args.user} {'now has' if added else 'already had'} the {args.role.lower()} role.")
    return 0


def run_revoke(args, ctx: CliContext) -> int:
    ctx.session().roles.revoke(args.user, args.role)
    ctx.out({"user": args.user, "role": args.role.lower(), "revoked": True},
            f"{args.user} no longer has the {args.role.lower()} role.")
    return 0


def run_list(args, ctx: CliContext) -> int:
    grants = ctx.session().roles.grants()
    by_user: dict[str, list[str]] = {}
    for g in grants:
        by_user.setdefault(g.user, []).append(g.role + (" (policy)" if g.locked else ""))
    ctx.out([grant_json(g) for g in grants],
            "\n".join(f"{user:<20} {', '.join(roles)}" for user, roles in by_user.items())
            or "(no roles granted)")
    return 0
