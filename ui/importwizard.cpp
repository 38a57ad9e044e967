#include "importwizard.h"

#include "store/importmemory.h"

#include "model/casedocument.h"

#include "formhelpers.h"
#include "io/importcommands.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

const QString kPresetsKey = u"import/presets"_s;
constexpr int kPreviewRows = 20;

// A wizard page whose set-up and completeness are given as functions.
class Page : public QWizardPage {
public:
    std::function<void()> onEnter;
    std::function<bool()> complete;
    void initializePage() override {
        if (onEnter)
            onEnter();
    }
    bool isComplete() const override { return complete ? complete() : true; }
    void changed() { emit completeChanged(); }
};

QComboBox* dateOrderCombo(const QString& name) {
    auto* c = new QComboBox;
    c->setObjectName(name);
    c->addItem(QObject::tr("Automatic (EDTF, ISO, month names; plain day/month only)"), u"auto"_s);
    c->addItem(QObject::tr("Day before month (25/12/2023)"), u"dmy"_s);
    c->addItem(QObject::tr("Month before day (12/25/2023)"), u"mdy"_s);
    c->addItem(QObject::tr("Year, month, day (2023/12/25)"), u"ymd"_s);
    return c;
}

QString formatLabel(ImportFormat f) {
    switch (f) {
    case ImportFormat::Spreadsheet:
        return QObject::tr("Spreadsheet (CSV, TSV, XLSX, ODS) — choose the columns");
    case ImportFormat::Points:
        return QObject::tr("GIS points as events (GeoJSON, KML, GeoPackage, Shapefile)");
    case ImportFormat::TimelineJs:
        return QObject::tr("TimelineJS (sheet template or JSON)");
    case ImportFormat::Timeline:
        return QObject::tr("Timeline (.timeline)");
    case ImportFormat::Acled:
        return QObject::tr("ACLED export (CSV)");
    case ImportFormat::Ucdp:
        return QObject::tr("UCDP GED (CSV)");
    }
    return {};
}

} // namespace

