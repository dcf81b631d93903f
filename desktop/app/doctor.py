"""`tandem doctor`: checks that explain what is wrong with an installation and how to fix it.

Each check is a plain function returning :class:`CheckResult` values (id,
status, message, fix). Nothing here imports Qt: the window check runs a probe
command in a subprocess (the CLI supplies it) so that a broken Qt platform
plugin, which aborts the process, is reported instead of crashing the doctor.
The checks only read, except :func:`run_all` with ``fix=True``, which installs
the language packages IT provisioned (what the window does at start).

Status meanings: ``ok``; ``warn`` (works, but something is missing or will
change); ``fail`` (something a user needs is broken: the doctor exits non-zero);
``skipped`` (could not be checked here, and the message says why).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop import __version__

from desktop.core import identity, policy as policy_mod
from . import provisioning
from .logs import log_file
from desktop.core.errors import PolicyError, TandemError
from desktop.core.policy import Policy

OK, WARN, FAIL, SKIPPED = "ok", "warn", "fail", "skipped"
STATUSES = (OK, WARN, FAIL, SKIPPED)
#: Seconds the Qt probe may take before it counts as hung.
QT_TIMEOUT = 10.0
#: Seconds each channel gets to answer.
CHANNEL_TIMEOUT = 10.0
PAIRS = (("en", "fr"), ("fr", "en"))


@dataclass(frozen=True)
class CheckResult:
    id: str
    status: str
    message: str  # what was found, in one or two sentences
    fix: str = ""  # what to do about it ("" when nothing is needed)
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def exit_status(results: Iterable[CheckResult]) -> int:
    """0 when nothing a user needs is broken, else 1."""
    return 1 if any(r.status == FAIL for r in results) else 0


# --------------------------------------------------------------------------- installation


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def install_dir() -> Path:
    """The folder Tandem runs from (the one-folder bundle, or the source tree)."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]


def check_install() -> CheckResult:
    folder = install_dir()
    kind = "installed bundle" if is_frozen() else "source checkout"
    writable = os.access(folder, os.W_OK)
    details = {"version": __version__, "frozen": is_frozen(), "folder": str(folder),
               "writable": writable, "python": sys.version.split()[0]}
    if not provisioning.resources_dir().is_dir():
        return CheckResult("install", FAIL,
                           f"Tandem {__version__} ({kind} in {folder}) is incomplete: its "
                           f"resources folder {provisioning.resources_dir()} is missing.",
                           "Reinstall Tandem by copying the whole tandem folder again.", details)
    note = ("writable" if writable else
            "read-only, as expected for a managed install (Tandem writes only to the user's "
            "data folder)")
    return CheckResult("install", OK, f"Tandem {__version__}, {kind} in {folder} ({note}).",
                       details=details)


