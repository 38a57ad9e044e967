#include "notebookpanel.h"

#include "render/safetextdocument.h"

#include "formhelpers.h"

#include "model/casedocument.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStringListModel>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
const QRegularExpression kLink(u"\\[\\[(event|actor|place|source):(\\d+)(?:\\|([^\\]]*))?\\]\\]"_s);
const QRegularExpression kChoice(u"^(event|actor|place|source) #(\\d+): (.*)$"_s);

// The note's text. While the "[[" list is open, Enter, Tab and Escape are the list's: the list
// hands every key to the editor first and acts only on those the editor leaves alone.
class NoteEditor : public QPlainTextEdit {
public:
    QCompleter* completer = nullptr;

protected:
    void keyPressEvent(QKeyEvent* event) override {
        if (completer && completer->popup()->isVisible()) {
            switch (event->key()) {
            case Qt::Key_Return:
            case Qt::Key_Enter:
            case Qt::Key_Tab:
            case Qt::Key_Backtab:
            case Qt::Key_Escape:
                event->ignore();
                return;
            default:
                break;
            }
        }
        QPlainTextEdit::keyPressEvent(event);
    }
};
} // namespace

QVariant SafeTextBrowser::loadResource(int type, const QUrl& name) {
    if (embeddedImage(type, name))
        return QTextBrowser::loadResource(type, name);
    // Nothing from the network or the disk; an image gets a stand-in (see withheldImage).
    return type == QTextDocument::ImageResource ? QVariant(withheldImage())
                                                : QVariant(QByteArray());
}

NotebookPanel::NotebookPanel(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"notebookPanel"_s);
    m_list = new QListWidget;
    m_list->setObjectName(u"noteList"_s);
    m_title = new QLineEdit;
    m_title->setObjectName(u"noteTitle"_s);
    m_title->setPlaceholderText(tr("Title"));
    m_sensitivity = sensitivityCombo();
    m_sensitivity->setObjectName(u"noteSensitivity"_s);
    auto* editor = new NoteEditor;
    m_editor = editor;
    m_editor->setObjectName(u"noteEditor"_s);
    m_editor->setPlaceholderText(tr("Markdown. Type [[ to link an event, actor, place or source."));
    m_editor->installEventFilter(this);
    m_preview = new SafeTextBrowser;
    m_preview->setObjectName(u"notePreview"_s);
    m_preview->setOpenLinks(false);
    auto* add = new QPushButton(tr("&New Note"));
    add->setObjectName(u"newNoteButton"_s);
    auto* remove = new QPushButton(tr("Delete"));
    remove->setObjectName(u"deleteNoteButton"_s);

    m_targets = new QStringListModel(this);
    m_completer = new QCompleter(m_targets, this);
    m_completer->setWidget(m_editor);
    editor->completer = m_completer;
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            &NotebookPanel::insertLink);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_sensitivity);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_editor);
    split->addWidget(m_preview);
    auto* right = new QVBoxLayout;
    right->addLayout(header);
    right->addWidget(split, 1);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    left->addLayout(buttons);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addLayout(right, 2);

    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(1000);
    connect(m_saveTimer, &QTimer::timeout, this, &NotebookPanel::saveNow);
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &NotebookPanel::updatePreview);
    auto edited = [this] {
        if (m_loading || !m_noteId)
            return;
        m_dirty = true;
        m_saveTimer->start();
        m_previewTimer->start();
    };
    connect(m_editor, &QPlainTextEdit::textChanged, this, edited);
    connect(m_title, &QLineEdit::textEdited, this, edited);
    connect(m_title, &QLineEdit::editingFinished, this, &NotebookPanel::saveNow);
    connect(m_sensitivity, &QComboBox::activated, this, [this, edited] {
        edited();
        saveNow();
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        const QTextCursor c = m_editor->textCursor();
        const QString before = c.block().text().left(c.positionInBlock());
        const qsizetype open = before.lastIndexOf(u"[["_s);
        if (open >= 0 && !before.mid(open).contains(u"]]"_s))
            offerLinks();
        else if (m_completer->popup()->isVisible())
            m_completer->popup()->hide();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_loading || row < 0)
            return;
        openNote(m_list->item(row)->data(Qt::UserRole).toLongLong());
    });
    connect(m_preview, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        // caseatlas:event/12
        const QStringList parts = url.path().split(u'/');
        if (url.scheme() != u"caseatlas"_s || parts.size() != 2)
            return;
        if (auto kind = linkTargetFromKey(parts.at(0)))
            emit linkActivated(*kind, parts.at(1).toLongLong());
    });
    connect(add, &QPushButton::clicked, this, &NotebookPanel::newNote);
    connect(remove, &QPushButton::clicked, this, &NotebookPanel::deleteNote);
    setEnabled(false);
}

