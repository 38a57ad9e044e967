-- CaseAtlas schema 9: an event's earliest/latest moments are GeoPackage DATETIME text as the
-- standard writes it, with milliseconds ("2023-11-12T14:30:00.000Z"); the form without them made
-- GDAL and QGIS warn on every read of every event. The whole seconds (earliest_s, latest_s)
-- that CaseAtlas sorts and filters by do not change.
UPDATE events SET earliest = substr(earliest, 1, 19) || '.000Z'
  WHERE earliest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z';
UPDATE events SET latest = substr(latest, 1, 19) || '.000Z'
  WHERE latest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z';
