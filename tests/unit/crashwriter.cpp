// A child process for tst_crashsafety's fault suite; the parent kills it at a random moment.
//   crashwriter edit CASE FIRST     undoable edits as fast as it can, "committed N" after each
//   crashwriter update CASE CSV     an ACLED import over the same dataset's events (an update):
//                                   "updated N" once it returned
//   crashwriter import CASE CSV     an ACLED import: "committed N" once it returned, then the
//                                   lookup indexes it left: "indexes"
//   crashwriter saveas CASE TARGET  Save a Copy As: "saved" once it returned
//   crashwriter migrate CASE        opening an older case, which backs it up and updates it:
//                                   "migrated"
// Each prints "start" when the work begins (after the process has started up).
#include "io/eventimport.h"
#include "model/casedocument.h"
#include "store/caseindexes.h"

#include <QBuffer>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace caseatlas;

namespace {

void say(const char* line) {
    std::printf("%s\n", line);
    std::fflush(stdout);
}

int fail(const Error& e, int code) {
    std::fprintf(stderr, "%s\n", qPrintable(e.fullText()));
    return code;
}

int edits(const QString& path, long first);

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    const QByteArray mode = argv[1];
    const QString path = QString::fromLocal8Bit(argv[2]);
    const QString third = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString();
    if (mode == "edit")
        return edits(path, third.toLong());
    if (mode == "migrate") {
        say("start");
        auto file = CaseFile::open(path);
        if (!file)
            return fail(file.error(), 3);
        say("migrated");
        return 0;
    }
    auto file = CaseFile::open(path);
    if (!file)
        return fail(file.error(), 3);
    say("start");
    if (mode == "import") {
        auto report = importAcled(file.value(), third);
        if (!report)
            return fail(report.error(), 4);
        std::printf("committed %lld\n", qlonglong(report.value().added));
        std::fflush(stdout);
        if (auto built = buildMissingIndexes(file.value().db()); !built)
            return fail(built.error(), 5);
        say("indexes");
        return 0;
    }
    if (mode == "update") { // the same dataset again, changed: a three-way update
        auto report = importAcled(file.value(), third);
        if (!report)
            return fail(report.error(), 4);
        std::printf("updated %lld\n", qlonglong(report.value().changed));
        std::fflush(stdout);
        return 0;
    }
    if (mode == "saveas") {
        if (Status s = file.value().saveCopy(third); !s)
            return fail(s.error(), 4);
        say("saved");
        return 0;
    }
    return 2;
}

namespace {

int edits(const QString& path, long first) {
    auto doc = CaseDocument::open(path);
    if (!doc)
        return fail(doc.error(), 3);
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
        if (!s)
            return fail(s.error(), 4);
        std::printf("committed %ld\n", n);
        std::fflush(stdout);
    }
}

} // namespace
