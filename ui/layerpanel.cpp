#include "layerpanel.h"

#include "layerdialogs.h"

#include "geo/layerimport.h"
#include "geo/linkedfiles.h"
#include "geo/rastertiles.h"
#include "model/casedocument.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
constexpr int kOpacityRole = Qt::UserRole + 1;
constexpr int kKindRole = Qt::UserRole + 2;
constexpr int kLinkedRole = Qt::UserRole + 3;
constexpr int kAllowedRole = Qt::UserRole + 4;
} // namespace

LayerPanel::LayerPanel(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"layerPanel"_s);
    m_list = new QListWidget;
    m_list->setObjectName(u"layerList"_s);
    m_list->setWordWrap(true);
    m_list->installEventFilter(this);
    auto tool = [this](const QString& text, const QString& tip, const QString& name) {
        auto* b = new QToolButton;
        b->setText(text);
        b->setToolTip(tip);
        b->setObjectName(name);
        b->setAutoRaise(true);
        return b;
    };
    m_up = tool(u"▲"_s, tr("Move the layer up (drawn above the others)"), u"layerUp"_s);
    m_down = tool(u"▼"_s, tr("Move the layer down"), u"layerDown"_s);
    m_zoom = tool(tr("Zoom"), tr("Zoom the map to this layer"), u"layerZoom"_s);
    m_table = tool(tr("Table"), tr("Show the layer's attribute table"), u"layerTable"_s);
    m_style = tool(tr("Style"), tr("Colours, labels and categories"), u"layerStyle"_s);
    m_remove = tool(tr("Remove"), tr("Remove the layer from the case (Delete; undoable)"),
                    u"layerRemove"_s);
    m_allow = tool(tr("Allow"),
                   tr("Read this linked file, outside the case, on this computer from now on"),
                   u"layerAllow"_s);
    auto* tools = new QHBoxLayout;
    for (QToolButton* b : {m_up, m_down, m_zoom, m_table, m_style, m_remove, m_allow})
        tools->addWidget(b);
    tools->addStretch();
    m_opacity = new QSlider(Qt::Horizontal);
    m_opacity->setObjectName(u"layerOpacity"_s);
    m_opacity->setRange(0, 100);
    m_opacity->setPageStep(10);
    auto* opacityLabel = new QLabel(tr("&Opacity:"));
    opacityLabel->setBuddy(m_opacity);
    auto* opacityRow = new QHBoxLayout;
    opacityRow->addWidget(opacityLabel);
    opacityRow->addWidget(m_opacity, 1);
    auto* import = new QPushButton(tr("&Import Layer…"));
    import->setObjectName(u"importLayerButton"_s);
    m_link = new QCheckBox(tr("&Link, don't copy"));
    m_link->setObjectName(u"linkLayer"_s);
    m_link->setToolTip(tr("Keep only the file's path in the case; the layer is shown as missing "
                          "if the file goes away"));
    auto* importRow = new QHBoxLayout;
    importRow->addWidget(import);
    importRow->addWidget(m_link);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(tools);
    layout->addLayout(opacityRow);
    layout->addLayout(importRow);

    connect(import, &QPushButton::clicked, this,
            [this] { emit importRequested(m_link->isChecked()); });
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(true); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(false); });
    connect(m_zoom, &QToolButton::clicked, this, [this] {
        if (currentLayer())
            emit zoomRequested(currentLayer());
    });
    connect(m_table, &QToolButton::clicked, this, &LayerPanel::showAttributes);
    connect(m_style, &QToolButton::clicked, this, &LayerPanel::editStyle);
    connect(m_remove, &QToolButton::clicked, this, &LayerPanel::removeCurrent);
    connect(m_allow, &QToolButton::clicked, this, &LayerPanel::allowCurrentLink);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { updateButtons(); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] {
        if (currentLayer())
            emit zoomRequested(currentLayer());
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (m_reloading || !m_document)
            return;
        report(m_document->setLayerVisible(item->data(Qt::UserRole).toLongLong(),
                                           item->checkState() == Qt::Checked));
    });
    // One undoable step per change of the slider, not one per pixel dragged.
    auto applyOpacity = [this] {
        if (m_reloading || !m_document || !currentLayer() || m_opacity->isSliderDown())
            return;
        if (qRound(m_list->currentItem()->data(kOpacityRole).toDouble() * 100) !=
            m_opacity->value())
            report(m_document->setLayerOpacity(currentLayer(), m_opacity->value() / 100.0));
    };
    connect(m_opacity, &QSlider::sliderReleased, this, applyOpacity);
    connect(m_opacity, &QSlider::valueChanged, this, applyOpacity);
    updateButtons();
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

qint64 LayerPanel::currentLayer() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void LayerPanel::setCurrentLayer(qint64 id) {
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toLongLong() == id)
            m_list->setCurrentRow(i);
}

