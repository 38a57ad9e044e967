#include "store/casefile.h"
#include "store/custodylog.h"
#include "store/rollbackjournal.h"

#include <sqlite3.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QUuid>
#include <QtEndian>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

QString shownName(const QString& path) {
    return QDir::toNativeSeparators(path);
}

bool looksLikeText(const QByteArray& bytes) {
    if (bytes.isEmpty() || bytes.contains('\0'))
        return false;
    int printable = 0;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 || u == '\n' || u == '\r' || u == '\t')
            ++printable;
    }
    return printable == bytes.size();
}

QString uniqueSiblingName(const QString& path, const QString& tag) {
    const QFileInfo info(path);
    for (int i = 0;; ++i) {
        const QString candidate = info.dir().filePath(u".%1.%2-%3-%4"_s.arg(info.fileName(), tag)
                                                          .arg(QCoreApplication::applicationPid())
                                                          .arg(i));
        if (!QFileInfo::exists(candidate) && !QFileInfo::exists(candidate + u"-journal"_s))
            return candidate;
    }
}

// Temporaries left next to `path` (".NAME.TAG-PID-N", see uniqueSiblingName) by a CaseAtlas
// process that no longer runs — one killed while it wrote a copy, a backup or a new case — are
// half-written files: removed, so that nothing next to a case is a damaged database.
void removeStaleTemporaries(const QString& path) {
    const QFileInfo info(path);
    static const QRegularExpression pattern(
        u"^\\.(.+)\\.(creating|saving|backup|recovering)-(\\d+)-\\d+(-journal)?$"_s);
    const QStringList names = info.dir().entryList({u".%1.*"_s.arg(info.fileName())},
                                                   QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& name : names) {
        const auto m = pattern.match(name);
        if (!m.hasMatch() || m.captured(1) != info.fileName())
            continue;
        const auto pid = pid_t(m.captured(3).toLongLong());
        if (pid == pid_t(QCoreApplication::applicationPid()) ||
            (pid > 0 && (::kill(pid, 0) == 0 || errno != ESRCH)))
            continue; // still being written by a running process
        QFile::remove(info.dir().filePath(name));
    }
}

// Flushes a file that was just written, and then its folder's entry, to the disk: a copy or a
// backup moved into place must be whole even after a power cut.
bool syncToDisk(const QString& path) {
    bool ok = true;
    for (const QString& p : {path, QFileInfo(path).absolutePath()}) {
        const int fd = ::open(QFile::encodeName(p).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return false;
        ok = ::fsync(fd) == 0 && ok;
        ::close(fd);
    }
    return ok;
}

} // namespace

QStringList schemaScripts() {
    QDir dir(u":/schema"_s);
    QStringList names = dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    QStringList out;
    for (const QString& n : names)
        out << dir.filePath(n);
    return out;
}

Status applySchemaScripts(SqliteDatabase& db, int fromVersion, int toVersion) {
    const QStringList scripts = schemaScripts();
    if (toVersion > scripts.size())
        return makeError(
            ErrorCode::Database,
            QCoreApplication::translate("caseatlas", "This build lacks schema scripts."),
            u"wanted %1, have %2"_s.arg(toVersion).arg(scripts.size()));
    for (int v = fromVersion + 1; v <= toVersion; ++v) {
        QFile f(scripts.at(v - 1));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate(
                                 "caseatlas", "A schema script is missing from this build."),
                             f.fileName());
        Status s = db.exec(QString::fromUtf8(f.readAll()));
        if (!s)
            return makeError(
                ErrorCode::Database,
                QCoreApplication::translate("caseatlas", "Updating the case to schema %1 failed.")
                    .arg(v),
                s.error().detail);
    }
    return {};
}

