#pragma once

#include "core/result.h"
#include "store/sqlite.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace caseatlas {

// A *.caseatlas file: an SQLite database that is also a GeoPackage, identified by its
// caseatlas_meta table. Creating, identifying, opening (with hardening and migration) and
// copying it live here; what is inside is read and written by the repositories.
class CaseFile {
public:
    static constexpr int SchemaVersion = 12; // what this build writes
    // The oldest reader that understands what it writes: schema 7 changed the custody log's
    // guard, which older readers refuse as altered; schema 10's search indexes answer only the
    // queries of a reader that checks each candidate (older ones ask for phrases); schema 11's
    // event actors, tags and values have no ids, which older readers order by; schema 12 keeps
    // every edit as a changeset, which an older writer would leave out (its copies would no
    // longer merge).
    static constexpr int MinReaderVersion = 12;
    static constexpr quint32 GeoPackageApplicationId = 0x47504B47; // "GPKG"
    static constexpr int GeoPackageUserVersion = 10200;            // GeoPackage 1.2
    static inline const QString FormatName = QStringLiteral("CaseAtlas");
    static inline const QString Suffix = QStringLiteral("caseatlas");

    enum class Access { ReadWrite, ReadOnly };

    CaseFile() = default;
    CaseFile(CaseFile&&) = default;
    CaseFile& operator=(CaseFile&&) = default;

    // Creates a new, empty case. Refuses to overwrite. `schemaVersion` below the current one
    // exists for migration tests.
    static Result<CaseFile> create(const QString& path, const QString& title,
                                   int schemaVersion = SchemaVersion);
    // Opens an existing case; never creates or changes a file it refuses. Migrates an older
    // schema after writing a backup copy next to it. A read-only file opens read-only.
    static Result<CaseFile> open(const QString& path, Access access = Access::ReadWrite);
    // Header-level identification without SQLite: missing, folder, empty, text, not SQLite,
    // truncated, not a GeoPackage. Success means "an SQLite GeoPackage worth opening".
    static Status identify(const QString& path);

    SqliteDatabase& db() { return m_db; }
    const QString& path() const { return m_path; }
    const QString& caseId() const { return m_caseId; }
    int schemaVersion() const { return m_schemaVersion; }
    bool isReadOnly() const { return m_db.isReadOnly(); }
    // Where the pre-migration copy went, when this open migrated the file.
    const QString& backupPath() const { return m_backupPath; }
    // Why the case opened read-only, empty if it did not.
    const QString& readOnlyReason() const { return m_readOnlyReason; }

    Result<QString> meta(const QString& key);
    Status setMeta(const QString& key, const QString& value);

    // `quick` runs quick_check, otherwise integrity_check: each reads the whole file. Empty
    // list: the file is sound.
    Result<QStringList> integrityProblems(bool quick);
    // What every open checks without reading the whole file: SQLite's check of the schema and
    // meta tables, and the root page and outer edges of every table and index (SQLite checks each
    // page it reads, cell_size_check is on). Empty list: nothing found.
    Result<QStringList> structureProblems();
    // integrity_check of the file at `path` on a read-only connection of its own, so that it can
    // run in a thread beside the open case; `cancelled` is polled while SQLite reads and stops
    // the check (an error that says so).
    static Result<QStringList> checkWholeFile(const QString& path,
                                              const std::function<bool()>& cancelled);

    // A consistent copy: VACUUM INTO a temporary name in the target folder, checked, renamed.
    Status saveCopy(const QString& targetPath);
    // Drops the layer tables parked aside by undoable removals (see ParkedLayer).
    static Status dropParkedTables(SqliteDatabase& db);

    void close() { m_db.close(); }

private:
    // How much of the file an open reads to check it: its structure (every open), or all of it
    // (after a crash's journal was played back).
    enum class Check { Structure, WholeFile };
    static Result<CaseFile> openChecked(const QString& path, Access access, bool migrate = true,
                                        Check check = Check::Structure);
    static Status recoverInterruptedChange(const QString& path, Access access);
    Status migrate(int fromVersion);
    Status applyConnectionSettings();
    // The rows of an integrity pragma other than "ok"; damage that stops the check is a row.
    Result<QStringList> checkProblems(const QString& pragma);
    Status removeLeftovers();

    SqliteDatabase m_db;
    QString m_path;
    QString m_caseId;
    QString m_backupPath;
    QString m_readOnlyReason;
    int m_schemaVersion = 0;
};

// The numbered schema scripts shipped in resources (:/schema/NNNN_name.sql).
QStringList schemaScripts();
// Runs scripts (from, to] on `db` (no transaction of its own).
Status applySchemaScripts(SqliteDatabase& db, int fromVersion, int toVersion);

} // namespace caseatlas
