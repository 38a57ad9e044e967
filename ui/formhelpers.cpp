#include "formhelpers.h"

#include <QCoreApplication>

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QListWidgetItem>
#include <QLocale>
#include <QScreen>

using namespace Qt::StringLiterals;

namespace caseatlas {

QString shownKey(const QString& key) {
    // The stored keys of statuses, sensitivities, precisions and kinds, for lupdate.
    static const char* const keys[] = {QT_TRANSLATE_NOOP("caseatlas::Keys", "draft"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "corroborated"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "disputed"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "public"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "internal"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "confidential"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "exact"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "approximate"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "admin-area"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "country"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "unknown"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "web-page"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "document"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "report"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "interview"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "social-post"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "image"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "video"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "dataset"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "other"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "person"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "organisation"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "group"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "state-body"),
                                       // Actors' roles as the field names them (free text:
                                       // others are shown as typed).
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "perpetrator"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "victim"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "witness"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "official"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "target"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "suspect"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "source"),
                                       QT_TRANSLATE_NOOP("caseatlas::Keys", "media")};
    Q_UNUSED(keys);
    return QCoreApplication::translate("caseatlas::Keys", key.toUtf8().constData());
}

void fitToScreen(QWidget* window, const QSize& wanted) {
    const QScreen* screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    QSize room = screen ? screen->availableGeometry().size() - QSize(40, 80) : wanted;
    room = room.expandedTo(window->minimumSizeHint());
    window->resize(wanted.boundedTo(room));
}

void addDialogButtons(QDialog* dialog, QFormLayout* form) {
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    form->addRow(buttons);
}

QComboBox* reliabilityCombo(Reliability current) {
    auto* combo = new QComboBox;
    for (Reliability r : {Reliability::A, Reliability::B, Reliability::C, Reliability::D,
                          Reliability::E, Reliability::F})
        combo->addItem(u"%1 — %2"_s.arg(reliabilityLetter(r)).arg(reliabilityDescription(r)),
                       QString(reliabilityLetter(r)));
    combo->setCurrentIndex(int(current));
    return combo;
}

Reliability reliabilityOf(const QComboBox* combo, Reliability fallback) {
    const QString letter = combo->currentData().toString();
    return letter.isEmpty() ? fallback : reliabilityFromLetter(letter.at(0)).value_or(fallback);
}

QComboBox* sensitivityCombo() {
    auto* combo = new QComboBox;
    for (Sensitivity s : {Sensitivity::Public, Sensitivity::Internal, Sensitivity::Confidential})
        combo->addItem(shownKey(sensitivityKey(s)), sensitivityKey(s));
    return combo;
}

QString gazetteerEntryText(const Gazetteer::Place& place, const QString& typed) {
    const Gazetteer& g = Gazetteer::shared();
    const QString other = Gazetteer::matchedName(place, typed);
    QString text = other.isEmpty() ? place.name : u"%1 (%2)"_s.arg(place.name, other);
    if (place.isArea())
        text += u" ("_s + QCoreApplication::translate("caseatlas", "administrative area") + u')';
    text += u", "_s + g.countryCode(place) +
            u" — %1, %2"_s.arg(place.lat, 0, 'f', 3).arg(place.lon, 0, 'f', 3);
    if (place.population > 0)
        text += u" · "_s + QCoreApplication::translate("caseatlas", "%1 people")
                               .arg(QLocale().toString(place.population));
    return text;
}

QListWidgetItem* gazetteerNoResultItem(const QString& typed) {
    auto* item = new QListWidgetItem(
        QCoreApplication::translate("caseatlas",
                                    "No place called \u201c%1\u201d in the offline gazetteer "
                                    "(GeoNames places of about 500 people or more). Try another "
                                    "spelling, or add the place in People & Places with its "
                                    "coordinates, or click it on the map.")
            .arg(typed.trimmed()));
    item->setFlags(Qt::NoItemFlags);
    return item;
}

} // namespace caseatlas
