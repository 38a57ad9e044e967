#include "eventtablemodel.h"

#include "formhelpers.h"

#include "domain/fuzzydate.h"
#include "model/casedocument.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace caseatlas {

EventTableModel::EventTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void EventTableModel::setDocument(CaseDocument* document) {
    m_document = document;
    reload();
}

void EventTableModel::reload() {
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    if (m_document) {
        SqliteDatabase& db = m_document->db();
        if (auto n = db.count(u"SELECT count(*) FROM events"_s))
            m_total = n.value();
        const auto [where, params] = m_document->filter()->criteria().sql();
        // Titles as shown: no real title is longer than this, and a hostile one of megabytes
        // would be laid out at every repaint.
        auto stmt = db.prepare(u"SELECT e.fid, e.start_edtf, e.end_edtf, substr(e.title, 1, "
                               u"1000), p.name, e.tags, "
                               u"e.status, e.earliest_s, "
                               "(SELECT count(*) FROM citations c WHERE c.event_id = e.fid) "
                               "FROM events e LEFT JOIN places p ON p.fid = e.place_id WHERE %1 "
                               "ORDER BY e.earliest_s, e.latest_s, e.fid LIMIT %2"_s.arg(where)
                                   .arg(MaxRows));
        if (stmt) {
            stmt.value().bindAll(params);
            // A read that fails part way shows the rows read so far; the failure is reported.
            auto read = stmt.value().forEachRow([&](SqliteStatement& s) {
                QString date = s.text(1);
                if (!s.isNull(2))
                    date += u" – "_s + s.text(2);
                const quint8 qualifiers = FuzzyDate::qualifiersOf(s.utf8(1), s.utf8(2));
                m_rows.append({s.int64(0), date, s.text(3), s.text(4), s.text(5), s.text(6),
                               int(s.int64(8)), s.int64(7), qualifiers});
            });
            if (!read)
                m_document->reportFailure(read.error());
        }
    }
    endResetModel();
}

void EventTableModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

qint64 EventTableModel::eventId(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int EventTableModel::rowOfEvent(qint64 id) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

int EventTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows.at(index.row());
    if (role == IdRole)
        return r.id;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Date:
            if (m_readableDates) {
                QStringList parts;
                for (const QString& part : r.date.split(u" – "_s))
                    if (auto d = FuzzyDate::parse(part))
                        parts << d.value().toDisplayString();
                if (!parts.isEmpty())
                    return parts.join(u" – "_s);
            }
            return r.date;
        case Title:
            return r.title;
        case Place:
            return r.place;
        case Tags:
            return r.tags;
        case Sources:
            return r.sources == 0 ? tr("unsourced") : QString::number(r.sources);
        case Status:
            return shownKey(r.status);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Date) {
        if (auto d = FuzzyDate::parse(r.date.section(u" – "_s, 0, 0))) {
            const QString text = tr("%1 (EDTF %2)").arg(d.value().toDisplayString(), r.date);
            return r.qualifiers == 0
                       ? text
                       : tr("%1: %2", "date, its qualifiers")
                             .arg(text, FuzzyDate::qualifierWords(r.qualifiers).join(u", "_s));
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Sources && r.sources == 0)
        return QBrush(QColor(0xc0, 0x39, 0x2b));
    if (role == Qt::FontRole && index.column() == Date && r.qualifiers != 0) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Date:
        return tr("Date (as written)");
    case Title:
        return tr("Title");
    case Place:
        return tr("Place");
    case Tags:
        return tr("Tags");
    case Sources:
        return tr("Sources");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

void EventTableModel::setReadableDates(bool readable) {
    if (readable == m_readableDates)
        return;
    m_readableDates = readable;
    if (rowCount() > 0)
        emit dataChanged(index(0, Date), index(rowCount() - 1, Date));
}

} // namespace caseatlas
