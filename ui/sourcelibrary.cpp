#include "sourcelibrary.h"

#include "backlinks.h"
#include "formhelpers.h"

#include "io/csvreader.h"
#include "model/casedocument.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseatlas {

// --- SourceTableModel ---

void SourceTableModel::reload(CaseDocument* document) {
    beginResetModel();
    m_rows.clear();
    if (document) {
        auto used = document->queries().sourceUse();
        const QHash<qint64, CaseQueries::SourceUse> counts =
            used ? used.value() : QHash<qint64, CaseQueries::SourceUse>();
        if (auto sources = document->sources().all())
            for (const Source& s : sources.value())
                m_rows.append({s, counts.value(s.id).events, counts.value(s.id).attachments});
    }
    endResetModel();
}

qint64 SourceTableModel::sourceId(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).source.id : 0;
}
int SourceTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}
int SourceTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const Row& r = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Reliability_)
        return reliabilityDescription(r.source.reliability);
    if (role == Qt::ToolTipRole && index.column() == Title)
        return r.source.url;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Title:
        return r.source.title;
    case Kind:
        return shownKey(sourceKindKey(r.source.kind));
    case Reliability_:
        return QString(reliabilityLetter(r.source.reliability));
    case Published:
        return r.source.published.isValid() ? r.source.published.toEdtf() : QString();
    case Publisher:
        return r.source.publisher;
    case Events:
        return r.events;
    case Files:
        return r.files;
    }
    return {};
}

