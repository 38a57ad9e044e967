#include "io/csvreader.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace caseatlas {

Result<std::unique_ptr<CsvReader>> CsvReader::open(const QString& path) {
    auto reader = std::make_unique<CsvReader>();
    reader->m_file.setFileName(path);
    if (!reader->m_file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Unreadable,
                         QCoreApplication::translate("caseatlas", "%1 cannot be read.")
                             .arg(QDir::toNativeSeparators(path)),
                         reader->m_file.errorString());
    reader->m_size = reader->m_file.size();
    if (reader->m_size > 0) {
        reader->m_data = reinterpret_cast<const char*>(reader->m_file.map(0, reader->m_size));
        if (!reader->m_data)
            return makeError(ErrorCode::Unreadable,
                             QCoreApplication::translate("caseatlas", "%1 cannot be read.")
                                 .arg(QDir::toNativeSeparators(path)),
                             reader->m_file.errorString());
    }
    reader->rewind(); // past a UTF-8 byte order mark
    return reader;
}

std::unique_ptr<CsvReader> CsvReader::fromBytes(QByteArray bytes, char separator) {
    auto reader = std::make_unique<CsvReader>();
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

bool CsvReader::next() {
    m_fields.clear();
    m_unescaped.clear();
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
            while (m_pos < m_size) {
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
                m_unescaped.push_back(value.toByteArray().replace("\"\"", "\""));
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
            while (m_pos < m_size && m_data[m_pos] != m_separator && m_data[m_pos] != '\n' &&
                   m_data[m_pos] != '\r')
                ++m_pos;
            m_fields.emplace_back(m_data + start, m_pos - start);
        }
        if (m_pos >= m_size)
            return true;
        if (m_data[m_pos] == m_separator) {
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

QString csvField(const QString& value) {
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') ||
        value.contains(u'\r'))
        return u'"' + QString(value).replace(u'"', u"\"\""_s) + u'"';
    return value;
}

} // namespace caseatlas
