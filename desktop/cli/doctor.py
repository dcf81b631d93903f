"""`tandem doctor [--json] [--offline] [--fix]`: what is wrong with this installation, and how to fix it.

Exit status 0 when nothing a user needs is broken (warnings allowed), 1 otherwise.
The Qt check runs this same program again with the hidden ``--qt-probe`` flag in
a subprocess, so a Qt platform plugin that aborts the process is reported, not fatal.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop.app import doctor

from .context import CliContext, CommandGroups

_MARK = {doctor.OK: "ok", doctor.WARN: "WARN", doctor.FAIL: "FAIL", doctor.SKIPPED: "skip"}


def register(sub: CommandGroups) -> None:
    cmd = sub.add_parser("doctor", help="check this installation and explain what to fix",
                         parents=[sub.common])
    cmd.add_argument("--offline", action="store_true",
                     help="do not contact the publishing accounts")
    cmd.add_argument("--fix", action="store_true",
                     help="also install the language packages IT provisioned (bundled or "
                          "translation.packages_dir), as the window does at start")
    cmd.add_argument("--qt-probe", action="store_true", help=argparse.SUPPRESS)
    cmd.set_defaults(func=run_doctor)


def qt_probe_command() -> list[str]:
    """This program, asked to start Qt and report (frozen: the bundle's own executable)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "doctor", "--qt-probe"]
    return [sys.executable, "-m", "desktop.cli.main", "doctor", "--qt-probe"]


def qt_probe() -> int:
    """Create the Qt application the window would use; print the platform as JSON."""
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication

    app = QApplication(["tandem"])
    print(json.dumps({"platform": app.platformName(), "qt": qVersion()}), flush=True)
    return 0


def _text(results: list[doctor.CheckResult]) -> str:
    width = max(len(r.id) for r in results)
    lines = []
    for r in results:
        lines.append(f"{_MARK[r.status]:<5} {r.id:<{width}}  {r.message}")
        if r.fix and r.status != doctor.OK:
            lines.append(f"{'':<5} {'':<{width}}  fix: {r.fix}")
    failed = sum(r.status == doctor.FAIL for r in results)
    warned = sum(r.status == doctor.WARN for r in results)
    lines.append("All checks passed." if not failed and not warned else
                 f"{failed} problem(s) to fix, {warned} warning(s).")
    return "\n".join(lines)


def run_doctor(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.qt_probe:
        return qt_probe()
    results = doctor.run_all(qt_probe=qt_probe_command(), db=ctx.db, offline=args.offline,
                             fix=args.fix, session_factory=ctx.session)
    status = doctor.exit_status(results)
    ctx.out({"ok": status == 0, "checks": [r.to_dict() for r in results]}, _text(results))
    return status