QVariant SourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const names[] = {
        QT_TR_NOOP("Title"),     QT_TR_NOOP("Kind"),   QT_TR_NOOP("Grade"), QT_TR_NOOP("Published"),
        QT_TR_NOOP("Publisher"), QT_TR_NOOP("Events"), QT_TR_NOOP("Files")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

// --- CustodyLogDialog ---

CustodyLogDialog::CustodyLogDialog(CaseDocument& document, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Custody Log"));
    setObjectName(u"custodyLogDialog"_s);
    auto* filter = new QLineEdit;
    filter->setPlaceholderText(tr("Filter: action, person, file, hash…"));
    auto* table = new QTableWidget;
    table->setObjectName(u"custodyTable"_s);
    table->setColumnCount(6);
    table->setHorizontalHeaderLabels(
        {tr("When (UTC)"), tr("Who"), tr("Action"), tr("SHA-256"), tr("Attachment"), tr("Detail")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    if (auto entries = document.custodyLog().all()) {
        table->setRowCount(int(entries.value().size()));
        int row = 0;
        for (const CustodyEntry& e : entries.value()) {
            const QStringList cells = {e.at.toUTC().toString(Qt::ISODate),
                                       e.who,
                                       e.action,
                                       e.sha256,
                                       e.attachmentId ? QString::number(e.attachmentId) : QString(),
                                       e.detail};
            for (int c = 0; c < cells.size(); ++c) {
                auto* item = new QTableWidgetItem(cells.at(c));
                item->setToolTip(cells.at(c));
                table->setItem(row, c, item);
            }
            ++row;
        }
    }
    // Every column readable: as wide as what it holds, the hash shortened in the middle (its
    // whole value is the cell's tooltip, and in the CSV), the detail taking what is left.
    table->setTextElideMode(Qt::ElideMiddle);
    table->resizeColumnsToContents();
    table->setColumnWidth(3, std::min(table->columnWidth(3), fontMetrics().horizontalAdvance(
                                                                 u"0123456789abcdef…89abcdef"_s)));
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setStretchLastSection(true);
    connect(filter, &QLineEdit::textChanged, table, [table](const QString& text) {
        for (int r = 0; r < table->rowCount(); ++r) {
            bool match = text.isEmpty();
            for (int c = 0; c < table->columnCount() && !match; ++c)
                match = table->item(r, c)->text().contains(text, Qt::CaseInsensitive);
            table->setRowHidden(r, !match);
        }
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* exportButton = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, [this, &document] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the Custody Log"),
                                                          QDir::homePath() + u"/custody-log.csv"_s,
                                                          tr("CSV (*.csv)"));
        if (path.isEmpty())
            return;
        if (Status s = exportCsv(document, path); !s)
            QMessageBox::warning(this, tr("Export failed"), s.error().fullText());
    });
    auto* layout = new QVBoxLayout(this);
    auto* explanation =
        new QLabel(document.custodyProblems().isEmpty()
                       ? tr("Entries are only ever added: the case refuses changes and deletions, "
                            "and each entry's hash covers the one before it. The chain is "
                            "intact.")
                       : tr("This log does not add up — entries were changed, removed or "
                            "inserted outside CaseAtlas:\n%1")
                             .arg(document.custodyProblems().join(u'\n')));
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    explanation->setObjectName(u"custodyChainState"_s);
    layout->addWidget(explanation);
    layout->addWidget(filter);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    fitToScreen(this, QSize(1100, 480));
}

Status CustodyLogDialog::exportCsv(CaseDocument& document, const QString& path) {
    auto entries = document.custodyLog().all();
    if (!entries)
        return entries.error();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, tr("%1 cannot be written.").arg(path), out.errorString());
    out.write("id,at_utc,who,action,sha256,attachment_id,detail\n");
    for (const CustodyEntry& e : entries.value())
        out.write((QStringList{QString::number(e.id), e.at.toUTC().toString(Qt::ISODate),
                               csvField(e.who), csvField(e.action), e.sha256,
                               e.attachmentId ? QString::number(e.attachmentId) : QString(),
                               csvField(e.detail)}
                       .join(u',') +
                   u'\n')
                      .toUtf8());
    if (!out.commit())
        return makeError(ErrorCode::Io, tr("%1 cannot be written.").arg(path), out.errorString());
    return {};
}

// --- SourceLibrary ---

SourceLibrary::SourceLibrary(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"sourceLibrary"_s);
    setAcceptDrops(true);
    m_model = new SourceTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(Qt::EditRole);
    m_filter = new QLineEdit;
    m_filter->setObjectName(u"sourceFilter"_s);
    m_filter->setPlaceholderText(tr("Filter sources"));
    m_filter->setClearButtonEnabled(true);
    m_table = new QTableView;
    m_table->setObjectName(u"sourceTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    auto button = [this](const QString& text, const QString& name) {
        auto* b = new QPushButton(text);
        b->setObjectName(name);
        b->setAutoDefault(false);
        return b;
    };
    auto* fromUrl = button(tr("Add from &Address…"), u"sourceFromUrl"_s);
    auto* fromFile = button(tr("Add from &File…"), u"sourceFromFile"_s);
    auto* edit = button(tr("&Edit…"), u"sourceEdit"_s);
    auto* remove = button(tr("Delete"), u"sourceDelete"_s);
    auto* files = button(tr("Files…"), u"sourceFiles"_s);
    auto* verify = button(tr("&Verify Evidence"), u"verifyEvidence"_s);
    auto* log = button(tr("Custody &Log…"), u"custodyLog"_s);
    auto* row1 = new QHBoxLayout;
    row1->addWidget(fromUrl);
    row1->addWidget(fromFile);
    row1->addWidget(edit);
    row1->addWidget(remove);
    auto* row2 = new QHBoxLayout;
    row2->addWidget(files);
    row2->addWidget(verify);
    row2->addWidget(log);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addLayout(row1);
    layout->addLayout(row2);
    m_backlinks = new QListWidget;
    m_backlinks->setObjectName(u"sourceBacklinks"_s);
    m_backlinks->setMaximumHeight(60);
    layout->addWidget(new QLabel(tr("Notes linking to this source:")));
    layout->addWidget(m_backlinks);
    connect(m_backlinks, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (item->data(Qt::UserRole).isValid())
            emit noteActivated(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SourceLibrary::showBacklinks);
    auto* hint = new QLabel(tr("Drop files here to keep them in the case as sources."));
    hint->setEnabled(false);
    layout->addWidget(hint);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(fromUrl, &QPushButton::clicked, this, &SourceLibrary::addFromUrl);
    connect(fromFile, &QPushButton::clicked, this, [this] {
        const QString path = askFile(tr("Add a file as a source"), QDir::homePath());
        if (path.isEmpty())
            return;
        // Where the file came from (the Berkeley Protocol's capture details).
        Attachment capture;
        if (!m_askFile) {
            QDialog d(this);
            d.setWindowTitle(tr("Capture Details"));
            auto* form = new QFormLayout(&d);
            auto* url = new QLineEdit;
            url->setPlaceholderText(tr("where it was found, https://…"));
            auto* when =
                new QLineEdit(QFileInfo(path).lastModified().toUTC().toString(Qt::ISODate));
            auto* who = new QLineEdit(qEnvironmentVariable("USER"));
            form->addRow(new QLabel(QFileInfo(path).fileName()));
            form->addRow(tr("&Original address:"), url);
            form->addRow(tr("&Captured at (UTC):"), when);
            form->addRow(tr("Collected &by:"), who);
            addDialogButtons(&d, form);
            if (d.exec() != QDialog::Accepted)
                return;
            capture.originalUrl = url->text().trimmed();
            capture.capturedAt = QDateTime::fromString(when->text().trimmed(), Qt::ISODate);
            if (!when->text().trimmed().isEmpty() && !capture.capturedAt.isValid())
                return emit failed(
                    makeError(ErrorCode::InvalidInput, tr("“%1” is not a date and time such as "
                                                          "2024-01-05T14:30:00Z.")
                                                           .arg(when->text())));
            capture.collectedBy = who->text().trimmed();
        }
        if (Status s = addFiles({path}, capture); !s)
            emit failed(s.error());
    });
    connect(edit, &QPushButton::clicked, this, [this] { editSource(currentSource()); });
    connect(m_table, &QTableView::doubleClicked, this, [this] { editSource(currentSource()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_document && currentSource())
            if (Status s = m_document->deleteSource(currentSource()); !s)
                emit failed(s.error());
    });
    connect(files, &QPushButton::clicked, this, &SourceLibrary::showAttachments);
    connect(verify, &QPushButton::clicked, this, &SourceLibrary::verifyEvidence);
    connect(log, &QPushButton::clicked, this, [this] {
        if (m_document)
            CustodyLogDialog(*m_document, this).exec();
    });
    setEnabled(false);
}

QString SourceLibrary::askFile(const QString& what, const QString& suggestion) {
    if (m_askFile)
        return m_askFile(what, suggestion);
    if (what.startsWith(tr("Export")))
        return QFileDialog::getSaveFileName(this, what, suggestion);
    return QFileDialog::getOpenFileName(this, what, suggestion);
}

void SourceLibrary::setDocument(CaseDocument* document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    setEnabled(m_document != nullptr);
    if (m_document)
        connect(m_document, &CaseDocument::recordsChanged, this, [this](RecordKind kind) {
            if (kind == RecordKind::Source || kind == RecordKind::Citation ||
                kind == RecordKind::Attachment || kind == RecordKind::Event ||
                kind == RecordKind::Note)
                reload();
        });
    reload();
}

void SourceLibrary::reload() {
    const qint64 current = currentSource();
    m_model->reload(m_document);
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    selectSource(current);
    showBacklinks();
}

qint64 SourceLibrary::currentSource() const {
    const QModelIndex i = m_proxy->mapToSource(m_table->currentIndex());
    return i.isValid() ? m_model->sourceId(i.row()) : 0;
}

void SourceLibrary::selectSource(qint64 id) {
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->sourceId(r) == id) {
            m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(r, 0)));
            m_table->scrollTo(m_table->currentIndex());
        }
}

