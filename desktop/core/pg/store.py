"""The PostgreSQL store (team mode): the same repository protocol as `SqliteStore`.

`PgStore` reuses the capability mixins (`store_review`, `store_publishing`,
`store_translation`) and their SQL through `_query`/`_execute`/`transaction`.
The posts, versions, working-draft, metadata and audit-append methods are
`SqliteStore`'s own functions, borrowed unchanged (`_borrow_shared_sql`). `pg_sql` is the small, explicit dialect layer
between that SQL and PostgreSQL: ``?`` placeholders become ``%s``, ``INSERT OR
IGNORE`` becomes ``ON CONFLICT DO NOTHING``, ``IS ?`` becomes ``IS NOT
DISTINCT FROM``, and an INSERT into a table with an ``id`` returns it (for
``cursor.lastrowid``). What differs more than that is written here: listing
and search (text-search vectors instead of FTS5), the audit log's order, the
official-pairs query (greatest/least), and roles, which in team mode are
PostgreSQL group roles granted through the server's ``grant_role`` function.
Write transactions are serialised by one advisory lock (`PgStore.transaction`),
which keeps the services' check-then-write logic as sound as on SQLite.

The acting user is the login (``session_user``), never an environment
variable; the server checks it on every row it writes (migration m0002).
Everything lives in the ``tandem`` schema. One re-entrant lock serialises use
of the single connection, as in `SqliteStore`.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache

from ..errors import PermissionDenied, StoreError, StoreTooNew
from ..model import AuditEntry, Post, PostState
from ..store import SqliteStore
from ..store_dictionary import DictionaryRecords
from ..store_media import MediaRecords, UploadRecords
from ..store_publishing import PublishingRecords
from ..store_review import ReviewRecords
from ..store_lifecycle import ShelfRecords
from ..store_signing import SigningKeyRecords
from ..store_translation import _OFFICIAL_PAIRS, TranslationRecords
from . import connect as pg_connect
from .migrations import MIGRATIONS
from .notify import ChangeFeed

SCHEMA = "tandem"
SCHEMA_VERSION = MIGRATIONS[-1].VERSION
#: Advisory lock key held while migrating, so two openers never migrate at once.
MIGRATE_LOCK = 0x7A4E_D000
#: Advisory lock key every write transaction holds (see `PgStore.transaction`).
WRITE_LOCK = 0x7A4E_D002
#: First key of the two-key advisory locks behind `PgStore.claim_post` (the post id is the
#: second), a key space apart from the single-key locks above.
CLAIM_SPACE = 0x7A4E
#: Tables whose rows have an ``id`` identity column.
_ID_TABLES = frozenset({
    "posts", "versions", "approval_chains", "state_changes", "signoffs", "approval_rounds",
    "approvals", "approval_step_events", "tm_units", "terms", "mappings", "accounts",
    "publications", "outbox", "schedules", "dictionary_words", "media_states",
    "signing_keys",
})
_PLAIN_ROLES = ("author", "translator", "publisher", "admin")


class UniqueViolation(sqlite3.IntegrityError):
    """A unique constraint refused a row: raised as the DB-API IntegrityError the shared
    mixins catch (they treat it as "decided in another window a moment ago")."""


@lru_cache(maxsize=512)
def pg_sql(sql: str) -> str:
    """The mixins' SQLite-flavoured SQL, in PostgreSQL's dialect (see the module docstring)."""
    sql = sql.replace("%", "%%")
    if re.match(r"\s*INSERT OR IGNORE INTO", sql):
        sql = sql.replace("INSERT OR IGNORE INTO", "INSERT INTO", 1) + " ON CONFLICT DO NOTHING"
    sql = sql.replace(" IS ?", " IS NOT DISTINCT FROM ?")
    insert = re.match(r"\s*INSERT INTO (\w+)", sql)
    if insert and insert.group(1) in _ID_TABLES and " RETURNING " not in sql:
        sql += " RETURNING id"
    return sql.replace("?", "%s")


class _Result:
    """What `_execute` returns: the DB-API bits the mixins read."""

    def __init__(self, lastrowid: int | None, rowcount: int):
        self.lastrowid = lastrowid
        self.rowcount = rowcount


def tandem_role(role: str) -> str:
    """Tandem's role name as the group role's suffix: approver:program → approver_program."""
    return role.replace(":", "_", 1) if role.startswith("approver:") else role


def role_from_group(suffix: str) -> str:
    return "approver:" + suffix[len("approver_"):] if suffix.startswith("approver_") else suffix


def search_words(search: str) -> list[str]:
    """Each word typed, as a tsquery text of its letter runs (all must appear, as prefixes).

    Underscores separate runs too, as in SQLite's tokenizer: the server's parser
    would otherwise make a phrase of them, which the position-free vectors of
    ``post_search`` cannot match."""
    words = []
    for word in search.split():
        tokens = re.findall(r"[^\W_]+", word)
        if tokens:
            words.append(" & ".join(f"{t.lower()}:*" for t in tokens))
    return words


#: Each typed word read by the server three ways: unaccented as written, English and French stem.
_WORD_READINGS = (
    "SELECT to_tsquery('tandem_simple', w)::text AS simple, to_tsquery('tandem_en', w)::text AS en,"
    " to_tsquery('tandem_fr', w)::text AS fr FROM unnest(?::text[]) WITH ORDINALITY AS t(w, n)"
    " ORDER BY n")
#: A reading that is one prefix: ``'serv':*``.
_ONE_PREFIX = re.compile(r"'((?:[^']|'')*)':\*")
#: A quoted lexeme (kept) or a phrase operator (read as AND: the vectors hold no positions).
_LEXEME_OR_PHRASE = re.compile(r"'(?:[^']|'')*'|<(?:-|\d+)>")


def combined_tsquery(readings: list[list[str]]) -> str | None:
    """One tsquery text for the whole search: each word matches if any of its readings does
    (``readings``: per word, the texts of its tsqueries; '' for a reading of stop words
    only), and every word must match. None when some word has no reading (nothing matches).

    Readings that add nothing are left out, since each costs a read of the bitmaps: a
    repeated one, and a prefix that another prefix reading already covers ("servi" as
    written and its English stem ``servi:*`` are inside its French stem ``serv:*``)."""
    words = []
    for texts in readings:
        kept = list(dict.fromkeys(
            _LEXEME_OR_PHRASE.sub(lambda m: m[0] if m[0].startswith("'") else "&", text)
            for text in texts if text))
        prefixes = {text: m[1] for text in kept if (m := _ONE_PREFIX.fullmatch(text))}
        kept = [text for text in kept if text not in prefixes or not any(
            other != text and prefixes[text].startswith(prefix)
            for other, prefix in prefixes.items())]
        if not kept:
            return None
        words.append(" | ".join(f"( {text} )" for text in kept))
    return " & ".join(f"( {word} )" for word in words)


#: A token of a combined tsquery: a quoted lexeme (a prefix when ``:*`` follows), ( ) & or |.
_QUERY_TOKEN = re.compile(r"\s*(?:'((?:[^']|'')*)'(:\*)?|([()&|]))")

#: How many posts the list has (in the state given twice as its parameters, or all when
#: None): the all-time counts of ``post_list_counts`` (migration 14).
_LISTED = ("(SELECT coalesce(sum(listed), 0)::bigint FROM post_list_counts"
           " WHERE level = 0 AND (?::text IS NULL OR state = ?))")


def matches_query(query: str) -> tuple[str, list[str]]:
    """The listed posts matching the tsquery text ``query`` (`combined_tsquery`: lexemes,
    ``&``, ``|``, parentheses) as SQL giving one row (block, bits) per block of 1,024
    post ids that holds any, from the bitmaps of ``post_term_bits`` (migration 15), with
    its parameters. A prefix is a range of the byte-ordered key, its words' bitmaps
    ORed; an OR ORs, an AND ANDs the blocks all its operands have."""
    tokens = []
    pos = 0
    while pos < len(query.rstrip()):
        m = _QUERY_TOKEN.match(query, pos)
        if not m:
            raise ValueError(f"not a combined tsquery: {query!r}")
        tokens.append(m.group(3) or (m.group(1).replace("''", "'"), bool(m.group(2))))
        pos = m.end()
    params: list[str] = []

    def lexeme(term: str, prefix: bool) -> str:
        params.append(term)
        where = "term = ?"
        if prefix:
            where = "term >= ?"
            if term.rstrip("\U0010ffff"):  # (no text is above a run of U+10FFFF's)
                params.append(term)
                where = "term >= ? AND term < prefix_end(?)"  # migration 14
        return f"SELECT block, bit_or(bits) AS bits FROM post_term_bits WHERE {where} GROUP BY block"

    def parse(i: int, operator: str) -> tuple[str, int]:
        """The operands from token ``i`` joined by ``operator`` (| then &, tsquery's
        precedence), as SQL, and the index of the token after them."""
        inner = "&" if operator == "|" else None
        parts = []
        while True:
            token = tokens[i] if i < len(tokens) else None
            if inner:
                part, i = parse(i, inner)
            elif token == "(":
                part, i = parse(i + 1, "|")
                if i == len(tokens) or tokens[i] != ")":
                    raise ValueError(f"not a combined tsquery: {query!r}")
                i += 1
            elif isinstance(token, tuple):
                part, i = lexeme(*token), i + 1
            else:
                raise ValueError(f"not a combined tsquery: {query!r}")
            parts.append(part)
            if i < len(tokens) and tokens[i] == operator:
                i += 1
            else:
                break
        if len(parts) == 1:
            return parts[0], i
        both = " UNION ALL ".join(f"({part})" for part in parts)
        if operator == "|":
            return f"SELECT block, bit_or(bits) AS bits FROM ({both}) AS o GROUP BY block", i
        return (f"SELECT block, bit_and(bits) AS bits FROM ({both}) AS a GROUP BY block"
                f" HAVING count(*) = {len(parts)}"), i

    sql, end = parse(0, "|")
    if end != len(tokens):
        raise ValueError(f"not a combined tsquery: {query!r}")
    return sql, params


class PgStore(ReviewRecords, PublishingRecords, TranslationRecords, DictionaryRecords,
              MediaRecords, UploadRecords, SigningKeyRecords, ShelfRecords):
    """A Tandem store in a PostgreSQL database prepared by `tandem team init`."""

    backend = "postgresql"
    # Borrowed from `SqliteStore` when this module loads (`_borrow_shared_sql`, below);
    # declared here (annotation only, no attribute) for the type checker.
    get_post: Callable[[int], Post]
    set_post_state: Callable[[int, PostState], None]

    def __init__(self, url: str, *, allow_unverified_tls: bool = False, create: bool = False,
                 upgrade: bool = True):
        #: The URL without its password: what may be shown, logged or stored.
        self.url = pg_connect.redact(url)
        self.path = None
        self.last_backup = None
        self.created = False
        self.read_only = False
        self._lock = threading.RLock()
        self._depth = 0
        self._tsqueries: dict[str, str | None] = {}  # see _search_query
        #: (state, tsquery) → (posts counted, rows in post_search): see `list_posts`.
        self._claimed_posts: set[int] = set()
        self._dsn, self._allow_unverified_tls = url, allow_unverified_tls  # never shown
        self._closed = False
        #: The login: Tandem's acting user in team mode.
        self.login = self._connect()
        self._migrate(create, upgrade)
        self.role_prefix = self._setting("role_prefix")

    def __repr__(self) -> str:
        return f"PgStore({self.url})"

    # -- the connection ------------------------------------------------------------
    def _connect(self) -> str:
        """Open the connection (again, after a cut), the schema on its search path, and
        return its login, which must stay the one this store was opened as."""
        conn = pg_connect.connect(self._dsn, allow_unverified_tls=self._allow_unverified_tls)
        conn.execute(f"SET search_path TO {SCHEMA}, public")
        login = conn.execute("SELECT session_user").fetchone()[0]
        if login != getattr(self, "login", login):
            conn.close()
            raise StoreError(f"The team store {self.url} now signs you in as {login}, not as "
                             f"{self.login}; restart Tandem.", msg="team.login_changed",
                             url=self.url, login=login, was=self.login)
        self._conn = conn
        return login

    def _reconnect_if_lost(self) -> None:
        """Before a statement outside a transaction: if the server closed this connection
        (a restart, ``pg_terminate_backend``), open a new one. The check reads the idle
        socket (a closed one is readable), with no round trip, and nothing is ever sent
        twice: a statement that meets the cut itself fails, and the next call
        reconnects. Session advisory locks (`claim_post`) died with the old connection;
        the outbox lease still guards each publication."""
        import select

        import psycopg
        from psycopg.pq import ConnStatus

        if self._depth or self._closed:
            return
        conn = self._conn
        while not conn.broken and conn.pgconn.status == ConnStatus.OK:
            if not select.select([conn.pgconn.socket], [], [], 0)[0]:
                return  # idle and open (a notice read above is not a cut)
            try:  # the server's last words, then the end of the stream
                conn.pgconn.consume_input()
            except psycopg.OperationalError:
                break
        with suppress(psycopg.Error):
            conn.close()
        with self._errors():
            self._connect()

    # -- schema --------------------------------------------------------------------
    def _schema_exists(self) -> bool:
        row = self._query(
            "SELECT count(*) > 0 AS found, bool_or(has_schema_privilege(oid, 'USAGE')) AS usable"
            " FROM pg_namespace WHERE nspname = ?", (SCHEMA,))[0]
        exists, usable = row["found"], row["usable"]
        if exists and not usable:
            raise PermissionDenied(
                f"{self.login} holds no Tandem role in the team store {self.url}; an admin "
                "grants one (author, translator, approver:<step> or publisher).",
                msg="team.no_role", user=self.login, url=self.url)
        return exists

    def schema_version(self) -> int:
        if not self._schema_exists():
            return 0
        return self._query("SELECT coalesce(max(version), 0) AS v FROM schema_migrations")[0]["v"]

    def _migrate(self, create: bool, upgrade: bool) -> None:
        if not self._schema_exists():
            if not create:
                raise StoreError(
                    f"{self.url} holds no Tandem team store yet. The database owner creates "
                    "it.", msg="team.no_store", url=self.url)
            with self.transaction():
                self._execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
                self._execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER"
                              " PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL"
                              " DEFAULT now()::text, applied_by TEXT NOT NULL DEFAULT session_user)")
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreTooNew(
                f"{self.url} was written by a newer Tandem (schema {current}; this version "
                f"knows up to {SCHEMA_VERSION}). Upgrade Tandem; nothing was changed.",
                msg="store.too_new", path=self.url, schema=current, known=SCHEMA_VERSION)
        pending = [m for m in MIGRATIONS if current < m.VERSION] if upgrade or create else []
        if pending and not create and self._setting("owner") != self.login:
            raise StoreError(
                f"{self.url} needs a schema upgrade (schema {current} → {SCHEMA_VERSION}) that "
                f"only its owner ({self._setting('owner')}) may run.",
                msg="team.owner_upgrade", url=self.url, owner=self._setting("owner"),
                schema=current, known=SCHEMA_VERSION)
        for migration in pending:
            with self.transaction():
                self._execute("SELECT pg_advisory_xact_lock(?)", (MIGRATE_LOCK,))
                if self.schema_version() >= migration.VERSION:
                    continue  # another process applied it while we waited
                self._execute_script(migration.SQL)
                self._execute("INSERT INTO schema_migrations (version, description) VALUES (?, ?)",
                              (migration.VERSION, migration.DESCRIPTION))
            self.created = self.created or current == 0

    def _execute_script(self, sql: str) -> None:
        with self._lock, self._errors():
            self._reconnect_if_lost()
            self._conn.execute(sql.encode())  # bytes: no placeholder parsing

    def _setting(self, key: str) -> str | None:
        if not self._schema_exists():
            return None
        rows = self._query("SELECT value FROM team_settings WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._conn.close()

    @contextmanager
    def claim_post(self, post_id: int) -> Iterator[bool]:
        """Hold the post's publishing claim while the block runs (`desktop.publishing.claims`):
        yields True, or at once False when another connection or another thread of this
        store holds it. A session-level advisory lock taken without waiting, so it lasts
        across the block's transactions and network calls and dies with the connection
        (a lost connection has dropped it already: its unlock is not an error). Ids past
        2**31 wrap into the int4 key: a clash only makes a publisher skip a post until
        the other is done."""
        key = (CLAIM_SPACE, (post_id + 2**31) % 2**32 - 2**31)
        with self._lock:  # the session lock is re-entrant: threads are told apart here
            claimed = post_id not in self._claimed_posts and self._query(
                "SELECT pg_try_advisory_lock(?, ?) AS ok", key)[0]["ok"]
            if claimed:
                self._claimed_posts.add(post_id)
        try:
            yield claimed
        finally:
            if claimed:
                with self._lock, suppress(StoreError):
                    self._claimed_posts.discard(post_id)
                    self._query("SELECT pg_advisory_unlock(?, ?) AS ok", key)

    def vacuum_analyze(self) -> None:
        """VACUUM (ANALYZE) the store's tables (after a bulk load such as `store copy`, so
        the planner has statistics and index-only scans work before autovacuum runs)."""
        with self._lock, self._errors():
            self._conn.execute("VACUUM (ANALYZE)")

    def server_facts(self) -> dict:
        """What `tandem doctor` reports: server, TLS, schema versions, the login's roles."""
        pgconn = self._conn.pgconn
        tls = bool(pgconn.ssl_in_use)
        gss = self._query("SELECT encrypted FROM pg_stat_gssapi WHERE pid = pg_backend_pid()")
        return {
            "url": self.url, "host": self._conn.info.host or "(Unix socket)",
            "server_version": self._conn.info.parameter_status("server_version"),
            "tls": tls, "gss_encrypted": bool(gss and gss[0]["encrypted"]),
            "tls_protocol": (pgconn.ssl_attribute(b"protocol") or b"").decode() if tls else None,
            "sslmode": next((o.val or b"").decode() for o in pgconn.info if o.keyword == b"sslmode"),
            "schema": self.schema_version(), "known_schema": SCHEMA_VERSION,
            "login": self.login,
            "roles": sorted(g["role"] for g in self.role_grants() if g["user"] == self.login),
        }

    def changes(self) -> ChangeFeed:
        """A feed of every committed change, from any workstation (its own connection;
        close it when done). See `desktop.core.pg.notify`."""
        return ChangeFeed(self._dsn, allow_unverified_tls=self._allow_unverified_tls)

    # -- transactions and statements ------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Atomic unit of work; nests (inner blocks join the outer one).

        Tandem's write transactions take one advisory lock first, so they run one at a
        time as SQLite's ``BEGIN IMMEDIATE`` makes them: the services check a post's
        state and then write, and under READ COMMITTED two workstations could both
        pass the check. One lock (held for milliseconds: no network call happens
        inside a transaction) also means writers never deadlock on each other.
        Reads outside transactions never wait for it.
        """
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._reconnect_if_lost()
            self._depth = 1
            try:
                with self._errors(), self._conn.transaction():
                    self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                    yield
            finally:
                self._depth = 0

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Server errors as Tandem errors (unique clashes stay DB-API IntegrityErrors)."""
        import psycopg
        from psycopg import errors

        try:
            yield
        except errors.UniqueViolation as exc:
            raise UniqueViolation(exc.diag.message_primary or str(exc)) from None
        except (errors.InsufficientPrivilege, errors.RaiseException) as exc:
            raise PermissionDenied(f"The team server refused: {exc.diag.message_primary}.",
                                   msg="team.refused",
                                   error=str(exc.diag.message_primary)) from None
        except psycopg.OperationalError as exc:
            reached = pg_connect.redact_text(str(exc)).strip()
            raise StoreError(f"The team store {self.url} cannot be reached: {reached}",
                             msg="team.unreachable", url=self.url, error=reached) from None
        except psycopg.Error as exc:
            raise StoreError(f"The team store {self.url} refused the change: "
                             f"{exc.diag.message_primary or exc}", msg="team.refused_change",
                             url=self.url, error=str(exc.diag.message_primary or exc)) from None

    def _query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """Rows as dicts (a statement run a few times is prepared, as psycopg does)."""
        from psycopg.rows import dict_row

        with self._lock, self._errors():
            self._reconnect_if_lost()
            cursor = self._conn.cursor(row_factory=dict_row)
            cursor.execute(pg_sql(sql), params)
            return cursor.fetchall() if cursor.description else []

    def _execute(self, sql: str, params: tuple | dict = ()) -> _Result:
        with self._lock, self._errors():
            self._reconnect_if_lost()
            cursor = self._conn.execute(pg_sql(sql), params)
            row = cursor.fetchone() if cursor.description else None
            return _Result(row[0] if row else None, cursor.rowcount)

    # -- posts: listing and search ------------------------------------------------------
    def list_posts(self, state: PostState | None = None, search: str | None = None,
                   limit: int = 200, offset: int = 0) -> list[dict]:
        """As `SqliteStore.list_posts`: the page's ids first, then only those rows with their
        text (reading the text of every skipped row made deep pages 25× slower).

        The ids are of listed posts only (``post_search``, migration 14). Without a search,
        ``list_page`` finds them from the counts kept per stretch of time, walking the
        ``updated_at`` index only within the second the page starts in.

        A search takes the bitmaps of its matches (`matches_query`, migration 15) and, in
        the same statement, either walks the ``updated_at`` index (or the state's) newest
        first testing each id against them, index only, which fills a page after a few
        hundred entries when many posts match, or, when fewer match than that walk would
        read, takes their ids out of the bitmaps and sorts them."""
        return self._page(state, search, limit, offset)

    def first_page(self, state: PostState | None = None, search: str | None = None,
                   limit: int = 200) -> tuple[int, list[dict]]:
        """`count_posts` and the first page of `list_posts` in one statement, a search's
        matches taken from the bitmaps once for both. The first page of a list that has
        posts is never empty, so the count comes with its rows."""
        if limit <= 0:
            return self.count_posts(state, search), []
        rows = self._page(state, search, limit, 0, counted=True)
        matched = rows[0]["matched"] if rows else 0
        for row in rows:
            del row["matched"]
        return int(matched), rows

    def _page(self, state: PostState | None, search: str | None, limit: int, offset: int,
              counted: bool = False) -> list[dict]:
        """The rows of `list_posts`; with ``counted``, each also says how many posts the
        list has (``matched``)."""
        columns = ("p.id, p.title, p.state, p.updated_at, substr(p.en_text, 1, 200) AS en_text,"
                   " substr(p.fr_text, 1, 200) AS fr_text")
        query = self._search_query(search)
        if query is None:
            return []
        state_value = PostState(state).value if state else None
        if not query:
            return self._query(
                f"SELECT {columns}{f', {_LISTED} AS matched' if counted else ''}"
                " FROM list_page(?, ?, ?) WITH ORDINALITY AS w (id, n)"
                " JOIN posts p ON p.id = w.id ORDER BY w.n",
                (*((state_value, state_value) if counted else ()), state_value, limit, offset))
        matches, params = self._matches(state, query)
        in_state = "k.state = ? AND " if state else ""
        page = "ORDER BY k.updated_at DESC, k.id DESC LIMIT ? OFFSET ?"
        return self._query(
            f"WITH r AS MATERIALIZED ({matches}),"
            " n AS (SELECT coalesce(sum(bit_count(bits)), 0) AS n FROM r),"
            f" t AS (SELECT {_LISTED} AS t)"
            f" SELECT {columns}{', (SELECT n FROM n) AS matched' if counted else ''}"
            " FROM unnest((SELECT CASE"
            "  WHEN n.n = 0 THEN '{}'::bigint[]"
            "  WHEN n.n * n.n >= (? + ?) * t.t THEN ARRAY("
            f"   SELECT k.id FROM post_search k WHERE {in_state}get_bit((SELECT"
            # the matches as one bit string, bit i for post i, up to the newest post
            "     bit_cat(coalesce(r.bits, B'0'::bit(1024)) ORDER BY g.block)"
            "     FROM generate_series(0, (SELECT max(id) FROM post_search) / 1024) AS g (block)"
            f"    LEFT JOIN r ON r.block = g.block), k.id::int) = 1 {page})"
            "  ELSE ARRAY("
            "   SELECT k.id FROM post_search k WHERE k.id IN (SELECT r.block * 1024 + i"
            f"    FROM r, generate_series(0, 1023) AS i WHERE get_bit(r.bits, i) = 1) {page})"
            " END FROM n, t)) WITH ORDINALITY AS w (id, o) JOIN posts p ON p.id = w.id"
            " ORDER BY w.o",
            (*params, state_value, state_value, offset, limit,
             *([state_value] if state else []), limit, offset, limit, offset))

    def count_posts(self, state: PostState | None = None, search: str | None = None) -> int:
        query = self._search_query(search)
        if query is None:
            return 0
        if not query:  # kept per state by a trigger (migration 14)
            return self._query(
                f"SELECT {_LISTED} AS n", (PostState(state).value if state else None,) * 2)[0]["n"]
        matches, params = self._matches(state, query)
        return self._query(f"SELECT coalesce(sum(bit_count(bits)), 0)::bigint AS n"
                           f" FROM ({matches}) AS r", tuple(params))[0]["n"]

    @staticmethod
    def _matches(state: PostState | None, query: str) -> tuple[str, list]:
        """`matches_query` for ``query``, within ``state`` (its bitmaps ANDed) if given."""
        matches, params = matches_query(query)
        if state is None:
            return matches, params
        return (f"SELECT r.block, r.bits & s.bits AS bits FROM ({matches}) AS r"
                " JOIN post_state_bits s ON s.block = r.block AND s.state = ?",
                [*params, PostState(state).value])

    def _search_query(self, search: str | None) -> str | None:
        """The search as one tsquery text (`combined_tsquery`), '' for no search, or None
        when it cannot match. Remembered per text: the list asks for the count
        and then the page of the same search."""
        words = search_words(search or "")
        if not words:
            return ""
        key = " ".join(words)
        if key not in self._tsqueries:
            rows = self._query(_WORD_READINGS, (words,))
            if len(self._tsqueries) >= 64:
                self._tsqueries.clear()
            self._tsqueries[key] = combined_tsquery(
                [[r["simple"], r["en"], r["fr"]] for r in rows])
        return self._tsqueries[key]

    # -- audit log ---------------------------------------------------------------------------
    def audit_entries(self, post_id: int | None = None) -> list[AuditEntry]:
        sql = "SELECT * FROM audit"
        params: tuple[int, ...] = ()
        if post_id is not None:
            sql, params = sql + " WHERE post_id = ?", (post_id,)
        entries = []
        for r in self._query(sql + " ORDER BY seq", params):
            try:
                details = json.loads(r["details"])
            except (TypeError, ValueError):
                details = {"unreadable": r["details"]}
            entries.append(AuditEntry(r["seq"], r["at"], r["actor"], r["action"], r["post_id"],
                                      details, r["prev_hash"], r["hash"]))
        return entries

    # -- translation ------------------------------------------------------------------------
    def official_pairs(self) -> list[dict]:
        return self._query(_official_pairs_sql())

    # -- roles: PostgreSQL group roles ---------------------------------------------------
    def role_grants(self) -> list[dict]:
        """Direct memberships of logins in this store's group roles (``<prefix>_<role>``)."""
        prefix = f"{self.role_prefix}_"
        rows = self._query(
            "SELECT u.rolname AS member, substr(g.rolname, ?) AS suffix,"
            " coalesce(gr.rolname, '') AS granted_by FROM pg_auth_members m"
            " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
            " LEFT JOIN pg_roles gr ON gr.oid = m.grantor"
            " WHERE u.rolcanlogin AND starts_with(g.rolname, ?)",
            (len(prefix) + 1, prefix))
        grants = [{"user": r["member"], "role": role_from_group(r["suffix"]),
                   "granted_by": r["granted_by"], "granted_at": None} for r in rows
                  if r["suffix"] in _PLAIN_ROLES or r["suffix"].startswith("approver_")]
        return sorted(grants, key=lambda g: (g["user"], g["role"]))

    def add_role(self, user: str, role: str, granted_by: str) -> None:
        with self.transaction():
            self._execute("SELECT grant_role(?, ?)", (user, tandem_role(role)))

    def remove_role(self, user: str, role: str) -> None:
        with self.transaction():
            self._execute("SELECT revoke_role(?, ?)", (user, tandem_role(role)))

    def logins(self) -> list[str]:
        """Every login that holds one of this store's roles."""
        return sorted({g["user"] for g in self.role_grants()})


