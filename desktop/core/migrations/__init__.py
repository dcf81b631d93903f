"""Ordered schema migrations. Each module has VERSION, DESCRIPTION and apply(db).

Append new modules to MIGRATIONS; never edit one that has shipped. The store
backs the file up before applying any migration to an existing database.
"""

from . import m0001_foundation, m0002_review, m0003_translation, m0004_publishing, m0005_outbox, m0006_dictionary, \
    m0007_media_threads, m0008_term_status, m0009_signing_keys, m0010_trust, m0011_tm_metadata, m0012_post_shelf, \
    m0013_term_exchange

MIGRATIONS = [m0001_foundation, m0002_review, m0003_translation, m0004_publishing,
              m0005_outbox, m0006_dictionary, m0007_media_threads, m0008_term_status,
              m0009_signing_keys, m0010_trust, m0011_tm_metadata, m0012_post_shelf,
              m0013_term_exchange]
