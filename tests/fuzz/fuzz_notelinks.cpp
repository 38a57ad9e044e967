// libFuzzer target: the note link parser ([[event:12|label]] in Markdown notes).
#include "domain/note.h"

using namespace caseatlas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString body = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const NoteLink& link : parseNoteLinks(body))
        (void)linkTargetKey(link.kind);
    return 0;
}
