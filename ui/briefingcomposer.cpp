#include "briefingcomposer.h"

#include "model/casedocument.h"

#include "formhelpers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
constexpr int kWholeCase = -1, kCurrentFilter = -2; // the view combo's other entries
}

BriefingComposer::BriefingComposer(CaseDocument& document, AskPath askPath, AskName askName,
                                   QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_askPath(std::move(askPath))
    , m_askName(std::move(askName)) {
    setObjectName(u"briefingComposer"_s);
    setWindowTitle(tr("Briefing"));
    fitToScreen(this, QSize(1100, 760));

    m_kept = new QComboBox;
    m_kept->setObjectName(u"briefingKept"_s);
    auto* keepButton = new QPushButton(tr("&Keep"));
    keepButton->setObjectName(u"briefingKeep"_s);
    keepButton->setToolTip(tr("Keep this briefing in the case, to make it again later"));
    auto* forget = new QPushButton(tr("Forget"));
    forget->setObjectName(u"briefingForget"_s);
    m_view = new QComboBox;
    m_view->setObjectName(u"briefingView"_s);
    m_layout = new QComboBox;
    m_layout->setObjectName(u"briefingLayout"_s);
    m_layout->addItem(tr("A4 portrait"), int(BriefingLayout::A4Portrait));
    m_layout->addItem(tr("A4 landscape"), int(BriefingLayout::A4Landscape));
    m_layout->addItem(tr("US Letter"), int(BriefingLayout::Letter));
    m_layout->addItem(tr("Slides (16:9)"), int(BriefingLayout::Slides));
    m_profile = new QComboBox;
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profile->setMinimumContentsLength(18);
    m_profile->setObjectName(u"briefingProfile"_s);
    m_profile->addItem(tr("Public — no confidential records, protected persons pseudonymised"),
                       int(ExportProfile::Public));
    m_profile->addItem(tr("Internal — no confidential records"), int(ExportProfile::Internal));
    m_profile->addItem(tr("Full — everything"), int(ExportProfile::Full));
    m_title = new QLineEdit;
    m_title->setObjectName(u"briefingTitle"_s);
    m_title->setPlaceholderText(document.title());
    m_subtitle = new QLineEdit;
    m_subtitle->setObjectName(u"briefingSubtitle"_s);
    m_author = new QLineEdit;
    m_author->setObjectName(u"briefingAuthor"_s);
    m_blocks = new QListWidget;
    m_blocks->setObjectName(u"briefingBlocks"_s);
    m_blocks->setDragDropMode(QAbstractItemView::InternalMove);
    m_blocks->setToolTip(tr("Tick the blocks to show; drag, or Alt+Up/Down, to order them"));
    auto* up = new QPushButton(tr("Up"));
    auto* down = new QPushButton(tr("Down"));
    m_notes = new QListWidget;
    m_notes->setObjectName(u"briefingNotes"_s);
    m_notes->setMaximumHeight(110);
    m_cards = new QSpinBox;
    m_cards->setObjectName(u"briefingCards"_s);
    m_cards->setRange(0, 1000);
    m_cards->setValue(60);
    m_cards->setToolTip(tr("Events beyond this are counted, not shown as cards"));
    m_dpi = new QDoubleSpinBox;
    m_dpi->setObjectName(u"briefingDpi"_s);
    m_dpi->setRange(36, 600);
    m_dpi->setDecimals(0);
    m_dpi->setValue(150);
    m_dpi->setSuffix(tr(" dpi (PNG)"));

    auto* keptRow = new QHBoxLayout;
    keptRow->addWidget(m_kept, 1);
    keptRow->addWidget(keepButton);
    keptRow->addWidget(forget);
    auto* blockButtons = new QHBoxLayout;
    blockButtons->addWidget(up);
    blockButtons->addWidget(down);
    blockButtons->addStretch();
    auto* form = new QFormLayout;
    form->addRow(tr("Briefing"), keptRow);
    form->addRow(tr("&Events"), m_view);
    form->addRow(tr("&Layout"), m_layout);
    form->addRow(tr("&For"), m_profile);
    form->addRow(tr("&Title"), m_title);
    form->addRow(tr("&Subtitle"), m_subtitle);
    form->addRow(tr("&Author"), m_author);
    form->addRow(tr("&Blocks"), m_blocks);
    form->addRow(QString(), blockButtons);
    form->addRow(tr("&Notes"), m_notes);
    form->addRow(tr("Event &cards"), m_cards);
    form->addRow(tr("Picture"), m_dpi);
    auto* formWidget = new QWidget;
    formWidget->setLayout(form);
    // The form scrolls on a small screen instead of holding the dialog taller or wider.
    auto* left = new QScrollArea;
    left->setWidget(formWidget);
    left->setWidgetResizable(true);
    left->setFrameShape(QFrame::NoFrame);
    left->setMinimumWidth(320);

    m_preview = new QLabel;
    m_preview->setObjectName(u"briefingPreview"_s);
    m_preview->setAlignment(Qt::AlignCenter);
    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_preview);
    m_scroll->setWidgetResizable(true);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_page = new QSpinBox;
    m_page->setObjectName(u"briefingPage"_s);
    m_page->setPrefix(tr("Page "));
    m_page->setMinimum(1);
    m_status = new QLabel;
    m_status->setTextFormat(Qt::PlainText); // shows names and values from files
    m_status->setObjectName(u"briefingStatus"_s);
    m_status->setWordWrap(true);
    auto* pageRow = new QHBoxLayout;
    pageRow->addWidget(m_page);
    pageRow->addWidget(m_status, 1);
    auto* right = new QWidget;
    auto* rightColumn = new QVBoxLayout(right);
    rightColumn->setContentsMargins(0, 0, 0, 0);
    rightColumn->addLayout(pageRow);
    rightColumn->addWidget(m_scroll, 1);

    auto* split = new QSplitter;
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    for (const auto& [suffix, label] :
         {std::pair{u"pdf"_s, tr("Export &PDF…")}, std::pair{u"svg"_s, tr("Export S&VG…")},
          std::pair{u"png"_s, tr("Export P&NG…")}}) {
        QPushButton* b = buttons->addButton(label, QDialogButtonBox::ActionRole);
        b->setObjectName(u"briefingExport_"_s + suffix);
        connect(b, &QPushButton::clicked, this, [this, s = suffix] {
            if (Status done = exportAs(s); !done)
                emit failed(done.error());
        });
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* column = new QVBoxLayout(this);
    column->addWidget(split, 1);
    column->addWidget(buttons);

    m_pause = new QTimer(this);
    m_pause->setSingleShot(true);
    m_pause->setInterval(250);
    connect(m_pause, &QTimer::timeout, this, &BriefingComposer::refreshPreview);
    for (QComboBox* box : {m_view, m_layout, m_profile})
        connect(box, &QComboBox::currentIndexChanged, this, &BriefingComposer::changed);
    for (QLineEdit* edit : {m_title, m_subtitle, m_author})
        connect(edit, &QLineEdit::textChanged, this, &BriefingComposer::changed);
    for (QListWidget* list : {m_blocks, m_notes})
        connect(list, &QListWidget::itemChanged, this, &BriefingComposer::changed);
    connect(m_blocks->model(), &QAbstractItemModel::rowsMoved, this, &BriefingComposer::changed);
    connect(m_cards, &QSpinBox::valueChanged, this, &BriefingComposer::changed);
    connect(m_page, &QSpinBox::valueChanged, this, &BriefingComposer::showPage);
    connect(up, &QPushButton::clicked, this, [this] { moveBlock(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveBlock(1); });
    auto* altUp = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), m_blocks);
    connect(altUp, &QShortcut::activated, this, [this] { moveBlock(-1); });
    auto* altDown = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), m_blocks);
    connect(altDown, &QShortcut::activated, this, [this] { moveBlock(1); });
    connect(keepButton, &QPushButton::clicked, this, [this] {
        if (Status done = this->keep(); !done)
            emit failed(done.error());
    });
    connect(forget, &QPushButton::clicked, this, [this] {
        const qint64 id = m_kept->currentData().toLongLong();
        if (id <= 0)
            return;
        if (Status done = m_document.deleteBriefing(id); !done)
            emit failed(done.error());
        reloadKept();
    });
    connect(m_kept, &QComboBox::activated, this,
            [this] { loadKept(m_kept->currentData().toLongLong()); });

    // The events: the current filter, the whole case, or a saved view.
    m_view->addItem(tr("The current filter"), qint64(kCurrentFilter));
    m_view->addItem(tr("The whole case"), qint64(kWholeCase));
    if (auto views = m_document.catalog().savedViews())
        for (const SavedView& v : views.value())
            m_view->addItem(tr("View: %1").arg(v.name), v.id);
    if (auto notes = m_document.notes().all())
        for (const Note& n : notes.value()) {
            auto* item = new QListWidgetItem(n.title, m_notes);
            item->setData(Qt::UserRole, n.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    reloadKept();
    setOptions({});
    if (m_document.filter()->criteria().isEmpty())
        m_view->setCurrentIndex(m_view->findData(qint64(kWholeCase)));
    refreshPreview();
}

BriefingOptions BriefingComposer::options() const {
    BriefingOptions o;
    o.layout = BriefingLayout(m_layout->currentData().toInt());
    o.profile = ExportProfile(m_profile->currentData().toInt());
    o.title = m_title->text().trimmed();
    o.subtitle = m_subtitle->text().trimmed();
    o.author = m_author->text().trimmed();
    o.blocks.clear();
    for (int i = 0; i < m_blocks->count(); ++i)
        if (m_blocks->item(i)->checkState() == Qt::Checked)
            o.blocks << BriefingBlock(m_blocks->item(i)->data(Qt::UserRole).toInt());
    for (int i = 0; i < m_notes->count(); ++i)
        if (m_notes->item(i)->checkState() == Qt::Checked)
            o.noteIds << m_notes->item(i)->data(Qt::UserRole).toLongLong();
    o.maxCards = m_cards->value();
    o.dpi = m_dpi->value();
    o.who = m_document.userName();
    const qint64 view = m_view->currentData().toLongLong();
    if (view == kCurrentFilter) {
        if (!m_document.filter()->criteria().isEmpty())
            o.filter = m_document.filter()->criteria();
    } else if (view > 0) {
        if (auto v = m_document.catalog().loadView(view))
            applySavedView(o, v.value());
    }
    return o;
}

void BriefingComposer::setOptions(const BriefingOptions& o) {
    m_loading = true;
    m_layout->setCurrentIndex(m_layout->findData(int(o.layout)));
    m_profile->setCurrentIndex(m_profile->findData(int(o.profile)));
    m_title->setText(o.title);
    m_subtitle->setText(o.subtitle);
    m_author->setText(o.author);
    // The chosen blocks in their order, then the others unticked.
    m_blocks->clear();
    QList<BriefingBlock> order = o.blocks;
    for (BriefingBlock b : defaultBriefingBlocks())
        if (!order.contains(b))
            order << b;
    for (BriefingBlock b : order) {
        auto* item = new QListWidgetItem(briefingBlockName(b), m_blocks);
        item->setData(Qt::UserRole, int(b));
        item->setFlags((item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled) &
                       ~Qt::ItemIsDropEnabled);
        item->setCheckState(o.blocks.contains(b) ? Qt::Checked : Qt::Unchecked);
    }
    for (int i = 0; i < m_notes->count(); ++i)
        m_notes->item(i)->setCheckState(
            o.noteIds.contains(m_notes->item(i)->data(Qt::UserRole).toLongLong()) ? Qt::Checked
                                                                                  : Qt::Unchecked);
    m_cards->setValue(o.maxCards);
    m_dpi->setValue(o.dpi);
    m_loading = false;
    changed();
}

void BriefingComposer::changed() {
    if (!m_loading)
        m_pause->start();
}

void BriefingComposer::moveBlock(int by) {
    const int row = m_blocks->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_blocks->count())
        return;
    QListWidgetItem* item = m_blocks->takeItem(row);
    m_blocks->insertItem(to, item);
    m_blocks->setCurrentRow(to);
    changed();
}

