#include "store/sqlite.h"
#include "store/writeback.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#ifdef __linux__
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace caseatlas;

class TestSqlite : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void libraryCountsNoMemory();
    void openNeverCreates();
    void statementBindsAndReads();
    void transactionRollsBackUnlessCommitted();
    void blobStreams();
    void hardeningIsOn();
    void errorsAreValues();
    void writeBackUsesSqlitesDescriptor();
};

void TestSqlite::initTestCase() {
    // As main() does, before anything else in the process uses SQLite.
    QVERIFY(SqliteDatabase::configureLibrary());
}

// The library keeps no memory statistics (main() turns them off: every allocation took a lock
// to count itself), and takes the setting only before it is in use.
void TestSqlite::libraryCountsNoMemory() {
    auto opened = SqliteDatabase::openMemory();
    QVERIFY(opened.ok());
    SqliteDatabase& db = opened.value();
    QVERIFY(!SqliteDatabase::configureLibrary());
    QVERIFY(db.exec(u"CREATE TABLE t (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                    "SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO t SELECT printf('%.*c', "
                    "500, 'x') FROM n"_s)
                .ok());
    QCOMPARE(db.count(u"SELECT count(*) FROM t"_s).value(), 1000);
    QCOMPARE(sqlite3_memory_used(), 0);
}

void TestSqlite::openNeverCreates() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"nothing.db"_s);
    auto r = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
    QVERIFY(!r.ok());
    QVERIFY(!QFile::exists(path));
    auto created = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWriteCreate);
    QVERIFY(created.ok());
    QVERIFY(QFile::exists(path));
}

void TestSqlite::statementBindsAndReads() {
    auto db = SqliteDatabase::openMemory().value();
    QVERIFY(db.exec(u"CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB)"_s).ok());
    auto ins = db.prepare(u"INSERT INTO t VALUES (?, ?, ?, ?)"_s);
    QVERIFY(ins.ok());
    ins.value()
        .bind(1, qint64(1) << 40)
        .bind(2, 2.5)
        .bind(3, u"果敢 ကိုးကန့်"_s)
        .bind(4, QByteArray("\0x\0", 3));
    QVERIFY(ins.value().run().ok());
    ins.value().reset();
    ins.value().bindAll({QVariant(), QVariant(), QVariant(), QVariant()});
    QVERIFY(ins.value().run().ok());
    auto sel = db.prepare(u"SELECT i, r, s, b FROM t ORDER BY rowid"_s);
    QVERIFY(sel.value().step().value());
    QCOMPARE(sel.value().int64(0), qint64(1) << 40);
    QCOMPARE(sel.value().real(1), 2.5);
    QCOMPARE(sel.value().text(2), u"果敢 ကိုးကန့်"_s);
    QCOMPARE(sel.value().blob(3), QByteArray("\0x\0", 3));
    QVERIFY(sel.value().step().value());
    QVERIFY(sel.value().isNull(0));
    QVERIFY(!sel.value().value(2).isValid());
    QVERIFY(!sel.value().step().value());
    QCOMPARE(db.count(u"SELECT count(*) FROM t WHERE s = ?"_s, {u"果敢 ကိုးကန့်"_s}).value(), 1);
    // Cached statements come back reset.
    auto c1 = db.cached(u"SELECT ?"_s);
    c1.value()->bind(1, 7);
    QVERIFY(c1.value()->step().value());
    auto c2 = db.cached(u"SELECT ?"_s);
    QCOMPARE(c1.value(), c2.value());
    QVERIFY(c2.value()->step().value());
    QVERIFY(c2.value()->isNull(0));
}

