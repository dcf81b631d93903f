"""Signing in to a team store with Kerberos (GSSAPI), against a real KDC.

scripts/kerberos.sh starts a private MIT Kerberos KDC (realm TANDEM.TEST,
installed with apt-get when missing) and `scripts/postgres.sh gss` lets the
members of the group role ``tandem_gss`` sign in to the test server with a
ticket for ``postgres/localhost`` (a reload, never a restart). Each test makes a
login that is in that group and a principal of the same name, runs `kinit`
into a private ticket cache, and connects with a URL that holds no password.
The tests are skipped only when the KDC cannot be installed here.
"""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.app.doctor import check_database
from desktop.app.session import open_session
from desktop.cli.main import main
from desktop.core.errors import StoreError
from desktop.core.model import Lang
from desktop.core.pg import connect
from desktop.core.policy import Policy

from .team_desk import Desk

ROOT = Path(__file__).resolve().parents[2]
REALM = "TANDEM.TEST"
GROUP = "tandem_gss"  # scripts/postgres.sh gss: members sign in with a ticket


def script(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / "scripts" / argv[0]), *argv[1:]], capture_output=True,
                          text=True, timeout=300)


def exports(output: str) -> dict[str, str]:
    """The variables of `export NAME=VALUE` lines."""
    pairs = (shlex.split(line)[1].split("=", 1) for line in output.splitlines()
             if line.startswith("export "))
    return dict(pairs)


@pytest.fixture(scope="module")
def kdc(pg_server):
    """The KDC's environment (KRB5_CONFIG, the keytab, the users' password file)."""
    started = script("kerberos.sh", "start")
    if started.returncode == 3:  # the script's "cannot install MIT Kerberos here"
        pytest.skip(f"no Kerberos KDC on this machine: {started.stderr.strip()}")
    assert started.returncode == 0, started.stderr
    env = exports(script("kerberos.sh", "env").stdout)
    ours = exports(script("postgres.sh", "env").stdout).get("TANDEM_TEST_PG_URL")
    if ours != pg_server.superuser_url:
        pytest.skip(f"TANDEM_TEST_PG_URL is not scripts/postgres.sh's server ({ours}), "
                    "whose pg_hba.conf these tests set up")
    configured = script("postgres.sh", "gss", env["TANDEM_TEST_KRB5_KEYTAB"], REALM)
    assert configured.returncode == 0, configured.stderr
    with pg_server.su() as su:
        su.execute(f"DO $$ BEGIN CREATE ROLE {GROUP} NOLOGIN; "
                   "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    return env


@pytest.fixture
def kerberos(kdc, team, tmp_path, monkeypatch):
    """A desk (alice admin) and carol, a translator whose login signs in with Kerberos
    only: her principal exists, but there is no ticket yet and no password anywhere."""
    desk = Desk("postgresql", tmp_path, team)
    desk.grant(carol="translator")
    carol = team.login("carol")
    with team.server.su() as su:
        su.execute(f'GRANT {GROUP} TO "{carol}"')
    added = script("kerberos.sh", "addprinc", carol)
    assert added.returncode == 0, added.stderr
    monkeypatch.setenv("KRB5_CONFIG", kdc["KRB5_CONFIG"])
    monkeypatch.setenv("KRB5CCNAME", f"FILE:{tmp_path / 'ccache'}")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.setenv("TANDEM_USER", "somebody-else")  # no effect in team mode
    # The service principal is postgres/localhost: connect by that name.
    url = f"postgresql://{carol}@localhost:{team.server.port}/{team.name}"
    yield desk, carol, url
    desk.close()


def kinit(principal: str, password_file: str) -> None:
    password = Path(password_file).read_text().strip()
    done = subprocess.run([shutil.which("kinit") or "kinit", f"{principal}@{REALM}"],
                          input=password + "\n", capture_output=True, text=True, timeout=60,
                          env=os.environ.copy())
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("gssencmode", ["disable", "prefer", "require"])
def test_a_kerberos_login_opens_the_team_store_and_signs_off_as_itself(kerberos, kdc,
                                                                       gssencmode):
    desk, carol, url = kerberos
    kinit(carol, kdc["TANDEM_TEST_KRB5_PASSWORD_FILE"])
    post = desk("alice").posts.create(en="Flu shots are free").post
    desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits")
    session = open_session(f"{url}?gssencmode={gssencmode}", policy=Policy())
    try:
        conn = session.store._conn
        login, principal, encrypted = conn.execute(
            "SELECT session_user, principal, encrypted FROM pg_stat_gssapi"
            " WHERE pid = pg_backend_pid()").fetchone()
        assert session.user == login == carol and principal == f"{carol}@{REALM}"
        assert encrypted is (gssencmode != "disable")
        assert session.store.server_facts()["gss_encrypted"] is (gssencmode != "disable")
        session.review.qa = lambda en, fr: []
        session.review.sign(post.id, Lang.FR)
    finally:
        session.close()
    signoffs = desk("alice").store.signoffs(post.id)
    assert [(s["lang"], s["reviewer"]) for s in signoffs] == [("fr", carol)]
    shown = check_database(Policy(), f"{url}?gssencmode={gssencmode}").message
    assert ("Kerberos (GSSAPI) encryption" in shown) is (gssencmode != "disable"), shown


def test_without_a_ticket_the_store_says_so_plainly(kerberos, kdc, capsys):
    desk, carol, url = kerberos
    with pytest.raises(StoreError) as err:
        connect.connect(url)
    assert err.value.message.code == "team.unreachable"
    assert "GSSAPI" in str(err.value) and "Kerberos credentials" in str(err.value)
    out = io.StringIO()
    code = main(["--db", url, "post", "list"], stdout=out)
    shown = out.getvalue() + "".join(capsys.readouterr())
    assert code != 0 and "Cannot connect to the team store" in shown
    assert "Traceback" not in shown
    assert Path(kdc["TANDEM_TEST_KRB5_PASSWORD_FILE"]).read_text().strip() not in shown


def test_gss_encryption_counts_as_transport_protection_for_a_remote_server():
    connect.check_tls("db.example.org", "prefer", False, gssencmode="require")
    for gssencmode in ("prefer", "disable", None):
        with pytest.raises(StoreError, match="gssencmode=require"):
            connect.check_tls("db.example.org", "prefer", False, gssencmode=gssencmode)
    with pytest.raises(StoreError, match="sslmode=verify-full"):
        connect.connect("postgresql://u@192.0.2.10/tandem?gssencmode=prefer")
