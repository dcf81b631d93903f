"""Fixtures for translation tests: real tiny Argos packages, built once per session, copied per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.translation import argos_builder

#: A piece of the tiny tokenizer's vocabulary, used as a package's target_prefix.
PREFIX_PIECE = "\u2581de"


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """Real .argosmodel archives (random weights), built once for the whole session."""
    out = tmp_path_factory.mktemp("argos-packages")
    build = argos_builder.build_argosmodel
    return {
        "en_fr": build(out / "a", "en", "fr", version="1.0", minisbd=True, seed=1),
        "en_fr_1.1": build(out / "b", "en", "fr", version="1.1", seed=2),
        "fr_en": build(out / "c", "fr", "en", version="1.0", seed=3),
        "en_fr_prefixed": build(out / "d", "en", "fr", version="1.2", seed=1,
                                target_prefix=PREFIX_PIECE),
    }


@pytest.fixture
def archive(built, tmp_path):
    """Copy of a session-built archive that the test may damage or install."""
    def copy(key: str) -> Path:
        return argos_builder.copy_to(built[key], tmp_path / "archives" / built[key].name)
    return copy


@pytest.fixture
def pkg_dir(tmp_path, monkeypatch) -> Path:
    """An empty packages folder, set as TANDEM_PACKAGES_DIR."""
    folder = tmp_path / "packages"
    monkeypatch.setenv("TANDEM_PACKAGES_DIR", str(folder))
    return folder


@pytest.fixture
def both_pairs(pkg_dir, archive) -> Path:
    """en→fr 1.0 (with a MiniSBD splitter) and fr→en 1.0 installed."""
    from translation import packages

    packages.install_archive(archive("en_fr"))
    packages.install_archive(archive("fr_en"))
    return pkg_dir