void LayerPanel::reload() {
    const qint64 current = currentLayer();
    m_reloading = true;
    m_list->clear();
    if (m_document) {
        auto layers = listLayers(m_document->db());
        if (!layers)
            emit failed(layers.error());
        else
            for (const LayerRecord& l : layers.value()) {
                QString text =
                    l.kind == u"raster"_s
                        ? tr("%1 (image)").arg(l.title)
                        : tr("%1 (%n feature(s))", nullptr, int(l.features)).arg(l.title);
                const bool allowed = !l.linked || linkedFileAllowed(l.sourcePath);
                if (l.linked)
                    text += !allowed ? tr(" — linked file not read (Allow to read it)")
                            : QFileInfo::exists(l.sourcePath) ? tr(" — linked")
                                                              : tr(" — linked file missing");
                if (l.opacity < 1)
                    text += tr(" — %1% opaque").arg(qRound(l.opacity * 100));
                auto* item = new QListWidgetItem(text, m_list);
                item->setData(Qt::UserRole, l.id);
                item->setData(kOpacityRole, l.opacity);
                item->setData(kKindRole, l.kind);
                item->setData(kLinkedRole, l.linked);
                item->setData(kAllowedRole, allowed);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(l.visible ? Qt::Checked : Qt::Unchecked);
                item->setToolTip(l.linked ? tr("Linked file: %1").arg(l.sourcePath)
                                          : tr("Imported from %1").arg(l.sourcePath));
                // A tile matrix no image has (a damaged or hostile case): said, not drawn.
                if (l.kind == u"raster"_s && !l.linked)
                    if (auto tiles = RasterTiles::open(m_document->db(), l.table); !tiles) {
                        item->setText(text + tr(" — cannot be shown"));
                        item->setToolTip(tiles.error().message);
                    }
            }
        if (m_list->count() == 0) {
            auto* hint = new QListWidgetItem(
                tr("No layers yet: import GeoJSON, TopoJSON, Shapefile, GeoPackage, KML/KMZ, "
                   "GPX, CSV, GeoTIFF or MBTiles."),
                m_list);
            hint->setFlags(Qt::NoItemFlags);
        }
    }
    m_reloading = false;
    setCurrentLayer(current);
    if (!m_list->currentItem() && m_list->count() > 0 && currentLayer() == 0 &&
        m_list->item(0)->flags() != Qt::NoItemFlags)
        m_list->setCurrentRow(0);
    updateButtons();
}

void LayerPanel::updateButtons() {
    const QListWidgetItem* item = m_list->currentItem();
    const bool has = item && item->data(Qt::UserRole).toLongLong() != 0;
    const bool vector = has && item->data(kKindRole).toString() != u"raster"_s;
    const bool copied = has && !item->data(kLinkedRole).toBool();
    const int row = m_list->currentRow();
    m_up->setEnabled(has && row > 0);
    m_down->setEnabled(has && row < m_list->count() - 1);
    m_zoom->setEnabled(has);
    m_table->setEnabled(vector && copied);
    m_style->setEnabled(vector);
    m_remove->setEnabled(has);
    m_allow->setVisible(has && !item->data(kAllowedRole).toBool());
    m_opacity->setEnabled(has);
    const bool was = m_reloading;
    m_reloading = true;
    m_opacity->setValue(has ? qRound(item->data(kOpacityRole).toDouble() * 100) : 100);
    m_reloading = was;
}

// A linked file named by a case that came from elsewhere is read only once the user allows it,
// knowing which file it is.
void LayerPanel::allowCurrentLink() {
    auto record = currentRecord();
    if (!record || !record->linked || !m_document)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Read a File Outside the Case?"),
        tr("The layer \"%1\" links to a file outside the case:\n\n%2\n\nA case made on "
           "another computer can name any file. Read this file and show it on the map?")
            .arg(record->title, QDir::toNativeSeparators(record->sourcePath)));
    if (answer != QMessageBox::Yes)
        return;
    allowLinkedFile(record->sourcePath);
    emit m_document->recordsChanged(RecordKind::Layer); // the panel and the map read it again
}

void LayerPanel::report(const Status& status) {
    if (!status)
        emit failed(status.error());
}

void LayerPanel::moveCurrent(bool up) {
    if (m_document && currentLayer())
        report(m_document->moveLayer(currentLayer(), up));
}

void LayerPanel::removeCurrent() {
    if (m_document && currentLayer())
        report(m_document->removeLayer(currentLayer()));
}

std::optional<LayerRecord> LayerPanel::currentRecord() {
    if (!m_document || !currentLayer())
        return std::nullopt;
    auto layers = listLayers(m_document->db());
    if (!layers) {
        emit failed(layers.error());
        return std::nullopt;
    }
    for (const LayerRecord& l : layers.value())
        if (l.id == currentLayer())
            return l;
    return std::nullopt;
}

void LayerPanel::editStyle() {
    const auto l = currentRecord();
    if (!l)
        return;
    auto fields = layerFields(m_document->db(), *l);
    if (!fields)
        return emit failed(fields.error());
    LayerStyleDialog dialog(l->style, fields.value(), this);
    dialog.setWindowTitle(tr("Style of “%1”").arg(l->title));
    if (dialog.exec() == QDialog::Accepted && !(dialog.style() == l->style))
        report(m_document->setLayerStyle(l->id, dialog.style()));
}

void LayerPanel::showAttributes() {
    const auto l = currentRecord();
    if (!l || l->table.isEmpty())
        return;
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"attributeTable"_s);
    dialog->setWindowTitle(tr("Attributes of “%1”").arg(l->title));
    auto* model = new AttributeTableModel(m_document->queries(), l->table, dialog);
    if (model->error()) {
        emit failed(*model->error());
        delete dialog;
        return;
    }
    auto* view = new QTableView;
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(view);
    layout->addWidget(buttons);
    dialog->resize(640, 420);
    // The table reads from the case: close it when the case changes under it.
    connect(m_document, &CaseDocument::recordsChanged, dialog, [dialog](RecordKind kind) {
        if (kind == RecordKind::Layer)
            dialog->close();
    });
    connect(m_document, &QObject::destroyed, dialog, &QDialog::close);
    dialog->show();
}

bool LayerPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete) {
            removeCurrent();
            return true;
        }
        if (key->modifiers() & Qt::AltModifier &&
            (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveCurrent(key->key() == Qt::Key_Up);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace caseatlas
