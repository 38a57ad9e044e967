// libFuzzer target: the ACLED and UCDP importers, each into a case of its own made once. A bad
// row rolls the import back, so the cases stay small; good rows become events.
#include "fuzzsupport.h"
#include "io/eventimport.h"
#include "store/casefile.h"

#include <optional>

using namespace caseatlas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static std::optional<CaseFile> acled, ucdp;
    if (!acled) {
        auto a = CaseFile::create(fuzz::folder().filePath(QStringLiteral("acled.caseatlas")),
                                  QStringLiteral("fuzz"));
        auto u = CaseFile::create(fuzz::folder().filePath(QStringLiteral("ucdp.caseatlas")),
                                  QStringLiteral("fuzz"));
        if (!a || !u)
            return 0;
        acled.emplace(std::move(a).value());
        ucdp.emplace(std::move(u).value());
    }
    const QString path = fuzz::writeInput(data, size, QStringLiteral("input.csv"));
    (void)importAcled(*acled, path);
    (void)importUcdp(*ucdp, path);
    return 0;
}
