-- CaseAtlas schema 10: the search indexes say which records hold a term, not where in them
-- (detail = none), and keep no per-record column sizes (columnsize = 0). A query finds the
-- candidates through them and checks each against the record's text, so positions were never
-- needed; without them a million records are indexed in a fraction of the time and space.
-- `search_text` (trigram) still keeps the text. `search_short` holds, for each record, its
-- distinct words cut to their first two characters, and unspaced scripts (Chinese, Burmese …)
-- as overlapping pairs: what a one- or two-character term is looked up by. Combining marks are
-- part of a token (a Burmese pair such as "မြ" stays whole).
-- The indexes are rebuilt from the records: every record is listed as changed.
DROP TABLE search_text;
DROP TABLE search_short;
CREATE VIRTUAL TABLE search_text USING fts5(title, body, tokenize = 'trigram', detail = none,
                                            columnsize = 0);
CREATE VIRTUAL TABLE search_short USING fts5(title, body, content = '',
  tokenize = 'unicode61 remove_diacritics 0 categories ''L* N* Co M*''', detail = none,
  columnsize = 0);

INSERT OR IGNORE INTO search_dirty SELECT 1, fid FROM events;
INSERT OR IGNORE INTO search_dirty SELECT 2, id FROM sources;
INSERT OR IGNORE INTO search_dirty SELECT 3, id FROM citations;
INSERT OR IGNORE INTO search_dirty SELECT 4, id FROM notes;
INSERT OR IGNORE INTO search_dirty SELECT 5, id FROM actors;
INSERT OR IGNORE INTO search_dirty SELECT 6, fid FROM places;
