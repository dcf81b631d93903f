"""Test-wide isolation: headless Qt and every Tandem/XDG location in a tmp dir."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    """No test touches the real user's store, settings, policy or packages."""
    home = tmp_path / "home"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache")):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(path))
    monkeypatch.setenv("TANDEM_DB", str(tmp_path / "tandem.sqlite3"))
    monkeypatch.setenv("TANDEM_POLICY", str(tmp_path / "no-policy.toml"))
    monkeypatch.delenv("TANDEM_USER", raising=False)
    return tmp_path
