#include "store/rollbackjournal.h"

#include <QFile>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

// What every journal header, and a super-journal record at its end, carry (SQLite's file
// format, "The Rollback Journal").
constexpr uchar kMagic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};
constexpr int kHeaderSize = 28;      // magic, records, nonce, initial pages, sector, page size
constexpr int kSuperRecordTail = 16; // name length, name checksum, magic
constexpr qint64 kLongestShownName = 200;

bool isMagic(const QByteArray& bytes) {
    return bytes.size() == 8 && std::equal(bytes.cbegin(), bytes.cend(), std::begin(kMagic),
                                           [](char a, uchar b) { return uchar(a) == b; });
}

bool isPowerOfTwo(quint32 v) {
    return v != 0 && (v & (v - 1)) == 0;
}

} // namespace

QString RollbackJournal::pathFor(const QString& databasePath) {
    return databasePath + u"-journal"_s;
}

quint32 databasePageSize(const QString& databasePath) {
    QFile db(databasePath);
    if (!db.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray header = db.read(100);
    if (header.size() < 100)
        return 0;
    const quint32 size = qFromBigEndian<quint16>(header.constData() + 16);
    return size == 1 ? 65536 : size;
}

RollbackJournal RollbackJournal::inspect(const QString& databasePath) {
    RollbackJournal j;
    j.path = pathFor(databasePath);
    QFile f(j.path);
    if (!f.exists() || !f.open(QIODevice::ReadOnly) || f.size() == 0)
        return j;
    const qint64 size = f.size();
    auto foreign = [&](const QString& why) {
        j.kind = Kind::Foreign;
        j.problem = why;
        return j;
    };

    // A super-journal record at the end: SQLite reads it before anything else and, when the
    // file it names exists, deletes that file once the journal is played back.
    if (size >= kSuperRecordTail && f.seek(size - kSuperRecordTail)) {
        const QByteArray tail = f.read(kSuperRecordTail);
        if (tail.size() == kSuperRecordTail && isMagic(tail.mid(8))) {
            const quint32 length = qFromBigEndian<quint32>(tail.constData());
            quint32 checksum = qFromBigEndian<quint32>(tail.constData() + 4);
            if (length == 0 || length > size - kSuperRecordTail)
                return foreign(u"it ends with a super-journal record of an impossible length"_s);
            f.seek(size - kSuperRecordTail - length);
            const QByteArray name = f.read(std::min<qint64>(length, 4096));
            for (const char c : name)
                checksum -= quint32(qint32(static_cast<signed char>(c)));
            j.superJournal =
                QString::fromUtf8(
                    name.left(name.indexOf('\0') < 0 ? name.size() : name.indexOf('\0')))
                    .left(kLongestShownName);
            if (checksum != 0 || name.size() < qint64(length))
                return foreign(u"it ends with a super-journal record that does not add up"_s);
            j.kind = Kind::SuperJournal;
            return j;
        }
    }

    f.seek(0);
    const QByteArray header = f.read(kHeaderSize);
    if (header.isEmpty() || header.at(0) == '\0') {
        j.kind = Kind::Dead;
        return j;
    }
    if (header.size() < kHeaderSize || !isMagic(header.left(8)))
        return foreign(u"it does not start as an SQLite journal does"_s);
    const quint32 sectorSize = qFromBigEndian<quint32>(header.constData() + 20);
    const quint32 pageSize = qFromBigEndian<quint32>(header.constData() + 24);
    if (!isPowerOfTwo(sectorSize) || sectorSize < 32 || sectorSize > 65536)
        return foreign(u"its sector size (%1) is not one SQLite writes"_s.arg(sectorSize));
    if (const quint32 dbPageSize = databasePageSize(databasePath);
        dbPageSize != 0 && pageSize != dbPageSize)
        return foreign(
            u"its pages are of %1 bytes, the case's of %2"_s.arg(pageSize).arg(dbPageSize));
    j.kind = Kind::Valid;
    return j;
}

} // namespace caseatlas
