#pragma once

#include <QStringList>
#include <QTextStream>

namespace caseatlas {

// `caseatlas <subcommand> …`: the headless entry points. Exit codes:
// 0 success; 1 problems found (check); 2 usage error; 3 the case could not be opened or
// created; 4 writing failed.
class CommandLine {
public:
    enum Exit { Ok = 0, ProblemsFound = 1, Usage = 2, CannotOpen = 3, WriteFailed = 4 };

    // True when the arguments ask for the command line rather than the window.
    static bool wantsCommandLine(const QStringList& arguments);
    // True when the command draws (and so needs a QGuiApplication for fonts).
    static bool needsFonts(const QStringList& arguments);
    static int run(const QStringList& arguments, QTextStream& out, QTextStream& err);
    // Process-wide settings of the libraries, for main() to call first, before any thread or
    // connection (the window's too): see SqliteDatabase::configureLibrary.
    static void configureProcess();
};

} // namespace caseatlas
