-- CaseAtlas schema 4: full-text search over events, sources, quotes, notes, actors and places.
-- Two FTS5 indexes over the same text: `search_text` (trigram, which also keeps the text) for
-- terms of three characters or more in any script, and `search_short` (words, with Chinese,
-- Burmese and other unspaced scripts written in as overlapping pairs) for shorter terms, which a
-- trigram index cannot find. Row ids are kind * 2^40 + record id (kinds: 1 event, 2 source,
-- 3 quote, 4 note, 5 actor, 6 place).
-- The indexes are written from C++ only (trusted_schema is off, and FTS5 refuses writes from
-- triggers then). The triggers below only note which records changed, in search_dirty, from
-- every writer (the app, undo, imports, or QGIS editing the file); the app brings the index up
-- to date from that list, so a crash between the two loses nothing. (They test for the row
-- rather than say INSERT OR IGNORE: the statement that fires a trigger can override its
-- conflict clause.)

CREATE VIRTUAL TABLE search_text USING fts5(title, body, tokenize = 'trigram');
CREATE VIRTUAL TABLE search_short USING fts5(title, body, content = '',
                                             tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE search_dirty (
  kind INTEGER NOT NULL,
  id INTEGER NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TRIGGER search_events_insert AFTER INSERT ON events
BEGIN INSERT INTO search_dirty SELECT 1, NEW.fid WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 1 AND id = NEW.fid); END;
CREATE TRIGGER search_events_update AFTER UPDATE OF title, description, tags ON events
BEGIN INSERT INTO search_dirty SELECT 1, NEW.fid WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 1 AND id = NEW.fid); END;
CREATE TRIGGER search_events_delete AFTER DELETE ON events
BEGIN INSERT INTO search_dirty SELECT 1, OLD.fid WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 1 AND id = OLD.fid); END;
CREATE TRIGGER search_sources_insert AFTER INSERT ON sources
BEGIN INSERT INTO search_dirty SELECT 2, NEW.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 2 AND id = NEW.id); END;
CREATE TRIGGER search_sources_update AFTER UPDATE OF title, author, publisher, url, notes ON sources
BEGIN INSERT INTO search_dirty SELECT 2, NEW.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 2 AND id = NEW.id); END;
CREATE TRIGGER search_sources_delete AFTER DELETE ON sources
BEGIN INSERT INTO search_dirty SELECT 2, OLD.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 2 AND id = OLD.id); END;
CREATE TRIGGER search_citations_insert AFTER INSERT ON citations
BEGIN INSERT INTO search_dirty SELECT 3, NEW.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 3 AND id = NEW.id); END;
CREATE TRIGGER search_citations_update AFTER UPDATE OF quote, locator ON citations
BEGIN INSERT INTO search_dirty SELECT 3, NEW.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 3 AND id = NEW.id); END;
CREATE TRIGGER search_citations_delete AFTER DELETE ON citations
BEGIN INSERT INTO search_dirty SELECT 3, OLD.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 3 AND id = OLD.id); END;
CREATE TRIGGER search_notes_insert AFTER INSERT ON notes
BEGIN INSERT INTO search_dirty SELECT 4, NEW.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 4 AND id = NEW.id); END;
CREATE TRIGGER search_notes_update AFTER UPDATE OF title, body ON notes
BEGIN INSERT INTO search_dirty SELECT 4, NEW.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 4 AND id = NEW.id); END;
CREATE TRIGGER search_notes_delete AFTER DELETE ON notes
BEGIN INSERT INTO search_dirty SELECT 4, OLD.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 4 AND id = OLD.id); END;
CREATE TRIGGER search_actors_insert AFTER INSERT ON actors
BEGIN INSERT INTO search_dirty SELECT 5, NEW.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 5 AND id = NEW.id); END;
CREATE TRIGGER search_actors_update AFTER UPDATE OF name, description ON actors
BEGIN INSERT INTO search_dirty SELECT 5, NEW.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 5 AND id = NEW.id); END;
CREATE TRIGGER search_actors_delete AFTER DELETE ON actors
BEGIN INSERT INTO search_dirty SELECT 5, OLD.id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 5 AND id = OLD.id); END;
CREATE TRIGGER search_places_insert AFTER INSERT ON places
BEGIN INSERT INTO search_dirty SELECT 6, NEW.fid WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 6 AND id = NEW.fid); END;
CREATE TRIGGER search_places_update AFTER UPDATE OF name, description, country_code ON places
BEGIN INSERT INTO search_dirty SELECT 6, NEW.fid WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 6 AND id = NEW.fid); END;
CREATE TRIGGER search_places_delete AFTER DELETE ON places
BEGIN INSERT INTO search_dirty SELECT 6, OLD.fid WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 6 AND id = OLD.fid); END;
CREATE TRIGGER search_actor_aliases_insert AFTER INSERT ON actor_aliases
BEGIN INSERT INTO search_dirty SELECT 5, NEW.actor_id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 5 AND id = NEW.actor_id); END;
CREATE TRIGGER search_actor_aliases_update AFTER UPDATE ON actor_aliases
BEGIN INSERT INTO search_dirty SELECT 5, NEW.actor_id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 5 AND id = NEW.actor_id); END;
CREATE TRIGGER search_actor_aliases_delete AFTER DELETE ON actor_aliases
BEGIN INSERT INTO search_dirty SELECT 5, OLD.actor_id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 5 AND id = OLD.actor_id); END;
CREATE TRIGGER search_place_aliases_insert AFTER INSERT ON place_aliases
BEGIN INSERT INTO search_dirty SELECT 6, NEW.place_id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 6 AND id = NEW.place_id); END;
CREATE TRIGGER search_place_aliases_update AFTER UPDATE ON place_aliases
BEGIN INSERT INTO search_dirty SELECT 6, NEW.place_id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 6 AND id = NEW.place_id); END;
CREATE TRIGGER search_place_aliases_delete AFTER DELETE ON place_aliases
BEGIN INSERT INTO search_dirty SELECT 6, OLD.place_id WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 6 AND id = OLD.place_id); END;

-- Everything already in the case waits to be indexed.
INSERT INTO search_dirty SELECT 1, fid FROM events;
INSERT INTO search_dirty SELECT 2, id FROM sources;
INSERT INTO search_dirty SELECT 3, id FROM citations;
INSERT INTO search_dirty SELECT 4, id FROM notes;
INSERT INTO search_dirty SELECT 5, id FROM actors;
INSERT INTO search_dirty SELECT 6, fid FROM places;
