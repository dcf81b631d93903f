"""Issue 10 finding 9: `kill -9` during `models install` left its staging folder forever.

The next install (or removal) clears what a dead process left in the staging
area, and never what a running one is still using.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from translation import packages

ROOT = Path(__file__).resolve().parents[2]

#: Installs ARCHIVE into FOLDER, but stops for good once the package is unpacked in staging.
CHILD = """
import sys, time
from pathlib import Path
from translation import packages
def hang(folder):
    print("staged", flush=True)
    time.sleep(600)
packages._check_loads = hang
packages.install_archive(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def staged_entries(pkg_dir: Path) -> list[Path]:
    root = pkg_dir.parent / f".{pkg_dir.name}-staging"
    return [p for p in root.iterdir() if p.is_dir()] if root.exists() else []


def start_install(archive: Path, pkg_dir: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(archive), str(pkg_dir)], cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)},
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "staged"
    return child


def test_a_killed_install_leaves_no_staging_folder_after_the_next_run(pkg_dir, archive):
    child = start_install(archive("en_fr"), pkg_dir)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert staged_entries(pkg_dir), "the killed install left its unpacked package behind"
    packages.install_archive(archive("fr_en"))
    assert staged_entries(pkg_dir) == []
    assert [p.pair for p in packages.installed()] == [("fr", "en")]


def test_a_running_install_keeps_its_staging_folder(pkg_dir, archive):
    pkg_dir.mkdir(parents=True, exist_ok=True)
    child = start_install(archive("en_fr"), pkg_dir)
    try:
        before = staged_entries(pkg_dir)
        # Another process's cleaning (here, this one's) must leave a live install alone.
        packages._clean_stale(pkg_dir.parent / f".{pkg_dir.name}-staging")
        time.sleep(0.1)
        assert staged_entries(pkg_dir) == before != []
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
