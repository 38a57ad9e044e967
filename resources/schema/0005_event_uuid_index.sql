-- CaseAtlas schema 5: an event's uuid is kept unique by a named index instead of a column
-- constraint. The two check the same thing; a named index can be set aside and built again in
-- one sorted pass when a large dataset fills an empty case (inserting a million random UUIDs
-- into a live index costs several times more). The table is rebuilt as SQLite documents for
-- changes ALTER TABLE cannot make; the caller has foreign keys off, so the events' tags,
-- actors, values and citations stay where they are. Ids and the AUTOINCREMENT counter are kept.

CREATE TEMP TABLE schema5_sequence AS SELECT seq FROM sqlite_sequence WHERE name = 'events';

CREATE TABLE events_schema5 (
  fid INTEGER PRIMARY KEY AUTOINCREMENT,
  geom POINT,
  uuid TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT,
  start_edtf TEXT NOT NULL,
  end_edtf TEXT,
  earliest DATETIME,
  latest DATETIME,
  earliest_s INTEGER NOT NULL,
  latest_s INTEGER NOT NULL,
  own_point INTEGER NOT NULL DEFAULT 0, -- 1: geom is the event's own; 0: copied from its place
  place_id INTEGER REFERENCES places(fid) ON DELETE SET NULL,
  origin_place_id INTEGER REFERENCES places(fid) ON DELETE SET NULL,
  destination_place_id INTEGER REFERENCES places(fid) ON DELETE SET NULL,
  location_precision TEXT NOT NULL DEFAULT 'unknown',
  precision_m DOUBLE,
  status TEXT NOT NULL DEFAULT 'draft',
  sensitivity TEXT NOT NULL DEFAULT 'public',
  tags TEXT -- the event's tags joined with '; ', a readable copy for GIS tools
);
INSERT INTO events_schema5 SELECT * FROM events;
DROP TABLE events;
ALTER TABLE events_schema5 RENAME TO events;

UPDATE sqlite_sequence SET seq = max(seq, (SELECT seq FROM temp.schema5_sequence))
WHERE name = 'events' AND EXISTS (SELECT 1 FROM temp.schema5_sequence);
INSERT INTO sqlite_sequence (name, seq)
SELECT 'events', seq FROM temp.schema5_sequence
WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'events');
DROP TABLE temp.schema5_sequence;

CREATE UNIQUE INDEX events_uuid_idx ON events(uuid);
CREATE INDEX events_earliest_idx ON events(earliest_s);
CREATE INDEX events_place_idx ON events(place_id);

-- A spatial index GIS tools may have added lost its triggers with the old table; it is
-- dropped rather than left stale (the migration also removes its gpkg_extensions row).
DROP TABLE IF EXISTS rtree_events_geom;

-- The search index's triggers on events, as schema 4 made them (they went with the table).
CREATE TRIGGER search_events_insert AFTER INSERT ON events
BEGIN INSERT INTO search_dirty SELECT 1, NEW.fid WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 1 AND id = NEW.fid); END;
CREATE TRIGGER search_events_update AFTER UPDATE OF title, description, tags ON events
BEGIN INSERT INTO search_dirty SELECT 1, NEW.fid WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 1 AND id = NEW.fid); END;
CREATE TRIGGER search_events_delete AFTER DELETE ON events
BEGIN INSERT INTO search_dirty SELECT 1, OLD.fid WHERE NOT EXISTS
  (SELECT 1 FROM search_dirty WHERE kind = 1 AND id = OLD.fid); END;
