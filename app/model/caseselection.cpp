#include "model/caseselection.h"

namespace caseatlas {

void CaseSelection::select(const QList<qint64>& ids, qint64 current) {
    QSet<qint64> next(ids.begin(), ids.end());
    const qint64 cur = current ? current : (ids.isEmpty() ? 0 : ids.first());
    if (next == m_events && cur == m_current)
        return;
    m_events = std::move(next);
    m_current = cur;
    emit changed();
}

void CaseSelection::toggle(qint64 id) {
    if (m_events.remove(id)) {
        if (m_current == id)
            m_current = m_events.isEmpty() ? 0 : *m_events.cbegin();
    } else {
        m_events.insert(id);
        m_current = id;
    }
    emit changed();
}

void CaseSelection::retain(const std::function<bool(qint64)>& exists) {
    bool dropped = false;
    for (auto it = m_events.begin(); it != m_events.end();) {
        if (!exists(*it)) {
            it = m_events.erase(it);
            dropped = true;
        } else {
            ++it;
        }
    }
    if (m_current && !m_events.contains(m_current)) {
        m_current = m_events.isEmpty() ? 0 : *m_events.cbegin();
        dropped = true;
    }
    if (dropped)
        emit changed();
}

} // namespace caseatlas
