-- CaseAtlas schema 3: the registry of GIS layers. A copied layer is a GeoPackage table inside
-- the case (table_name); a linked one only remembers its file (source_path).

CREATE TABLE layers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name TEXT UNIQUE,
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'vector',
  source_path TEXT,
  linked INTEGER NOT NULL DEFAULT 0,
  visible INTEGER NOT NULL DEFAULT 1,
  position INTEGER NOT NULL DEFAULT 0,
  opacity DOUBLE NOT NULL DEFAULT 1,
  style_json TEXT NOT NULL DEFAULT '{}',
  feature_count INTEGER,
  added_at TEXT NOT NULL
);
