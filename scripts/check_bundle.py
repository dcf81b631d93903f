"""Check a PyInstaller bundle (dist/tandem): size budget, forbidden contents, Tandem complete.

Fails (exit 1, one line per problem) when

* the bundle, without language packages (``_internal/resources/argos``), is larger
  than the recorded baseline for this platform × its tolerance (bench/bundle-size.json);
* a forbidden library or package is inside: torch/libtorch, CUDA/cuDNN, stanza,
  spacy, test tooling (pytest, hypothesis, tests folders), IPython, tkinter — as
  a file on disk or as a module in the executable's Python archive (PYZ);
* a Tandem module (every ``desktop`` and ``translation`` module of the source
  tree) or a runtime library Tandem needs is missing.

Usage::

    .venv/bin/python scripts/check_bundle.py [BUNDLE] [--json] [--record]

``--record`` writes the measured size as the new baseline for this platform
(after a deliberate change; commit bench/bundle-size.json with the reason).
Run by tests/packaging/test_frozen.py after every build.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_FILE = ROOT / "bench" / "bundle-size.json"
PACKAGES_SUBDIR = "_internal/resources/argos"
DEFAULT_TOLERANCE = 1.15
MIB = 1024 * 1024

#: Path patterns (relative, "/"-separated, case-insensitive) that must not exist.
FORBIDDEN_PATHS = {
    "torch": r"(^|/)(lib)?torch[^/]*($|/)",
    "CUDA/cuDNN": r"(^|/)(lib)?(cuda|cudart|cublas|cudnn|cufft|curand|cusolver|cusparse|nvrtc|nccl)"
                  r"[^/]*$",
    "stanza/spacy": r"(^|/)(stanza|spacy|thinc)($|/|[-_.])",
    "test tooling": r"(^|/)(_?pytest|hypothesis|tests?)($|/)",
    "IPython": r"(^|/)ipython($|/)",
    "tkinter": r"(^|/)(_?tkinter[^/]*|_tcl_data|_tk_data|tcl8?|tk8?)($|/)",
}
#: Python modules (and their submodules) that must not be in the PYZ archive.
FORBIDDEN_MODULES = ("torch", "stanza", "spacy", "thinc", "pytest", "_pytest", "hypothesis",
                     "IPython", "tkinter", "_tkinter", "argostranslate.translate", "tests",
                     "PyInstaller", "pygments")
#: Third-party modules Tandem needs at run time.
REQUIRED_MODULES = ("ctranslate2", "sentencepiece", "onnxruntime", "minisbd", "keyring",
                    "sqlite_utils", "httpx", "platformdirs", "twitter_text", "rapidfuzz",
                    "PySide6.QtWidgets")
REQUIRED_FILES = ("_internal/resources/policy.example.toml",)


def platform_key() -> str:
    return f"{sys.platform}-{platform.machine().lower()}"


def executable(bundle: Path) -> Path:
    return bundle / ("tandem.exe" if sys.platform == "win32" else "tandem")


def source_modules() -> list[str]:
    """Every module of the desktop and translation packages, as dotted names."""
    names = []
    for package in ("desktop", "translation"):
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            names.append(".".join(parts))
    return names


def bundle_modules(exe: Path) -> set[str]:
    """Module names in the executable's embedded PYZ archive."""
    from PyInstaller.archive.readers import pkg_archive_contents

    return set(pkg_archive_contents(str(exe)))


def measure(bundle: Path) -> dict:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    packages = [p for p in files if p.relative_to(bundle).as_posix().startswith(PACKAGES_SUBDIR)]
    total = sum(p.stat().st_size for p in files)
    package_bytes = sum(p.stat().st_size for p in packages)
    return {"bytes": total - package_bytes, "language_package_bytes": package_bytes,
            "files": len(files) - len(packages)}


def load_budget() -> dict:
    if BUDGET_FILE.exists():
        return json.loads(BUDGET_FILE.read_text(encoding="utf-8"))
    return {"tolerance": DEFAULT_TOLERANCE, "baselines": {}}


def check(bundle: Path) -> tuple[dict, list[str]]:
    """Measurements and the list of problems (empty: the bundle passes)."""
    problems: list[str] = []
    exe = executable(bundle)
    if not exe.is_file():
        return {}, [f"{exe} does not exist: build with `make package` first."]
    size = measure(bundle)
    budget = load_budget()
    baseline = budget["baselines"].get(platform_key())
    limit = int(baseline["bytes"] * budget["tolerance"]) if baseline else None
    size.update(platform=platform_key(), limit_bytes=limit)
    if limit is None:
        problems.append(f"No size baseline for {platform_key()} in {BUDGET_FILE.name}: "
                        "record one with --record.")
    elif size["bytes"] > limit:
        problems.append(f"The bundle is {size['bytes'] / MIB:.1f} MiB, over its budget of "
                        f"{limit / MIB:.1f} MiB (baseline {baseline['bytes'] / MIB:.1f} MiB × "
                        f"{budget['tolerance']}). Find what grew, or re-record with --record.")
    for path in sorted(bundle.rglob("*")):
        relative = path.relative_to(bundle).as_posix()
        for what, pattern in FORBIDDEN_PATHS.items():
            if re.search(pattern, relative, re.IGNORECASE):
                problems.append(f"Forbidden {what} in the bundle: {relative}")
    modules = bundle_modules(exe)
    for name in sorted(modules):
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN_MODULES):
            problems.append(f"Forbidden module in the bundle's Python archive: {name}")
    on_disk = {p.relative_to(bundle / "_internal").as_posix().split("/")[0]
               for p in (bundle / "_internal").iterdir()} if (bundle / "_internal").is_dir() else set()
    for name in REQUIRED_MODULES:
        top = name.split(".")[0]
        if name not in modules and not ({top} & on_disk):
            problems.append(f"Required module {name} is missing from the bundle.")
    missing = [m for m in source_modules() if m not in modules]
    problems += [f"Tandem module {m} is missing from the bundle (add it to hiddenimports "
                 "in build.spec)." for m in missing]
    problems += [f"Required file {f} is missing from the bundle."
                 for f in REQUIRED_FILES if not (bundle / f).is_file()]
    size["modules"] = len(modules)
    return size, problems


def record(size: dict) -> None:
    budget = load_budget()
    budget["baselines"][platform_key()] = {
        "bytes": size["bytes"], "files": size["files"], "recorded": time.strftime("%Y-%m-%d"),
        "python": platform.python_version(),
    }
    BUDGET_FILE.write_text(json.dumps(budget, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "tandem")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--record", action="store_true",
                        help="record the measured size as this platform's baseline")
    args = parser.parse_args(argv)
    size, problems = check(args.bundle)
    if args.record and size:
        record(size)
        size, problems = check(args.bundle)
    if args.json:
        print(json.dumps({"ok": not problems, **size, "problems": problems}, indent=2))
    else:
        if size:
            print(f"{args.bundle}: {size['bytes'] / MIB:.1f} MiB ({size['bytes']:,} bytes) in "
                  f"{size['files']} files, {size['modules']} Python modules; language packages "
                  f"{size['language_package_bytes'] / MIB:.1f} MiB; budget "
                  + (f"{size['limit_bytes'] / MIB:.1f} MiB" if size["limit_bytes"] else "none"))
        for problem in problems:
            print(f"FAIL: {problem}")
        print("Bundle OK." if not problems else f"{len(problems)} problem(s).")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
