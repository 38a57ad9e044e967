#include "store/sqlite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <sqlite3.h>

#include <utility>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

QString sqliteMessage(sqlite3* db) {
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : u"out of memory"_s;
}

ErrorCode codeFor(int rc);

bool isWriteFailure(int rc) {
    return (rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR;
}

// An SQLite failure as a user reads it. A full or failing disk is theirs to fix, and what
// happened must be plain — and true when it is said: the transaction is rolled back first, and
// a read makes SQLite play back a journal the failure left hot (a connection in its error state
// does so only at its next read). Only when no journal is left beside the file, and so the file
// is byte for byte what it was, does the message say the case is as it was.
Error errorFor(sqlite3* db, int rc, const QString& detail, const QString& context = {}) {
    if (!isWriteFailure(rc))
        return makeError(codeFor(rc),
                         context.isEmpty() ? u"A database operation failed."_s : context, detail);
    bool restored = true;
    QString journal;
    if (db) {
        if (!sqlite3_get_autocommit(db))
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
        const char* file = sqlite3_db_filename(db, "main");
        if (file && *file) {
            journal = QString::fromUtf8(file) + u"-journal"_s;
            QFile j(journal);
            char first = 0;
            restored = !j.open(QIODevice::ReadOnly) || !j.getChar(&first) || first == 0;
        }
    }
    const bool full = (rc & 0xff) == SQLITE_FULL;
    QString message;
    if (restored)
        message = full ? QCoreApplication::translate(
                             "caseatlas",
                             "The disk is full: the change was not saved, and the case is as it "
                             "was before it. Free some space and try again.")
                       : QCoreApplication::translate(
                             "caseatlas",
                             "The disk could not be read or written: the change was not saved, "
                             "and the case is as it was before it.");
    else
        message = (full ? QCoreApplication::translate(
                              "caseatlas",
                              "The disk is full: the change was not saved. The case is put back "
                              "as it was when it is next opened, from its journal (%1): keep that "
                              "file beside it, and free some space.")
                        : QCoreApplication::translate(
                              "caseatlas",
                              "The disk could not be read or written: the change was not saved. "
                              "The case is put back as it was when it is next opened, from its "
                              "journal (%1): keep that file beside it."))
                      .arg(QDir::toNativeSeparators(journal));
    return makeError(ErrorCode::Io, message, detail);
}

ErrorCode codeFor(int rc) {
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
        return ErrorCode::Corrupt;
    case SQLITE_NOTADB:
        return ErrorCode::NotSqlite;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
        return ErrorCode::Io;
    case SQLITE_READONLY:
        return ErrorCode::ReadOnly;
    default:
        return ErrorCode::Database;
    }
}

} // namespace

SqliteDatabase::~SqliteDatabase() {
    close();
}

