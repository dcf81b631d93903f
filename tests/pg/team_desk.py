"""Test helpers for team mode: throwaway databases, logins, and a desk of people in one.

Every test gets its own database, owner and logins, all named with a random
tag (logins and group roles are server-wide), and all dropped afterwards.
People sign in with their own login; the password reaches libpq through
PGPASSWORD, as it would from a user's environment.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import psycopg

from desktop.app.session import Session, open_session
from desktop.core.model import Lang, Origin, Span, Version
from desktop.core.pg.connect import parse
from desktop.core.pg.team import init_team
from desktop.core.policy import Policy

PASSWORD = "tandem-test-login"


class TeamServer:
    def __init__(self, superuser_url: str):
        self.superuser_url = superuser_url
        self.passfile = os.environ.get("PGPASSFILE")  # tests may point PGPASSFILE elsewhere
        params = parse(superuser_url)
        self.host, self.port = params["host"], params["port"]

    def su(self) -> psycopg.Connection:
        """The superuser (its password from the run's PGPASSFILE, whatever a test set)."""
        saved = os.environ.pop("PGPASSWORD", None)
        try:
            extra = {"passfile": self.passfile} if self.passfile else {}
            return psycopg.connect(self.superuser_url, autocommit=True, **extra)
        finally:
            if saved is not None:
                os.environ["PGPASSWORD"] = saved

    def new_database(self, tag: str) -> TeamDatabase:
        return TeamDatabase(self, tag)


class TeamDatabase:
    """One database, its owner (CREATEROLE, not superuser) and test logins."""

    def __init__(self, server: TeamServer, tag: str):
        self.server, self.tag = server, tag
        self.name = f"tandem_t{tag}"
        self.prefix = f"t{tag}"
        self.owner = f"owner_{tag}"
        self.logins: list[str] = []
        with server.su() as su:
            su.execute(f'CREATE ROLE "{self.owner}" LOGIN CREATEROLE PASSWORD \'{PASSWORD}\'')
            su.execute(f'CREATE DATABASE "{self.name}" OWNER "{self.owner}"')

    def login(self, person: str) -> str:
        """The login of ``person`` (created on first use)."""
        name = f"{person}_{self.tag}"
        if name not in self.logins:
            with self.server.su() as su:
                su.execute(f'CREATE ROLE "{name}" LOGIN PASSWORD \'{PASSWORD}\'')
            self.logins.append(name)
        return name

    def url(self, login: str) -> str:
        return f"postgresql://{login}@{self.server.host}:{self.server.port}/{self.name}"

    @contextmanager
    def password(self):
        previous = os.environ.get("PGPASSWORD")
        os.environ["PGPASSWORD"] = PASSWORD
        try:
            yield
        finally:
            if previous is None:
                os.environ.pop("PGPASSWORD", None)
            else:
                os.environ["PGPASSWORD"] = previous

    def init(self, admin: str = "alice"):
        """`tandem team init` as the owner; ``admin`` (a person) becomes the admin."""
        admin_login = self.login(admin)
        with self.password():
            store = init_team(self.url(self.owner), admin_login, prefix=self.prefix)
        store.close()

    def connect(self, person: str) -> psycopg.Connection:
        """A raw connection as ``person`` (a psql user with their own login)."""
        url = self.url(self.login(person))
        with self.password():
            conn = psycopg.connect(url, autocommit=True)
        conn.execute("SET search_path TO tandem")
        return conn

    def drop(self) -> None:
        with self.server.su() as su:
            su.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            roles = [r[0] for r in su.execute(
                "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)"
                " OR rolname = ANY(%s) ORDER BY rolname DESC",
                (f"{self.prefix}_", [self.owner, *self.logins]))]
            for role in roles:
                su.execute(f'DROP ROLE IF EXISTS "{role}"')


class Desk:
    """People at one store, each through their own session: `desk("bob")`.

    The same helper drives a SQLite file (people named by TANDEM_USER) and a team
    store (people are logins), so the contract tests read the same on both.
    """

    def __init__(self, backend: str, tmp_path: Path, team: TeamDatabase | None = None,
                 policy: Policy | None = None):
        self.backend = backend
        self.team = team
        self.db = str(tmp_path / "desk.sqlite3") if team is None else None
        self.policy = policy if policy is not None else Policy()
        self._sessions: dict[str, Session] = {}
        if team is not None:
            team.init("alice")
        self("alice")  # the admin (first opener of a SQLite store; team init's admin)

    def name(self, person: str) -> str:
        """The user name ``person`` has in the record."""
        return person if self.team is None else self.team.login(person)

    def __call__(self, person: str) -> Session:
        if person not in self._sessions:
            if self.team is None:
                previous = os.environ.get("TANDEM_USER")
                os.environ["TANDEM_USER"] = person
                try:
                    session = open_session(self.db, policy=self.policy)
                finally:
                    if previous is None:
                        os.environ.pop("TANDEM_USER", None)
                    else:
                        os.environ["TANDEM_USER"] = previous
            else:
                url = self.team.url(self.name(person))
                with self.team.password():
                    session = open_session(url, policy=self.policy)
            session.review.qa = lambda en, fr: []
            self._sessions[person] = session
        return self._sessions[person]

    def grant(self, **roles: str | list[str]) -> None:
        for person, names in roles.items():
            for role in [names] if isinstance(names, str) else names:
                self("alice").roles.grant(self.name(person), role)

    def machine(self, post_id: int, lang: Lang, text: str, person: str = "alice") -> Version:
        return self(person).posts.edit(post_id, lang, text, origin=Origin.MACHINE,
                                       spans=(Span(0, len(text), Origin.MACHINE,
                                                   {"model": "test-en-fr", "version": "1"}),))

    def close(self) -> None:
        for session in self._sessions.values():
            session.close()
