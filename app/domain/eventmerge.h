#pragma once

#include "domain/event.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace caseatlas {

// The fields of an event a file can give it, as flags: which ones a format (or a spreadsheet's
// column mapping) carries, and so which ones an update from it may change.
enum ImportField : quint32 {
    FieldTitle = 1 << 0,
    FieldDescription = 1 << 1,
    FieldStart = 1 << 2,
    FieldEnd = 1 << 3,
    FieldPoint = 1 << 4,
    FieldPlace = 1 << 5,
    FieldPrecision = 1 << 6,
    FieldTags = 1 << 7,
    FieldActors = 1 << 8,
    FieldValues = 1 << 9,
    FieldStatus = 1 << 10,
    FieldSensitivity = 1 << 11,
};
using ImportFields = quint32;
constexpr ImportFields kAllImportFields = (1u << 12) - 1;

// An event's importable fields as text, the way they are compared and kept as an import's base:
// a scalar as a string, a list (tags, actors with their roles, values) as its sorted items.
QJsonObject importedFields(const Event& e, ImportFields fields = kAllImportFields);

// A field both the case and the file changed, apart, since the file was last imported: the
// case's value is kept and the two are listed.
struct ImportConflict {
    qint64 eventId = 0;
    qint64 line = 0; // the record's line (row, feature) in the file
    QString title;   // the event's, as in the case
    QString field;   // "title", "start", "place", …
    QString ours, theirs;
};

// Three-way merge of an event with the record of a file that updates it: `base` is what the file
// gave last time (none: the event was not edited since, so it is `ours`). A field the file did
// not change keeps the case's value (an edit made in CaseAtlas); one the case did not change
// takes the file's; one both changed alike stays; one both changed apart is a conflict and keeps
// the case's. Lists merge as sets: what the file added since is added, what it removed is
// removed, and what the case added stays.
struct EventMerge {
    Event event;         // the case's event with the file's changes
    QStringList changed; // fields that change in the case
    QList<ImportConflict> conflicts;
    bool matchesFile = true; // false: the case keeps something the file does not say
};
EventMerge mergeImportedEvent(const Event& ours, const Event& theirs,
                              const std::optional<QJsonObject>& base, ImportFields fields);

} // namespace caseatlas
