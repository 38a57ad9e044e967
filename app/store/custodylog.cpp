#include "store/custodylog.h"

#include "core/clock.h"
#include "core/sha256.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QMutex>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

struct Row {
    qint64 id = 0;
    QString at, who, action, sha256, detail, prevHash, entryHash;
    qint64 attachmentId = 0;
    bool attachmentNull = true;
};

const QString kColumns =
    u"id, at, who, action, sha256, attachment_id, detail, prev_hash, entry_hash"_s;

Row rowOf(SqliteStatement& s) {
    return {s.int64(0), s.text(1), s.text(2), s.text(3),  s.text(4),
            s.text(6),  s.text(7), s.text(8), s.int64(5), s.isNull(5)};
}

// Every field as "length:bytes", so no two different entries read the same.
QString hashOf(const Row& r, const QString& prevHash) {
    Sha256 h;
    h.addData("CaseAtlas custody log entry 1\n");
    const QString fields[] = {QString::number(r.id),
                              r.at,
                              r.who,
                              r.action,
                              r.sha256,
                              r.attachmentNull ? QString() : QString::number(r.attachmentId),
                              r.detail,
                              prevHash};
    for (const QString& f : fields) {
        const QByteArray bytes = f.toUtf8();
        h.addData(QByteArray::number(bytes.size()) + ':' + bytes + '\n');
    }
    return QString::fromLatin1(h.hexResult());
}

QString describe(const Row& r) {
    return QCoreApplication::translate("caseatlas", "entry %1 (%2, %3)")
        .arg(r.id)
        .arg(r.at.left(19), r.action.left(40));
}

// The last entry each case's log held when it was last open on this computer, by case id.
QMutex anchorLock;
QSettings& anchors() {
    static QSettings s(QSettings::IniFormat, QSettings::UserScope, u"CaseAtlas"_s,
                       u"custody-log"_s);
    return s;
}
constexpr int kAnchorsKept = 2000;

// One anchor per case and file: a copy of a case (Save a Copy As, a backup) is the same case at
// another place, and its log may rightly be shorter.
QString anchorKey(const QString& caseId, const QString& path) {
    const QByteArray where = QCryptographicHash::hash(QFileInfo(path).absoluteFilePath().toUtf8(),
                                                      QCryptographicHash::Sha256);
    return caseId + u'-' + QString::fromLatin1(where.toHex().left(16));
}

} // namespace

Result<QString> CustodyLog::caseId() {
    auto id = m_db.scalar(u"SELECT value FROM caseatlas_meta WHERE key = 'case_id'"_s);
    if (!id)
        return id.error();
    return id.value().toString();
}

Result<QString> CustodyLog::chainStart() {
    auto id = caseId();
    if (!id)
        return id.error();
    Sha256 h;
    h.addData("CaseAtlas custody log of case " + id.value().toUtf8());
    return QString::fromLatin1(h.hexResult());
}

Result<std::optional<std::pair<qint64, QString>>> CustodyLog::lastEntry() {
    auto last = m_db.prepare(u"SELECT id, entry_hash FROM custody_log ORDER BY id DESC LIMIT 1"_s);
    if (!last)
        return last.error();
    auto has = last.value().step();
    if (!has)
        return has.error();
    if (!has.value())
        return std::optional<std::pair<qint64, QString>>();
    return std::optional(std::pair(last.value().int64(0), last.value().text(1)));
}

Result<QString> CustodyLog::headHash() {
    auto last = lastEntry();
    if (!last)
        return last.error();
    if (last.value())
        return last.value()->second;
    return chainStart();
}

Status CustodyLog::append(const QString& who, const QString& action, const QString& sha256,
                          qint64 attachmentId, const QString& detail) {
    auto last = lastEntry();
    if (!last)
        return last.error();
    Row r;
    r.id = last.value() ? last.value()->first + 1 : 1;
    QString prev;
    if (last.value()) {
        prev = last.value()->second;
    } else {
        auto start = chainStart();
        if (!start)
            return start.error();
        prev = start.value();
    }
    r.at = Clock::nowIso();
    r.who = who.isEmpty() ? u"unknown"_s : who;
    r.action = action;
    r.sha256 = sha256;
    r.attachmentId = attachmentId;
    r.attachmentNull = attachmentId == 0;
    r.detail = detail;
    auto stmt = m_db.cached(u"INSERT INTO custody_log (id, at, who, action, sha256, "
                            "attachment_id, detail, prev_hash, entry_hash) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!stmt)
        return stmt.error();
    stmt.value()
        ->bind(1, r.id)
        .bind(2, r.at)
        .bind(3, r.who)
        .bind(4, r.action)
        .bind(5, textOrNull(sha256))
        .bind(6, idOrNull(attachmentId))
        .bind(7, textOrNull(detail))
        .bind(8, prev)
        .bind(9, hashOf(r, prev));
    return stmt.value()->run();
}

Result<QList<CustodyEntry>> CustodyLog::all() {
    auto stmt = m_db.prepare(
        u"SELECT id, at, who, action, sha256, attachment_id, detail FROM custody_log ORDER BY id"_s);
    if (!stmt)
        return stmt.error();
    QList<CustodyEntry> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        out.append({s.int64(0), timeFrom(s.text(1)), s.text(2), s.text(3), s.text(4), s.int64(5),
                    s.text(6)});
    }));
    return out;
}

