#pragma once

#include "core/result.h"
#include "io/eventimport.h"
#include "io/recordimport.h"

namespace caseatlas {

class CaseDocument;

// Imports into an open case, as edits of it: all or nothing, logged in the custody log, one undo
// step when small enough to keep a copy of, and the views are told what changed. (The readers
// and writers they use work on a CaseFile and know nothing of documents or undo.)

// Batches of up to this many events are one undo step (a spreadsheet, GIS layer, TimelineJS or
// Timeline file).
inline constexpr qsizetype kUndoableImport = 5000;
// ACLED and UCDP files up to this size (about 2,000 rows) are one undo step too; a million rows
// do not fit one.
inline constexpr qint64 kUndoableDatasetBytes = 1 << 20;

// An event dataset (see importAcled, importUcdp).
enum class Dataset { Acled, Ucdp };
Result<ImportReport> importEventFile(CaseDocument& document, Dataset dataset, const QString& path,
                                     const ImportOptions& options);

// A batch read from a spreadsheet, GIS layer, TimelineJS or Timeline file (see readBatch).
Result<ImportReport> importRecords(CaseDocument& document, const QString& path,
                                   const ImportBatch& batch, const ImportOptions& options);

} // namespace caseatlas
