#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace caseatlas {

// The languages the window speaks: English (the source), Simplified Chinese (complete) and
// Burmese (the menus and docks). "" follows the system.
QStringList availableLanguages();          // "en", "zh_CN", "my"
QString languageName(const QString& code); // in the language itself: "简体中文", …
// The saved choice ("" = follow the system).
QString languagePreference();
void setLanguagePreference(const QString& code);
// The language to use for a preference: the system's when it is "" (and one we have).
QString effectiveLanguage(const QString& preference);
// Installs CaseAtlas's and Qt's own translations for `code` (replacing the previous ones);
// false when CaseAtlas has none for it (English is then used).
bool installLanguage(const QString& code);
// Makes sure every tr() is remembered from now on (installLanguage does it; a window calls it so
// that it works without a language installed, e.g. in tests).
void watchTranslations();
// A text the window was given by tr(), in the language now installed; other texts unchanged.
QString retranslated(const QString& shown);
// Every label, button, placeholder, combo item, tab, header and tooltip under `root` that came
// from tr(), given again in the language now installed: a switch of language is complete at
// once. Texts made from figures ("16 events") are the views' to refresh.
void retranslate(QWidget* root);

} // namespace caseatlas