Result<QStringList> CustodyLog::verify() {
    auto start = chainStart();
    if (!start)
        return start.error();
    auto stmt = m_db.prepare(u"SELECT %1 FROM custody_log ORDER BY id"_s.arg(kColumns));
    if (!stmt)
        return stmt.error();
    QStringList problems;
    QString expectedPrev = start.value();
    qint64 previousId = 0;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        const Row r = rowOf(s);
        if (r.entryHash.isEmpty()) {
            problems << QCoreApplication::translate(
                            "caseatlas",
                            "The custody log's %1 has no hash: it was written by something other "
                            "than CaseAtlas.")
                            .arg(describe(r));
        } else if (hashOf(r, r.prevHash) != r.entryHash) {
            problems << QCoreApplication::translate(
                            "caseatlas", "The custody log's %1 was changed after it was written.")
                            .arg(describe(r));
        } else if (r.prevHash != expectedPrev) {
            if (r.id > previousId + 1)
                problems << QCoreApplication::translate(
                                "caseatlas",
                                "The custody log lacks entries %1 to %2: they were removed (the "
                                "next one is %3).")
                                .arg(previousId + 1)
                                .arg(r.id - 1)
                                .arg(describe(r));
            else
                problems << QCoreApplication::translate(
                                "caseatlas",
                                "The custody log's %1 does not follow the entry before it: an "
                                "entry was removed, replaced or inserted there.")
                                .arg(describe(r));
        }
        expectedPrev = r.entryHash;
        previousId = r.id;
    }));

    // Entries removed from the end leave an intact chain; this computer remembers the last
    // entry it saw.
    auto id = caseId();
    if (!id)
        return id.error();
    QString remembered;
    {
        const QMutexLocker locked(&anchorLock);
        anchors().sync();
        remembered = anchors().value(u"heads/"_s + anchorKey(id.value(), m_db.path())).toString();
    }
    const QStringList parts = remembered.split(u' ');
    if (parts.size() >= 2) {
        const qint64 id = parts[0].toLongLong();
        auto hash = m_db.scalar(u"SELECT entry_hash FROM custody_log WHERE id = ?"_s, {id});
        if (!hash)
            return hash.error();
        const QString seenOn = parts.value(2).left(10);
        if (!hash.value().isValid())
            problems << QCoreApplication::translate(
                            "caseatlas",
                            "The custody log no longer has entry %1, which it had when the case "
                            "was last open on this computer (%2): entries were removed from its "
                            "end, or this is an older copy of the case.")
                            .arg(id)
                            .arg(seenOn);
        else if (hash.value().toString() != parts[1])
            problems << QCoreApplication::translate(
                            "caseatlas",
                            "The custody log's entry %1 is not the one it had when the case was "
                            "last open on this computer (%2): the log was rewritten from there "
                            "on.")
                            .arg(id)
                            .arg(seenOn);
    }
    return problems;
}

Status CustodyLog::rememberHead() {
    auto id = caseId();
    if (!id)
        return id.error();
    auto last = lastEntry();
    if (!last)
        return last.error();
    if (!last.value() || last.value()->second.isEmpty())
        return {};
    const QMutexLocker locked(&anchorLock);
    QSettings& s = anchors();
    s.sync();
    s.beginGroup(u"heads"_s);
    s.setValue(anchorKey(id.value(), m_db.path()),
               u"%1 %2 %3"_s.arg(last.value()->first).arg(last.value()->second, Clock::nowIso()));
    // Bounded: the cases seen longest ago are forgotten first.
    QStringList keys = s.childKeys();
    if (keys.size() > kAnchorsKept) {
        std::sort(keys.begin(), keys.end(), [&](const QString& a, const QString& b) {
            return s.value(a).toString().section(u' ', 2) < s.value(b).toString().section(u' ', 2);
        });
        for (qsizetype i = 0; i < keys.size() - kAnchorsKept; ++i)
            s.remove(keys[i]);
    }
    s.endGroup();
    s.sync();
    return {};
}

Status CustodyLog::sealUnchained() {
    auto start = chainStart();
    if (!start)
        return start.error();
    auto rows = m_db.prepare(u"SELECT %1 FROM custody_log ORDER BY id"_s.arg(kColumns));
    if (!rows)
        return rows.error();
    QList<Row> all;
    CA_TRY(rows.value().forEachRow([&](SqliteStatement& s) { all << rowOf(s); }));
    QString prev = start.value();
    for (const Row& r : all) {
        if (!r.entryHash.isEmpty()) {
            prev = r.entryHash;
            continue;
        }
        const QString hash = hashOf(r, prev);
        auto n =
            m_db.execute(u"UPDATE custody_log SET prev_hash = ?, entry_hash = ? WHERE id = ?"_s,
                         {prev, hash, r.id});
        if (!n)
            return n.error();
        prev = hash;
    }
    return {};
}

} // namespace caseatlas
