#include "searchpanel.h"

#include "model/casedocument.h"

#include <QAbstractTextDocumentLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPainter>
#include <QProgressDialog>
#include <QStyledItemDelegate>
#include <QTextDocument>

#include "render/safetextdocument.h"
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

constexpr int kHitRole = Qt::UserRole + 1;
constexpr int kHtmlRole = Qt::UserRole + 2;

// Draws a result as rich text: the title, and the matched text with the match in bold.
class HitDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* p, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        const QString html = index.data(kHtmlRole).toString();
        if (html.isEmpty())
            return QStyledItemDelegate::paint(p, option, index);
        QStyleOptionViewItem o = option;
        initStyleOption(&o, index);
        o.text.clear();
        o.widget->style()->drawControl(QStyle::CE_ItemViewItem, &o, p, o.widget);
        SafeTextDocument doc;
        doc.setDefaultFont(o.font);
        doc.setHtml(html);
        doc.setTextWidth(o.rect.width());
        p->save();
        p->translate(o.rect.topLeft());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette.setColor(QPalette::Text, o.state & QStyle::State_Selected
                                                 ? o.palette.highlightedText().color()
                                                 : o.palette.text().color());
        doc.documentLayout()->draw(p, ctx);
        p->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        const QString html = index.data(kHtmlRole).toString();
        if (html.isEmpty())
            return QStyledItemDelegate::sizeHint(option, index);
        SafeTextDocument doc;
        doc.setDefaultFont(option.font);
        doc.setHtml(html);
        doc.setTextWidth(std::max(200, option.rect.width()));
        return QSize(int(doc.idealWidth()), int(doc.size().height()));
    }
};

QString kindTitle(SearchKind kind) {
    switch (kind) {
    case SearchKind::Event:
        return SearchPanel::tr("Events");
    case SearchKind::Quote:
        return SearchPanel::tr("Quotes");
    case SearchKind::Note:
        return SearchPanel::tr("Notes");
    case SearchKind::Source:
        return SearchPanel::tr("Sources");
    case SearchKind::Actor:
        return SearchPanel::tr("Actors");
    case SearchKind::Place:
        return SearchPanel::tr("Places");
    }
    return {};
}

QString highlighted(const SearchHit& hit) {
    QString html;
    int at = 0;
    for (const auto& [start, length] : hit.highlights) {
        if (start < at)
            continue;
        html += hit.matched.mid(at, start - at).toHtmlEscaped();
        html += u"<b style='background:#fff3b0'>"_s +
                hit.matched.mid(start, length).toHtmlEscaped() + u"</b>"_s;
        at = start + length;
    }
    html += hit.matched.mid(at).toHtmlEscaped();
    return u"<div><b>%1</b><br><span style='color:#555'>%2</span></div>"_s.arg(
        hit.title.toHtmlEscaped(), html);
}

} // namespace

SearchPanel::SearchPanel(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"searchPanel"_s);
    m_box = new QLineEdit;
    m_box->setObjectName(u"searchBox"_s);
    m_box->setPlaceholderText(tr("Search events, quotes, notes, sources, people, places (Ctrl+K)"));
    m_box->setClearButtonEnabled(true);
    m_box->installEventFilter(this);
    m_results = new QTreeWidget;
    m_results->setObjectName(u"searchResults"_s);
    m_results->setHeaderHidden(true);
    m_results->setItemDelegate(new HitDelegate(m_results));
    m_results->setUniformRowHeights(false);
    m_results->setWordWrap(true);
    m_results->installEventFilter(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_box);
    layout->addWidget(m_results, 1);
    m_pause = new QTimer(this);
    m_pause->setSingleShot(true);
    m_pause->setInterval(150);
    connect(m_pause, &QTimer::timeout, this, &SearchPanel::runSearch);
    connect(m_box, &QLineEdit::textChanged, m_pause, qOverload<>(&QTimer::start));
    connect(m_box, &QLineEdit::returnPressed, this, [this] {
        runSearch();
        // Enter in the box opens the first result.
        for (int i = 0; i < m_results->topLevelItemCount(); ++i)
            if (m_results->topLevelItem(i)->childCount() > 0)
                return activate(m_results->topLevelItem(i)->child(0));
    });
    connect(m_results, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { activate(item); });
}

void SearchPanel::setDocument(CaseDocument* document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_results->clear();
    m_hits.clear();
    if (m_document)
        connect(m_document, &CaseDocument::recordsChanged, this, [this] {
            if (!m_box->text().trimmed().isEmpty())
                m_pause->start(); // results follow the case
        });
}

int SearchPanel::resultCount() const {
    return int(m_hits.size());
}

void SearchPanel::runSearch() {
    m_pause->stop();
    m_results->clear();
    m_hits.clear();
    const QString query = m_box->text().trimmed();
    if (!m_document || query.isEmpty())
        return;
    SearchIndex index = m_document->searchIndex();
    // A large backlog (a big import, a migrated case) is indexed with progress and can stop.
    if (!m_document->isReadOnly()) {
        auto waiting = index.pending();
        if (waiting && waiting.value() > 5000) {
            QProgressDialog progress(tr("Indexing the case for search…"), tr("Stop"), 0,
                                     int(waiting.value()), this);
            progress.setWindowModality(Qt::WindowModal);
            progress.setMinimumDuration(500);
            auto done = index.update([&](qint64 n, qint64) {
                progress.setValue(int(n));
                return !progress.wasCanceled();
            });
            if (!done)
                return emit failed(done.error());
        }
    }
    auto hits = m_document->search(query, 20);
    if (!hits)
        return emit failed(hits.error());
    m_hits = hits.value();
    QTreeWidgetItem* group = nullptr;
    std::optional<SearchKind> groupKind;
    for (qsizetype i = 0; i < m_hits.size(); ++i) {
        const SearchHit& h = m_hits[i];
        if (!groupKind || *groupKind != h.kind) {
            group = new QTreeWidgetItem(m_results);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
            group->setExpanded(true);
            groupKind = h.kind;
        }
        auto* item = new QTreeWidgetItem(group);
        item->setData(0, kHitRole, int(i));
        item->setData(0, kHtmlRole, highlighted(h));
        item->setText(0, h.title); // for accessibility and tests
        item->setToolTip(0, h.matched);
        group->setText(0, u"%1 (%2)"_s.arg(kindTitle(h.kind)).arg(group->childCount()));
    }
    if (m_hits.isEmpty()) {
        auto* none = new QTreeWidgetItem(m_results, {tr("Nothing found for “%1”.").arg(query)});
        none->setFlags(Qt::NoItemFlags);
    }
    m_results->expandAll();
}

void SearchPanel::activate(QTreeWidgetItem* item) {
    if (!item || !item->data(0, kHitRole).isValid())
        return;
    const int i = item->data(0, kHitRole).toInt();
    if (i >= 0 && i < m_hits.size())
        emit activated(m_hits.at(i));
}

bool SearchPanel::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        // Down from the box goes to the results; Escape clears.
        if (watched == m_box && key->key() == Qt::Key_Down && m_results->topLevelItemCount()) {
            m_results->setFocus();
            if (auto* first = m_results->topLevelItem(0); first && first->childCount())
                m_results->setCurrentItem(first->child(0));
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            m_box->clear();
            m_box->setFocus();
            return true;
        }
        if (watched == m_results && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            activate(m_results->currentItem());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace caseatlas
