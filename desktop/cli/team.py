"""`tandem team init URL --admin NAME`: make a PostgreSQL database a Tandem team store.

Run by the database owner (a login allowed to create roles). Creates the
``tandem`` schema, Tandem's group roles and the server-side rules, and makes
NAME (an existing login) the store's admin and an author. Safe to run again:
it brings the schema up to date and re-applies the privileges.
"""

from __future__ import annotations


from desktop.core import policy as policy_mod

from .context import CliContext, CommandGroups


def register(sub: CommandGroups) -> None:
    team = sub.add_parser("team", help="set up a team store on PostgreSQL", parents=[sub.common])
    verbs = team.add_subparsers(dest="verb", metavar="VERB", required=True)
    init = verbs.add_parser("init", help="create the schema, roles and rules (database owner)",
                            parents=[sub.common])
    init.add_argument("url", help="postgresql://owner@host/dbname (no password: libpq, "
                                  "~/.pgpass or `tandem db login` supply it)")
    init.add_argument("--admin", required=True, help="login that becomes the store's admin")
    init.add_argument("--role-prefix", default="tandem",
                      help="name prefix of the group roles (default tandem: tandem_author, …)")
    init.set_defaults(func=run_init)


def run_init(args, ctx: CliContext) -> int:
    from desktop.core.pg.team import init_team

    policy = policy_mod.load()
    store = init_team(args.url, args.admin, args.role_prefix,
                      allow_unverified_tls=bool(policy.get("database.allow_unverified_tls", False)))
    try:
        if store.created:
            seed_team_store(store)
        data = {"url": store.url, "schema_version": store.schema_version(),
                "owner": store.login, "admin": args.admin, "role_prefix": store.role_prefix}
    finally:
        store.close()
    ctx.out(data, f"Team store ready at {data['url']} (schema {data['schema_version']}); "
                  f"{args.admin} is its admin. Grant people roles with "
                  f"`tandem --db {data['url']} users grant LOGIN ROLE`.")
    return 0


def seed_team_store(store) -> None:
    """The shipped termbase and mappings, as a new SQLite store gets them (`desktop.app.seed`),
    through the repository protocol."""
    from desktop.app.seed import SEED_USER
    from desktop.core.store_translation import MAPPING_COLUMNS, TERM_COLUMNS
    from translation import seed

    store.add_terms([{c: getattr(t, c) for c in TERM_COLUMNS} for t in seed.load_terms()],
                    SEED_USER)
    store.add_mappings([{c: str(getattr(m, c)) for c in MAPPING_COLUMNS}
                        for m in seed.load_mappings()], SEED_USER)