@lru_cache(maxsize=1)
def _official_pairs_sql() -> str:
    """`store_translation`'s official-pairs query with SQLite's two-argument max/min
    spelt greatest/least (checked, so a change there fails loudly here)."""
    sql = _OFFICIAL_PAIRS
    for sqlite, pg in (("max(e.since, f.since)", "greatest(e.since, f.since)"),
                       ("min(coalesce(e.until, '9999'), coalesce(f.until, '9999'))",
                        "least(coalesce(e.until, '9999'), coalesce(f.until, '9999'))")):
        if sqlite not in sql:
            raise AssertionError(f"official pairs query changed: {sqlite!r} not found")
        sql = sql.replace(sqlite, pg)
    return sql


#: `SqliteStore` methods that speak SQLite itself (its file, pragmas, FTS5, rowids).
_SQLITE_ONLY = frozenset({"_connect", "_migrate", "_write_error", "_fts_query"})


def _borrow_shared_sql() -> None:
    """Every other `SqliteStore` method (posts, versions, working drafts, metadata, the audit
    append…) is plain SQL through ``_query``/``_execute``/``transaction``: `PgStore` uses the
    same functions, through `pg_sql`, unless it defines its own."""
    for name, member in vars(SqliteStore).items():
        if name.startswith("__") or name in _SQLITE_ONLY or name in vars(PgStore):
            continue
        if callable(member) or isinstance(member, staticmethod):
            setattr(PgStore, name, member)


_borrow_shared_sql()