Status CaseFile::identify(const QString& path) {
    const QFileInfo info(path);
    const QString name = shownName(path);
    if (!info.exists() && !info.isSymLink())
        return makeError(
            ErrorCode::Missing,
            QCoreApplication::translate("caseatlas", "There is no file at %1.").arg(name));
    if (info.isDir())
        return makeError(
            ErrorCode::IsDirectory,
            QCoreApplication::translate("caseatlas", "%1 is a folder, not a case file.").arg(name));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("caseatlas", "%1 cannot be read.").arg(name),
                         f.errorString());
    const qint64 size = f.size();
    if (size == 0)
        return makeError(
            ErrorCode::Empty,
            QCoreApplication::translate("caseatlas", "%1 is empty (0 bytes), not a case file.")
                .arg(name));
    const QByteArray head = f.read(4096);
    static const QByteArray magic("SQLite format 3\0", 16);
    if (head.size() < 100 || !head.startsWith(magic)) {
        if (looksLikeText(head))
            return makeError(
                ErrorCode::TextFile,
                QCoreApplication::translate("caseatlas", "%1 is a text file, not a case file.")
                    .arg(name));
        if (head.startsWith(magic.left(15)))
            return makeError(
                ErrorCode::Truncated,
                QCoreApplication::translate("caseatlas",
                                            "%1 is a damaged SQLite file: its header is cut short.")
                    .arg(name),
                u"%1 bytes"_s.arg(size));
        return makeError(ErrorCode::NotSqlite,
                         QCoreApplication::translate(
                             "caseatlas", "%1 is not a case file: it is not an SQLite database.")
                             .arg(name));
    }
    const auto* h = reinterpret_cast<const uchar*>(head.constData());
    quint32 pageSize = qFromBigEndian<quint16>(h + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pageCount = qFromBigEndian<quint32>(h + 28);
    const quint32 changeCounter = qFromBigEndian<quint32>(h + 24);
    const quint32 validFor = qFromBigEndian<quint32>(h + 92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("caseatlas",
                                        "%1 is damaged: its header gives an impossible page size.")
                .arg(name),
            u"page size %1"_s.arg(pageSize));
    // A writer stopped mid-change (a hot journal next to the file) can leave the header ahead
    // of the file's length; the rollback on open repairs that, and the file is checked again.
    const QFileInfo journal(path + u"-journal"_s);
    const bool hotJournal = journal.exists() && journal.size() > 0;
    if (!hotJournal && (size % pageSize != 0 || (validFor == changeCounter && pageCount > 0 &&
                                                 quint64(size) < quint64(pageCount) * pageSize)))
        return makeError(
            ErrorCode::Truncated,
            QCoreApplication::translate(
                "caseatlas", "%1 is truncated: the file is shorter than its header says.")
                .arg(name),
            u"%1 bytes; header says %2 pages of %3 bytes"_s.arg(size).arg(pageCount).arg(pageSize));
    const quint32 appId = qFromBigEndian<quint32>(h + 68);
    if (appId != GeoPackageApplicationId)
        return makeError(ErrorCode::NotGeoPackage,
                         QCoreApplication::translate(
                             "caseatlas", "%1 is an SQLite database, but not a CaseAtlas case.")
                             .arg(name));
    return {};
}

Result<CaseFile> CaseFile::create(const QString& path, const QString& title, int schemaVersion) {
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink())
        return makeError(
            ErrorCode::AlreadyExists,
            QCoreApplication::translate("caseatlas", "%1 already exists; choose another name.")
                .arg(shownName(path)));
    if (!info.dir().exists())
        return makeError(ErrorCode::Missing,
                         QCoreApplication::translate("caseatlas", "The folder %1 does not exist.")
                             .arg(shownName(info.dir().path())));
    if (schemaVersion < 1 || schemaVersion > SchemaVersion)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "Unknown schema version %1.")
                             .arg(schemaVersion));

    removeStaleTemporaries(path);
    const QString temp = uniqueSiblingName(path, u"creating"_s);
    auto removeTemp = qScopeGuard([&] {
        QFile::remove(temp);
        QFile::remove(temp + u"-journal"_s);
    });
    {
        auto opened = SqliteDatabase::open(temp, SqliteDatabase::Mode::ReadWriteCreate);
        if (!opened)
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("caseatlas", "Could not create %1.")
                                 .arg(shownName(path)),
                             opened.error().detail);
        SqliteDatabase db = std::move(opened).value();
        CA_TRY(db.exec(
            u"PRAGMA page_size=16384; PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;"
            "PRAGMA application_id=%1; PRAGMA user_version=%2;"_s.arg(GeoPackageApplicationId)
                .arg(GeoPackageUserVersion)));
        SqliteTransaction tx(db);
        CA_TRY(tx.status());
        CA_TRY(applySchemaScripts(db, 0, schemaVersion));
        auto insert = db.prepare(u"INSERT INTO caseatlas_meta(key, value) VALUES (?, ?)"_s);
        if (!insert)
            return insert.error();
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        const QList<std::pair<QString, QString>> rows = {
            {u"format"_s, FormatName},
            {u"schema_version"_s, QString::number(schemaVersion)},
            {u"min_reader_version"_s, QString::number(std::min(schemaVersion, MinReaderVersion))},
            {u"case_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {u"created_by"_s, u"CaseAtlas %1"_s.arg(QStringLiteral(CASEATLAS_VERSION))},
            {u"created_at"_s, now},
            {u"title"_s, title},
        };
        for (const auto& [k, v] : rows) {
            insert.value().reset();
            insert.value().bind(1, k).bind(2, v);
            CA_TRY(insert.value().run());
        }
        CA_TRY(tx.commit());
        // Later scripts drop what earlier ones made (schema 10 remakes the search indexes): a
        // new case starts with no free pages, so that a write that fails and is rolled back
        // cannot leave its bytes in one — the file stays byte for byte as it was.
        CA_TRY(db.exec(u"VACUUM"_s));
    }
    if (!QFile::rename(temp, path))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("caseatlas", "Could not create %1.").arg(shownName(path)),
            u"rename from %1 failed"_s.arg(temp));
    removeTemp.dismiss();
    // An older schema is only ever created on purpose (tests of migration): leave it as it is.
    return openChecked(path, Access::ReadWrite, schemaVersion == SchemaVersion);
}

