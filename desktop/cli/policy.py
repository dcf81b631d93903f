"""`tandem policy show|check`: the IT policy in force, its schema, and validating a file before deploying it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.core import policy as policy_mod
from desktop.core.errors import PolicyError

from .context import CliContext, CommandGroups


def register(sub: CommandGroups) -> None:
    cmd = sub.add_parser("policy", help="show the IT policy, or check a policy file",
                         parents=[sub.common])
    verbs = cmd.add_subparsers(dest="verb", metavar="VERB", required=True)
    show = verbs.add_parser("show", help="the policy in force and what it locks",
                            parents=[sub.common])
    what = show.add_mutually_exclusive_group()
    what.add_argument("--schema", action="store_true",
                      help="every key a policy may set (Markdown table; JSON with --json)")
    what.add_argument("--example", action="store_true",
                      help="a complete example policy (TOML)")
    show.set_defaults(func=run_show)
    check = verbs.add_parser("check", help="validate a policy file (exit 2 if invalid)",
                             parents=[sub.common])
    check.add_argument("file", type=Path, metavar="FILE")
    check.set_defaults(func=run_check)


def _locked_text(policy: policy_mod.Policy) -> str:
    return "\n".join(f"  {s.key} = {json.dumps(s.value, ensure_ascii=False)}"
                     for s in policy.locked())


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.schema:
        ctx.out([{"key": key, "type": spec.type_name, "help": spec.help, "example": spec.example,
                  "supported": spec.unsupported is None}
                 for key, spec in policy_mod.SCHEMA.items()],
                policy_mod.schema_markdown().rstrip("\n"))
        return 0
    if args.example:
        ctx.out({"example": policy_mod.example_toml()}, policy_mod.example_toml().rstrip("\n"))
        return 0
    path = policy_mod.default_policy_path()
    policy = policy_mod.load(path)
    if policy.source is None:
        text = f"No IT policy at {path}: nothing is locked."
    else:
        text = f"IT policy {path} locks:\n{_locked_text(policy) or '  (nothing)'}"
    ctx.out({"path": str(path), "present": policy.source is not None, **policy.to_dict()}, text)
    return 0


def run_check(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"The IT policy {args.file} cannot be read: {exc}") from None
    policy = policy_mod.parse(text, args.file)
    ctx.out({"valid": True, **policy.to_dict()},
            f"{args.file} is a valid Tandem policy. It locks:\n"
            f"{_locked_text(policy) or '  (nothing)'}")
    return 0