ImportWizard::ImportWizard(CaseDocument& document, const QString& path, QWidget* parent)
    : QWizard(parent)
    , m_document(document)
    , m_path(path) {
    setWindowTitle(tr("Import %1").arg(QFileInfo(path).fileName()));
    setObjectName(u"importWizard"_s);
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage); // the import is done: only Finish is left
    fitToScreen(this, QSize(860, 600));

    // 1. The file: its format, encoding, layer and first rows.
    auto* source = new Page;
    source->setTitle(tr("The file"));
    source->setSubTitle(QDir::toNativeSeparators(path));
    auto* sourceForm = new QFormLayout;
    m_format = new QComboBox;
    m_format->setObjectName(u"importFormat"_s);
    for (ImportFormat f :
         {ImportFormat::Spreadsheet, ImportFormat::Points, ImportFormat::TimelineJs,
          ImportFormat::Timeline, ImportFormat::Acled, ImportFormat::Ucdp})
        m_format->addItem(formatLabel(f), importFormatKey(f));
    if (auto guessed = guessImportFormat(path))
        m_format->setCurrentIndex(m_format->findData(importFormatKey(*guessed)));
    m_encoding = new QComboBox;
    m_encoding->setObjectName(u"importEncoding"_s);
    m_encoding->setEditable(true);
    m_encoding->addItems({u"UTF-8"_s, u"UTF-16LE"_s, u"UTF-16BE"_s, u"windows-1252"_s,
                          u"ISO-8859-1"_s, u"GB18030"_s, u"Big5"_s, u"Shift_JIS"_s});
    m_encoding->setToolTip(tr("For CSV files without a byte order mark (files with one say their "
                              "own encoding)."));
    m_layer = new QComboBox;
    m_layer->setObjectName(u"importLayer"_s);
    sourceForm->addRow(tr("&Format:"), m_format);
    sourceForm->addRow(tr("&Encoding:"), m_encoding);
    sourceForm->addRow(tr("&Layer or sheet:"), m_layer);
    m_table = new QTableWidget;
    m_table->setObjectName(u"importPreview"_s);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setDefaultSectionSize(130);
    m_previewProblem = new QLabel;
    m_previewProblem->setTextFormat(Qt::PlainText); // shows names and values from files
    m_previewProblem->setWordWrap(true);
    m_previewProblem->setObjectName(u"importPreviewProblem"_s);
    auto* sourceLayout = new QVBoxLayout(source);
    sourceLayout->addLayout(sourceForm);
    sourceLayout->addWidget(new QLabel(tr("The first rows:")));
    sourceLayout->addWidget(m_table, 1);
    sourceLayout->addWidget(m_previewProblem);
    source->complete = [this] { return m_previewProblem->text().isEmpty(); };
    setPage(SourcePage, source);

    // 2. Which column is what.
    auto* mappingPage = new Page;
    mappingPage->setTitle(tr("Columns"));
    mappingPage->setSubTitle(tr("Choose the column that holds each field. A title and a start date "
                                "are needed; the rest is optional."));
    auto* mappingLayout = new QVBoxLayout(mappingPage);
    auto* presetRow = new QHBoxLayout;
    m_presets = new QComboBox;
    m_presets->setObjectName(u"importPresets"_s);
    auto* savePresetButton = new QPushButton(tr("&Save as Preset…"));
    auto* removePresetButton = new QPushButton(tr("&Remove Preset"));
    auto* presetLabel = new QLabel(tr("&Preset:"));
    presetLabel->setBuddy(m_presets);
    presetRow->addWidget(presetLabel);
    presetRow->addWidget(m_presets, 1);
    presetRow->addWidget(savePresetButton);
    presetRow->addWidget(removePresetButton);
    mappingLayout->addLayout(presetRow);
    auto* fieldForm = new QFormLayout;
    for (const QString& field : ColumnMapping::fields()) {
        auto* combo = new QComboBox;
        combo->setObjectName(u"importField_"_s + field);
        m_fields.insert(field, combo);
        fieldForm->addRow(ColumnMapping::fieldLabel(field) + u':', combo);
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { updateMappingCheck(); });
    }
    m_startOrder = dateOrderCombo(u"importStartOrder"_s);
    m_endOrder = dateOrderCombo(u"importEndOrder"_s);
    m_separator = new QLineEdit(u";"_s);
    m_separator->setObjectName(u"importSeparator"_s);
    m_separator->setMaximumWidth(60);
    m_resolvePlaces = new QCheckBox(tr("Find place names without coordinates in the gazetteer"));
    m_resolvePlaces->setChecked(true);
    fieldForm->addRow(tr("Start date order:"), m_startOrder);
    fieldForm->addRow(tr("End date order:"), m_endOrder);
    fieldForm->addRow(tr("Between list items:"), m_separator);
    fieldForm->addRow(QString(), m_resolvePlaces);
    for (QComboBox* c : {m_startOrder, m_endOrder})
        connect(c, &QComboBox::currentIndexChanged, this, [this] { updateMappingCheck(); });
    connect(m_separator, &QLineEdit::textChanged, this, [this] { updateMappingCheck(); });
    auto* fieldsWidget = new QWidget;
    fieldsWidget->setLayout(fieldForm);
    mappingLayout->addWidget(fieldsWidget, 1);
    m_mappingCheck = new QLabel;
    m_mappingCheck->setTextFormat(Qt::PlainText); // shows names and values from files
    m_mappingCheck->setObjectName(u"importMappingCheck"_s);
    m_mappingCheck->setWordWrap(true);
    mappingLayout->addWidget(m_mappingCheck);
    mappingPage->complete = [this] { return !mappingLayoutIncomplete(); };
    setPage(MappingPage, mappingPage);
    auto refreshPresets = [this] {
        const QString current = m_presets->currentText();
        m_presets->blockSignals(true);
        m_presets->clear();
        m_presets->addItem(tr("(guessed from the column names)"));
        m_presets->addItems(presetNames());
        m_presets->setCurrentIndex(std::max(0, m_presets->findText(current)));
        m_presets->blockSignals(false);
    };
    refreshPresets();
    connect(m_presets, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_preview)
            return;
        if (index <= 0)
            setMapping(guessMapping(m_preview->columns));
        else if (auto p = preset(m_presets->currentText()))
            setMapping(*p);
    });
    connect(savePresetButton, &QPushButton::clicked, this, [this, refreshPresets] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Save Preset"), tr("Name of the preset:"),
                                  QLineEdit::Normal, QFileInfo(m_path).baseName(), &ok)
                .trimmed();
        if (!ok || name.isEmpty())
            return;
        savePreset(name, mapping());
        refreshPresets();
        m_presets->setCurrentIndex(m_presets->findText(name));
    });
    connect(removePresetButton, &QPushButton::clicked, this, [this, refreshPresets] {
        if (m_presets->currentIndex() <= 0)
            return;
        removePreset(m_presets->currentText());
        refreshPresets();
    });

    // 3. Every row checked; bad ones skipped or the import called off.
    auto* check = new Page;
    check->setTitle(tr("Check"));
    check->setCommitPage(true);
    check->setButtonText(QWizard::CommitButton, tr("&Import"));
    auto* checkLayout = new QVBoxLayout(check);
    m_checkSummary = new QLabel;
    m_checkSummary->setTextFormat(Qt::PlainText); // shows names and values from files
    m_checkSummary->setObjectName(u"importCheckSummary"_s);
    m_checkSummary->setWordWrap(true);
    m_problems = new QListWidget;
    m_problems->setObjectName(u"importProblems"_s);
    m_problems->setWordWrap(true);
    m_skipBad = new QCheckBox(tr("&Skip the bad rows and import the rest"));
    m_skipBad->setObjectName(u"importSkipBad"_s);
    m_dataset = new QComboBox;
    m_dataset->setObjectName(u"importDataset"_s);
    m_dataset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_dataset->setMinimumContentsLength(40);
    auto* datasetLabel = new QLabel(tr("Import &as:"));
    datasetLabel->setBuddy(m_dataset);
    auto* datasetRow = new QHBoxLayout;
    datasetRow->addWidget(datasetLabel);
    datasetRow->addWidget(m_dataset, 1);
    m_previewSummary = new QLabel;
    m_previewSummary->setTextFormat(Qt::PlainText);
    m_previewSummary->setObjectName(u"importPreviewSummary"_s);
    m_previewSummary->setWordWrap(true);
    m_changes = new QListWidget;
    m_changes->setObjectName(u"importChanges"_s);
    m_changes->setWordWrap(true);
    m_datasetOrder = dateOrderCombo(u"importDatasetOrder"_s);
    m_datasetOrderRow = new QWidget;
    auto* orderRow = new QHBoxLayout(m_datasetOrderRow);
    orderRow->setContentsMargins(0, 0, 0, 0);
    auto* orderLabel = new QLabel(tr("Numeric &dates (5/9/2020):"));
    orderLabel->setBuddy(m_datasetOrder);
    orderRow->addWidget(orderLabel);
    orderRow->addWidget(m_datasetOrder, 1);
    connect(m_datasetOrder, &QComboBox::activated, this, [this] { previewImport(); });
    checkLayout->addWidget(m_checkSummary);
    checkLayout->addWidget(m_datasetOrderRow);
    checkLayout->addWidget(m_problems, 1);
    checkLayout->addWidget(m_skipBad);
    checkLayout->addLayout(datasetRow);
    checkLayout->addWidget(m_previewSummary);
    checkLayout->addWidget(m_changes, 1);
    check->onEnter = [this] {
        checkAll();
        fillDatasets();
        previewImport();
    };
    connect(m_dataset, &QComboBox::activated, this, [this] { previewImport(); });
    connect(m_skipBad, &QCheckBox::toggled, this, [this] { previewImport(); });
    check->complete = [this] {
        if (!m_previewRefusal.isEmpty())
            return false;
        const bool dataset = format() == ImportFormat::Acled || format() == ImportFormat::Ucdp;
        if (dataset)
            return true;
        return m_batch && (m_batch->events.size() > 0 || !m_batch->eras.isEmpty()) &&
               (m_batch->problems.isEmpty() ||
                (m_skipBad->isChecked() && m_batch->badRecords > 0 &&
                 m_batch->badRecords == qint64(m_batch->problems.size())));
    };
    connect(m_skipBad, &QCheckBox::toggled, check, [check] { check->changed(); });
    setPage(CheckPage, check);

    // 4. The import and its report.
    auto* done = new Page;
    done->setTitle(tr("Report"));
    auto* doneLayout = new QVBoxLayout(done);
    m_reportText = new QLabel;
    m_reportText->setTextFormat(Qt::PlainText); // shows names and values from files
    m_reportText->setObjectName(u"importReport"_s);
    m_reportText->setWordWrap(true);
    m_reportList = new QListWidget;
    m_reportList->setWordWrap(true);
    doneLayout->addWidget(m_reportText);
    doneLayout->addWidget(m_reportList, 1);
    done->onEnter = [this] { runImport(); };
    setPage(ReportPage, done);

    connect(m_format, &QComboBox::currentIndexChanged, this, [this] { reloadPreview(); });
    connect(m_encoding, &QComboBox::currentTextChanged, this, [this] { reloadPreview(); });
    connect(m_layer, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            reloadPreview();
    });
    reloadPreview();
}

