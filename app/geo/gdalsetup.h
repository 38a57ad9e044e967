#pragma once

namespace caseatlas {

// Registers GDAL's drivers once, with PROJ's network access (grid downloads) turned off: only an
// online tile source the user adds on purpose ever reaches the network. Safe to call often.
void ensureGdal();

} // namespace caseatlas
