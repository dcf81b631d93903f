"""`tandem models list|install|remove`: the offline translation model packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.core.errors import PolicyError
from desktop.core.policy import load as load_policy
from translation import packages

from .context import CliContext, CommandGroups


def register(sub: CommandGroups) -> None:
    common = sub.common
    models = sub.add_parser("models", help="list, install and remove translation models",
                            parents=[common])
    verbs = models.add_subparsers(dest="verb", metavar="VERB", required=True)

    lst = verbs.add_parser("list", help="installed model packages", parents=[common])
    lst.set_defaults(func=run_list)

    install = verbs.add_parser(
        "install", parents=[common],
        help="install a .argosmodel file, every .argosmodel of a folder, "
             "or (explicitly) download one with --online FROM TO")
    install.add_argument("path", nargs="?", type=Path, metavar="FILE",
                         help=".argosmodel file, or a folder of them")
    install.add_argument("--online", nargs=2, metavar=("FROM", "TO"),
                         help="download the newest FROM→TO model from the Argos index")
    install.add_argument("--timeout", type=float, default=60.0,
                         help="network timeout in seconds for --online (default 60)")
    install.set_defaults(func=run_install)

    remove = verbs.add_parser("remove", help="remove an installed package by name", parents=[common])
    remove.add_argument("name")
    remove.set_defaults(func=run_remove)


def _line(pkg: packages.InstalledPackage) -> str:
    status = "ok" if pkg.loadable else f"UNUSABLE: {pkg.problem}"
    return f"{pkg.name}  {pkg.from_code}→{pkg.to_code}  v{pkg.version}  {status}"


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    found = packages.installed()
    folder = packages.packages_dir()
    text = "\n".join([_line(p) for p in found] or ["No translation models installed."])
    ctx.out({"folder": str(folder), "packages": [p.to_dict() for p in found]},
            f"{text}\n(folder: {folder})")
    return 0


def run_install(args: argparse.Namespace, ctx: CliContext) -> int:
    if (args.path is None) == (args.online is None):
        raise packages.PackageError("Give either a FILE (or folder) or --online FROM TO.")
    if args.online:
        policy = load_policy()
        if not policy.get("translation.allow_online_install", True):
            raise PolicyError("Online installation of language packages is turned off by the IT "
                              f"policy (translation.allow_online_install in {policy.source}).")
        pkg = packages.install_online(*args.online, timeout=args.timeout)
    elif args.path.is_dir():
        report = packages.install_folder(args.path)
        lines = [f"installed {_line(p)}" for p in report.installed]
        lines += [f"skipped {p.name} (same or newer version installed)" for p in report.skipped]
        lines += [f"FAILED {p.name}: {why}" for p, why in report.failed]
        ctx.out({"installed": [p.to_dict() for p in report.installed],
                 "skipped": [str(p) for p in report.skipped],
                 "failed": [{"file": str(p), "error": why} for p, why in report.failed]},
                "\n".join(lines) or f"No .argosmodel files in {args.path}.")
        return 1 if report.failed else 0
    else:
        pkg = packages.install_archive(args.path)
    ctx.out(pkg.to_dict(), f"installed {_line(pkg)}")
    return 0


def run_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    pkg = packages.remove(args.name)
    ctx.out(pkg.to_dict(), f"removed {pkg.name}")
    return 0