Result<CaseFile> CaseFile::open(const QString& path, Access access) {
    CA_TRY(identify(path));
    return openChecked(path, access);
}

Result<CaseFile> CaseFile::openChecked(const QString& path, Access access, bool migrate,
                                       Check check) {
    const QString name = shownName(path);
    CaseFile cf;
    cf.m_path = QFileInfo(path).absoluteFilePath();

    // A journal beside the case is read before SQLite sees it (see RollbackJournal): one that
    // names another file, or that SQLite did not write, refuses the case untouched.
    switch (const RollbackJournal journal = RollbackJournal::inspect(path); journal.kind) {
    case RollbackJournal::Kind::None:
    case RollbackJournal::Kind::Dead: // removed under the write lock (removeLeftovers)
        break;
    case RollbackJournal::Kind::SuperJournal:
        return makeError(
            ErrorCode::UnexpectedSchema,
            QCoreApplication::translate(
                "caseatlas",
                "%1 came with a journal (%2) that names another file, \"%3\"; SQLite would "
                "delete that file while recovering the case. The case was not opened and "
                "nothing was deleted; remove %2 if you trust the case as it is.")
                .arg(name, shownName(journal.path), journal.superJournal));
    case RollbackJournal::Kind::Foreign:
        return makeError(ErrorCode::UnexpectedSchema,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 has a journal beside it (%2) that SQLite did not write for it; "
                             "the case was not opened and nothing was changed. Remove %2 if "
                             "you trust the case as it is.")
                             .arg(name, shownName(journal.path)),
                         journal.problem);
    case RollbackJournal::Kind::Valid:
        CA_TRY(recoverInterruptedChange(path, access));
        break;
    }

    // Every check runs on a read-only connection, so a refused file is never touched.
    auto ro = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
    if (!ro)
        return makeError(ro.error().code, u"%1 could not be opened."_s.arg(name),
                         ro.error().detail);
    cf.m_db = std::move(ro).value();

    // The whole file is read only when a crash was recovered (below, on the restored copy) or on
    // demand (caseatlas check): at a million events that read is 1-3 s on every open.
    auto problems = check == Check::WholeFile ? cf.integrityProblems(true) : cf.structureProblems();
    if (!problems)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("caseatlas", "%1 is damaged and cannot be read.").arg(name),
            problems.error().detail);
    if (!problems.value().isEmpty())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate(
                             "caseatlas", "%1 is damaged: the integrity check found %2 problem(s).")
                             .arg(name)
                             .arg(problems.value().size()),
                         problems.value().mid(0, 5).join(u"; "_s));

    if (!cf.m_db.tableExists(u"caseatlas_meta"_s))
        return makeError(
            ErrorCode::PlainGeoPackage,
            QCoreApplication::translate(
                "caseatlas",
                "%1 is a GeoPackage (a GIS file), not a case. Its layers can be imported "
                "into a case instead.")
                .arg(name));
    auto format = cf.meta(u"format"_s);
    if (!format || format.value() != FormatName)
        return makeError(ErrorCode::UnexpectedSchema,
                         QCoreApplication::translate(
                             "caseatlas", "%1 claims to be a \"%2\" file, not a CaseAtlas case.")
                             .arg(name, format ? format.value().left(60) : QString()));
    // A meta value as a number; 0 when absent or not a number.
    auto metaNumber = [&](const QString& key) {
        auto v = cf.meta(key);
        return v ? v.value().toInt() : 0;
    };
    const int version = metaNumber(u"schema_version"_s);
    const int minReader = metaNumber(u"min_reader_version"_s);
    if (version < 1 || minReader < 1)
        return makeError(ErrorCode::UnexpectedSchema,
                         QCoreApplication::translate(
                             "caseatlas", "%1 does not say which schema version it uses.")
                             .arg(name));
    if (minReader > SchemaVersion)
        return makeError(
            ErrorCode::NewerSchema,
            QCoreApplication::translate(
                "caseatlas",
                "%1 was written by a newer CaseAtlas (schema %2, needs a reader of schema "
                "%3); this version reads schema %4 and older. Update CaseAtlas to open it.")
                .arg(name)
                .arg(version)
                .arg(minReader)
                .arg(SchemaVersion));

    // The schema must be the one this app made: no foreign triggers or views.
    {
        auto ref = SqliteDatabase::openMemory();
        if (!ref)
            return ref.error();
        CA_TRY(applySchemaScripts(ref.value(), 0, std::min(version, SchemaVersion)));
        QHash<QString, QString> expected; // "type:name" → its SQL
        QStringList requiredTables, requiredTriggers;
        auto refRows = ref.value().prepare(
            u"SELECT type, name, sql FROM sqlite_schema WHERE type IN ('table','trigger','view')"_s);
        if (!refRows)
            return refRows.error();
        CA_TRY(refRows.value().forEachRow([&](SqliteStatement& s) {
            expected.insert(s.text(0) + u':' + s.text(1), s.text(2));
            if (s.text(0) == u"table")
                requiredTables << s.text(1);
            else if (s.text(0) == u"trigger")
                requiredTriggers << s.text(1);
        }));
        static const QRegularExpression gdalTrigger(
            u"^(rtree_.+_(insert|update\\d?|delete)|trigger_(insert|delete)_feature_count_.+|gpkg_.+)$"_s);
        auto rows = cf.m_db.prepare(
            u"SELECT type, name, sql FROM sqlite_schema WHERE type IN ('trigger','view')"_s);
        if (!rows)
            return rows.error();
        for (;;) {
            auto row = rows.value().step();
            if (!row)
                return row.error();
            if (!row.value())
                break;
            const QString type = rows.value().text(0), n = rows.value().text(1);
            const auto known = expected.constFind(type + u':' + n);
            if (known == expected.cend() && !gdalTrigger.match(n).hasMatch())
                return makeError(
                    ErrorCode::UnexpectedSchema,
                    QCoreApplication::translate(
                        "caseatlas",
                        "%1 contains a %2 named \"%3\" that a case never has; it was not "
                        "opened.")
                        .arg(name, type, n));
            // One of ours must do exactly what ours do.
            if (known != expected.cend() && *known != rows.value().text(2))
                return makeError(
                    ErrorCode::UnexpectedSchema,
                    QCoreApplication::translate(
                        "caseatlas",
                        "%1 contains a %2 \"%3\" that was changed from what a case has; "
                        "it was not opened.")
                        .arg(name, type, n));
        }
        // Our triggers must all be there: without them the custody log could be rewritten and
        // changes would escape the search index.
        for (const QString& t : requiredTriggers) {
            auto present = cf.m_db.count(
                u"SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?"_s, {t});
            if (!present)
                return present.error();
            if (present.value() == 0)
                return makeError(ErrorCode::UnexpectedSchema,
                                 QCoreApplication::translate(
                                     "caseatlas",
                                     "%1 lacks the trigger \"%2\" that every case has; it was not "
                                     "opened.")
                                     .arg(name, t));
        }
        for (const QString& t : requiredTables)
            if (!t.startsWith(u"sqlite_"_s) && !cf.m_db.tableExists(t))
                return makeError(ErrorCode::UnexpectedSchema,
                                 QCoreApplication::translate(
                                     "caseatlas", "%1 is incomplete: the table \"%2\" is missing.")
                                     .arg(name, t));
        // Each of them with every column this schema gives it (a GIS tool may add columns; none
        // may be missing, or reading the case would fail later, query by query).
        for (const QString& t : requiredTables) {
            if (t.startsWith(u"sqlite_"_s))
                continue;
            auto columns = [&](SqliteDatabase& db) -> Result<QSet<QString>> {
                auto stmt = db.prepare(u"SELECT name FROM pragma_table_info(?)"_s);
                if (!stmt)
                    return stmt.error();
                stmt.value().bind(1, t);
                QSet<QString> names;
                CA_TRY(stmt.value().forEachRow(
                    [&](SqliteStatement& s) { names.insert(s.text(0).toLower()); }));
                return names;
            };
            auto want = columns(ref.value());
            auto have = columns(cf.m_db);
            if (!want)
                return want.error();
            if (!have)
                return have.error();
            for (const QString& c : want.value())
                if (!have.value().contains(c))
                    return makeError(ErrorCode::UnexpectedSchema,
                                     QCoreApplication::translate(
                                         "caseatlas",
                                         "%1 was altered or damaged: the table \"%2\" has no "
                                         "column \"%3\", which every case has; it was not "
                                         "opened.")
                                         .arg(name, t, c));
        }
    }

    if (auto id = cf.meta(u"case_id"_s))
        cf.m_caseId = id.value();
    cf.m_schemaVersion = version;

    if (access == Access::ReadOnly) {
        cf.m_readOnlyReason = u"opened read-only"_s;
        return cf;
    }
    if (version > SchemaVersion) {
        cf.m_readOnlyReason =
            u"written by a newer CaseAtlas (schema %1); opened read-only so nothing "
            "is lost"_s.arg(version);
        return cf;
    }
    const QFileInfo info(path);
    if (!info.isWritable() || !QFileInfo(info.absolutePath()).isWritable()) {
        cf.m_readOnlyReason = u"the file or its folder is read-only"_s;
        if (version < SchemaVersion)
            return makeError(
                ErrorCode::ReadOnly,
                QCoreApplication::translate(
                    "caseatlas",
                    "%1 uses an older schema (%2) and must be updated, but it is read-only.")
                    .arg(name)
                    .arg(version));
        return cf;
    }

    cf.m_db.close();
    auto rw = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
    if (!rw)
        return makeError(rw.error().code, u"%1 could not be opened for writing."_s.arg(name),
                         rw.error().detail);
    cf.m_db = std::move(rw).value();
    CA_TRY(cf.applyConnectionSettings());
    CA_TRY(cf.removeLeftovers());
    if (version < SchemaVersion && migrate)
        CA_TRY(cf.migrate(version));
    return cf;
}

