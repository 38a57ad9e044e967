#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace caseatlas {

class CaseDocument;

// The events of a case as a sortable table: date as written, title, place, tags, sources, status.
class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, Title, Place, Tags, Sources, Status, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int MaxRows = 200000; // the table is a list, not the timeline

    // One event as listed: its date as written, text as shown, its place in time order.
    struct Row {
        qint64 id;
        QString date, title, place, tags, status;
        int sources;
        qint64 earliest, latest;
        quint8 qualifiers; // FuzzyDate::Qualifier: shown in italics, named in the tooltip
    };

    explicit EventTableModel(QObject* parent = nullptr);

    void setDocument(CaseDocument* document);
    void reload();
    // Brings these events' rows up to date (edited, added or deleted: each to its place in time
    // order), keeping the others; false when it could not and reload() is needed.
    bool updateEvents(const QList<qint64>& eventIds);
    // Preferences: dates in words ("Nov 2023?") instead of as written ("2023-11?").
    void setReadableDates(bool readable);
    // The language changed: headers and the words in cells are given again.
    void retranslate();
    qint64 eventId(int row) const;
    int rowOfEvent(qint64 id) const;
    qint64 totalEvents() const { return m_total; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    bool m_readableDates = false;
    CaseDocument* m_document = nullptr;
    QList<Row> m_rows;
    qint64 m_total = 0;
};

} // namespace caseatlas
