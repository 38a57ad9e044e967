#include "io/csvreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

// The first position from `at` on whose byte is `a`, `b` or `c`, or `size`: sixteen bytes at a
// time where the processor has SSE2 (every x86-64 one), as most of a file is within fields.
qint64 findAny(const char* data, qint64 at, qint64 size, char a, char b, char c) {
#ifdef __SSE2__
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
    for (; at + 16 <= size; at += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
        const int hits = _mm_movemask_epi8(_mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)), _mm_cmpeq_epi8(x, vc)));
        if (hits)
            return at + __builtin_ctz(unsigned(hits));
    }
#endif
    while (at < size && data[at] != a && data[at] != b && data[at] != c)
        ++at;
    return at;
}

// A quoted field's text with each "" as one quote.
QByteArray unescaped(QByteArrayView quoted) {
    QByteArray out(quoted.size(), Qt::Uninitialized);
    char* o = out.data();
    for (qsizetype i = 0; i < quoted.size(); ++i) {
        *o++ = quoted[i];
        if (quoted[i] == '"' && i + 1 < quoted.size() && quoted[i + 1] == '"')
            ++i;
    }
    out.truncate(o - out.data());
    return out;
}

// A file read through a mapping that another program cuts short raises SIGBUS at the first page
// past its new end. While a mapping is read, a handler puts a page of zeros where the fault is
// and marks the mapping as cut, so the reader carries on to a clear error (CsvReader::finish())
// instead of the process dying. Faults elsewhere go to whoever handled SIGBUS before.
struct GuardedRange {
    std::atomic<const char*> begin{nullptr}, end{nullptr};
    std::atomic<bool> cut{false};
};
constexpr int kGuarded = 32;
GuardedRange guarded[kGuarded];
std::mutex guardLock;
struct sigaction previousBusHandler;
long pageSize = 4096;

void onBusError(int signal, siginfo_t* info, void* context) {
    const auto* at = static_cast<const char*>(info->si_addr);
    for (GuardedRange& r : guarded) {
        const char* begin = r.begin.load();
        if (begin && at >= begin && at < r.end.load()) {
            void* page =
                reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(at) & ~uintptr_t(pageSize - 1));
            if (::mmap(page, size_t(pageSize), PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                       -1, 0) != MAP_FAILED) {
                r.cut.store(true);
                return; // the read is retried, and finds zeros
            }
        }
    }
    if ((previousBusHandler.sa_flags & SA_SIGINFO) && previousBusHandler.sa_sigaction) {
        previousBusHandler.sa_sigaction(signal, info, context);
    } else if (previousBusHandler.sa_handler != SIG_IGN && previousBusHandler.sa_handler &&
               previousBusHandler.sa_handler != SIG_DFL) {
        previousBusHandler.sa_handler(signal);
    } else {
        ::signal(signal, SIG_DFL);
        ::raise(signal);
    }
}

int guardMapping(const char* data, qint64 size) {
    static std::once_flag installed;
    std::call_once(installed, [] {
        pageSize = ::sysconf(_SC_PAGESIZE);
        struct sigaction action {};
        action.sa_sigaction = onBusError;
        action.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGBUS, &action, &previousBusHandler);
    });
    const std::lock_guard lock(guardLock);
    for (int i = 0; i < kGuarded; ++i) {
        if (!guarded[i].begin.load()) {
            guarded[i].cut.store(false);
            guarded[i].end.store(data + size);
            guarded[i].begin.store(data);
            return i;
        }
    }
    return -1; // more files mapped at once than slots: read unguarded
}

void unguard(int slot) {
    if (slot < 0)
        return;
    const std::lock_guard lock(guardLock);
    guarded[slot].begin.store(nullptr);
    guarded[slot].end.store(nullptr);
}

} // namespace

CsvReader::~CsvReader() {
    unguard(m_guard);
}