Status SourceLibrary::addFiles(const QStringList& paths, const Attachment& capture) {
    if (!m_document)
        return makeError(ErrorCode::NotFound, tr("No case is open."));
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.isFile())
            return makeError(ErrorCode::Missing, tr("%1 is not a file.").arg(path));
        Source s;
        s.title = info.completeBaseName();
        s.kind = SourceKind::Document;
        s.url = capture.originalUrl;
        auto sourceId = m_document->addSource(s);
        if (!sourceId)
            return sourceId.error();
        Attachment a = capture;
        a.fileName = info.fileName();
        a.sourceId = sourceId.value();
        if (!a.capturedAt.isValid())
            a.capturedAt = info.lastModified().toUTC();
        if (a.collectedBy.isEmpty())
            a.collectedBy = qEnvironmentVariable("USER");
        auto added = m_document->addAttachment(path, a);
        if (!added) {
            m_document->undoStack()->undo(); // the source without its file
            return added.error();
        }
        selectSource(sourceId.value());
        emit message(tr("Added %1 (SHA-256 kept in the custody log)").arg(info.fileName()));
    }
    return {};
}

void SourceLibrary::verifyEvidence() {
    if (!m_document)
        return;
    auto problems = m_document->verifyEvidence(!m_document->isReadOnly());
    if (!problems)
        return emit failed(problems.error());
    const auto counted = m_document->attachments().count();
    const qint64 files = counted ? counted.value() : 0;
    if (problems.value().isEmpty()) {
        emit message(
            tr("Verified %n file(s): every one matches its SHA-256.", nullptr, int(files)));
        return;
    }
    QStringList lines;
    for (const auto& p : problems.value())
        lines << tr("%1 (#%2): stored %3, now %4")
                     .arg(p.fileName)
                     .arg(p.attachmentId)
                     .arg(p.storedSha256.left(12), p.actualSha256.left(12));
    emit failed(makeError(ErrorCode::Corrupt,
                          tr("%n file(s) no longer match their SHA-256: the evidence was changed.",
                             nullptr, int(problems.value().size())),
                          lines.join(u"; "_s)));
}

