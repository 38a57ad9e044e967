-- CaseAtlas schema 8: imports remember what they imported, so that importing a file again
-- changes only what the file changed, and two unrelated files never overwrite each other's
-- events (store/importmemory.cpp, io/importmerge.cpp).

-- Each file imported, and each dataset with ids of its own: "acled", "ucdp", or a spreadsheet,
-- TimelineJS or Timeline file ("dataset:" and a UUID made at its first import, or, for a file
-- imported before schema 8, its file name). Its records' event UUIDs are made from this id and
-- the record's id, so a record is only ever matched within the dataset the user chose to update.
CREATE TABLE import_datasets (
  id TEXT PRIMARY KEY,
  format TEXT NOT NULL,
  name TEXT NOT NULL,
  first_imported TEXT NOT NULL,
  last_imported TEXT NOT NULL,
  last_sha256 TEXT,
  events INTEGER NOT NULL DEFAULT 0
);

-- An event's fields as its file last gave them (JSON), kept once the event is edited in
-- CaseAtlas — until then the event itself is what its file gave. The base of a three-way update:
-- a field the file did not change keeps the edit made in CaseAtlas.
CREATE TABLE import_bases (
  event_id INTEGER PRIMARY KEY REFERENCES events(fid) ON DELETE CASCADE,
  fields_json TEXT NOT NULL
);

-- Events deleted in CaseAtlas, by UUID: importing their file again does not bring them back.
CREATE TABLE deleted_events (
  uuid TEXT PRIMARY KEY,
  deleted_at TEXT NOT NULL
);
