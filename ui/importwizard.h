#pragma once

#include "io/recordimport.h"

#include <QWizard>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableWidget;

namespace caseatlas {

class CaseDocument;

// File ▸ Import…: a file's format and encoding with a preview of its first rows, the columns
// mapped to fields (with presets kept in the user's settings), a check of every row with the
// choice to skip bad ones — and whether its records are new events or update those an earlier
// import of the same dataset made, with what that would add and change (and where the case and
// the file both changed a field) — then the import and its report. Nothing is written before the
// last step, and then all or nothing.
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { SourcePage, MappingPage, CheckPage, ReportPage };
    ImportWizard(CaseDocument& document, const QString& path, QWidget* parent = nullptr);

    QString path() const { return m_path; }
    ImportFormat format() const;
    TableOptions tableOptions() const;
    ColumnMapping mapping() const;
    void setMapping(const ColumnMapping& mapping);
    // The report of the import, once done.
    const std::optional<ImportReport>& report() const { return m_report; }

    // Presets: named mappings kept in the user's settings.
    static QStringList presetNames();
    static std::optional<ColumnMapping> preset(const QString& name);
    static void savePreset(const QString& name, const ColumnMapping& mapping);
    static void removePreset(const QString& name);

    int nextId() const override;

private:
    void reloadPreview();
    void updateMappingCheck();
    void checkAll();
    // What the import would do, written nowhere: events added and changed, conflicts.
    void previewImport();
    void fillDatasets();
    ImportOptions importOptions() const;
    void runImport();
    bool usesMapping() const;
    bool mappingLayoutIncomplete() const; // no title or start column chosen

    CaseDocument& m_document;
    QString m_path;
    std::optional<ImportTable> m_preview;
    std::optional<ImportBatch> m_batch; // every record, checked
    std::optional<ImportReport> m_report;

    // Source page
    QComboBox* m_format = nullptr;
    QComboBox* m_encoding = nullptr;
    QComboBox* m_layer = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_previewProblem = nullptr;
    // Mapping page
    QHash<QString, QComboBox*> m_fields;
    QComboBox* m_startOrder = nullptr;
    QComboBox* m_endOrder = nullptr;
    QLineEdit* m_separator = nullptr;
    QCheckBox* m_resolvePlaces = nullptr;
    QComboBox* m_presets = nullptr;
    QLabel* m_mappingCheck = nullptr;
    // Check page
    QLabel* m_checkSummary = nullptr;
    QListWidget* m_problems = nullptr;
    QCheckBox* m_skipBad = nullptr;
    QComboBox* m_dataset = nullptr; // new events, or the update of an earlier import
    // ACLED and UCDP re-saved by a spreadsheet: how their numeric dates are ordered.
    QComboBox* m_datasetOrder = nullptr;
    QWidget* m_datasetOrderRow = nullptr;
    QLabel* m_previewSummary = nullptr;
    QListWidget* m_changes = nullptr;
    QString m_previewRefusal; // why the file cannot be imported into this case (the preview said)
    // Report page
    QLabel* m_reportText = nullptr;
    QListWidget* m_reportList = nullptr;
    bool m_loading = false;
};

} // namespace caseatlas
