-- Format version 5: a smaller search index. Format 4 kept a copy of every
-- text (ipms_search_text), trigram positions (ipms_search) and pairs of
-- characters (ipms_search_pairs): two thirds of the file. Now one
-- contentless table holds, for each row of a searched table (rowid: its
-- table × 2^58 + the row's id), which substrings of one to three characters
-- its fields contain (the "ipms" tokenizer of ipms-search.c); the texts are
-- read from their own tables. ipms-search.c fills it when a file is
-- migrated.

DROP TABLE ipms_search_pairs;
DROP TABLE ipms_search;
DROP TABLE ipms_search_text;

CREATE VIRTUAL TABLE ipms_search USING fts5 (text, content='', detail='none', columnsize=0, tokenize='ipms');

-- A row here: the index is empty and is made on the first search. An
-- import (or the undo of one) leaves it so rather than spend a second of
-- a 10,000-product import on an index that may not be used before the
-- next import.
CREATE TABLE ipms_search_pending (id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1));
