#include "layerpanel.h"

#include "geo/layerimport.h"
#include "store/casedocument.h"

#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseatlas {

LayerPanel::LayerPanel(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"layerPanel"_s);
    m_list = new QListWidget;
    m_list->setObjectName(u"layerList"_s);
    m_list->setWordWrap(true);
    auto* import = new QPushButton(tr("&Import Layer…"));
    import->setObjectName(u"importLayerButton"_s);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(import);
    connect(import, &QPushButton::clicked, this, &LayerPanel::importRequested);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (m_reloading || !m_document)
            return;
        const Status s = m_document->setLayerVisible(item->data(Qt::UserRole).toLongLong(),
                                                     item->checkState() == Qt::Checked);
        if (!s)
            emit failed(s.error());
    });
}

void LayerPanel::setDocument(CaseDocument* document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &CaseDocument::recordsChanged, this, [this](RecordKind kind) {
            if (kind == RecordKind::Layer)
                reload();
        });
    reload();
}

void LayerPanel::reload() {
    m_reloading = true;
    m_list->clear();
    if (m_document) {
        auto layers = listLayers(m_document->db());
        if (layers) {
            for (const LayerRecord& l : layers.value()) {
                QString text = tr("%1 (%n feature(s))", nullptr, int(l.features)).arg(l.title);
                if (l.linked)
                    text += tr(" — linked");
                auto* item = new QListWidgetItem(text, m_list);
                item->setData(Qt::UserRole, l.id);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(l.visible ? Qt::Checked : Qt::Unchecked);
                item->setToolTip(l.sourcePath);
            }
        }
        if (m_list->count() == 0)
            m_list->addItem(
                tr("No layers yet: import GeoJSON, Shapefile, GeoPackage, KML, GPX or CSV."));
    }
    m_reloading = false;
}

} // namespace caseatlas
