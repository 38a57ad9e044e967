#include "model/redactor.h"

#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

// Characters that may sit inside a name without being part of it: invisible ones (control
// characters included), and Markdown's emphasis and escapes.
bool isIgnorable(char32_t c) {
    return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == u'*' ||
           c == u'`' || c == u'\\' ||
           (QChar::category(c) == QChar::Other_Control && !QChar::isSpace(c));
}

// What may stand between the words of a name: any white space, a line break with a quote's
// "> ", hyphens and dashes, an underscore or a plus (as in addresses).
bool isSeparator(char32_t c) {
    return QChar::isSpace(c) || c == u'-' || c == u'_' || c == u'+' || c == u'>' ||
           (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

// HTML's named character references for letters and spaces (its Latin-1 set, and the spaces
// and invisible characters that hide a name).
char32_t namedReference(QStringView name) {
    static const QHash<QString, char32_t> table = [] {
        QHash<QString, char32_t> t = {
            {u"nbsp"_s, 0xA0},     {u"shy"_s, 0xAD},      {u"ensp"_s, 0x2002},
            {u"emsp"_s, 0x2003},   {u"thinsp"_s, 0x2009}, {u"zwnj"_s, 0x200C},
            {u"zwj"_s, 0x200D},    {u"NewLine"_s, 0x0A},  {u"Tab"_s, 0x09},
            {u"hyphen"_s, 0x2010}, {u"dash"_s, 0x2010},   {u"ndash"_s, 0x2013},
            {u"mdash"_s, 0x2014},  {u"szlig"_s, 0xDF},    {u"AElig"_s, 0xC6},
            {u"aelig"_s, 0xE6},    {u"ETH"_s, 0xD0},      {u"eth"_s, 0xF0},
            {u"THORN"_s, 0xDE},    {u"thorn"_s, 0xFE},    {u"Oslash"_s, 0xD8},
            {u"oslash"_s, 0xF8},   {u"yuml"_s, 0xFF},     {u"Yuml"_s, 0x178},
            {u"OElig"_s, 0x152},   {u"oelig"_s, 0x153},   {u"Scaron"_s, 0x160},
            {u"scaron"_s, 0x161},
        };
        // The accented Latin letters: &Aacute; &egrave; &ocirc; &ntilde; &uuml; &aring; &ccedil;
        // … as the letter with its mark, composed.
        const std::pair<const char16_t*, char16_t> marks[] = {
            {u"grave", 0x300}, {u"acute", 0x301}, {u"circ", 0x302}, {u"tilde", 0x303},
            {u"uml", 0x308},   {u"ring", 0x30A},  {u"cedil", 0x327}};
        for (const auto& [suffix, mark] : marks)
            for (QChar base : u"AEIOUYNCaeiouync"_s) {
                const QString composed =
                    (QString(base) + QChar(mark)).normalized(QString::NormalizationForm_C);
                if (composed.size() == 1)
                    t.insert(QString(base) + QString::fromUtf16(suffix), composed.at(0).unicode());
            }
        return t;
    }();
    return table.value(name.toString(), 0);
}

struct Unit {
    char32_t c;
    int from, to;
};

// The text as code points, with character references and percent-escapes read as what they
// stand for (each spanning the whole reference in the original).
void decodeUnits(const QString& text, std::vector<Unit>& units) {
    const int n = int(text.size());
    units.reserve(size_t(n));
    for (int i = 0; i < n;) {
        const QChar ch = text.at(i);
        if (ch == u'&') {
            const int semicolon = int(text.indexOf(u';', i + 1));
            if (semicolon > i + 1 && semicolon - i <= 34) {
                const QStringView body = QStringView(text).mid(i + 1, semicolon - i - 1);
                char32_t c = 0;
                bool ok = false;
                if (body.startsWith(u'#')) {
                    const bool hex = body.size() > 1 && (body[1] == u'x' || body[1] == u'X');
                    const uint v = body.mid(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
                    ok = ok && v > 0 && v <= 0x10FFFF;
                    c = v;
                } else {
                    c = namedReference(body);
                    ok = c != 0;
                }
                if (ok && (QChar::isLetterOrNumber(c) || QChar::isMark(c) || isSeparator(c) ||
                           isIgnorable(c))) {
                    units.push_back({c, i, semicolon + 1});
                    i = semicolon + 1;
                    continue;
                }
            }
        } else if (ch == u'%' && i + 2 < n && isxdigit(text.at(i + 1).unicode()) &&
                   isxdigit(text.at(i + 2).unicode())) {
            QByteArray bytes;
            int end = i;
            while (end + 2 < n && text.at(end) == u'%' && isxdigit(text.at(end + 1).unicode()) &&
                   isxdigit(text.at(end + 2).unicode())) {
                bytes += char(QStringView(text).mid(end + 1, 2).toUInt(nullptr, 16));
                end += 3;
            }
            QStringDecoder utf8(QStringDecoder::Utf8);
            const QString decoded = utf8(bytes);
            if (!utf8.hasError()) {
                for (char32_t c : decoded.toUcs4())
                    units.push_back({c, i, end});
                i = end;
                continue;
            }
        }
        if (ch.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            units.push_back({QChar::surrogateToUcs4(ch, text.at(i + 1)), i, i + 2});
            i += 2;
            continue;
        }
        units.push_back({ch.unicode(), i, i + 1});
        ++i;
    }
}

} // namespace

QString Redactor::matchingForm(const QString& text, std::vector<int>* from, std::vector<int>* to) {
    std::vector<Unit> units;
    decodeUnits(text, units);
    QString out;
    out.reserve(text.size());
    std::vector<int> f, t;
    f.reserve(text.size());
    t.reserve(text.size());
    qsizetype clusterStart = -1; // where the last letter with its marks begins in `out`
    auto append = [&](const QString& chars, int a, int b) {
        for (QChar c : chars) {
            out += c;
            f.push_back(a);
            t.push_back(b);
        }
    };
    for (const Unit& u : units) {
        if (isIgnorable(u.c))
            continue;
        if (isSeparator(u.c)) {
            if (!out.isEmpty() && out.back() == u' ' && clusterStart < 0) {
                t.back() = u.to;
            } else {
                append(u" "_s, u.from, u.to);
            }
            clusterStart = -1;
            continue;
        }
        const QString chars = QString::fromUcs4(&u.c, 1);
        if (QChar::isMark(u.c) && clusterStart >= 0) {
            // Decomposed: the letter and its marks, composed (NFC) as one span.
            const QString cluster =
                (out.mid(clusterStart) + chars).normalized(QString::NormalizationForm_C);
            const int a = f[size_t(clusterStart)];
            out.truncate(clusterStart);
            f.resize(size_t(clusterStart));
            t.resize(size_t(clusterStart));
            append(cluster, a, u.to);
            continue;
        }
        clusterStart = out.size();
        append(chars, u.from, u.to);
    }
    if (from)
        *from = std::move(f);
    if (to)
        *to = std::move(t);
    return out;
}

void Redactor::add(const QString& name, const QString& replacement) {
    const QString form = matchingForm(name).trimmed();
    if (form.size() < 2)
        return;
    m_replacements.insert(form.toCaseFolded(), replacement);
    m_compiled = false;
}

void Redactor::compile() const {
    QStringList names = m_replacements.keys();
    // The longest first: "Aung Kyaw Moe" before "Aung Kyaw".
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    for (QString& n : names)
        n = QRegularExpression::escape(n);
    m_pattern =
        QRegularExpression(names.join(u'|'), QRegularExpression::CaseInsensitiveOption |
                                                 QRegularExpression::UseUnicodePropertiesOption);
    m_pattern.optimize();
    m_compiled = true;
}

QString Redactor::clean(const QString& text) const {
    if (m_replacements.isEmpty() || text.isEmpty())
        return text;
    if (!m_compiled)
        compile();
    std::vector<int> from, to;
    const QString form = matchingForm(text, &from, &to);
    auto matches = m_pattern.globalMatch(form);
    if (!matches.hasNext())
        return text;
    QString out;
    int at = 0;
    while (matches.hasNext()) {
        const auto m = matches.next();
        const int start = from[size_t(m.capturedStart())];
        const int end = to[size_t(m.capturedEnd() - 1)];
        if (start < at)
            continue;
        out += QStringView(text).mid(at, start - at);
        out += m_replacements.value(m.captured().toCaseFolded(), u"[withheld]"_s);
        at = end;
    }
    out += QStringView(text).mid(at);
    return out;
}

} // namespace caseatlas
