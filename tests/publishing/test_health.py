"""`desktop.publishing.health` (behind `tandem doctor`) against the real local PDS."""

from __future__ import annotations

import pytest

from desktop.publishing import health

from .keyring_env import secret_service  # noqa: F401 (fixture)
from .publish_desk import PublishDesk

pytestmark = [pytest.mark.pds, pytest.mark.usefixtures("secret_service")]


@pytest.fixture
def desk(tmp_path):
    desk = PublishDesk(tmp_path / "health.sqlite3")
    yield desk
    desk.close()


def test_signed_in_wrong_password_and_unreachable(desk, pds, en_account, fr_account):
    desk.account("bluesky", "good", "en", en_account.password, service_url=pds.url,
                 handle=en_account.handle)
    desk.account("bluesky", "badpass", "fr", "wrong-password-123", service_url=pds.url,
                 handle=fr_account.handle)
    desk.account("bluesky", "nowhere", "both", "whatever-secret-9", service_url="http://127.0.0.1:9",
                 handle="nobody.test")
    results = {r.account: r for r in health.check_accounts(desk.alice, timeout=3)}
    assert results["good"].status == health.OK and en_account.handle in results["good"].message
    assert results["badpass"].status == health.FAIL
    assert "tandem accounts secret badpass" in results["badpass"].fix
    assert results["nowhere"].status == health.WARN
    for result in results.values():
        assert "wrong-password-123" not in result.message + result.fix
        assert en_account.password not in result.message + result.fix


def test_no_accounts_gives_no_results(desk):
    assert health.check_accounts(desk.alice) == []


def test_a_wrong_secret_is_reported_when_another_account_shares_the_handle(desk, pds, en_account):
    """Issue 10 finding 9: the second account was reported "signed in" with the session the
    first account's (right) secret had opened."""
    desk.account("bluesky", "right", "en", en_account.password, service_url=pds.url,
                 handle=en_account.handle)
    desk.account("bluesky", "same-handle", "fr", "wrong-password-123", service_url=pds.url,
                 handle=en_account.handle)
    results = {r.account: r for r in health.check_accounts(desk.alice, timeout=3)}
    assert results["right"].status == health.OK
    assert results["same-handle"].status == health.FAIL, results["same-handle"].message
    assert "tandem accounts secret same-handle" in results["same-handle"].fix