SqliteDatabase::SqliteDatabase(SqliteDatabase&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_readOnly(other.m_readOnly)
    , m_path(std::move(other.m_path))
    , m_cache(std::move(other.m_cache)) {}

SqliteDatabase& SqliteDatabase::operator=(SqliteDatabase&& other) noexcept {
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_readOnly = other.m_readOnly;
        m_path = std::move(other.m_path);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

void SqliteDatabase::close() {
    m_cache.clear();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

bool SqliteDatabase::configureLibrary() {
    // Fails harmlessly (SQLITE_MISUSE) once the library is initialised.
    // Statement journals keep SQLite's spill threshold (64 KiB): 3.40 fails a statement with
    // SQLITE_FULL when a journal spills past a larger one after earlier statements used it.
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
}

Result<SqliteDatabase> SqliteDatabase::open(const QString& path, Mode mode) {
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3* raw = nullptr;
    const QByteArray utf8 = path.toUtf8();
    const int rc = sqlite3_open_v2(utf8.constData(), &raw, flags, nullptr);
    SqliteDatabase db;
    db.m_db = raw;
    db.m_readOnly = mode == Mode::ReadOnly;
    db.m_path = path;
    if (rc != SQLITE_OK) {
        Error e = makeError(codeFor(rc), u"Could not open the database."_s,
                            u"%1: %2"_s.arg(path, sqliteMessage(raw)));
        return e;
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, DefaultBusyMs);
    // Hardening: a case file from someone else must not be able to do more than hold data.
    sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    CA_TRY(db.exec(u"PRAGMA mmap_size=0; PRAGMA cell_size_check=ON; PRAGMA foreign_keys=ON;"_s));
    return db;
}

void SqliteDatabase::setBusyTimeout(int ms) {
    if (m_db)
        sqlite3_busy_timeout(m_db, ms);
}

Result<SqliteDatabase> SqliteDatabase::openMemory() {
    return open(u":memory:"_s, Mode::ReadWriteCreate);
}

Status SqliteDatabase::exec(const QString& sql) {
    char* message = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString text = message ? QString::fromUtf8(message) : sqliteMessage(m_db);
        sqlite3_free(message);
        return errorFor(m_db, rc, text);
    }
    return {};
}

Result<SqliteStatement> SqliteDatabase::prepare(const QString& sql) {
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return makeError(codeFor(rc), u"A database query could not be prepared."_s,
                         sqliteMessage(m_db) + u": "_s + sql.left(200));
    return SqliteStatement(m_db, stmt);
}

Result<SqliteStatement*> SqliteDatabase::cached(const QString& sql) {
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        auto stmt = prepare(sql);
        if (!stmt)
            return stmt.error();
        it = m_cache.emplace(sql, std::make_unique<SqliteStatement>(std::move(stmt).value())).first;
    } else {
        it->second->reset();
    }
    return it->second.get();
}

Result<QVariant> SqliteDatabase::scalar(const QString& sql, const QVariantList& params) {
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt.value().bindAll(params);
    auto row = stmt.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return QVariant();
    return stmt.value().value(0);
}

Result<qint64> SqliteDatabase::count(const QString& sql, const QVariantList& params) {
    auto v = scalar(sql, params);
    if (!v)
        return v.error();
    return v.value().toLongLong();
}

Result<int> SqliteDatabase::execute(const QString& sql, const QVariantList& params) {
    auto stmt = cached(sql);
    if (!stmt)
        return stmt.error();
    stmt.value()->bindAll(params);
    CA_TRY(stmt.value()->run());
    return changes();
}

qint64 SqliteDatabase::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}
int SqliteDatabase::changes() const {
    return sqlite3_changes(m_db);
}
bool SqliteDatabase::inTransaction() const {
    return m_db && !sqlite3_get_autocommit(m_db);
}

bool SqliteDatabase::tableExists(const QString& table) {
    auto n = count(u"SELECT count(*) FROM sqlite_schema WHERE type='table' AND name=?"_s, {table});
    return n.ok() && n.value() > 0;
}

Error SqliteDatabase::lastError(ErrorCode code, const QString& context) const {
    const int rc = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_NOMEM;
    if (isWriteFailure(rc))
        return errorFor(m_db, rc, sqliteMessage(m_db));
    return makeError(code, context.isEmpty() ? u"A database operation failed."_s : context,
                     sqliteMessage(m_db));
}

// --- SqliteStatement ---

SqliteStatement::~SqliteStatement() {
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_bindError(other.m_bindError) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_bindError = other.m_bindError;
    }
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QVariant& value) {
    if (value.isNull() || !value.isValid())
        return bindNull(index);
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
        return bind(index, value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return bind(index, value.toDouble());
    case QMetaType::QByteArray:
        return bind(index, value.toByteArray());
    default:
        return bind(index, value.toString());
    }
}

