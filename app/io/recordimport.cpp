#include "io/recordimport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace caseatlas {

// --- formats ---

namespace {
const std::pair<ImportFormat, const char16_t*> kImportFormats[] = {
    {ImportFormat::Acled, u"acled"},
    {ImportFormat::Ucdp, u"ucdp"},
    {ImportFormat::Spreadsheet, u"spreadsheet"},
    {ImportFormat::Points, u"points"},
    {ImportFormat::TimelineJs, u"timelinejs"},
    {ImportFormat::Timeline, u"timeline"}};
} // namespace

QString importFormatKey(ImportFormat f) {
    for (const auto& [format, key] : kImportFormats)
        if (format == f)
            return QString::fromUtf16(key);
    return {};
}

std::optional<ImportFormat> importFormatFromKey(const QString& key) {
    for (const auto& [format, name] : kImportFormats)
        if (key == QStringView(name))
            return format;
    if (key == u"csv"_s || key == u"xlsx"_s || key == u"ods"_s)
        return ImportFormat::Spreadsheet;
    if (key == u"geojson"_s || key == u"kml"_s || key == u"gpkg"_s)
        return ImportFormat::Points;
    return std::nullopt;
}

std::optional<ImportFormat> guessImportFormat(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"timeline"_s)
        return ImportFormat::Timeline;
    if (suffix == u"geojson"_s || suffix == u"kml"_s || suffix == u"kmz"_s || suffix == u"gpkg"_s ||
        suffix == u"shp"_s || suffix == u"zip"_s || suffix == u"gpx"_s)
        return ImportFormat::Points;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray head = f.read(4096);
    if (suffix == u"json"_s)
        return head.contains("\"FeatureCollection\"") ? ImportFormat::Points
                                                      : ImportFormat::TimelineJs;
    if (suffix == u"csv"_s || suffix == u"tsv"_s || suffix == u"txt"_s || suffix == u"xlsx"_s ||
        suffix == u"ods"_s) {
        const QByteArray firstLine = head.left(head.indexOf('\n')).toLower();
        if (firstLine.contains("event_id_cnty") && firstLine.contains("event_date"))
            return ImportFormat::Acled;
        if (firstLine.contains("where_prec") && firstLine.contains("date_prec"))
            return ImportFormat::Ucdp;
        if (firstLine.contains("headline") && firstLine.contains("year"))
            return ImportFormat::TimelineJs;
        return ImportFormat::Spreadsheet;
    }
    return std::nullopt;
}

Result<ImportBatch> readBatch(const QString& path, const ImportRequest& request,
                              const std::function<void(qint64, qint64)>& mapped) {
    switch (request.format) {
    case ImportFormat::Acled:
    case ImportFormat::Ucdp:
        break;
    case ImportFormat::Timeline:
        return readTimelineXml(path);
    case ImportFormat::TimelineJs:
        if (QFileInfo(path).suffix().compare(u"json"_s, Qt::CaseInsensitive) == 0)
            return readTimelineJsJson(path);
        [[fallthrough]];
    case ImportFormat::Spreadsheet:
    case ImportFormat::Points: {
        auto table = readTable(path, request.table);
        if (!table)
            return table.error();
        if (request.format == ImportFormat::TimelineJs)
            return readTimelineJsSheet(table.value());
        return mapTable(table.value(),
                        request.mapping.value_or(guessMapping(table.value().columns)), mapped);
    }
    }
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate(
                         "caseatlas",
                         "ACLED and UCDP files are read as they are imported (importAcled, "
                         "importUcdp)."));
}

Result<ImportReport> importFile(CaseFile& file, const QString& path, const ImportRequest& request,
                                const ImportOptions& options) {
    if (file.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         QCoreApplication::translate(
                             "caseatlas", "This case is open read-only; nothing was imported."));
    if (request.format == ImportFormat::Acled)
        return importAcled(file, path, options);
    if (request.format == ImportFormat::Ucdp)
        return importUcdp(file, path, options);
    auto batch = readBatch(path, request);
    if (!batch)
        return batch.error();
    return importBatch(file, path, batch.value(), options);
}

} // namespace caseatlas
