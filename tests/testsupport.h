#pragma once

// Small helpers shared by the tests: temporary case files and byte-level file checks.

#include "model/casedocument.h"
#include "store/rollbackjournal.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace caseatlas::test {

inline QByteArray fileHash(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Writes `text` to `dir`/`name` and returns the path (empty if it could not be written).
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return path;
}

inline QStringList dirEntries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

inline std::unique_ptr<CaseDocument>
createDocument(const QString& path, const QString& title = QStringLiteral("Test case")) {
    auto doc = CaseDocument::create(path, title);
    if (!doc) {
        qWarning("%s", qPrintable(doc.error().fullText()));
        return nullptr;
    }
    return std::move(doc).value();
}

inline FuzzyDate edtf(const char* text) {
    return FuzzyDate::parse(QString::fromLatin1(text)).value();
}

// The events in the case at `path`, opened read-only (checked as any case is); -1 if it does not
// open.
inline qint64 eventsInCase(const QString& path) {
    auto file = CaseFile::open(path, CaseFile::Access::ReadOnly);
    if (!file)
        return -1;
    return file.value().db().count(QStringLiteral("SELECT count(*) FROM events")).value();
}

// The environment variables set by tests/CMakeLists.txt.
inline QString cliPath() {
    return qEnvironmentVariable("CASEATLAS_CLI");
}
inline QString crashWriterPath() {
    return qEnvironmentVariable("CASEATLAS_CRASHWRITER");
}

} // namespace caseatlas::test
