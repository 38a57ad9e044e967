<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>caseatlas</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n record(s) that cannot be imported; nothing was imported. Fix them, or import with the bad rows skipped.</source>
        <translation>
            <numerusform>%1 has %n record that cannot be imported; nothing was imported. Fix them, or import with the bad rows skipped.</numerusform>
            <numerusform>%1 has %n records that cannot be imported; nothing was imported. Fix them, or import with the bad rows skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::BriefingComposer</name>
    <message numerus="yes">
        <source>%n page(s), %1 events, %2 as cards, %3 sources; %4 records withheld by the profile</source>
        <translation>
            <numerusform>%n page, %1 events, %2 as cards, %3 sources; %4 records withheld by the profile</numerusform>
            <numerusform>%n pages, %1 events, %2 as cards, %3 sources; %4 records withheld by the profile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n page(s))</source>
        <translation>
            <numerusform>Wrote %1 (%n page)</numerusform>
            <numerusform>Wrote %1 (%n pages)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::ChartsPanel</name>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a day: in no bar.</source>
        <translation>
            <numerusform>%n event dated more loosely than a day: in no bar.</numerusform>
            <numerusform>%n events dated more loosely than a day: in no bar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a week: in no bar.</source>
        <translation>
            <numerusform>%n event dated more loosely than a week: in no bar.</numerusform>
            <numerusform>%n events dated more loosely than a week: in no bar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a month: in no bar.</source>
        <translation>
            <numerusform>%n event dated more loosely than a month: in no bar.</numerusform>
            <numerusform>%n events dated more loosely than a month: in no bar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than a year: in no bar.</source>
        <translation>
            <numerusform>%n event dated more loosely than a year: in no bar.</numerusform>
            <numerusform>%n events dated more loosely than a year: in no bar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) with no date.</source>
        <translation>
            <numerusform>%n event with no date.</numerusform>
            <numerusform>%n events with no date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated more loosely than the period, or not at all, with %1 in all: in no bar.</source>
        <translation>
            <numerusform>%n event dated more loosely than the period, or not at all, with %1 in all: in no bar.</numerusform>
            <numerusform>%n events dated more loosely than the period, or not at all, with %1 in all: in no bar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events per day (%n)</source>
        <translation>
            <numerusform>Events per day (%n)</numerusform>
            <numerusform>Events per day (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events per week (%n)</source>
        <translation>
            <numerusform>Events per week (%n)</numerusform>
            <numerusform>Events per week (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events per month (%n)</source>
        <translation>
            <numerusform>Events per month (%n)</numerusform>
            <numerusform>Events per month (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events per year (%n)</source>
        <translation>
            <numerusform>Events per year (%n)</numerusform>
            <numerusform>Events per year (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::EventInspector</name>
    <message numerus="yes">
        <source>Corroborated by %n independent source(s).</source>
        <translation>
            <numerusform>Corroborated by %n independent source.</numerusform>
            <numerusform>Corroborated by %n independent sources.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::ImportWizard</name>
    <message numerus="yes">
        <source>The first %n row(s): </source>
        <translation>
            <numerusform>The first %n row: </numerusform>
            <numerusform>The first %n rows: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n read as events</source>
        <translation>
            <numerusform>%n read as events</numerusform>
            <numerusform>%n read as events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), the first: %1</source>
        <translation>
            <numerusform>%n problem, the first: %1</numerusform>
            <numerusform>%n problems, the first: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) ready to import</source>
        <translation>
            <numerusform>%n event ready to import</numerusform>
            <numerusform>%n events ready to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n era(s)</source>
        <translation>
            <numerusform>%n era</numerusform>
            <numerusform>%n eras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported (listed below): skip them, or cancel and fix the file.</source>
        <translation>
            <numerusform>%n row cannot be imported (listed below): skip them, or cancel and fix the file.</numerusform>
            <numerusform>%n rows cannot be imported (listed below): skip them, or cancel and fix the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An update of %1, imported %2 (%n event(s))</source>
        <translation>
            <numerusform>An update of %1, imported %2 (%n event)</numerusform>
            <numerusform>An update of %1, imported %2 (%n events)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) deleted in the case stay deleted.</source>
        <translation>
            <numerusform>%n event deleted in the case stays deleted.</numerusform>
            <numerusform>%n events deleted in the case stay deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::LayerPanel</name>
    <message numerus="yes">
        <source>%1 (%n feature(s))</source>
        <translation>
            <numerusform>%1 (%n feature)</numerusform>
            <numerusform>%1 (%n features)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::MainWindow</name>
    <message numerus="yes">
        <source>%n event(s) of %1 selected</source>
        <translation>
            <numerusform>%n event of %1 selected</numerusform>
            <numerusform>%n events of %1 selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1 (%2 profile; %3 records withheld); logged in the custody log.</source>
        <translation>
            <numerusform>Exported %n event to %1 (%2 profile; %3 records withheld); logged in the custody log.</numerusform>
            <numerusform>Exported %n events to %1 (%2 profile; %3 records withheld); logged in the custody log.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n layer(s)</source>
        <translation>
            <numerusform>Imported %n layer</numerusform>
            <numerusform>Imported %n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The custody log of %1 does not add up (%n finding(s)): entries were changed, removed or inserted outside CaseAtlas. The case is open, but its record of who did what with the evidence cannot be relied on.</source>
        <translation>
            <numerusform>The custody log of %1 does not add up (%n finding): entries were changed, removed or inserted outside CaseAtlas. The case is open, but its record of who did what with the evidence cannot be relied on.</numerusform>
            <numerusform>The custody log of %1 does not add up (%n findings): entries were changed, removed or inserted outside CaseAtlas. The case is open, but its record of who did what with the evidence cannot be relied on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is damaged: SQLite&apos;s check of the whole file found %n problem(s). Save what still reads (Save a Copy) and go back to a backup.</source>
        <translation>
            <numerusform>%1 is damaged: SQLite's check of the whole file found %n problem. Save what still reads (Save a Copy) and go back to a backup.</numerusform>
            <numerusform>%1 is damaged: SQLite's check of the whole file found %n problems. Save what still reads (Save a Copy) and go back to a backup.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::SourceLibrary</name>
    <message numerus="yes">
        <source>Verified %n file(s): every one matches its SHA-256.</source>
        <translation>
            <numerusform>Verified %n file: every one matches its SHA-256.</numerusform>
            <numerusform>Verified %n files: every one matches its SHA-256.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) no longer match their SHA-256: the evidence was changed.</source>
        <translation>
            <numerusform>%n file no longer matches its SHA-256: the evidence was changed.</numerusform>
            <numerusform>%n files no longer match their SHA-256: the evidence was changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>caseatlas::TimelineView</name>
    <message numerus="yes">
        <source>%n source(s), best reliability %1</source>
        <translation>
            <numerusform>%n source, best reliability %1</numerusform>
            <numerusform>%n sources, best reliability %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) from %1 to %2</source>
        <translation>
            <numerusform>%n event from %1 to %2</numerusform>
            <numerusform>%n events from %1 to %2</numerusform>
        </translation>
    </message>
</context>
</TS>
