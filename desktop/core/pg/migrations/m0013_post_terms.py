"""A search counts its matches from a btree of (word, post) pairs, ``post_terms``.

Measured at 100 000 posts (bench/team_search.py, EXPLAIN (ANALYZE, BUFFERS)):
counting through ``post_search``'s GIN index visits the heap row of every
matching post (PostgreSQL 15 has no heap-free count for a bitmap scan), about
8 000 pages for a word in a quarter of the posts. ``post_terms`` holds one row
per distinct word of each post (the lexemes of ``post_words``), under a btree
on (term, post_id) with byte-wise ("C") order, so a typed prefix is one range
of that index and, on a vacuumed table, an index-only scan reads the posts'
ids without visiting the heap. The search page still walks ``post_search``
(migration 12); only the count moves here, except for prefixes of one or two
letters, whose ranges span a large part of the table (``count_matches`` stays
for them).

The trigger of migration 12 keeps the pairs too: when a post's words change it
deletes the pairs of the words it lost and inserts those of the words it
gained (members read the table; only the owner writes it, through the
trigger). The table is filled sorted and its key built afterwards.
"""

VERSION = 13
DESCRIPTION = "post_terms: (word, post) pairs a search counts from with index-only scans"

SQL = r"""
CREATE TABLE post_terms (
    term TEXT COLLATE "C" NOT NULL,
    post_id BIGINT NOT NULL
) WITH (parallel_workers = 0);
INSERT INTO post_terms (term, post_id)
    SELECT w.term, s.id FROM post_search s, unnest(tsvector_to_array(s.words)) AS w (term)
     ORDER BY 1, 2;
ALTER TABLE post_terms ADD PRIMARY KEY (term, post_id);
-- a search in one state keeps the ids of that state's posts, read from this index alone
CREATE INDEX post_search_state ON post_search (state, id);

CREATE OR REPLACE FUNCTION keep_post_search() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
DECLARE
    new_words TSVECTOR;
    old_terms TEXT[];
    new_terms TEXT[];
BEGIN
    IF TG_OP = 'INSERT' OR (NEW.title, NEW.en_text, NEW.fr_text)
            IS DISTINCT FROM (OLD.title, OLD.en_text, OLD.fr_text) THEN
        new_words := post_words(NEW.title, NEW.en_text, NEW.fr_text);
        new_terms := tsvector_to_array(new_words);
        IF TG_OP = 'UPDATE' THEN
            SELECT tsvector_to_array(k.words) INTO old_terms FROM post_search k WHERE k.id = NEW.id;
        END IF;
        INSERT INTO post_search (id, state, updated_at, words)
            VALUES (NEW.id, NEW.state, NEW.updated_at, new_words)
            ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state,
                updated_at = EXCLUDED.updated_at, words = EXCLUDED.words;
        IF TG_OP = 'INSERT' THEN
            INSERT INTO post_terms (term, post_id) SELECT unnest(new_terms), NEW.id;
        ELSE
            DELETE FROM post_terms WHERE post_id = NEW.id AND term = ANY (
                ARRAY(SELECT unnest(old_terms) EXCEPT SELECT unnest(new_terms)));
            INSERT INTO post_terms (term, post_id) SELECT t, NEW.id
                FROM (SELECT unnest(new_terms) EXCEPT SELECT unnest(old_terms)) AS a (t);
        END IF;
    ELSIF (NEW.state, NEW.updated_at) IS DISTINCT FROM (OLD.state, OLD.updated_at) THEN
        UPDATE post_search SET state = NEW.state, updated_at = NEW.updated_at
            WHERE id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

-- a post_search row removed (its post deleted) takes its pairs along
CREATE FUNCTION drop_post_terms() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
BEGIN
    DELETE FROM post_terms WHERE post_id = OLD.id AND term = ANY (tsvector_to_array(OLD.words));
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION drop_post_terms() FROM PUBLIC;
CREATE TRIGGER post_search_drop_terms AFTER DELETE ON post_search
    FOR EACH ROW EXECUTE FUNCTION drop_post_terms();

DO $$
BEGIN
    IF tandem.setting('role_prefix') IS NOT NULL THEN  -- a store `team init` has set up
        EXECUTE format('GRANT SELECT ON tandem.post_terms TO %I',
                       tandem.setting('role_prefix') || '_member');
    END IF;
END $$;
"""
