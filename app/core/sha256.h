#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

struct evp_md_ctx_st;

namespace caseatlas {

// SHA-256 through OpenSSL, which uses the processor's SHA instructions where it has them
// (several times faster than QCryptographicHash on large evidence files and imports).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void addData(QByteArrayView bytes);
    QByteArray result();    // the 32 bytes; the hash starts over afterwards
    QByteArray hexResult(); // the 64 lower-case hex digits

    static QByteArray hex(QByteArrayView bytes);
    // The hash of a whole file, read in large blocks; an error names the file.
    static Result<QByteArray> hexOfFile(const QString& path);

private:
    struct Free {
        void operator()(evp_md_ctx_st* ctx) const;
    };
    std::unique_ptr<evp_md_ctx_st, Free> m_ctx;
};

} // namespace caseatlas
