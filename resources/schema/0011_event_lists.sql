-- CaseAtlas schema 11: an event's actors, tags and values are stored in the event's order, keyed
-- by the event and their place in its list (WITHOUT ROWID tables), instead of rows with ids of
-- their own and a separate index by event. Reading an event's lists is one range of one b-tree;
-- a large import appends them in that order and no longer builds three indexes afterwards.
-- Nothing referred to these rows' ids. Positions are renumbered 0, 1, 2 … within each event in
-- the order they were read before (position, then id), so that two rows never share a key.
-- The caller has foreign keys off while the scripts run and checks them before its commit.

CREATE TABLE event_actors_schema11 (
  event_id INTEGER NOT NULL REFERENCES events(fid) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  role TEXT,
  PRIMARY KEY (event_id, position)
) WITHOUT ROWID;
INSERT INTO event_actors_schema11 (event_id, position, actor_id, role)
SELECT event_id, row_number() OVER (PARTITION BY event_id ORDER BY position, id) - 1, actor_id,
       role
FROM event_actors;
DROP TABLE event_actors;
ALTER TABLE event_actors_schema11 RENAME TO event_actors;
CREATE INDEX event_actors_actor_idx ON event_actors(actor_id);

-- A tag is on an event at most once (as before, by a unique constraint); its place in the
-- event's list is kept in position.
CREATE TABLE event_tags_schema11 (
  event_id INTEGER NOT NULL REFERENCES events(fid) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, tag_id)
) WITHOUT ROWID;
INSERT INTO event_tags_schema11 (event_id, tag_id, position)
SELECT event_id, tag_id, row_number() OVER (PARTITION BY event_id ORDER BY position, id) - 1
FROM event_tags;
DROP TABLE event_tags;
ALTER TABLE event_tags_schema11 RENAME TO event_tags;
CREATE INDEX event_tags_tag_idx ON event_tags(tag_id);

CREATE TABLE event_values_schema11 (
  event_id INTEGER NOT NULL REFERENCES events(fid) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  name TEXT NOT NULL,
  value DOUBLE NOT NULL,
  unit TEXT,
  PRIMARY KEY (event_id, position)
) WITHOUT ROWID;
INSERT INTO event_values_schema11 (event_id, position, name, value, unit)
SELECT event_id, row_number() OVER (PARTITION BY event_id ORDER BY position, id) - 1, name, value,
       unit
FROM event_values;
DROP TABLE event_values;
ALTER TABLE event_values_schema11 RENAME TO event_values;
