#pragma once

#include <QStringList>

// Watches what the test process itself opens and connects to, by interposing the C library's
// open/openat/fopen and socket/connect (the test executable exports its own definitions, which
// every library in the process — Qt, GDAL, SQLite, libcurl — calls instead of the C library's;
// they record the call and pass it on). Used to show that a hostile case makes the app read no
// file outside it and open no network connection.
namespace caseatlas::test::iowatch {

void start();
struct Seen {
    QStringList opened;      // absolute paths of every file opened since start()
    int networkSockets = 0;  // AF_INET / AF_INET6 sockets created
    QStringList connections; // addresses connect() was called with (other than AF_UNIX)
};
Seen stop();

} // namespace caseatlas::test::iowatch
