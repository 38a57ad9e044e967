#include "preferences.h"
#include "core/account.h"

#include "appearance.h"
#include "language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseatlas {

Preferences Preferences::load() {
    QSettings s;
    Preferences p;
    p.imperial = s.value(u"prefs/units"_s).toString() == u"imperial";
    p.readableDates = s.value(u"prefs/dates"_s).toString() == u"readable";
    p.gazetteerNames = s.value(u"map/gazetteerNames"_s, true).toBool();
    p.onlineTiles = s.value(u"map/onlineTilesOn"_s, false).toBool();
    p.tileAddress = s.value(u"map/onlineTilesUrl"_s).toString();
    p.tileCacheMb = std::clamp(s.value(u"map/tileCacheMb"_s, 200).toInt(), 10, 100000);
    p.yourName = s.value(u"prefs/name"_s).toString().trimmed().left(200);
    return p;
}

void Preferences::save() const {
    QSettings s;
    s.setValue(u"prefs/units"_s, imperial ? u"imperial"_s : u"metric"_s);
    s.setValue(u"prefs/dates"_s, readableDates ? u"readable"_s : u"edtf"_s);
    s.setValue(u"map/gazetteerNames"_s, gazetteerNames);
    s.setValue(u"map/onlineTilesOn"_s, onlineTiles && !tileAddress.trimmed().isEmpty());
    s.setValue(u"map/onlineTilesUrl"_s, tileAddress.trimmed());
    s.setValue(u"map/tileCacheMb"_s, tileCacheMb);
    s.setValue(u"prefs/name"_s, yourName.trimmed());
}

QString tileCacheDir() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(u"tiles"_s);
}

qint64 trimTileCache(qint64 maxBytes) {
    QList<QFileInfo> files;
    qint64 total = 0;
    for (QDirIterator it(tileCacheDir(), QDir::Files, QDirIterator::Subdirectories);
         it.hasNext();) {
        it.next();
        files << it.fileInfo();
        total += it.fileInfo().size();
    }
    std::sort(files.begin(), files.end(), [](const QFileInfo& a, const QFileInfo& b) {
        return a.lastModified() < b.lastModified();
    });
    for (const QFileInfo& f : files) {
        if (total <= maxBytes)
            break;
        if (QFile::remove(f.absoluteFilePath()))
            total -= f.size();
    }
    return total;
}

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent) {
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));
    const Preferences p = Preferences::load();
    m_name = new QLineEdit(p.yourName);
    m_name->setObjectName(u"prefName"_s);
    m_name->setPlaceholderText(accountName());
    m_name->setToolTip(tr("Every import, export, briefing and piece of evidence is recorded in a "
                          "case's custody log under this name."));
    m_units = new QComboBox;
    m_units->setObjectName(u"prefUnits"_s);
    m_units->addItem(tr("Kilometres and metres"), false);
    m_units->addItem(tr("Miles and feet"), true);
    m_units->setCurrentIndex(p.imperial ? 1 : 0);
    m_dates = new QComboBox;
    m_dates->setObjectName(u"prefDates"_s);
    m_dates->addItem(tr("As written (EDTF: 2023-11?)"), false);
    m_dates->addItem(tr("In words (Nov 2023?)"), true);
    m_dates->setCurrentIndex(p.readableDates ? 1 : 0);
    m_names = new QCheckBox(tr("Town and city names from the offline gazetteer"));
    m_names->setObjectName(u"prefGazetteerNames"_s);
    m_names->setChecked(p.gazetteerNames);
    m_online = new QCheckBox(tr("Fetch map tiles from the internet"));
    m_online->setObjectName(u"prefOnlineTiles"_s);
    m_online->setChecked(p.onlineTiles);
    m_address = new QLineEdit(p.tileAddress);
    m_address->setObjectName(u"prefTileAddress"_s);
    m_address->setPlaceholderText(u"https://tile.example.org/{z}/{x}/{y}.png"_s);
    m_cache = new QSpinBox;
    m_cache->setObjectName(u"prefTileCache"_s);
    m_cache->setRange(10, 100000);
    m_cache->setSuffix(tr(" MB"));
    m_cache->setValue(p.tileCacheMb);
    auto* clear = new QPushButton(tr("Empty the Cache"));
    clear->setObjectName(u"prefClearCache"_s);
    connect(clear, &QPushButton::clicked, this, [] { trimTileCache(0); });
    auto* cacheRow = new QHBoxLayout;
    cacheRow->addWidget(m_cache, 1);
    cacheRow->addWidget(clear);
    m_language = new QComboBox;
    m_language->setObjectName(u"prefLanguage"_s);
    m_language->addItem(tr("Follow the System"), QString());
    for (const QString& code : availableLanguages())
        m_language->addItem(languageName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(languagePreference())));
    m_appearance = new QComboBox;
    m_appearance->setObjectName(u"prefAppearance"_s);
    m_appearance->addItem(tr("Follow the System"), int(Appearance::System));
    m_appearance->addItem(tr("Light"), int(Appearance::Light));
    m_appearance->addItem(tr("Dark"), int(Appearance::Dark));
    m_appearance->setCurrentIndex(std::max(0, m_appearance->findData(int(appearancePreference()))));

    auto* form = new QFormLayout(this);
    form->addRow(tr("Your &name:"), m_name);
    form->addRow(tr("&Distances:"), m_units);
    form->addRow(tr("Dates in the &list:"), m_dates);
    form->addRow(tr("Map:"), m_names);
    form->addRow(QString(), m_online);
    form->addRow(tr("Tile &address:"), m_address);
    form->addRow(tr("Tile &cache:"), cacheRow);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("A&ppearance:"), m_appearance);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Preferences PreferencesDialog::preferences() const {
    Preferences p;
    p.yourName = m_name->text().trimmed();
    p.imperial = m_units->currentData().toBool();
    p.readableDates = m_dates->currentData().toBool();
    p.gazetteerNames = m_names->isChecked();
    p.onlineTiles = m_online->isChecked();
    p.tileAddress = m_address->text().trimmed();
    p.tileCacheMb = m_cache->value();
    return p;
}

QString PreferencesDialog::language() const {
    return m_language->currentData().toString();
}

int PreferencesDialog::appearance() const {
    return m_appearance->currentData().toInt();
}

} // namespace caseatlas
