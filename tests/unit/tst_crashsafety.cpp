#include "testsupport.h"

#include "io/eventimport.h"
#include "io/importcommands.h"
#include "io/syntheticcase.h"
#include "model/casedocument.h"
#include "store/caseindexes.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <csignal>
#include <limits>
#include <sys/mount.h>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// The fault suite. A child process (crashwriter) is killed with SIGKILL at random moments while
// it edits a case, imports 100,000 ACLED rows, saves a copy and updates an older case's schema.
// After each kill every file is checked (it opens; quick_check of the whole file finds nothing;
// foreign keys hold),
// every edit the child reported committed is there, an interrupted import left nothing, and no
// half-written file is left beside a case. Counts are printed at the end.
class TestCrashSafety : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void killsDuringEdits();
    void killsDuringImports();
    void killsDuringUpdates();
    void killsDuringSaveAs();
    void killsDuringMigrations();
    void cleanupTestCase();
    void diskFullEditRollsBackAndSaysSo();
    void diskFullImportLeavesTheCaseAsItWas();
    void diskFullSaveAsReplacesNothing();
    void fullFilesystemSaysTheDiskIsFull();

private:
    struct Run {
        bool killed = false; // still running when the kill came
        QStringList lines;   // what it printed
        QString errors;
    };
    // Starts crashwriter, waits for its first line ("start" or a first commit), lets it work
    // for `afterMs` more and kills it, unless it finished by then.
    Run runAndKill(const QStringList& args, int afterMs);
    // How long the child's work takes when left alone (from its first line to its exit).
    int fullRunMs(const QStringList& args);
    // A moment in [0, factor × fullMs]: most kills while it works, some after it finished.
    int killDelay(int fullMs, double factor = 1.05) {
        return int(m_rng.bounded(0, int(fullMs * factor) + 2));
    }
    static int filesBeside(const QString& path); // entries in the case's folder

    QTemporaryDir m_dir;
    QRandomGenerator m_rng{20261130};
    int m_kills = 0;
    int m_filesChecked = 0;
    qint64 m_editsVerified = 0;
    QMap<QString, int> m_killsBy;
    int m_importsInterrupted = 0, m_importsWhole = 0;
    qint64 m_importRows = 0;
};

void TestCrashSafety::initTestCase() {
    QVERIFY2(QFile::exists(crashWriterPath()),
             "CASEATLAS_CRASHWRITER is not set; run through ctest");
    QVERIFY(m_dir.isValid());
}

