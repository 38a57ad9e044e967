-- CaseAtlas schema 2: events and places as GeoPackage feature tables, and the case tables.
-- Dates: *_edtf keep what the user wrote; earliest/latest are ISO 8601 UTC text (readable by
-- QGIS's temporal controller, NULL outside years 1..9999 or for open ends); earliest_s/latest_s
-- are int64 seconds since 1970 for sorting and filtering.

CREATE TABLE places (
  fid INTEGER PRIMARY KEY AUTOINCREMENT,
  geom GEOMETRY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT,
  country_code TEXT,
  gazetteer_id TEXT,
  description TEXT,
  sensitivity TEXT NOT NULL DEFAULT 'public'
);

CREATE TABLE events (
  fid INTEGER PRIMARY KEY AUTOINCREMENT,
  geom POINT,
  uuid TEXT NOT NULL UNIQUE,
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
CREATE INDEX events_earliest_idx ON events(earliest_s);
CREATE INDEX events_place_idx ON events(place_id);

INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
VALUES ('events', 'features', 'events', 'CaseAtlas events (dates as ISO 8601 UTC text)', 4326),
       ('places', 'features', 'places', 'CaseAtlas places', 4326);
INSERT INTO gpkg_geometry_columns VALUES ('events', 'geom', 'POINT', 4326, 0, 0),
                                         ('places', 'geom', 'GEOMETRY', 4326, 0, 0);

CREATE TABLE place_aliases (
  id INTEGER PRIMARY KEY,
  place_id INTEGER NOT NULL REFERENCES places(fid) ON DELETE CASCADE,
  name TEXT NOT NULL,
  language TEXT
);
CREATE INDEX place_aliases_place_idx ON place_aliases(place_id);

CREATE TABLE actors (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'person',
  description TEXT,
  protected INTEGER NOT NULL DEFAULT 0,
  sensitivity TEXT NOT NULL DEFAULT 'public'
);

CREATE TABLE actor_aliases (
  id INTEGER PRIMARY KEY,
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  language TEXT
);
CREATE INDEX actor_aliases_actor_idx ON actor_aliases(actor_id);

CREATE TABLE event_actors (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(fid) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  role TEXT,
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_actors_event_idx ON event_actors(event_id);
CREATE INDEX event_actors_actor_idx ON event_actors(actor_id);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  color TEXT
);

CREATE TABLE event_tags (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(fid) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (event_id, tag_id)
);
CREATE INDEX event_tags_tag_idx ON event_tags(tag_id);

CREATE TABLE event_values (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(fid) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value DOUBLE NOT NULL,
  unit TEXT,
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_values_event_idx ON event_values(event_id);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT 'web-page',
  title TEXT NOT NULL,
  author TEXT,
  publisher TEXT,
  url TEXT,
  archive_url TEXT,
  published_edtf TEXT,
  accessed_at TEXT,
  language TEXT,
  reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A','B','C','D','E','F')),
  notes TEXT,
  sensitivity TEXT NOT NULL DEFAULT 'public'
);

CREATE TABLE citations (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(fid) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  field TEXT,
  locator TEXT,
  quote TEXT,
  credibility INTEGER NOT NULL DEFAULT 6 CHECK (credibility BETWEEN 1 AND 6)
);
CREATE INDEX citations_event_idx ON citations(event_id);
CREATE INDEX citations_source_idx ON citations(source_id);

CREATE TABLE eras (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  span_edtf TEXT NOT NULL,
  earliest_s INTEGER NOT NULL,
  latest_s INTEGER NOT NULL,
  color TEXT,
  description TEXT
);

CREATE TABLE notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  sensitivity TEXT NOT NULL DEFAULT 'internal',
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL
);

-- Links from notes to what they discuss, by id, so renames never break them.
CREATE TABLE note_links (
  id INTEGER PRIMARY KEY,
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  target_kind TEXT NOT NULL,
  target_id INTEGER NOT NULL
);
CREATE INDEX note_links_note_idx ON note_links(note_id);
CREATE INDEX note_links_target_idx ON note_links(target_kind, target_id);

CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  filter_json TEXT NOT NULL DEFAULT '{}',
  time_from TEXT,
  time_to TEXT,
  west DOUBLE, south DOUBLE, east DOUBLE, north DOUBLE
);

-- Attachment bytes, stored once per SHA-256.
CREATE TABLE blobs (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  data BLOB NOT NULL
);

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL REFERENCES blobs(sha256),
  file_name TEXT NOT NULL,
  mime_type TEXT,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  event_id INTEGER REFERENCES events(fid) ON DELETE SET NULL,
  original_url TEXT,
  captured_at TEXT,
  collected_by TEXT,
  added_at TEXT NOT NULL,
  notes TEXT
);
CREATE INDEX attachments_sha_idx ON attachments(sha256);

-- Chain of custody: rows are only ever added.
CREATE TABLE custody_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  action TEXT NOT NULL,
  sha256 TEXT,
  attachment_id INTEGER,
  detail TEXT
);
CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
