#include "badfiles.h"
#include "testsupport.h"

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <gdal.h>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// The real `caseatlas` executable, run as a user would run it.
class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void version();
    void newInfoSample();
    void checkFindsTamperedAttachment();
    void generateIsReadableByOgr();
    void generateIsDeterministic();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void usageErrors();
    void refusedInputsExitThree_data();
    void refusedInputsExitThree();
    void interruptCancelsCleanly();
    void renderTimeline();
    void search();

private:
    struct Run {
        int code;
        QString out, err;
    };
    Run run(const QStringList& args);
    QTemporaryDir m_dir;
};

void TestCli::initTestCase() {
    QVERIFY2(QFile::exists(cliPath()), "CASEATLAS_CLI is not set; run through ctest");
}

TestCli::Run TestCli::run(const QStringList& args) {
    QProcess p;
    p.start(cliPath(), args);
    if (!p.waitForFinished(300000))
        return {-1, {}, u"timed out"_s};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TestCli::version() {
    const Run r = run({u"--version"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith(u"CaseAtlas "_s + QStringLiteral(CASEATLAS_VERSION)));
}

void TestCli::newInfoSample() {
    const QString path = m_dir.filePath(u"new.caseatlas"_s);
    QCOMPARE(run({u"new"_s, path, u"--title"_s, u"果敢 case"_s}).code, 0);
    Run info = run({u"info"_s, path});
    QCOMPARE(info.code, 0);
    QVERIFY(info.out.contains(u"Title:      果敢 case"_s));
    QVERIFY(info.out.contains(u"Integrity:  ok"_s));
    QVERIFY(info.out.contains(u"events:     0"_s));
    QCOMPARE(run({u"new"_s, path}).code, 3); // exists

    const QString sample = m_dir.filePath(u"sample.caseatlas"_s);
    QCOMPARE(run({u"sample"_s, sample}).code, 0);
    info = run({u"info"_s, sample});
    QCOMPARE(info.code, 0);
    QVERIFY(info.out.contains(u"Kokang"_s));
    QVERIFY(info.out.contains(u"events:     16"_s));
    QVERIFY(info.out.contains(u"attachments:1"_s));
    const Run check = run({u"check"_s, sample});
    QCOMPARE(check.code, 0);
    QVERIFY(check.out.contains(u"0 problem(s)"_s));
}

void TestCli::search() {
    const QString sample = m_dir.filePath(u"search-sample.caseatlas"_s);
    QCOMPARE(run({u"sample"_s, sample}).code, 0);
    // One line per result: kind, id, title, matched text.
    Run r = run({u"search"_s, sample, u"果敢"_s});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    const QStringList first = lines.first().split(u'\t');
    QCOMPARE(first.size(), 4);
    QCOMPARE(first.at(0), u"place"_s);
    QCOMPARE(first.at(2), u"Kokang Self-Administered Zone"_s);
    QVERIFY(first.at(3).contains(u"果敢"_s));
    r = run({u"search"_s, sample, u"compound"_s, u"--limit"_s, u"2"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.count(u"event\t"_s), 2);
    QCOMPARE(run({u"search"_s, sample, u"nothing-like-this"_s}).code, 1);
    QCOMPARE(run({u"search"_s, sample, u"x"_s, u"--limit"_s, u"0"_s}).code, 2);
    QCOMPARE(run({u"search"_s, m_dir.filePath(u"missing.caseatlas"_s), u"x"_s}).code, 3);
}

void TestCli::checkFindsTamperedAttachment() {
    const QString path = m_dir.filePath(u"tamper.caseatlas"_s);
    const QString evidence = m_dir.filePath(u"witness-statement.pdf"_s);
    {
        QFile f(evidence);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100000, 'w'));
    }
    {
        auto doc = createDocument(path);
        QVERIFY(doc->addAttachment(evidence, {}).ok());
        QVERIFY(doc->addAttachment(evidence, {}).ok()); // same bytes: one blob
        QCOMPARE(doc->db().count(u"SELECT count(*) FROM blobs"_s).value(), 1);
    }
    QCOMPARE(run({u"check"_s, path}).code, 0);
    // Change one stored byte behind the app's back.
    {
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite).value();
        auto blob = SqliteBlob::open(db, u"blobs"_s, u"data"_s, 1, true);
        QVERIFY(blob.ok());
        QVERIFY(blob.value().write(5000, "X").ok());
    }
    const Run r = run({u"check"_s, path});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.out.count(u"PROBLEM: attachment \"witness-statement.pdf\""_s), 2);
    QVERIFY(r.out.contains(u"2 problem(s)"_s));
    // With --log the failed verification is recorded in the custody log.
    QCOMPARE(run({u"check"_s, path, u"--log"_s}).code, 1);
    auto doc = CaseDocument::open(path, CaseFile::Access::ReadOnly).value();
    QCOMPARE(doc->db()
                 .count(u"SELECT count(*) FROM custody_log WHERE action = 'verify-failed'"_s)
                 .value(),
             2);
}

