#include "store/writeback.h"

#include "store/sqlite.h"

#include <sqlite3.h>

#include <chrono>

#ifdef __linux__
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#endif

namespace caseatlas {

namespace {

#ifdef __linux__
// The descriptor through which this process has the file open (SQLite's; none is opened here:
// closing a second descriptor of a database file would drop SQLite's locks on it).
int openDescriptorOf(const char* path, struct stat& file) {
    if (!path || !*path || ::stat(path, &file) != 0)
        return -1;
    DIR* dir = ::opendir("/proc/self/fd");
    if (!dir)
        return -1;
    int found = -1;
    while (dirent* entry = ::readdir(dir)) {
        char* end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end || fd == ::dirfd(dir))
            continue;
        struct stat held {};
        if (::fstat(int(fd), &held) == 0 && held.st_dev == file.st_dev &&
            held.st_ino == file.st_ino && (::fcntl(int(fd), F_GETFL) & O_ACCMODE) != O_RDONLY) {
            found = int(fd);
            break;
        }
    }
    ::closedir(dir);
    return found;
}
#endif

} // namespace

BackgroundWriteBack::BackgroundWriteBack(SqliteDatabase& db) {
#ifdef __linux__
    if (!db.isOpen() || db.isReadOnly())
        return;
    struct stat file {};
    m_fd = openDescriptorOf(sqlite3_db_filename(db.handle(), "main"), file);
    if (m_fd < 0)
        return;
    m_thread = std::thread([this, file] {
        std::unique_lock lock(m_mutex);
        while (!m_wake.wait_for(lock, std::chrono::milliseconds(250), [this] { return m_stop; })) {
            // The descriptor is SQLite's and stays open while the connection does (the owner
            // of this object keeps it open); checked all the same before each use.
            struct stat now {};
            if (::fstat(m_fd, &now) != 0 || now.st_dev != file.st_dev || now.st_ino != file.st_ino)
                return;
            lock.unlock();
            ::sync_file_range(m_fd, 0, 0, SYNC_FILE_RANGE_WRITE);
            lock.lock();
        }
    });
#else
    (void)db;
#endif
}

BackgroundWriteBack::~BackgroundWriteBack() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace caseatlas
