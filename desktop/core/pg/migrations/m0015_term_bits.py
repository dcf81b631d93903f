"""A search counts and pages from bitmaps of the posts holding each word, 1,024 posts a row.

Measured at 100 000 posts (bench/team_search.py; psql ``\\timing``): counting a
search from the (word, post) pairs of ``post_terms`` read and deduplicated one
pair at a time, about 0.3-0.5 µs a pair here: 3-5 ms for "accessible" (10 344
pairs), 9-10 ms for "GC Notify" (28 448), where SQLite's FTS5 counts in 0.3-2.5 ms;
and a search page walked ``post_search`` reading each row's words. Both now read
``post_term_bits``: per word and block of 1,024 post ids, one ``bit(1024)`` with
a bit set for each listed post holding the word (392 000 rows, 82 MB, against
6.2 million pairs). A typed prefix ORs the bitmaps of its range per block,
the words of a search AND theirs, and ``bit_count`` counts: 1.1-1.4 ms for
"accessible", "GC Notify" or "servi", 29 ms for a lone "c" (47 ms through GIN).
``post_state_bits`` holds the same per state, for a search within one state.
A page walks the ``updated_at`` index testing each id against the matches'
bitmap (index only), or, when few posts match, reads their ids out of the
bitmaps and sorts them (`PgStore.list_posts`).

The bitmaps are kept by statement-level triggers on ``post_terms`` (whose pairs
migration 13's trigger keeps) and on ``post_search`` (states), updated in key
order; a bitmap that empties is dropped. Nothing reads the GIN index on
``post_search.words`` any more, nor ``count_matches``: both go, which also
spares every edit the GIN update. Members read the bitmaps; only the owner
writes them, through the triggers.
"""

VERSION = 15
DESCRIPTION = "post_term_bits and post_state_bits: bitmaps per word and state a search reads"

SQL = r"""
-- the bit of post `id` in the bitmap of its block (post ids id / 1024 * 1024 onwards)
CREATE FUNCTION post_bit(id BIGINT) RETURNS BIT(1024) LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT B'1'::BIT(1024) >> (id % 1024)::INT $$;

-- bit strings joined end to end, in the aggregate's order (a search's matches as one
-- bitmap, bit i for post i: twice as fast here as joining them as text)
CREATE AGGREGATE bit_cat(BIT VARYING) (SFUNC = bitcat, STYPE = BIT VARYING, INITCOND = '');

CREATE TABLE post_term_bits (
    term TEXT COLLATE "C" NOT NULL,
    block BIGINT NOT NULL,
    bits BIT(1024) NOT NULL,
    PRIMARY KEY (term, block)
) WITH (parallel_workers = 0);
INSERT INTO post_term_bits (term, block, bits)
    SELECT term, post_id / 1024, bit_or(post_bit(post_id)) FROM post_terms
     GROUP BY 1, 2 ORDER BY 1, 2;

CREATE TABLE post_state_bits (
    state TEXT NOT NULL,
    block BIGINT NOT NULL,
    bits BIT(1024) NOT NULL,
    PRIMARY KEY (state, block)
);
INSERT INTO post_state_bits (state, block, bits)
    SELECT state, id / 1024, bit_or(post_bit(id)) FROM post_search GROUP BY 1, 2 ORDER BY 1, 2;

CREATE FUNCTION keep_post_term_bits() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO post_term_bits AS b (term, block, bits)
            SELECT term, post_id / 1024, bit_or(post_bit(post_id)) FROM new_pairs
             GROUP BY 1, 2 ORDER BY 1, 2
            ON CONFLICT (term, block) DO UPDATE SET bits = b.bits | EXCLUDED.bits;
    ELSE
        UPDATE post_term_bits AS b SET bits = b.bits & ~d.bits
          FROM (SELECT term, post_id / 1024 AS block, bit_or(post_bit(post_id)) AS bits
                  FROM old_pairs GROUP BY 1, 2 ORDER BY 1, 2) AS d
         WHERE b.term = d.term AND b.block = d.block;
        DELETE FROM post_term_bits AS b
         USING (SELECT DISTINCT term, post_id / 1024 AS block FROM old_pairs) AS d
         WHERE b.term = d.term AND b.block = d.block AND bit_count(b.bits) = 0;
    END IF;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION keep_post_term_bits() FROM PUBLIC;
CREATE TRIGGER post_terms_bits_added AFTER INSERT ON post_terms
    REFERENCING NEW TABLE AS new_pairs FOR EACH STATEMENT EXECUTE FUNCTION keep_post_term_bits();
CREATE TRIGGER post_terms_bits_removed AFTER DELETE ON post_terms
    REFERENCING OLD TABLE AS old_pairs FOR EACH STATEMENT EXECUTE FUNCTION keep_post_term_bits();

-- the states' bitmaps after a statement on post_search: the bits of the rows it removed or
-- moved out of a state cleared, those of the rows it added or moved into one set
CREATE FUNCTION keep_post_state_bits() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
DECLARE
    gone_ids BIGINT[];
    gone_states TEXT[];
    came_ids BIGINT[];
    came_states TEXT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(id), array_agg(state) INTO came_ids, came_states FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(id), array_agg(state) INTO gone_ids, gone_states FROM old_rows;
    ELSE
        SELECT array_agg(o.id), array_agg(o.state), array_agg(n.state)
          INTO gone_ids, gone_states, came_states
          FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.state <> o.state;
        came_ids := gone_ids;
    END IF;
    UPDATE post_state_bits AS b SET bits = b.bits & ~d.bits
      FROM (SELECT state, id / 1024 AS block, bit_or(post_bit(id)) AS bits
              FROM unnest(gone_ids, gone_states) AS g (id, state) GROUP BY 1, 2) AS d
     WHERE b.state = d.state AND b.block = d.block;
    DELETE FROM post_state_bits AS b
     USING (SELECT DISTINCT state, id / 1024 AS block
              FROM unnest(gone_ids, gone_states) AS g (id, state)) AS d
     WHERE b.state = d.state AND b.block = d.block AND bit_count(b.bits) = 0;
    INSERT INTO post_state_bits AS b (state, block, bits)
        SELECT state, id / 1024, bit_or(post_bit(id)) FROM unnest(came_ids, came_states) AS c (id, state)
         GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (state, block) DO UPDATE SET bits = b.bits | EXCLUDED.bits;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION keep_post_state_bits() FROM PUBLIC;
CREATE TRIGGER post_search_state_bits_added AFTER INSERT ON post_search
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keep_post_state_bits();
CREATE TRIGGER post_search_state_bits_removed AFTER DELETE ON post_search
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keep_post_state_bits();
CREATE TRIGGER post_search_state_bits_moved AFTER UPDATE ON post_search
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION keep_post_state_bits();

DROP FUNCTION count_matches(TSQUERY, TEXT);
DROP INDEX post_search_words;

DO $$
BEGIN
    IF tandem.setting('role_prefix') IS NOT NULL THEN  -- a store `team init` has set up
        EXECUTE format('GRANT SELECT ON tandem.post_term_bits, tandem.post_state_bits TO %I',
                       tandem.setting('role_prefix') || '_member');
    END IF;
END $$;
"""
