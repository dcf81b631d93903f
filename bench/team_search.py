#!/usr/bin/env python3
"""The post list and two-language search at 100 000 posts: PostgreSQL team store ÷ SQLite.

    eval "$(scripts/postgres.sh env)"   # scripts/postgres.sh start first
    .venv/bin/python bench/team_search.py [--posts 100000] [--repeat 15] [--write]

The SQLite store is bench/post_list.py's (cached in .cache/bench/); a fresh
team store is made with `team init` and filled from it with `store copy`
(timed too), then VACUUM (ANALYZE)d as `tandem store copy` does. Both are read
through `PostService` as the list model reads them (`first_page` for the first
screen and a search, `list` for later pages), by a session opened the ordinary
way (the PostgreSQL one as a non-owner login over TCP on 127.0.0.1). Baseline:
the SQLite store, same data, same queries, same run, their runs alternating.
Goal: PostgreSQL at most 1.5× SQLite.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERIES = ["accessible", "numérique", "numerique", "GC Notify", "servi", "zzzznotfound"]


def timed_pair(base, ours, repeat: int) -> tuple[float, float]:
    """Median ms of each, their runs alternating (after one warm-up run each), so a change
    in the load of a shared machine falls on both sides of the ratio alike."""
    base(), ours()
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, times in ((base, samples[0]), (ours, samples[1])):
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples[0]), statistics.median(samples[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the team database (to inspect)")
    args = parser.parse_args(argv)
    url = os.environ.get("TANDEM_TEST_PG_URL")
    if not url:
        sys.exit("TANDEM_TEST_PG_URL is not set: scripts/postgres.sh start && "
                 "eval \"$(scripts/postgres.sh env)\"")
    import post_list
    from startup import machine, write_section

    from desktop.app.session import open_session
    from desktop.core.pg.copy import copy_store
    from desktop.core.pg.store import PgStore
    from desktop.core.policy import Policy
    from desktop.core.store import SqliteStore
    from tests.pg.team_desk import PASSWORD, TeamServer

    work = Path(tempfile.mkdtemp(prefix="tandem-team-search-"))
    os.environ.update(TANDEM_POLICY=str(work / "no-policy.toml"),
                      XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"))
    post_list.CACHE.mkdir(parents=True, exist_ok=True)
    cached = post_list.CACHE / f"posts-{args.posts}.sqlite3"
    if not cached.exists():
        print(f"built {args.posts:,} posts in {post_list.build(cached, args.posts):.1f} s")
    db = work / "store.sqlite3"
    shutil.copy(cached, db)

    team = TeamServer(url).new_database(secrets.token_hex(4))
    try:
        team.init("reader")
        os.environ["PGPASSWORD"] = PASSWORD
        source, target = SqliteStore(db), PgStore(team.url(team.owner))
        started = time.perf_counter()
        copied = copy_store(source, target)["copied"]["posts"]
        copy_seconds = time.perf_counter() - started
        target.vacuum_analyze()  # as `tandem store copy` does
        sizes = target._query(  # tables with their indexes and TOAST, in MB
            "SELECT sum(pg_total_relation_size(c.oid)) / 1048576.0 AS store,"
            " coalesce(sum(pg_total_relation_size(c.oid)) FILTER ("
            "  WHERE c.relname IN ('post_search', 'post_terms', 'post_term_bits', 'post_state_bits',"
            "  'post_list_counts')), 0) / 1048576.0 AS search"
            " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'tandem' AND c.relkind = 'r'")[0]
        source.close()
        target.close()
        lite = open_session(db, policy=Policy())
        pg = open_session(team.url(team.login("reader")), policy=Policy())
        total = lite.posts.count()
        assert pg.posts.count() == total == copied
        cases = [("list: first screen (count + 200 rows)",
                  lambda p: p.first_page(limit=200)),
                 ("list: next page, as scrolling asks (offset 200)",
                  lambda p: p.list(limit=200, offset=200)),
                 (f"list: page at offset {total // 2:,}",
                  lambda p: p.list(limit=200, offset=total // 2)),
                 (f"list: last page (offset {total - 200:,})",
                  lambda p: p.list(limit=200, offset=total - 200))]
        for query in QUERIES:
            lite_hits, pg_hits = lite.posts.count(search=query), pg.posts.count(search=query)
            # the team store finds everything the SQLite store finds (stemming may add more)
            lite_ids = {r["id"] for r in lite.posts.list(search=query, limit=total)}
            pg_ids = {r["id"] for r in pg.posts.list(search=query, limit=total)}
            assert lite_ids <= pg_ids, (query, len(lite_ids - pg_ids))
            cases.append((f"search “{query}” (SQLite {lite_hits:,}, PostgreSQL {pg_hits:,} posts)",
                          lambda p, q=query: p.first_page(search=q, limit=200)))
        rows = [(name, *timed_pair(lambda r=run: r(lite.posts), lambda r=run: r(pg.posts),
                                   args.repeat)) for name, run in cases]
        lite.close()
        pg.close()
    finally:
        os.environ.pop("PGPASSWORD", None)
        if not args.keep:
            team.drop()
        shutil.rmtree(work, ignore_errors=True)

    table = ["| operation | SQLite median ms (baseline) | PostgreSQL median ms | PostgreSQL ÷ SQLite |",
             "|---|---:|---:|---:|"]
    table += [f"| {name} | {base:.2f} | {ours:.2f} | {ours / base:.2f}× |"
              for name, base, ours in rows]
    text = "\n".join(table)
    print(text)
    print(f"store copy of {copied:,} posts (with versions and audit): {copy_seconds:.1f} s")
    print(f"team store tables with indexes: {sizes['store']:.0f} MB, of which the list and"
          f" search tables: {sizes['search']:.0f} MB")
    if args.write:
        write_section("Team store: post list and search (PostgreSQL ÷ SQLite)", f"""
Command: `.venv/bin/python bench/team_search.py --write` ({machine()}), PostgreSQL on \
127.0.0.1 from scripts/postgres.sh. {total:,} posts (bench/post_list.py's store) copied into \
a fresh team store with `store copy` in {copy_seconds:.0f} s, then VACUUM (ANALYZE) as \
`store copy` does; its tables with their indexes: {sizes['store']:.0f} MB, of which the list \
and search tables (post_search, post_terms, post_term_bits, post_state_bits, post_list_counts) \
{sizes['search']:.0f} MB. Both read through \
`PostService` (the PostgreSQL session as a non-owner login over TCP); medians of {args.repeat} \
runs, SQLite and PostgreSQL runs alternating. Every post the SQLite store finds, the team \
store finds too (checked per query). Goal: at most 1.5×.

{text}
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
