#include "core/sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <openssl/evp.h>

using namespace Qt::StringLiterals;

namespace caseatlas {

void Sha256::Free::operator()(evp_md_ctx_st* ctx) const {
    EVP_MD_CTX_free(ctx);
}

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new()) {
    EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr);
}

Sha256::~Sha256() = default;

void Sha256::addData(QByteArrayView bytes) {
    EVP_DigestUpdate(m_ctx.get(), bytes.data(), size_t(bytes.size()));
}

QByteArray Sha256::result() {
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int size = 0;
    EVP_DigestFinal_ex(m_ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &size);
    out.truncate(int(size));
    EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr);
    return out;
}

QByteArray Sha256::hexResult() {
    return result().toHex();
}

QByteArray Sha256::hex(QByteArrayView bytes) {
    Sha256 hash;
    hash.addData(bytes);
    return hash.hexResult();
}

Result<QByteArray> Sha256::hexOfFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("caseatlas", "%1 cannot be read.")
                             .arg(QDir::toNativeSeparators(path)),
                         f.errorString());
    Sha256 hash;
    QByteArray block(4 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(block.data(), block.size());
        if (n < 0)
            return makeError(
                ErrorCode::Io,
                QCoreApplication::translate("caseatlas", "%1 could not be read completely.")
                    .arg(QDir::toNativeSeparators(path)),
                f.errorString());
        if (n == 0)
            break;
        hash.addData(QByteArrayView(block.constData(), n));
    }
    return hash.hexResult();
}

} // namespace caseatlas
