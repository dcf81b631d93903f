"""`tandem accounts add|list|remove|secret|defaults` and `tandem post targets`.

Secrets are typed at a hidden prompt (twice) or piped with ``--secret-stdin``;
never given as an argument, where they would show in the process list and the
shell history. They go straight to the OS keyring; nothing here prints them.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, TextIO

from .context import CliContext, CommandGroups, read_stdin
from .hints import cli_text

if TYPE_CHECKING:  # publishing (keyring, HTTP) loads only when a command needs it
    from desktop.publishing.accounts import AccountService, PublishingAccount, Targets
    from desktop.publishing.credentials import Secret


def register(sub: CommandGroups) -> None:
    from desktop.publishing.accounts import CHANNELS, AccountLang, LangOrder

    common = sub.common
    accounts = sub.add_parser("accounts", help="publishing accounts (secrets in the OS keyring)",
                              parents=[common])
    verbs = accounts.add_subparsers(dest="verb", metavar="VERB", required=True)

    add = verbs.add_parser(
        "add", parents=[common], help="add an account; asks for its secret",
        description="Add a publishing account. The secret (app password, access token or "
                    "webhook signing key) is asked for without echo, or read from standard "
                    "input with --secret-stdin, and stored only in the OS keyring.")
    add.add_argument("channel", metavar="CHANNEL", help=", ".join(CHANNELS))
    add.add_argument("name", metavar="NAME", help="your name for the account, e.g. gc-bsky-en")
    add.add_argument("--lang", required=True, choices=[lang.value for lang in AccountLang],
                     help="en or fr (paired unilingual accounts) or both (one bilingual account)")
    add.add_argument("--service", metavar="URL",
                     help="https:// server URL (default: https://bsky.social for Bluesky, "
                          "https://api.x.com for X)")
    add.add_argument("--handle", help="the account's handle (webhooks: optional label)")
    add.add_argument("--order", choices=[order.value for order in LangOrder],
                     help="bilingual accounts: which language goes first (default en-first)")
    add.add_argument("--combine-when-fits", action="store_true",
                     help="bilingual accounts: one post with both languages when they fit")
    _secret_stdin_option(add)
    add.set_defaults(func=run_add)

    lst = verbs.add_parser("list", parents=[common],
                           help="accounts and whether their secret is in the keyring")
    lst.set_defaults(func=run_list)

    remove = verbs.add_parser("remove", parents=[common],
                              help="remove an account and delete its keyring secret")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=run_remove)

    secret = verbs.add_parser("secret", parents=[common],
                              help="store or replace an account's secret (e.g. after rotation)")
    secret.add_argument("name", metavar="NAME")
    _secret_stdin_option(secret)
    secret.set_defaults(func=run_secret)

    defaults = verbs.add_parser("defaults", parents=[common],
                                help="show or set the targets of posts that have none")
    defaults.add_argument("names", metavar="ACCOUNT", nargs="*")
    defaults.add_argument("--clear", action="store_true", help="no default targets")
    defaults.set_defaults(func=run_defaults)


def register_post_targets(verbs: argparse._SubParsersAction,
                          common: argparse.ArgumentParser) -> None:
    """`tandem post targets ID [ACCOUNT…] [--clear]` (registered by desktop.cli.post)."""
    targets = verbs.add_parser(
        "targets", parents=[common], help="show or set the accounts a post goes to",
        description="Without accounts, shows the post's targets. With accounts, sets them: "
                    "each channel needs both languages (an en + fr pair or a bilingual account).")
    targets.add_argument("id", type=int)
    targets.add_argument("names", metavar="ACCOUNT", nargs="*")
    targets.add_argument("--clear", action="store_true",
                         help="drop the post's own targets (it uses the defaults again)")
    targets.set_defaults(func=run_targets)


def _secret_stdin_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--secret-stdin", action="store_true",
                        help="read the secret from standard input (one trailing newline is "
                             "dropped) instead of prompting")


def read_secret(label: str, from_stdin: bool, stdin: TextIO | None = None) -> Secret:
    """The secret from standard input, or from a hidden prompt typed twice."""
    from desktop.publishing.credentials import InvalidSecret, Secret

    stdin = stdin or sys.stdin
    if from_stdin:
        data = read_stdin(stdin)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidSecret("The secret read from standard input is not UTF-8 text: "
                                "nothing was stored.") from None
        return Secret.from_input(text, "The secret read from standard input")
    if not stdin.isatty():
        raise InvalidSecret("There is no terminal to ask for the secret: pipe it in and add "
                            "--secret-stdin.")
    first = Secret.from_input(getpass.getpass(f"Secret for {label} (typing is not shown): "))
    again = getpass.getpass("The same secret again, to confirm: ")
    if again != first.reveal():
        raise InvalidSecret("The two entries differ: nothing was stored.")
    return first


def _service(ctx: CliContext) -> AccountService:
    from desktop.app.publishing import account_service

    return account_service(ctx.session())


def _line(account: PublishingAccount, secret: str) -> str:
    flags = [f for f, on in (("locked", account.locked), ("default", account.is_default)) if on]
    return (f"{account.name:<20} {account.channel:<9} {account.lang.value:<5} {account.handle:<28} "
            f"{account.service_url:<28} secret {secret:<8} {' '.join(flags)}").rstrip()


def run_add(args, ctx: CliContext) -> int:
    service = _service(ctx)
    fields = service.check_new(args.channel, args.name, args.lang, service_url=args.service,
                               handle=args.handle, order=args.order,
                               combine_when_fits=args.combine_when_fits)
    secret = read_secret(f"{fields['channel']} account {fields['name']}", args.secret_stdin)
    account = service.add(args.channel, args.name, args.lang, secret, service_url=args.service,
                          handle=args.handle, order=args.order,
                          combine_when_fits=args.combine_when_fits)
    ctx.out({**account.as_dict(), "secret": "present"},
            f"Added {account.channel} account {account.name} ({account.describe_lang()}, "
            f"{account.handle} on {account.service_url}); its secret is in the OS keyring "
            f"({service.credentials.report(probe=False).name}).")
    return 0


def run_list(args, ctx: CliContext) -> int:
    service = _service(ctx)
    rows = [(a, service.secret_state(a)) for a in service.list()]
    if any(state == "unknown" for _, state in rows):
        report = service.credentials.report()
        print(f"tandem: cannot tell which secrets are stored: {report.detail} {report.fix}",
              file=sys.stderr)
    ctx.out([{**a.as_dict(), "secret": state} for a, state in rows],
            "\n".join(_line(a, state) for a, state in rows) or "(no accounts)")
    return 0


def run_remove(args, ctx: CliContext) -> int:
    account = _service(ctx).remove(args.name)
    ctx.out({**account.as_dict(), "removed": True},
            f"Removed account {account.name}; its secret was deleted from the OS keyring.")
    return 0


def run_secret(args, ctx: CliContext) -> int:
    service = _service(ctx)
    account = service.get(args.name)
    service.credentials.require_secure()
    secret = read_secret(f"{account.channel} account {account.name}", args.secret_stdin)
    service.set_secret(account.name, secret)
    ctx.out({**account.as_dict(), "secret": "present"},
            f"Stored the secret of {account.name} in the OS keyring.")
    return 0


def _targets_out(ctx: CliContext, targets: Targets, heading: str) -> None:
    lines = [heading]
    lines += [f"  {a.name:<20} {a.channel:<9} {a.describe_lang()}" for a in targets.accounts]
    lines += [f"  refused: {cli_text(problem)}" for problem in targets.problems]
    ctx.out({**targets.as_dict(), "details": [a.as_dict() for a in targets.accounts]},
            "\n".join(lines))


def run_defaults(args, ctx: CliContext) -> int:
    from desktop.publishing.accounts import InvalidTargets

    service = _service(ctx)
    if args.names and args.clear:
        raise InvalidTargets("Give accounts or --clear, not both.")
    if args.names or args.clear:
        targets = service.set_default_targets([] if args.clear else args.names)
    else:
        targets = service.default_targets()
    source = {"policy": "set by the IT policy", "defaults": "yours", "none": "none"}[targets.source]
    _targets_out(ctx, targets, f"Default targets ({source}):")
    return 0


def run_targets(args, ctx: CliContext) -> int:
    from desktop.publishing.accounts import InvalidTargets

    service = _service(ctx)
    if args.names and args.clear:
        raise InvalidTargets("Give accounts or --clear, not both.")
    if args.names or args.clear:
        targets = service.set_targets(args.id, [] if args.clear else args.names)
    else:
        targets = service.targets(args.id)
    source = {"post": "chosen for this post", "policy": "the IT policy's defaults",
              "defaults": "your defaults", "none": "none"}[targets.source]
    _targets_out(ctx, targets, f"Post {args.id} targets ({source}):")
    return 0
