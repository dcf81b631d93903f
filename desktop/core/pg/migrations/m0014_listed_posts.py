"""The post list reads only listed posts, and finds a page deep in the list from counts
kept per stretch of time instead of walking every post above it.

Measured at 100 000 posts (bench/team_search.py; EXPLAIN ANALYZE and timed runs of
each form of the query): the list counted its posts by an index-only scan of all
100 000 ids with ``NOT IN (SELECT post_id FROM post_shelf)`` tested on each
(12-19 ms; SQLite 10-12 ms), and the page at offset 50 000 walked 50 200 entries
of the ``updated_at`` index (13-14 ms with or without the shelf test, from either
end; SQLite 7-9 ms: PostgreSQL's executor spends about twice SQLite's time per
entry on this machine).

* ``post_search`` (and with it ``post_terms``) now holds the listed posts only:
  shelving a post removes its row and pairs, taking it off the shelf puts them
  back (`relist_post`), so no list, count or search tests the shelf per row.
* ``post_list_counts`` holds, per state, how many listed posts were last changed
  in each stretch of time: all time, each month, day, hour, minute and second
  (the prefixes of ``updated_at`` of length 0, 7, 10, 13, 16 and 19), kept by a
  trigger on ``post_search``. The list's count is the all-time row of each state.
  `list_page` finds the page at an offset by going down the stretches, newest
  first, subtracting whole stretches (at most a few dozen rows a level), and then
  walks the index only within the second its page starts in.
* ``post_search.updated_at`` is compared byte-wise (``COLLATE "C"``), as the
  stretches are prefixes and as SQLite orders it.

The counts are kept per statement, not per row, and new posts are listed per
statement (`list_new_posts`; the row trigger keeps edits): `store copy` writes
every post in one transaction, and updating the same count once per post there
walked ever longer chains of row versions (the copy of 100 000 posts had not
finished after 17 minutes; it now takes 76 s, 98 s before this migration). The
counts a statement touches are updated in one order (level, stretch, state), so
two writers never wait on each other in a circle; a count that reaches zero is
dropped. Members read the counts; only the owner writes them, through the
triggers.
"""

VERSION = 14
DESCRIPTION = "post_search holds listed posts only; post_list_counts and list_page"

