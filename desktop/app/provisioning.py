"""First-run provisioning: install the language packages IT ships, without network.

Two folders of ``.argosmodel`` files are installed into the user's packages
folder, in this order:

1. the bundle's own ``resources/argos/`` (inside the install folder: packages
   placed there before ``make package``, or dropped there by IT afterwards);
2. the policy's ``translation.packages_dir`` (for example a network share).

Installing is idempotent (`translation.packages.install_folder` skips a pair
already installed at the same or a newer version), so calling this at every
start costs a directory listing and a zip-directory read per archive. The first
install of a package validates it by loading the model (a second or two per
package): the window calls this from a worker thread, the CLI from
``tandem doctor --fix``.

Nothing here is fatal. A missing or unreadable folder, a damaged archive, a
read-only packages folder: each becomes a message in the report, and Tandem
starts without those packages.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import TandemError
from desktop.core.policy import Policy

POLICY_KEY = "translation.packages_dir"


def resources_dir() -> Path:
    """The ``resources`` folder: inside the bundle when frozen, else the source tree's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def bundled_packages_dir() -> Path:
    """Where a bundle carries its own language packages."""
    return resources_dir() / "argos"


@dataclass(frozen=True)
class Source:
    """A folder packages are installed from, and why it is used."""

    path: Path
    origin: str  # "bundle" or "policy"


@dataclass
class ProvisioningReport:
    """What :func:`provision` did; ``problems`` are complete sentences for people."""

    sources: list[Source] = field(default_factory=list)
    installed: list[str] = field(default_factory=list)  # "name version (en→fr)"
    skipped: list[str] = field(default_factory=list)  # archive file names already installed
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"sources": [{"path": str(s.path), "origin": s.origin} for s in self.sources],
                "installed": self.installed, "skipped": self.skipped, "problems": self.problems,
                "ok": self.ok}


def package_sources(policy: Policy) -> list[Source]:
    """The folders to install from (the bundled one only if it exists)."""
    sources = []
    if bundled_packages_dir().is_dir():
        sources.append(Source(bundled_packages_dir(), "bundle"))
    configured = policy.get(POLICY_KEY)
    if configured:
        sources.append(Source(Path(configured).expanduser(), "policy"))
    return sources


def archives_in(source: Source) -> list[Path]:
    """The ``.argosmodel`` files of a source; OSError if the folder cannot be listed."""
    return sorted(p for p in source.path.iterdir()
                  if p.suffix == ".argosmodel" and not p.name.startswith("."))


def provision(policy: Policy, packages_folder: Path | None = None) -> ProvisioningReport:
    """Install every package of every source that is not installed yet; never raises."""
    from translation import packages  # heavy only when installing; keeps core importable alone

    report = ProvisioningReport(sources=package_sources(policy))
    for source in report.sources:
        where = (f"The IT policy's {POLICY_KEY} ({source.path})" if source.origin == "policy"
                 else f"The bundled package folder {source.path}")
        try:
            if not archives_in(source):
                continue
        except FileNotFoundError:
            report.problems.append(f"{where} does not exist; no language packages were "
                                   "installed from it. Check the path and that the share is "
                                   "mounted.")
            continue
        except OSError as exc:
            report.problems.append(f"{where} cannot be read ({exc.strerror or exc}); no "
                                   "language packages were installed from it.")
            continue
        try:
            folder = packages_folder or packages.packages_dir()
            folder.mkdir(parents=True, exist_ok=True)
            result = packages.install_folder(source.path, folder)
        except (TandemError, OSError) as exc:
            report.problems.append(f"Language packages from {source.path} could not be "
                                   f"installed: {exc}")
            continue
        report.installed += [f"{p.name} {p.version} ({p.from_code}→{p.to_code})"
                             for p in result.installed]
        report.skipped += [a.name for a in result.skipped]
        report.problems += [f"The language package {a.name} in {source.path} was not installed: "
                            f"{reason}" for a, reason in result.failed]
    return report
