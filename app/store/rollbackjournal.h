#pragma once

#include <QString>

namespace caseatlas {

// The rollback journal beside a database ("NAME-journal"), read without SQLite.
//
// SQLite plays a hot journal back on the first writable connection, and a journal may end with
// the name of a "super-journal" (used when one transaction wrote several databases) — a file
// SQLite then opens and deletes. A journal that arrives with a case from elsewhere could name
// any file, so it is read here before any writable connection to the case is made: CaseAtlas
// never writes several databases in one transaction, and a journal naming a super-journal, or
// one that does not start as SQLite's journals do, refuses the case.
struct RollbackJournal {
    enum class Kind {
        None,         // no journal, or an empty one
        Dead,         // its first byte is zero: SQLite never plays it back (a writer killed
                      // before the journal was synced)
        Valid,        // a journal header SQLite would play back
        SuperJournal, // names another file that SQLite would delete after playing it back
        Foreign,      // not a journal SQLite wrote for this database
    };
    Kind kind = Kind::None;
    QString path;         // NAME-journal
    QString superJournal; // the file named, when kind == SuperJournal (at most 200 characters)
    QString problem;      // why it is Foreign, for the message's detail

    static QString pathFor(const QString& databasePath);
    // Reads the journal's header and end; the database's own header gives its page size.
    static RollbackJournal inspect(const QString& databasePath);
};

// The page size an SQLite file's header gives, read without SQLite (so without playing a journal
// back); 0 when the file cannot be read or is shorter than a header.
quint32 databasePageSize(const QString& databasePath);

} // namespace caseatlas
