#include "mainwindow.h"
#include "neweventdialog.h"
#include "wheelguard.h"

#include "appearance.h"
#include "briefingcomposer.h"
#include "chartspanel.h"
#include "eventinspector.h"
#include "eventtablemodel.h"
#include "filterbar.h"
#include "importwizard.h"
#include "io/caseexport.h"
#include "language.h"
#include "layerpanel.h"
#include "maptimebar.h"
#include "mapview.h"
#include "notebookpanel.h"
#include "peopleplaces.h"
#include "preferences.h"
#include "searchpanel.h"
#include "sourcelibrary.h"
#include "timelineview.h"
#include "welcomepage.h"

#include "core/account.h"
#include "io/samplecase.h"
#include "model/casedocument.h"

#include "formhelpers.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLockFile>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QProgressDialog>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QThread>
#include <QUndoGroup>
#include <QVBoxLayout>

#include <atomic>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
constexpr int kMaxRecent = 8;
const QString kRecentKey = u"recentFiles"_s;
const QString kGeometryKey = u"window/geometry"_s;
const QString kLayoutKey = u"window/layout"_s;
constexpr int kLayoutVersion = 3; // raise when the docks change, so old layouts are dropped
// Online tiles are the user's own preference, off until they turn them on; a case cannot.
const QString kOnlineUrlKey = u"map/onlineTilesUrl"_s;
const QString kOnlineOnKey = u"map/onlineTilesOn"_s;
const QString kFilter = u"CaseAtlas cases (*.caseatlas)"_s;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_undoGroup(new QUndoGroup(this)) {
    setObjectName(u"MainWindow"_s);
    watchTranslations(); // before the first tr(): a switch of language finds every text
    WheelGuard::install();
    setWindowTitle(tr("CaseAtlas"));
    setAcceptDrops(true);
    fitToScreen(this, QSize(1280, 800));

    m_stack = new QStackedWidget;
    m_welcome = new WelcomePage;
    m_casePage = new QWidget;
    m_casePage->setObjectName(u"casePage"_s);
    m_banner = new QLabel;
    m_banner->setTextFormat(Qt::PlainText); // shows names and values from files
    m_banner->setObjectName(u"readOnlyBanner"_s);
    m_banner->setStyleSheet(u"background:#fdebd0; color:#784212; padding:6px;"_s);
    m_banner->hide();
    m_summary = new QLabel;
    m_summary->setObjectName(u"caseSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_events = new EventTableModel(this);
    m_eventTable = new QTableView;
    m_eventTable->setObjectName(u"eventTable"_s);
    m_eventTable->setModel(m_events);
    m_eventTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventTable->setAlternatingRowColors(true);
    m_eventTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_eventTable->horizontalHeader()->setSectionResizeMode(EventTableModel::Title,
                                                           QHeaderView::Stretch);
    m_eventTable->verticalHeader()->hide();
    auto* layout = new QVBoxLayout(m_casePage);
    m_filterBar = new FilterBar;
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_eventTable, 1);
    // The welcome page scrolls rather than holding the window taller than a laptop's screen.
    auto* welcomeScroll = new QScrollArea;
    welcomeScroll->setWidget(m_welcome);
    welcomeScroll->setWidgetResizable(true);
    welcomeScroll->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(welcomeScroll);
    m_stack->addWidget(m_casePage);
    setCentralWidget(m_stack);

    m_inspector = new EventInspector;
    m_timeline = new TimelineView;
    m_map = new MapView;
    m_timeBar = new MapTimeBar;
    m_timeBar->setSpanProvider(
        [this](qint64& first, qint64& last) { return m_timeline->caseExtent(first, last); });
    m_layers = new LayerPanel;
    m_notebook = new NotebookPanel;
    m_search = new SearchPanel;
    m_sources = new SourceLibrary;
    m_people = new PeoplePlacesPanel;
    m_charts = new ChartsPanel;
    buildDocks();
    buildMenus();
    restoreLayout();
    applyPreferences();
    m_indexing = new QProgressBar;
    m_indexing->setObjectName(u"searchIndexProgress"_s);
    m_indexing->setMaximumWidth(220);
    m_indexing->setTextVisible(true);
    m_indexing->hide();
    statusBar()->addPermanentWidget(m_indexing);
    m_counts = new QLabel;
    m_counts->setObjectName(u"statusCounts"_s);
    statusBar()->addPermanentWidget(m_counts);
    statusBar()->showMessage(tr("Ready"));

    connect(m_welcome, &WelcomePage::newRequested, this, [this] {
        const QString path = ask(Prompt::NewCase);
        if (!path.isEmpty())
            report(newCase(path, QFileInfo(path).completeBaseName()));
    });
    connect(m_welcome, &WelcomePage::openRequested, this, [this] {
        const QString path = ask(Prompt::OpenCase);
        if (!path.isEmpty())
            report(openCase(path));
    });
    connect(m_welcome, &WelcomePage::sampleRequested, this, [this] { report(openSampleCase()); });
    connect(m_welcome, &WelcomePage::recentRequested, this,
            [this](const QString& p) { report(openCase(p)); });
    // The table and the timeline share the case's selection.
    connect(m_eventTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_document || m_syncingSelection)
            return;
        QList<qint64> ids;
        for (const QModelIndex& i : m_eventTable->selectionModel()->selectedRows())
            ids << m_events->eventId(i.row());
        const qint64 current = m_events->eventId(m_eventTable->currentIndex().row());
        m_document->selection()->select(ids, ids.contains(current) ? current : 0);
    });
    connect(m_timeline, &TimelineView::eventActivated, this, [this](qint64 id) {
        m_inspector->displayEvent(id);
        if (auto* dock = findChild<QDockWidget*>(u"inspectorDock"_s)) {
            dock->show();
            dock->raise();
        }
    });
    connect(m_timeline, &TimelineView::createRequested, this, [this](const QString& date) {
        if (!m_document)
            return;
        Event e;
        e.start = FuzzyDate::parse(date).ok() ? FuzzyDate::parse(date).value() : FuzzyDate();
        if (m_prompt) { // a test's answer: the title only
            e.title = ask(Prompt::EventTitle, date);
        } else {
            NewEventDialog dialog(*m_document, date, this);
            if (dialog.exec() != QDialog::Accepted)
                return;
            e.title = dialog.title();
            e.start = dialog.date();
            e.placeId = dialog.placeId();
        }
        if (e.title.isEmpty())
            return;
        addNewEvent(e);
    });
    connect(m_timeline, &TimelineView::failed, this, [this](const Error& e) { report(e); });
    connect(m_map, &MapView::failed, this, [this](const Error& e) { report(e); });
    connect(m_layers, &LayerPanel::failed, this, [this](const Error& e) { report(e); });
    connect(m_layers, &LayerPanel::importRequested, this, [this](bool link) { importLayer(link); });
    connect(m_layers, &LayerPanel::zoomRequested, m_map, &MapView::fitToLayer);
    connect(m_search, &SearchPanel::failed, this, [this](const Error& e) { report(e); });
    connect(m_inspector, &EventInspector::failed, this, [this](const Error& e) { report(e); });
    connect(m_sources, &SourceLibrary::failed, this, [this](const Error& e) { report(e); });
    connect(m_people, &PeoplePlacesPanel::failed, this, [this](const Error& e) { report(e); });
    connect(m_sources, &SourceLibrary::noteActivated, this, &MainWindow::openNote);
    connect(m_people, &PeoplePlacesPanel::noteActivated, this, &MainWindow::openNote);
    connect(m_sources, &SourceLibrary::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_inspector, &EventInspector::pickOnMapRequested, this, [this](qint64 eventId) {
        showDock(u"mapDock"_s);
        statusBar()->showMessage(tr("Click the map where the event happened (Escape cancels)."));
        m_map->pickPoint([this, eventId](double lon, double lat) {
            if (m_inspector->eventId() == eventId)
                m_inspector->setOwnPoint(lon, lat);
            statusBar()->clearMessage();
        });
    });
    connect(m_inspector, &EventInspector::noteActivated, this, &MainWindow::openNote);
    connect(m_search, &SearchPanel::activated, this, &MainWindow::goTo);
    connect(m_notebook, &NotebookPanel::failed, this, [this](const Error& e) { report(e); });
    connect(m_notebook, &NotebookPanel::linkActivated, this, [this](LinkTarget kind, qint64 id) {
        SearchHit hit;
        hit.kind = kind == LinkTarget::Event   ? SearchKind::Event
                   : kind == LinkTarget::Actor ? SearchKind::Actor
                   : kind == LinkTarget::Place ? SearchKind::Place
                                               : SearchKind::Source;
        hit.id = id;
        goTo(hit);
    });
    // The map shows the events of the timeline's visible span.
    connect(m_timeline, &TimelineView::visibleRangeChanged, this, [this](double from, double to) {
        m_timelineWindow = std::pair{qint64(std::floor(from)), qint64(std::ceil(to))};
        if (m_timeBar->following())
            m_map->setTimeWindow(m_timelineWindow);
    });
    // Or the time bar's window, when the user picks one or plays through the case.
    connect(m_timeBar, &MapTimeBar::windowChanged, this, [this](MapTimeBar::Window window) {
        m_map->setTimeWindow(window ? window : m_timelineWindow);
    });
    connect(m_map, &MapView::cursorMoved, this, [this](double lon, double lat) {
        statusBar()->showMessage(tr("%1°, %2°").arg(lat, 0, 'f', 4).arg(lon, 0, 'f', 4), 3000);
    });
    m_welcome->setRecentFiles(recentFiles());
}

