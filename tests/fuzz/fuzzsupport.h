#pragma once

// Shared by the fuzz targets that read files: the input written to a file of its own in a
// folder that lives as long as the fuzzer.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace caseatlas::fuzz {

inline QTemporaryDir& folder() {
    static QTemporaryDir dir;
    return dir;
}

inline QString writeInput(const uint8_t* data, size_t size, const QString& name) {
    const QString path = folder().filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(reinterpret_cast<const char*>(data), qint64(size));
    return path;
}

} // namespace caseatlas::fuzz
