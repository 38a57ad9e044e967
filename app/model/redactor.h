#pragma once

#include <QHash>
#include <QRegularExpression>
#include <QString>

namespace caseatlas {

// Takes names out of text that leaves the case: each name given (a protected person's, a
// withheld actor's or place's, with their aliases) is replaced wherever it appears, however it
// is written there — in any letter case; composed or decomposed (Unicode NFC); with letters
// written as HTML character references ("A&#117;ng") or percent-escapes ("Aung%20Kyaw"); with
// its words apart by several spaces, a line break (a wrapped Markdown line, "> " of a quote), a
// hyphen or an underscore; with soft hyphens, zero-width characters or Markdown emphasis inside.
// What is matched is replaced whole in the original text; everything else is left as written.
class Redactor {
public:
    // Names shorter than two characters are ignored (they would take letters out of words).
    void add(const QString& name, const QString& replacement);
    bool isEmpty() const { return m_replacements.isEmpty(); }
    QString clean(const QString& text) const;

    // The text as names are matched in it, and for each of its characters the span of the
    // original it stands for (`from[i]` to `to[i]`, exclusive).
    static QString matchingForm(const QString& text, std::vector<int>* from = nullptr,
                                std::vector<int>* to = nullptr);

private:
    void compile() const;
    QHash<QString, QString> m_replacements; // by the name's matching form, case-folded
    mutable QRegularExpression m_pattern;
    mutable bool m_compiled = false;
};

} // namespace caseatlas