TestCrashSafety::Run TestCrashSafety::runAndKill(const QStringList& args, int afterMs) {
    Run run;
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(crashWriterPath(), args);
    if (!child.waitForStarted() || !child.waitForReadyRead(60000)) {
        run.errors =
            u"the child did not start: "_s + QString::fromUtf8(child.readAllStandardError());
        child.kill();
        child.waitForFinished();
        return run;
    }
    if (!child.waitForFinished(afterMs)) {
        ::kill(pid_t(child.processId()), SIGKILL);
        child.waitForFinished(30000);
        run.killed = child.exitStatus() == QProcess::CrashExit;
    }
    if (!run.killed && child.exitCode() != 0)
        run.errors = u"exit code %1: %2"_s.arg(child.exitCode())
                         .arg(QString::fromUtf8(child.readAllStandardError()));
    run.lines = QString::fromUtf8(child.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    return run;
}

int TestCrashSafety::fullRunMs(const QStringList& args) {
    QElapsedTimer timer;
    QProcess child;
    child.start(crashWriterPath(), args);
    if (!child.waitForStarted() || !child.waitForReadyRead(60000))
        return -1;
    timer.start();
    if (!child.waitForFinished(120000) || child.exitCode() != 0) {
        qWarning("%s", child.readAllStandardError().constData());
        return -1;
    }
    return int(timer.elapsed());
}

int TestCrashSafety::filesBeside(const QString& path) {
    return int(dirEntries(QFileInfo(path).absolutePath()).size());
}

// Edits of every kind (events with tags and values, attachments, an edit and its undo) as fast
// as the child can make them, killed 60 times over one case.
void TestCrashSafety::killsDuringEdits() {
    const QString path = m_dir.filePath(u"edits/crash.caseatlas"_s);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(createDocument(path));

    QList<long> committed;
    long next = 1;
    const int kills = 60;
    int killedMidWay = 0;
    for (int round = 0; round < kills; ++round) {
        const Run run =
            runAndKill({u"edit"_s, path, QString::number(next)}, int(m_rng.bounded(0, 250)));
        QVERIFY2(run.killed, qPrintable(u"the writer stopped by itself: "_s + run.errors));
        ++m_kills;
        static const QRegularExpression line(u"^committed (\\d+)$"_s);
        long last = next - 1;
        for (const QString& l : run.lines)
            if (auto m = line.match(l); m.hasMatch())
                last = m.captured(1).toLong();
        for (long n = next; n <= last; ++n)
            committed << n;
        if (QFile::exists(path + u"-journal"_s))
            ++killedMidWay; // killed inside a transaction
        next = last + 2;    // the edit in flight (last + 1) may or may not have landed

        auto reopened = CaseDocument::open(path); // recovers, checking the restored copy whole
        QVERIFY2(reopened.ok(),
                 qPrintable(reopened.ok() ? QString() : reopened.error().fullText()));
        ++m_filesChecked;
        CaseDocument& d = *reopened.value();
        QCOMPARE(d.file().integrityProblems(true).value(), QStringList());
        QCOMPARE(d.db().count(u"SELECT count(*) FROM pragma_foreign_key_check"_s).value(), 0);
        QVERIFY(d.verifyEvidence(false).value().isEmpty());
        for (long n : std::as_const(committed)) {
            if (n % 7 == 3) {
                QVERIFY2(d.db().count(u"SELECT count(*) FROM attachments WHERE file_name = ?"_s,
                                      {u"edit %1.bin"_s.arg(n)})
                                 .value() == 1,
                         qPrintable(QString::number(n)));
            } else if (n % 5 == 4) {
                QVERIFY2(d.db().count(u"SELECT count(*) FROM events WHERE title = ?"_s,
                                      {u"temporary %1"_s.arg(n)})
                                 .value() == 0,
                         qPrintable(QString::number(n)));
            } else {
                QVERIFY2(d.db().count(u"SELECT count(*) FROM events WHERE title = ?"_s,
                                      {u"edit %1"_s.arg(n)})
                                 .value() == 1,
                         qPrintable(QString::number(n)));
            }
        }
        // An event is whole or absent: never a row without its tags.
        QCOMPARE(d.db()
                     .count(u"SELECT count(*) FROM events e WHERE e.title LIKE 'edit %' AND "
                            "(SELECT count(*) FROM event_tags t WHERE t.event_id = e.fid) <> 2"_s)
                     .value(),
                 0);
    }
    QCOMPARE(filesBeside(path), 1);
    m_editsVerified += committed.size(); // each one checked again after every later kill
    m_killsBy[u"edits"_s] = kills;
    qInfo("edits: %d kills, %lld edits reported committed, %d kills left a hot journal", kills,
          qlonglong(committed.size()), killedMidWay);
    QVERIFY(committed.size() > kills);
}

// An import of 100,000 ACLED rows, into an empty case (its lookup indexes built after the
// commit) and into one with events: killed at a random moment it is all there or not at all,
// and when it is not there the case is byte-identical to before.
void TestCrashSafety::killsDuringImports() {
    // 100,000 rows; the sanitizer build (several times slower) sets a smaller import through
    // CASEATLAS_FAULT_IMPORT_ROWS, and kills it as often.
    const qint64 rows = qEnvironmentVariableIsSet("CASEATLAS_FAULT_IMPORT_ROWS")
                            ? qEnvironmentVariableIntValue("CASEATLAS_FAULT_IMPORT_ROWS")
                            : 100000;
    const QString csv = m_dir.filePath(u"acled-100k.csv"_s);
    QVERIFY(writeSyntheticAcled(csv, rows).ok());
    const QString emptyBase = m_dir.filePath(u"import-empty.caseatlas"_s);
    const QString fullBase = m_dir.filePath(u"import-events.caseatlas"_s);
    QVERIFY(CaseFile::create(emptyBase, u"Empty"_s).ok());
    {
        auto file = CaseFile::create(fullBase, u"With events"_s);
        QVERIFY(file.ok());
        SyntheticCaseOptions o;
        o.events = 300;
        QVERIFY(generateSyntheticCase(file.value(), o).ok());
    }
    struct Base {
        QString path;
        QByteArray hash;
        qint64 events, actors, sources, custody;
    };
    QList<Base> bases;
    for (const QString& p : {emptyBase, fullBase}) {
        auto file = CaseFile::open(p, CaseFile::Access::ReadOnly);
        QVERIFY(file.ok());
        auto& db = file.value().db();
        bases.append({p, fileHash(p), db.count(u"SELECT count(*) FROM events"_s).value(),
                      db.count(u"SELECT count(*) FROM actors"_s).value(),
                      db.count(u"SELECT count(*) FROM sources"_s).value(),
                      db.count(u"SELECT count(*) FROM custody_log"_s).value()});
    }
    const QString probe = m_dir.filePath(u"import-probe/case.caseatlas"_s);
    QDir().mkpath(QFileInfo(probe).absolutePath());
    QVERIFY(QFile::copy(emptyBase, probe));
    const int full = fullRunMs({u"import"_s, probe, csv});
    QVERIFY(full > 0);
    qInfo("an import of %lld rows takes %d ms here (with its indexes)", rows, full);

    int kills = 0;
    for (int round = 0; kills < 50; ++round) {
        QVERIFY2(round < 200, "the import finished before the kill too often");
        const Base& base = bases.at(round % 2);
        const QString path = m_dir.filePath(u"import-%1/case.caseatlas"_s.arg(round));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QVERIFY(QFile::copy(base.path, path));
        const Run run = runAndKill({u"import"_s, path, csv}, killDelay(full));
        QVERIFY2(run.errors.isEmpty(), qPrintable(run.errors));
        if (run.killed)
            ++kills;
        const bool reported = run.lines.contains(u"committed %1"_s.arg(rows));
        {
            auto file = CaseFile::open(path); // rolls back a hot journal
            QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().fullText()));
            ++m_filesChecked;
            QCOMPARE(file.value().integrityProblems(true).value(), QStringList());
            auto& db = file.value().db();
            QCOMPARE(db.count(u"SELECT count(*) FROM pragma_foreign_key_check"_s).value(), 0);
            const qint64 events = db.count(u"SELECT count(*) FROM events"_s).value();
            QVERIFY2(events == base.events || events == base.events + rows,
                     qPrintable(u"%1 events after the kill"_s.arg(events)));
            if (reported)
                QCOMPARE(events, base.events + rows);
            if (events == base.events) {
                QCOMPARE(db.count(u"SELECT count(*) FROM actors"_s).value(), base.actors);
                QCOMPARE(db.count(u"SELECT count(*) FROM sources"_s).value(), base.sources);
                QCOMPARE(db.count(u"SELECT count(*) FROM custody_log"_s).value(), base.custody);
                ++m_importsInterrupted;
            } else {
                QCOMPARE(db.count(u"SELECT count(*) FROM event_values"_s).value() >= rows, true);
                QVERIFY(db.count(u"SELECT count(*) FROM custody_log"_s).value() > base.custody);
                if (run.lines.contains(u"indexes"_s))
                    QVERIFY(missingIndexes(db).value().isEmpty());
                ++m_importsWhole;
            }
            m_editsVerified += 1;
        }
        // Nothing left behind: no journal, no temporary file; an import that did not land left
        // the file byte for byte as it was.
        QCOMPARE(dirEntries(QFileInfo(path).absolutePath()), QStringList{u"case.caseatlas"_s});
        if (m_importsInterrupted && !reported) {
            auto again = CaseFile::open(path, CaseFile::Access::ReadOnly);
            if (again.value().db().count(u"SELECT count(*) FROM events"_s).value() == base.events) {
                again.value().close();
                QCOMPARE(fileHash(path), base.hash);
            }
        }
        QDir(QFileInfo(path).absolutePath()).removeRecursively();
    }
    m_kills += kills;
    m_killsBy[u"imports"_s] = kills;
    qInfo("imports of %lld rows: %d kills; %d left nothing, %d were whole", rows, kills,
          m_importsInterrupted, m_importsWhole);
    m_importRows = rows;
}

