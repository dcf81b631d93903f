"""Ordered PostgreSQL schema migrations (team mode). Each module has VERSION, DESCRIPTION, SQL.

Numbered on their own (the SQLite migrations are `desktop.core.migrations`). Each
is applied in its own transaction by `desktop.core.pg.store.PgStore`, which
records it in ``schema_migrations``; a store whose newest migration is above
the last one here was written by a newer Tandem and is refused. Append new
modules; never edit one that has shipped.
"""

from . import m0001_schema, m0002_rules, m0003_notify, m0004_media_dictionary, m0005_term_status, \
    m0006_signing_keys, m0007_trust, m0008_search, m0009_tm_metadata, m0010_post_shelf, \
    m0011_term_exchange, m0012_post_search, m0013_post_terms, m0014_listed_posts, \
    m0015_term_bits

MIGRATIONS = [m0001_schema, m0002_rules, m0003_notify, m0004_media_dictionary, m0005_term_status,
              m0006_signing_keys, m0007_trust, m0008_search, m0009_tm_metadata, m0010_post_shelf,
              m0011_term_exchange, m0012_post_search, m0013_post_terms,
              m0014_listed_posts, m0015_term_bits]