// A journal SQLite would play back: a writer stopped mid-change — or another program is
// writing the case right now. A read-only connection tells the two apart without touching
// anything: SQLite answers SQLITE_READONLY_ROLLBACK for a journal that must be played back, and
// "busy" while another connection holds the write lock.
Status CaseFile::recoverInterruptedChange(const QString& path, Access access) {
    const QString name = shownName(path);
    {
        auto probe = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
        if (!probe)
            return makeError(
                probe.error().code,
                QCoreApplication::translate("caseatlas", "%1 could not be opened.").arg(name),
                probe.error().detail);
        auto read = probe.value().count(u"SELECT count(*) FROM sqlite_schema"_s);
        if (read)
            return {}; // not hot: its writer still holds the lock, or left it unsynced (dead)
        const int rc = sqlite3_extended_errcode(probe.value().handle());
        if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
            return makeError(ErrorCode::AlreadyOpen,
                             QCoreApplication::translate(
                                 "caseatlas",
                                 "Another program is writing %1 right now; try again when it has "
                                 "finished.")
                                 .arg(name),
                             read.error().detail);
        if (rc != SQLITE_READONLY_ROLLBACK)
            return makeError(
                read.error().code,
                QCoreApplication::translate("caseatlas", "%1 could not be read.").arg(name),
                read.error().detail);
    }
    if (access == Access::ReadOnly || !QFileInfo(path).isWritable())
        return makeError(ErrorCode::ReadOnly,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 was left mid-change (a crash?) and must be opened for writing "
                             "once to recover.")
                             .arg(name));

    // Played back on a private copy first: the case itself is changed only when what the
    // journal restores is a case this app opens.
    const QString journal = RollbackJournal::pathFor(path);
    const Error notRestored = makeError(
        ErrorCode::Corrupt,
        QCoreApplication::translate(
            "caseatlas",
            "%1 was left mid-change, and what its journal (%2) would restore is not a case "
            "CaseAtlas opens; nothing was changed.")
            .arg(name, shownName(journal)));
    {
        const QString copy = uniqueSiblingName(path, u"recovering"_s);
        auto removeCopy = qScopeGuard([&] {
            QFile::remove(copy);
            QFile::remove(RollbackJournal::pathFor(copy));
        });
        if (!QFile::copy(path, copy) || !QFile::copy(journal, RollbackJournal::pathFor(copy)))
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate(
                                 "caseatlas",
                                 "%1 was left mid-change; there is no room beside it to check "
                                 "its recovery first, so nothing was changed.")
                                 .arg(name));
        {
            auto rw = SqliteDatabase::open(copy, SqliteDatabase::Mode::ReadWrite);
            if (!rw)
                return Error{notRestored.code, notRestored.message, rw.error().detail};
            if (auto r = rw.value().count(u"SELECT count(*) FROM sqlite_schema"_s); !r)
                return Error{notRestored.code, notRestored.message, r.error().detail};
        }
        Status restored = identify(copy);
        if (restored)
            if (auto checked = openChecked(copy, Access::ReadOnly, false, Check::WholeFile);
                !checked)
                restored = checked.error();
        if (!restored)
            return Error{notRestored.code, notRestored.message, restored.error().message};
    }

    auto recover = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
    const QString failed =
        QCoreApplication::translate("caseatlas",
                                    "%1 was left mid-change (a crash?) and could not be recovered.")
            .arg(name);
    if (!recover)
        return makeError(recover.error().code, failed, recover.error().detail);
    if (auto r = recover.value().count(u"SELECT count(*) FROM sqlite_schema"_s); !r)
        return makeError(r.error().code, failed, r.error().detail);
    recover.value().close();
    return identify(path); // now without the journal: the full header checks apply
}