bool ImportWizard::mappingLayoutIncomplete() const {
    return m_fields.value(u"title"_s)->currentData().toString().isEmpty() ||
           m_fields.value(u"start"_s)->currentData().toString().isEmpty();
}

ImportFormat ImportWizard::format() const {
    return importFormatFromKey(m_format->currentData().toString())
        .value_or(ImportFormat::Spreadsheet);
}

bool ImportWizard::usesMapping() const {
    return format() == ImportFormat::Spreadsheet || format() == ImportFormat::Points;
}

TableOptions ImportWizard::tableOptions() const {
    TableOptions o;
    o.encoding = m_encoding->currentText() == u"UTF-8"_s ? QString() : m_encoding->currentText();
    o.layer = m_layer->currentIndex() > 0 ? m_layer->currentText() : QString();
    return o;
}

ColumnMapping ImportWizard::mapping() const {
    ColumnMapping m;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        if (!it.value()->currentData().toString().isEmpty())
            m.columns.insert(it.key(), it.value()->currentData().toString());
    m.startOrder =
        dateOrderFromKey(m_startOrder->currentData().toString()).value_or(DateOrder::Auto);
    m.endOrder = dateOrderFromKey(m_endOrder->currentData().toString()).value_or(DateOrder::Auto);
    m.separator = m_separator->text().isEmpty() ? u";"_s : m_separator->text();
    m.resolvePlaces = m_resolvePlaces->isChecked();
    return m;
}

