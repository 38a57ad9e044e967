-- CaseAtlas schema 6: briefings kept in the case, so a reporter can make the same briefing
-- again after the case has grown. A briefing names the saved view it shows (or none: the whole
-- case) and keeps its layout, profile, title and blocks as JSON (see render/briefing.h).

CREATE TABLE briefings (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  view_id INTEGER REFERENCES saved_views(id) ON DELETE SET NULL,
  settings_json TEXT NOT NULL DEFAULT '{}'
);
