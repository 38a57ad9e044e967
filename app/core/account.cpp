#include "core/account.h"

#include <pwd.h>
#include <unistd.h>

#include <vector>

namespace caseatlas {

QString accountName() {
    passwd entry{};
    passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found) {
        // The GECOS field: "Full Name,room,phone,…".
        const QString full = QString::fromLocal8Bit(found->pw_gecos).section(u',', 0, 0).trimmed();
        if (!full.isEmpty())
            return full;
        if (found->pw_name && *found->pw_name)
            return QString::fromLocal8Bit(found->pw_name);
    }
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    return login.isEmpty() ? QStringLiteral("unknown") : login;
}

} // namespace caseatlas