// An update: the same ACLED dataset imported again, changed (every armed clash renamed), into a
// case where 100 of its events were edited since (each with a base kept for the three-way
// merge). Killed at random: the update is all there or not at all, the edits made in CaseAtlas
// are never lost either way, the bases stay one per edited event, and the custody log's hash
// chain still checks out.
void TestCrashSafety::killsDuringUpdates() {
    // Smaller under the sanitizers (CASEATLAS_FAULT_IMPORT_ROWS set), killed as often.
    const qint64 rows = qEnvironmentVariableIsSet("CASEATLAS_FAULT_IMPORT_ROWS") ? 1500 : 5000;
    const QString v1 = m_dir.filePath(u"update-v1.csv"_s), v2 = m_dir.filePath(u"update-v2.csv"_s);
    QVERIFY(writeSyntheticAcled(v1, rows).ok());
    {
        QFile in(v1), out(v2);
        QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
        out.write(in.readAll().replace(",Armed clash,", ",Armed clash (revised),"));
    }
    const QString base = m_dir.filePath(u"update-base.caseatlas"_s);
    QHash<qint64, QString> edited; // event → its description as edited in CaseAtlas
    {
        auto doc = CaseDocument::create(base, u"Update"_s);
        QVERIFY(doc.ok());
        QVERIFY(importEventFile(*doc.value(), Dataset::Acled, v1, {}).ok());
        const auto events = doc.value()->events().all().value();
        for (qsizetype i = 0; i < events.size() && edited.size() < 100; i += rows / 120) {
            Event e = events[i];
            e.description = u"Edited in the case, #%1"_s.arg(e.id);
            QVERIFY(doc.value()->updateEvent(e).ok());
            edited.insert(e.id, e.description);
        }
    }
    // Every row of the tables an update writes, for comparing.
    auto recordsOf = [](const QString& path) {
        auto file = CaseFile::open(path, CaseFile::Access::ReadOnly);
        QByteArray out;
        for (const char* table : {"events", "event_tags", "event_actors", "event_values",
                                  "citations", "import_bases", "import_datasets", "custody_log"}) {
            auto rows = file.value().db().prepare(
                u"SELECT * FROM %1 ORDER BY 1, 2"_s.arg(QString::fromLatin1(table)));
            (void)rows.value().forEachRow([&](SqliteStatement& s) {
                for (int c = 0; c < s.columnCount(); ++c)
                    out += s.value(c).toString().toUtf8() + '\x1f';
                out += '\n';
            });
        }
        return QCryptographicHash::hash(out, QCryptographicHash::Sha256);
    };
    const QByteArray baseRecords = recordsOf(base);
    const QString probe = m_dir.filePath(u"update-probe/case.caseatlas"_s);
    QDir().mkpath(QFileInfo(probe).absolutePath());
    QVERIFY(QFile::copy(base, probe));
    const int full = fullRunMs({u"update"_s, probe, v2});
    QVERIFY(full > 0);
    {
        auto done = CaseFile::open(probe, CaseFile::Access::ReadOnly);
        QVERIFY(done.value()
                    .db()
                    .count(u"SELECT count(*) FROM events WHERE title LIKE "
                           "'%(revised)%'"_s)
                    .value() > rows / 10);
    }
    int kills = 0, whole = 0, none = 0;
    for (int round = 0; kills < 20; ++round) {
        QVERIFY2(round < 100, "the update finished before the kill too often");
        const QString path = m_dir.filePath(u"update-%1/case.caseatlas"_s.arg(round));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QVERIFY(QFile::copy(base, path));
        const Run run = runAndKill({u"update"_s, path, v2}, killDelay(full, 1.3));
        QVERIFY2(run.errors.isEmpty(), qPrintable(run.errors));
        if (run.killed)
            ++kills;
        const bool reported =
            std::any_of(run.lines.cbegin(), run.lines.cend(),
                        [](const QString& l) { return l.startsWith(u"updated "_s); });
        qint64 revised = 0;
        {
            auto doc = CaseDocument::open(path);
            QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.error().fullText()));
            ++m_filesChecked;
            QCOMPARE(doc.value()->file().integrityProblems(true).value(), QStringList());
            auto& db = doc.value()->db();
            QCOMPARE(db.count(u"SELECT count(*) FROM pragma_foreign_key_check"_s).value(), 0);
            QVERIFY2(doc.value()->custodyProblems().isEmpty(),
                     qPrintable(doc.value()->custodyProblems().join(u'\n')));
            QCOMPARE(db.count(u"SELECT count(*) FROM events"_s).value(), rows);
            revised =
                db.count(u"SELECT count(*) FROM events WHERE title LIKE '%(revised)%'"_s).value();
            QVERIFY2(revised == 0 || revised > rows / 10, qPrintable(QString::number(revised)));
            if (reported)
                QVERIFY(revised > 0);
            (revised > 0 ? whole : none) += 1;
            for (auto it = edited.cbegin(); it != edited.cend(); ++it)
                QCOMPARE(doc.value()->events().load(it.key()).value().description, it.value());
            QCOMPARE(db.count(u"SELECT count(*) FROM import_bases"_s).value(),
                     qint64(edited.size()));
            m_editsVerified += edited.size();
        }
        // An update that did not land left every record as it was. (Not every byte: SQLite
        // does not journal pages that were free when the transaction began, so a free page may
        // hold other unused bytes after the rollback.)
        if (revised == 0)
            QCOMPARE(recordsOf(path), baseRecords);
        QDir(QFileInfo(path).absolutePath()).removeRecursively();
    }
    m_kills += kills;
    m_killsBy[u"updates"_s] = kills;
    qInfo("updates of %lld rows over 100 edited events: %d kills; %d whole, %d left nothing", rows,
          kills, whole, none);
}

