// libFuzzer target: the EDTF parser. Whatever parses must print back to EDTF that parses to the
// same interval (a date that changes on a round trip through the file would be a silent error),
// and the qualifiers read from that text must be the parsed date's.
#include "domain/fuzzydate.h"

#include <cstdio>
#include <cstdlib>

using namespace caseatlas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    auto parsed = FuzzyDate::parse(text);
    if (!parsed)
        return 0;
    const FuzzyDate& d = parsed.value();
    if (d.earliest() > d.latest()) {
        std::fprintf(stderr, "earliest after latest for \"%s\"\n", qPrintable(text));
        std::abort();
    }
    (void)d.toDisplayString();
    const QString edtf = d.toEdtf();
    if (FuzzyDate::qualifiersOf(edtf.toUtf8()) != d.qualifiers()) {
        std::fprintf(stderr, "qualifiers of the text differ for \"%s\"\n", qPrintable(edtf));
        std::abort();
    }
    auto again = FuzzyDate::parse(edtf);
    if (!again || again.value().earliest() != d.earliest() ||
        again.value().latest() != d.latest()) {
        std::fprintf(stderr, "round trip changed \"%s\" → \"%s\"\n", qPrintable(text),
                     qPrintable(edtf));
        std::abort();
    }
    return 0;
}
