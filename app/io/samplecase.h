#pragma once

#include "store/casefile.h"

namespace caseatlas {

// The sample case: scam compounds in Myanmar's Kokang region, the officials' ties, the
// crackdown and the repatriations, built from one news article (see README, "Sample case").
// Writes into an empty case in one transaction.
Status writeSampleCase(CaseFile& file);

} // namespace caseatlas
