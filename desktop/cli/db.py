"""`tandem db login URL`: keep a team-store password in the OS keyring.

The password is asked for (or read from standard input with
``--password-stdin``), checked by connecting, and stored under
``user@host:port/dbname`` in the keyring; Tandem uses it when libpq has no
password of its own (PGPASSWORD, ~/.pgpass, Kerberos…). A URL that already
holds a password is refused: passwords never travel in URLs.
"""

from __future__ import annotations

import getpass
import sys

from desktop.core.errors import TandemError

from .context import CliContext, CommandGroups


def register(sub: CommandGroups) -> None:
    db = sub.add_parser("db", help="team store sign-in", parents=[sub.common])
    verbs = db.add_subparsers(dest="verb", metavar="VERB", required=True)
    login = verbs.add_parser("login", help="check a password and keep it in the OS keyring",
                             parents=[sub.common])
    login.add_argument("url", help="postgresql://user@host/dbname")
    login.add_argument("--password-stdin", action="store_true",
                       help="read the password from standard input (first line)")
    login.set_defaults(func=run_login)


def run_login(args, ctx: CliContext) -> int:
    from desktop.core.pg import connect

    params = connect.parse(args.url)
    if "password" in params:
        raise TandemError("Leave the password out of the URL: Tandem asks for it and keeps it "
                          "in the OS keyring.")
    safe = connect.redact(args.url)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"Password for {safe}: ")
    if not password:
        raise TandemError("No password given; nothing was stored.")
    conn = connect.connect(args.url, password=password)
    conn.close()
    key = connect.store_password(args.url, password)
    ctx.out({"url": safe, "keyring_entry": key, "stored": True},
            f"Signed in to {safe}; the password is kept in the OS keyring ({key}).")
    return 0
