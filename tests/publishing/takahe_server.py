"""Runs Takahē (a real Mastodon-client-API server) installed by scripts/takahe/install.sh.

Each `LocalTakahe` has a private PostgreSQL cluster (Debian's postgresql-15, run as
the ``postgres`` user because initdb refuses root) in a throwaway folder on a free
loopback port, migrates an empty database, creates ``alice@takahe.test``, serves
Takahē with uvicorn on 127.0.0.1, and obtains a Bearer token through the real
OAuth flow (apps → web login → authorize → token), as the recipe in
``../shared/servers/takahe`` does. By hand: ``.venv/bin/python
tests/publishing/takahe_server.py`` prints the URL and token and serves until Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("TAKAHE_SHARED", ROOT.parent / "shared" / "servers" / "takahe"))
CACHE = ROOT / ".cache" / "takahe"
PGBIN = Path("/usr/lib/postgresql/15/bin")
#: A fail-safe, not a measurement.
START_DEADLINE_S = 120.0

BOOTSTRAP = """
from users.models import Domain, User, Identity
from users.services import IdentityService
d, _ = Domain.objects.get_or_create(domain="takahe.test",
                                    defaults=dict(local=True, public=True, state="updated"))
u = User.objects.create_user(email="alice@takahe.test", password="alice-password")
IdentityService.create(user=u, username="alice", domain=d, name="Alice")
"""


class TakaheError(RuntimeError):
    """Takahē is not installed or did not start."""


def unavailable_reason() -> str | None:
    """Why the Takahē tests cannot run here, or None."""
    if not SHARED.is_dir():
        return f"{SHARED} (Takahē's source snapshot and recipe) is absent"
    if not (CACHE / ".installed").exists():
        return f"Takahē is not installed: run {ROOT}/scripts/takahe/install.sh"
    if not (PGBIN / "initdb").exists():
        return f"PostgreSQL 15 is not installed ({PGBIN}/initdb missing)"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(command: str) -> None:
    subprocess.run(["su", "postgres", "-s", "/bin/sh", "-c", command], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


class LocalTakahe:
    def __init__(self) -> None:
        reason = unavailable_reason()
        if reason:
            raise TakaheError(reason)
        self.work = Path(tempfile.mkdtemp(prefix="tandem-takahe-"))
        os.chmod(self.work, 0o755)
        self.pg_port = _free_port()
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = ""
        self._uvicorn: subprocess.Popen[bytes] | None = None
        self._pg_started = False

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ,
                "TAKAHE_DATABASE_SERVER": f"postgres://postgres@127.0.0.1:{self.pg_port}/takahe",
                "TAKAHE_DEBUG": "true", "TAKAHE_SECRET_KEY": "test-only-secret",
                "TAKAHE_MAIN_DOMAIN": "takahe.test", "TAKAHE_EMAIL_SERVER": "console://console",
                "TAKAHE_ENVIRONMENT": "development", "TAKAHE_MEDIA_ROOT": str(self.work / "media"),
                "TAKAHE_MEDIA_BACKEND": "local://",
                "TAKAHE_MEDIA_URL": f"{self.url}/media/",
                "TAKAHE_CSRF_HOSTS": f'["{self.url}"]'}

    def start(self) -> None:
        try:
            self._start_postgres()
            manage = [str(CACHE / "venv" / "bin" / "python"), "manage.py"]
            src = CACHE / "src"
            subprocess.run(manage + ["migrate", "--noinput"], cwd=src, env=self.env, check=True,
                           capture_output=True)
            subprocess.run(manage + ["shell"], cwd=src, env=self.env, check=True,
                           input=BOOTSTRAP.encode(), capture_output=True)
            log = (self.work / "uvicorn.log").open("wb")
            self._uvicorn = subprocess.Popen(
                [str(CACHE / "venv" / "bin" / "uvicorn"), "takahe.asgi:application",
                 "--host", "127.0.0.1", "--port", str(self.port)],
                cwd=src, env=self.env, stdout=log, stderr=subprocess.STDOUT)
            log.close()
            self._wait_healthy()
            self.token = self._oauth_token()
        except (subprocess.CalledProcessError, httpx.HTTPError, TakaheError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            self.stop()
            raise TakaheError(f"Takahē did not start: {exc} {detail[-2000:].decode(errors='replace')}"
                              ) from None

    def _start_postgres(self) -> None:
        data, sock = self.work / "pgdata", self.work / "pgsock"
        for folder in (data, sock):
            folder.mkdir()
            shutil.chown(folder, "postgres", "postgres")
        _as_postgres(f"{PGBIN}/initdb -D {data} -U postgres --auth=trust -E UTF8")
        _as_postgres(f"{PGBIN}/pg_ctl -D {data} -l {sock}/pg.log -w -o "
                     f"'-c listen_addresses=127.0.0.1 -p {self.pg_port} -k {sock} -c fsync=off' start")
        self._pg_started = True
        _as_postgres(f"{PGBIN}/createdb -h 127.0.0.1 -p {self.pg_port} -U postgres takahe")

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_DEADLINE_S
        while time.monotonic() < deadline:
            if self._uvicorn is not None and self._uvicorn.poll() is not None:
                raise TakaheError("uvicorn exited: "
                                  + (self.work / "uvicorn.log").read_text(errors="replace")[-2000:])
            try:
                if httpx.get(f"{self.url}/api/v1/instance", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        raise TakaheError("no answer from /api/v1/instance")

    def _oauth_token(self) -> str:
        """The real Mastodon OAuth flow, as a browser and a client app would go through it."""
        oob = "urn:ietf:wg:oauth:2.0:oob"
        with httpx.Client(base_url=self.url, timeout=30) as web:
            app = web.post("/api/v1/apps", data={"client_name": "tandem-tests", "redirect_uris": oob,
                                                "scopes": "read write"}).json()
            csrf = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
            login = web.get("/auth/login/")
            web.post("/auth/login/", data={"csrfmiddlewaretoken": csrf.search(login.text).group(1),
                                           "username": "alice@takahe.test",
                                           "password": "alice-password"})
            page = web.get("/oauth/authorize", params={
                "response_type": "code", "client_id": app["client_id"], "redirect_uri": oob,
                "scope": "read write"}).text
            identity = re.search(r'name="identity" value="(\d+)"', page) or \
                re.search(r'value="(\d{6,})"', page)
            granted = web.post("/oauth/authorize", data={
                "csrfmiddlewaretoken": csrf.search(page).group(1), "client_id": app["client_id"],
                "redirect_uri": oob, "scope": "read write", "identity": identity.group(1)}).text
            code = re.search(r'class="authorization-code">\s*([^<\s]+)', granted).group(1)
            token = web.post("/oauth/token", data={
                "grant_type": "authorization_code", "code": code, "client_id": app["client_id"],
                "client_secret": app["client_secret"], "redirect_uri": oob}).json()
        return token["access_token"]

    def stop(self) -> None:
        process, self._uvicorn = self._uvicorn, None
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._pg_started:
            self._pg_started = False
            with contextlib.suppress(subprocess.CalledProcessError):
                _as_postgres(f"{PGBIN}/pg_ctl -D {self.work / 'pgdata'} -m immediate -w stop")
        shutil.rmtree(self.work, ignore_errors=True)

    def __enter__(self) -> LocalTakahe:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


if __name__ == "__main__":
    started = time.monotonic()
    with LocalTakahe() as server:
        print(f"Takahē at {server.url} (up in {time.monotonic() - started:.1f} s); "
              f"token {server.token}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