void BriefingComposer::refreshPreview() {
    m_pause->stop();
    auto prepared = Briefing::prepare(m_document, options());
    if (!prepared) {
        m_briefing.reset();
        m_pages = 0;
        m_status->setText(prepared.error().message);
        m_preview->clear();
        return;
    }
    m_briefing.emplace(std::move(prepared).value());
    m_pages = m_briefing->pageCount();
    m_page->setMaximum(std::max(1, m_pages));
    m_status->setText(tr("%n page(s), %1 events, %2 as cards, %3 sources; %4 records withheld by "
                         "the profile",
                         nullptr, m_pages)
                          .arg(m_briefing->eventCount())
                          .arg(m_briefing->cardCount())
                          .arg(m_briefing->sourceCount())
                          .arg(m_briefing->withheld()));
    showPage();
}

QImage BriefingComposer::previewImage() const {
    if (!m_briefing)
        return {};
    const QSizeF page = m_briefing->pageSize();
    const double scale =
        std::max(0.5, (m_scroll->viewport()->width() - 24) / page.width()) * devicePixelRatioF();
    QImage image((page * scale).toSize(), QImage::Format_RGB32);
    image.setDotsPerMeterX(2835); // text at 72 per inch, scaled, as in the files
    image.setDotsPerMeterY(2835);
    {
        QPainter p(&image);
        p.scale(scale, scale);
        m_briefing->paintPage(p, m_page->value() - 1);
    }
    image.setDevicePixelRatio(devicePixelRatioF());
    return image;
}

