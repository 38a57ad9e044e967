#pragma once

#include <QString>
#include <QStringList>

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

} // namespace caseatlas
