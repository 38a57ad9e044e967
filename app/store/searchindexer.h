#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <thread>

namespace caseatlas {

// Brings a case's derived data up to date on a thread of its own, over its own connection to
// the file: first the lookup indexes a large import left to be built after its commit
// (caseindexes.h), one per transaction, then the full-text index, a chunk of records per
// transaction, so that edits in the window go on in between. Used after large imports: the
// events are committed and shown at once, and the rest catches up with progress.
class SearchIndexer : public QObject {
    Q_OBJECT
public:
    explicit SearchIndexer(QObject* parent = nullptr);
    ~SearchIndexer() override; // stops and waits

    // Starts indexing the case at `path` (nothing if already running).
    void start(const QString& path);
    // Asks the thread to stop after its current chunk and waits for it; what was indexed stays.
    void stop();
    bool isRunning() const { return m_running; }

    static constexpr qint64 Chunk = 20000; // records indexed per transaction

signals:
    void indexesProgress(int built, int total); // the lookup indexes
    void progress(qint64 done, qint64 total);   // the full-text index
    // `error` is empty when all was indexed (or the indexer was stopped).
    void finished(const QString& error);

private:
    std::jthread m_thread;
    std::atomic<bool> m_stop{false}, m_running{false};
};

} // namespace caseatlas
