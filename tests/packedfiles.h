#pragma once

// ZIP archives (XLSX workbooks) whose parts unpack to far more than they hold: each part is a
// head, a unit repeated many times and a tail, each piece deflated once and the unit's
// compressed bytes repeated — as "zip bombs" are made. A 1.5 GB cell fits in 1.5 MB.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QtEndian>

#include <zlib.h>

namespace caseatlas::test {

struct PackedPart {
    QByteArray name, head, unit, tail;
    qint64 repeat = 0;
};

namespace packed {

inline QByteArray deflatePiece(const QByteArray& bytes, int flush) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&z, uLong(bytes.size())) + 64), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.constData()));
    z.avail_in = uInt(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, flush);
    out.resize(int(out.size() - z.avail_out));
    deflateEnd(&z);
    return out;
}

template <typename T> QByteArray le(T v) {
    QByteArray b(sizeof(T), '\0');
    qToLittleEndian(v, b.data());
    return b;
}

} // namespace packed

// Writes the archive; false when the file cannot be written. Sizes are 32-bit: no part may
// unpack to 4 GiB or more.
inline bool writePackedZip(const QString& path, const QList<PackedPart>& parts) {
    using namespace packed;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray directory;
    quint32 offset = 0;
    for (const PackedPart& p : parts) {
        const QByteArray head = deflatePiece(p.head, Z_FULL_FLUSH);
        const QByteArray unit = p.repeat > 0 ? deflatePiece(p.unit, Z_FULL_FLUSH) : QByteArray();
        const QByteArray tail = deflatePiece(p.tail, Z_FINISH);
        uLong crc =
            crc32(0, reinterpret_cast<const Bytef*>(p.head.constData()), uInt(p.head.size()));
        const uLong unitCrc =
            crc32(0, reinterpret_cast<const Bytef*>(p.unit.constData()), uInt(p.unit.size()));
        for (qint64 i = 0; i < p.repeat; ++i)
            crc = crc32_combine(crc, unitCrc, z_off_t(p.unit.size()));
        crc = crc32_combine(
            crc, crc32(0, reinterpret_cast<const Bytef*>(p.tail.constData()), uInt(p.tail.size())),
            z_off_t(p.tail.size()));
        const quint64 packedSize =
            quint64(head.size()) + quint64(unit.size()) * quint64(p.repeat) + quint64(tail.size());
        const quint64 size = quint64(p.head.size()) + quint64(p.unit.size()) * quint64(p.repeat) +
                             quint64(p.tail.size());
        const QByteArray common = le<quint16>(20) + le<quint16>(0) + le<quint16>(8) +
                                  le<quint16>(0) + le<quint16>(0x21) + le<quint32>(quint32(crc)) +
                                  le<quint32>(quint32(packedSize)) + le<quint32>(quint32(size)) +
                                  le<quint16>(quint16(p.name.size())) + le<quint16>(0);
        const QByteArray local = le<quint32>(0x04034b50) + common + p.name;
        f.write(local);
        f.write(head);
        for (qint64 i = 0; i < p.repeat; ++i)
            f.write(unit);
        f.write(tail);
        directory += le<quint32>(0x02014b50) + le<quint16>(20) + common + le<quint16>(0) +
                     le<quint16>(0) + le<quint16>(0) + le<quint32>(0) + le<quint32>(offset) +
                     p.name;
        offset += quint32(local.size() + packedSize);
    }
    f.write(directory);
    f.write(le<quint32>(0x06054b50) + le<quint16>(0) + le<quint16>(0) +
            le<quint16>(quint16(parts.size())) + le<quint16>(quint16(parts.size())) +
            le<quint32>(quint32(directory.size())) + le<quint32>(offset) + le<quint16>(0));
    return f.error() == QFile::NoError;
}

// A workbook with one sheet: a header row (title, date) and rows whose cells are shared strings.
// `sheetRow` repeated `rows` times makes the sheet; the third shared string is `head`, `unit`
// repeated `unitRepeat` times, then `tail`.
inline bool writePackedXlsx(const QString& path, const QByteArray& sheetRow, qint64 rows,
                            const QByteArray& unit, qint64 unitRepeat) {
    const QByteArray ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    const QByteArray rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const QByteArray pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
    const QByteArray types =
        "<?xml version=\"1.0\"?><Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
        "Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default "
        "Extension=\"xml\" ContentType=\"application/xml\"/><Override "
        "PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override "
        "PartName=\"/xl/worksheets/sheet1.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override "
        "PartName=\"/xl/sharedStrings.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>";
    const QList<PackedPart> parts = {
        {"[Content_Types].xml", types, {}, {}, 0},
        {"_rels/.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"" + pkg +
             "\"><Relationship Id=\"rId1\" Type=\"" + rel +
             "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
         {},
         {},
         0},
        {"xl/workbook.xml",
         "<?xml version=\"1.0\"?><workbook " + ns + " xmlns:r=\"" + rel +
             "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
         {},
         {},
         0},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"" + pkg +
             "\"><Relationship Id=\"rId1\" Type=\"" + rel +
             "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" +
             rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
         {},
         {},
         0},
        {"xl/worksheets/sheet1.xml",
         "<?xml version=\"1.0\"?><worksheet " + ns +
             "><sheetData><row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>",
         sheetRow, "</sheetData></worksheet>", rows},
        {"xl/sharedStrings.xml",
         "<?xml version=\"1.0\"?><sst " + ns +
             " count=\"3\" uniqueCount=\"3\"><si><t>title</t></si><si><t>date</t></si><si><t>",
         unit, "</t></si></sst>", unitRepeat},
    };
    return writePackedZip(path, parts);
}

} // namespace caseatlas::test
