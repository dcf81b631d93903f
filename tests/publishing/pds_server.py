"""Runs the real Bluesky PDS installed by scripts/pds/install.sh, on 127.0.0.1.

Used by the session fixture in conftest.py. By hand (to try Tandem against it):
``.venv/bin/python tests/publishing/pds_server.py`` prints the URL and serves
until Ctrl-C.
"""

from __future__ import annotations

import json
import os
import secrets
import selectors
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import NoReturn

import httpx

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "pds"
NODE = CACHE / "node" / "bin" / "node"
APP_DIR = CACHE / "app"
LAUNCHER = ROOT / "scripts" / "pds" / "launcher.mjs"

#: A fail-safe, not a measurement: start-up takes 1.5–3 s on the CI machine.
START_DEADLINE_S = 120.0


class PdsError(RuntimeError):
    """The PDS is not installed or did not start."""


class LocalPds:
    """One PDS process with a fresh data folder and in-memory PLC directory."""

    def __init__(self) -> None:
        if not (NODE.exists() and (APP_DIR / ".installed").exists()):
            raise PdsError(f"the test PDS is not installed: run {ROOT}/scripts/pds/install.sh")
        #: Signs the PDS's access tokens (tests forge expired ones with it).
        self.jwt_secret = secrets.token_hex(16)
        self.url = ""
        self._data = Path(tempfile.mkdtemp(prefix="tandem-pds-"))
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {
            **os.environ,
            "PDS_HOSTNAME": "localhost",
            "PDS_DEV_MODE": "true",
            "PDS_INVITE_REQUIRED": "false",
            "PDS_RATE_LIMITS_ENABLED": "false",
            "PDS_SERVICE_HANDLE_DOMAINS": ".test",
            "PDS_DATA_DIRECTORY": str(self._data),
            "PDS_BLOBSTORE_DISK_LOCATION": str(self._data / "blobs"),
            "PDS_JWT_SECRET": self.jwt_secret,
            "PDS_ADMIN_PASSWORD": secrets.token_hex(16),
            "PDS_DPOP_SECRET": secrets.token_hex(32),
            "PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX": secrets.token_hex(32),
            "PDS_CRAWLERS": "",
        }
        log_file = (self._data / "pds.log").open("wb")
        self._process = subprocess.Popen(
            [str(NODE), str(LAUNCHER), str(APP_DIR)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log_file, env=env,
        )
        log_file.close()
        self.url = self._read_url()
        try:
            healthy = httpx.get(f"{self.url}/xrpc/_health", timeout=10).status_code == 200
        except httpx.HTTPError:
            healthy = False
        if not healthy:
            self._fail("the PDS fails its health check")

    def _read_url(self) -> str:
        assert self._process is not None and self._process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self._process.stdout, selectors.EVENT_READ)
            ready = selector.select(timeout=START_DEADLINE_S)
        line = self._process.stdout.readline() if ready else b""
        if not line:
            self._fail("the PDS did not start")
        return json.loads(line)["pds"]

    def _fail(self, what: str) -> NoReturn:
        """Stop everything and raise PdsError with the end of the servers' log."""
        path = self._data / "pds.log"
        log = path.read_text(errors="replace").splitlines()[-40:] if path.exists() else []
        self.stop()
        raise PdsError(f"{what}; its log:\n" + "\n".join(log))

    def stop(self) -> None:
        """Stop the servers (closing stdin asks the launcher to) and delete the data."""
        process, self._process = self._process, None
        if process is not None:
            assert process.stdin is not None
            process.stdin.close()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
        shutil.rmtree(self._data, ignore_errors=True)

    def __enter__(self) -> LocalPds:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


if __name__ == "__main__":
    started = time.monotonic()
    with LocalPds() as pds:
        took = time.monotonic() - started
        print(f"PDS at {pds.url} (healthy after {took:.1f} s); Ctrl-C stops it", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
