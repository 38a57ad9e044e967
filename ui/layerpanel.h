#pragma once

#include "core/result.h"
#include "geo/layerimport.h"

#include <optional>

#include <QWidget>

class QCheckBox;
class QListWidget;
class QSlider;
class QToolButton;

namespace caseatlas {

class CaseDocument;

// The case's GIS layers, top of the drawing order first: tick to show or hide, reorder, set
// opacity and style, zoom to one, look at its attributes, remove one, import more. Every change
// goes through the document, so Edit ▸ Undo takes it back.
class LayerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    void reload();
    qint64 currentLayer() const;
    void setCurrentLayer(qint64 id);

public slots:
    void moveCurrent(bool up);
    void removeCurrent();
    void editStyle();
    void showAttributes();

signals:
    void importRequested(bool link);
    void zoomRequested(qint64 layerId);
    void failed(const caseatlas::Error& error);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateButtons();
    std::optional<LayerRecord> currentRecord();
    void report(const Status& status);
    CaseDocument* m_document = nullptr;
    QListWidget* m_list;
    QSlider* m_opacity;
    QCheckBox* m_link;
    QToolButton *m_up, *m_down, *m_zoom, *m_table, *m_style, *m_remove, *m_allow;
    void allowCurrentLink();
    bool m_reloading = false;
};

} // namespace caseatlas
