#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QStringConverter>

#include <optional>

#include <vector>

namespace caseatlas {

// A value as a CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
QString csvField(const QString& value);

// Reads a CSV file (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks) row by
// row over the mapped file, without copying fields unless they hold doubled quotes. A UTF-8 byte
// order mark is skipped. Lines end with LF, CR LF or a CR alone, and are counted from 1 at the
// start of each row.
class CsvReader {
public:
    // Bounds no real table comes near (Excel's sheets end at 16,384 columns): a file beyond
    // them stops the reading with a problem instead of exhausting memory.
    static constexpr int kMaxColumns = 16384;
    static constexpr qint64 kMaxFieldBytes = 16 << 20;

    ~CsvReader();
    static Result<std::unique_ptr<CsvReader>> open(const QString& path);
    // Reads text already in memory (UTF-8), with the given field separator; `name` is the file
    // it came from, for messages.
    static std::unique_ptr<CsvReader> fromBytes(QByteArray bytes, char separator = ',',
                                                const QString& name = {});
    // The separator a header line suggests: comma, semicolon or tab.
    static char guessSeparator(QByteArrayView text);
    // Whether the first bytes of a file without a byte order mark are UTF-16, and which.
    static std::optional<QStringConverter::Encoding> utf16WithoutMark(QByteArrayView head);
    // QByteArrayView::isValidUtf8, eight bytes at a time while they are ASCII (most fields).
    static bool isValidUtf8(QByteArrayView text);
    // The next row; false at the end of the file, or when the reading stopped (see finish()).
    bool next();
    // After the last row: whether the whole file was read as it was when it was opened. An
    // error names the file and line when a row was too wide or a field too long, or when the
    // file was cut short or changed while it was read (a mapped file cut short is read as zeros,
    // never as a crash).
    Status finish() const;
    // Back to the first row (the header), to read the file again without mapping it again.
    void rewind();
    qint64 line() const { return m_line; }
    int columnCount() const { return int(m_fields.size()); }
    QByteArrayView field(int column) const {
        return column >= 0 && column < int(m_fields.size()) ? m_fields[size_t(column)]
                                                            : QByteArrayView();
    }
    qint64 size() const { return m_size; }
    qint64 position() const { return m_pos; }
    QByteArrayView bytes() const { return QByteArrayView(m_data, m_size); }
    // Whether a field's text lies in the file itself (and so outlives the row), rather than in
    // a copy made to undo doubled quotes.
    bool isMapped(QByteArrayView v) const {
        return v.data() >= m_data && v.data() + v.size() <= m_data + m_size;
    }

private:
    bool endsLine(qint64 at) const; // LF, or a CR not followed by LF
    bool stop(QString problem);
    QFile m_file;
    QString m_path, m_problem;
    qint64 m_openedSize = -1;
    QDateTime m_openedModified;
    int m_guard = -1; // this mapping's slot among those guarded against being cut short
    QByteArray m_owned;
    char m_separator = ',';
    const char* m_data = nullptr;
    qint64 m_size = 0, m_pos = 0, m_line = 0, m_nextLine = 1;
    std::vector<QByteArrayView> m_fields;
    std::vector<QByteArray> m_unescaped; // fields that held doubled quotes
};

} // namespace caseatlas