void BriefingComposer::resizeEvent(QResizeEvent* event) {
    QDialog::resizeEvent(event);
    QTimer::singleShot(0, this, &BriefingComposer::showPage); // after the layout
}

void BriefingComposer::showPage() {
    m_preview->setPixmap(QPixmap::fromImage(previewImage()));
}

Status BriefingComposer::exportAs(const QString& suffix) {
    refreshPreview();
    const QString base =
        (m_title->text().trimmed().isEmpty() ? m_document.title() : m_title->text().trimmed())
            .left(60)
            .replace(QRegularExpression(u"[^\\w\\- ]+"_s), u" "_s)
            .simplified();
    const QString path = m_askPath(base + u'.' + suffix);
    if (path.isEmpty())
        return {};
    auto report = writeBriefing(m_document, path, options());
    if (!report)
        return report.error();
    m_status->setText(tr("Wrote %1 (%n page(s))", nullptr, report.value().pages)
                          .arg(report.value().files.join(u", "_s)));
    return {};
}

Status BriefingComposer::keep() {
    SavedBriefing b;
    b.id = m_kept->currentData().toLongLong();
    const BriefingOptions o = options();
    b.settings = briefingSettings(o);
    const qint64 view = m_view->currentData().toLongLong();
    b.viewId = view > 0 ? view : 0;
    if (b.id > 0) {
        b.name = m_kept->currentText();
        CA_TRY(m_document.updateBriefing(b));
    } else {
        b.name = m_askName(o.title.isEmpty() ? m_document.title() : o.title).trimmed();
        if (b.name.isEmpty())
            return {};
        auto id = m_document.addBriefing(b);
        if (!id)
            return id.error();
        b.id = id.value();
    }
    reloadKept();
    m_kept->setCurrentIndex(m_kept->findData(b.id));
    return {};
}

void BriefingComposer::loadKept(qint64 id) {
    if (id <= 0)
        return;
    auto kept = m_document.catalog().briefings();
    if (!kept)
        return;
    for (const SavedBriefing& b : kept.value())
        if (b.id == id) {
            m_loading = true;
            const int view = m_view->findData(b.viewId > 0 ? b.viewId : qint64(kWholeCase));
            m_view->setCurrentIndex(std::max(0, view));
            m_loading = false;
            setOptions(briefingFromSettings(b.settings));
            m_kept->setCurrentIndex(m_kept->findData(id));
            refreshPreview();
        }
}

void BriefingComposer::reloadKept() {
    const QSignalBlocker block(m_kept);
    const qint64 current = m_kept->currentData().toLongLong();
    m_kept->clear();
    m_kept->addItem(tr("(a new briefing)"), qint64(0));
    if (auto kept = m_document.catalog().briefings())
        for (const SavedBriefing& b : kept.value())
            m_kept->addItem(b.name, b.id);
    m_kept->setCurrentIndex(std::max(0, m_kept->findData(current)));
}

} // namespace caseatlas