SqliteStatement& SqliteStatement::bind(int index, qint64 value) {
    if (const int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value) {
    if (const int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QString& value) {
    const QByteArray utf8 = value.toUtf8();
    if (const int rc =
            sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QByteArray& blob) {
    // An empty QByteArray still binds an empty blob (not NULL), so "no bytes" stays distinct.
    if (const int rc = sqlite3_bind_blob(m_stmt, index, blob.constData() ? blob.constData() : "",
                                         int(blob.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index) {
    if (const int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

SqliteStatement& SqliteStatement::bindAll(const QVariantList& values) {
    for (int i = 0; i < values.size(); ++i)
        bind(i + 1, values.at(i));
    return *this;
}

Result<bool> SqliteStatement::step() {
    if (m_bindError != SQLITE_OK) {
        const int rc = std::exchange(m_bindError, SQLITE_OK);
        return makeError(codeFor(rc), u"A value could not be passed to the database."_s,
                         QString::fromUtf8(sqlite3_errstr(rc)));
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString detail = sqliteMessage(m_db);
    sqlite3_reset(m_stmt); // the statement lets go before the transaction is rolled back
    return errorFor(m_db, rc, detail);
}

Status SqliteStatement::run() {
    return forEachRow([](SqliteStatement&) {});
}

void SqliteStatement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int SqliteStatement::columnCount() const {
    return sqlite3_column_count(m_stmt);
}
QString SqliteStatement::columnName(int column) const {
    return QString::fromUtf8(sqlite3_column_name(m_stmt, column));
}
bool SqliteStatement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}
qint64 SqliteStatement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}
double SqliteStatement::real(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

QString SqliteStatement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView SqliteStatement::utf8(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return p ? QByteArrayView(p, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

QByteArray SqliteStatement::blob(int column) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? QByteArray(p, n) : QByteArray();
}

QVariant SqliteStatement::value(int column) const {
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(int64(column));
    case SQLITE_FLOAT:
        return QVariant(real(column));
    case SQLITE_TEXT:
        return QVariant(text(column));
    case SQLITE_BLOB: {
        QByteArray b = blob(column);
        if (b.isNull())
            b = QByteArray("", 0);
        return QVariant(b);
    }
    default:
        return QVariant();
    }
}

// --- SqliteTransaction ---

SqliteTransaction::SqliteTransaction(SqliteDatabase& db)
    : m_db(db) {
    m_begin = m_db.exec(u"BEGIN IMMEDIATE"_s);
    m_active = m_begin.ok();
}

SqliteTransaction::~SqliteTransaction() {
    rollback();
}

Status SqliteTransaction::commit() {
    if (!m_active)
        return m_begin.ok() ? makeError(ErrorCode::Database,
                                        QCoreApplication::translate(
                                            "caseatlas", "The transaction is not active."))
                            : m_begin;
    Status s = m_db.exec(u"COMMIT"_s);
    if (!s) {
        rollback();
        return s;
    }
    m_active = false;
    return {};
}

void SqliteTransaction::rollback() {
    if (m_active) {
        if (m_db.inTransaction())
            (void)m_db.exec(u"ROLLBACK"_s);
        m_active = false;
    }
}

// --- SqliteBlob ---

SqliteBlob::~SqliteBlob() {
    if (m_blob)
        sqlite3_blob_close(m_blob);
}

SqliteBlob::SqliteBlob(SqliteBlob&& other) noexcept
    : m_db(other.m_db)
    , m_blob(std::exchange(other.m_blob, nullptr)) {}

SqliteBlob& SqliteBlob::operator=(SqliteBlob&& other) noexcept {
    if (this != &other) {
        if (m_blob)
            sqlite3_blob_close(m_blob);
        m_db = other.m_db;
        m_blob = std::exchange(other.m_blob, nullptr);
    }
    return *this;
}

Result<SqliteBlob> SqliteBlob::open(SqliteDatabase& db, const QString& table, const QString& column,
                                    qint64 rowid, bool writable) {
    sqlite3_blob* blob = nullptr;
    const int rc = sqlite3_blob_open(db.handle(), "main", table.toUtf8().constData(),
                                     column.toUtf8().constData(), rowid, writable ? 1 : 0, &blob);
    if (rc != SQLITE_OK)
        return makeError(
            codeFor(rc), u"Stored data could not be opened."_s,
            u"%1.%2 row %3: %4"_s.arg(table, column).arg(rowid).arg(sqliteMessage(db.handle())));
    return SqliteBlob(db.handle(), blob);
}

qint64 SqliteBlob::size() const {
    return sqlite3_blob_bytes(m_blob);
}

Result<QByteArray> SqliteBlob::read(qint64 offset, qint64 length) {
    QByteArray out(qsizetype(length), Qt::Uninitialized);
    const int rc = sqlite3_blob_read(m_blob, out.data(), int(length), int(offset));
    if (rc != SQLITE_OK)
        return makeError(codeFor(rc), u"Stored data could not be read."_s, sqliteMessage(m_db));
    return out;
}

Status SqliteBlob::write(qint64 offset, const QByteArray& data) {
    const int rc = sqlite3_blob_write(m_blob, data.constData(), int(data.size()), int(offset));
    if (rc != SQLITE_OK)
        return makeError(codeFor(rc), u"Stored data could not be written."_s, sqliteMessage(m_db));
    return {};
}

QString sqlIdentifier(const QString& name) {
    return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
}

} // namespace caseatlas
