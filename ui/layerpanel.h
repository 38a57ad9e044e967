#pragma once

#include "core/result.h"

#include <QWidget>

class QListWidget;

namespace caseatlas {

class CaseDocument;

// The case's GIS layers: tick to show or hide (undoable), import more.
class LayerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    void reload();

signals:
    void importRequested();
    void failed(const caseatlas::Error& error);

private:
    CaseDocument* m_document = nullptr;
    QListWidget* m_list;
    bool m_reloading = false;
};

} // namespace caseatlas
