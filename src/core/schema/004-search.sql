-- Format version 4: the search index. Every text of the plan, one row per
-- filled field, indexed by trigrams so that any substring of three or more
-- characters (Chinese included) is found without a scan. Like ipms_history
-- it is kept outside the undo history: ipms-search.c writes it in the same
-- transaction as every edit, undo, redo and import, and rebuilds it from the
-- plan when a file is migrated.

CREATE TABLE ipms_search_text (
  id INTEGER PRIMARY KEY NOT NULL,
  tbl TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  col TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE UNIQUE INDEX ipms_search_text_field ON ipms_search_text (tbl, row_id, col);

CREATE VIRTUAL TABLE ipms_search USING fts5 (text, content='ipms_search_text', content_rowid='id', tokenize='trigram');

-- Trigrams cannot find one or two characters, and a two-character word is
-- the commonest Chinese query: each field's pairs of successive characters
-- (and its last one) that are not both ASCII, one token of letters and
-- digits per pair, index only.
CREATE VIRTUAL TABLE ipms_search_pairs USING fts5 (pairs, content='', detail='none', tokenize='ascii');
