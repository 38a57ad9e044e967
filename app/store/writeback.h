#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

namespace caseatlas {

class SqliteDatabase;

// While it lives, a long write (a large import, a synthetic case) has the kernel start writing
// the case file's changed pages to disk every quarter second, without waiting for them: the
// disk works while the rows are still being made, and the commit's sync finds little left.
// (A 1M-row import's commit waited 0.5 s for the 785 MB written before it; the kernel itself
// starts only when a tenth of the memory is waiting to be written.) Durability is unchanged:
// the commit still syncs. Linux only (sync_file_range on SQLite's own descriptor of the file,
// found among the process's open files); elsewhere, or if the file is not found, it does
// nothing.
class BackgroundWriteBack {
public:
    explicit BackgroundWriteBack(SqliteDatabase& db);
    ~BackgroundWriteBack();
    BackgroundWriteBack(const BackgroundWriteBack&) = delete;
    BackgroundWriteBack& operator=(const BackgroundWriteBack&) = delete;

    // The descriptor it found for the file, or -1.
    int descriptor() const { return m_fd; }

private:
    int m_fd = -1;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace caseatlas
