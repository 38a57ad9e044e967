#pragma once

#include <QString>

namespace caseatlas {

// A description's or note's Markdown as a small HTML fragment for other programs to show
// (TimelineJS slides): paragraphs, headings, lists, block quotes, emphasis, code and links —
// nothing else. Raw HTML in the Markdown stays text; images become their alternate text (an
// export never points a reader's browser at a file or an address it did not choose to follow);
// links keep only http, https and mailto addresses. Qt's own Markdown reader parses it.
QString markdownToHtml(const QString& markdown);

} // namespace caseatlas