void TestSqlite::transactionRollsBackUnlessCommitted() {
    QTemporaryDir dir;
    auto db = SqliteDatabase::open(dir.filePath(u"t.db"_s), SqliteDatabase::Mode::ReadWriteCreate)
                  .value();
    QVERIFY(db.exec(u"CREATE TABLE t (x)"_s).ok());
    {
        SqliteTransaction tx(db);
        QVERIFY(tx.status().ok());
        QVERIFY(db.exec(u"INSERT INTO t VALUES (1)"_s).ok());
        QVERIFY(db.inTransaction());
    }
    QVERIFY(!db.inTransaction());
    QCOMPARE(db.count(u"SELECT count(*) FROM t"_s).value(), 0);
    {
        SqliteTransaction tx(db);
        QVERIFY(db.exec(u"INSERT INTO t VALUES (2)"_s).ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(db.count(u"SELECT count(*) FROM t"_s).value(), 1);
}

void TestSqlite::blobStreams() {
    auto db = SqliteDatabase::openMemory().value();
    QVERIFY(
        db.exec(
              u"CREATE TABLE b (id INTEGER PRIMARY KEY, data BLOB); INSERT INTO b VALUES (1, zeroblob(10))"_s)
            .ok());
    auto blob = SqliteBlob::open(db, u"b"_s, u"data"_s, 1, true);
    QVERIFY(blob.ok());
    QCOMPARE(blob.value().size(), 10);
    QVERIFY(blob.value().write(0, "hello").ok());
    QVERIFY(blob.value().write(5, "world").ok());
    QCOMPARE(blob.value().read(3, 4).value(), QByteArray("lowo"));
    QVERIFY(!blob.value().write(8, "toolong").ok()); // blobs do not grow
    QVERIFY(!SqliteBlob::open(db, u"b"_s, u"data"_s, 99, false).ok());
}

void TestSqlite::hardeningIsOn() {
    auto db = SqliteDatabase::openMemory().value();
    QCOMPARE(db.scalar(u"PRAGMA mmap_size"_s).value().toInt(), 0);
    QCOMPARE(db.scalar(u"PRAGMA cell_size_check"_s).value().toInt(), 1);
    QCOMPARE(db.scalar(u"PRAGMA foreign_keys"_s).value().toInt(), 1);
    QCOMPARE(db.scalar(u"PRAGMA trusted_schema"_s).value().toInt(), 0);
    // Defensive mode: the schema table cannot be written even with writable_schema.
    QVERIFY(db.exec(u"CREATE TABLE t (x)"_s).ok());
    (void)db.exec(u"PRAGMA writable_schema=ON"_s);
    QVERIFY(!db.exec(u"UPDATE sqlite_schema SET sql='x' WHERE name='t'"_s).ok());
    // No extension loading.
    QVERIFY(!db.exec(u"SELECT load_extension('/nonexistent')"_s).ok());
    // Views are disabled: a case never has them.
    QVERIFY(db.exec(u"CREATE VIEW v AS SELECT 1"_s).ok());
    QVERIFY(!db.exec(u"SELECT * FROM v"_s).ok());
}

void TestSqlite::errorsAreValues() {
    auto db = SqliteDatabase::openMemory().value();
    auto bad = db.prepare(u"SELEC nonsense"_s);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::Database);
    QVERIFY(bad.error().detail.contains(u"syntax error"_s));
    QVERIFY(db.exec(u"CREATE TABLE u (x UNIQUE)"_s).ok());
    QVERIFY(db.exec(u"INSERT INTO u VALUES (1)"_s).ok());
    auto dup = db.exec(u"INSERT INTO u VALUES (1)"_s);
    QVERIFY(!dup.ok());
    QVERIFY(dup.error().detail.contains(u"UNIQUE"_s));
}

// A long write's background write-back finds SQLite's own descriptor of the case file (not
// another file the process has open, and none for a read-only or in-memory database), and
// opens and closes no descriptor of the file: another connection still finds it locked, and
// the rows are committed after it stops.
void TestSqlite::writeBackUsesSqlitesDescriptor() {
#ifdef __linux__
    QTemporaryDir dir;
    auto other =
        SqliteDatabase::open(dir.filePath(u"other.db"_s), SqliteDatabase::Mode::ReadWriteCreate);
    QVERIFY(other.ok());
    QVERIFY(other.value().exec(u"CREATE TABLE t (x)"_s).ok());
    const QString path = dir.filePath(u"case.db"_s);
    auto opened = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWriteCreate);
    QVERIFY(opened.ok());
    SqliteDatabase& db = opened.value();
    QVERIFY(db.exec(u"CREATE TABLE t (x TEXT)"_s).ok());
    {
        SqliteTransaction tx(db);
        QVERIFY(tx.status().ok());
        BackgroundWriteBack writeBack(db);
        QVERIFY(writeBack.descriptor() >= 0);
        struct stat file {};
        struct stat held {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &file), 0);
        QCOMPARE(::fstat(writeBack.descriptor(), &held), 0);
        QCOMPARE(held.st_ino, file.st_ino);
        QCOMPARE(held.st_dev, file.st_dev);
        QVERIFY(db.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                        "i < 20000) INSERT INTO t SELECT printf('%.*c', 300, 'x') FROM n"_s)
                    .ok());
        QTest::qWait(600); // the helper has asked for the pages at least twice
        // Another process still sees the transaction's lock on the file (closing any other
        // descriptor of it in this process would have dropped it): SQLite's reserved byte.
        const QByteArray name = QFile::encodeName(path);
        const pid_t child = ::fork();
        if (child == 0) {
            const int fd = ::open(name.constData(), O_RDONLY);
            struct flock probe {};
            probe.l_type = F_WRLCK;
            probe.l_whence = SEEK_SET;
            probe.l_start = 0x40000000 + 1; // SQLite's PENDING_BYTE + 1: RESERVED
            probe.l_len = 1;
            const bool locked =
                fd >= 0 && ::fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
            ::_exit(locked ? 0 : 1);
        }
        QVERIFY(child > 0);
        int status = -1;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(db.count(u"SELECT count(*) FROM t"_s).value(), 20000);
    auto readOnly = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
    QVERIFY(readOnly.ok());
    QCOMPARE(BackgroundWriteBack(readOnly.value()).descriptor(), -1);
    auto memory = SqliteDatabase::openMemory();
    QVERIFY(memory.ok());
    QCOMPARE(BackgroundWriteBack(memory.value()).descriptor(), -1);
#else
    QSKIP("write-back is Linux only");
#endif
}

QTEST_GUILESS_MAIN(TestSqlite)
#include "tst_sqlite.moc"