// What a process killed while it worked on this case may have left beside it: half-written
// temporaries (a copy, a backup) and a dead journal — SQLite leaves the journal of a transaction
// killed before its journal was synced (its header not yet valid, so not hot, and the database
// not yet written). The journal is removed while this connection holds the write lock, so no
// other writer can be using it.
Status CaseFile::removeLeftovers() {
    removeStaleTemporaries(m_path);
    const QString journal = m_path + u"-journal"_s;
    if (!QFileInfo::exists(journal))
        return {};
    // Taking the write lock rolls back a hot journal first; one still there after it is dead.
    if (!m_db.exec(u"BEGIN IMMEDIATE"_s))
        return {}; // another connection is writing: it is theirs, left alone
    QFile::remove(journal);
    return m_db.exec(u"COMMIT"_s);
}

Status CaseFile::applyConnectionSettings() {
    return m_db.exec(
        u"PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"_s);
}

Status CaseFile::migrate(int fromVersion) {
    // Back up first: a copy of the whole file as it is, next to it.
    const QFileInfo info(m_path);
    // It is written under a temporary name and moved into place once it is whole and on the
    // disk, so that a backup file is never half a database.
    QString backup =
        info.dir().filePath(u"%1.schema%2.bak"_s.arg(info.fileName()).arg(fromVersion));
    for (int i = 2; QFileInfo::exists(backup); ++i)
        backup = info.dir().filePath(
            u"%1.schema%2.%3.bak"_s.arg(info.fileName()).arg(fromVersion).arg(i));
    const QString temp = uniqueSiblingName(m_path, u"backup"_s);
    auto removeTemp = qScopeGuard([&] { QFile::remove(temp); });
    auto vacuum = m_db.prepare(u"VACUUM INTO ?"_s);
    if (!vacuum)
        return vacuum.error();
    vacuum.value().bind(1, temp);
    Status written = vacuum.value().run();
    vacuum.value().reset();
    if (written && !syncToDisk(temp))
        written = makeError(ErrorCode::Io, QString(), u"fsync failed"_s);
    if (written && std::rename(QFile::encodeName(temp).constData(),
                               QFile::encodeName(backup).constData()) != 0)
        written = makeError(ErrorCode::Io, QString(), u"rename failed"_s);
    if (!written)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "caseatlas", "Could not write a backup before updating the case."),
                         written.error().detail);
    removeTemp.dismiss();
    (void)syncToDisk(backup);

    // Foreign keys are off while the scripts run: schema 5 rebuilds the events table, and
    // dropping the old one must not cascade to the rows that refer to it. They are checked
    // before the commit instead.
    CA_TRY(m_db.exec(u"PRAGMA foreign_keys = OFF"_s));
    auto foreignKeysBack = qScopeGuard([&] { (void)m_db.exec(u"PRAGMA foreign_keys = ON"_s); });
    SqliteTransaction tx(m_db);
    CA_TRY(tx.status());
    CA_TRY(applySchemaScripts(m_db, fromVersion, SchemaVersion));
    // The old events table's spatial index (a GIS tool's) was dropped with its triggers.
    if (fromVersion < 5 && m_db.tableExists(u"gpkg_extensions"_s))
        CA_TRY(m_db.exec(u"DELETE FROM gpkg_extensions WHERE table_name = 'events' AND "
                         "extension_name = 'gpkg_rtree_index'"_s));
    // The custody log's entries from before schema 7 become the start of its hash chain.
    if (fromVersion < 7)
        CA_TRY(CustodyLog(m_db).sealUnchained());
    auto broken = m_db.count(u"SELECT count(*) FROM pragma_foreign_key_check"_s);
    if (!broken)
        return broken.error();
    if (broken.value() > 0)
        return makeError(ErrorCode::Database,
                         QCoreApplication::translate(
                             "caseatlas",
                             "Updating the case would leave rows that refer to nothing; it was not "
                             "updated."),
                         u"%1 foreign-key problems"_s.arg(broken.value()));
    CA_TRY(setMeta(u"schema_version"_s, QString::number(SchemaVersion)));
    CA_TRY(setMeta(u"min_reader_version"_s, QString::number(MinReaderVersion)));
    CA_TRY(tx.commit());
    m_schemaVersion = SchemaVersion;
    m_backupPath = backup;
    return {};
}

