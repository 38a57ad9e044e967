#include "domain/note.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseatlas {

QList<NoteLink> parseNoteLinks(const QString& body) {
    static const QRegularExpression re(
        u"\\[\\[(event|actor|place|source):(\\d{1,18})(?:\\|[^\\]\\n]*)?\\]\\]"_s);
    QList<NoteLink> links;
    auto it = re.globalMatch(body);
    while (it.hasNext()) {
        const auto m = it.next();
        const auto kind = linkTargetFromKey(m.captured(1));
        bool ok = false;
        const qint64 id = m.captured(2).toLongLong(&ok);
        if (!kind || !ok)
            continue;
        const NoteLink link{*kind, id};
        if (!links.contains(link))
            links.append(link);
    }
    return links;
}

} // namespace caseatlas