SQL = r"""
DELETE FROM post_search WHERE id IN (SELECT post_id FROM post_shelf);  -- pairs go along
DROP INDEX post_search_state;
ALTER TABLE post_search ALTER COLUMN updated_at TYPE TEXT COLLATE "C";
CREATE INDEX post_search_state ON post_search (state, updated_at DESC, id DESC);

CREATE TABLE post_list_counts (
    level INT NOT NULL,
    bucket TEXT COLLATE "C" NOT NULL,
    state TEXT NOT NULL,
    listed BIGINT NOT NULL,
    PRIMARY KEY (level, bucket, state)
);

-- the lengths of the prefixes of updated_at counted: all time, month, day, hour, minute, second
CREATE FUNCTION list_levels() RETURNS INT[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY[0, 7, 10, 13, 16, 19] $$;

INSERT INTO post_list_counts (level, bucket, state, listed)
    SELECT l, left(updated_at, l), state, count(*)
      FROM post_search, unnest(list_levels()) AS l GROUP BY 1, 2, 3;

-- The counts a statement on post_search changes: -1 for each row it removed (old_rows),
-- +1 for each it added (new_rows), summed per level, stretch and state; updated in one
-- order, and dropped when they reach zero. Per statement, not per row: a `store copy`
-- writes all its posts in one transaction, and updating the same counts once per row
-- there made each update walk the versions left by the ones before (quadratic time).
CREATE FUNCTION keep_post_list_counts() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
DECLARE
    states TEXT[];
    stamps TEXT[];
    deltas INT[];
    k RECORD;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(state), array_agg(updated_at), array_agg(1) INTO states, stamps, deltas
          FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(state), array_agg(updated_at), array_agg(-1) INTO states, stamps, deltas
          FROM old_rows;
    ELSE
        SELECT array_agg(d.state), array_agg(d.updated_at), array_agg(d.delta)
          INTO states, stamps, deltas
          FROM (SELECT state, updated_at, 1 AS delta FROM new_rows
                UNION ALL SELECT state, updated_at, -1 FROM old_rows) AS d;
    END IF;
    FOR k IN
        INSERT INTO post_list_counts AS c (level, bucket, state, listed)
            SELECT l, left(d.stamp, l), d.state, sum(d.delta)
              FROM unnest(states, stamps, deltas) AS d (state, stamp, delta),
                   unnest(list_levels()) AS l
             GROUP BY 1, 2, 3 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3
            ON CONFLICT (level, bucket, state) DO UPDATE SET listed = c.listed + EXCLUDED.listed
            RETURNING c.level, c.bucket, c.state, c.listed
    LOOP
        IF k.listed = 0 THEN
            DELETE FROM post_list_counts
             WHERE level = k.level AND bucket = k.bucket AND state = k.state AND listed = 0;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION keep_post_list_counts() FROM PUBLIC;
CREATE TRIGGER post_search_counts_added AFTER INSERT ON post_search
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keep_post_list_counts();
CREATE TRIGGER post_search_counts_removed AFTER DELETE ON post_search
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keep_post_list_counts();
CREATE TRIGGER post_search_counts_moved AFTER UPDATE ON post_search
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION keep_post_list_counts();

-- The least text above every text that starts with `p` (in byte order, "C"): `p` with its
-- last character that can grow, grown (UTF-8 byte order is code point order; surrogates
-- are skipped), or NULL when none can (`p` empty or all U+10FFFF).
CREATE FUNCTION prefix_end(p TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN r = '' THEN NULL
                      ELSE left(r, -1) || chr(CASE WHEN ascii(right(r, 1)) = 55295 THEN 57344
                                                   ELSE ascii(right(r, 1)) + 1 END) END
            FROM rtrim(p, chr(1114111)) AS r $$;

-- The ids of the listed posts (in one state, if given) at offset `page_offset` of the list,
-- newest first: down the counted stretches to the second the page starts in, then a walk
-- of the index from the top of that second. Above offset `walk_below` (the pages scrolling
-- asks for first), where walking costs less than the way down, a walk from the top. STABLE:
-- its queries see the snapshot of the statement that calls it, so counts and rows agree.
CREATE FUNCTION list_page(in_state TEXT, page_limit BIGINT, page_offset BIGINT,
                          walk_below BIGINT DEFAULT 2000)
    RETURNS SETOF BIGINT LANGUAGE plpgsql STABLE SET search_path = tandem, pg_temp AS $$
DECLARE
    prefix TEXT COLLATE "C" := '';
    skip BIGINT := page_offset;
    lvl INT;
    b RECORD;
    found_it BOOLEAN;
    upper_bound TEXT COLLATE "C";
BEGIN
    IF page_offset >= walk_below THEN
        FOREACH lvl IN ARRAY (list_levels())[2:] LOOP
            found_it := false;
            -- (above every stretch when there is no prefix yet: they are 19 characters at most)
            upper_bound := coalesce(prefix_end(prefix), repeat(chr(1114111), 20));
            FOR b IN SELECT c.bucket, sum(c.listed) AS n FROM post_list_counts c
                      WHERE c.level = lvl AND c.bucket >= prefix AND c.bucket < upper_bound
                        AND (in_state IS NULL OR c.state = in_state)
                      GROUP BY c.bucket ORDER BY c.bucket DESC LOOP
                IF skip < b.n THEN
                    prefix := b.bucket;
                    found_it := true;
                    EXIT;
                END IF;
                skip := skip - b.n;
            END LOOP;
            IF NOT found_it THEN
                RETURN;  -- past the end of the list
            END IF;
            EXIT WHEN length(prefix) < lvl;  -- a text shorter than the stretch: all its posts hold it
        END LOOP;
        IF length(prefix) < 19 THEN  -- the posts of this stretch hold exactly `prefix`
            IF in_state IS NULL THEN
                RETURN QUERY SELECT k.id FROM post_search k WHERE k.updated_at <= prefix
                    ORDER BY k.updated_at DESC, k.id DESC LIMIT page_limit OFFSET skip;
            ELSE
                RETURN QUERY SELECT k.id FROM post_search k
                    WHERE k.state = in_state AND k.updated_at <= prefix
                    ORDER BY k.updated_at DESC, k.id DESC LIMIT page_limit OFFSET skip;
            END IF;
            RETURN;
        END IF;
        upper_bound := prefix_end(prefix);  -- NULL for a second of U+10FFFF only
    END IF;
    IF upper_bound IS NULL AND in_state IS NULL THEN  -- from the top
        RETURN QUERY SELECT k.id FROM post_search k
            ORDER BY k.updated_at DESC, k.id DESC LIMIT page_limit OFFSET page_offset;
    ELSIF upper_bound IS NULL THEN
        RETURN QUERY SELECT k.id FROM post_search k WHERE k.state = in_state
            ORDER BY k.updated_at DESC, k.id DESC LIMIT page_limit OFFSET page_offset;
    ELSIF in_state IS NULL THEN
        RETURN QUERY SELECT k.id FROM post_search k WHERE k.updated_at < upper_bound
            ORDER BY k.updated_at DESC, k.id DESC LIMIT page_limit OFFSET skip;
    ELSE
        RETURN QUERY SELECT k.id FROM post_search k
            WHERE k.state = in_state AND k.updated_at < upper_bound
            ORDER BY k.updated_at DESC, k.id DESC LIMIT page_limit OFFSET skip;
    END IF;
END $$;

-- post `p`'s row and pairs as its posts row says when it is listed; none when it is shelved
CREATE FUNCTION relist_post(p BIGINT) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM post_shelf WHERE post_id = p) THEN
        DELETE FROM post_search WHERE id = p;
    ELSIF NOT EXISTS (SELECT 1 FROM post_search WHERE id = p) THEN
        INSERT INTO post_search (id, state, updated_at, words)
            SELECT id, state, updated_at, post_words(title, en_text, fr_text)
              FROM posts WHERE id = p;
        INSERT INTO post_terms (term, post_id)
            SELECT unnest(tsvector_to_array(words)), id FROM post_search WHERE id = p;
    END IF;
END $$;
REVOKE ALL ON FUNCTION relist_post(BIGINT) FROM PUBLIC;

CREATE FUNCTION keep_listed() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
BEGIN
    PERFORM relist_post(CASE WHEN TG_OP = 'DELETE' THEN OLD.post_id ELSE NEW.post_id END);
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION keep_listed() FROM PUBLIC;
CREATE TRIGGER post_shelf_listed AFTER INSERT OR DELETE ON post_shelf
    FOR EACH ROW EXECUTE FUNCTION keep_listed();

-- migration 13's trigger, for listed posts only, and for updates: new posts are listed
-- per statement (`list_new_posts`) for the reason given at keep_post_list_counts
CREATE OR REPLACE FUNCTION keep_post_search() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
DECLARE
    new_words TSVECTOR;
    old_terms TEXT[];
    new_terms TEXT[];
BEGIN
    IF EXISTS (SELECT 1 FROM post_shelf WHERE post_id = NEW.id) THEN
        RETURN NULL;
    END IF;
    IF (NEW.title, NEW.en_text, NEW.fr_text) IS DISTINCT FROM (OLD.title, OLD.en_text, OLD.fr_text)
            THEN
        new_words := post_words(NEW.title, NEW.en_text, NEW.fr_text);
        new_terms := tsvector_to_array(new_words);
        SELECT tsvector_to_array(k.words) INTO old_terms FROM post_search k WHERE k.id = NEW.id;
        INSERT INTO post_search (id, state, updated_at, words)
            VALUES (NEW.id, NEW.state, NEW.updated_at, new_words)
            ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state,
                updated_at = EXCLUDED.updated_at, words = EXCLUDED.words;
        DELETE FROM post_terms WHERE post_id = NEW.id AND term = ANY (
            ARRAY(SELECT unnest(old_terms) EXCEPT SELECT unnest(new_terms)));
        INSERT INTO post_terms (term, post_id) SELECT t, NEW.id
            FROM (SELECT unnest(new_terms) EXCEPT SELECT unnest(old_terms)) AS a (t);
    ELSIF (NEW.state, NEW.updated_at) IS DISTINCT FROM (OLD.state, OLD.updated_at) THEN
        UPDATE post_search SET state = NEW.state, updated_at = NEW.updated_at
            WHERE id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER posts_keep_search ON posts;
CREATE TRIGGER posts_keep_search AFTER UPDATE ON posts
    FOR EACH ROW EXECUTE FUNCTION keep_post_search();

CREATE FUNCTION list_new_posts() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
BEGIN
    INSERT INTO post_search (id, state, updated_at, words)
        SELECT n.id, n.state, n.updated_at, post_words(n.title, n.en_text, n.fr_text)
          FROM new_posts n WHERE n.id NOT IN (SELECT post_id FROM post_shelf);
    INSERT INTO post_terms (term, post_id)
        SELECT w.term, k.id FROM post_search k, unnest(tsvector_to_array(k.words)) AS w (term)
         WHERE k.id IN (SELECT id FROM new_posts) ORDER BY 1, 2;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION list_new_posts() FROM PUBLIC;
CREATE TRIGGER posts_list_new AFTER INSERT ON posts
    REFERENCING NEW TABLE AS new_posts FOR EACH STATEMENT EXECUTE FUNCTION list_new_posts();

-- migration 12's count, without the shelf test post_search no longer needs
CREATE OR REPLACE FUNCTION count_matches(query TSQUERY, in_state TEXT) RETURNS BIGINT
    LANGUAGE sql STABLE SET search_path = tandem, pg_temp SET enable_seqscan = off AS $$
    SELECT count(*) FROM post_search k
     WHERE k.words @@ query AND (in_state IS NULL OR k.state = in_state)
$$;


DO $$
BEGIN
    IF tandem.setting('role_prefix') IS NOT NULL THEN  -- a store `team init` has set up
        EXECUTE format('GRANT SELECT ON tandem.post_list_counts TO %I',
                       tandem.setting('role_prefix') || '_member');
    END IF;
END $$;
"""