// Save a Copy As, over and over onto the same target: the open case never changes, the target
// is always a whole copy (or absent), and the half-written temporary a kill leaves is removed by
// the next save.
void TestCrashSafety::killsDuringSaveAs() {
    const QString source = m_dir.filePath(u"saveas/source.caseatlas"_s);
    QDir().mkpath(QFileInfo(source).absolutePath());
    const qint64 events = 20000;
    {
        auto file = CaseFile::create(source, u"Source"_s);
        QVERIFY(file.ok());
        SyntheticCaseOptions o;
        o.events = events;
        QVERIFY(generateSyntheticCase(file.value(), o).ok());
    }
    const QByteArray sourceHash = fileHash(source);
    const QString folder = m_dir.filePath(u"saveas/copies"_s);
    QDir().mkpath(folder);
    const QString target = folder + u"/copy.caseatlas"_s;
    // The quickest of three saves: one slowed by the machine (a sanitizer build beside other
    // tests) would set the kills so late that most saves finish first.
    int full = std::numeric_limits<int>::max();
    for (int i = 0; i < 3; ++i) {
        const int ms = fullRunMs({u"saveas"_s, source, target});
        QVERIFY(ms > 0);
        full = std::min(full, ms);
        QVERIFY(QFile::remove(target));
    }

    int kills = 0, saved = 0;
    for (int round = 0; kills < 50; ++round) {
        QVERIFY2(round < 200, "the save finished before the kill too often");
        const Run run = runAndKill({u"saveas"_s, source, target}, killDelay(full, 1.4));
        QVERIFY2(run.errors.isEmpty(), qPrintable(run.errors));
        kills += run.killed ? 1 : 0;
        saved += run.lines.contains(u"saved"_s) ? 1 : 0;
        QCOMPARE(fileHash(source), sourceHash);
        ++m_filesChecked;
        if (run.lines.contains(u"saved"_s))
            QVERIFY(QFile::exists(target));
        if (QFile::exists(target)) {
            auto copy = CaseFile::open(target, CaseFile::Access::ReadOnly);
            QVERIFY2(copy.ok(), qPrintable(copy.ok() ? QString() : copy.error().fullText()));
            QCOMPARE(copy.value().integrityProblems(true).value(), QStringList());
            QCOMPARE(copy.value().db().count(u"SELECT count(*) FROM events"_s).value(), events);
            ++m_filesChecked;
        }
        // Anything else in the folder is a temporary of a killed save, never a case file.
        for (const QString& name : dirEntries(folder))
            QVERIFY2(name == u"copy.caseatlas"_s || name.startsWith(u".copy.caseatlas.saving-"_s),
                     qPrintable(name));
    }
    // The next save clears what the killed ones left.
    QVERIFY(runAndKill({u"saveas"_s, source, target}, 120000).lines.contains(u"saved"_s));
    QCOMPARE(dirEntries(folder), QStringList{u"copy.caseatlas"_s});
    m_kills += kills;
    m_killsBy[u"save-as"_s] = kills;
    qInfo("save as: %d kills, %d saves completed (a full save takes %d ms)", kills, saved, full);
}

