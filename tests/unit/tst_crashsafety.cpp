#include "testsupport.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <csignal>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// A writer child is killed with SIGKILL at random moments, 25 times over one case. After each
// kill the case must open, pass quick_check, and hold every edit the child reported committed.
class TestCrashSafety : public QObject {
    Q_OBJECT
private slots:
    void killedWriterLosesNothingCommitted();
    void diskFullEditRollsBackAndSaysSo();
};

void TestCrashSafety::killedWriterLosesNothingCommitted() {
    QVERIFY2(QFile::exists(crashWriterPath()),
             "CASEATLAS_CRASHWRITER is not set; run through ctest");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"crash.caseatlas"_s);
    QVERIFY(createDocument(path));

    QRandomGenerator rng(20261129);
    QList<long> committed;
    long next = 1;
    const int kills = 25;
    int killedMidWay = 0;
    for (int round = 0; round < kills; ++round) {
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(crashWriterPath(), {path, QString::number(next)});
        QVERIFY(child.waitForStarted());
        // Kill while it is working, not while it starts: wait for its first commit, then a
        // random moment more.
        QVERIFY2(child.waitForReadyRead(30000), child.readAllStandardError().constData());
        QTest::qWait(int(rng.bounded(0, 250)));
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        if (child.exitStatus() != QProcess::CrashExit)
            QFAIL(qPrintable(
                u"the writer stopped by itself (exit code %1): %2"_s.arg(child.exitCode())
                    .arg(QString::fromUtf8(child.readAllStandardError()))));
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        static const QRegularExpression line(u"^committed (\\d+)$"_s,
                                             QRegularExpression::MultilineOption);
        auto it = line.globalMatch(out);
        long last = next - 1;
        while (it.hasNext())
            last = it.next().captured(1).toLong();
        for (long n = next; n <= last; ++n)
            committed << n;
        if (QFile::exists(path + u"-journal"_s))
            ++killedMidWay; // killed inside a transaction
        next = last + 2;    // the edit in flight (last + 1) may or may not have landed

        auto reopened = CaseDocument::open(path);
        QVERIFY2(reopened.ok(),
                 qPrintable(reopened.ok() ? QString() : reopened.error().fullText()));
        CaseDocument& d = *reopened.value();
        QVERIFY(d.file().integrityProblems(true).value().isEmpty());
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
    qInfo("%d kills, %lld edits reported committed, %d kills left a hot journal", kills,
          qlonglong(committed.size()), killedMidWay);
    QVERIFY(committed.size() > kills);
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
    QCOMPARE(doc->events().count().value(), events);
    QCOMPARE(doc->undoStack()->count(), undoSteps); // nothing to undo: nothing happened
    QVERIFY(doc->file().integrityProblems(false).value().isEmpty());
    QCOMPARE(fileHash(path), before);
    // With room again, the same edit is saved.
    QVERIFY(doc->addEvent(big).ok());
    QCOMPARE(doc->events().count().value(), events + 1);
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
