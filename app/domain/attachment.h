#pragma once

#include <QDateTime>
#include <QString>

namespace caseatlas {

// A file kept inside the case. The bytes live once per SHA-256, however often attached.
struct Attachment {
    qint64 id = 0;
    QString sha256; // lowercase hex
    qint64 size = 0;
    QString fileName;
    QString mimeType;
    qint64 sourceId = 0; // optional links
    qint64 eventId = 0;
    QString originalUrl; // capture metadata (Berkeley Protocol)
    QDateTime capturedAt;
    QString collectedBy;
    QDateTime addedAt;
    QString notes;
};

// One line of the append-only custody log.
struct CustodyEntry {
    qint64 id = 0;
    QDateTime at;
    QString who;
    QString action; // "add", "export", "verify", "remove", "verify-failed"
    QString sha256;
    qint64 attachmentId = 0;
    QString detail;
};

} // namespace caseatlas
