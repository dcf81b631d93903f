"""Translation model packages: where they live, what is installed, and validated install/remove.

A package is an Argos Translate ``.argosmodel`` zip. Nothing touches the packages
folder before the archive passed every check (real zip, one safe top-level folder,
no zip-slip or links, size and compression limits, metadata for an English/French
pair, model and tokenizer files, model loads). A new version of an installed pair
replaces the old one; when anything fails, the previous package stays as it was.
Online install is explicit only: Tandem fetches the Argos index and the archive
itself with httpx and a timeout, never through argostranslate's networking.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shutil
import stat
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from desktop.core.errors import TandemError

log = logging.getLogger(__name__)

#: The two languages Tandem translates between.
LANGUAGES = frozenset({"en", "fr"})
#: The Argos package index (the same one argostranslate uses).
INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
#: Largest archive accepted (official en/fr packages are ~65–100 MB).
MAX_ARCHIVE_BYTES = 1 << 30
#: Largest total unpacked size of one archive.
MAX_UNPACKED_BYTES = 2 << 30
#: Largest compression ratio of any member bigger than 1 MiB (int8 weights barely compress).
MAX_RATIO = 100
MAX_MEMBERS = 10_000
MAX_METADATA_BYTES = 1 << 20

_SAFE_FOLDER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_CHUNK = 1 << 20


class PackageError(TandemError):
    """A model package cannot be installed, removed, listed or downloaded."""


@dataclass(frozen=True)
class InstalledPackage:
    """One folder in the packages directory, as Tandem sees it."""

    name: str
    from_code: str
    to_code: str
    version: str
    path: Path
    target_prefix: str = ""
    #: None when the package has everything Tandem needs to translate with it.
    problem: str | None = None

    @property
    def pair(self) -> tuple[str, str]:
        return (self.from_code, self.to_code)

    @property
    def loadable(self) -> bool:
        return self.problem is None

    def sentence_model(self) -> Path | None:
        """The package's MiniSBD model for its source language, if it ships one."""
        path = self.path / "minisbd" / f"{self.from_code}.onnx"
        return path if path.is_file() else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(path=str(self.path), pair=f"{self.from_code}-{self.to_code}",
                    loadable=self.loadable)
        return data


@dataclass(frozen=True)
class BundleReport:
    """What :func:`install_folder` did with each archive of a folder."""

    installed: list[InstalledPackage]
    skipped: list[Path]
    failed: list[tuple[Path, str]]


# --------------------------------------------------------------------------- location


def packages_dir() -> Path:
    """The folder holding installed packages (created if missing).

    ``TANDEM_PACKAGES_DIR`` overrides the default, the platform user data folder
    ``Tandem/packages``. argostranslate is pointed at the same folder.
    """
    override = os.environ.get("TANDEM_PACKAGES_DIR")
    if override:
        folder = Path(override).expanduser()
    else:
        import platformdirs

        folder = platformdirs.user_data_path("Tandem", appauthor=False) / "packages"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PackageError(f"Cannot create the model packages folder {folder}: {exc.strerror}.") from exc
    return folder


def argos_package_module(folder: Path | None = None):
    """``argostranslate.package``, with its settings pointed at Tandem's packages folder."""
    folder = folder or packages_dir()
    if "argostranslate.settings" not in sys.modules:
        os.environ["ARGOS_PACKAGES_DIR"] = str(folder)
    import argostranslate.package
    import argostranslate.settings

    argostranslate.settings.package_data_dir = folder
    argostranslate.settings.package_dirs = [folder]
    return argostranslate.package


def _argos_caches_changed() -> None:
    """Tell argostranslate (if loaded) that the installed set changed."""
    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:
        translate.get_installed_languages.cache_clear()


# --------------------------------------------------------------------------- metadata


def _parse_version(text: str):
    from packaging.version import InvalidVersion, Version

    try:
        return Version(text)
    except InvalidVersion as exc:
        raise PackageError(f'package_version "{text}" is not a version number.') from exc


def _version_key(text: str):
    """A sortable version; anything unparsable sorts as 0."""
    try:
        return _parse_version(text)
    except PackageError:
        return _parse_version("0")


