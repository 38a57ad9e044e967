#pragma once

#include "domain/savedview.h"
#include "domain/sensitivity.h"
#include "domain/source.h"
#include "model/timeindex.h"

#include <QObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace caseatlas {

// What the views of a case show: one filter per open case, shared by the timeline, the list
// and (later) the map. Empty criteria mean "everything".
struct FilterCriteria {
    enum class DateMode { Possibly, Certainly }; // overlaps the range / lies wholly inside it

    QString text;         // in the title or description (case-insensitive)
    QStringList tags;     // any of
    QList<qint64> actors; // any of
    QList<qint64> places; // any of (place, origin or destination)
    std::optional<qint64> from, to;
    DateMode dateMode = DateMode::Possibly;
    Sensitivity maxSensitivity = Sensitivity::Confidential;
    bool unsourcedOnly = false;
    QList<qint64> sources;            // cited by any of
    QList<Reliability> reliabilities; // cited by a source graded any of

    bool isEmpty() const;
    // A WHERE clause over `events e` and its parameters (one `?` each).
    std::pair<QString, QVariantList> sql() const;
    bool operator==(const FilterCriteria&) const = default;
};

// The events of a saved view: its filter and time range.
FilterCriteria filterOfView(const SavedView& view);

class CaseFilter : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    const FilterCriteria& criteria() const { return m_criteria; }
    void setCriteria(const FilterCriteria& criteria);
    // The events that pass, as a mask over an index's positions; nullopt when nothing is filtered.
    static Result<std::optional<std::vector<bool>>> mask(SqliteDatabase& db, const TimeIndex& index,
                                                         const FilterCriteria& criteria);

signals:
    void changed();

private:
    FilterCriteria m_criteria;
};

} // namespace caseatlas
