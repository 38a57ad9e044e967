#include "backlinks.h"

#include "model/casedocument.h"

#include <QCoreApplication>
#include <QListWidget>

namespace caseatlas {

void fillBacklinks(QListWidget* list, CaseDocument* document, LinkTarget kind, qint64 id) {
    list->clear();
    if (document && id)
        if (auto notes = document->notes().backlinks(kind, id))
            for (qint64 noteId : notes.value())
                if (auto n = document->notes().load(noteId)) {
                    auto* item = new QListWidgetItem(n.value().title, list);
                    item->setData(Qt::UserRole, noteId);
                }
    if (list->count() == 0)
        list->addItem(QCoreApplication::translate("caseatlas::Backlinks", "(no note links here)"));
}

} // namespace caseatlas
