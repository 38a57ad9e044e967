#pragma once

#include "core/result.h"
#include "render/briefing.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QScrollArea;
class QSpinBox;
class QTimer;

namespace caseatlas {

class CaseDocument;

// File ▸ Briefing…: compose a briefing and see it as it will print. The events come from the
// current filter, the whole case or a saved view; the layout, export profile, title block,
// blocks (ticked and ordered) and notes are chosen on the left; the preview on the right is
// redrawn a moment after each change. Briefings are kept in the case by name, and written as
// PDF, SVG or PNG (logged in the custody log).
class BriefingComposer : public QDialog {
    Q_OBJECT
public:
    // Asks for a file to write (the suggestion has the suffix) or a name to keep a briefing
    // under; empty: cancelled.
    using AskPath = std::function<QString(const QString& suggestion)>;
    using AskName = std::function<QString(const QString& suggestion)>;

    BriefingComposer(CaseDocument& document, AskPath askPath, AskName askName,
                     QWidget* parent = nullptr);

    BriefingOptions options() const; // as the form says now
    void setOptions(const BriefingOptions& options);
    // The preview, laid out again now (changes wait a moment otherwise).
    void refreshPreview();
    int previewPages() const { return m_pages; }
    QImage previewImage() const;
    Status exportAs(const QString& suffix); // "pdf", "svg" or "png": asks where
    Status keep();                          // keeps the briefing (asks a name when new)
    void loadKept(qint64 id);               // shows a kept briefing

signals:
    void failed(const caseatlas::Error& error);

protected:
    void resizeEvent(QResizeEvent* event) override; // the page fits the preview's width

private:
    void changed();
    void moveBlock(int by);
    void reloadKept();
    void showPage();

    CaseDocument& m_document;
    AskPath m_askPath;
    AskName m_askName;
    QComboBox *m_kept, *m_view, *m_layout, *m_profile;
    QLineEdit *m_title, *m_subtitle, *m_author;
    QListWidget *m_blocks, *m_notes;
    QSpinBox *m_cards, *m_page;
    QDoubleSpinBox* m_dpi;
    QLabel *m_preview, *m_status;
    QScrollArea* m_scroll;
    QTimer* m_pause;
    std::optional<Briefing> m_briefing;
    int m_pages = 0;
    bool m_loading = false;
};

} // namespace caseatlas
