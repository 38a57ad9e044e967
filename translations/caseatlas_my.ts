<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="my">
<context>
    <name>QObject</name>
    <message>
        <source>Automatic (EDTF, ISO, month names; plain day/month only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day before month (25/12/2023)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month before day (12/25/2023)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year, month, day (2023/12/25)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheet (CSV, TSV, XLSX, ODS) — choose the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIS points as events (GeoJSON, KML, GeoPackage, Shapefile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimelineJS (sheet template or JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline (.timeline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACLED export (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UCDP GED (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas</name>
    <message>
        <source>%1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read completely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basemap could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basemap holds no countries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basemap is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basemap could not be prepared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gazetteer %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gazetteer is damaged at line %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the KML is not well-formed (%3); nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a local file. Layers are imported from files; an online source is added on purpose, as an online layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The converted layer &quot;%1&quot; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No temporary folder is available for the import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer &quot;%1&quot; of %2 uses a coordinate system that cannot be converted to longitude/latitude.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no layer with geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer &quot;%1&quot; of %2 could not be read completely; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an image without a coordinate system or georeferencing; it cannot be placed on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 bands; a map layer needs 1 to 4 (grey, grey+alpha, RGB, RGBA).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read completely (the image is damaged or cut short); nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no image data; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is open read-only; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read as a GIS layer (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read as a georeferenced image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be shown in Web Mercator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tile address. Give an http(s) address with {z}, {x} and {y}, such as https://tile.example.org/{z}/{x}/{y}.png.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tile cache folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tile service %1 could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has no usable georeferencing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has no bands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The raster layer &quot;%1&quot; has no tile matrix in the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The raster layer &quot;%1&quot; is not tiled in Web Mercator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every export is written to the case&apos;s custody log, and this case is open read-only; nothing was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not %2: the column &quot;%3&quot; is missing (line 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has rows that cannot be imported; nothing was imported. Fix them, or import with the bad rows skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extent must be minlon,minlat,maxlon,maxlat within −180…180 and −90…90.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A picture must be 100×100 to 20000×20000 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resolution must be 24 to 1200 DPI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: choose a file ending in .png, .svg or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid UTF-16 text; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read as %2; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read as a spreadsheet (CSV, XLSX, ODS) or a GIS layer (GeoJSON, KML, KMZ, GeoPackage, Shapefile, GPX); nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month (1 to 12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a day of that month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (14:30)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (EDTF such as 2023-11-12 or 2023-11?, 12 November 2023, 2023/11/12, or 12/11/2023 with the day and month order chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; could be %2 or %3: choose the day and month order of this column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field an import can fill (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date order is one of auto, dmy, mdy and ymd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: not valid JSON (%3); nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a TimelineJS file: it has no &quot;events&quot; list; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: this Timeline counts time as &quot;%3&quot;; only calendar dates (gregoriantime) can be imported; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2:%3: not valid XML (%4); nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACLED and UCDP files are read as they are imported (importAcled, importUcdp).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample case can only be written into an empty case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of events cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every briefing is written to the case&apos;s custody log, and this case is open read-only; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A briefing is written as .pdf, .svg or .png, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An actor needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new actor cannot carry an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alias cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read from its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An attachment needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large to keep inside a case (%2 MB; the limit is %3 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be read completely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; changed while it was being added; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment #%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be written out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; attach files one by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer #%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity runs from 0 to 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build lacks schema scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A schema script is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the case to schema %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a case file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes), not a case file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a text file, not a case file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a damaged SQLite file: its header is cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a case file: it is not an SQLite database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: its header gives an impossible page size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is truncated: the file is shorter than its header says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not a CaseAtlas case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown schema version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was left mid-change (a crash?) and must be opened for writing once to recover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: the integrity check found %2 problem(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a GeoPackage (a GIS file), not a case. Its layers can be imported into a case instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 claims to be a &quot;%2&quot; file, not a CaseAtlas case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not say which schema version it uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer CaseAtlas (schema %2, needs a reader of schema %3); this version reads schema %4 and older. Update CaseAtlas to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains a %2 named &quot;%3&quot; that a case never has; it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains a %2 &quot;%3&quot; that was changed from what a case has; it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is incomplete: the table &quot;%2&quot; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uses an older schema (%2) and must be updated, but it is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write a backup before updating the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the case would leave rows that refer to nothing; it was not updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy cannot replace the open case itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the copy to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy written to %1 did not check out; nothing was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the copy into place at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a tag named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag #%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An era needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The era &quot;%1&quot; needs a date span.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The era #%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved view needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map extent of a view must be finite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a view named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved view #%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A briefing needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a briefing named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The briefing #%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event &quot;%1&quot; needs a date (EDTF, such as 2023-11 or 2023?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event &quot;%1&quot; has an interval as its date and an end date; use one or the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event &quot;%1&quot; ends (%2) before it starts (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The location of &quot;%1&quot; is outside longitude −180…180 / latitude −90…90.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A location precision must be zero or more metres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The place #%1 given for &quot;%2&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The actor #%1 given for &quot;%2&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every value of &quot;%1&quot; needs a name and a finite number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new event cannot carry an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event #%1 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored date of event #%1 is unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored end date of event #%1 is unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new note cannot carry an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A place needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a two-letter country code (ISO 3166-1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new place cannot carry an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is open read-only; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An edit could not be recorded for undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A source needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address (it needs a scheme such as https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new source cannot carry an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credibility is graded 1 (confirmed) to 6 (cannot be judged), not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cited event #%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cited source #%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new citation cannot carry an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The citation #%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved, and the case is as it was before it. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk could not be read or written: the change was not saved, and the case is as it was before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transaction is not active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a latitude (-90 to 90)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a longitude (-180 to 180)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has %1 columns; the header has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event id %1 was already on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has no event_id_cnty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has no event_type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has no id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date_prec must be 1 to 5, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has no side_a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a latitude (-90 to 90)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a longitude (-180 to 180)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the columns that hold each event&apos;s title and its date (columns: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; (for %2) is not in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has no title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status (draft, corroborated, disputed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sensitivity (public, internal, confidential)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a location precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not the TimelineJS sheet template: the columns &quot;Year&quot; and &quot;Headline&quot; are needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an era needs an end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has no start_date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has no text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date and time (2023-11-12 10:30:00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 place names were not found in the gazetteer and have no location: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsourced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lacks the trigger &quot;%2&quot; that every case has; it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The raster layer &quot;%1&quot; has a tile matrix no image could have; it is not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored bytes of &quot;%1&quot; do not match its recorded SHA-256: the evidence was altered or damaged, and it was not written out. Verify Evidence lists every such file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the copy to %1: the disk is full or could not be written. Nothing was replaced, and the open case is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was altered or damaged: the table &quot;%2&quot; has no column &quot;%3&quot;, which every case has; it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 claims %2 by %3 pixels; CaseAtlas takes images of up to %4 million pixels. Make a smaller copy (gdal_translate -outsize) or a tiled one with overviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stores its pixels in blocks of %2 MB, which would be read whole; CaseAtlas reads blocks of up to %3 MB. Make a tiled copy (gdal_translate -co TILED=YES).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unpacks to more than CaseAtlas reads from a packed file: at most %2 MB in one part and %3 MB in all (it went past that at its part %4). Nothing was imported; save a spreadsheet as CSV, or split the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was cut short while it was read (another program changed it); nothing was imported. Import it again once it is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed while it was read (another program wrote to it); nothing was imported. Import it again once it is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 has a field of more than %2 MB, and CaseAtlas reads fields of up to %2 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 has more than %2 columns, and CaseAtlas reads tables of up to %2 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is UTF-16 text; %2 files are read as UTF-8. Save it as UTF-8 (&quot;CSV UTF-8&quot; in a spreadsheet) and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to import as a table: by row %2 it needs more than %3 MB of memory. Split it into several files; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be imported: row %2 has a cell (%3) of more than %4 MB, and CaseAtlas reads cells of up to %4 MB. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a public export of this case (%2). Importing it would write its pseudonyms, coarse places and public ids over the real records; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the one exported on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its ids are the ones this case gives its events in public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names a protected person as this case does in public, &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 came with a journal (%2) that names another file, &quot;%3&quot;; SQLite would delete that file while recovering the case. The case was not opened and nothing was deleted; remove %2 if you trust the case as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a journal beside it (%2) that SQLite did not write for it; the case was not opened and nothing was changed. Remove %2 if you trust the case as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program is writing %1 right now; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was left mid-change, and what its journal (%2) would restore is not a case CaseAtlas opens; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was left mid-change; there is no room beside it to check its recovery first, so nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was left mid-change (a crash?) and could not be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The custody log&apos;s %1 has no hash: it was written by something other than CaseAtlas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The custody log&apos;s %1 was changed after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The custody log lacks entries %1 to %2: they were removed (the next one is %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The custody log&apos;s %1 does not follow the entry before it: an entry was removed, replaced or inserted there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The custody log no longer has entry %1, which it had when the case was last open on this computer (%2): entries were removed from its end, or this is an older copy of the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The custody log&apos;s entry %1 is not the one it had when the case was last open on this computer (%2): the log was rewritten from there on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files named &quot;%2&quot; were imported into this case; name the one to update by its id (caseatlas info lists them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved. The case is put back as it was when it is next opened, from its journal (%1): keep that file beside it, and free some space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk could not be read or written: the change was not saved. The case is put back as it was when it is next opened, from its journal (%1): keep that file beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approximate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No place called “%1” in the offline gazetteer (GeoNames places of about 500 people or more). Try another spelling, or add the place in People &amp; Places with its coordinates, or click it on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrative area</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the year %1 is deep time (TimelineJS&apos;s cosmological scale); CaseAtlas dates events from -9999 to 9999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the media &quot;%2&quot; is not a web address; it is kept as the source&apos;s title, without a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the media &quot;%2&quot; is a relative address (a file beside the page the timeline was shown on); it is kept as the source&apos;s title, without a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be imported; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n record(s) that cannot be imported; nothing was imported. Fix them, or import with the bad rows skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; could be a day-month or a month-day date: choose the order (--date-order dmy or mdy, or in the import dialog)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (2023-11-12, 12 November 2023, 9-May-20, or 5/9/2020 with the order chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is now titled “%1”, as the file&apos;s title says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::Backlinks</name>
    <message>
        <source>(no note links here)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::BriefingComposer</name>
    <message>
        <source>Briefing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this briefing in the case, to make it again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slides (16:9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public — no confidential records, protected persons pseudonymised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal — no confidential records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full — everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the blocks to show; drag, or Alt+Up/Down, to order them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events beyond this are counted, not shown as cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi (PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subtitle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event &amp;cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export S&amp;VG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export P&amp;NG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s), %1 events, %2 as cards, %3 sources; %4 records withheld by the profile</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n page(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(a new briefing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::CaseDocument</name>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename case to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add event “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit event “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete event “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add source “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit source “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete source “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cite source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add actor “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit actor “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete actor “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add place “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit place “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete place “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tag “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit tag “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add era “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit era “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete era</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save view “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit view “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save briefing “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit briefing “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete briefing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attachment “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link layer “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import layer “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove layer “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer opacity %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move layer up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move layer down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::ChartsPanel</name>
    <message>
        <source>Events per period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source reliability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numeric value to sum, e.g. people repatriated or fatalities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event carries a numeric value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2, cumulative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actors by events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places by events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources by events cited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events by their best source&apos;s reliability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsourced (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chart is saved as .png or .svg, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per year</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a day: in no bar.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a week: in no bar.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a month: in no bar.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a year: in no bar.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>An event is counted in a bar only when everything its date allows lies in that period; the others are counted here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many bars %1 for one chart: shown %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) with no date.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than the period, or not at all, with %1 in all: in no bar.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1%2 %3</source>
        <comment>value name, unit, &apos;per month&apos;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Events per day (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events per week (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events per month (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events per year (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::CitationDialog</name>
    <message>
        <source>Edit Citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cite a Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a new source, described below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page, paragraph, timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New source &amp;title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reliability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Locator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Credibility:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::CustodyLogDialog</name>
    <message>
        <source>Custody Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: action, person, file, hash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Custody Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries are only ever added: the case refuses changes and deletions, and each entry&apos;s hash covers the one before it. The chain is intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This log does not add up — entries were changed, removed or inserted outside CaseAtlas:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::EventInspector</name>
    <message>
        <source>Select an event to see and edit its dates, people, places and sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gazetteer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a populated place from the offline gazetteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the map to give the event a location of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(by precision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far from the point the event may have happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cite a Source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descr&amp;iption:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved t&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensiti&amp;vity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Place from the Gazetteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town or city, e.g. Lashio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perpetrator, victim, witness, official…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>people repatriated, fatalities…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>people, USD…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no place)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(actor #%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsourced: no source supports this event yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rests on a single source; look for another to corroborate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Corroborated by %n independent source(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a source or give the new one a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> mi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event&apos;s text is too long to edit here (a title of %1 and a description of %2 characters); it is shown cut short and kept whole in the case.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::EventTableModel</name>
    <message>
        <source>unsourced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (EDTF %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date (as written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>ရင်းမြစ်များ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>date, its qualifiers</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::FilterBar</name>
    <message>
        <source>Filter: words in title or description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from (EDTF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to (EDTF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>possibly in range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certainly in range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possibly: the event&apos;s dates overlap the range. Certainly: they lie wholly inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public and internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsourced only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An EDTF date: 2023, 2023-11, 2023-11-12, 2023-21 (spring) …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a source graded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all places</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::ImportWizard</name>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For CSV files without a byte order mark (files with one say their own encoding).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layer or sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column that holds each field. A title and a start date are needed; the rest is optional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as Preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find place names without coordinates in the gazetteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between list items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(guessed from the column names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip the bad rows and import the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>ရင်းမြစ်များ</translation>
    </message>
    <message>
        <source>(the first with rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(point)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the columns of the title and the start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s): </source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n read as events</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), the first: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) ready to import</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n era(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported (listed below): skip them, or cancel and fix the file.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the columns must be chosen again (go back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 changed, %4 unchanged, %5 bad rows skipped. The import is recorded in the custody log.%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Edit ▸ Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACLED events (new ones added, known ones updated by event_id_cnty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UCDP events (new ones added, known ones updated by id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New events (this file&apos;s ids are its own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>An update of %1, imported %2 (%n event(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Working out what the import changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It would add %1 event(s), change %2 and leave %3 as they are; %4 field(s) were changed both in the case and in the file since the last import and keep the case&apos;s value; %5 event(s) deleted in the case stay deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept: %1 — %2: the case says “%3”, the file “%4”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) deleted in the case stay deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Numeric &amp;dates (5/9/2020):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row is checked as it is imported. If any cannot be imported, nothing is written unless bad rows are to be skipped. A file a spreadsheet re-saved may write its dates as 5/9/2020: say which is the day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::Keys</name>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corroborated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approximate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin-area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web-page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>social-post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state-body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perpetrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>victim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>official</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>media</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::LayerPanel</name>
    <message>
        <source>Move the layer up (drawn above the others)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom the map to this layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the layer&apos;s attribute table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours, labels and categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the layer from the case (Delete; undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Layer…</source>
        <translation>အလွှာတင်သွင်းရန်(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Link, don&apos;t copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep only the file&apos;s path in the case; the layer is shown as missing if the file goes away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n feature(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> — linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — linked file missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1% opaque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No layers yet: import GeoJSON, TopoJSON, Shapefile, GeoPackage, KML/KMZ, GPX, CSV, GeoTIFF or MBTiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this linked file, outside the case, on this computer from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — linked file not read (Allow to read it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a File Outside the Case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer &quot;%1&quot; links to a file outside the case:

%2

A case made on another computer can name any file. Read this file and show it on the map?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::LayerStyleDialog</name>
    <message>
        <source>Layer Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(one colour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Line colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fill colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::MainWindow</name>
    <message>
        <source>CaseAtlas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>အသင့်</translation>
    </message>
    <message>
        <source>Click the map where the event happened (Escape cancels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1°, %2°</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) of %1 selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the name does not say which format to write (.csv, .geojson, .kml, .timeline.json, .md, .html, .csl.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1 (%2 profile; %3 records withheld); logged in the custody log.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 changed, %4 unchanged, %5 bad rows skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n layer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>စစ်ဆေးကြည့်ရှုရန်</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>အလွှာများ</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>မှတ်စုစာအုပ်</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>ရှာဖွေရန်</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>ရင်းမြစ်များ</translation>
    </message>
    <message>
        <source>People &amp;&amp; Places</source>
        <translation>လူများနှင့်နေရာများ</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>အချိန်လိုင်း</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>မြေပုံ</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>ဇယားများ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ဖိုင်(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>အမှုအသစ်(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>အမှုဖွင့်ရန်(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;Sample Case</source>
        <translation>နမူနာအမှုကိုဖွင့်ရန်(&amp;S)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>မကြာသေးမီကဖွင့်ခဲ့သည်များ(&amp;R)</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>မိတ္တူအဖြစ်သိမ်းရန်(&amp;C)…</translation>
    </message>
    <message>
        <source>Saved a copy to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>ထုတ်ယူရန်(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Briefing…</source>
        <translation>အကျဉ်းချုပ်တင်ပြချက်(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>တင်သွင်းရန်(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Import ACLED Data…</source>
        <translation>ACLED ဒေတာတင်သွင်းရန်(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;UCDP GED Data…</source>
        <translation>UCDP GED ဒေတာတင်သွင်းရန်(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation>အမှုပိတ်ရန်(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ထွက်ရန်(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>တည်းဖြတ်(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>ပြန်ဖျက်ရန်(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ပြန်လုပ်ရန်(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New Event…</source>
        <translation>ဖြစ်ရပ်အသစ်(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Delete Selected Events</source>
        <translation>ရွေးထားသောဖြစ်ရပ်များကိုဖျက်ရန်(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>အမှု(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>အမည်ပြောင်းရန်(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>ကြည့်ရှုရန်(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>ရှာဖွေရန်(&amp;S)…</translation>
    </message>
    <message>
        <source>New &amp;Note</source>
        <translation>မှတ်စုအသစ်(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Fit All Events</source>
        <translation>ဖြစ်ရပ်အားလုံးပြရန်(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Zoom to Selection</source>
        <translation>ရွေးထားသည်ကိုချဲ့ကြည့်ရန်(&amp;Z)</translation>
    </message>
    <message>
        <source>Timeline &amp;Lanes</source>
        <translation>အချိန်လိုင်းတန်းများ(&amp;L)</translation>
    </message>
    <message>
        <source>By &amp;Tag</source>
        <translation>တဂ်အလိုက်(&amp;T)</translation>
    </message>
    <message>
        <source>By &amp;Actor</source>
        <translation>ပါဝင်သူအလိုက်(&amp;A)</translation>
    </message>
    <message>
        <source>By &amp;Place</source>
        <translation>နေရာအလိုက်(&amp;P)</translation>
    </message>
    <message>
        <source>By &amp;Source</source>
        <translation>ရင်းမြစ်အလိုက်(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;One Lane</source>
        <translation>တန်းတစ်ခုတည်း(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export Timeline…</source>
        <translation>အချိန်လိုင်းထုတ်ယူရန်(&amp;E)…</translation>
    </message>
    <message>
        <source>the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>ဇယားများ(&amp;C)</translation>
    </message>
    <message>
        <source>Export C&amp;hart…</source>
        <translation>ဇယားထုတ်ယူရန်(&amp;H)…</translation>
    </message>
    <message>
        <source>the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>မြေပုံ(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Import Layer…</source>
        <translation>အလွှာတင်သွင်းရန်(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Link Layer…</source>
        <translation>အလွှာချိတ်ဆက်ရန်(&amp;L)…</translation>
    </message>
    <message>
        <source>Fit Map to &amp;Events</source>
        <translation>မြေပုံကိုဖြစ်ရပ်များနှင့်ကိုက်ညီစေရန်(&amp;E)</translation>
    </message>
    <message>
        <source>Fit Map to &amp;Selection</source>
        <translation>မြေပုံကိုရွေးထားသည်နှင့်ကိုက်ညီစေရန်(&amp;S)</translation>
    </message>
    <message>
        <source>E&amp;xport Map…</source>
        <translation>မြေပုံထုတ်ယူရန်(&amp;X)…</translation>
    </message>
    <message>
        <source>the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play Through Time</source>
        <translation>အချိန်အလိုက်ပြသရန်(&amp;P)</translation>
    </message>
    <message>
        <source>Map &amp;Follows the Timeline</source>
        <translation>မြေပုံသည်အချိန်လိုင်းကိုလိုက်ရန်(&amp;F)</translation>
    </message>
    <message>
        <source>Online &amp;Tiles…</source>
        <translation>အွန်လိုင်းမြေပုံအကွက်များ(&amp;T)…</translation>
    </message>
    <message>
        <source>Show &amp;Online Tiles</source>
        <translation>အွန်လိုင်းမြေပုံအကွက်များပြရန်(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>အပြင်အဆင်ပြန်လည်သတ်မှတ်ရန်(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>အကူအညီ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>ကီးဘုတ်ဖြတ်လမ်းများ(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About CaseAtlas</source>
        <translation>CaseAtlas အကြောင်း(&amp;A)</translation>
    </message>
    <message>
        <source>About CaseAtlas</source>
        <translation>CaseAtlas အကြောင်း</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CaseAtlas %1&lt;/h3&gt;&lt;p&gt;Evidence-backed chronologies: timeline, map and notebook in one case file (SQLite + GeoPackage).&lt;/p&gt;&lt;p&gt;The sample case is built from a Candid.Technology article reporting a Washington Post investigation; quotes are paraphrased.&lt;/p&gt;&lt;p&gt;Basemap: Natural Earth (public domain). Place names: GeoNames (CC BY 4.0, geonames.org).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a Copy As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title of the event on %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIS files (*.geojson *.json *.topojson *.shp *.zip *.gpkg *.kml *.kmz *.gpx *.csv *.tif *.tiff *.mbtiles);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.png *.svg *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Briefing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Briefing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.png *.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online Tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of an XYZ tile service, with {z}, {x} and {y}.
The map will fetch tiles from it over the internet while online tiles are on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;GeoJSON (*.geojson);;KML for Google Earth (*.kml);;TimelineJS (*.timeline.json);;Markdown report (*.md);;HTML report (*.html);;CSL-JSON sources for Zotero (*.csl.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public — withhold confidential records, pseudonyms for protected persons, rough coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal — withhold confidential records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full — everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is this export for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import ACLED Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACLED export (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import UCDP GED Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UCDP GED (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All importable files (*.csv *.tsv *.txt *.xlsx *.ods *.json *.geojson *.kml *.kmz *.gpkg *.shp *.zip *.gpx *.timeline);;Spreadsheets (*.csv *.tsv *.txt *.xlsx *.ods);;TimelineJS (*.json *.csv *.xlsx);;Timeline (*.timeline);;GIS points (*.geojson *.kml *.kmz *.gpkg *.shp *.zip *.gpx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows That Cannot Be Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Import the other rows and skip these?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already open in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another window of this CaseAtlas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CaseAtlas process %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already open in %2. Switch to it, or close the case there first; two windows writing one case could overwrite each other&apos;s edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building indexes… %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing for search… %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search indexing stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1. Changes cannot be saved to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case was updated to the current format; the previous version was kept as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — CaseAtlas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unsourced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The filter shows %1 of %2 events.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The list shows the first %1 events.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline ▸ Zoom in / out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ / −</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline ▸ Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left / Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline ▸ Select the previous / next event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Left / Ctrl+Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline ▸ Fit all events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline ▸ Zoom to the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline ▸ Scroll the lanes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Briefing ▸ Move a block up / down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Up / Alt+Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>ကီးဘုတ်ဖြတ်လမ်းများ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ဘာသာစကား(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>စနစ်အတိုင်း</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>အသွင်အပြင်(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>စနစ်အတိုင်း(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>အလင်း(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>အမှောင်(&amp;D)</translation>
    </message>
    <message>
        <source>%1 of %2 events shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>ဦးစားပေးချက်များ(&amp;P)…</translation>
    </message>
    <message numerus="yes">
        <source>The custody log of %1 does not add up (%n finding(s)): entries were changed, removed or inserted outside CaseAtlas. The case is open, but its record of who did what with the evidence cannot be relied on.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check the Whole File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading every page of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check of %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked every page of %1: no damage found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is damaged: SQLite&apos;s check of the whole file found %n problem(s). Save what still reads (Save a Copy) and go back to a backup.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::MapTimeBar</name>
    <message>
        <source>Play through the case (Space on the slider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time shown on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 week at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 month at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 months at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::NewEventDialog</name>
    <message>
        <source>New Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EDTF: 2023-11-12, 2023-11?, 2023~/2024, ../2024-01-05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no place yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::NotebookPanel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown. Type [[ to link an event, actor, place or source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (confidential)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::PeoplePlacesPanel</name>
    <message>
        <source>Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language (zh-Hans, my, en…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>town, compound, border crossing, region…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a town to add it from the gazetteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gazetteer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (protected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude runs from -90 to 90 and longitude from -180 to 180.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such gazetteer entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected person (victim, witness)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never named in public exports and briefings: a pseudonym stands in for every name and alias.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kilometres and metres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Miles and feet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As written (EDTF: 2023-11?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In words (Nov 2023?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town and city names from the offline gazetteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch map tiles from the internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty the Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>စနစ်အတိုင်း</translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Distances:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates in the &amp;list:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile &amp;cache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ppearance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every import, export, briefing and piece of evidence is recorded in a case&apos;s custody log under this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::SearchPanel</name>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>ရင်းမြစ်များ</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search events, quotes, notes, sources, people, places (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing the case for search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::SourceLibrary</name>
    <message>
        <source>Filter sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add from &amp;Address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add from &amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody &amp;Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes linking to this source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files here to keep them in the case as sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a file as a source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where it was found, https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Original address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Captured at (UTC):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a date and time such as 2024-01-05T14:30:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (SHA-256 kept in the custody log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verified %n file(s): every one matches its SHA-256.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (#%2): stored %3, now %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) no longer match their SHA-256: the evidence was changed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add a Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EDTF, e.g. 2023-11-12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is fetched: enter what you know by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pu&amp;blished:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rchived copy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reliability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A source needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of this source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 bytes — SHA-256 %3…
captured %4 by %5 %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1; the custody log records it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::SourceTableModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>caseatlas::TimelineView</name>
    <message>
        <source>Open a case to see its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;Unsourced&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n source(s), best reliability %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) from %1 to %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::WelcomePage</name>
    <message>
        <source>&lt;h1&gt;CaseAtlas&lt;/h1&gt;&lt;p&gt;Build a chronology you can defend: events with their sources, on a timeline and a map, with notes that link it all.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;sample case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scam compounds in Myanmar&apos;s Kokang region: protection, crackdown, repatriation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent cases:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