void TestCli::generateIsReadableByOgr() {
    const QString path = m_dir.filePath(u"gen.caseatlas"_s);
    const Run g = run({u"generate"_s, path, u"--events"_s, u"5000"_s, u"--seed"_s, u"7"_s});
    QCOMPARE(g.code, 0);
    QVERIFY(g.out.contains(u"Generated 5000 events"_s));
    const Run info = run({u"info"_s, path});
    QVERIFY(info.out.contains(u"events:     5000"_s));
    QCOMPARE(run({u"check"_s, path}).code, 0);
    const QString ogrinfo = QStandardPaths::findExecutable(u"ogrinfo"_s);
    if (ogrinfo.isEmpty())
        QSKIP("ogrinfo (gdal-bin) is not installed");
    QProcess p;
    p.start(ogrinfo, {u"-ro"_s, u"-so"_s, path, u"events"_s});
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(out.contains(u"Feature Count: 5000"_s), qPrintable(out));
    QVERIFY(out.contains(u"title: String"_s));
    QVERIFY(out.contains(u"earliest: DateTime"_s));
    QVERIFY(out.contains(u"start_edtf: String"_s));
}

void TestCli::generateIsDeterministic() {
    const QString a = m_dir.filePath(u"det-a.caseatlas"_s),
                  b = m_dir.filePath(u"det-b.caseatlas"_s);
    QCOMPARE(run({u"generate"_s, a, u"--events"_s, u"500"_s, u"--seed"_s, u"3"_s}).code, 0);
    QCOMPARE(run({u"generate"_s, b, u"--events"_s, u"500"_s, u"--seed"_s, u"3"_s}).code, 0);
    auto digest = [](const QString& path) {
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly).value();
        auto s = db.prepare(u"SELECT title, start_edtf, hex(geom), tags FROM events ORDER BY fid"_s)
                     .value();
        QCryptographicHash h(QCryptographicHash::Sha256);
        while (s.step().value())
            for (int i = 0; i < 4; ++i)
                h.addData(s.text(i).toUtf8());
        return h.result();
    };
    QCOMPARE(digest(a), digest(b));
}

void TestCli::refusesBadFiles_data() {
    QTest::addColumn<QString>("kind");
    for (const char* k : {"missing", "directory", "empty", "text", "random", "truncated", "corrupt",
                          "plain-geopackage", "newer-schema"})
        QTest::newRow(k) << QString::fromLatin1(k);
}

void TestCli::refusesBadFiles() {
    QFETCH(QString, kind);
    const QString path = makeBadFile(m_dir.filePath(u"bad-"_s + kind), kind);
    const QString folder = QFileInfo(path).absolutePath();
    const QStringList entries = dirEntries(folder);
    const QByteArray bytes = fileHash(path);
    for (const QString& cmd : {u"info"_s, u"check"_s}) {
        const Run r = run({cmd, path});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.startsWith(u"caseatlas: "_s));
        QVERIFY(r.out.isEmpty());
    }
    QCOMPARE(dirEntries(folder), entries);
    QCOMPARE(fileHash(path), bytes);
}

