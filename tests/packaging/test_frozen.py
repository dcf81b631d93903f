"""The PyInstaller bundle works on its own: CLI, doctor, policy, language packages, window.

Every test runs ``dist/tandem/tandem`` as a separate process with an isolated
environment (tmp database, policy, data and packages folders), as IT would
deploy it. The first test builds the bundle if it is missing or stale (see
conftest.py); ``scripts/check_bundle.py`` then checks its size and contents.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from tests.packaging.conftest import BUILD_TIMEOUT, BUNDLE, ROOT
from tests.translation import argos_builder

pytestmark = [pytest.mark.frozen, pytest.mark.slow, pytest.mark.timeout(BUILD_TIMEOUT + 300)]


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """The test-isolated environment (see tests/conftest.py), headless, own packages folder."""
    values = dict(os.environ)
    values.update(QT_QPA_PLATFORM="offscreen", TANDEM_PACKAGES_DIR=str(tmp_path / "packages"))
    values.pop("PYTHONPATH", None)  # the bundle must not need the source tree
    return values


def run(exe: Path, *args: str, env: dict[str, str], timeout: float = 120
        ) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, cwd=env.get("HOME", "/"))


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def test_bundle_size_and_contents(frozen_exe):
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_bundle.py"),
                           str(BUNDLE), "--json"], capture_output=True, text=True, timeout=300)
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["ok"], report["problems"]
    print(f"\nbundle: {report['bytes'] / 2**20:.1f} MiB ({report['bytes']:,} bytes), "
          f"budget {report['limit_bytes'] / 2**20:.1f} MiB")


def test_cli_runs_and_writes_nothing_into_the_install_folder(frozen_exe, env, tmp_path):
    before = snapshot(BUNDLE)
    version = run(frozen_exe, "--version", env=env)
    assert version.returncode == 0 and version.stdout.strip() == f"tandem {__version__}"

    db = str(tmp_path / "frozen.sqlite3")
    created = run(frozen_exe, "post", "new", "--en", "Flu shots are free this fall.",
                  "--fr", "La vaccination contre la grippe est gratuite cet automne.",
                  "--db", db, "--json", env=env)
    assert created.returncode == 0, created.stderr
    post = json.loads(created.stdout)
    assert post["fr"]["text"].startswith("La vaccination")
    listed = run(frozen_exe, "post", "list", "--json", "--db", db, env=env)
    assert [p["id"] for p in json.loads(listed.stdout)] == [post["id"]]
    assert run(frozen_exe, "audit", "verify", "--db", db, env=env).returncode == 0
    assert snapshot(BUNDLE) == before, "the bundle wrote into its own (possibly read-only) folder"


def test_invalid_policy_stops_start_up_naming_the_key(frozen_exe, env, tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text("[translation]\npackages_dir = 7\n", encoding="utf-8")
    env["TANDEM_POLICY"] = str(policy)
    done = run(frozen_exe, "post", "list", env=env)
    assert done.returncode == 2
    assert "'translation.packages_dir'" in done.stderr and "must be a string" in done.stderr


def test_doctor_json(frozen_exe, env):
    done = run(frozen_exe, "doctor", "--json", "--offline", env=env)
    report = json.loads(done.stdout)
    checks = {c["id"]: c for c in report["checks"]}
    assert done.returncode == (0 if report["ok"] else 1)
    assert checks["install"]["status"] == "ok" and checks["install"]["details"]["frozen"] is True
    assert checks["qt"]["status"] == "ok", checks["qt"]
    assert checks["qt"]["details"]["platform"] == "offscreen"
    for check_id in ("policy", "data-folder", "identity", "database"):
        assert checks[check_id]["status"] == "ok", checks[check_id]
    # The bundle must find the same keyring back-end as the source tree does here (its
    # back-ends are entry points, easily lost when freezing): under `make test` that is
    # the Secret Service started by scripts/keyring-session.sh.
    from desktop.publishing.credentials import backend_report

    expected = backend_report()
    assert checks["keyring"]["details"]["name"] == expected.name
    assert checks["keyring"]["status"] == ("ok" if expected.ok else "fail")
    assert checks["translation-en-fr"]["status"] == "warn"  # nothing installed yet


def test_provisioned_packages_install_offline_and_translate(frozen_exe, env, tmp_path):
    share = tmp_path / "share"
    argos_builder.build_argosmodel(share, "en", "fr", minisbd=True, seed=1)
    argos_builder.build_argosmodel(share, "fr", "en", seed=2)
    (share / "translate-fr_en-0_1.argosmodel").write_bytes(b"PK\x03\x04 truncated")
    policy = tmp_path / "policy.toml"
    policy.write_text(f"[translation]\npackages_dir = '{share}'\nallow_online_install = false\n",
                      encoding="utf-8")
    env["TANDEM_POLICY"] = str(policy)
    done = run(frozen_exe, "doctor", "--json", "--offline", "--fix", env=env, timeout=300)
    checks = {c["id"]: c for c in json.loads(done.stdout)["checks"]}
    provisioning = checks["provisioning"]
    assert len(provisioning["details"]["installed"]) == 2
    assert provisioning["status"] == "warn" and "truncated or damaged" in provisioning["message"]
    assert checks["translation-en-fr"]["status"] == "ok", checks["translation-en-fr"]
    assert checks["translation-en-fr"]["details"]["sentence_splitter"] == "minisbd"  # ONNX Runtime
    assert checks["translation-fr-en"]["status"] == "ok", checks["translation-fr-en"]


def test_window_opens_headless_and_closes(frozen_exe, env, tmp_path):
    """The UI's smoke mode (desktop/ui/app.py): TANDEM_UI_SMOKE=1 shows the window, loads the
    post list, prints TANDEM_UI_SHOWN / TANDEM_UI_READY and closes it."""
    env.update(TANDEM_UI_SMOKE="1", TANDEM_DB=str(tmp_path / "window.sqlite3"))
    done = run(frozen_exe, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "TANDEM_UI_SHOWN" in done.stdout and "TANDEM_UI_READY" in done.stdout, done.stdout
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