void ImportWizard::setMapping(const ColumnMapping& m) {
    m_loading = true;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const int index = it.value()->findData(m.column(it.key()));
        it.value()->setCurrentIndex(std::max(0, index));
    }
    m_startOrder->setCurrentIndex(m_startOrder->findData(dateOrderKey(m.startOrder)));
    m_endOrder->setCurrentIndex(m_endOrder->findData(dateOrderKey(m.endOrder)));
    m_separator->setText(m.separator);
    m_resolvePlaces->setChecked(m.resolvePlaces);
    m_loading = false;
    updateMappingCheck();
}

int ImportWizard::nextId() const {
    if (currentId() == SourcePage)
        return usesMapping() ? MappingPage : CheckPage;
    return QWizard::nextId();
}

void ImportWizard::reloadPreview() {
    m_preview.reset();
    m_batch.reset();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    m_previewProblem->clear();
    const ImportFormat f = format();
    const bool csv =
        QStringList{u"csv"_s, u"tsv"_s, u"txt"_s}.contains(QFileInfo(m_path).suffix().toLower());
    m_encoding->setEnabled(csv);
    auto fail = [this](const Error& e) {
        m_previewProblem->setText(e.message +
                                  (e.detail.isEmpty() ? QString() : u"\n"_s + e.detail));
    };
    if (f == ImportFormat::Timeline ||
        (f == ImportFormat::TimelineJs && !csv &&
         QFileInfo(m_path).suffix().compare(u"json"_s, Qt::CaseInsensitive) == 0)) {
        // Whole-file formats: the first events as read.
        ImportRequest request;
        request.format = f;
        auto batch = readBatch(m_path, request);
        m_layer->setEnabled(false);
        if (!batch) {
            fail(batch.error());
        } else {
            const QStringList headers = {tr("Title"), tr("Start"), tr("End"), tr("Tags"),
                                         tr("Sources")};
            m_table->setColumnCount(int(headers.size()));
            m_table->setHorizontalHeaderLabels(headers);
            const auto& events = batch.value().events;
            m_table->setRowCount(int(std::min<qsizetype>(events.size(), kPreviewRows)));
            for (int r = 0; r < m_table->rowCount(); ++r) {
                const ImportedEvent& e = events[r];
                QStringList sources;
                for (const ImportedSource& s : e.sources)
                    sources << (s.url.isEmpty() ? s.title : s.url);
                const QStringList cells = {e.title, e.startEdtf, e.endEdtf, e.tags.join(u"; "_s),
                                           sources.join(u" "_s)};
                for (int c = 0; c < cells.size(); ++c)
                    m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
            }
        }
        if (auto* page = static_cast<Page*>(this->page(SourcePage)))
            page->changed();
        return;
    }
    TableOptions o = tableOptions();
    o.maxRows = kPreviewRows;
    auto table = readTable(m_path, o);
    if (!table) {
        fail(table.error());
    } else {
        m_preview = table.value();
        m_loading = true;
        const QString layer = m_layer->currentText();
        m_layer->clear();
        m_layer->addItem(tr("(the first with rows)"));
        m_layer->addItems(m_preview->layers);
        m_layer->setCurrentIndex(std::max(0, m_layer->findText(layer)));
        m_layer->setEnabled(m_preview->layers.size() > 1);
        m_loading = false;
        QStringList headers = m_preview->columns;
        if (m_preview->hasGeometry)
            headers << tr("(point)");
        m_table->setColumnCount(int(headers.size()));
        m_table->setHorizontalHeaderLabels(headers);
        m_table->setRowCount(int(m_preview->rows.size()));
        QStringList lines;
        for (int r = 0; r < m_preview->rows.size(); ++r) {
            const ImportTable::Row& row = m_preview->rows[r];
            lines << QString::number(row.line);
            for (int c = 0; c < row.cells.size() && c < m_preview->columns.size(); ++c)
                m_table->setItem(r, c, new QTableWidgetItem(row.cells[c]));
            if (m_preview->hasGeometry && row.point)
                m_table->setItem(
                    r, int(m_preview->columns.size()),
                    new QTableWidgetItem(
                        u"%1, %2"_s.arg(row.point->lon, 0, 'f', 5).arg(row.point->lat, 0, 'f', 5)));
        }
        m_table->setVerticalHeaderLabels(lines);
        // The column choices follow the file.
        for (QComboBox* combo : std::as_const(m_fields)) {
            combo->blockSignals(true);
            combo->clear();
            combo->addItem(tr("(none)"), QString());
            for (const QString& c : m_preview->columns)
                combo->addItem(c, c);
            combo->blockSignals(false);
        }
        if (m_presets->currentIndex() > 0) {
            if (auto p = preset(m_presets->currentText()))
                setMapping(*p);
        } else {
            setMapping(guessMapping(m_preview->columns));
        }
    }
    if (auto* page = static_cast<Page*>(this->page(SourcePage)))
        page->changed();
}

