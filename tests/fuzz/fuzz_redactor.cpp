// libFuzzer target: the cleaning of exported text. The first line is a name to hide, the rest a
// text; once cleaned, the text must not hold the name in any form a reader would see (its
// matching form: references resolved, Unicode composed, white space and soft hyphens folded).
#include "model/redactor.h"

#include <cstdio>
#include <cstdlib>

using namespace caseatlas;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString input = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const qsizetype newline = input.indexOf(u'\n');
    if (newline < 0)
        return 0;
    const QString name = input.left(newline), text = input.mid(newline + 1);
    Redactor r;
    r.add(name, u"[withheld]"_s);
    if (r.isEmpty())
        return 0;
    const QString form = Redactor::matchingForm(name).trimmed().toCaseFolded();
    if (Redactor::matchingForm(u"[withheld]"_s).toCaseFolded().contains(form))
        return 0; // the stand-in itself holds the name
    const QString cleaned = r.clean(text);
    if (Redactor::matchingForm(cleaned).toCaseFolded().contains(form)) {
        std::fprintf(stderr, "\"%s\" left in \"%s\"\n", qPrintable(name), qPrintable(cleaned));
        std::abort();
    }
    return 0;
}
