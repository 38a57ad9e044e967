#pragma once

#include "core/result.h"
#include "domain/note.h"

#include <QTextBrowser>
#include <QWidget>

class QComboBox;
class QCompleter;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QStringListModel;
class QTimer;

namespace caseatlas {

class CaseDocument;

// Renders notes without ever loading anything: no remote images, no local files; only images
// embedded as data: URIs.
class SafeTextBrowser : public QTextBrowser {
    Q_OBJECT
public:
    using QTextBrowser::QTextBrowser;
    QVariant loadResource(int type, const QUrl& name) override;
};

// The case notebook: a list of notes and a Markdown editor with live rendering. Typing "[["
// offers the case's events, actors, places and sources; the link is stored by id
// ([[event:12|label]]) and shown with the target's current name, so renames never break it.
// Links in the rendering select their target everywhere. Edits are saved after a pause, each
// pause one undoable step.
class NotebookPanel : public QWidget {
    Q_OBJECT
public:
    explicit NotebookPanel(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    void reload();
    void openNote(qint64 id);
    qint64 currentNote() const { return m_noteId; }
    QPlainTextEdit* editor() const { return m_editor; }
    SafeTextBrowser* preview() const { return m_preview; }
    QCompleter* linkCompleter() const { return m_completer; }
    // Saves pending edits now (also done after a pause, on switching notes and on closing).
    void saveNow();
    // The rendering of a note body: links shown with their targets' current names.
    static QString renderMarkdown(CaseDocument& document, const QString& body);

public slots:
    void newNote();
    void deleteNote();

signals:
    void linkActivated(caseatlas::LinkTarget kind, qint64 id);
    void failed(const caseatlas::Error& error);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showNote(const Note& note);
    void updatePreview();
    void offerLinks();
    void loadLinkTargets();
    void insertLink(const QString& choice);
    CaseDocument* m_document = nullptr;
    QListWidget* m_list;
    QLineEdit* m_title;
    QComboBox* m_sensitivity;
    QPlainTextEdit* m_editor;
    SafeTextBrowser* m_preview;
    QCompleter* m_completer;
    QStringListModel* m_targets;
    QTimer* m_saveTimer;
    QTimer* m_previewTimer;
    qint64 m_noteId = 0;
    bool m_loading = false;
    bool m_dirty = false;
};

} // namespace caseatlas
