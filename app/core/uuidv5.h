#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

#include <array>

struct evp_md_ctx_st;
struct evp_md_st;

namespace caseatlas {

// Name-based UUIDs (RFC 4122 version 5: the SHA-1 of a namespace and a name), as
// QUuid::createUuidV5 makes them, written as the 36 lower-case characters of
// QUuid::toString(QUuid::WithoutBraces) without an allocation per UUID: an import makes one per
// row. One object per thread.
class UuidV5 {
public:
    explicit UuidV5(const QUuid& space);
    ~UuidV5();
    UuidV5(const UuidV5&) = delete;
    UuidV5& operator=(const UuidV5&) = delete;

    // The UUID of the name `prefix` followed by `name`, into out[0..35].
    void write(QByteArrayView prefix, QByteArrayView name, char* out);

private:
    QUuid m_space;
    std::array<unsigned char, 16> m_spaceBytes{};
    evp_md_ctx_st* m_ctx = nullptr;
    evp_md_st* m_sha1 = nullptr; // null if OpenSSL has no SHA-1: QUuid's own is used then
};

} // namespace caseatlas