namespace {

// A georeferenced GeoTIFF whose pixels are never written: GDAL keeps it a few hundred bytes.
void writeSparseTiff(const QString& path, int width, int height, QList<QByteArray> options,
                     int bands = 1) {
    GDALAllRegister();
    options << "SPARSE_OK=YES"
            << "BIGTIFF=YES"
            << "COMPRESS=DEFLATE";
    std::vector<char*> argv;
    for (QByteArray& o : options)
        argv.push_back(o.data());
    argv.push_back(nullptr);
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), path.toUtf8().constData(), width,
                                 height, bands, GDT_Byte, argv.data());
    double transform[6] = {98, 0.00001, 0, 24, 0, -0.00001};
    GDALSetGeoTransform(ds, transform);
    GDALSetProjection(ds, "EPSG:4326");
    GDALClose(ds);
}

// Work folders of `caseatlas` processes (not of this test) in the temporary folder.
QStringList leftWorkFolders() {
    return QDir(QDir::tempPath())
        .entryList({u"caseatlas-work-*"_s}, QDir::Dirs)
        .filter(QRegularExpression(
            u"^caseatlas-work-(?!%1-)"_s.arg(QCoreApplication::applicationPid())));
}

} // namespace

void TestCli::refusedInputsExitThree_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("says");
    QTest::addRow("layer add: missing") << u"layer"_s << u"missing.geojson"_s << u"no file"_s;
    QTest::addRow("layer add: a folder") << u"layer"_s << u"folder"_s << u"folder"_s;
    QTest::addRow("layer add: a text file")
        << u"layer"_s << u"notes.txt"_s << u"could not be read as a GIS layer"_s;
    QTest::addRow("layer add: a damaged GeoTIFF")
        << u"layer"_s << u"broken.tif"_s << u"could not be read as a GIS layer"_s;
    QTest::addRow("layer add: a GeoTIFF claiming 10^6 x 10^6 pixels")
        << u"layer"_s << u"huge.tif"_s << u"claims 1000000 by 1000000 pixels"_s;
    QTest::addRow("layer add --link: one tile of 400 MB")
        << u"layer-link"_s << u"strip.tif"_s << u"in blocks of"_s;
    QTest::addRow("layer add: a 6-band GeoTIFF")
        << u"layer"_s << u"six.tif"_s << u"has 6 bands; a map layer needs 1 to 4"_s;
    QTest::addRow("import: missing") << u"import"_s << u"missing.csv"_s << u"no file"_s;
    QTest::addRow("import: a folder") << u"import"_s << u"folder"_s << u"folder"_s;
}

// An input that cannot be read — not there, a folder, not what it claims to be — exits 3 ("the
// file could not be opened"), as the README says, never 4 ("writing failed"); the case is
// unchanged.
void TestCli::refusedInputsExitThree() {
    QFETCH(QString, command);
    QFETCH(QString, input);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"case.caseatlas"_s);
    QCOMPARE(run({u"new"_s, path}).code, 0);
    QDir().mkpath(dir.filePath(u"folder"_s));
    QVERIFY(!writeFile(dir, u"notes.txt"_s, "Laukkai, 12 November: crossing reopened\n").isEmpty());
    QVERIFY(!writeFile(dir, u"broken.tif"_s, QByteArray("II*\0", 4) + QByteArray(266, '\x7f'))
                 .isEmpty());
    // A few hundred bytes that claim an image no computer holds (GDAL makes it sparse): a
    // million pixels square; and one stored as a single tile of 400 MB.
    writeSparseTiff(dir.filePath(u"huge.tif"_s), 1000000, 1000000, {"BLOCKYSIZE=1000000"});
    writeSparseTiff(dir.filePath(u"strip.tif"_s), 20000, 20000,
                    {"TILED=YES", "BLOCKXSIZE=20000", "BLOCKYSIZE=20000"});
    writeSparseTiff(dir.filePath(u"six.tif"_s), 100, 100, {}, 6); // a multispectral image
    QVERIFY(QFileInfo(dir.filePath(u"huge.tif"_s)).size() < 4096);
    const QByteArray before = fileHash(path);
    QStringList args = command.startsWith(u"layer"_s)
                           ? QStringList{u"layer"_s, u"add"_s, path, dir.filePath(input)}
                           : QStringList{u"import"_s, path, dir.filePath(input)};
    if (command == u"layer-link"_s)
        args << u"--link"_s;
    const Run r = run(args);
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QCOMPARE(fileHash(path), before);
    QVERIFY(leftWorkFolders().isEmpty());
}

