#pragma once

#include <QString>

#include <optional>

namespace caseatlas {

// Who may see a record. Export profiles decide what leaves the case by this level.
enum class Sensitivity { Public, Internal, Confidential };

QString sensitivityKey(Sensitivity s); // "public", "internal", "confidential" (stored text)
std::optional<Sensitivity> sensitivityFromKey(const QString& key);

} // namespace caseatlas