def _check_metadata(raw: bytes) -> dict[str, Any]:
    """The metadata.json content, or PackageError saying what is wrong with it."""
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(f"metadata.json is not valid JSON ({exc}).") from exc
    if not isinstance(metadata, dict):
        raise PackageError("metadata.json must contain a JSON object.")
    if metadata.get("type", "translate") != "translate":
        raise PackageError(f'Package type "{metadata.get("type")}" is not a translation model.')
    codes = (metadata.get("from_code"), metadata.get("to_code"))
    if not all(isinstance(c, str) for c in codes) or codes[0] == codes[1] \
            or not set(codes) <= LANGUAGES:
        raise PackageError(
            f"Package translates {codes[0]!s}→{codes[1]!s}; Tandem only uses "
            "English↔French (en→fr, fr→en) models."
        )
    version = metadata.get("package_version")
    if not isinstance(version, str) or not version:
        raise PackageError("metadata.json has no package_version.")
    _parse_version(version)
    if not isinstance(metadata.get("target_prefix", ""), str):
        raise PackageError("metadata.json target_prefix must be a string.")
    return metadata


def _problem(folder: Path) -> tuple[dict[str, Any] | None, str | None]:
    """(metadata, None) for a usable installed folder, else (metadata or None, reason)."""
    try:
        raw = (folder / "metadata.json").read_bytes()
    except OSError:
        return None, "metadata.json is missing."
    try:
        metadata = _check_metadata(raw)
    except PackageError as exc:
        return None, str(exc)
    for required in ("model/model.bin", "model/config.json", "sentencepiece.model"):
        if not (folder / required).is_file():
            return metadata, f"{required} is missing."
    return metadata, None


def installed(folder: Path | None = None) -> list[InstalledPackage]:
    """Every package folder, usable or not, sorted by pair then newest version first.

    ``problem`` is a structural check (files and metadata), not a model load.
    """
    folder = folder or packages_dir()
    found: list[InstalledPackage] = []
    for path in sorted(folder.iterdir()):
        if not path.is_dir() or path.name.startswith("."):
            continue
        metadata, problem = _problem(path)
        metadata = metadata or {}
        found.append(InstalledPackage(
            name=path.name,
            from_code=str(metadata.get("from_code", "?")),
            to_code=str(metadata.get("to_code", "?")),
            version=str(metadata.get("package_version", "?")),
            path=path,
            target_prefix=str(metadata.get("target_prefix", "")),
            problem=problem,
        ))

    found.sort(key=lambda p: _version_key(p.version), reverse=True)
    found.sort(key=lambda p: p.pair)  # stable: newest first within each pair
    return found


def best_for(from_code: str, to_code: str, folder: Path | None = None) -> InstalledPackage | None:
    """The newest usable package for a pair, or None."""
    for pkg in installed(folder):
        if pkg.pair == (from_code, to_code) and pkg.loadable:
            return pkg
    return None


# --------------------------------------------------------------------------- validation


@dataclass(frozen=True)
class _Archive:
    top: str
    metadata: dict[str, Any]
    members: list[zipfile.ZipInfo]


def _member_parts(info: zipfile.ZipInfo) -> tuple[str, ...]:
    """Path components of a member, or PackageError if it could escape the folder."""
    name = info.filename
    kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when the zip tool recorded no Unix type
    if kind == stat.S_IFLNK:
        raise PackageError(f'Archive contains a symbolic link "{name}"; refused.')
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise PackageError(f'Archive contains a special file "{name}"; refused.')
    if info.flag_bits & 0x1:
        raise PackageError(f'Archive member "{name}" is encrypted; refused.')
    if "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name) or "\x00" in name:
        raise PackageError(f'Archive member "{name}" has an absolute or unsafe path; refused.')
    parts = PurePosixPath(name).parts
    if any(part in ("..", ".") for part in parts) or not parts:
        raise PackageError(f'Archive member "{name}" points outside the package; refused.')
    return parts