// Ctrl+C while a large image is tiled into the case: the work stops as a Cancel button stops
// it — the case as it was, no work folder left in the temporary folder — rather than the
// process dying mid-way.
void TestCli::interruptCancelsCleanly() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"case.caseatlas"_s);
    QCOMPARE(run({u"new"_s, path}).code, 0);
    const QString tif = dir.filePath(u"large.tif"_s);
    writeSparseTiff(tif, 30000, 30000, {"TILED=YES"});
    const QByteArray before = fileHash(path);
    QProcess p;
    p.start(cliPath(), {u"layer"_s, u"add"_s, path, tif});
    QVERIFY(p.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(!leftWorkFolders().isEmpty(), 20000); // converting
    QTest::qWait(300);
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY(p.exitCode() != 0);
    QVERIFY2(QString::fromUtf8(p.readAllStandardError()).contains(u"cancelled"_s),
             "no word of the cancelling");
    QCOMPARE(fileHash(path), before);
    QVERIFY(leftWorkFolders().isEmpty());
}

void TestCli::usageErrors() {
    QCOMPARE(run({u"info"_s}).code, 2);
    QCOMPARE(run({u"generate"_s, m_dir.filePath(u"x.caseatlas"_s)}).code, 2);
    QCOMPARE(run({u"generate"_s, m_dir.filePath(u"x.caseatlas"_s), u"--events"_s, u"many"_s}).code,
             2);
    QVERIFY(!QFile::exists(m_dir.filePath(u"x.caseatlas"_s)));
    const Run help = run({u"--help"_s});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains(u"caseatlas generate FILE --events N"_s));
}

void TestCli::renderTimeline() {
    const QString sample = m_dir.filePath(u"render-sample.caseatlas"_s);
    QCOMPARE(run({u"sample"_s, sample}).code, 0);
    for (const QString& suffix : {u"png"_s, u"svg"_s, u"pdf"_s}) {
        const QString out = m_dir.filePath(u"render."_s + suffix);
        const Run r = run({u"render-timeline"_s, sample, u"-o"_s, out, u"--size"_s, u"1000x500"_s,
                           u"--from"_s, u"2012"_s, u"--to"_s, u"2025"_s, u"--lanes"_s, u"actor"_s});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFileInfo(out).size() > 1000);
    }
    QCOMPARE(QImage(m_dir.filePath(u"render.png"_s)).size(), QSize(1000, 500));
    QCOMPARE(run({u"render-timeline"_s, sample, u"-o"_s, m_dir.filePath(u"x.png"_s), u"--from"_s,
                  u"late 2023"_s})
                 .code,
             2);
    QCOMPARE(run({u"render-timeline"_s, sample, u"-o"_s, m_dir.filePath(u"x.png"_s), u"--lanes"_s,
                  u"colour"_s})
                 .code,
             2);
    QCOMPARE(run({u"render-timeline"_s, sample, u"-o"_s, m_dir.filePath(u"x.bmp"_s)}).code, 2);
    QCOMPARE(run({u"render-timeline"_s, m_dir.filePath(u"missing.caseatlas"_s), u"-o"_s,
                  m_dir.filePath(u"x.png"_s)})
                 .code,
             3);
    QVERIFY(!QFile::exists(m_dir.filePath(u"x.png"_s)));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
