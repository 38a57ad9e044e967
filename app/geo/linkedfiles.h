#pragma once

#include <QString>

namespace caseatlas {

// Files outside a case that its linked layers may read. A case names its linked files by path,
// and a case made elsewhere could name any file on this computer (a key, a document, a VRT that
// points at others). So a linked file is read only when the user of this computer linked it
// (importing a layer as a link allows its file) or allowed it on purpose in the Layers panel —
// kept in the user's settings, never taken from a case.
bool linkedFileAllowed(const QString& path);
void allowLinkedFile(const QString& path);

} // namespace caseatlas
