#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace caseatlas {

// The user's preferences, kept in their settings (never in a case).
struct Preferences {
    bool imperial = false;      // distances in miles instead of kilometres
    bool readableDates = false; // the event list shows "Nov 2023?" instead of "2023-11?"
    bool gazetteerNames = true; // town and city names from the offline gazetteer on the map
    bool onlineTiles = false;   // the map fetches tiles from the address below
    QString tileAddress;        // an XYZ template with {z}, {x}, {y}
    int tileCacheMb = 200;      // fetched tiles kept on disk, at most
    QString yourName;           // who the custody log names; empty: the computer's account
    static Preferences load();
    void save() const;
};

// The folder fetched tiles are kept in, and trimming it to a size (oldest files first).
QString tileCacheDir();
qint64 trimTileCache(qint64 maxBytes); // returns the bytes left

// Edit ▸ Preferences: units, date display, map names, online tiles and their cache, language
// and appearance.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    Preferences preferences() const;
    QString language() const; // "" = the system's
    int appearance() const;   // Appearance as int

private:
    QComboBox *m_units, *m_dates, *m_language, *m_appearance;
    QCheckBox *m_names, *m_online;
    QLineEdit* m_address;
    QLineEdit* m_name;
    QSpinBox* m_cache;
};

} // namespace caseatlas
