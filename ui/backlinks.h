#pragma once

#include "domain/note.h"

class QListWidget;

namespace caseatlas {

class CaseDocument;

// Lists the notes that link to a record (each item carries the note's id in Qt::UserRole), or
// says there are none.
void fillBacklinks(QListWidget* list, CaseDocument* document, LinkTarget kind, qint64 id);

} // namespace caseatlas
