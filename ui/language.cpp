#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
const QString kKey = u"ui/language"_s;

QTranslator& appTranslator() {
    static QTranslator t;
    return t;
}
QTranslator& qtTranslator() {
    static QTranslator t;
    return t;
}
} // namespace

QStringList availableLanguages() {
    return {u"en"_s, u"zh_CN"_s, u"my"_s};
}

QString languageName(const QString& code) {
    if (code == u"zh_CN")
        return u"简体中文"_s;
    if (code == u"my")
        return u"မြန်မာ"_s;
    return u"English"_s;
}

QString languagePreference() {
    return QSettings().value(kKey).toString();
}

void setLanguagePreference(const QString& code) {
    if (code.isEmpty())
        QSettings().remove(kKey);
    else
        QSettings().setValue(kKey, code);
}

QString effectiveLanguage(const QString& preference) {
    if (!preference.isEmpty())
        return preference;
    for (const QString& ui : QLocale::system().uiLanguages()) {
        if (ui.startsWith(u"zh"_s) && !ui.contains(u"Hant"_s) && !ui.contains(u"TW"_s) &&
            !ui.contains(u"HK"_s))
            return u"zh_CN"_s;
        if (ui.startsWith(u"my"_s))
            return u"my"_s;
        if (ui.startsWith(u"en"_s))
            return u"en"_s;
    }
    return u"en"_s;
}

bool installLanguage(const QString& code) {
    QCoreApplication::removeTranslator(&appTranslator());
    QCoreApplication::removeTranslator(&qtTranslator());
    if (code.isEmpty() || code == u"en")
        return true;
    if (!appTranslator().load(u":/i18n/caseatlas_%1.qm"_s.arg(code)))
        return false;
    QCoreApplication::installTranslator(&appTranslator());
    // Qt's own dialogs (file dialogs, message boxes), when Debian has them for the language.
    if (qtTranslator().load(u"qtbase_"_s + code,
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator());
    return true;
}

} // namespace caseatlas
