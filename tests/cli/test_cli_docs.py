"""docs/cli.md is generated from the parser: it must match the commands that exist."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_cli_reference_is_current():
    result = subprocess.run([sys.executable, "scripts/gen_cli_docs.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_contract_command_names_exist():
    """The names IT scripts rely on (issues 2-6)."""
    from desktop.cli.main import build_parser

    parser = build_parser()
    top = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction").choices
    for name in ("post", "count", "audit", "models", "translate", "review", "approve",
                 "approvals", "chain", "users", "publish", "accounts", "export", "doctor"):
        assert name in top, name
