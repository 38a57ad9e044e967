#pragma once

#include "core/result.h"
#include "io/importcommands.h"
#include "model/casedocument.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QLockFile;
class QProgressBar;
class QStackedWidget;
class QTableView;
class QUndoGroup;
class QMenu;

namespace caseatlas {

class CaseDocument;
class EventInspector;
class EventTableModel;
class TimelineView;
class MapTimeBar;
class NotebookPanel;
class SearchPanel;
class ChartsPanel;
class SourceLibrary;
class PeoplePlacesPanel;
struct SearchHit;
class MapTimeBar;
class MapView;
class LayerPanel;
class FilterBar;
class WelcomePage;
enum class RecordKind;

// The application window: a welcome page with no case, otherwise the case with its docks.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // What a prompt asks the user for; tests answer prompts through setPrompt().
    enum class Prompt {
        OpenCase,
        NewCase,
        SaveCopy,
        CaseTitle,
        EventTitle,
        ExportTimeline,
        ImportLayer,
        ExportMap,
        OnlineTiles,
        ExportCase,     // a file name; its suffix says the format
        ExportProfile,  // "public", "internal" or "full"
        ImportAcled,    // an ACLED CSV
        ImportUcdp,     // a UCDP GED CSV
        SkipBadRows,    // "yes" to import the good rows and skip the bad ones
        ImportFile,     // any file the import wizard takes
        ExportChart,    // a .png or .svg
        ExportBriefing, // a file; the suggestion's suffix is the format
        BriefingName    // the name a briefing is kept under
    };
    using PromptFunction = std::function<QString(Prompt, const QString& suggestion)>;
    using ErrorFunction = std::function<void(const Error&)>;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Status openCase(const QString& path);
    Status newCase(const QString& path, const QString& title);
    Status openSampleCase();
    void closeCase();
    CaseDocument* document() const { return m_document.get(); }
    QStringList recentFiles() const;

    void setPrompt(PromptFunction prompt) { m_prompt = std::move(prompt); }
    void setErrorHandler(ErrorFunction handler) { m_showError = std::move(handler); }
    // Case ▸ Check the Whole File: SQLite's integrity check of every page, in a thread, with
    // a Cancel button. An error when damage was found (also shown), or the check failed.
    Status checkWholeFile();
    // Shows a failed status to the user (message box, or the handler set for tests).
    void report(const Status& status);
    // Where the sample case lives (written on first use).
    static QString sampleCasePath();
    // View ▸ Reset Layout: the docks where a new installation puts them.
    void resetLayout();
    // The default layout's proportions for the window's size now: the timeline and the map side
    // by side below the list, each tall enough to use; the inspector a third of the width.
    void sizeDefaultLayout();
    // Adds an event made in the window (New Event, a double-click on the timeline), selects it
    // and brings it into view in the timeline and on the map.
    void addNewEvent(const Event& event);
    // Every menu command with a shortcut, and the keys of the views (Help ▸ Keyboard Shortcuts).
    QList<std::pair<QString, QString>> shortcuts() const;
    // View ▸ Language: "" follows the system; "en", "zh_CN", "my". Kept for next time.
    void setLanguage(const QString& code);
    // Edit ▸ Preferences…; applyPreferences() puts the saved ones into the views.
    void editPreferences();
    void applyPreferences();

protected:
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void importLayer(bool link, const QString& given = {});
    void exportCase();
    // Asks for a picture file (PNG, SVG, PDF) and writes it.
    void exportPicture(Prompt prompt, const QString& name, const QString& what,
                       const std::function<Status(const QString&)>& write);
    // File ▸ Import…: the import wizard on a chosen file.
    void importFile(const QString& given = {}); // asks for the file when none is given
    // File ▸ Briefing…: the briefing composer on the open case.
    void openBriefing();
    void importEvents(Dataset dataset);
    // Shows a search result or a note's link: selects the event(s) and brings the view forward.
    void goTo(const SearchHit& hit);
    void selectEventsOf(CaseQueries::Involving involving, qint64 id, const QString& what);
    void showDock(const QString& name);
    void openNote(qint64 id);
    void applyOnlineTiles();
    void buildMenus();
    void buildDocks();
    void setDocument(std::unique_ptr<CaseDocument> document);
    void refreshSummary();
    void addRecentFile(const QString& path);
    void updateRecentMenu();
    void onRecordsChanged(RecordKind kind, const QList<qint64>& eventIds);
    void onSelectionChanged();
    QString ask(Prompt prompt, const QString& suggestion = {});

    std::unique_ptr<CaseDocument> m_document;
    // Held while a case is open here, so that a second window or CaseAtlas process says
    // "already open" instead of both writing to it.
    std::unique_ptr<QLockFile> m_caseLock;
    QByteArray m_defaultLayout;
    bool m_layoutSized = false; // the default layout fitted to the window once shown
    void restoreLayout();
    QString dockTitle(const QString& name) const;
    void showShortcuts();
    Result<std::unique_ptr<QLockFile>> lockCase(const QString& path);
    QUndoGroup* m_undoGroup;
    QStackedWidget* m_stack;
    WelcomePage* m_welcome;
    QWidget* m_casePage;
    QLabel* m_banner;
    QProgressBar* m_indexing = nullptr; // search indexing in the background
    QLabel* m_summary;
    QLabel* m_counts = nullptr; // "12 of 16 events shown · 2 selected"
    void updateCounts();
    enum class DropAction { None, OpenCase, ImportRecords, ImportLayer };
    DropAction dropActionFor(const QString& path) const;
    QTableView* m_eventTable;
    EventTableModel* m_events;
    EventInspector* m_inspector;
    TimelineView* m_timeline;
    MapTimeBar* m_timeBar = nullptr;
    QAction* m_onlineToggle = nullptr;
    std::optional<std::pair<qint64, qint64>> m_timelineWindow;
    MapView* m_map;
    LayerPanel* m_layers;
    NotebookPanel* m_notebook = nullptr;
    SearchPanel* m_search = nullptr;
    SourceLibrary* m_sources = nullptr;
    PeoplePlacesPanel* m_people = nullptr;
    ChartsPanel* m_charts = nullptr;
    FilterBar* m_filterBar;
    bool m_syncingSelection = false;
    QMenu* m_recentMenu = nullptr;
    QList<QAction*> m_caseActions;
    PromptFunction m_prompt;
    ErrorFunction m_showError;
};

} // namespace caseatlas
