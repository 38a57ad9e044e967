#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <thread>

namespace caseatlas {

// Brings a case's full-text index up to date on a thread of its own, over its own connection
// to the file, a chunk of records per transaction so that edits in the window go on in
// between. Used after large imports: the events are committed and shown at once, and search
// catches up with progress.
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

signals:
    void progress(qint64 done, qint64 total);
    // `error` is empty when all was indexed (or the indexer was stopped).
    void finished(const QString& error);

private:
    std::jthread m_thread;
    std::atomic<bool> m_stop{false}, m_running{false};
};

} // namespace caseatlas
