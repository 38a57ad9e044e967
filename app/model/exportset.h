#pragma once

#include "core/result.h"
#include "domain/actor.h"
#include "domain/era.h"
#include "domain/event.h"
#include "domain/note.h"
#include "domain/place.h"
#include "domain/sensitivity.h"
#include "domain/source.h"
#include "model/casefilter.h"
#include "model/redactor.h"

#include <QHash>
#include <QMap>

#include <functional>
#include <optional>

namespace caseatlas {

class CaseDocument;
class SqliteDatabase;

// What an export or a briefing takes from the case: who it is for, which events, and how it
// reports progress (see ExportOptions for the formats written by io/).
struct ExportScope {
    ExportProfile profile = ExportProfile::Internal;
    std::optional<FilterCriteria> filter; // only these events (a saved view's filter)
    double gridDegrees = 0.1;             // public: internal events' coordinates snapped to this
    // (events done, events in all); return false to cancel: no file is written and nothing is
    // logged.
    std::function<bool(qint64, qint64)> progress;
};

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
    // Names that must not appear (protected persons, withheld actors and places, with their
    // aliases), each with what stands in its place. Every text that leaves goes through it.
    Redactor redactor;
    qint64 withheld = 0;
    // Public exports carry no id that could be matched against a guess (an event's UUID may be
    // derived from its file, title and date): ids are keyed with this secret of the case
    // (caseatlas_meta "export_key"), and events are numbered in the order they leave.
    QByteArray idKey;
    QHash<qint64, qint64> publicNumbers;

    QString clean(const QString& text) const { return redactor.clean(text); }
    QStringList clean(const QStringList& texts) const {
        QStringList out;
        out.reserve(texts.size());
        for (const QString& t : texts)
            out << redactor.clean(t);
        return out;
    }
    bool isPublic() const { return profile == ExportProfile::Public; }
    // The ids as they leave: keyed in public exports, the case's own otherwise.
    QString eventUuid(const Event& e) const;
    QString sourceUuid(const Source& s) const;
    qint64 eventNumber(const Event& e) const {
        return isPublic() ? publicNumbers.value(e.id) : e.id;
    }
    // Sources of an event in footnote order, numbered across the export.
    QString placeName(qint64 id) const {
        const auto it = places.constFind(id);
        return it == places.cend() ? QString() : it->name;
    }
    const Source& source(qint64 id) const {
        static const Source none;
        const auto it = sources.constFind(id);
        return it == sources.cend() ? none : *it;
    }
    QString actorName(qint64 id) const {
        const auto it = actors.constFind(id);
        return it == actors.cend() ? QString() : it->name;
    }
};

// Whether the profile keeps a record of this sensitivity out.
bool withheldBy(ExportProfile profile, Sensitivity s);
// A stable pseudonym for a protected person: the same person gets the same name in every
// export of this case, and nothing of the name is in it — nor can it be confirmed from a guessed
// name, being keyed with the case's secret export key.
QString pseudonym(const QByteArray& key, const QString& uuid);
// An id keyed with the case's export key, formatted as a UUID.
QString keyedUuid(const QByteArray& key, const QString& kind, const QString& uuid);
// What the profile keeps of the case around its events, and the events' ids in order.
Result<ExportSet> collectContext(CaseDocument& doc, const ExportScope& o);
// One event as it leaves: false when the profile withholds it. Its citations (and their
// sources) go into the set.
Result<bool> takeEvent(SqliteDatabase& db, const ExportScope& o, ExportSet& set, qint64 id,
                       Event& e);
// Everything, the events loaded (the formats written as one document).
Result<ExportSet> collect(CaseDocument& doc, const ExportScope& o);
// A note's Markdown with its links written as the targets' names (or [withheld]).
QString noteMarkdown(const ExportSet& set, const Note& n);
// A source as a footnote: title, publisher, date, URL, archive URL, reliability.
QString sourceLine(const Source& s);

} // namespace caseatlas
