#pragma once

#include "core/result.h"
#include "domain/actor.h"
#include "domain/era.h"
#include "domain/event.h"
#include "domain/note.h"
#include "domain/place.h"
#include "domain/source.h"
#include "io/caseexport.h"

#include <QHash>
#include <QMap>

namespace caseatlas {

class CaseDocument;
class SqliteDatabase;

// What leaves the file, after the profile has been applied.
struct ExportSet {
    QString title, caseId;
    ExportProfile profile = ExportProfile::Internal;
    QList<qint64> ids;                        // the events to export, in order
    QList<Event> events;                      // loaded (for the formats written as one document)
    QHash<qint64, QList<Citation>> citations; // by event
    QHash<qint64, Source> allSources;
    QMap<qint64, Source> sources;
    QHash<qint64, Actor> actors;
    QHash<qint64, Place> places;
    QList<Note> notes;
    QList<Era> eras;
    // Names that must not appear (protected persons, withheld actors and places), and what
    // stands in their place; longest first.
    QList<std::pair<QString, QString>> redactions;
    qint64 withheld = 0;

    QString clean(QString text) const {
        for (const auto& [name, replacement] : redactions)
            text.replace(name, replacement, Qt::CaseInsensitive);
        return text;
    }
    // Sources of an event in footnote order, numbered across the export.
    QString placeName(qint64 id) const {
        const auto it = places.constFind(id);
        return it == places.cend() ? QString() : clean(it->name);
    }
    const Source& source(qint64 id) const {
        static const Source none;
        const auto it = sources.constFind(id);
        return it == sources.cend() ? none : *it;
    }
    QString actorName(qint64 id) const {
        const auto it = actors.constFind(id);
        return it == actors.cend() ? QString() : clean(it->name);
    }
};

// Whether the profile keeps a record of this sensitivity out.
bool withheldBy(ExportProfile profile, Sensitivity s);
// A stable pseudonym for a protected person: the same person gets the same name in every
// export of this case, and nothing of the name is in it.
QString pseudonym(const QString& caseId, const QString& uuid);
// What the profile keeps of the case around its events, and the events' ids in order.
Result<ExportSet> collectContext(CaseDocument& doc, const ExportOptions& o);
// One event as it leaves: false when the profile withholds it. Its citations (and their
// sources) go into the set.
Result<bool> takeEvent(SqliteDatabase& db, const ExportOptions& o, ExportSet& set, qint64 id,
                       Event& e);
// Everything, the events loaded (the formats written as one document).
Result<ExportSet> collect(CaseDocument& doc, const ExportOptions& o);
// A note's Markdown with its links written as the targets' names (or [withheld]).
QString noteMarkdown(const ExportSet& set, const Note& n);
// A source as a footnote: title, publisher, date, URL, archive URL, reliability.
QString sourceLine(const Source& s);

} // namespace caseatlas
