// A writer child for tst_crashsafety: makes undoable edits to a case as fast as it can and
// prints "committed N" after each one returns. The parent kills it at a random moment.
#include "store/casedocument.h"

#include <QBuffer>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace caseatlas;

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    const QString path = QString::fromLocal8Bit(argv[1]);
    const long first = std::atol(argv[2]);
    auto doc = CaseDocument::open(path);
    if (!doc) {
        std::fprintf(stderr, "%s\n", qPrintable(doc.error().fullText()));
        return 3;
    }
    CaseDocument& d = *doc.value();
    for (long n = first;; ++n) {
        Status s;
        if (n % 7 == 3) {
            QByteArray bytes =
                QByteArray("evidence ") + QByteArray::number(qlonglong(n)) + QByteArray(20000, 'e');
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::ReadOnly);
            Attachment a;
            a.fileName = u"edit %1.bin"_s.arg(n);
            auto r = d.addAttachment(buffer, a);
            s = r.ok() ? Status{} : Status{r.error()};
        } else if (n % 5 == 4) {
            // An edit followed by its undo: both must be whole after a kill.
            Event e;
            e.title = u"temporary %1"_s.arg(n);
            e.start = FuzzyDate::parse(u"2024-01?"_s).value();
            auto r = d.addEvent(e);
            s = r.ok() ? Status{} : Status{r.error()};
            if (s)
                d.undoStack()->undo();
        } else {
            Event e;
            e.title = u"edit %1"_s.arg(n);
            e.start = FuzzyDate::parse(u"2023-11-12"_s).value();
            e.tags = {u"crash-test"_s, u"lane %1"_s.arg(n % 4)};
            e.values = {{u"n"_s, double(n), QString()}};
            auto r = d.addEvent(e);
            s = r.ok() ? Status{} : Status{r.error()};
        }
        if (!s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().fullText()));
            return 4;
        }
        std::printf("committed %ld\n", n);
        std::fflush(stdout);
    }
}
