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
        CaseQueries queries = m_document->queries();
        if (auto n = queries.eventCount())
            m_total = n.value();
        auto rows = queries.eventRows(m_document->filter()->criteria(), MaxRows);
        if (rows) {
            m_rows.reserve(rows.value().size());
            for (const CaseQueries::EventRow& r : rows.value())
                m_rows.append({r.id, r.date, r.title, r.place, r.tags, r.status, r.sources,
                               r.earliest, r.qualifiers});
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
