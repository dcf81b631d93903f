"""Identity and store location: OS account, TANDEM_USER override, policy locks."""

from __future__ import annotations

import getpass

import pytest

from desktop.core import policy as policy_mod
from desktop.core.errors import PolicyError
from desktop.app.session import default_db_path, open_session


def test_identity_is_the_os_account_by_default(tmp_path):
    session = open_session(tmp_path / "s.sqlite3")
    assert session.user == getpass.getuser()


def test_tandem_user_overrides_when_policy_allows(tmp_path, monkeypatch):
    monkeypatch.setenv("TANDEM_USER", "bob")
    assert open_session(tmp_path / "s.sqlite3").user == "bob"


def test_policy_can_forbid_identity_override(tmp_path, monkeypatch):
    monkeypatch.setenv("TANDEM_USER", "bob")
    policy = policy_mod.parse("[identity]\nallow_override = false\n")
    with pytest.raises(PolicyError, match="forbids acting as another user"):
        open_session(tmp_path / "s.sqlite3", policy=policy)


def test_default_store_lives_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("TANDEM_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path().is_relative_to(tmp_path / "xdg")
    session = open_session()
    assert session.store.path == default_db_path() and default_db_path().exists()


def test_policy_locked_database_refuses_another_path(tmp_path, monkeypatch):
    monkeypatch.delenv("TANDEM_DB")
    locked = tmp_path / "locked.sqlite3"
    policy = policy_mod.parse(f'[database]\npath = "{locked}"\n')
    assert open_session(None, policy=policy).store.path == locked
    with pytest.raises(PolicyError, match="locked by the IT policy"):
        open_session(tmp_path / "other.sqlite3", policy=policy)
    monkeypatch.setenv("TANDEM_DB", str(tmp_path / "env.sqlite3"))
    with pytest.raises(PolicyError, match="locked by the IT policy"):
        open_session(None, policy=policy)
