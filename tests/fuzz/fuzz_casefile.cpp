// libFuzzer target: opening a case file from a stranger (mutated from the seed cases): it is
// refused with a message or opened; never a crash, never a write to the input. An opened case is
// then read as the window reads it: the time index and the map's data (layers, tile matrices,
// geometries, places, movements).
#include "fuzzsupport.h"
#include "store/casefile.h"
#include "model/casemapdata.h"
#include "model/timeindex.h"

using namespace caseatlas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString path = fuzz::writeInput(data, size, QStringLiteral("input.caseatlas"));
    if (auto file = CaseFile::open(path, CaseFile::Access::ReadOnly)) {
        (void)file.value().meta(QStringLiteral("title"));
        (void)file.value().integrityProblems(true);
        (void)TimeIndex::load(file.value().db());
        (void)CaseMapData::load(file.value().db());
    }
    return 0;
}