Result<QString> CaseFile::meta(const QString& key) {
    auto v = m_db.scalar(u"SELECT value FROM caseatlas_meta WHERE key = ?"_s, {key});
    if (!v)
        return v.error();
    return v.value().toString();
}

Status CaseFile::setMeta(const QString& key, const QString& value) {
    auto stmt = m_db.prepare(u"INSERT INTO caseatlas_meta(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    if (!stmt)
        return stmt.error();
    stmt.value().bind(1, key).bind(2, value);
    return stmt.value().run();
}

Result<QStringList> CaseFile::integrityProblems(bool quick) {
    return checkProblems(quick ? u"PRAGMA quick_check"_s : u"PRAGMA integrity_check"_s);
}

Result<QStringList> CaseFile::checkProblems(const QString& pragma) {
    auto stmt = m_db.prepare(pragma);
    if (!stmt)
        return stmt.error();
    QStringList rows;
    for (;;) {
        auto r = stmt.value().step();
        if (!r && r.error().code == ErrorCode::Corrupt) {
            // Damage bad enough to stop SQLite's own check is a finding, not a failure to check.
            rows << u"the check stopped at damage: %1"_s.arg(
                r.error().detail.isEmpty() ? r.error().message : r.error().detail);
            return rows;
        }
        if (!r)
            return r.error();
        if (!r.value())
            break;
        rows << stmt.value().text(0);
    }
    if (rows == QStringList{u"ok"_s})
        return QStringList();
    if (rows.isEmpty())
        rows << u"the integrity check returned nothing"_s;
    return rows;
}

Result<QStringList> CaseFile::checkWholeFile(const QString& path,
                                             const std::function<bool()>& cancelled) {
    auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return db.error();
    sqlite3_progress_handler(
        db.value().handle(), 10000,
        [](void* fn) { return (*static_cast<const std::function<bool()>*>(fn))() ? 1 : 0; },
        const_cast<std::function<bool()>*>(&cancelled));
    CaseFile cf;
    cf.m_db = std::move(db).value();
    auto problems = cf.integrityProblems(false);
    sqlite3_progress_handler(cf.m_db.handle(), 0, nullptr, nullptr);
    if (!problems && cancelled())
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("caseatlas", "The check was cancelled."));
    return problems;
}

