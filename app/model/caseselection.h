#pragma once

#include <QList>
#include <QObject>
#include <QSet>

#include <functional>

namespace caseatlas {

// The events selected in an open case, shared by every view: select in the timeline and the
// list, the inspector and (later) the map follow.
class CaseSelection : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    const QSet<qint64>& events() const { return m_events; }
    qint64 current() const { return m_current; }
    bool contains(qint64 id) const { return m_events.contains(id); }

    void select(const QList<qint64>& ids, qint64 current = 0);
    void toggle(qint64 id);
    void clear() { select({}); }
    // Drops ids that no longer exist.
    void retain(const std::function<bool(qint64)>& exists);

signals:
    void changed();

private:
    QSet<qint64> m_events;
    qint64 m_current = 0;
};

} // namespace caseatlas
