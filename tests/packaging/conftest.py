"""The PyInstaller bundle for the frozen tests: built once per run, reused while it is fresh.

``dist/tandem`` is rebuilt (exactly as ``make package`` does) unless its executable
is newer than every source file that goes into it, so a second test run right
after a build (or after ``make package``) does not build again.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "tandem"
EXE = BUNDLE / ("tandem.exe" if sys.platform == "win32" else "tandem")
BUILD_LOG = ROOT / "build" / "pyinstaller.log"
#: The build takes about a minute on the 2-core CI machine; this only stops a hung one.
BUILD_TIMEOUT = 900
#: What goes into the bundle: a change to any of these makes the bundle stale.
INPUTS = ("desktop", "translation", "resources", "build.spec", "requirements", "pyproject.toml")


def newest_input() -> float:
    newest = 0.0
    for name in INPUTS:
        path = ROOT / name
        files = [path] if path.is_file() else path.rglob("*")
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                newest = max(newest, file.stat().st_mtime)
    return newest


def is_fresh() -> bool:
    return EXE.is_file() and EXE.stat().st_mtime > newest_input()


def build() -> float:
    """Run `make package`'s command; return the seconds it took."""
    started = time.monotonic()
    with BUILD_LOG.open("w", encoding="utf-8") as log:
        done = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT)
    if done.returncode != 0:
        tail = BUILD_LOG.read_text(encoding="utf-8", errors="replace")[-4000:]
        pytest.fail(f"PyInstaller failed (exit {done.returncode}); log {BUILD_LOG}:\n{tail}")
    return time.monotonic() - started


@pytest.fixture(scope="session")
def frozen_exe() -> Path:
    """The bundle's executable, built if missing or stale (one build at a time per checkout)."""
    from filelock import FileLock

    BUILD_LOG.parent.mkdir(exist_ok=True)
    with FileLock(str(BUILD_LOG.parent / ".frozen-build.lock"), timeout=BUILD_TIMEOUT):
        if not is_fresh():
            seconds = build()
            print(f"\nBuilt {BUNDLE} in {seconds:.0f} s (log: {BUILD_LOG})")
    return EXE