Result<QStringList> CaseFile::structureProblems() {
    QStringList problems;
    // Runs `sql`; a statement SQLite will not prepare (a table without rowid, a partial index)
    // is skipped, an error while reading is a problem found.
    auto readEdge = [&](const QString& sql, const QString& what) {
        auto stmt = m_db.prepare(sql);
        if (!stmt)
            return;
        if (auto row = stmt.value().step(); !row)
            problems << u"%1: %2"_s.arg(what, row.error().detail.isEmpty() ? row.error().message
                                                                           : row.error().detail);
    };

    QStringList small = {u"sqlite_schema"_s};
    if (m_db.tableExists(u"caseatlas_meta"_s))
        small << u"caseatlas_meta"_s;
    for (const QString& t : small) {
        auto found = checkProblems(u"PRAGMA quick_check(%1)"_s.arg(sqlIdentifier(t)));
        if (!found)
            return found.error();
        problems += found.value();
    }
    if (!problems.isEmpty())
        return problems;

    struct Tree {
        QString type, name, table;
    };
    QList<Tree> trees;
    {
        auto stmt = m_db.prepare(u"SELECT type, name, tbl_name FROM sqlite_schema "
                                 "WHERE type IN ('table', 'index') AND rootpage > 0"_s);
        if (!stmt)
            return stmt.error();
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
            trees.append({s.text(0), s.text(1), s.text(2)});
        }));
    }
    for (const Tree& t : trees) {
        const QString what = u"%1 %2"_s.arg(t.type, t.name);
        if (t.type == u"table") {
            readEdge(u"SELECT * FROM %1 LIMIT 1"_s.arg(sqlIdentifier(t.name)), what);
            readEdge(u"SELECT * FROM %1 ORDER BY rowid DESC LIMIT 1"_s.arg(sqlIdentifier(t.name)),
                     what);
            continue;
        }
        // An index is read through its first column, in both directions.
        auto column = m_db.scalar(
            u"SELECT name FROM pragma_index_info(?) WHERE seqno = 0 AND cid >= 0"_s, {t.name});
        if (!column || column.value().isNull())
            continue; // an index on an expression: read when used
        const QString col = sqlIdentifier(column.value().toString());
        for (const char* order : {"ASC", "DESC"})
            readEdge(u"SELECT %1 FROM %2 INDEXED BY %3 ORDER BY %1 %4 LIMIT 1"_s.arg(
                         col, sqlIdentifier(t.table), sqlIdentifier(t.name), QLatin1String(order)),
                     what);
    }
    return problems;
}