void ImportWizard::updateMappingCheck() {
    if (m_loading || !m_preview)
        return;
    if (auto* page = static_cast<Page*>(this->page(MappingPage)))
        page->changed();
    if (mappingLayoutIncomplete()) {
        m_mappingCheck->setText(tr("Choose the columns of the title and the start date."));
        return;
    }
    const ImportBatch b = mapTable(*m_preview, mapping());
    QString text = tr("The first %n row(s): ", nullptr, int(m_preview->rows.size())) +
                   tr("%n read as events", nullptr, int(b.events.size()));
    if (!b.problems.isEmpty())
        text += u"; "_s + tr("%n problem(s), the first: %1", nullptr, int(b.problems.size()))
                              .arg(b.problems.first().text(QFileInfo(m_path).fileName()));
    m_mappingCheck->setText(text);
}

void ImportWizard::checkAll() {
    m_problems->clear();
    m_skipBad->setChecked(false);
    m_batch.reset();
    const ImportFormat f = format();
    m_datasetOrderRow->setVisible(f == ImportFormat::Acled || f == ImportFormat::Ucdp);
    if (f == ImportFormat::Acled || f == ImportFormat::Ucdp) {
        m_checkSummary->setText(tr("Every row is checked as it is imported. If any cannot be "
                                   "imported, nothing is written unless bad rows are to be "
                                   "skipped. A file a spreadsheet re-saved may write its dates "
                                   "as 5/9/2020: say which is the day."));
        m_skipBad->setEnabled(true);
        return;
    }
    // Reading and checking a large file shows progress after a second and can be cancelled.
    QProgressDialog progress(tr("Checking %1…").arg(QFileInfo(m_path).fileName()), tr("Cancel"), 0,
                             1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(1000);
    TableOptions options = tableOptions();
    options.progress = [&progress](qint64 done, qint64 total) {
        progress.setValue(total > 0 ? int(700 * done / total) : 0); // reading: the first 70%
        return !progress.wasCanceled();
    };
    auto mapped = [&progress](qint64 done, qint64 total) {
        progress.setValue(700 + (total > 0 ? int(300 * done / total) : 0));
    };
    QApplication::setOverrideCursor(Qt::WaitCursor);
    ImportRequest request;
    request.format = f;
    request.mapping = mapping();
    request.table = options;
    const Result<ImportBatch> batch = readBatch(m_path, request, mapped);
    QApplication::restoreOverrideCursor();
    progress.reset();
    if (!batch) {
        m_checkSummary->setText(batch.error().message);
        m_skipBad->setEnabled(false);
    } else {
        m_batch = batch.value();
        const QString name = QFileInfo(m_path).fileName();
        for (const ImportProblem& p : m_batch->problems)
            m_problems->addItem(p.text(name));
        QString summary = tr("%n event(s) ready to import", nullptr, int(m_batch->events.size()));
        if (!m_batch->eras.isEmpty())
            summary += u", "_s + tr("%n era(s)", nullptr, int(m_batch->eras.size()));
        if (m_batch->badRecords > 0)
            summary += u"; "_s + tr("%n row(s) cannot be imported (listed below): skip them, or "
                                    "cancel and fix the file.",
                                    nullptr, int(m_batch->badRecords));
        else if (!m_batch->problems.isEmpty())
            summary += u"; "_s + tr("the columns must be chosen again (go back).");
        m_checkSummary->setText(summary.endsWith(u'.') ? summary : summary + u'.');
        m_skipBad->setEnabled(m_batch->badRecords > 0 &&
                              m_batch->badRecords == qint64(m_batch->problems.size()));
    }
    m_problems->setVisible(m_problems->count() > 0); // no empty box
    if (auto* page = static_cast<Page*>(this->page(CheckPage)))
        page->changed();
}

void ImportWizard::fillDatasets() {
    m_dataset->clear();
    const ImportFormat f = format();
    if (f == ImportFormat::Acled || f == ImportFormat::Ucdp) {
        // Their ids are the same in every copy of the dataset: an update is always one.
        m_dataset->addItem(f == ImportFormat::Acled ? tr("ACLED events (new ones added, known "
                                                         "ones updated by event_id_cnty)")
                                                    : tr("UCDP events (new ones added, known "
                                                         "ones updated by id)"),
                           QString());
        m_dataset->setEnabled(false);
        return;
    }
    m_dataset->setEnabled(true);
    m_dataset->addItem(tr("New events (this file's ids are its own)"), QString());
    auto datasets = m_document.queries().importedDatasets();
    if (!datasets)
        return;
    const QString name = QFileInfo(m_path).fileName();
    int same = -1;
    for (const ImportMemory::Dataset& d : datasets.value()) {
        if (d.id == u"acled"_s || d.id == u"ucdp"_s)
            continue;
        m_dataset->addItem(tr("An update of %1, imported %2 (%n event(s))", nullptr, int(d.events))
                               .arg(d.name, QLocale().toString(d.lastImported.toLocalTime(),
                                                               QLocale::ShortFormat)),
                           d.id);
        if (d.name == name)
            same = m_dataset->count() - 1;
    }
    // A file of the same name is likely a newer copy: offered first, shown before it is done.
    if (same > 0)
        m_dataset->setCurrentIndex(same);
}

ImportOptions ImportWizard::importOptions() const {
    ImportOptions o;
    o.skipBadRows = m_skipBad->isChecked();
    o.dataset = m_dataset->currentData().toString();
    o.dateOrder =
        dateOrderFromKey(m_datasetOrder->currentData().toString()).value_or(DateOrder::Auto);
    return o;
}

void ImportWizard::previewImport() {
    m_changes->clear();
    m_previewSummary->clear();
    m_previewRefusal.clear();
    const ImportFormat f = format();
    const bool dataset = f == ImportFormat::Acled || f == ImportFormat::Ucdp;
    if (!dataset && (!m_batch || m_batch->events.isEmpty() ||
                     (!m_batch->problems.isEmpty() && !m_skipBad->isChecked())))
        return; // nothing to show until the rows are fit to import
    QProgressDialog progress(tr("Working out what the import changes…"), tr("Cancel"), 0, 1000,
                             this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(1000);
    ImportOptions o = importOptions();
    o.preview = true;
    o.progress = [&progress](qint64 done, qint64 total) {
        progress.setValue(total > 0 ? int(1000 * done / total) : 0);
        return !progress.wasCanceled();
    };
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<ImportReport> would =
        dataset
            ? importEventFile(m_document, f == ImportFormat::Ucdp ? Dataset::Ucdp : Dataset::Acled,
                              m_path, o)
            : importRecords(m_document, m_path, *m_batch, o);
    QApplication::restoreOverrideCursor();
    progress.reset();
    if (!would) {
        m_previewSummary->setText(would.error().message);
        const bool badRows = dataset && would.error().code == ErrorCode::InvalidInput &&
                             !would.error().detail.isEmpty();
        if (badRows) { // an ACLED or UCDP file's rows are first checked here: skip them, or not
            for (const QString& line : would.error().detail.split(u'\n', Qt::SkipEmptyParts))
                m_changes->addItem(line);
        } else if (!progress.wasCanceled()) {
            m_previewRefusal = would.error().message; // a public export of this case, …
        }
    } else {
        const ImportReport& r = would.value();
        m_previewSummary->setText(
            tr("It would add %1 event(s), change %2 and leave %3 as they are; %4 field(s) were "
               "changed both in the case and in the file since the last import and keep the "
               "case's value; %5 event(s) deleted in the case stay deleted.")
                .arg(r.added)
                .arg(r.changed)
                .arg(r.unchanged)
                .arg(r.conflicts.size())
                .arg(r.keptDeleted));
        for (const ImportConflict& c : r.conflicts)
            m_changes->addItem(tr("Kept: %1 — %2: the case says “%3”, the file “%4”")
                                   .arg(c.title, c.field, c.ours.left(200), c.theirs.left(200)));
        for (const ImportChange& c : r.changes)
            if (!c.added)
                m_changes->addItem(tr("Changes: %1 (%2)").arg(c.title, c.fields.join(u", "_s)));
        for (const ImportChange& c : r.changes)
            if (c.added)
                m_changes->addItem(tr("New: %1").arg(c.title));
    }
    m_changes->setVisible(m_changes->count() > 0);
    if (auto* page = static_cast<Page*>(this->page(CheckPage)))
        page->changed();
}

void ImportWizard::runImport() {
    QProgressDialog progress(tr("Importing %1…").arg(QFileInfo(m_path).fileName()), tr("Cancel"), 0,
                             1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(1000);
    ImportOptions o = importOptions();
    o.progress = [&progress](qint64 done, qint64 total) {
        progress.setValue(total > 0 ? int(1000 * done / total) : 0);
        return !progress.wasCanceled();
    };
    Result<ImportReport> done = makeError(ErrorCode::InvalidInput, QString());
    const ImportFormat f = format();
    if (f == ImportFormat::Acled || f == ImportFormat::Ucdp)
        done = importEventFile(m_document, f == ImportFormat::Ucdp ? Dataset::Ucdp : Dataset::Acled,
                               m_path, o);
    else if (m_batch)
        done = importRecords(m_document, m_path, *m_batch, o);
    progress.reset();
    m_reportList->clear();
    if (!done) {
        m_reportText->setText(tr("Nothing was imported: %1").arg(done.error().message));
        for (const QString& line : done.error().detail.split(u'\n', Qt::SkipEmptyParts))
            m_reportList->addItem(line);
        return;
    }
    m_report = done.value();
    const bool undoable = f == ImportFormat::Acled || f == ImportFormat::Ucdp
                              ? QFileInfo(m_path).size() <= kUndoableDatasetBytes
                              : m_batch && m_batch->events.size() <= kUndoableImport;
    m_reportText->setText(tr("Imported %1: %2 added, %3 changed, %4 unchanged, %5 bad rows "
                             "skipped. The import is recorded in the custody log.%6")
                              .arg(QFileInfo(m_path).fileName())
                              .arg(m_report->added)
                              .arg(m_report->changed)
                              .arg(m_report->unchanged)
                              .arg(m_report->skipped)
                              .arg(undoable ? tr(" Edit ▸ Undo takes it back.") : QString()));
    for (const ImportConflict& c : m_report->conflicts)
        m_reportList->addItem(tr("Kept: %1 — %2: the case says “%3”, the file “%4”")
                                  .arg(c.title, c.field, c.ours.left(200), c.theirs.left(200)));
    if (m_report->keptDeleted > 0)
        m_reportList->addItem(tr("%n event(s) deleted in the case stay deleted.", nullptr,
                                 int(m_report->keptDeleted)));
    for (const QString& note : m_report->notes)
        m_reportList->addItem(note);
    const QString name = QFileInfo(m_path).fileName();
    for (const ImportProblem& p : m_report->problems)
        m_reportList->addItem(tr("skipped %1").arg(p.text(name)));
    m_reportList->setVisible(m_reportList->count() > 0); // no empty box
}

QStringList ImportWizard::presetNames() {
    const QJsonObject all =
        QJsonDocument::fromJson(QSettings().value(kPresetsKey).toByteArray()).object();
    QStringList names = all.keys();
    names.sort(Qt::CaseInsensitive);
    return names;
}

std::optional<ColumnMapping> ImportWizard::preset(const QString& name) {
    const QJsonObject all =
        QJsonDocument::fromJson(QSettings().value(kPresetsKey).toByteArray()).object();
    if (!all.contains(name))
        return std::nullopt;
    auto m = ColumnMapping::fromJson(all.value(name).toObject());
    return m ? std::optional(m.value()) : std::nullopt;
}

void ImportWizard::savePreset(const QString& name, const ColumnMapping& mapping) {
    QJsonObject all =
        QJsonDocument::fromJson(QSettings().value(kPresetsKey).toByteArray()).object();
    all.insert(name, mapping.toJson());
    QSettings().setValue(kPresetsKey, QJsonDocument(all).toJson(QJsonDocument::Compact));
}

void ImportWizard::removePreset(const QString& name) {
    QJsonObject all =
        QJsonDocument::fromJson(QSettings().value(kPresetsKey).toByteArray()).object();
    all.remove(name);
    QSettings().setValue(kPresetsKey, QJsonDocument(all).toJson(QJsonDocument::Compact));
}

} // namespace caseatlas
