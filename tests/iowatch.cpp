#include "iowatch.h"

#include <QDir>
#include <QFileInfo>

#include <arpa/inet.h>
#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <dlfcn.h>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

std::atomic<bool> g_recording{false};
std::mutex g_mutex;
std::vector<std::string> g_opened;
std::vector<std::string> g_connections;
std::atomic<int> g_networkSockets{0};
thread_local bool t_inside = false; // recording must not record itself

template <typename F> F real(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

void recordPath(int dirfd, const char* path) {
    if (!g_recording.load(std::memory_order_relaxed) || !path || t_inside)
        return;
    t_inside = true;
    std::string full = path;
    if (path[0] != '/') {
        char base[4096] = {};
        if (dirfd == AT_FDCWD) {
            if (!getcwd(base, sizeof base - 1))
                base[0] = 0;
        } else {
            const std::string link = "/proc/self/fd/" + std::to_string(dirfd);
            const ssize_t n = readlink(link.c_str(), base, sizeof base - 1);
            base[n > 0 ? n : 0] = 0;
        }
        full = std::string(base) + "/" + path;
    }
    {
        std::lock_guard lock(g_mutex);
        g_opened.push_back(std::move(full));
    }
    t_inside = false;
}

mode_t modeOf(int flags, va_list args) {
    return (flags & (O_CREAT | O_TMPFILE)) ? mode_t(va_arg(args, int)) : 0;
}

} // namespace

extern "C" {

// open, open64, openat and openat64: record, then call the C library's with the same arguments
// (the mode only when the flags say one was passed).
#define CASEATLAS_WATCH_OPEN(name)                                                                 \
    __attribute__((visibility("default"))) int name(const char* path, int flags, ...) {            \
        va_list args;                                                                              \
        va_start(args, flags);                                                                     \
        const mode_t mode = modeOf(flags, args);                                                   \
        va_end(args);                                                                              \
        recordPath(AT_FDCWD, path);                                                                \
        static auto next = real<int (*)(const char*, int, ...)>(#name);                            \
        return next(path, flags, mode);                                                            \
    }
#define CASEATLAS_WATCH_OPENAT(name)                                                               \
    __attribute__((visibility("default"))) int name(int dirfd, const char* path, int flags, ...) { \
        va_list args;                                                                              \
        va_start(args, flags);                                                                     \
        const mode_t mode = modeOf(flags, args);                                                   \
        va_end(args);                                                                              \
        recordPath(dirfd, path);                                                                   \
        static auto next = real<int (*)(int, const char*, int, ...)>(#name);                       \
        return next(dirfd, path, flags, mode);                                                     \
    }
CASEATLAS_WATCH_OPEN(open)
CASEATLAS_WATCH_OPEN(open64)
CASEATLAS_WATCH_OPENAT(openat)
CASEATLAS_WATCH_OPENAT(openat64)

__attribute__((visibility("default"))) int __open_2(const char* path, int flags) {
    recordPath(AT_FDCWD, path);
    static auto next = real<int (*)(const char*, int)>("__open_2");
    return next(path, flags);
}

__attribute__((visibility("default"))) int __open64_2(const char* path, int flags) {
    recordPath(AT_FDCWD, path);
    static auto next = real<int (*)(const char*, int)>("__open64_2");
    return next(path, flags);
}

__attribute__((visibility("default"))) FILE* fopen(const char* path, const char* mode) {
    recordPath(AT_FDCWD, path);
    static auto next = real<FILE* (*)(const char*, const char*)>("fopen");
    return next(path, mode);
}

__attribute__((visibility("default"))) FILE* fopen64(const char* path, const char* mode) {
    recordPath(AT_FDCWD, path);
    static auto next = real<FILE* (*)(const char*, const char*)>("fopen64");
    return next(path, mode);
}

__attribute__((visibility("default"))) int socket(int domain, int type, int protocol) {
    if (g_recording.load() && (domain == AF_INET || domain == AF_INET6))
        ++g_networkSockets;
    static auto next = real<int (*)(int, int, int)>("socket");
    return next(domain, type, protocol);
}

__attribute__((visibility("default"))) int connect(int fd, const struct sockaddr* address,
                                                   socklen_t length) {
    if (g_recording.load() && address && address->sa_family != AF_UNIX && !t_inside) {
        t_inside = true;
        char text[INET6_ADDRSTRLEN] = "?";
        if (address->sa_family == AF_INET)
            inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text,
                      sizeof text);
        else if (address->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
                      sizeof text);
        {
            std::lock_guard lock(g_mutex);
            g_connections.emplace_back(text);
        }
        t_inside = false;
    }
    static auto next = real<int (*)(int, const struct sockaddr*, socklen_t)>("connect");
    return next(fd, address, length);
}

} // extern "C"

namespace caseatlas::test::iowatch {

void start() {
    {
        std::lock_guard lock(g_mutex);
        g_opened.clear();
        g_connections.clear();
    }
    g_networkSockets = 0;
    g_recording = true;
}

Seen stop() {
    g_recording = false;
    Seen seen;
    std::lock_guard lock(g_mutex);
    for (const std::string& p : g_opened)
        seen.opened << QDir::cleanPath(QString::fromLocal8Bit(p.c_str()));
    seen.opened.removeDuplicates();
    for (const std::string& c : g_connections)
        seen.connections << QString::fromLatin1(c.c_str());
    seen.networkSockets = g_networkSockets.load();
    return seen;
}

} // namespace caseatlas::test::iowatch
