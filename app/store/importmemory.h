#pragma once

#include "store/sqlite.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>

#include <optional>

namespace caseatlas {

// What the case remembers of its imports (schema 8): the datasets imported, the base of each
// event edited since its file gave it (for three-way updates), and the events deleted in
// CaseAtlas (which an update does not bring back).
class ImportMemory {
public:
    explicit ImportMemory(SqliteDatabase& db)
        : m_db(db) {}

    struct Dataset {
        QString id;     // "acled", "ucdp", "dataset:UUID", or a file name (imported before)
        QString format; // importFormatKey()
        QString name;   // the file's name when first imported
        QDateTime firstImported, lastImported;
        QString lastSha256;
        qint64 events = 0;
    };
    Result<QList<Dataset>> datasets();
    // By id, or by name when exactly one dataset has it.
    Result<std::optional<Dataset>> dataset(const QString& idOrName);
    // Records an import of `d` (made or updated).
    Status recordImport(const Dataset& d);

    Result<std::optional<QJsonObject>> base(qint64 eventId);
    Status setBase(qint64 eventId, const QJsonObject& fields);
    Status clearBase(qint64 eventId);
    // Before an edit in CaseAtlas: the event as its file gave it becomes its base, once.
    Status keepBaseBeforeEdit(qint64 eventId, const QJsonObject& fieldsNow);

    Status rememberDeleted(const QStringList& uuids);
    Result<QSet<QString>> deletedUuids();

private:
    SqliteDatabase& m_db;
};

} // namespace caseatlas
