#pragma once

// A thin RAII layer over the sqlite3 C API: a connection, prepared statements,
// transactions and incremental blob I/O. Errors come back as Result values.

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <map>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_blob;

namespace caseatlas {

class SqliteStatement;

class SqliteDatabase {
public:
    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };

    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(SqliteDatabase&& other) noexcept;
    SqliteDatabase& operator=(SqliteDatabase&& other) noexcept;
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    // Opens without ever creating a file unless the mode says so. Applies the hardening every
    // connection of the app gets: defensive mode, no extension loading, no mmap, untrusted schema.
    static Result<SqliteDatabase> open(const QString& path, Mode mode);
    static Result<SqliteDatabase> openMemory();
    // Process-wide settings, called once by main() before any connection opens: SQLite keeps no
    // memory statistics (nothing reads them, and each of its allocations would take a global lock
    // to count them; a large import's sorts allocate millions of times). False when the library
    // was already in use (SQLite takes this only before).
    static bool configureLibrary();

    // How long a statement waits for another connection's lock before it gives up.
    static constexpr int DefaultBusyMs = 2000;
    void setBusyTimeout(int ms);

    bool isOpen() const { return m_db != nullptr; }
    bool isReadOnly() const { return m_readOnly; }
    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; }
    void close();

    // Runs one or more statements that return no rows needed by the caller.
    Status exec(const QString& sql);
    Result<SqliteStatement> prepare(const QString& sql);
    // A prepared statement kept for the life of the connection, reset and unbound, for hot
    // paths that run the same SQL many times. The pointer stays valid until close().
    Result<SqliteStatement*> cached(const QString& sql);
    // The first column of the first row, or an invalid QVariant when there is no row.
    Result<QVariant> scalar(const QString& sql, const QVariantList& params = {});
    Result<qint64> count(const QString& sql, const QVariantList& params = {});
    // Runs one statement (cached) with parameters; returns the number of rows it changed.
    Result<int> execute(const QString& sql, const QVariantList& params = {});
    qint64 lastInsertId() const;
    int changes() const;
    bool inTransaction() const;
    bool tableExists(const QString& table);

    Error lastError(ErrorCode code = ErrorCode::Database, const QString& context = {}) const;

private:
    sqlite3* m_db = nullptr;
    bool m_readOnly = false;
    QString m_path;
    std::map<QString, std::unique_ptr<SqliteStatement>> m_cache;
};

class SqliteStatement {
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt)
        : m_db(db)
        , m_stmt(stmt) {}
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // Parameters are 1-based, as in SQLite. A null QVariant binds NULL.
    SqliteStatement& bind(int index, const QVariant& value);
    SqliteStatement& bind(int index, qint64 value);
    SqliteStatement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bind(int index, const QString& value);
    SqliteStatement& bind(int index, const QByteArray& blob);
    SqliteStatement& bindNull(int index);
    SqliteStatement& bindAll(const QVariantList& values);

    // true: a row is ready; false: done. Errors come back as an Error.
    Result<bool> step();
    // Steps to completion, for statements that return no rows.
    Status run();
    // Calls fn(*this) for every row.
    template <typename Fn> Status forEachRow(Fn&& fn) {
        for (;;) {
            auto row = step();
            if (!row)
                return row.error();
            if (!row.value())
                return {};
            fn(*this);
        }
    }
    void reset();

    int columnCount() const;
    QString columnName(int column) const;
    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    // The UTF-8 bytes of a text column without a copy; valid until the next step or reset.
    QByteArrayView utf8(int column) const;
    QByteArray blob(int column) const;
    QVariant value(int column) const;

    sqlite3_stmt* handle() const { return m_stmt; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    int m_bindError = 0;
};

// A table or column name as SQL text: in double quotes, inner quotes doubled.
QString sqlIdentifier(const QString& name);

// BEGIN IMMEDIATE on construction; rolls back on destruction unless committed.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDatabase& db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;

    const Status& status() const { return m_begin; }
    Status commit();
    void rollback();

private:
    SqliteDatabase& m_db;
    Status m_begin;
    bool m_active = false;
};

// Incremental I/O on one BLOB cell, so large attachments are streamed, not copied whole.
class SqliteBlob {
public:
    ~SqliteBlob();
    SqliteBlob(SqliteBlob&& other) noexcept;
    SqliteBlob& operator=(SqliteBlob&& other) noexcept;
    SqliteBlob(const SqliteBlob&) = delete;
    SqliteBlob& operator=(const SqliteBlob&) = delete;

    static Result<SqliteBlob> open(SqliteDatabase& db, const QString& table, const QString& column,
                                   qint64 rowid, bool writable);
    qint64 size() const;
    Result<QByteArray> read(qint64 offset, qint64 length);
    Status write(qint64 offset, const QByteArray& data);

private:
    SqliteBlob(sqlite3* db, sqlite3_blob* blob)
        : m_db(db)
        , m_blob(blob) {}
    sqlite3* m_db = nullptr;
    sqlite3_blob* m_blob = nullptr;
};

} // namespace caseatlas
