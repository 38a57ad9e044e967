#include "io/importcommands.h"

#include "model/casedocument.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
QString importText(const QString& path) {
    return QCoreApplication::translate("caseatlas::CaseDocument", "Import %1")
        .arg(QFileInfo(path).fileName());
}
} // namespace

Result<ImportReport> importEventFile(CaseDocument& document, Dataset dataset, const QString& path,
                                     const ImportOptions& options) {
    ImportOptions o = options;
    if (o.who.isEmpty())
        o.who = document.user();
    const bool ucdp = dataset == Dataset::Ucdp;
    CaseFile& file = document.file();
    auto import = [&](Scope* created) {
        return ucdp ? importUcdp(file, path, o, created) : importAcled(file, path, o, created);
    };
    if (o.preview)
        return import(nullptr); // nothing written, nothing to undo
    const bool undoable = !document.isReadOnly() && QFileInfo(path).size() <= kUndoableDatasetBytes;
    // One undo step: the events the file will update are recorded before, what it makes after.
    Scope before;
    if (undoable) {
        auto uuids = datasetEventUuids(path, ucdp);
        if (!uuids)
            return uuids.error();
        auto events = document.scopeOfEvents(uuids.value());
        if (!events)
            return events.error();
        before = std::move(events).value();
        before.append({u"import_datasets"_s, u"id"_s, ucdp ? u"ucdp"_s : u"acled"_s, true});
    }
    Result<ImportReport> report = makeError(ErrorCode::InvalidInput, QString());
    CA_TRY(
        document.runBulkChange(importText(path), undoable, before, [&](Scope* created) -> Status {
            report = import(created);
            if (!report)
                return report.error();
            return {};
        }));
    return report;
}

Result<ImportReport> importRecords(CaseDocument& document, const QString& path,
                                   const ImportBatch& batch, const ImportOptions& options) {
    ImportOptions o = options;
    if (o.who.isEmpty())
        o.who = document.user();
    // Its records' ids within the dataset chosen, before the events it updates are looked up.
    ImportBatch scoped = batch;
    CA_TRY(scopeBatch(document.db(), path, scoped, o));
    if (o.preview)
        return importBatch(document.file(), path, scoped, o); // nothing written, nothing to undo
    // Too large to keep a copy of for undo: written as it is (still all or nothing).
    const bool undoable = scoped.events.size() <= kUndoableImport;
    Scope before;
    if (undoable) {
        // One undo step: the events it will update are recorded before, what it makes after.
        QStringList uuids;
        for (const ImportedEvent& e : scoped.events)
            if (!e.uuid.isEmpty())
                uuids << e.uuid;
        auto events = document.scopeOfEvents(uuids);
        if (!events)
            return events.error();
        before = std::move(events).value();
        before.append({u"import_datasets"_s, u"id"_s, scoped.dataset, true});
        before.append({u"caseatlas_meta"_s, u"key"_s, u"title"_s, true}); // see importBatch
    }
    Result<ImportReport> report = makeError(ErrorCode::InvalidInput, QString());
    CA_TRY(
        document.runBulkChange(importText(path), undoable, before, [&](Scope* created) -> Status {
            report = importBatch(document.file(), path, scoped, o, created);
            if (!report)
                return report.error();
            return {};
        }));
    return report;
}

} // namespace caseatlas