// Opening a schema-4 case updates it (a backup first, then the events table rebuilt): killed at
// any moment, the case is schema 4 or the current schema with every row, every backup beside it
// is whole, and opening it again finishes the update.
void TestCrashSafety::killsDuringMigrations() {
    const QString templ = m_dir.filePath(u"schema4.caseatlas"_s);
    const qint64 events = 30000;
    {
        auto v4 = CaseFile::create(templ, u"Schema 4"_s, 4);
        QVERIFY(v4.ok());
        QVERIFY(
            v4.value()
                .db()
                .exec(u"INSERT INTO tags (id, name) VALUES (1, 'Battles');"
                      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                      "WHERE i < %1) "
                      "INSERT INTO events (fid, uuid, title, start_edtf, earliest_s, "
                      "latest_s) SELECT i, 'uuid-' || i, 'Event number ' || i || ' at "
                      "the crossing', '2023-11-12', i, i + 86400 FROM n;"
                      "INSERT INTO event_tags (event_id, tag_id) SELECT fid, 1 FROM events;"_s.arg(
                          events))
                .ok());
    }
    const QString probe = m_dir.filePath(u"migrate-probe/case.caseatlas"_s);
    QDir().mkpath(QFileInfo(probe).absolutePath());
    QVERIFY(QFile::copy(templ, probe));
    const int full = fullRunMs({u"migrate"_s, probe});
    QVERIFY(full > 0);

    int kills = 0, backups = 0;
    for (int round = 0; kills < 50; ++round) {
        QVERIFY2(round < 200, "the update finished before the kill too often");
        const QString folder = m_dir.filePath(u"migrate-%1"_s.arg(round));
        const QString path = folder + u"/case.caseatlas"_s;
        QDir().mkpath(folder);
        QVERIFY(QFile::copy(templ, path));
        const Run run = runAndKill({u"migrate"_s, path}, killDelay(full));
        QVERIFY2(run.errors.isEmpty(), qPrintable(run.errors));
        kills += run.killed ? 1 : 0;
        {
            // Looked at as it is, without updating it: recovered from the hot journal if any.
            auto raw = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
            QVERIFY(raw.ok());
            auto& db = raw.value();
            QCOMPARE(db.scalar(u"PRAGMA quick_check"_s).value().toString(), u"ok"_s);
            ++m_filesChecked;
            const int version = db.scalar(u"SELECT value FROM caseatlas_meta WHERE key = "
                                          "'schema_version'"_s)
                                    .value()
                                    .toInt();
            QVERIFY2(version == 4 || version == CaseFile::SchemaVersion,
                     qPrintable(QString::number(version)));
            if (run.lines.contains(u"migrated"_s))
                QCOMPARE(version, CaseFile::SchemaVersion);
            QCOMPARE(db.count(u"SELECT count(*) FROM events"_s).value(), events);
            QCOMPARE(db.count(u"SELECT count(*) FROM event_tags"_s).value(), events);
            QCOMPARE(db.count(u"SELECT count(*) FROM pragma_foreign_key_check"_s).value(), 0);
            m_editsVerified += 1;
        }
        // Every backup beside it is a whole schema-4 case; anything else is a temporary.
        for (const QString& name : dirEntries(folder)) {
            if (name.endsWith(u".bak"_s)) {
                auto backup = CaseFile::open(folder + u'/' + name, CaseFile::Access::ReadOnly);
                QVERIFY2(backup.ok(),
                         qPrintable(backup.ok() ? QString() : backup.error().fullText()));
                QCOMPARE(backup.value().schemaVersion(), 4);
                QCOMPARE(backup.value().integrityProblems(true).value(), QStringList());
                QCOMPARE(backup.value().db().count(u"SELECT count(*) FROM events"_s).value(),
                         events);
                ++m_filesChecked;
                ++backups;
            } else {
                // (or the dead journal of a transaction killed before its journal was synced,
                // which SQLite leaves; opening the case removes it, checked below)
                QVERIFY2(name == u"case.caseatlas"_s ||
                             name.startsWith(u".case.caseatlas.backup-"_s) ||
                             name == u"case.caseatlas-journal"_s,
                         qPrintable(name));
            }
        }
        // Opened again, the update completes and the temporaries are gone.
        {
            auto file = CaseFile::open(path);
            QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().fullText()));
            QCOMPARE(file.value().schemaVersion(), CaseFile::SchemaVersion);
            QCOMPARE(file.value().integrityProblems(true).value(), QStringList());
            QCOMPARE(file.value().db().count(u"SELECT count(*) FROM events"_s).value(), events);
        }
        for (const QString& name : dirEntries(folder))
            QVERIFY2(name == u"case.caseatlas"_s || name.endsWith(u".bak"_s), qPrintable(name));
        QDir(folder).removeRecursively();
    }
    m_kills += kills;
    m_killsBy[u"migrations"_s] = kills;
    qInfo("migrations: %d kills, %d backups checked (an update takes %d ms)", kills, backups, full);
}