void NotebookPanel::setDocument(CaseDocument* document) {
    saveNow();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_noteId = 0;
    setEnabled(m_document != nullptr);
    if (m_document)
        connect(m_document, &CaseDocument::recordsChanged, this, [this](RecordKind kind) {
            if (m_dirty)
                return; // our own save; the editor already shows it
            if (kind == RecordKind::Note)
                reload();
            else
                m_previewTimer->start(); // renamed targets show their new names
        });
    reload();
}

void NotebookPanel::reload() {
    m_loading = true;
    m_list->clear();
    if (m_document) {
        auto notes = m_document->notes().all();
        if (!notes) {
            emit failed(notes.error());
        } else {
            for (const Note& n : notes.value()) {
                auto* item = new QListWidgetItem(n.sensitivity == Sensitivity::Confidential
                                                     ? n.title + tr(" (confidential)")
                                                     : n.title,
                                                 m_list);
                item->setData(Qt::UserRole, n.id);
                if (n.id == m_noteId)
                    m_list->setCurrentItem(item);
            }
        }
    }
    m_loading = false;
    if (!m_document)
        return;
    auto current = m_noteId ? m_document->notes().load(m_noteId) : Result<Note>(Note{});
    if (m_noteId && current)
        showNote(current.value());
    else if (m_list->count() > 0)
        openNote(m_list->item(0)->data(Qt::UserRole).toLongLong());
    else
        showNote(Note{});
}

void NotebookPanel::openNote(qint64 id) {
    saveNow();
    if (!m_document)
        return;
    auto note = m_document->notes().load(id);
    if (!note)
        return emit failed(note.error());
    showNote(note.value());
    m_loading = true;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toLongLong() == id)
            m_list->setCurrentRow(i);
    m_loading = false;
}

void NotebookPanel::showNote(const Note& note) {
    m_loading = true;
    m_noteId = note.id;
    m_title->setText(note.title);
    m_title->setEnabled(note.id != 0);
    m_editor->setEnabled(note.id != 0);
    m_sensitivity->setEnabled(note.id != 0);
    m_sensitivity->setCurrentIndex(
        std::max(0, m_sensitivity->findData(sensitivityKey(note.sensitivity))));
    if (m_editor->toPlainText() != note.body)
        m_editor->setPlainText(note.body);
    m_loading = false;
    m_dirty = false;
    updatePreview();
}

void NotebookPanel::saveNow() {
    m_saveTimer->stop();
    if (!m_document || !m_noteId || !m_dirty)
        return;
    auto note = m_document->notes().load(m_noteId);
    if (!note)
        return emit failed(note.error());
    Note n = note.value();
    n.title = m_title->text().trimmed().isEmpty() ? tr("Untitled note") : m_title->text().trimmed();
    n.body = m_editor->toPlainText();
    n.sensitivity =
        sensitivityFromKey(m_sensitivity->currentData().toString()).value_or(n.sensitivity);
    if (n.title == note.value().title && n.body == note.value().body &&
        n.sensitivity == note.value().sensitivity) {
        m_dirty = false;
        return;
    }
    const Status s = m_document->updateNote(n);
    m_dirty = false;
    if (!s)
        emit failed(s.error());
    else if (auto* item = m_list->currentItem(); item && item->text() != n.title)
        item->setText(n.title);
}

