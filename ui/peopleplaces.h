#pragma once

#include "core/result.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;
class QTabWidget;

namespace caseatlas {

class CaseDocument;

// Actors and places of the case: names with aliases in several scripts (Chinese, Burmese,
// romanised), kinds, the protected-person flag, coordinates; places can come from the offline
// gazetteer by typing a town's name. Each shows the notes that link to it. Every change is one
// undoable step.
class PeoplePlacesPanel : public QWidget {
    Q_OBJECT
public:
    explicit PeoplePlacesPanel(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    void reload();
    void showActor(qint64 id);
    void showPlace(qint64 id);
    qint64 currentActor() const;
    qint64 currentPlace() const;
    // Adds a place from the gazetteer entry at `index` (Gazetteer::places()); returns its id.
    Result<qint64> addGazetteerPlace(qsizetype index);

public slots:
    void saveActor();
    void savePlace();

signals:
    void failed(const caseatlas::Error& error);
    void noteActivated(qint64 noteId);

private:
    void loadActor(qint64 id);
    void loadPlace(qint64 id);
    static void fillAliases(QTableWidget* table, const QList<std::pair<QString, QString>>& aliases);
    static QList<std::pair<QString, QString>> aliasesOf(QTableWidget* table);
    CaseDocument* m_document = nullptr;
    bool m_loading = false;
    QTabWidget* m_tabs;
    // actors
    QListWidget* m_actorList;
    QLineEdit* m_actorName;
    QComboBox* m_actorKind;
    QCheckBox* m_protected;
    QTableWidget* m_actorAliases;
    QPlainTextEdit* m_actorDescription;
    QListWidget* m_actorBacklinks;
    // places
    QListWidget* m_placeList;
    QLineEdit* m_placeName;
    QLineEdit* m_placeKind;
    QLineEdit* m_placeCountry;
    QLineEdit* m_placeLat;
    QLineEdit* m_placeLon;
    QTableWidget* m_placeAliases;
    QListWidget* m_placeBacklinks;
    QLineEdit* m_gazetteerBox;
    QListWidget* m_gazetteerHits;
};

} // namespace caseatlas
