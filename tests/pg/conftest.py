"""A real PostgreSQL for the team-mode tests, and team stores made and dropped per test.

`make test` (scripts/test.sh) starts a private server with scripts/postgres.sh
and exports TANDEM_TEST_PG_URL (its superuser, no password in the URL) and
PGPASSFILE (the superuser's password, the libpq way). Without them the
team-mode tests are skipped with that reason; nothing else is skipped.
"""

from __future__ import annotations

import os
import secrets

import pytest

from .team_desk import TeamServer

PG_ENV = "TANDEM_TEST_PG_URL"


@pytest.fixture(scope="session")
def pg_server():
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set: run under `make test`, or start a server with "
                    "`scripts/postgres.sh start` and `eval \"$(scripts/postgres.sh env)\"`")
    return TeamServer(url)


@pytest.fixture
def team(pg_server):
    """A fresh database with its owner login; `team.init()` makes it a team store."""
    database = pg_server.new_database(secrets.token_hex(4))
    yield database
    database.drop()