def check_data_dir(folder: Path | None = None) -> CheckResult:
    """The per-user data folder (default database, language packages) must be writable."""
    from .session import data_dir

    folder = folder or data_dir()
    fix = (f"Make {folder} writable by this user (or, on a roaming profile, check that the "
           "profile is available), then run tandem doctor again.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as exc:
        return CheckResult("data-folder", FAIL,
                           f"The user data folder {folder} is not writable "
                           f"({exc.strerror or exc}).", fix, {"folder": str(folder)})
    return CheckResult("data-folder", OK, f"User data folder {folder} is writable; log file {log_file()}.",
                       details={"folder": str(folder), "log_file": str(log_file())})


# --------------------------------------------------------------------------- policy, identity


def check_policy(path: Path | None = None) -> tuple[CheckResult, Policy | None]:
    """The policy check, and the policy (None when it is invalid)."""
    path = path or policy_mod.default_policy_path()
    try:
        policy = policy_mod.load(path)
    except PolicyError as exc:
        return (CheckResult("policy", FAIL, str(exc),
                            f"Fix the file (check it with: tandem policy check {path}) or "
                            "remove it. Tandem does not start while the policy is invalid.",
                            {"path": str(path)}), None)
    if policy.source is None:
        return (CheckResult("policy", OK, f"No IT policy at {path}: nothing is locked.",
                            details={"path": str(path), "locked": []}), policy)
    locked = [s.key for s in policy.locked()]
    return (CheckResult("policy", OK,
                        f"IT policy {path} is valid; it locks {len(locked)} setting(s): "
                        f"{', '.join(locked) or 'none'}.",
                        details={"path": str(path), "locked": locked}), policy)


def check_identity(policy: Policy) -> CheckResult:
    try:
        user = identity.current_user(policy)
    except PolicyError as exc:
        return CheckResult("identity", FAIL, str(exc),
                           f"Unset {identity.ENV_USER}: Tandem then acts as the OS account.")
    overridden = bool(os.environ.get(identity.ENV_USER))
    how = f"from {identity.ENV_USER}" if overridden else "the OS account"
    return CheckResult("identity", OK, f"Acting as {user} ({how}).",
                       details={"user": user, "override": overridden})


# --------------------------------------------------------------------------- database


def _existing_ancestor(path: Path) -> Path:
    for parent in path.parents:
        if parent.exists():
            return parent
    return Path(path.anchor or ".")


def check_database(policy: Policy, db: str | os.PathLike | None = None) -> CheckResult:
    """Reachable, readable, writable, intact, and at a schema version this build knows.

    Opens the file read-only: the doctor never migrates or creates a database.
    """
    from .session import resolve_db_path, resolve_team_url
    from desktop.core.store import SCHEMA_VERSION

    try:
        if (url := resolve_team_url(db, policy)) is not None:
            return check_team_database(url, policy)
        path = resolve_db_path(db, policy)
    except PolicyError as exc:
        return CheckResult("database", FAIL, str(exc),
                           "Drop --db / TANDEM_DB: the policy decides where the database is.")
    details: dict[str, Any] = {"path": str(path), "known_schema": SCHEMA_VERSION}
    if not path.exists():
        ancestor = _existing_ancestor(path)
        if ancestor.is_dir() and os.access(ancestor, os.W_OK | os.X_OK):
            return CheckResult("database", OK,
                               f"No database yet at {path}; it is created on first use.",
                               details=details)
        return CheckResult("database", FAIL,
                           f"The database {path} does not exist and cannot be created: "
                           f"{ancestor} is not a writable folder (or the drive is not "
                           "available).",
                           "Make the folder writable, connect the drive, or ask IT to set "
                           "database.path in the policy to a writable location.", details)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            integrity = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return CheckResult("database", FAIL, f"{path} cannot be read as a database ({exc}).",
                           "Restore it from a backup (the *.bak files beside it are taken "
                           "before every upgrade) or choose another file with --db.", details)
    details["schema"] = version
    if integrity != "ok":
        return CheckResult("database", FAIL, f"{path} is damaged: {integrity}.",
                           "Restore it from a backup (the *.bak files beside it).", details)
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    details["writable"] = writable
    if version > SCHEMA_VERSION:
        return CheckResult("database", FAIL,
                           f"{path} was written by a newer Tandem (schema {version}; this one "
                           f"knows up to {SCHEMA_VERSION}).",
                           "Install the newer Tandem; the file was not touched.", details)
    if not writable:
        return CheckResult("database", FAIL,
                           f"{path} (schema {version}) is read-only: nothing can be saved.",
                           f"Make {path} and its folder writable by this user.", details)
    if version < SCHEMA_VERSION:
        return CheckResult("database", WARN,
                           f"{path} has schema {version}; this Tandem upgrades it to "
                           f"{SCHEMA_VERSION} when it next opens it (after a backup copy).",
                           "Nothing to do; close other Tandem windows before the upgrade.",
                           details)
    return CheckResult("database", OK,
                       f"{path} is readable, writable and intact (schema {version}).",
                       details=details)


def check_team_database(url: str, policy: Policy) -> CheckResult:
    """A team store: reachable, over TLS when remote, schema known, and the login's roles."""
    from desktop.core.errors import TandemError
    from desktop.core.pg.store import PgStore

    try:
        store = PgStore(url, upgrade=False, allow_unverified_tls=bool(
            policy.get("database.allow_unverified_tls", False)))
    except TandemError as exc:
        return CheckResult("database", FAIL, str(exc),
                           "Check the URL, your sign-in (`tandem db login URL`, ~/.pgpass or "
                           "Kerberos) and that the server is up; IT owns the server.")
    try:
        facts = store.server_facts()
    finally:
        store.close()
    tls = (f"TLS {facts['tls_protocol']}" if facts["tls"]
           else "Kerberos (GSSAPI) encryption" if facts["gss_encrypted"] else "no TLS")
    text = (f"Team store {facts['url']}: PostgreSQL {facts['server_version']} on "
            f"{facts['host']} ({tls}, sslmode={facts['sslmode']}), schema {facts['schema']}, "
            f"signed in as {facts['login']} with roles {', '.join(facts['roles']) or 'none'}.")
    if facts["schema"] < facts["known_schema"]:
        return CheckResult("database", WARN, text + f" This Tandem expects schema "
                           f"{facts['known_schema']}.", "The database owner runs "
                           "`tandem team init URL --admin NAME` again to upgrade it.", facts)
    if not facts["roles"]:
        return CheckResult("database", WARN, text, "An admin grants you a role: "
                           f"`tandem users grant {facts['login']} author`.", facts)
    return CheckResult("database", OK, text, details=facts)


# --------------------------------------------------------------------------- keyring


def check_keyring(report_fn: Callable[[], Any] | None = None) -> CheckResult:
    """An encrypted OS keyring that answers (account secrets live there)."""
    if report_fn is None:
        from desktop.publishing.credentials import backend_report
        report_fn = backend_report
    report = report_fn()
    details = report.as_dict()
    if report.ok:
        return CheckResult("keyring", OK, report.detail, details=details)
    return CheckResult("keyring", FAIL,
                       report.detail + " Publishing needs it for account secrets.",
                       report.fix, details)


# --------------------------------------------------------------------------- language packages


def check_language_packages(policy: Policy, packages_folder: Path | None = None,
                            load: bool = True) -> list[CheckResult]:
    """One result per direction (EN→FR, FR→EN); with ``load``, each model translates a sentence."""
    from translation import packages

    try:
        folder = packages_folder or packages.packages_dir()
        installed = packages.installed(folder) if folder.is_dir() else []
    except (TandemError, OSError) as exc:
        return [CheckResult("translation", FAIL, f"The language packages folder cannot be used: "
                            f"{exc}", "Make the user data folder writable.")]
    sources = provisioning.package_sources(policy)
    install_hint = ("Run tandem doctor --fix (or start Tandem) to install the provisioned "
                    "packages from " + ", ".join(str(s.path) for s in sources) + "; or install a "
                    "package file with tandem models install FILE." if sources else
                    "Install a package file with tandem models install FILE, or ask IT to "
                    "provision them (translation.packages_dir in the IT policy).")
    warm: dict[tuple[str, str], str | None] = {}
    if load and any(p.loadable for p in installed):
        from translation.engine import Translator

        warm = Translator(folder, beam_size=1).warm_up()
    results = []
    for source, target in PAIRS:
        check_id = f"translation-{source}-{target}"
        arrow = f"{source.upper()}→{target.upper()}"
        usable = [p for p in installed if p.pair == (source, target) and p.loadable]
        broken = [p for p in installed if p.pair == (source, target) and not p.loadable]
        if not usable:
            why = f" ({broken[0].name}: {broken[0].problem})" if broken else ""
            results.append(CheckResult(
                check_id, WARN,
                f"No usable {arrow} language package in {folder}{why}: machine translation "
                f"suggestions {arrow} are unavailable.",
                install_hint, {"folder": str(folder)}))
            continue
        package = usable[0]
        details = {"package": package.name, "version": package.version, "path": str(package.path)}
        problem = warm.get((source, target)) if load else None
        if problem:
            results.append(CheckResult(
                check_id, FAIL, f"{arrow} package {package.name} {package.version} does not "
                f"load: {problem}", f"Remove it (tandem models remove {package.name}) and install "
                "it again.", details))
        elif load and package.sentence_model() is not None:
            results.append(_check_sentence_splitter(check_id, arrow, package, details))
        else:
            verb = "loads and translates" if load else "is installed"
            results.append(CheckResult(check_id, OK, f"{arrow}: {package.name} {package.version} "
                                                     f"{verb}.", details=details))
    return results


def _check_sentence_splitter(check_id: str, arrow: str, package: Any,
                             details: dict[str, Any]) -> CheckResult:
    """The package's MiniSBD model must load too (the engine silently falls back to rules)."""
    from minisbd import SBDetect

    try:
        SBDetect(str(package.sentence_model().resolve()), use_gpu=False, max_threads=1)
    except Exception as exc:  # noqa: BLE001 - any ONNX Runtime failure is the finding
        return CheckResult(
            check_id, WARN, f"{arrow}: {package.name} {package.version} translates, but its "
            f"MiniSBD sentence splitter does not load ({type(exc).__name__}: {exc}); sentences "
            "are split by rules instead.", "Reinstall the package; if it persists, reinstall "
            "Tandem (ONNX Runtime may be damaged).", {**details, "sentence_splitter": "rules"})
    return CheckResult(check_id, OK, f"{arrow}: {package.name} {package.version} loads and "
                       "translates (MiniSBD sentence splitter).",
                       details={**details, "sentence_splitter": "minisbd"})


def provisioning_result(report: provisioning.ProvisioningReport) -> CheckResult:
    details = report.to_dict()
    if not report.sources:
        return CheckResult("provisioning", OK, "No provisioned language package folder "
                           "(none bundled, no translation.packages_dir in the policy).",
                           details=details)
    done = (f"installed {len(report.installed)} package(s)"
            + (f": {', '.join(report.installed)}" if report.installed else "")
            + f"; {len(report.skipped)} already up to date")
    if report.problems:
        return CheckResult("provisioning", WARN, f"Provisioning {done}. " + " ".join(report.problems),
                           "Replace the damaged files or fix the folder; Tandem works without "
                           "them.", details)
    return CheckResult("provisioning", OK, f"Provisioning {done}.", details=details)


# --------------------------------------------------------------------------- Qt


def _platform_plugin(name: str) -> Path | None:
    """The Qt platform plugin file for ``name`` (xcb, wayland…), located without importing Qt."""
    import importlib.util

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots = [Path(bundle) / "PySide6"]
    else:
        spec = importlib.util.find_spec("PySide6")
        roots = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    for root in roots:
        for candidate in (root / "Qt" / "plugins" / "platforms").glob(f"*q{name}.*"):
            return candidate
    return None


def missing_libraries(platform: str) -> list[str]:
    """System libraries the Linux platform plugin needs but cannot find (via ldd)."""
    plugin = _platform_plugin(platform)
    if plugin is None or not sys.platform.startswith("linux"):
        return []
    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    return sorted({line.split()[0] for line in out.splitlines() if "not found" in line})


def _qt_hint(output: str, platform: str) -> str:
    lowered = output.lower()
    if "could not connect to display" in lowered or "failed to create wl_display" in lowered:
        return ("Run Tandem from a desktop session (DISPLAY or WAYLAND_DISPLAY must be set), or "
                "set QT_QPA_PLATFORM=offscreen to check the Qt libraries only.")
    if "no qt platform plugin could be initialized" in lowered or "could not load the qt" in lowered:
        missing = missing_libraries(platform or "xcb")
        found = (f"Missing system libraries: {', '.join(missing)}. " if missing else "")
        return (found + "Install the X11/Wayland client libraries Qt needs (Debian/Ubuntu: sudo "
                "apt install libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 "
                "libxcb-shape0 libegl1; RHEL: sudo dnf install xcb-util-cursor xcb-util-wm "
                "xcb-util-keysyms libxkbcommon-x11). QT_DEBUG_PLUGINS=1 tandem shows the details.")
    return "Reinstall Tandem; if it persists, run QT_DEBUG_PLUGINS=1 tandem and send the output to IT."


def _no_display() -> bool:
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def check_qt(probe: Sequence[str], timeout: float = QT_TIMEOUT) -> CheckResult:
    """Run ``probe`` (creates a Qt application, prints JSON with "platform") in a subprocess."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if _no_display():
        return CheckResult("qt", SKIPPED,
                           "No graphical session here (DISPLAY and WAYLAND_DISPLAY are unset), "
                           "so the window cannot open in this session; the CLI works.",
                           "Run tandem doctor from the desktop, or with QT_QPA_PLATFORM=offscreen "
                           "to check the Qt libraries without a display.")
    try:
        done = subprocess.run(list(probe), capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL, errors="replace")
    except subprocess.TimeoutExpired:
        return CheckResult("qt", FAIL, f"Starting Qt did not finish within {timeout:g} s.",
                           "Check the display connection (a remote X server may be "
                           "unreachable), then retry.", {"platform": platform})
    except OSError as exc:
        return CheckResult("qt", FAIL, f"Could not run the Qt check: {exc}.",
                           "Reinstall Tandem.", {"platform": platform})
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode == 0 and lines:
        info = json.loads(lines[-1])
        return CheckResult("qt", OK, f"Qt {info.get('qt')} starts with the "
                           f"'{info.get('platform')}' platform plugin.", details=info)
    output = (done.stderr + done.stdout).strip()
    key_lines = [line for line in output.splitlines()
                 if "plugin" in line.lower() or "display" in line.lower() or "error" in line.lower()]
    summary = " ".join(key_lines[:3]) or output[-300:] or f"exit status {done.returncode}"
    return CheckResult("qt", FAIL, f"The window cannot start: {summary}", _qt_hint(output, platform),
                       {"platform": platform, "returncode": done.returncode,
                        "output": output[-2000:]})


# --------------------------------------------------------------------------- channels


def check_channels(session_factory: Callable[[], Any], offline: bool,
                   timeout: float = CHANNEL_TIMEOUT) -> list[CheckResult]:
    """Each configured account: reachable and authenticated.

    Uses ``desktop.publishing.health.check_accounts(session, timeout=…)``, which
    yields objects with ``account``, ``status``, ``message`` and ``fix``.
    """
    if offline:
        return [CheckResult("channels", SKIPPED,
                            "Offline (--offline): the publishing accounts were not contacted.",
                            "Run tandem doctor without --offline when connected.")]
    try:
        session = session_factory()
    except TandemError as exc:
        return [CheckResult("channels", SKIPPED, f"Accounts not checked: {exc}")]
    from desktop.publishing import health  # network stack only when accounts are checked

    results = [CheckResult(f"channel-{h.account}", h.status, h.message, h.fix)
               for h in health.check_accounts(session, timeout=timeout)]
    return results or [CheckResult("channels", OK, "No publishing accounts are set up yet.")]


# --------------------------------------------------------------------------- all


def run_all(*, qt_probe: Sequence[str], db: str | os.PathLike | None = None,
            offline: bool = False, fix: bool = False,
            session_factory: Callable[[], Any] | None = None) -> list[CheckResult]:
    """Every check, in the order a person would fix things."""
    results = [check_install()]
    policy_result, policy = check_policy()
    results.append(policy_result)
    results.append(check_data_dir())
    if policy is None:
        results.append(CheckResult("database", SKIPPED, "Not checked: the IT policy is invalid "
                                   "(it may lock the database location)."))
        policy = Policy()
    else:
        results.append(check_identity(policy))
        results.append(check_database(policy, db))
    results.append(check_qt(qt_probe))
    results.append(check_keyring())
    if fix:
        results.append(provisioning_result(provisioning.provision(policy)))
    results.extend(check_language_packages(policy))
    if session_factory is None or policy_result.status != OK:
        results.append(CheckResult("channels", SKIPPED, "Accounts not checked: they need a "
                                   "valid IT policy and an open database."))
    else:
        results.extend(check_channels(session_factory, offline))
    return results
