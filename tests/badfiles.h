#pragma once

#include "testsupport.h"

#include <QRandomGenerator>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace caseatlas::test {

// A file of the given kind at DIR/case.caseatlas: missing, directory, empty, text, random,
// truncated, corrupt, plain-geopackage, newer-schema, other-format.
inline QString makeBadFile(const QString& dir, const QString& kind) {
    using namespace Qt::StringLiterals;
    QDir().mkpath(dir);
    const QString path = dir + u"/case.caseatlas"_s;
    auto writeBytes = [&](const QByteArray& bytes) {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
    };
    auto rawOpen = [&] {
        return SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite).value();
    };
    if (kind == u"missing") {
        return path;
    } else if (kind == u"directory") {
        QDir().mkpath(path);
    } else if (kind == u"empty") {
        writeBytes({});
    } else if (kind == u"text") {
        writeBytes("Kokang compounds: notes\nnot a database at all\n");
    } else if (kind == u"random") {
        QByteArray bytes(8192, Qt::Uninitialized);
        QRandomGenerator gen(42);
        for (char& c : bytes)
            c = char(gen.bounded(256));
        bytes[0] = char(0xFF); // never a text file by accident
        bytes[1] = 0;
        writeBytes(bytes);
    } else {
        {
            auto doc = createDocument(path);
            for (int i = 0; doc && i < 300; ++i) {
                Event e;
                e.title = u"Filler event %1 %2"_s.arg(i).arg(QString(60, u'x'));
                e.start = edtf("2023");
                (void)doc->addEvent(e);
            }
        }
        if (kind == u"truncated") {
            QFile f(path);
            f.resize(f.size() / 2);
        } else if (kind == u"corrupt") {
            // Garbage over the root page of the events table (not the header page).
            qint64 root = 0;
            {
                auto db = rawOpen();
                root = db.scalar(u"SELECT rootpage FROM sqlite_schema WHERE name = 'events'"_s)
                           .value()
                           .toLongLong();
            }
            QFile f(path);
            f.open(QIODevice::ReadWrite);
            const qint64 page = databasePageSize(path);
            f.seek((root - 1) * page);
            f.write(QByteArray(2000, char(0x5A)));
        } else if (kind == u"plain-geopackage") {
            QFile::remove(path);
            GDALAllRegister();
            GDALDriverH drv = GDALGetDriverByName("GPKG");
            GDALDatasetH ds =
                GDALCreate(drv, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
            OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
            OSRImportFromEPSG(srs, 4326);
            OGRLayerH layer = GDALDatasetCreateLayer(ds, "compounds", srs, wkbPoint, nullptr);
            OGRFieldDefnH field = OGR_Fld_Create("name", OFTString);
            OGR_L_CreateField(layer, field, TRUE);
            OGR_Fld_Destroy(field);
            OSRDestroySpatialReference(srs);
            GDALClose(ds);
        } else if (kind == u"newer-schema") {
            auto db = rawOpen();
            (void)db.exec(
                u"UPDATE caseatlas_meta SET value='99' WHERE key IN ('schema_version','min_reader_version')"_s);
        } else if (kind == u"other-format") {
            auto db = rawOpen();
            (void)db.exec(u"UPDATE caseatlas_meta SET value='SomethingElse' WHERE key='format'"_s);
        }
    }
    return path;
}

} // namespace caseatlas::test