void SourceLibrary::addFromUrl() {
    if (!m_document)
        return;
    QDialog d(this);
    d.setWindowTitle(tr("Add a Source"));
    auto* form = new QFormLayout(&d);
    auto* url = new QLineEdit;
    url->setPlaceholderText(u"https://…"_s);
    auto* title = new QLineEdit;
    auto* publisher = new QLineEdit;
    auto* author = new QLineEdit;
    auto* published = new QLineEdit;
    published->setPlaceholderText(tr("EDTF, e.g. 2023-11-12"));
    auto* archive = new QLineEdit;
    auto* kind = new QComboBox;
    for (SourceKind k : {SourceKind::WebPage, SourceKind::Document, SourceKind::Report,
                         SourceKind::Interview, SourceKind::SocialPost, SourceKind::Image,
                         SourceKind::Video, SourceKind::Dataset, SourceKind::Other})
        kind->addItem(shownKey(sourceKindKey(k)), sourceKindKey(k));
    auto* reliability = reliabilityCombo(Reliability::F);
    form->addRow(new QLabel(tr("Nothing is fetched: enter what you know by hand.")));
    form->addRow(tr("&Address:"), url);
    form->addRow(tr("&Title:"), title);
    form->addRow(tr("&Publisher:"), publisher);
    form->addRow(tr("A&uthor:"), author);
    form->addRow(tr("Pu&blished:"), published);
    form->addRow(tr("A&rchived copy:"), archive);
    form->addRow(tr("&Kind:"), kind);
    form->addRow(tr("&Reliability:"), reliability);
    addDialogButtons(&d, form);
    if (d.exec() != QDialog::Accepted)
        return;
    Source s;
    s.url = url->text().trimmed();
    s.title = title->text().trimmed().isEmpty() ? s.url : title->text().trimmed();
    s.publisher = publisher->text().trimmed();
    s.author = author->text().trimmed();
    s.archiveUrl = archive->text().trimmed();
    s.kind = sourceKindFromKey(kind->currentData().toString()).value_or(SourceKind::WebPage);
    s.reliability =
        reliabilityFromLetter(reliability->currentData().toString().at(0)).value_or(Reliability::F);
    if (!published->text().trimmed().isEmpty()) {
        auto date = FuzzyDate::parse(published->text().trimmed());
        if (!date)
            return emit failed(date.error());
        s.published = date.value();
    }
    if (s.title.isEmpty())
        return emit failed(makeError(ErrorCode::InvalidInput, tr("A source needs a title.")));
    auto id = m_document->addSource(s);
    if (!id)
        return emit failed(id.error());
    selectSource(id.value());
}

