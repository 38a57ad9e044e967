#include "render/markdownhtml.h"

#include "render/safetextdocument.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

QString escaped(const QString& text) {
    QString out = text.toHtmlEscaped();
    out.replace(QChar::LineSeparator, u"<br>"_s);
    out.replace(QChar::Nbsp, u"&nbsp;"_s);
    return out;
}

bool ordered(const QTextList* list) {
    const auto style = list->format().style();
    return style <= QTextListFormat::ListDecimal && style >= QTextListFormat::ListUpperRoman;
}

bool safeLink(const QString& href) {
    const QString scheme = QUrl(href).scheme().toLower();
    return scheme == u"http" || scheme == u"https" || scheme == u"mailto";
}

// One block's text with its inline formats.
QString inlineHtml(const QTextBlock& block) {
    QString out;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment f = it.fragment();
        if (!f.isValid())
            continue;
        const QTextCharFormat fmt = f.charFormat();
        if (fmt.isImageFormat()) {
            const QString alt = fmt.stringProperty(QTextFormat::ImageAltText).trimmed();
            if (!alt.isEmpty())
                out += u"[%1]"_s.arg(escaped(alt));
            continue;
        }
        QString text = escaped(f.text());
        if (fmt.fontFixedPitch() || fmt.fontFamilies().toStringList().contains(u"monospace"_s))
            text = u"<code>"_s + text + u"</code>"_s;
        if (fmt.fontStrikeOut())
            text = u"<s>"_s + text + u"</s>"_s;
        if (fmt.fontItalic())
            text = u"<em>"_s + text + u"</em>"_s;
        if (fmt.fontWeight() >= QFont::DemiBold)
            text = u"<strong>"_s + text + u"</strong>"_s;
        if (fmt.isAnchor()) {
            const QString href = fmt.anchorHref();
            if (safeLink(href))
                text = u"<a href=\"%1\">%2</a>"_s.arg(href.toHtmlEscaped(), text);
        }
        out += text;
    }
    return out;
}

} // namespace

QString markdownToHtml(const QString& markdown) {
    if (markdown.trimmed().isEmpty())
        return {};
    SafeTextDocument doc;
    doc.setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                              QTextDocument::MarkdownNoHTML));
    QString out;
    QTextList* openList = nullptr;
    bool openQuote = false;
    auto closeList = [&] {
        if (openList)
            out += ordered(openList) ? u"</ol>"_s : u"</ul>"_s;
        openList = nullptr;
    };
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        const QTextBlockFormat bf = b.blockFormat();
        QTextList* list = b.textList();
        const bool quote = bf.intProperty(QTextFormat::BlockQuoteLevel) > 0;
        if (list != openList) {
            closeList();
            if (list) {
                out += ordered(list) ? u"<ol>"_s : u"<ul>"_s;
                openList = list;
            }
        }
        if (quote != openQuote) {
            out += quote ? u"<blockquote>"_s : u"</blockquote>"_s;
            openQuote = quote;
        }
        const QString text = inlineHtml(b);
        if (list) {
            out += u"<li>"_s + text + u"</li>"_s;
        } else if (const int level = bf.headingLevel(); level > 0) {
            // Inside a slide, a heading is a sub-heading: h3 at most.
            const int h = std::min(6, level + 2);
            out += u"<h%1>%2</h%1>"_s.arg(h).arg(text);
        } else if (bf.property(QTextFormat::BlockCodeFence).isValid() || bf.nonBreakableLines()) {
            out += u"<pre>"_s + escaped(b.text()) + u"</pre>"_s;
        } else if (!text.isEmpty()) {
            out += u"<p>"_s + text + u"</p>"_s;
        }
    }
    closeList();
    if (openQuote)
        out += u"</blockquote>"_s;
    return out;
}

} // namespace caseatlas