def inspect_archive(archive: Path) -> _Archive:
    """Check an .argosmodel completely without extracting it; raise PackageError if unfit."""
    archive = Path(archive)
    if not archive.is_file():
        raise PackageError(f"No such package file: {archive}")
    try:
        size = archive.stat().st_size
        with archive.open("rb") as handle:
            looks_like_zip = handle.read(4) == b"PK\x03\x04"
    except OSError as exc:
        raise PackageError(f"{archive.name} cannot be read: {exc.strerror}.") from None
    if size > MAX_ARCHIVE_BYTES:
        raise PackageError(f"{archive.name} is {size:,} bytes; the limit is {MAX_ARCHIVE_BYTES:,}.")
    if not zipfile.is_zipfile(archive):
        raise PackageError(
            f"{archive.name} is truncated or damaged (its zip directory is missing)."
            if looks_like_zip else
            f"{archive.name} is not a model package (an .argosmodel is a zip archive)."
        )
    try:
        with zipfile.ZipFile(archive) as zf:
            members = zf.infolist()
            top = _check_members(archive.name, members)
            try:
                with zf.open(f"{top}/metadata.json") as handle:
                    raw = handle.read(MAX_METADATA_BYTES + 1)
            except KeyError:
                raise PackageError(f"{archive.name} has no metadata.json in {top}/.") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise PackageError(f"{archive.name} is damaged: {exc}") from exc
    if len(raw) > MAX_METADATA_BYTES:
        raise PackageError("metadata.json is too large.")
    metadata = _check_metadata(raw)
    files = {m.filename for m in members if not m.is_dir()}
    if f"{top}/sentencepiece.model" not in files:
        if f"{top}/bpe.model" in files:
            raise PackageError(
                f"{archive.name} uses a BPE tokenizer; Tandem needs a SentencePiece model.")
        raise PackageError(f"{archive.name} has no tokenizer (sentencepiece.model).")
    for required in ("model/model.bin", "model/config.json"):
        if f"{top}/{required}" not in files:
            raise PackageError(f"{archive.name} has no {required}: it is not a usable model.")
    return _Archive(top=top, metadata=metadata, members=members)


def _check_members(archive_name: str, members: list[zipfile.ZipInfo]) -> str:
    """The single top-level folder name, after checking every member's path and size."""
    if not members:
        raise PackageError(f"{archive_name} is empty.")
    if len(members) > MAX_MEMBERS:
        raise PackageError(f"{archive_name} has {len(members):,} files; the limit is {MAX_MEMBERS:,}.")
    tops: set[str] = set()
    total = 0
    for info in members:
        parts = _member_parts(info)
        tops.add(parts[0])
        if len(parts) == 1 and not info.is_dir():
            raise PackageError(
                f'{archive_name} has a file "{info.filename}" at its top level; a package '
                "holds exactly one folder.")
        total += info.file_size
        if info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageError(
                f'{archive_name}: "{info.filename}" expands {info.file_size // max(info.compress_size, 1):,}'
                " times; refused as a zip bomb.")
    if len(tops) != 1:
        raise PackageError(
            f"{archive_name} must hold exactly one top-level folder; it has {len(tops)}.")
    top = tops.pop()
    if not _SAFE_FOLDER.match(top):
        raise PackageError(f'{archive_name}: folder name "{top}" is not allowed.')
    if total > MAX_UNPACKED_BYTES:
        raise PackageError(
            f"{archive_name} unpacks to {total:,} bytes; the limit is {MAX_UNPACKED_BYTES:,}.")
    return top


# --------------------------------------------------------------------------- install / remove


def _staging_root(folder: Path) -> Path:
    """Scratch space next to the packages folder (same filesystem, never listed as a package)."""
    root = folder.parent / f".{folder.name}-staging"
    root.mkdir(exist_ok=True)
    return root


def _lock(folder: Path):
    from filelock import FileLock

    return FileLock(str(folder.parent / f".{folder.name}.lock"), timeout=120)


@contextmanager
def _scratch(folder: Path, prefix: str) -> Iterator[Path]:
    """A fresh scratch folder in the staging area, deleted afterwards.

    Its process holds ``<scratch>.lock`` (taken before the folder exists) while using
    it; the OS releases that lock when the process dies, even by ``kill -9``, which
    is how `_clean_stale` — run first — tells a dead process's leftovers (an unpacked
    package can be hundreds of MB) from a folder still in use.
    """
    from filelock import FileLock

    root = _staging_root(folder)
    _clean_stale(root)
    scratch = root / f"{prefix}{secrets.token_hex(8)}"
    lock = FileLock(f"{scratch}.lock")
    lock.acquire(timeout=0)
    try:
        scratch.mkdir()
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        lock.release()
        Path(f"{scratch}.lock").unlink(missing_ok=True)