void TestCrashSafety::cleanupTestCase() {
    if (m_kills == 0)
        return;
    QStringList by;
    for (auto it = m_killsBy.cbegin(); it != m_killsBy.cend(); ++it)
        by << u"%1 %2"_s.arg(it.value()).arg(it.key());
    qInfo("fault suite: %d kills (%s), %d files checked, %lld edits verified", m_kills,
          qPrintable(by.join(u", "_s)), m_filesChecked, m_editsVerified);
    std::printf("{\"fault_suite\":{\"kills\":%d,\"files_checked\":%d,\"edits_verified\":%lld,"
                "\"import_rows\":%lld,\"imports_left_nothing\":%d,\"imports_whole\":%d}}\n",
                m_kills, m_filesChecked, m_editsVerified, m_importRows, m_importsInterrupted,
                m_importsWhole);
}

// A disk that fills up during an edit (the process may not grow any file past a limit, as a
// full disk refuses): the edit is refused with a plain message, the file is byte-identical,
// and once there is room the same edit goes through.
void TestCrashSafety::diskFullEditRollsBackAndSaysSo() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"full.caseatlas"_s);
    auto doc = createDocument(path);
    QVERIFY(doc);
    Event small;
    small.title = u"Before the disk filled"_s;
    small.start = edtf("2023");
    QVERIFY(doc->addEvent(small).ok());
    const QByteArray before = fileHash(path);
    const qint64 events = doc->events().count().value();
    const int undoSteps = doc->undoStack()->count();

    Event big;
    big.title = u"Too big for the disk"_s;
    big.start = edtf("2024");
    big.description = QString(2'000'000, u'x');
    std::signal(SIGXFSZ, SIG_IGN); // a refused write, not a killed process
    rlimit old{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
    rlimit limit = old;
    limit.rlim_cur = rlim_t(QFileInfo(path).size() + 16384);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limit), 0);
    auto refused = doc->addEvent(big);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"disk is full"_s) ||
                 refused.error().message.contains(u"could not be read or written"_s),
             qPrintable(refused.error().fullText()));
    QVERIFY(refused.error().message.contains(u"not saved"_s));
    // When it says the case is as it was, it is — before anything reads the case again: no
    // journal left to play back, not a byte grown.
    QVERIFY(refused.error().message.contains(u"the case is as it was"_s));
    QVERIFY(!QFile::exists(path + u"-journal"_s));
    QCOMPARE(fileHash(path), before);
    QCOMPARE(doc->events().count().value(), events);
    QCOMPARE(doc->undoStack()->count(), undoSteps); // nothing to undo: nothing happened
    QVERIFY(doc->file().integrityProblems(false).value().isEmpty());
    QCOMPARE(fileHash(path), before);
    // With room again, the same edit is saved.
    QVERIFY(doc->addEvent(big).ok());
    QCOMPARE(doc->events().count().value(), events + 1);
}

