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


def _commands(parser):
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return [(choice.dest, choice.help) for choice in action._choices_actions]


def test_command_table_matches_the_modules():
    """main.COMMANDS (read by --help and dispatch) says what the modules really register."""
    from desktop.cli.main import COMMAND_MODULES, COMMANDS, build_parser

    assert _commands(build_parser()) == [(name, help) for name, (_, help) in COMMANDS.items()]
    for module in COMMAND_MODULES:
        assert [name for name, _ in _commands(build_parser([module]))] == \
            [name for name, (owner, _) in COMMANDS.items() if owner == module], module


def test_top_level_help_needs_no_command_module():
    from desktop.cli.main import build_parser, summary_parser

    assert summary_parser().format_help() == build_parser().format_help()
    code = ("import sys; from desktop.cli.main import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('desktop.cli.') and m not in "
            "('desktop.cli.main', 'desktop.cli.context')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
