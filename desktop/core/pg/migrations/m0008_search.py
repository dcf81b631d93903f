"""Search on one narrower vector: unaccented words as written, matched by prefix and by stem.

Migration 1 stored three vectors per post (unaccented simple, English and
French stemmed), which tripled the posts' width and made every search visit
more heap pages than the post list at 100 000 posts could afford
(bench/team_search.py). Now the stored vector holds the unaccented words as
written (``tandem_simple``) and the English and French configurations work
on the query side: each word typed is looked for as a prefix, and so are its
English and French stems (a stem is a prefix of the words it comes from, so
"vaccination" also finds "vaccins"). Everything the SQLite store finds (an
unaccented prefix match) is still found.
"""

VERSION = 8
DESCRIPTION = "posts.search: one unaccented vector; stems applied to the query"

SQL = r"""
ALTER TABLE posts DROP COLUMN search;
ALTER TABLE posts ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    to_tsvector('tandem.tandem_simple'::regconfig, title || ' ' || en_text || ' ' || fr_text))
    STORED;
CREATE INDEX posts_search ON posts USING gin (search);
"""
