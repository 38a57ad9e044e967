#pragma once

#include "core/result.h"
#include "store/searchindex.h"

#include <QWidget>

class QLineEdit;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace caseatlas {

class CaseDocument;

// One box over events, quotes, notes, sources, actors and places (Ctrl+K). Results are grouped
// by kind with the match highlighted; Enter or a double-click opens the item.
class SearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit SearchPanel(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    QLineEdit* box() const { return m_box; }
    // Runs the search now (typing runs it after a short pause).
    void runSearch();
    int resultCount() const;

signals:
    void activated(const caseatlas::SearchHit& hit);
    void failed(const caseatlas::Error& error);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void activate(QTreeWidgetItem* item);
    CaseDocument* m_document = nullptr;
    QLineEdit* m_box;
    QTreeWidget* m_results;
    QTimer* m_pause;
    QList<SearchHit> m_hits;
};

} // namespace caseatlas
