#include "eventtablemodel.h"

#include "formhelpers.h"

#include "domain/fuzzydate.h"
#include "model/casedocument.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
EventTableModel::Row rowOf(const CaseQueries::EventRow& r) {
    return {r.id,     r.date,    r.title,    r.place,  r.tags,
            r.status, r.sources, r.earliest, r.latest, r.qualifiers};
}
} // namespace

bool EventTableModel::updateEvents(const QList<qint64>& eventIds) {
    if (!m_document)
        return false;
    CaseQueries queries = m_document->queries();
    const FilterCriteria& filter = m_document->filter()->criteria();
    auto total = queries.eventCount();
    if (!total)
        return false;
    // The list holds the first MaxRows events: a row that sorts after its last is not shown.
    const bool full = m_rows.size() >= MaxRows;
    const QSet<qint64> changed(eventIds.begin(), eventIds.end());
    auto before = [](const Row& a, const Row& b) {
        return std::tie(a.earliest, a.latest, a.id) < std::tie(b.earliest, b.latest, b.id);
    };
    for (const qint64 id : changed) {
        auto fresh = queries.eventRow(filter, id);
        if (!fresh)
            return false;
        const int old = rowOfEvent(id);
        if (old >= 0 && fresh.value()) {
            // Still between its neighbours: the row changes in place.
            const Row r = rowOf(*fresh.value());
            if ((old == 0 || before(m_rows.at(old - 1), r)) &&
                (old + 1 == m_rows.size() || before(r, m_rows.at(old + 1)))) {
                m_rows[old] = r;
                emit dataChanged(index(old, 0), index(old, ColumnCount - 1));
                continue;
            }
        }
        if (old >= 0) {
            beginRemoveRows({}, old, old);
            m_rows.removeAt(old);
            endRemoveRows();
        }
        if (!fresh.value())
            continue; // deleted, or the filter hides it now
        const Row r = rowOf(*fresh.value());
        const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), r, before);
        const int row = int(at - m_rows.begin());
        if (full && row >= MaxRows - 1 && row == m_rows.size())
            continue; // beyond the rows shown
        beginInsertRows({}, row, row);
        m_rows.insert(row, r);
        endInsertRows();
    }
    if (m_rows.size() > MaxRows) {
        beginRemoveRows({}, MaxRows, int(m_rows.size()) - 1);
        m_rows.resize(MaxRows);
        endRemoveRows();
    } else if (full && m_rows.size() < MaxRows && !m_rows.isEmpty()) {
        // Rows left the list: the events that follow its last come up.
        const Row& last = m_rows.last();
        CaseQueries::EventRow after;
        after.id = last.id;
        after.earliest = last.earliest;
        after.latest = last.latest;
        auto more = queries.eventRowsAfter(filter, after, MaxRows - int(m_rows.size()));
        if (!more)
            return false;
        if (!more.value().isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.value().size()) - 1);
            for (const CaseQueries::EventRow& r : more.value())
                m_rows.append(rowOf(r));
            endInsertRows();
        }
    }
    m_total = total.value();
    return true;
}

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
        CaseQueries queries = m_document->queries();
        if (auto n = queries.eventCount())
            m_total = n.value();
        auto rows = queries.eventRows(m_document->filter()->criteria(), MaxRows);
        if (rows) {
            m_rows.reserve(rows.value().size());
            for (const CaseQueries::EventRow& r : rows.value())
                m_rows.append(rowOf(r));
        } else {
            m_document->reportFailure(rows.error());
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
