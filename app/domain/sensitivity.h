#pragma once

#include <QString>

#include <optional>

namespace caseatlas {

// Who may see a record. Export profiles decide what leaves the case by this level.
enum class Sensitivity { Public, Internal, Confidential };

QString sensitivityKey(Sensitivity s); // "public", "internal", "confidential" (stored text)
std::optional<Sensitivity> sensitivityFromKey(const QString& key);

// Who an export is for. `public` drops confidential records and internal fields, replaces
// protected persons by stable pseudonyms (in every text, aliases included) and coarsens the
// coordinates of internal events to a grid; `internal` drops confidential records; `full`
// keeps everything.
enum class ExportProfile { Public, Internal, Full };
QString exportProfileKey(ExportProfile p); // "public", "internal", "full"
std::optional<ExportProfile> exportProfileFromKey(const QString& key);

} // namespace caseatlas