Status CaseFile::dropParkedTables(SqliteDatabase& db) {
    auto names = db.prepare(u"SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE "
                            u"'caseatlas\\_parked\\_%' "
                            "ESCAPE '\\'"_s);
    if (!names)
        return names.error();
    QStringList tables;
    CA_TRY(names.value().forEachRow([&](SqliteStatement& s) { tables << s.text(0); }));
    for (const QString& t : tables)
        CA_TRY(db.exec(u"DROP TABLE %1"_s.arg(sqlIdentifier(t))));
    return {};
}

Status CaseFile::saveCopy(const QString& targetPath) {
    const QFileInfo target(targetPath);
    if (!target.dir().exists())
        return makeError(ErrorCode::Missing,
                         QCoreApplication::translate("caseatlas", "The folder %1 does not exist.")
                             .arg(shownName(target.dir().path())));
    if (target.absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas", "A copy cannot replace the open case itself."));
    if (target.isDir())
        return makeError(
            ErrorCode::IsDirectory,
            QCoreApplication::translate("caseatlas", "%1 is a folder.").arg(shownName(targetPath)));

    removeStaleTemporaries(target.absoluteFilePath());
    const QString temp = uniqueSiblingName(target.absoluteFilePath(), u"saving"_s);
    auto cleanup = qScopeGuard([&] { QFile::remove(temp); });
    auto vacuum = m_db.prepare(u"VACUUM INTO ?"_s);
    if (!vacuum)
        return vacuum.error();
    vacuum.value().bind(1, temp);
    if (Status s = vacuum.value().run(); !s)
        return makeError(
            ErrorCode::Io,
            s.error().code == ErrorCode::Io
                ? QCoreApplication::translate("caseatlas",
                                              "Could not write the copy to %1: the disk is full "
                                              "or could not be written. Nothing was replaced, and "
                                              "the open case is unchanged.")
                      .arg(shownName(targetPath))
                : QCoreApplication::translate("caseatlas", "Could not write the copy to %1.")
                      .arg(shownName(targetPath)),
            s.error().detail);
    {
        // Layers removed by an edit that can still be undone stay in the open case; the copy
        // must not carry them.
        auto copy = SqliteDatabase::open(temp, SqliteDatabase::Mode::ReadWrite);
        if (!copy)
            return copy.error();
        auto parked = copy.value().count(u"SELECT count(*) FROM sqlite_schema WHERE name LIKE "
                                         "'caseatlas\\_parked\\_%' ESCAPE '\\'"_s);
        if (!parked)
            return parked.error();
        // The copy is a replica of its own: edited beside this case, its changesets must never
        // share this one's clock readings.
        CA_TRY(copy.value().exec(u"UPDATE caseatlas_meta SET value = lower(hex(randomblob(16))) "
                                 "WHERE key = 'replica_id'"_s));
        if (parked.value() > 0) {
            CA_TRY(copy.value().exec(u"PRAGMA secure_delete = ON"_s));
            CA_TRY(dropParkedTables(copy.value()));
            CA_TRY(copy.value().exec(u"VACUUM"_s));
        }
    }
    {
        auto check = openChecked(temp, Access::ReadOnly);
        if (!check)
            return makeError(
                ErrorCode::Io,
                QCoreApplication::translate("caseatlas",
                                            "The copy written to %1 did not check out; nothing was "
                                            "replaced.")
                    .arg(shownName(targetPath)),
                check.error().fullText());
    }
    if (!syncToDisk(temp) ||
        std::rename(QFile::encodeName(temp).constData(),
                    QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("caseatlas", "Could not move the copy into place at %1.")
                .arg(shownName(targetPath)));
    cleanup.dismiss();
    return {};
}

} // namespace caseatlas
