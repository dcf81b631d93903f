"""Search reads a narrow table of its own (``post_search``), kept current by a trigger.

Measured at 100 000 posts (bench/team_search.py, EXPLAIN ANALYZE): a GIN
bitmap scan visits the heap row of every post it matches, and ``posts`` rows
carried the texts and their vector (about 1.6 kB, 16 000 pages), so a search
matching a quarter of the posts read most of that table; for a frequent word
the planner preferred a sequential scan testing the vector of every row
(0.55 s to count "servi"). ``post_search`` holds per post only what a search
list reads: id, state, updated_at, and the unaccented words as written,
without positions (``strip``: nothing searches phrases or ranks), about
0.6 kB a row. It has its own GIN index and an ``updated_at`` index, so a
search page is one table either way: newest first through that index with
the match as a filter when many posts match, or the GIN bitmap and a top-N
sort when few do. ``count_matches`` counts through the GIN index only (its
``enable_seqscan = off`` holds inside it alone).

A trigger on ``posts`` keeps the table current (SECURITY DEFINER: members may
read ``post_search`` but nobody except the owner writes it); the vector is
recomputed only when the title or a text changes. ``posts.search`` and its
index are dropped and ``posts`` is rewritten (CLUSTER on its key, the order
rows already have) so the space they held comes back. Neither table is
scanned by parallel workers: at a desk's sizes starting them costs more than
they save (a page of "accessible": 78 ms with two workers, 6 ms without).
"""

VERSION = 12
DESCRIPTION = "post_search: a narrow search table kept by trigger; posts.search dropped"

SQL = r"""
CREATE TABLE post_search (
    id BIGINT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    words TSVECTOR NOT NULL
) WITH (parallel_workers = 0);

CREATE FUNCTION post_words(title TEXT, en_text TEXT, fr_text TEXT) RETURNS TSVECTOR
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = tandem, pg_temp
    AS $$ SELECT strip(to_tsvector('tandem.tandem_simple'::regconfig,
                                   title || ' ' || en_text || ' ' || fr_text)) $$;

INSERT INTO post_search (id, state, updated_at, words)
    SELECT id, state, updated_at, post_words(title, en_text, fr_text) FROM posts;
CREATE INDEX post_search_words ON post_search USING gin (words);
CREATE INDEX post_search_updated_at ON post_search (updated_at DESC, id DESC);

CREATE FUNCTION keep_post_search() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' OR (NEW.title, NEW.en_text, NEW.fr_text)
            IS DISTINCT FROM (OLD.title, OLD.en_text, OLD.fr_text) THEN
        INSERT INTO post_search (id, state, updated_at, words)
            VALUES (NEW.id, NEW.state, NEW.updated_at,
                    post_words(NEW.title, NEW.en_text, NEW.fr_text))
            ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state,
                updated_at = EXCLUDED.updated_at, words = EXCLUDED.words;
    ELSIF (NEW.state, NEW.updated_at) IS DISTINCT FROM (OLD.state, OLD.updated_at) THEN
        UPDATE post_search SET state = NEW.state, updated_at = NEW.updated_at
            WHERE id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION keep_post_search() FROM PUBLIC;
CREATE TRIGGER posts_keep_search AFTER INSERT OR UPDATE ON posts
    FOR EACH ROW EXECUTE FUNCTION keep_post_search();

-- The number of listed posts (not archived or deleted; in one state, if given) matching
-- `query`, found through the GIN index alone.
CREATE FUNCTION count_matches(query TSQUERY, in_state TEXT) RETURNS BIGINT
    LANGUAGE sql STABLE SET search_path = tandem, pg_temp SET enable_seqscan = off AS $$
    SELECT count(*) FROM post_search k
     WHERE k.words @@ query AND (in_state IS NULL OR k.state = in_state)
       AND k.id NOT IN (SELECT post_id FROM post_shelf)
$$;

DROP INDEX posts_search;
ALTER TABLE posts DROP COLUMN search;
ALTER TABLE posts SET (parallel_workers = 0);
CLUSTER posts USING posts_pkey;

DO $$
BEGIN
    IF tandem.setting('role_prefix') IS NOT NULL THEN  -- a store `team init` has set up
        EXECUTE format('GRANT SELECT ON tandem.post_search TO %I',
                       tandem.setting('role_prefix') || '_member');
    END IF;
END $$;
"""