void SourceLibrary::editSource(qint64 id) {
    if (!m_document || !id)
        return;
    auto loaded = m_document->sources().load(id);
    if (!loaded)
        return emit failed(loaded.error());
    Source s = loaded.value();
    QDialog d(this);
    d.setWindowTitle(tr("Edit Source"));
    auto* form = new QFormLayout(&d);
    auto* title = new QLineEdit(s.title);
    auto* url = new QLineEdit(s.url);
    auto* publisher = new QLineEdit(s.publisher);
    auto* reliability = reliabilityCombo(s.reliability);
    auto* notes = new QLineEdit(s.notes);
    form->addRow(tr("&Title:"), title);
    form->addRow(tr("&Address:"), url);
    form->addRow(tr("&Publisher:"), publisher);
    form->addRow(tr("&Reliability:"), reliability);
    form->addRow(tr("&Notes:"), notes);
    addDialogButtons(&d, form);
    if (d.exec() != QDialog::Accepted)
        return;
    s.title = title->text().trimmed().isEmpty() ? s.title : title->text().trimmed();
    s.url = url->text().trimmed();
    s.publisher = publisher->text().trimmed();
    s.reliability =
        reliabilityFromLetter(reliability->currentData().toString().at(0)).value_or(s.reliability);
    s.notes = notes->text();
    if (Status st = m_document->updateSource(s); !st)
        emit failed(st.error());
}

void SourceLibrary::showAttachments() {
    if (!m_document || !currentSource())
        return;
    QDialog d(this);
    d.setObjectName(u"attachmentsDialog"_s);
    d.setWindowTitle(tr("Files of this source"));
    auto* list = new QListWidget;
    if (auto all = m_document->attachments().all())
        for (const Attachment& a : all.value())
            if (a.sourceId == currentSource()) {
                auto* item = new QListWidgetItem(
                    tr("%1 — %2 bytes — SHA-256 %3…\ncaptured %4 by %5 %6")
                        .arg(a.fileName)
                        .arg(a.size)
                        .arg(a.sha256.left(16),
                             a.capturedAt.isValid() ? a.capturedAt.toString(Qt::ISODate)
                                                    : tr("(unknown)"),
                             a.collectedBy.isEmpty() ? tr("(unknown)") : a.collectedBy,
                             a.originalUrl),
                    list);
                item->setData(Qt::UserRole, a.id);
                item->setData(Qt::UserRole + 1, a.fileName);
            }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* open = buttons->addButton(tr("Open"), QDialogButtonBox::ActionRole);
    auto* save = buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    // Both write the file out of the case, so both are logged as exports.
    auto exportTo = [this, list](const QString& path) {
        const qint64 id = list->currentItem()->data(Qt::UserRole).toLongLong();
        if (Status s = m_document->exportAttachment(id, path); !s) {
            emit failed(s.error());
            return false;
        }
        return true;
    };
    connect(open, &QPushButton::clicked, &d, [this, list, exportTo] {
        if (!list->currentItem())
            return;
        const QString dir =
            QStandardPaths::writableLocation(QStandardPaths::TempLocation) + u"/caseatlas-open"_s;
        QDir().mkpath(dir);
        const QString path = dir + u'/' + list->currentItem()->data(Qt::UserRole + 1).toString();
        if (exportTo(path))
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    connect(save, &QPushButton::clicked, &d, [this, list, exportTo] {
        if (!list->currentItem())
            return;
        const QString path = askFile(tr("Export the file"),
                                     QDir::homePath() + u'/' +
                                         list->currentItem()->data(Qt::UserRole + 1).toString());
        if (!path.isEmpty() && exportTo(path))
            emit message(tr("Exported to %1; the custody log records it.").arg(path));
    });
    auto* layout = new QVBoxLayout(&d);
    layout->addWidget(list);
    layout->addWidget(buttons);
    d.resize(560, 300);
    d.exec();
}

void SourceLibrary::showBacklinks() {
    fillBacklinks(m_backlinks, m_document, LinkTarget::Source, currentSource());
}

void SourceLibrary::dragEnterEvent(QDragEnterEvent* event) {
    if (m_document && !m_document->isReadOnly() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void SourceLibrary::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    if (Status s = addFiles(paths); !s)
        emit failed(s.error());
}

} // namespace caseatlas