Result<std::unique_ptr<CsvReader>> CsvReader::open(const QString& path) {
    auto reader = std::make_unique<CsvReader>();
    reader->m_file.setFileName(path);
    if (!reader->m_file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Unreadable,
                         QCoreApplication::translate("caseatlas", "%1 cannot be read.")
                             .arg(QDir::toNativeSeparators(path)),
                         reader->m_file.errorString());
    reader->m_size = reader->m_file.size();
    reader->m_path = path;
    reader->m_openedSize = reader->m_size;
    reader->m_openedModified = QFileInfo(path).lastModified();
    if (reader->m_size > 0) {
        reader->m_data = reinterpret_cast<const char*>(reader->m_file.map(0, reader->m_size));
        if (!reader->m_data)
            return makeError(ErrorCode::Unreadable,
                             QCoreApplication::translate("caseatlas", "%1 cannot be read.")
                                 .arg(QDir::toNativeSeparators(path)),
                             reader->m_file.errorString());
        reader->m_guard = guardMapping(reader->m_data, reader->m_size);
    }
    reader->rewind(); // past a UTF-8 byte order mark
    return reader;
}

std::unique_ptr<CsvReader> CsvReader::fromBytes(QByteArray bytes, char separator,
                                                const QString& name) {
    auto reader = std::make_unique<CsvReader>();
    reader->m_path = name;
    reader->m_owned = std::move(bytes);
    reader->m_data = reader->m_owned.constData();
    reader->m_size = reader->m_owned.size();
    reader->m_separator = separator;
    reader->rewind();
    return reader;
}

char CsvReader::guessSeparator(QByteArrayView text) {
    // The header line: whichever of comma, semicolon and tab it holds most of (outside quotes).
    int counts[3] = {0, 0, 0};
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            counts[0] += c == ',', counts[1] += c == ';', counts[2] += c == '\t';
    }
    if (counts[2] > counts[0] && counts[2] >= counts[1])
        return '\t';
    return counts[1] > counts[0] ? ';' : ',';
}

bool CsvReader::endsLine(qint64 at) const {
    return m_data[at] == '\n' ||
           (m_data[at] == '\r' && (at + 1 >= m_size || m_data[at + 1] != '\n'));
}

std::optional<QStringConverter::Encoding> CsvReader::utf16WithoutMark(QByteArrayView head) {
    // Text in UTF-16 has a zero byte beside most Latin characters: in the odd places for little
    // endian, the even ones for big endian. UTF-8 text has none.
    const qsizetype n = std::min<qsizetype>(head.size(), 4096) & ~qsizetype(1);
    if (n < 4)
        return std::nullopt;
    qsizetype evenZeros = 0, oddZeros = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenZeros += head[i] == '\0';
        oddZeros += head[i + 1] == '\0';
    }
    const qsizetype pairs = n / 2;
    if (oddZeros * 4 >= pairs && evenZeros * 20 < pairs)
        return QStringConverter::Utf16LE;
    if (evenZeros * 4 >= pairs && oddZeros * 20 < pairs)
        return QStringConverter::Utf16BE;
    return std::nullopt;
}

void CsvReader::rewind() {
    m_pos =
        m_size >= 3 && m_data[0] == '\xEF' && m_data[1] == '\xBB' && m_data[2] == '\xBF' ? 3 : 0;
    m_line = 0;
    m_nextLine = 1;
    m_fields.clear();
    m_unescaped.clear();
}

bool CsvReader::stop(QString problem) {
    if (m_problem.isEmpty())
        m_problem = std::move(problem);
    m_pos = m_size;
    m_fields.clear();
    return false;
}

Status CsvReader::finish() const {
    const QString name = QDir::toNativeSeparators(m_path.isEmpty() ? u"The text"_s : m_path);
    // A file cut short reads as zeros: that, not what the zeros look like, is the problem.
    if (m_guard >= 0 && guarded[m_guard].cut.load())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 was cut short while it was read (another program changed it); "
                             "nothing was imported. Import it again once it is complete.")
                             .arg(name));
    if (!m_problem.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas", "%1 cannot be imported: %2. Nothing was imported.")
                             .arg(name, m_problem));
    if (m_openedSize >= 0) { // read from the file itself, not from a copy in memory
        const QFileInfo now(m_path);
        if (!now.exists() || now.size() != m_openedSize || now.lastModified() != m_openedModified)
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas",
                                 "%1 changed while it was read (another program wrote to it); "
                                 "nothing was imported. Import it again once it is complete.")
                                 .arg(name));
    }
    return {};
}

