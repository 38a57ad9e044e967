#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace caseatlas {

// What kind of failure happened; callers branch on this, users read the message.
enum class ErrorCode {
    Missing,          // the path does not exist
    IsDirectory,      // the path is a folder
    Empty,            // a zero-byte file
    TextFile,         // readable text, not a database
    NotSqlite,        // not an SQLite database at all
    Truncated,        // an SQLite file shorter than its header says
    Corrupt,          // integrity check failed
    NotGeoPackage,    // an SQLite database that is not a GeoPackage
    PlainGeoPackage,  // a GeoPackage that is not a case: offer to import its layers
    NewerSchema,      // written by a newer CaseAtlas than this one
    UnexpectedSchema, // tables, triggers or views that a case must not have
    AlreadyExists,    // refusing to overwrite
    ReadOnly,         // the case is open read-only
    NotFound,         // a record id that does not exist
    InvalidInput,     // a value that does not parse or is out of range
    Unreadable,       // an input file (to import, attach, link) exists but cannot be read
    Io,               // reading or writing failed
    Database,         // SQLite reported an error
    AlreadyOpen,      // the case is open in another window or CaseAtlas process
};

struct Error {
    ErrorCode code = ErrorCode::InvalidInput;
    QString message; // one sentence a user can act on
    QString detail;  // technical detail (SQLite message, path, offsets)

    QString fullText() const {
        return detail.isEmpty() ? message
                                : message + QStringLiteral(" (") + detail + QLatin1Char(')');
    }
};

// A value or an error. Functions below the UI return these instead of throwing or showing dialogs.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_data(std::move(value)) {}
    Result(Error error)
        : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_data); }
    T& value() & { return std::get<T>(m_data); }
    // By value, so that `for (x : f().value())` does not refer into a destroyed temporary.
    T value() && { return std::get<T>(std::move(m_data)); }
    const Error& error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

inline Error makeError(ErrorCode code, QString message, QString detail = {}) {
    return Error{code, std::move(message), std::move(detail)};
}

} // namespace caseatlas

// Returns early with the error of a failed Result/Status expression.
#define CA_TRY(expr)                                                                               \
    do {                                                                                           \
        auto&& ca_try_result_ = (expr);                                                            \
        if (!ca_try_result_.ok())                                                                  \
            return ca_try_result_.error();                                                         \
    } while (false)
