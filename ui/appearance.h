#pragma once

#include <QString>

namespace caseatlas {

// Light or dark window colours. "system" follows the desktop: a dark platform palette, or
// GTK_THEME ending in ":dark", means dark. Kept in the user's settings.
enum class Appearance { System, Light, Dark };
Appearance appearancePreference();
void setAppearancePreference(Appearance a);
bool systemPrefersDark();
// Applies the colours to the running application (Fusion style, so both look alike
// everywhere).
void applyAppearance(Appearance a);
bool isDarkAppearance(); // what is applied now

} // namespace caseatlas
