"""`tandem keys init|register|list`: the Ed25519 keys people sign decisions with.

``init`` makes this person's signing key in their OS keyring (or shows the one
there) and prints its public half; an admin registers it with ``register``
(audited); ``list`` shows every registered key.
"""

from __future__ import annotations


from desktop.core import signing, signing_keyring
from desktop.core.signing import SigningService

from .context import CliContext, CommandGroups


def register(sub: CommandGroups) -> None:
    keys = sub.add_parser("keys", help="signing keys for sign-offs and approvals",
                          parents=[sub.common])
    verbs = keys.add_subparsers(dest="verb", metavar="VERB", required=True)
    init = verbs.add_parser("init", help="create your signing key in the OS keyring (or show "
                                         "it) and print its public key", parents=[sub.common])
    init.set_defaults(func=run_init)
    reg = verbs.add_parser("register", help="register a person's public key (admin)",
                           parents=[sub.common])
    reg.add_argument("user")
    reg.add_argument("public_key", metavar="PUBKEY", help="as printed by `tandem keys init`")
    reg.set_defaults(func=run_register)
    listing = verbs.add_parser("list", help="registered signing keys", parents=[sub.common])
    listing.add_argument("--user")
    listing.set_defaults(func=run_list)


def _service(ctx: CliContext) -> SigningService:
    return ctx.session().approvals.signing


def run_init(args, ctx: CliContext) -> int:
    user = ctx.session().user
    existing = signing_keyring.load(user)
    if existing is None:
        key = signing.Ed25519PrivateKey.generate()
        signing_keyring.save(user, signing.private_text(key))
    else:
        key = signing.load_private(existing)
    public = signing.public_text(key)
    kid = signing.key_id(public)
    registered = [r for r in _service(ctx).keys(user) if r["key_id"] == kid]
    ctx.out({"user": user, "public_key": public, "key_id": kid, "created": existing is None,
             "registered": bool(registered)},
            f"{'Created a new' if existing is None else 'Your existing'} signing key for {user} "
            f"(kept in this computer's OS keyring).\nPublic key: {public}\nKey id: {kid[:16]}\n"
            + ("It is registered in this store." if registered else
               f"An admin registers it with: tandem keys register {user} {public}"))
    return 0


def run_register(args, ctx: CliContext) -> int:
    row = _service(ctx).register(args.user, args.public_key)
    ctx.out(row, f"Registered key {row['key_id'][:16]} for {row['holder']}; their sign-offs "
                 "and approvals are signed from now on.")
    return 0


def run_list(args, ctx: CliContext) -> int:
    rows = _service(ctx).keys(args.user)
    ctx.out(rows, "\n".join(f"{r['holder']:<16} {r['key_id'][:16]}  registered by "
                            f"{r['registered_by']} at {r['registered_at'][:16]}"
                            for r in rows) or "(no signing keys registered)")
    return 0
