#pragma once

#include <QString>

namespace caseatlas {

// Who is at this computer, for the custody log when the user has not said (Edit ▸ Preferences):
// the account's full name, else its login name — never "unknown" on a desktop.
QString accountName();

} // namespace caseatlas
