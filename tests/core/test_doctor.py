"""`tandem doctor` checks and first-run provisioning, against real files, processes and packages."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
import types
from pathlib import Path

import pytest
from keyring.backends import fail, null

from desktop.cli.doctor import qt_probe_command
from desktop.cli.main import main
from desktop.app import doctor, provisioning
from desktop.app.doctor import FAIL, OK, SKIPPED, WARN, CheckResult
from desktop.core.policy import Policy, parse
from desktop.core.store import SCHEMA_VERSION, SqliteStore
from desktop.publishing.credentials import BackendReport, backend_report
from tests.translation import argos_builder


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> dict[str, Path]:
    """Real tiny .argosmodel files (random weights): en→fr with a MiniSBD splitter, fr→en."""
    out = tmp_path_factory.mktemp("doctor-packages")
    return {"en_fr": argos_builder.build_argosmodel(out / "a", "en", "fr", minisbd=True, seed=1),
            "fr_en": argos_builder.build_argosmodel(out / "b", "fr", "en", seed=2)}


@pytest.fixture
def share(tmp_path, archives) -> Path:
    """A provisioning folder (like a network share) with both packages and a damaged one."""
    folder = tmp_path / "share"
    for archive in archives.values():
        argos_builder.copy_to(archive, folder / archive.name)
    (folder / "translate-en_fr-9_0.argosmodel").write_bytes(b"not a zip at all")
    return folder


def policy_with(share: Path) -> Policy:
    return parse(f"[translation]\npackages_dir = '{share}'\n", Path("p.toml"))


def test_results_have_a_known_status_and_exit_status():
    with pytest.raises(ValueError):
        CheckResult("x", "broken", "?")
    assert doctor.exit_status([CheckResult("a", OK, ""), CheckResult("b", WARN, ""),
                               CheckResult("c", SKIPPED, "")]) == 0
    assert doctor.exit_status([CheckResult("a", OK, ""), CheckResult("b", FAIL, "")]) == 1


def test_install_and_data_folder(tmp_path):
    install = doctor.check_install()
    assert install.status == OK and install.details["frozen"] is False
    assert doctor.check_data_dir(tmp_path / "data").status == OK
    blocker = tmp_path / "file"
    blocker.write_text("")
    unusable = doctor.check_data_dir(blocker / "data")
    assert unusable.status == FAIL and "not writable" in unusable.message and unusable.fix


def test_policy_and_identity(tmp_path, monkeypatch):
    result, policy = doctor.check_policy(tmp_path / "absent.toml")
    assert result.status == OK and "nothing is locked" in result.message and policy == Policy()
    bad = tmp_path / "bad.toml"
    bad.write_text("[identity]\nallow_override = 1\n")
    result, policy = doctor.check_policy(bad)
    assert result.status == FAIL and "'identity.allow_override'" in result.message
    assert policy is None and "tandem policy check" in result.fix
    strict = parse("[identity]\nallow_override = false\n")
    monkeypatch.setenv("TANDEM_USER", "other")
    assert doctor.check_identity(strict).status == FAIL
    assert doctor.check_identity(Policy()).details == {"user": "other", "override": True}


def test_database_states(tmp_path):
    db = tmp_path / "d.sqlite3"
    missing = doctor.check_database(Policy(), db)
    assert missing.status == OK and "created on first use" in missing.message and not db.exists()
    SqliteStore(db).close()
    current = doctor.check_database(Policy(), db)
    assert current.status == OK and current.details["schema"] == SCHEMA_VERSION
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    assert doctor.check_database(Policy(), db).status == WARN
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer = doctor.check_database(Policy(), db)
    assert newer.status == FAIL and "newer Tandem" in newer.message
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not sqlite" * 100)
    assert doctor.check_database(Policy(), garbage).status == FAIL
    blocker = tmp_path / "file"
    blocker.write_text("")
    unreachable = doctor.check_database(Policy(), blocker / "sub" / "d.sqlite3")
    assert unreachable.status == FAIL and "cannot be created" in unreachable.message


def test_database_lock_is_enforced(tmp_path):
    policy = parse(f"[database]\npath = '{tmp_path / 'locked.sqlite3'}'\n")
    result = doctor.check_database(policy, tmp_path / "other.sqlite3")
    assert result.status == FAIL and "locked by the IT policy" in result.message


def test_keyring_classification():
    for backend in (fail.Keyring(), null.Keyring()):
        result = doctor.check_keyring(lambda b=backend: backend_report(b))
        assert result.status == FAIL and result.fix and "secrets cannot be stored" in result.message
    good = BackendReport("keyring.backends.SecretService.Keyring", True, True, "Available.", "")
    assert doctor.check_keyring(lambda: good).status == OK


def test_language_packages_missing_then_provisioned(tmp_path, share):
    packages = tmp_path / "packages"
    policy = policy_with(share)
    missing = doctor.check_language_packages(policy, packages)
    assert [r.status for r in missing] == [WARN, WARN]
    assert str(share) in missing[0].fix and "doctor --fix" in missing[0].fix

    report = provisioning.provision(policy, packages)
    assert len(report.installed) == 2 and not report.ok
    assert report.problems == [p for p in report.problems if "translate-en_fr-9_0" in p]
    result = doctor.provisioning_result(report)
    assert result.status == WARN and "not a model package" in result.message

    found = doctor.check_language_packages(policy, packages)
    assert [(r.id, r.status) for r in found] == [("translation-en-fr", OK),
                                                 ("translation-fr-en", OK)]
    assert "loads and translates" in found[0].message
    assert found[0].details["sentence_splitter"] == "minisbd"  # the en→fr package ships one

    again = provisioning.provision(policy, packages)
    assert again.installed == [] and len(again.skipped) == 2


def test_a_package_that_does_not_load_fails(tmp_path, archives):
    from translation import packages as pk

    folder = tmp_path / "packages"
    folder.mkdir()
    installed = pk.install_archive(argos_builder.copy_to(archives["en_fr"], tmp_path / "a.argosmodel"),
                                   folder)
    (installed.path / "model" / "model.bin").write_bytes(b"\0" * 64)
    results = doctor.check_language_packages(Policy(), folder)
    assert results[0].status == FAIL and installed.name in results[0].fix
    assert results[1].status == WARN


def test_a_sentence_splitter_that_does_not_load_is_a_warning(tmp_path, archives):
    from translation import packages as pk

    folder = tmp_path / "packages"
    folder.mkdir()
    installed = pk.install_archive(argos_builder.copy_to(archives["en_fr"], tmp_path / "a.argosmodel"),
                                   folder)
    installed.sentence_model().write_bytes(b"not onnx")
    result = doctor.check_language_packages(Policy(), folder)[0]
    assert result.status == WARN and "split by rules" in result.message
    assert result.details["sentence_splitter"] == "rules"


def test_provisioning_never_raises(tmp_path, share):
    report = provisioning.provision(policy_with(tmp_path / "not-mounted"), tmp_path / "packages")
    assert report.installed == [] and "does not exist" in report.problems[0]
    blocker = tmp_path / "file"
    blocker.write_text("")
    report = provisioning.provision(policy_with(share), blocker / "packages")
    assert report.installed == [] and "could not be installed" in report.problems[0]


def test_bundled_folder_is_a_source_when_present(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert provisioning.package_sources(Policy()) == []
    (tmp_path / "resources" / "argos").mkdir(parents=True)
    assert provisioning.package_sources(policy_with(tmp_path / "s")) == [
        provisioning.Source(tmp_path / "resources" / "argos", "bundle"),
        provisioning.Source(tmp_path / "s", "policy")]


def probe(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_qt_probe_results(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    real = doctor.check_qt(qt_probe_command())
    assert real.status == OK and real.details["platform"] == "offscreen"

    aborted = doctor.check_qt(probe(
        "import sys; sys.stderr.write('qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 "
        "is needed to load the Qt xcb platform plugin.\\nThis application failed to start because "
        "no Qt platform plugin could be initialized.\\n'); sys.exit(134)"))
    assert aborted.status == FAIL and "libxcb-cursor0" in aborted.fix
    assert "xcb-cursor0" in aborted.message

    no_display = doctor.check_qt(probe(
        "import sys; sys.stderr.write('qt.qpa.xcb: could not connect to display \\nThis "
        "application failed to start because no Qt platform plugin could be initialized.'); "
        "sys.exit(134)"))
    assert no_display.status == FAIL and "desktop session" in no_display.fix

    hung = doctor.check_qt(probe("import time; time.sleep(30)"), timeout=0.5)
    assert hung.status == FAIL and "did not finish" in hung.message


def test_missing_plugin_libraries_are_named():
    """ldd on the real xcb plugin: whatever it lists as not found is what the doctor names."""
    plugin = doctor._platform_plugin("xcb")
    assert plugin is not None and plugin.name == "libqxcb.so"
    missing = doctor.missing_libraries("xcb")
    assert all(name.endswith(tuple(f".so.{n}" for n in range(10))) or ".so" in name
               for name in missing)


def test_qt_is_skipped_without_a_display(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    result = doctor.check_qt(probe("raise SystemExit(1)"))
    assert result.status == SKIPPED and "QT_QPA_PLATFORM=offscreen" in result.fix


def test_channels_use_the_publishing_health_contract(monkeypatch):
    def session():
        return "session"

    health = types.ModuleType("desktop.publishing.health")
    calls = []

    def check_accounts(s, timeout):
        calls.append((s, timeout))
        return [types.SimpleNamespace(account="gc-en", status=FAIL, message="Login refused.",
                                      fix="tandem accounts secret gc-en")]

    health.check_accounts = check_accounts
    import desktop.publishing

    monkeypatch.setitem(sys.modules, "desktop.publishing.health", health)
    monkeypatch.setattr(desktop.publishing, "health", health, raising=False)
    offline = doctor.check_channels(session, offline=True)
    assert [r.status for r in offline] == [SKIPPED] and "Offline" in offline[0].message
    online = doctor.check_channels(session, offline=False, timeout=3)
    assert calls == [("session", 3)]
    assert online == [CheckResult("channel-gc-en", FAIL, "Login refused.",
                                  "tandem accounts secret gc-en")]


def test_doctor_command(tmp_path, monkeypatch, share):
    monkeypatch.setenv("TANDEM_PACKAGES_DIR", str(tmp_path / "packages"))
    code, out = run("doctor", "--json", "--offline")
    report = json.loads(out)
    by_id = {c["id"]: c for c in report["checks"]}
    assert {"install", "policy", "data-folder", "identity", "database", "qt", "keyring",
            "translation-en-fr", "translation-fr-en"} <= set(by_id)
    assert by_id["qt"]["status"] == OK and by_id["translation-en-fr"]["status"] == WARN
    assert code == (1 if any(c["status"] == FAIL for c in report["checks"]) else 0)
    assert report["ok"] is (code == 0)

    policy = tmp_path / "policy.toml"
    policy.write_text(f"[translation]\npackages_dir = '{share}'\n")
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    code, out = run("doctor", "--offline", "--fix")
    assert "provisioning" in out and "installed 2 package(s)" in out
    assert "FR→EN: translate-fr_en-1_0 1.0 loads and translates." in out

    policy.write_text("[translation]\npackages_dirs = 'x'\n")
    code, out = run("doctor", "--offline")
    assert code == 1 and "Did you mean 'translation.packages_dir'" in out