bool CsvReader::next() {
    m_fields.clear();
    m_unescaped.clear();
    if (m_guard >= 0 && guarded[m_guard].cut.load())
        return stop(QString()); // finish() says so
    // Skip blank lines between rows.
    while (m_pos < m_size && (m_data[m_pos] == '\n' || m_data[m_pos] == '\r')) {
        if (endsLine(m_pos))
            ++m_nextLine;
        ++m_pos;
    }
    if (m_pos >= m_size)
        return false;
    m_line = m_nextLine;
    for (;;) {
        if (m_pos < m_size && m_data[m_pos] == '"') {
            // A quoted field: up to the closing quote; "" is a quote.
            const qint64 start = ++m_pos;
            bool doubled = false;
            while ((m_pos = findAny(m_data, m_pos, m_size, '"', '\n', '\r')) < m_size) {
                const char c = m_data[m_pos];
                if (c == '"') {
                    if (m_pos + 1 < m_size && m_data[m_pos + 1] == '"') {
                        doubled = true;
                        m_pos += 2;
                        continue;
                    }
                    break;
                }
                if ((c == '\n' || c == '\r') && endsLine(m_pos))
                    ++m_nextLine;
                ++m_pos;
            }
            QByteArrayView value(m_data + start, m_pos - start);
            if (doubled) {
                m_unescaped.push_back(unescaped(value));
                value = m_unescaped.back();
            }
            m_fields.push_back(value);
            if (m_pos < m_size)
                ++m_pos; // the closing quote
            // Anything up to the separator after a closing quote is ignored.
            while (m_pos < m_size && m_data[m_pos] != m_separator && m_data[m_pos] != '\n' &&
                   m_data[m_pos] != '\r')
                ++m_pos;
        } else {
            const qint64 start = m_pos;
            m_pos = findAny(m_data, m_pos, m_size, m_separator, '\n', '\r');
            m_fields.emplace_back(m_data + start, m_pos - start);
        }
        if (m_fields.back().size() > kMaxFieldBytes)
            return stop(QCoreApplication::translate(
                            "caseatlas",
                            "line %1 has a field of more than %2 MB, and CaseAtlas reads fields of "
                            "up to %2 MB")
                            .arg(m_line)
                            .arg(kMaxFieldBytes >> 20));
        if (m_pos >= m_size)
            return true;
        if (m_data[m_pos] == m_separator) {
            if (int(m_fields.size()) >= kMaxColumns)
                return stop(QCoreApplication::translate(
                                "caseatlas",
                                "line %1 has more than %2 columns, and CaseAtlas reads tables of "
                                "up to %2 columns")
                                .arg(m_line)
                                .arg(kMaxColumns));
            ++m_pos;
            continue;
        }
        // End of the row: CR LF, LF, or a CR alone (as old Mac spreadsheets write).
        if (m_data[m_pos] == '\r' && m_pos + 1 < m_size && m_data[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_nextLine;
        return true;
    }
}

bool CsvReader::isValidUtf8(QByteArrayView text) {
    const char* data = text.data();
    const qsizetype size = text.size();
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 eight;
        std::memcpy(&eight, data + i, 8);
        if (eight & 0x8080808080808080ull)
            break;
    }
    while (i < size && !(uchar(data[i]) & 0x80))
        ++i;
    // Everything before i is ASCII, so i starts a character.
    return i == size || text.sliced(i).isValidUtf8();
}

QString csvField(const QString& value) {
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') ||
        value.contains(u'\r'))
        return u'"' + QString(value).replace(u'"', u"\"\""_s) + u'"';
    return value;
}

} // namespace caseatlas
