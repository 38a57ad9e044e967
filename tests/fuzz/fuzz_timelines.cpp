// libFuzzer target: the TimelineJS JSON and Timeline (.timeline XML) readers, on the same
// bytes (a file from a stranger can be either).
#include "fuzzsupport.h"
#include "io/recordimport.h"

using namespace caseatlas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString json = fuzz::writeInput(data, size, QStringLiteral("input.json"));
    if (auto batch = readTimelineJsJson(json))
        (void)batch.value().events.size();
    const QString xml = fuzz::writeInput(data, size, QStringLiteral("input.timeline"));
    if (auto batch = readTimelineXml(xml))
        (void)batch.value().events.size();
    return 0;
}
