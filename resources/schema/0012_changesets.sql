-- CaseAtlas schema 12: the case's changes as changesets, so that several people can work on
-- copies of one case and bring them together (docs/team-cases.md).
--
-- Each copy of a case is a replica with an id of its own (caseatlas_meta 'replica_id', made
-- here: a case updated to this schema, or a new one, is a replica of its own). Every committed
-- edit, undo and redo is a changeset: who, when (a hybrid logical clock reading, store/hlc),
-- what it was called, and its changes, one row per field of a record that changed, with the
-- values before and after. Records are named by their uuid, never by a row id, which differs
-- from copy to copy. The two tables are append-only.

INSERT OR IGNORE INTO caseatlas_meta (key, value) VALUES ('replica_id', lower(hex(randomblob(16))));

CREATE TABLE changesets (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  hlc TEXT NOT NULL UNIQUE, -- Hlc::text(): orders the changesets of all replicas
  author TEXT NOT NULL,
  label TEXT NOT NULL,      -- what the edit was called ("Edit event", "Undo: Edit event")
  kind TEXT NOT NULL DEFAULT 'edit' CHECK (kind IN ('edit', 'undo', 'redo'))
);

-- field '' is the whole record: created (old_value NULL) or deleted (new_value NULL), its fields
-- as a JSON object. A list (an event's actors, tags, values, citations; aliases) is one field,
-- its items as a JSON array. References to other records are their uuids.
CREATE TABLE changes (
  changeset_id INTEGER NOT NULL REFERENCES changesets(id),
  seq INTEGER NOT NULL,
  record_table TEXT NOT NULL,
  record TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value,
  new_value,
  PRIMARY KEY (changeset_id, seq)
) WITHOUT ROWID;
CREATE INDEX changes_record_idx ON changes(record, field);

CREATE TRIGGER changesets_no_update BEFORE UPDATE ON changesets
BEGIN SELECT RAISE(ABORT, 'changesets are append-only'); END;
CREATE TRIGGER changesets_no_delete BEFORE DELETE ON changesets
BEGIN SELECT RAISE(ABORT, 'changesets are append-only'); END;
CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes
BEGIN SELECT RAISE(ABORT, 'changes are append-only'); END;
CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes
BEGIN SELECT RAISE(ABORT, 'changes are append-only'); END;

-- Records that had only a row id get a uuid: eras, saved views, briefings and attachments
-- (events, places, actors, sources and notes have one; a tag is known by its name; an event's
-- lists and a place's or actor's aliases belong to their record).
ALTER TABLE eras ADD COLUMN uuid TEXT;
ALTER TABLE saved_views ADD COLUMN uuid TEXT;
ALTER TABLE briefings ADD COLUMN uuid TEXT;
ALTER TABLE attachments ADD COLUMN uuid TEXT;
UPDATE eras SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
  substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
  substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE saved_views SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
  substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
  substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE briefings SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
  substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
  substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE attachments SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
  substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
  substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX eras_uuid_idx ON eras(uuid);
CREATE UNIQUE INDEX saved_views_uuid_idx ON saved_views(uuid);
CREATE UNIQUE INDEX briefings_uuid_idx ON briefings(uuid);
CREATE UNIQUE INDEX attachments_uuid_idx ON attachments(uuid);
-- A row inserted without one gets one (a version 4 UUID, as above).
CREATE TRIGGER eras_uuid AFTER INSERT ON eras WHEN NEW.uuid IS NULL
BEGIN UPDATE eras SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
  substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
  substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = NEW.id; END;
CREATE TRIGGER saved_views_uuid AFTER INSERT ON saved_views WHEN NEW.uuid IS NULL
BEGIN UPDATE saved_views SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) ||
  '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
  substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = NEW.id; END;
CREATE TRIGGER briefings_uuid AFTER INSERT ON briefings WHEN NEW.uuid IS NULL
BEGIN UPDATE briefings SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) ||
  '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
  substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = NEW.id; END;
CREATE TRIGGER attachments_uuid AFTER INSERT ON attachments WHEN NEW.uuid IS NULL
BEGIN UPDATE attachments SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) ||
  '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
  substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = NEW.id; END;