namespace {

// Runs `work` while the process may not grow any file beyond `bytes` (as a full disk refuses a
// write; SIGXFSZ ignored so that the write fails instead of killing the process).
template <typename F> auto withFileSizeLimit(qint64 bytes, F work) {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    rlimit limit = old;
    limit.rlim_cur = rlim_t(bytes);
    setrlimit(RLIMIT_FSIZE, &limit);
    auto result = work();
    setrlimit(RLIMIT_FSIZE, &old);
    return result;
}

} // namespace

// An import that runs out of disk: refused with a message saying so, the case byte-identical
// (no journal, no temporary left), and the same import goes through once there is room.
void TestCrashSafety::diskFullImportLeavesTheCaseAsItWas() {
    QTemporaryDir dir;
    const QString csv = dir.filePath(u"acled.csv"_s);
    QVERIFY(writeSyntheticAcled(csv, 20000).ok());
    const QString path = dir.filePath(u"case/full.caseatlas"_s);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto file = CaseFile::create(path, u"Full disk"_s);
    QVERIFY(file.ok());
    {
        SyntheticCaseOptions o;
        o.events = 50;
        QVERIFY(generateSyntheticCase(file.value(), o).ok());
    }
    const QByteArray before = fileHash(path);
    const qint64 events = file.value().db().count(u"SELECT count(*) FROM events"_s).value();
    auto refused = withFileSizeLimit(QFileInfo(path).size() + 256 * 1024,
                                     [&] { return importAcled(file.value(), csv); });
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"disk is full"_s) ||
                 refused.error().message.contains(u"could not be read or written"_s),
             qPrintable(refused.error().fullText()));
    QVERIFY(refused.error().message.contains(u"not saved"_s));
    QCOMPARE(dirEntries(QFileInfo(path).absolutePath()), QStringList{u"full.caseatlas"_s});
    QCOMPARE(fileHash(path), before);
    QCOMPARE(file.value().db().count(u"SELECT count(*) FROM events"_s).value(), events);
    QVERIFY(file.value().integrityProblems(false).value().isEmpty());
    auto imported = importAcled(file.value(), csv);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().fullText()));
    QCOMPARE(file.value().db().count(u"SELECT count(*) FROM events"_s).value(), events + 20000);
}

// Save a Copy As onto a disk without room: refused with a message naming the copy and saying
// the disk is full, the earlier copy at that place untouched, no temporary left, the open case
// unchanged.
void TestCrashSafety::diskFullSaveAsReplacesNothing() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"open.caseatlas"_s);
    auto file = CaseFile::create(path, u"Open case"_s);
    QVERIFY(file.ok());
    const QString folder = dir.filePath(u"copies"_s);
    QDir().mkpath(folder);
    const QString target = folder + u"/copy.caseatlas"_s;
    QVERIFY(file.value().saveCopy(target).ok()); // an earlier, smaller copy
    const QByteArray earlierCopy = fileHash(target);
    {
        SyntheticCaseOptions o;
        o.events = 3000;
        QVERIFY(generateSyntheticCase(file.value(), o).ok());
    }
    const QByteArray before = fileHash(path);
    const Status refused = withFileSizeLimit(QFileInfo(path).size() / 2,
                                             [&] { return file.value().saveCopy(target); });
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"disk is full"_s) &&
                 refused.error().message.contains(QDir::toNativeSeparators(target)) &&
                 refused.error().message.contains(u"Nothing was replaced"_s),
             qPrintable(refused.error().fullText()));
    QCOMPARE(fileHash(target), earlierCopy);
    QCOMPARE(dirEntries(folder), QStringList{u"copy.caseatlas"_s});
    QCOMPARE(fileHash(path), before);
    QVERIFY(file.value().saveCopy(target).ok());
    QCOMPARE(eventsInCase(target), 3000);
}