def _clean_stale(root: Path) -> None:
    """Delete the scratch folders in ``root`` whose process is gone (their lock is free)."""
    from filelock import FileLock, Timeout

    for entry in root.iterdir():
        if not entry.is_dir():
            continue
        lock = FileLock(f"{entry}.lock")
        try:
            lock.acquire(timeout=0)
        except Timeout:
            continue  # in use by a running install, removal or download
        try:
            shutil.rmtree(entry, ignore_errors=True)
            log.info("Removed %s, left by an interrupted install.", entry)
        finally:
            lock.release()
            Path(f"{entry}.lock").unlink(missing_ok=True)


def _extract(archive: Path, info: _Archive, dest: Path) -> Path:
    """Extract into ``dest`` (which must be empty) and return the package folder."""
    budget = MAX_UNPACKED_BYTES
    try:
        with zipfile.ZipFile(archive) as zf:
            for member in info.members:
                target = dest.joinpath(*_member_parts(member))
                if member.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(member) as src, target.open("wb") as out:
                    while chunk := src.read(_CHUNK):
                        budget -= len(chunk)
                        if budget < 0:
                            raise PackageError(f"{archive.name} unpacks to more than it declares; refused.")
                        out.write(chunk)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise PackageError(f"{archive.name} is damaged: {exc}") from exc
    except OSError as exc:
        raise PackageError(f"Cannot unpack {archive.name}: {exc.strerror or exc}") from exc
    return dest / info.top


def _check_loads(folder: Path) -> None:
    """Load the tokenizer and the model once, so a broken package is never installed."""
    import ctranslate2
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    except (OSError, RuntimeError) as exc:
        raise PackageError(f"The package tokenizer cannot be loaded: {exc}") from exc
    try:
        ctranslate2.Translator(str(folder / "model"), device="cpu", intra_threads=1)
    except Exception as exc:  # CTranslate2 raises Index/Runtime/Value errors
        raise PackageError(f"The package model cannot be loaded: {exc}") from exc


def _as_installed(folder: Path) -> InstalledPackage:
    return next(p for p in installed(folder.parent) if p.path == folder)


def install_archive(archive: Path, folder: Path | None = None) -> InstalledPackage:
    """Validate and install an .argosmodel; a package of the same pair is replaced.

    Raises PackageError with the reason; on any failure the packages folder is unchanged.
    """
    archive = Path(archive)
    folder = folder or packages_dir()
    info = inspect_archive(archive)
    with _lock(folder), _scratch(folder, "install-") as scratch:
        staged = _extract(archive, info, scratch / "new")
        _check_loads(staged)
        pair = (info.metadata["from_code"], info.metadata["to_code"])
        replaced = [p.path for p in installed(folder)
                    if p.pair == pair or p.name == info.top]
        _swap_in(staged, folder / info.top, replaced, scratch / "old")
    _argos_caches_changed()
    return _as_installed(folder / info.top)


def _swap_in(staged: Path, final: Path, replaced: list[Path], aside: Path) -> None:
    """Move ``replaced`` aside, ``staged`` into place; undo everything if a step fails."""
    aside.mkdir()
    moved: list[tuple[Path, Path]] = []
    try:
        for index, old in enumerate(replaced):
            parked = aside / str(index)
            os.replace(old, parked)
            moved.append((parked, old))
        os.replace(staged, final)
    except OSError as exc:
        for parked, old in reversed(moved):
            os.replace(parked, old)
        raise PackageError(f"Cannot install into {final.parent}: {exc.strerror or exc}") from exc


def remove(name: str, folder: Path | None = None) -> InstalledPackage:
    """Remove the installed package folder called ``name``; return what was removed."""
    folder = folder or packages_dir()
    with _lock(folder):
        match = next((p for p in installed(folder) if p.name == name), None)
        if match is None:
            names = ", ".join(p.name for p in installed(folder)) or "none"
            raise PackageError(f'No installed package named "{name}" (installed: {names}).')
        with _scratch(folder, "remove-") as scratch:
            try:
                os.replace(match.path, scratch / match.name)
            except OSError as exc:
                raise PackageError(f"Cannot remove {name}: {exc.strerror or exc}") from exc
    _argos_caches_changed()
    return match