void MainWindow::openNote(qint64 id) {
    m_notebook->openNote(id);
    showDock(u"notebookDock"_s);
}

void MainWindow::showDock(const QString& name) {
    if (auto* dock = findChild<QDockWidget*>(name)) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::selectEventsOf(CaseQueries::Involving involving, qint64 id, const QString& what) {
    auto found = m_document->queries().eventsInvolving(involving, id);
    if (!found)
        return report(found.error());
    const QList<qint64>& ids = found.value();
    m_document->selection()->select(ids, ids.value(0));
    statusBar()->showMessage(tr("%n event(s) of %1 selected", nullptr, int(ids.size())).arg(what),
                             5000);
}

void MainWindow::goTo(const SearchHit& hit) {
    if (!m_document)
        return;
    switch (hit.kind) {
    case SearchKind::Event:
    case SearchKind::Quote: {
        const qint64 event = hit.kind == SearchKind::Event ? hit.id : hit.eventId;
        m_document->selection()->select({event}, event);
        m_timeline->zoomToSelection();
        m_inspector->displayEvent(event);
        showDock(u"inspectorDock"_s);
        break;
    }
    case SearchKind::Note:
        openNote(hit.id);
        break;
    case SearchKind::Actor:
        m_people->showActor(hit.id);
        showDock(u"peoplePlacesDock"_s);
        selectEventsOf(CaseQueries::Involving::Actor, hit.id,
                       hit.title.isEmpty() ? tr("the actor") : hit.title);
        break;
    case SearchKind::Place:
        m_people->showPlace(hit.id);
        showDock(u"peoplePlacesDock"_s);
        selectEventsOf(CaseQueries::Involving::Place, hit.id,
                       hit.title.isEmpty() ? tr("the place") : hit.title);
        break;
    case SearchKind::Source:
        m_sources->selectSource(hit.id);
        showDock(u"sourcesDock"_s);
        selectEventsOf(CaseQueries::Involving::Source, hit.id,
                       hit.title.isEmpty() ? tr("the source") : hit.title);
        break;
    }
}

void MainWindow::applyPreferences() {
    const Preferences p = Preferences::load();
    m_map->setImperial(p.imperial);
    m_map->setGazetteerNames(p.gazetteerNames);
    m_inspector->setImperial(p.imperial);
    m_events->setReadableDates(p.readableDates);
    if (m_document)
        m_document->setUserName(p.yourName.isEmpty() ? accountName() : p.yourName);
    applyOnlineTiles();
    if (p.onlineTiles) // the cache only grows while tiles are fetched; no folder walk otherwise
        trimTileCache(qint64(p.tileCacheMb) << 20);
}

void MainWindow::editPreferences() {
    PreferencesDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.preferences().save();
    applyPreferences();
    if (dialog.appearance() != int(appearancePreference())) {
        setAppearancePreference(Appearance(dialog.appearance()));
        applyAppearance(Appearance(dialog.appearance()));
    }
    if (dialog.language() != languagePreference())
        setLanguage(dialog.language());
}

void MainWindow::applyOnlineTiles() {
    const QString url = QSettings().value(kOnlineUrlKey).toString();
    const bool on = QSettings().value(kOnlineOnKey, false).toBool() && !url.isEmpty();
    m_onlineToggle->setEnabled(!url.isEmpty());
    m_onlineToggle->setChecked(on);
    m_onlineToggle->setToolTip(url);
    if (!on) {
        m_map->setOnlineTiles(std::nullopt);
        return;
    }
    RasterSource::Xyz xyz;
    xyz.urlTemplate = url;
    // An explicit cache folder per service, in the user's cache, never GDAL's default.
    xyz.cacheDir =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/tiles/"_s +
        QString::fromLatin1(
            QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
    m_map->setOnlineTiles(xyz, url.startsWith(u"file:"_s));
}

void MainWindow::exportPicture(Prompt prompt, const QString& name, const QString& what,
                               const std::function<Status(const QString&)>& write) {
    const QString path = ask(prompt, QDir::homePath() + u'/' + name);
    if (path.isEmpty())
        return;
    const Status s = write(path);
    report(s);
    if (s)
        statusBar()->showMessage(tr("Exported %1 to %2").arg(what, QDir::toNativeSeparators(path)),
                                 5000);
}

void MainWindow::openBriefing() {
    if (!m_document)
        return;
    auto* composer = new BriefingComposer(
        *m_document,
        [this](const QString& name) {
            return ask(Prompt::ExportBriefing, QDir::homePath() + u'/' + name);
        },
        [this](const QString& suggestion) { return ask(Prompt::BriefingName, suggestion); }, this);
    composer->setAttribute(Qt::WA_DeleteOnClose);
    connect(composer, &BriefingComposer::failed, this, [this](const Error& e) { report(e); });
    composer->show();
}

void MainWindow::exportCase() {
    if (!m_document)
        return;
    const QString path =
        ask(Prompt::ExportCase,
            QFileInfo(m_document->path())
                .dir()
                .filePath(QFileInfo(m_document->path()).completeBaseName() + u".csv"_s));
    if (path.isEmpty())
        return;
    const auto format = exportFormatForPath(path);
    if (!format)
        return report(makeError(ErrorCode::InvalidInput,
                                tr("%1: the name does not say which format to write (.csv, "
                                   ".geojson, .kml, .timeline.json, .md, .html, .csl.json).")
                                    .arg(QDir::toNativeSeparators(path))));
    const auto profile = exportProfileFromKey(ask(Prompt::ExportProfile));
    if (!profile)
        return;
    ExportOptions o;
    o.format = *format;
    o.profile = *profile;
    // What the filter bar shows is what is exported.
    if (!m_document->filter()->criteria().isEmpty())
        o.filter = m_document->filter()->criteria();
    // Large exports show their progress after a second and can be cancelled (no file then).
    QProgressDialog progress(tr("Exporting to %1…").arg(QFileInfo(path).fileName()), tr("Cancel"),
                             0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(1000);
    o.progress = [&progress](qint64 done, qint64 total) {
        progress.setValue(total > 0 ? int(1000 * done / total) : 0);
        return !progress.wasCanceled();
    };
    auto done = caseatlas::exportCase(*m_document, path, o);
    progress.reset();
    if (!done) {
        if (progress.wasCanceled())
            return statusBar()->showMessage(tr("The export was cancelled; nothing was written."),
                                            5000);
        return report(done.error());
    }
    statusBar()->showMessage(
        tr("Exported %n event(s) to %1 (%2 profile; %3 records withheld); logged in the custody "
           "log.",
           nullptr, int(done.value().events))
            .arg(QDir::toNativeSeparators(path), exportProfileKey(*profile))
            .arg(done.value().withheld),
        8000);
}

void MainWindow::importFile(const QString& given) {
    if (!m_document)
        return;
    const QString path = given.isEmpty() ? ask(Prompt::ImportFile, QDir::homePath()) : given;
    if (path.isEmpty())
        return;
    ImportWizard wizard(*m_document, path, this);
    wizard.exec();
    if (const auto& r = wizard.report())
        statusBar()->showMessage(tr("Imported %1: %2 added, %3 changed, %4 unchanged, %5 bad rows "
                                    "skipped.")
                                     .arg(QFileInfo(path).fileName())
                                     .arg(r->added)
                                     .arg(r->changed)
                                     .arg(r->unchanged)
                                     .arg(r->skipped),
                                 10000);
}

void MainWindow::importEvents(Dataset dataset) {
    if (!m_document)
        return;
    const bool ucdp = dataset == Dataset::Ucdp;
    const QString path = ask(ucdp ? Prompt::ImportUcdp : Prompt::ImportAcled, QDir::homePath());
    if (path.isEmpty())
        return;
    QProgressDialog progress(tr("Importing %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0,
                             1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(1000);
    ImportOptions o;
    o.progress = [&progress](qint64 done, qint64 total) {
        progress.setValue(total > 0 ? int(1000 * done / total) : 0);
        return !progress.wasCanceled();
    };
    auto done = importEventFile(*m_document, dataset, path, o);
    // Bad rows: show where they are and let the user skip them or leave the case as it is.
    if (!done && done.error().code == ErrorCode::InvalidInput && !done.error().detail.isEmpty() &&
        !progress.wasCanceled()) {
        progress.reset();
        if (ask(Prompt::SkipBadRows, done.error().detail) == u"yes") {
            o.skipBadRows = true;
            done = importEventFile(*m_document, dataset, path, o);
        } else {
            statusBar()->showMessage(tr("Nothing was imported."), 5000);
            return;
        }
    }
    progress.reset();
    if (!done)
        return report(done.error());
    statusBar()->showMessage(tr("Imported %1: %2 added, %3 changed, %4 unchanged, %5 bad rows "
                                "skipped.")
                                 .arg(QFileInfo(path).fileName())
                                 .arg(done.value().added)
                                 .arg(done.value().changed)
                                 .arg(done.value().unchanged)
                                 .arg(done.value().skipped),
                             10000);
}

void MainWindow::importLayer(bool link, const QString& given) {
    if (!m_document)
        return;
    const QString path = given.isEmpty() ? ask(Prompt::ImportLayer) : given;
    if (path.isEmpty())
        return;
    // GDAL converts on this thread; the dialog shows after a second and can cancel.
    QProgressDialog progress(tr("Importing %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0,
                             1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(1000);
    auto n = m_document->importLayerFile(path, link, [&progress](double done) {
        progress.setValue(int(done * 1000));
        return !progress.wasCanceled();
    });
    progress.reset();
    report(n.ok() ? Status{} : Status{n.error()});
    if (n)
        statusBar()->showMessage(tr("Imported %n layer(s)", nullptr, n.value()), 5000);
}

MainWindow::~MainWindow() {
    if (m_document)
        m_undoGroup->removeStack(m_document->undoStack());
}

// A dock's title by its object name, in the current language (made and retranslated here).
QString MainWindow::dockTitle(const QString& name) const {
    const std::pair<const char16_t*, QString> titles[] = {
        {u"inspectorDock", tr("Inspector")}, {u"layersDock", tr("Layers")},
        {u"notebookDock", tr("Notebook")},   {u"searchDock", tr("Search")},
        {u"sourcesDock", tr("Sources")},     {u"peoplePlacesDock", tr("People && Places")},
        {u"timelineDock", tr("Timeline")},   {u"mapDock", tr("Map")},
        {u"chartsDock", tr("Charts")}};
    for (const auto& [key, title] : titles)
        if (name == QStringView(key))
            return title;
    return name;
}

void MainWindow::buildDocks() {
    auto makeDock = [this](const QString& name, QWidget* content, Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(dockTitle(name), this);
        dock->setObjectName(name);
        dock->setWidget(content);
        addDockWidget(area, dock);
        return dock;
    };
    QDockWidget* inspectorDock = makeDock(u"inspectorDock"_s, m_inspector, Qt::RightDockWidgetArea);
    QDockWidget* layersDock = makeDock(u"layersDock"_s, m_layers, Qt::RightDockWidgetArea);
    tabifyDockWidget(inspectorDock, layersDock);
    QDockWidget* notebookDock = makeDock(u"notebookDock"_s, m_notebook, Qt::RightDockWidgetArea);
    QDockWidget* searchDock = makeDock(u"searchDock"_s, m_search, Qt::RightDockWidgetArea);
    QDockWidget* sourcesDock = makeDock(u"sourcesDock"_s, m_sources, Qt::RightDockWidgetArea);
    QDockWidget* peopleDock = makeDock(u"peoplePlacesDock"_s, m_people, Qt::RightDockWidgetArea);
    // One column of tabs on the right, so each gets the window's full height.
    tabifyDockWidget(layersDock, notebookDock);
    tabifyDockWidget(notebookDock, sourcesDock);
    tabifyDockWidget(sourcesDock, peopleDock);
    tabifyDockWidget(peopleDock, searchDock);
    inspectorDock->raise();
    QDockWidget* timelineDock = makeDock(u"timelineDock"_s, m_timeline, Qt::BottomDockWidgetArea);
    auto* mapPanel = new QWidget;
    auto* mapLayout = new QVBoxLayout(mapPanel);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->setSpacing(0);
    mapLayout->addWidget(m_map, 1);
    mapLayout->addWidget(m_timeBar);
    // The timeline and the map side by side under the list, both shown at once and tall enough
    // to use (the timeline's lanes, the map's region); the charts a tab beside the map.
    QDockWidget* mapDock = makeDock(u"mapDock"_s, mapPanel, Qt::BottomDockWidgetArea);
    splitDockWidget(timelineDock, mapDock, Qt::Horizontal);
    QDockWidget* chartsDock = makeDock(u"chartsDock"_s, m_charts, Qt::BottomDockWidgetArea);
    tabifyDockWidget(mapDock, chartsDock);
    timelineDock->raise();
    mapDock->raise();
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = file->addAction(tr("&New Case…"), this, [this] {
        const QString path = ask(Prompt::NewCase);
        if (!path.isEmpty())
            report(newCase(path, QFileInfo(path).completeBaseName()));
    });
    newAction->setShortcut(QKeySequence::New);
    QAction* openAction = file->addAction(tr("&Open Case…"), this, [this] {
        const QString path = ask(Prompt::OpenCase);
        if (!path.isEmpty())
            report(openCase(path));
    });
    openAction->setShortcut(QKeySequence::Open);
    openAction->setObjectName(u"actionOpen"_s);
    file->addAction(tr("Open the &Sample Case"), this, [this] { report(openSampleCase()); });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    QAction* saveCopy = file->addAction(tr("Save a &Copy As…"), this, [this] {
        if (!m_document)
            return;
        const QString path =
            ask(Prompt::SaveCopy, QFileInfo(m_document->path())
                                      .dir()
                                      .filePath(QFileInfo(m_document->path()).completeBaseName() +
                                                u" copy.caseatlas"_s));
        if (path.isEmpty())
            return;
        const Status s = m_document->saveCopyAs(path);
        report(s);
        if (s)
            statusBar()->showMessage(tr("Saved a copy to %1").arg(QDir::toNativeSeparators(path)),
                                     5000);
    });
    saveCopy->setShortcut(QKeySequence::SaveAs);
    saveCopy->setObjectName(u"actionSaveCopy"_s);
    QAction* exportAction = file->addAction(tr("&Export…"), this, &MainWindow::exportCase);
    exportAction->setObjectName(u"actionExportCase"_s);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction* briefingAction = file->addAction(tr("&Briefing…"), this, &MainWindow::openBriefing);
    briefingAction->setObjectName(u"actionBriefing"_s);
    briefingAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_caseActions << briefingAction;
    QAction* importAction = file->addAction(tr("&Import…"), this, [this] { importFile(); });
    importAction->setObjectName(u"actionImport"_s);
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    QAction* importAcledAction =
        file->addAction(tr("&Import ACLED Data…"), this, [this] { importEvents(Dataset::Acled); });
    importAcledAction->setObjectName(u"actionImportAcled"_s);
    QAction* importUcdpAction = file->addAction(tr("Import &UCDP GED Data…"), this,
                                                [this] { importEvents(Dataset::Ucdp); });
    importUcdpAction->setObjectName(u"actionImportUcdp"_s);
    m_caseActions << exportAction << importAction << importAcledAction << importUcdpAction;
    QAction* close = file->addAction(tr("&Close Case"), this, [this] { closeCase(); });
    close->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    m_caseActions << saveCopy << close;

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undoGroup->createUndoAction(edit, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(u"actionUndo"_s);
    QAction* redo = m_undoGroup->createRedoAction(edit, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(u"actionRedo"_s);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::editPreferences);
    preferences->setObjectName(u"actionPreferences"_s);
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    edit->addSeparator();
    // A new event dated this month (the inspector, shown next, takes the real date).
    QAction* newEvent = edit->addAction(tr("&New Event…"), this, [this] {
        emit m_timeline->createRequested(QDate::currentDate().toString(u"yyyy-MM"_s));
    });
    newEvent->setObjectName(u"actionNewEvent"_s);
    newEvent->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_caseActions << newEvent;
    QAction* deleteEvents = edit->addAction(tr("&Delete Selected Events"), this, [this] {
        if (!m_document)
            return;
        const QSet<qint64> selected = m_document->selection()->events();
        report(m_document->deleteEvents(QList<qint64>(selected.begin(), selected.end())));
    });
    deleteEvents->setShortcut(QKeySequence::Delete);
    deleteEvents->setObjectName(u"actionDeleteEvents"_s);

    QMenu* caseMenu = menuBar()->addMenu(tr("&Case"));
    QAction* rename = caseMenu->addAction(tr("&Rename…"), this, [this] {
        if (!m_document)
            return;
        const QString title = ask(Prompt::CaseTitle, m_document->title());
        if (!title.isEmpty())
            report(m_document->setTitle(title));
    });
    rename->setObjectName(u"actionRenameCase"_s);
    QAction* checkFile =
        caseMenu->addAction(tr("&Check the Whole File…"), this, [this] { (void)checkWholeFile(); });
    checkFile->setObjectName(u"actionCheckWholeFile"_s);
    m_caseActions << deleteEvents << rename << checkFile;

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* find = view->addAction(tr("&Search…"), this, [this] {
        showDock(u"searchDock"_s);
        m_search->box()->setFocus();
        m_search->box()->selectAll();
    });
    find->setObjectName(u"actionSearch"_s);
    find->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence::Find});
    QAction* newNote = view->addAction(tr("New &Note"), this, [this] {
        showDock(u"notebookDock"_s);
        m_notebook->newNote();
    });
    newNote->setObjectName(u"actionNewNote"_s);
    newNote->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_caseActions << find << newNote;
    QAction* fit = view->addAction(tr("&Fit All Events"), this, [this] { m_timeline->fitAll(); });
    fit->setObjectName(u"actionFitAll"_s);
    // Z wherever the selection was made (the list, the map, the timeline); a text field keeps
    // its "z" (it takes the key before any shortcut).
    QAction* zoomSelection =
        view->addAction(tr("&Zoom to Selection"), this, [this] { m_timeline->zoomToSelection(); });
    zoomSelection->setObjectName(u"actionZoomToSelection"_s);
    zoomSelection->setShortcut(QKeySequence(Qt::Key_Z));
    m_caseActions << zoomSelection;
    QMenu* lanes = view->addMenu(tr("Timeline &Lanes"));
    auto* laneGroup = new QActionGroup(lanes);
    for (const auto& [grouping, label] : {std::pair{LaneGrouping::Tag, tr("By &Tag")},
                                          std::pair{LaneGrouping::Actor, tr("By &Actor")},
                                          std::pair{LaneGrouping::Place, tr("By &Place")},
                                          std::pair{LaneGrouping::Source, tr("By &Source")},
                                          std::pair{LaneGrouping::None, tr("&One Lane")}}) {
        QAction* a =
            lanes->addAction(label, this, [this, g = grouping] { m_timeline->setLaneGrouping(g); });
        a->setCheckable(true);
        a->setChecked(grouping == LaneGrouping::Tag);
        a->setObjectName(u"actionLanes_"_s + laneGroupingKey(grouping));
        laneGroup->addAction(a);
    }
    QAction* exportTimeline = view->addAction(tr("&Export Timeline…"), this, [this] {
        exportPicture(Prompt::ExportTimeline, u"timeline.png"_s, tr("the timeline"),
                      [this](const QString& path) { return m_timeline->exportPicture(path, 192); });
    });
    exportTimeline->setObjectName(u"actionExportTimeline"_s);
    QAction* charts = view->addAction(tr("&Charts"), this, [this] { showDock(u"chartsDock"_s); });
    charts->setObjectName(u"actionCharts"_s);
    QAction* exportChart = view->addAction(tr("Export C&hart…"), this, [this] {
        exportPicture(Prompt::ExportChart, u"chart.png"_s, tr("the chart"),
                      [this](const QString& path) { return m_charts->exportTo(path); });
    });
    exportChart->setObjectName(u"actionExportChart"_s);
    m_caseActions << charts << exportChart;
    view->addSeparator();
    QMenu* map = view->addMenu(tr("&Map"));
    QAction* importLayer =
        map->addAction(tr("&Import Layer…"), this, [this] { this->importLayer(false); });
    importLayer->setObjectName(u"actionImportLayer"_s);
    map->addAction(tr("&Link Layer…"), this, [this] { this->importLayer(true); });
    QAction* fitMap = map->addAction(tr("Fit Map to &Events"), m_map, &MapView::fitToEvents);
    fitMap->setObjectName(u"actionFitMap"_s);
    QAction* fitSelection =
        map->addAction(tr("Fit Map to &Selection"), m_map, &MapView::fitToSelection);
    fitSelection->setObjectName(u"actionFitMapSelection"_s);
    QAction* exportMap = map->addAction(tr("E&xport Map…"), this, [this] {
        exportPicture(Prompt::ExportMap, u"map.png"_s, tr("the map"),
                      [this](const QString& path) { return m_map->exportPicture(path, 192); });
    });
    exportMap->setObjectName(u"actionExportMap"_s);
    QAction* playMap = map->addAction(tr("&Play Through Time"), m_timeBar, &MapTimeBar::togglePlay);
    playMap->setObjectName(u"actionPlayMap"_s);
    playMap->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    QAction* followTimeline =
        map->addAction(tr("Map &Follows the Timeline"), m_timeBar, &MapTimeBar::follow);
    followTimeline->setObjectName(u"actionMapFollowsTimeline"_s);
    m_caseActions << playMap << followTimeline;
    map->addSeparator();
    QAction* onlineAddress = map->addAction(tr("Online &Tiles…"), this, [this] {
        const QString url = ask(Prompt::OnlineTiles, QSettings().value(kOnlineUrlKey).toString());
        if (url.isEmpty())
            return;
        const Status ok = RasterSource::checkXyzTemplate(url.trimmed(), true);
        report(ok);
        if (!ok)
            return;
        QSettings().setValue(kOnlineUrlKey, url.trimmed());
        QSettings().setValue(kOnlineOnKey, true);
        applyOnlineTiles();
    });
    onlineAddress->setObjectName(u"actionOnlineTilesAddress"_s);
    m_onlineToggle = map->addAction(tr("Show &Online Tiles"), this, [this](bool on) {
        QSettings().setValue(kOnlineOnKey, on);
        applyOnlineTiles();
    });
    m_onlineToggle->setObjectName(u"actionOnlineTiles"_s);
    m_onlineToggle->setCheckable(true);
    applyOnlineTiles();
    m_caseActions << importLayer << fitMap << fitSelection << exportMap;
    view->addSeparator();
    // Which panels show, apart from the actions above (Charts and Map are both; listed once each
    // at the top level).
    QMenu* panels = view->addMenu(tr("&Panels"));
    panels->setObjectName(u"menuPanels"_s);
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        panels->addAction(dock->toggleViewAction());
    QAction* resetLayout = view->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);
    resetLayout->setObjectName(u"actionResetLayout"_s);
    QMenu* appearance = view->addMenu(tr("&Appearance"));
    auto* appearances = new QActionGroup(appearance);
    for (const auto& [a, label, key] :
         {std::tuple{Appearance::System, tr("Follow the &System"), u"system"_s},
          std::tuple{Appearance::Light, tr("&Light"), u"light"_s},
          std::tuple{Appearance::Dark, tr("&Dark"), u"dark"_s}}) {
        QAction* act = appearance->addAction(label, this, [this, a = a] {
            setAppearancePreference(a);
            applyAppearance(a);
            update();
        });
        act->setCheckable(true);
        act->setChecked(appearancePreference() == a);
        act->setObjectName(u"actionAppearance_"_s + key);
        appearances->addAction(act);
    }
    QMenu* language = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(language);
    const QString chosen = languagePreference();
    for (const QString& code : QStringList{QString()} + availableLanguages()) {
        QAction* a =
            language->addAction(code.isEmpty() ? tr("Follow the System") : languageName(code), this,
                                [this, code] { setLanguage(code); });
        a->setCheckable(true);
        a->setChecked(code == chosen);
        a->setObjectName(u"actionLanguage_"_s + (code.isEmpty() ? u"system"_s : code));
        if (code == u"my") {
            // Burmese script stands taller than the menu's font: the item is measured in a font
            // that has it, so that its name is not clipped.
            QFont burmese = language->font();
            burmese.setFamilies({u"Noto Sans Myanmar"_s, u"Padauk"_s, u"Myanmar Text"_s});
            a->setFont(burmese);
        }
        languages->addAction(a);
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* keys = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    keys->setObjectName(u"actionShortcuts"_s);
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    help->addAction(tr("&About CaseAtlas"), this, [this] {
        QMessageBox::about(
            this, tr("About CaseAtlas"),
            tr("<h3>CaseAtlas %1</h3><p>Evidence-backed chronologies: timeline, map and "
               "notebook in one case file (SQLite + GeoPackage).</p>"
               "<p>The sample case is built from a Candid.Technology article reporting a "
               "Washington Post investigation; quotes are paraphrased.</p>"
               "<p>Basemap: Natural Earth (public domain). Place names: GeoNames "
               "(CC BY 4.0, geonames.org).</p>")
                .arg(QStringLiteral(CASEATLAS_VERSION)));
    });
    for (QAction* a : m_caseActions)
        a->setEnabled(false);
}

QString MainWindow::ask(Prompt prompt, const QString& suggestion) {
    if (m_prompt)
        return m_prompt(prompt, suggestion);
    switch (prompt) {
    case Prompt::OpenCase:
        return QFileDialog::getOpenFileName(this, tr("Open Case"), suggestion, kFilter);
    case Prompt::NewCase: {
        QString p = QFileDialog::getSaveFileName(this, tr("New Case"), suggestion, kFilter);
        if (!p.isEmpty() && QFileInfo(p).suffix().isEmpty())
            p += u".caseatlas"_s;
        return p;
    }
    case Prompt::SaveCopy:
        return QFileDialog::getSaveFileName(this, tr("Save a Copy As"), suggestion, kFilter);
    case Prompt::CaseTitle:
        return QInputDialog::getText(this, tr("Rename Case"), tr("Title:"), QLineEdit::Normal,
                                     suggestion);
    case Prompt::EventTitle:
        return QInputDialog::getText(this, tr("New Event"),
                                     tr("Title of the event on %1:").arg(suggestion));
    case Prompt::ImportLayer:
        return QFileDialog::getOpenFileName(
            this, tr("Import Layer"), suggestion,
            tr("GIS files (*.geojson *.json *.topojson *.shp *.zip *.gpkg *.kml *.kmz "
               "*.gpx *.csv *.tif *.tiff *.mbtiles);;All files (*)"));
    case Prompt::ExportTimeline:
        return QFileDialog::getSaveFileName(this, tr("Export Timeline"), suggestion,
                                            tr("Pictures (*.png *.svg *.pdf)"));
    case Prompt::ExportBriefing:
        return QFileDialog::getSaveFileName(this, tr("Export Briefing"), suggestion,
                                            u"*."_s + QFileInfo(suggestion).suffix());
    case Prompt::BriefingName:
        return QInputDialog::getText(this, tr("Keep Briefing"), tr("Name:"), QLineEdit::Normal,
                                     suggestion);
    case Prompt::ExportChart:
        return QFileDialog::getSaveFileName(this, tr("Export Chart"), suggestion,
                                            tr("Pictures (*.png *.svg)"));
    case Prompt::OnlineTiles:
        return QInputDialog::getText(
            this, tr("Online Tiles"),
            tr("Address of an XYZ tile service, with {z}, {x} and {y}.\nThe map will fetch tiles "
               "from it over the internet while online tiles are on."),
            QLineEdit::Normal, suggestion);
    case Prompt::ExportCase:
        return QFileDialog::getSaveFileName(
            this, tr("Export"), suggestion,
            tr("CSV (*.csv);;GeoJSON (*.geojson);;KML for Google Earth (*.kml);;TimelineJS "
               "(*.timeline.json);;Markdown report (*.md);;HTML report (*.html);;CSL-JSON "
               "sources for Zotero (*.csl.json)"));
    case Prompt::ExportProfile: {
        const QStringList profiles = {tr("public — withhold confidential records, pseudonyms for "
                                         "protected persons, rough coordinates"),
                                      tr("internal — withhold confidential records"),
                                      tr("full — everything")};
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
            this, tr("Export"), tr("Who is this export for?"), profiles, 1, false, &ok);
        return ok ? chosen.section(u' ', 0, 0) : QString();
    }
    case Prompt::ImportAcled:
        return QFileDialog::getOpenFileName(this, tr("Import ACLED Data"), suggestion,
                                            tr("ACLED export (*.csv);;All files (*)"));
    case Prompt::ImportUcdp:
        return QFileDialog::getOpenFileName(this, tr("Import UCDP GED Data"), suggestion,
                                            tr("UCDP GED (*.csv);;All files (*)"));
    case Prompt::ImportFile:
        return QFileDialog::getOpenFileName(
            this, tr("Import"), suggestion,
            tr("All importable files (*.csv *.tsv *.txt *.xlsx *.ods *.json *.geojson *.kml *.kmz "
               "*.gpkg *.shp *.zip *.gpx *.timeline);;Spreadsheets (*.csv *.tsv *.txt *.xlsx "
               "*.ods);;TimelineJS (*.json *.csv *.xlsx);;Timeline (*.timeline);;GIS points "
               "(*.geojson *.kml *.kmz *.gpkg *.shp *.zip *.gpx);;All files (*)"));
    case Prompt::SkipBadRows:
        return QMessageBox::question(
                   this, tr("Rows That Cannot Be Imported"),
                   tr("%1\n\nImport the other rows and skip these?").arg(suggestion),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes
                   ? u"yes"_s
                   : QString();
    case Prompt::ExportMap:
        return QFileDialog::getSaveFileName(this, tr("Export Map"), suggestion,
                                            tr("Pictures (*.png *.svg *.pdf)"));
    }
    return {};
}

Status MainWindow::checkWholeFile() {
    if (!m_document)
        return {};
    const QString path = m_document->path();
    const QString name = QFileInfo(path).fileName();
    QProgressDialog progress(tr("Reading every page of %1…").arg(name), tr("Cancel"), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    std::atomic<bool> stop = false;
    std::optional<Result<QStringList>> checked;
    QEventLoop loop;
    std::unique_ptr<QThread> worker(QThread::create(
        [&] { checked = CaseFile::checkWholeFile(path, [&] { return stop.load(); }); }));
    connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    connect(&progress, &QProgressDialog::canceled, &loop, [&] { stop = true; });
    worker->start();
    loop.exec();
    worker->wait();
    progress.reset();
    if (stop && (!checked || !checked->ok())) {
        statusBar()->showMessage(tr("The check of %1 was cancelled.").arg(name), 5000);
        return {};
    }
    if (!checked->ok()) {
        report(checked->error());
        return checked->error();
    }
    if (checked->value().isEmpty()) {
        statusBar()->showMessage(tr("Checked every page of %1: no damage found.").arg(name), 8000);
        return {};
    }
    const Error damaged = makeError(
        ErrorCode::Corrupt,
        tr("%1 is damaged: SQLite's check of the whole file found %n problem(s). Save what "
           "still reads (Save a Copy) and go back to a backup.",
           nullptr, int(checked->value().size()))
            .arg(name),
        checked->value().mid(0, 20).join(u'\n'));
    report(damaged);
    return damaged;
}

void MainWindow::report(const Status& status) {
    if (status)
        return;
    statusBar()->showMessage(status.error().message, 10000);
    if (m_showError) {
        m_showError(status.error());
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("CaseAtlas"), status.error().message, QMessageBox::Ok,
                    this);
    box.setDetailedText(status.error().detail);
    box.exec();
}

Result<std::unique_ptr<QLockFile>> MainWindow::lockCase(const QString& path) {
    const QFileInfo info(path);
    if (m_document && QFileInfo(m_document->path()) == info)
        return makeError(ErrorCode::AlreadyOpen,
                         tr("%1 is already open in this window.").arg(info.fileName()));
    // A hidden file next to the case; a process that died leaves a stale one, taken over.
    auto lock = std::make_unique<QLockFile>(
        info.absoluteDir().filePath(u"."_s + info.fileName() + u".lock"_s));
    lock->setStaleLockTime(0); // stale only when its process is gone
    if (lock->tryLock(0))
        return lock;
    if (lock->error() != QLockFile::LockFailedError)
        return std::unique_ptr<QLockFile>(); // a read-only folder: no lock, no second writer
    qint64 pid = 0;
    QString host, app;
    lock->getLockInfo(&pid, &host, &app);
    const QString where = pid == QCoreApplication::applicationPid()
                              ? tr("another window of this CaseAtlas")
                              : tr("CaseAtlas process %1 on %2").arg(pid).arg(host);
    return makeError(ErrorCode::AlreadyOpen,
                     tr("%1 is already open in %2. Switch to it, or close the case there "
                        "first; two windows writing one case could overwrite each other's edits.")
                         .arg(info.fileName(), where));
}

Status MainWindow::openCase(const QString& path) {
    auto lock = lockCase(path);
    if (!lock)
        return lock.error();
    auto doc = CaseDocument::open(path);
    if (!doc)
        return doc.error();
    const QStringList custody = doc.value()->custodyProblems();
    setDocument(std::move(doc).value());
    m_caseLock = std::move(lock).value();
    if (!custody.isEmpty())
        report(makeError(ErrorCode::UnexpectedSchema,
                         tr("The custody log of %1 does not add up (%n finding(s)): entries were "
                            "changed, removed or inserted outside CaseAtlas. The case is open, but "
                            "its record of who did what with the evidence cannot be relied on.",
                            nullptr, int(custody.size()))
                             .arg(QFileInfo(path).fileName()),
                         custody.join(u'\n')));
    return {};
}

Status MainWindow::newCase(const QString& path, const QString& title) {
    auto lock = lockCase(path);
    if (!lock)
        return lock.error();
    auto doc = CaseDocument::create(path, title);
    if (!doc)
        return doc.error();
    setDocument(std::move(doc).value());
    m_caseLock = std::move(lock).value();
    return {};
}

QString MainWindow::sampleCasePath() {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    QDir().mkpath(dir);
    return QDir(dir).filePath(u"sample.caseatlas"_s);
}

Status MainWindow::openSampleCase() {
    const QString path = sampleCasePath();
    if (QFileInfo::exists(path)) {
        if (openCase(path))
            return {};
        // An unreadable old copy: keep it aside and write a fresh one.
        QFile::rename(path, path + u".unreadable-"_s +
                                QString::number(QDateTime::currentSecsSinceEpoch()));
    }
    {
        auto file = CaseFile::create(path, tr("Sample case"));
        if (!file)
            return file.error();
        if (Status s = writeSampleCase(file.value()); !s) {
            file.value().close();
            QFile::remove(path);
            return s;
        }
    }
    return openCase(path);
}

void MainWindow::closeCase() {
    setDocument(nullptr);
}

void MainWindow::setDocument(std::unique_ptr<CaseDocument> document) {
    m_caseLock.reset(); // the lock of the case closing (openCase takes the new one after)
    // A briefing composer reads the case it was opened on; it goes with it.
    for (BriefingComposer* composer : findChildren<BriefingComposer*>())
        delete composer;
    if (m_document)
        m_undoGroup->removeStack(m_document->undoStack());
    m_inspector->setDocument(nullptr);
    m_events->setDocument(nullptr);
    m_timeline->setDocument(nullptr);
    m_timeBar->follow();
    m_map->setDocument(nullptr);
    m_layers->setDocument(nullptr);
    m_notebook->setDocument(nullptr);
    m_search->setDocument(nullptr);
    m_sources->setDocument(nullptr);
    m_people->setDocument(nullptr);
    m_charts->setDocument(nullptr);
    m_filterBar->setDocument(nullptr);
    m_document = std::move(document);
    for (QAction* a : m_caseActions)
        a->setEnabled(m_document != nullptr);
    if (!m_document) {
        setWindowTitle(tr("CaseAtlas"));
        setWindowFilePath({});
        m_welcome->setRecentFiles(recentFiles());
        m_stack->setCurrentIndex(0); // the welcome page
        updateCounts();
        return;
    }
    m_indexing->hide();
    m_undoGroup->addStack(m_document->undoStack());
    m_undoGroup->setActiveStack(m_document->undoStack());
    connect(m_document.get(), &CaseDocument::recordsChanged, this, &MainWindow::onRecordsChanged);
    connect(m_document.get(), &CaseDocument::editFailed, this,
            [this](const Error& e) { report(e); });
    // Indexes and search catching up after a large import, in the status bar.
    connect(m_document.get(), &CaseDocument::lookupIndexProgress, this,
            [this](int built, int total) {
                m_indexing->setMaximum(std::max(total, 1));
                m_indexing->setValue(built);
                m_indexing->setFormat(tr("Building indexes… %v of %m"));
                m_indexing->show();
            });
    connect(m_document.get(), &CaseDocument::searchIndexProgress, this,
            [this](qint64 done, qint64 total) {
                m_indexing->setMaximum(1000);
                m_indexing->setValue(total > 0 ? int(1000 * done / total) : 0);
                m_indexing->setFormat(tr("Indexing for search… %p%"));
                m_indexing->show();
            });
    connect(m_document.get(), &CaseDocument::searchIndexFinished, this,
            [this](const QString& error) {
                m_indexing->hide();
                if (!error.isEmpty())
                    statusBar()->showMessage(tr("Search indexing stopped: %1").arg(error), 10000);
            });
    m_events->setDocument(m_document.get());
    m_inspector->setDocument(m_document.get());
    m_timeline->setDocument(m_document.get());
    m_map->setDocument(m_document.get());
    m_layers->setDocument(m_document.get());
    m_notebook->setDocument(m_document.get());
    m_search->setDocument(m_document.get());
    m_sources->setDocument(m_document.get());
    m_people->setDocument(m_document.get());
    m_charts->setDocument(m_document.get());
    m_filterBar->setDocument(m_document.get());
    // Who the custody log names: the name given in the preferences, else the account's.
    if (const QString name = Preferences::load().yourName; !name.isEmpty())
        m_document->setUserName(name);
    connect(m_document->filter(), &CaseFilter::changed, this, [this] {
        m_events->reload();
        onSelectionChanged();
        refreshSummary();
    });
    connect(m_document->selection(), &CaseSelection::changed, this,
            &MainWindow::onSelectionChanged);
    // A case left with much to index (a large import, a migration) catches up in the
    // background.
    m_document->indexSearchInBackground();
    const QString reason = m_document->file().readOnlyReason();
    m_banner->setVisible(!reason.isEmpty());
    m_banner->setText(tr("Read-only: %1. Changes cannot be saved to this file.").arg(reason));
    m_stack->setCurrentWidget(m_casePage);
    if (m_events->rowCount() > 0)
        m_eventTable->selectRow(0);
    setWindowFilePath(m_document->path());
    addRecentFile(m_document->path());
    refreshSummary();
    if (!m_document->file().backupPath().isEmpty())
        statusBar()->showMessage(
            tr("The case was updated to the current format; the previous version was kept as %1")
                .arg(QDir::toNativeSeparators(m_document->file().backupPath())));
}

void MainWindow::onRecordsChanged(RecordKind kind, const QList<qint64>& eventIds) {
    if (kind == RecordKind::Event || kind == RecordKind::Place || kind == RecordKind::Citation ||
        kind == RecordKind::Source || kind == RecordKind::Tag) {
        // An edit of some events updates just their rows (the table's selection follows the
        // case's below, not the other way round).
        m_syncingSelection = true;
        const bool updated =
            kind == RecordKind::Event && !eventIds.isEmpty() && m_events->updateEvents(eventIds);
        m_syncingSelection = false;
        if (!updated)
            m_events->reload();
        EventRepository events = m_document->events();
        m_document->selection()->retain([&](qint64 id) { return events.exists(id); });
        onSelectionChanged();
    }
    refreshSummary();
}

void MainWindow::updateCounts() {
    if (!m_document) {
        m_counts->clear();
        return;
    }
    const qint64 total = m_events->totalEvents();
    qint64 shown = total;
    const FilterCriteria& c = m_document->filter()->criteria();
    if (!c.isEmpty())
        if (auto n = m_document->queries().eventCount(c))
            shown = n.value();
    const qsizetype selected = m_document->selection()->events().size();
    QString text = shown == total ? (total == 1 ? tr("1 event") : tr("%1 events").arg(total))
                                  : tr("%1 of %2 events shown").arg(shown).arg(total);
    if (selected > 0)
        text += tr(" · %1 selected").arg(selected);
    m_counts->setText(text);
}

void MainWindow::onSelectionChanged() {
    updateCounts();
    if (!m_document)
        return;
    const CaseSelection* selection = m_document->selection();
    // Mirror the shared selection in the table without echoing it back.
    m_syncingSelection = true;
    QItemSelection rows;
    for (const qint64 id : selection->events()) {
        const int row = m_events->rowOfEvent(id);
        if (row >= 0)
            rows.select(m_events->index(row, 0),
                        m_events->index(row, EventTableModel::ColumnCount - 1));
    }
    m_eventTable->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
    const int currentRow = m_events->rowOfEvent(selection->current());
    if (currentRow >= 0) {
        m_eventTable->selectionModel()->setCurrentIndex(m_events->index(currentRow, 0),
                                                        QItemSelectionModel::NoUpdate);
        m_eventTable->scrollTo(m_events->index(currentRow, 0));
    }
    m_syncingSelection = false;
    m_inspector->displayEvent(selection->current());
}

void MainWindow::refreshSummary() {
    if (!m_document)
        return;
    const QString title = m_document->title();
    setWindowTitle(tr("%1 — CaseAtlas").arg(title));
    auto counts = m_document->tableCounts();
    QStringList parts;
    if (counts)
        for (const auto& [table, n] : counts.value()) {
            if (table == u"events")
                parts << (n == 1 ? tr("1 event") : tr("%1 events").arg(n));
            else if (table == u"sources")
                parts << (n == 1 ? tr("1 source") : tr("%1 sources").arg(n));
            else if (table == u"actors")
                parts << (n == 1 ? tr("1 actor") : tr("%1 actors").arg(n));
            else if (table == u"places")
                parts << (n == 1 ? tr("1 place") : tr("%1 places").arg(n));
            else if (table == u"notes")
                parts << (n == 1 ? tr("1 note") : tr("%1 notes").arg(n));
            else if (table == u"attachments")
                parts << (n == 1 ? tr("1 attachment") : tr("%1 attachments").arg(n));
        }
    auto unsourced = m_document->queries().unsourcedEventCount();
    QString html = parts.join(u" · "_s).toHtmlEscaped();
    if (unsourced && unsourced.value() > 0) {
        parts << tr("%1 unsourced").arg(unsourced.value());
        html += u" · <span style='color:#c0392b'>"_s + parts.last().toHtmlEscaped() + u"</span>"_s;
    }
    QString text = u"<h2>%1</h2><p>%2</p>"_s.arg(title.toHtmlEscaped(), html);
    if (!m_document->filter()->criteria().isEmpty())
        text += tr("<p>The filter shows %1 of %2 events.</p>")
                    .arg(m_events->rowCount())
                    .arg(m_events->totalEvents());
    else if (m_events->totalEvents() > m_events->rowCount())
        text += tr("<p>The list shows the first %1 events.</p>").arg(m_events->rowCount());
    m_summary->setText(text);
    updateCounts();
    statusBar()->showMessage(
        tr("%1 — %2").arg(QDir::toNativeSeparators(m_document->path()), parts.join(u", "_s)));
}

QStringList MainWindow::recentFiles() const {
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::addRecentFile(const QString& path) {
    QStringList list = recentFiles();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList list = recentFiles();
    for (const QString& p : list)
        m_recentMenu->addAction(QDir::toNativeSeparators(p), this,
                                [this, p] { report(openCase(p)); });
    m_recentMenu->setEnabled(!list.isEmpty());
}

MainWindow::DropAction MainWindow::dropActionFor(const QString& path) const {
    static const QStringList records = {u"csv"_s,  u"tsv"_s,     u"txt"_s, u"xlsx"_s,    u"ods"_s,
                                        u"json"_s, u"geojson"_s, u"kml"_s, u"kmz"_s,     u"gpkg"_s,
                                        u"shp"_s,  u"zip"_s,     u"gpx"_s, u"timeline"_s};
    static const QStringList pictures = {u"tif"_s, u"tiff"_s, u"mbtiles"_s};
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"caseatlas"_s)
        return DropAction::OpenCase;
    if (!m_document || m_document->isReadOnly())
        return DropAction::None;
    if (pictures.contains(suffix))
        return DropAction::ImportLayer;
    return records.contains(suffix) ? DropAction::ImportRecords : DropAction::None;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls())
        for (const QUrl& url : event->mimeData()->urls())
            if (url.isLocalFile() && dropActionFor(url.toLocalFile()) != DropAction::None) {
                event->acceptProposedAction();
                return;
            }
}

// A case opens; a spreadsheet, dataset or GIS file goes to the import wizard; an image or
// MBTiles becomes a map layer.
void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        switch (dropActionFor(path)) {
        case DropAction::OpenCase:
            event->acceptProposedAction();
            report(openCase(path));
            return;
        case DropAction::ImportLayer:
            event->acceptProposedAction();
            importLayer(false, path);
            return;
        case DropAction::ImportRecords:
            event->acceptProposedAction();
            // After the drop has finished: the wizard is a dialog of its own.
            QTimer::singleShot(0, this, [this, path] { importFile(path); });
            return;
        case DropAction::None:
            break;
        }
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Every edit is already in the file: nothing to ask. The layout is kept for next time.
    QSettings().setValue(kGeometryKey, saveGeometry());
    QSettings().setValue(kLayoutKey, saveState(kLayoutVersion));
    setDocument(nullptr);
    event->accept();
}

void MainWindow::setLanguage(const QString& code) {
    setLanguagePreference(code);
    installLanguage(effectiveLanguage(code));
    // Everything changes at once: the panels' labels, buttons, placeholders and lists that came
    // from tr() are given again, the menus are built anew, and the views redraw what they make
    // of the case (table headers, summary, charts, the timeline's lanes, the inspector).
    retranslate(this);
    m_events->retranslate();
    const QList<QMenu*> menus =
        menuBar()->findChildren<QMenu*>(QString(), Qt::FindDirectChildrenOnly);
    menuBar()->clear();
    qDeleteAll(menus);
    m_caseActions.clear();
    buildMenus();
    for (QAction* a : m_caseActions)
        a->setEnabled(m_document != nullptr);
    updateRecentMenu();
    // The table, summary, counts, timeline and inspector redraw as after an edit; the chart at
    // once (its own redraw after an edit waits for the event loop).
    if (m_document) {
        emit m_document->recordsChanged(RecordKind::Event);
    } else {
        refreshSummary();
        updateCounts();
    }
    m_charts->reload();
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::restoreLayout() {
    m_defaultLayout = saveState(kLayoutVersion);
    restoreGeometry(QSettings().value(kGeometryKey).toByteArray());
    restoreState(QSettings().value(kLayoutKey).toByteArray(), kLayoutVersion);
}

void MainWindow::resetLayout() {
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        dock->setFloating(false);
        dock->show();
    }
    restoreState(m_defaultLayout, kLayoutVersion);
    QSettings().remove(kLayoutKey);
    sizeDefaultLayout();
}

void MainWindow::addNewEvent(const Event& event) {
    auto id = m_document->addEvent(event);
    if (!id)
        return report(id.error());
    m_document->selection()->select({id.value()}, id.value());
    m_inspector->displayEvent(id.value());
    showDock(u"inspectorDock"_s);
    // Where the new event is: in the timeline's range and on the map (once they have it).
    const qint64 from = event.earliest(), to = event.latest();
    QTimer::singleShot(0, this, [this, from, to] {
        m_timeline->bringIntoView(from, to);
        m_map->bringSelectionIntoView();
    });
}

void MainWindow::sizeDefaultLayout() {
    auto* timeline = findChild<QDockWidget*>(u"timelineDock"_s);
    auto* map = findChild<QDockWidget*>(u"mapDock"_s);
    auto* inspector = findChild<QDockWidget*>(u"inspectorDock"_s);
    if (!timeline || !map || !inspector)
        return;
    resizeDocks({inspector}, {std::max(320, width() * 3 / 10)}, Qt::Horizontal);
    resizeDocks({timeline}, {std::max(220, height() * 9 / 20)}, Qt::Vertical);
    resizeDocks({timeline, map}, {3, 2}, Qt::Horizontal);
    if (m_document) // what the views showed was fitted to their old size
        QTimer::singleShot(0, this, [this] { m_timeline->fitAll(); });
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    // A layout kept from last time stays as it was; a first start gets one fitted to its screen.
    if (!m_layoutSized) {
        m_layoutSized = true;
        if (QSettings().value(kLayoutKey).toByteArray().isEmpty())
            QTimer::singleShot(0, this, &MainWindow::sizeDefaultLayout);
    }
}

QList<std::pair<QString, QString>> MainWindow::shortcuts() const {
    QList<std::pair<QString, QString>> out;
    std::function<void(QMenu*, const QString&)> walk = [&](QMenu* menu, const QString& path) {
        for (QAction* a : menu->actions()) {
            const QString name = path + QString(a->text()).remove(u'&');
            if (a->menu())
                walk(a->menu(), name + u" ▸ "_s);
            else if (!a->shortcuts().isEmpty()) {
                QStringList keys;
                for (const QKeySequence& k : a->shortcuts())
                    keys << k.toString(QKeySequence::NativeText);
                out.append({name, keys.join(u", "_s)});
            }
        }
    };
    for (QAction* top : menuBar()->actions())
        if (top->menu())
            walk(top->menu(), QString(top->text()).remove(u'&') + u" ▸ "_s);
    // The views' own keys (TimelineView::keyPressEvent, the briefing composer).
    out.append({tr("Timeline ▸ Zoom in / out"), tr("+ / −")});
    out.append({tr("Timeline ▸ Pan"), tr("Left / Right")});
    out.append({tr("Timeline ▸ Select the previous / next event"), tr("Ctrl+Left / Ctrl+Right")});
    out.append({tr("Timeline ▸ Fit all events"), tr("Home")});
    out.append({tr("Timeline ▸ Zoom to the selection"), tr("Z")});
    out.append({tr("Timeline ▸ Scroll the lanes"), tr("Page Up / Page Down")});
    out.append({tr("Briefing ▸ Move a block up / down"), tr("Alt+Up / Alt+Down")});
    return out;
}

void MainWindow::showShortcuts() {
    QDialog dialog(this);
    dialog.setObjectName(u"shortcutsDialog"_s);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto* table = new QTableWidget(0, 2, &dialog);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    for (const auto& [action, keys] : shortcuts()) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(action));
        table->setItem(row, 1, new QTableWidgetItem(keys));
    }
    table->resizeColumnsToContents();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* column = new QVBoxLayout(&dialog);
    column->addWidget(table);
    column->addWidget(buttons);
    dialog.resize(560, 520);
    dialog.exec();
}

} // namespace caseatlas