// The same on a real full filesystem (a 4 MB tmpfs; mounting needs root, as CI has): the write
// fails with ENOSPC and every message says the disk is full. An edit, an import and Save As are
// refused, the case and the earlier copy on it stay byte for byte as they were, no journal or
// temporary is left, and once there is room the import goes through.
void TestCrashSafety::fullFilesystemSaysTheDiskIsFull() {
    QTemporaryDir dir;
    const QString disk = dir.filePath(u"small-disk"_s);
    QDir().mkpath(disk);
    if (::mount("tmpfs", QFile::encodeName(disk).constData(), "tmpfs", 0, "size=4m") != 0)
        QSKIP("cannot mount a small tmpfs here (needs root); the file-size-limit tests cover it");
    auto unmount = qScopeGuard([&] { ::umount2(QFile::encodeName(disk).constData(), MNT_DETACH); });
    const QString csv = dir.filePath(u"acled.csv"_s); // outside the small disk
    QVERIFY(writeSyntheticAcled(csv, 20000).ok());
    const QString path = disk + u"/case.caseatlas"_s;
    const QString copy = disk + u"/copy.caseatlas"_s;
    {
        auto file = CaseFile::create(path, u"On a small disk"_s);
        QVERIFY(file.ok());
        SyntheticCaseOptions o;
        o.events = 300;
        QVERIFY(generateSyntheticCase(file.value(), o).ok());
        QVERIFY(file.value().saveCopy(copy).ok());
    }
    const QByteArray caseBefore = fileHash(path), copyBefore = fileHash(copy);
    auto doc = CaseDocument::open(path);
    QVERIFY(doc.ok());
    CaseDocument& d = *doc.value();
    const qint64 events = d.events().count().value();
    auto saysFull = [](const Error& e) {
        return e.message.contains(u"disk is full"_s) ? QString() : e.fullText();
    };

    auto imported = importAcled(d.file(), csv); // about 8 MB of rows for a 3 MB disk
    QVERIFY(!imported.ok());
    QVERIFY2(saysFull(imported.error()).isEmpty(), qPrintable(saysFull(imported.error())));
    QVERIFY(!QFile::exists(path + u"-journal"_s)); // before anything reads the case again
    QCOMPARE(fileHash(path), caseBefore);
    QCOMPARE(d.events().count().value(), events);

    // Fill what is left, then an edit.
    {
        QFile filler(disk + u"/filler"_s);
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(64 * 1024, 'f');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
    }
    Event e;
    e.title = u"No room for this"_s;
    e.start = edtf("2024");
    e.description = QString(200000, u'x');
    auto edit = d.addEvent(e);
    QVERIFY(!edit.ok());
    QVERIFY2(saysFull(edit.error()).isEmpty(), qPrintable(saysFull(edit.error())));
    QVERIFY(edit.error().message.contains(u"the case is as it was"_s));
    QVERIFY(!QFile::exists(path + u"-journal"_s));
    QCOMPARE(fileHash(path), caseBefore);

    // Save As onto the full disk, over the earlier copy.
    const Status saved = d.saveCopyAs(copy);
    QVERIFY(!saved.ok());
    QVERIFY2(saysFull(saved.error()).isEmpty(), qPrintable(saysFull(saved.error())));
    QCOMPARE(fileHash(copy), copyBefore);
    QCOMPARE(fileHash(path), caseBefore);
    QCOMPARE(dirEntries(disk),
             (QStringList{u"case.caseatlas"_s, u"copy.caseatlas"_s, u"filler"_s}));
    QVERIFY(d.file().integrityProblems(false).value().isEmpty());

    // Room again: the edit and the import go through.
    QVERIFY(QFile::remove(disk + u"/filler"_s));
    QVERIFY(d.addEvent(e).ok());
    QCOMPARE(::mount("tmpfs", QFile::encodeName(disk).constData(), "tmpfs", MS_REMOUNT, "size=64m"),
             0);
    auto again = importAcled(d.file(), csv);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().fullText()));
    QCOMPARE(d.events().count().value(), events + 1 + 20000);
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
