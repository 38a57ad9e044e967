#include "store/searchindexer.h"

#include "store/caseindexes.h"
#include "store/searchindex.h"

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
constexpr qint64 kChunk = 20000; // records per transaction
}

SearchIndexer::SearchIndexer(QObject* parent)
    : QObject(parent) {}

SearchIndexer::~SearchIndexer() {
    stop();
}

void SearchIndexer::start(const QString& path) {
    if (m_running)
        return;
    if (m_thread.joinable())
        m_thread.join();
    m_stop = false;
    m_running = true;
    m_thread = std::jthread([this, path] {
        QString error;
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
        if (!db) {
            error = db.error().message;
        } else if (auto built = buildMissingIndexes(db.value(),
                                                    [&](int done, int total) {
                                                        emit indexesProgress(done, total);
                                                        return !m_stop;
                                                    });
                   !built) {
            error = built.error().message;
        } else {
            SearchIndex index(db.value());
            const auto total = index.pending();
            qint64 done = 0;
            while (total && !m_stop) {
                // One chunk: update() commits what it did when told to stop.
                auto indexed = index.update([&](qint64 chunkDone, qint64) {
                    emit progress(std::min(done + chunkDone, total.value()), total.value());
                    return !m_stop && chunkDone < kChunk;
                });
                if (!indexed) {
                    error = indexed.error().message;
                    break;
                }
                if (indexed.value() == 0)
                    break;
                done += indexed.value();
            }
            if (!total)
                error = total.error().message;
        }
        m_running = false;
        emit finished(error);
    });
}

void SearchIndexer::stop() {
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace caseatlas