void NotebookPanel::newNote() {
    if (!m_document)
        return;
    saveNow();
    Note n;
    n.title = tr("Untitled note");
    auto id = m_document->addNote(n);
    if (!id)
        return emit failed(id.error());
    reload();
    openNote(id.value());
    m_title->setFocus();
    m_title->selectAll();
}

void NotebookPanel::deleteNote() {
    if (!m_document || !m_noteId)
        return;
    m_dirty = false;
    m_saveTimer->stop();
    const Status s = m_document->deleteNote(m_noteId);
    if (!s)
        return emit failed(s.error());
    m_noteId = 0;
    reload();
}

QString NotebookPanel::renderMarkdown(CaseDocument& document, const QString& body) {
    QString markdown;
    qsizetype at = 0;
    for (auto it = kLink.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        markdown += body.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        const QString kind = m.captured(1);
        const qint64 id = m.captured(2).toLongLong();
        QString name;
        if (kind == u"event"_s) {
            if (auto e = document.events().load(id))
                name = e.value().title;
        } else if (kind == u"actor"_s) {
            if (auto a = document.actors().load(id))
                name = a.value().name;
        } else if (kind == u"place"_s) {
            if (auto p = document.places().load(id))
                name = p.value().name;
        } else if (auto s = document.sources().load(id)) {
            name = s.value().title;
        }
        if (name.isEmpty()) // the target was deleted: say so, keep the label
            markdown += u"~~%1~~ *(%2 #%3 no longer exists)*"_s.arg(
                m.captured(3).isEmpty() ? kind : m.captured(3), kind, QString::number(id));
        else
            markdown += u"[%1](caseatlas:%2/%3)"_s.arg(
                QString(name).replace(u'[', u'(').replace(u']', u')'), kind, QString::number(id));
    }
    markdown += body.mid(at);
    return markdown;
}

void NotebookPanel::updatePreview() {
    if (!m_document || !m_noteId) {
        m_preview->clear();
        return;
    }
    m_preview->document()->setMarkdown(
        renderMarkdown(*m_document, m_editor->toPlainText()),
        QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                        QTextDocument::MarkdownNoHTML));
}

void NotebookPanel::loadLinkTargets() {
    QStringList choices;
    auto add = [&](const QString& kind, qint64 id, const QString& name) {
        choices << u"%1 #%2: %3"_s.arg(kind).arg(id).arg(name);
    };
    if (auto targets = m_document->queries().linkTargets(20000))
        for (const CaseQueries::LinkTarget& t : targets.value())
            add(t.kind, t.id, t.name);
    m_targets->setStringList(choices);
}

void NotebookPanel::offerLinks() {
    if (!m_document)
        return;
    // Everything a note can link to, by kind, id and current name: read when the completion
    // opens, not again on every key typed while it is open.
    if (!m_completer->popup()->isVisible())
        loadLinkTargets();
    const QTextCursor c = m_editor->textCursor();
    const QString before = c.block().text().left(c.positionInBlock());
    m_completer->setCompletionPrefix(before.mid(before.lastIndexOf(u"[["_s) + 2));
    QRect r = m_editor->cursorRect();
    r.setWidth(std::max(300, m_completer->popup()->sizeHintForColumn(0) + 20));
    m_completer->complete(r);
    // The first target chosen already: Enter takes it, the arrows move from it.
    if (m_completer->completionCount() > 0)
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void NotebookPanel::insertLink(const QString& choice) {
    const auto m = kChoice.match(choice);
    if (!m.hasMatch())
        return;
    QTextCursor c = m_editor->textCursor();
    const QString before = c.block().text().left(c.positionInBlock());
    const qsizetype open = before.lastIndexOf(u"[["_s);
    if (open < 0)
        return;
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(before.size() - open));
    c.insertText(u"[[%1:%2|%3]]"_s.arg(m.captured(1), m.captured(2),
                                       m.captured(3).replace(u']', u')').replace(u'|', u'/')));
    m_editor->setTextCursor(c);
    m_completer->popup()->hide();
}

bool NotebookPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_editor && event->type() == QEvent::FocusOut)
        saveNow();

    return QWidget::eventFilter(watched, event);
}

} // namespace caseatlas
