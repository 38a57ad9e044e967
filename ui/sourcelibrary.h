#pragma once

#include "core/result.h"
#include "domain/attachment.h"
#include "domain/source.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QWidget>

#include <functional>

class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QTableView;

namespace caseatlas {

class CaseDocument;

// Every source of the case with what the library shows about it.
class SourceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Title, Kind, Reliability_, Published, Publisher, Events, Files, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void reload(CaseDocument* document);
    qint64 sourceId(int row) const;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        Source source;
        qint64 events = 0, files = 0;
    };
    QList<Row> m_rows;
};

// The custody log: append-only, filterable, exportable as CSV.
class CustodyLogDialog : public QDialog {
    Q_OBJECT
public:
    CustodyLogDialog(CaseDocument& document, QWidget* parent = nullptr);
    // Writes the log (all of it) as CSV.
    static Status exportCsv(CaseDocument& document, const QString& path);
};

// The sources library: sort and filter, add from an address (nothing is fetched) or from files
// (kept in the case by SHA-256 with their capture metadata; files can be dropped on it),
// attachments to open or export (each export is logged), "Verify evidence" and the custody log.
class SourceLibrary : public QWidget {
    Q_OBJECT
public:
    explicit SourceLibrary(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    void reload();
    qint64 currentSource() const;
    void selectSource(qint64 id);
    // Adds each file as a new source (kind "document") with the file attached; capture details
    // (original address, when captured, by whom) default to the file's time and the user.
    Status addFiles(const QStringList& paths, const Attachment& capture = {});
    // Re-hashes every attachment, logs the outcome and reports it.
    void verifyEvidence();
    // The file prompt (replaced in tests): what to ask for, a suggestion.
    using FileAsker = std::function<QString(const QString& what, const QString& suggestion)>;
    void setFileAsker(FileAsker asker) { m_askFile = std::move(asker); }

signals:
    void failed(const caseatlas::Error& error);
    void sourceActivated(qint64 sourceId);
    void noteActivated(qint64 noteId);
    void message(const QString& text);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void addFromUrl();
    void editSource(qint64 id);
    void showAttachments();
    void showBacklinks();
    QString askFile(const QString& what, const QString& suggestion);
    CaseDocument* m_document = nullptr;
    SourceTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLineEdit* m_filter;
    QListWidget* m_backlinks;
    FileAsker m_askFile;
};

} // namespace caseatlas
