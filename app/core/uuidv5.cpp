#include "core/uuidv5.h"

#include <openssl/evp.h>

#include <cstring>

namespace caseatlas {

UuidV5::UuidV5(const QUuid& space)
    : m_space(space)
    , m_ctx(EVP_MD_CTX_new())
    , m_sha1(EVP_MD_fetch(nullptr, "SHA1", nullptr)) {
    const QByteArray bytes = space.toRfc4122(); // network byte order, as the hash takes it
    std::memcpy(m_spaceBytes.data(), bytes.constData(), m_spaceBytes.size());
}

UuidV5::~UuidV5() {
    EVP_MD_free(m_sha1);
    EVP_MD_CTX_free(m_ctx);
}

void UuidV5::write(QByteArrayView prefix, QByteArrayView name, char* out) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!m_ctx || !m_sha1 || !EVP_DigestInit_ex2(m_ctx, m_sha1, nullptr) ||
        !EVP_DigestUpdate(m_ctx, m_spaceBytes.data(), m_spaceBytes.size()) ||
        !EVP_DigestUpdate(m_ctx, prefix.data(), size_t(prefix.size())) ||
        !EVP_DigestUpdate(m_ctx, name.data(), size_t(name.size())) ||
        !EVP_DigestFinal_ex(m_ctx, digest, &size) || size < 16) {
        const QByteArray uuid =
            QUuid::createUuidV5(m_space, prefix.toByteArray() + name.toByteArray())
                .toByteArray(QUuid::WithoutBraces);
        std::memcpy(out, uuid.constData(), 36);
        return;
    }
    digest[6] = (digest[6] & 0x0F) | 0x50; // version 5
    digest[8] = (digest[8] & 0x3F) | 0x80; // the RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    char* o = out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *o++ = '-';
        *o++ = kHex[digest[i] >> 4];
        *o++ = kHex[digest[i] & 15];
    }
}

} // namespace caseatlas
