#include "store/searchindexer.h"

#include "store/caseindexes.h"
#include "store/searchindex.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseatlas {

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
            // One pass, committed a chunk at a time: searches see the index grow.
            SearchIndex index(db.value());
            auto indexed = index.update(
                [&](qint64 done, qint64 total) {
                    emit progress(std::min(done, total), total);
                    return !m_stop;
                },
                Chunk);
            if (!indexed)
                error = indexed.error().message;
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