def install_folder(source: Path, folder: Path | None = None) -> BundleReport:
    """Install every .argosmodel in ``source`` (the IT bundle), once.

    Idempotent: an archive whose pair is already installed at the same or a newer
    version is skipped. One bad archive does not stop the others.
    """
    folder = folder or packages_dir()
    report = BundleReport(installed=[], skipped=[], failed=[])
    for archive in sorted(Path(source).glob("*.argosmodel")):
        try:
            meta = inspect_archive(archive).metadata
            current = best_for(meta["from_code"], meta["to_code"], folder)
            if current is not None and (
                _parse_version(current.version) >= _parse_version(meta["package_version"])
            ):
                report.skipped.append(archive)
                continue
            report.installed.append(install_archive(archive, folder))
        except PackageError as exc:
            report.failed.append((archive, str(exc)))
    return report


# --------------------------------------------------------------------------- online


def _index_entry(index: Any, from_code: str, to_code: str) -> dict[str, Any]:
    if not isinstance(index, list):
        raise PackageError("The package index is malformed (expected a list of packages).")
    candidates = [
        e for e in index
        if isinstance(e, dict) and e.get("from_code") == from_code and e.get("to_code") == to_code
        and e.get("type", "translate") == "translate" and isinstance(e.get("links"), list)
        and isinstance(e.get("package_version"), str)
    ]
    if not candidates:
        raise PackageError(f"The package index has no {from_code}→{to_code} model.")
    return max(candidates, key=lambda e: _version_key(e["package_version"]))


def install_online(
    from_code: str,
    to_code: str,
    *,
    index_url: str = INDEX_URL,
    timeout: float = 30.0,
    transport=None,
    folder: Path | None = None,
) -> InstalledPackage:
    """Download the newest from→to package listed in the Argos index and install it.

    Only ever called on an explicit user request. ``transport`` lets tests supply an
    httpx mock transport. Every failure (timeout, HTTP error, malformed index,
    oversized or invalid archive) raises PackageError; the installed set is unchanged.
    """
    import httpx

    if {from_code, to_code} != LANGUAGES:
        raise PackageError(f"Tandem only installs en→fr and fr→en models, not {from_code}→{to_code}.")
    folder = folder or packages_dir()
    with httpx.Client(timeout=timeout, transport=transport, follow_redirects=True) as client:
        try:
            response = client.get(index_url)
            response.raise_for_status()
            index = response.json()
        except httpx.TimeoutException as exc:
            raise PackageError(f"The package index did not answer within {timeout:g} s.") from exc
        except httpx.HTTPError as exc:
            raise PackageError(f"Cannot fetch the package index: {exc}") from exc
        except ValueError as exc:
            raise PackageError("The package index is malformed (not JSON).") from exc
        entry = _index_entry(index, from_code, to_code)
        links = [link for link in entry["links"] if isinstance(link, str) and link.startswith("https://")]
        if not links:
            raise PackageError(f"The index lists no https download for {from_code}→{to_code}.")
        with _scratch(folder, "download-") as scratch:
            archive = scratch / "package.argosmodel"
            errors: list[str] = []
            for link in links:
                error = _download(client, link, archive, timeout)
                if error is None:
                    return install_archive(archive, folder)
                errors.append(error)
            raise PackageError("Download failed: " + "; ".join(errors))


def _download(client, url: str, dest: Path, timeout: float) -> str | None:
    """Stream ``url`` into ``dest``; return None on success, else why it failed."""
    import httpx

    received = 0
    try:
        with client.stream("GET", url) as response, dest.open("wb") as out:
            response.raise_for_status()
            for chunk in response.iter_bytes(_CHUNK):
                received += len(chunk)
                if received > MAX_ARCHIVE_BYTES:
                    return f"{url} is larger than {MAX_ARCHIVE_BYTES:,} bytes"
                out.write(chunk)
    except httpx.TimeoutException:
        return f"{url} timed out after {timeout:g} s"
    except httpx.HTTPError as exc:
        return f"{url}: {exc}"
    return None
