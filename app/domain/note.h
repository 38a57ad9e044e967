#pragma once

#include "domain/sensitivity.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace caseatlas {

enum class LinkTarget { Event, Actor, Place, Source };
QString linkTargetKey(LinkTarget t);
std::optional<LinkTarget> linkTargetFromKey(const QString& key);

struct NoteLink {
    LinkTarget kind = LinkTarget::Event;
    qint64 targetId = 0;
    bool operator==(const NoteLink&) const = default;
};

struct Note {
    qint64 id = 0;
    QString uuid;
    QString title;
    QString body; // Markdown; links are written [[event:12|label]] and stored by id
    Sensitivity sensitivity = Sensitivity::Internal;
    QDateTime created;
    QDateTime modified;
};

// The [[kind:id|label]] links in a note body, in order, without duplicates.
QList<NoteLink> parseNoteLinks(const QString& body);

} // namespace caseatlas
