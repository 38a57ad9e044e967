#include "eventinspector.h"

#include "store/casedocument.h"

#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace caseatlas {

EventInspector::EventInspector(QWidget* parent)
    : QTextBrowser(parent) {
    setObjectName(u"eventInspector"_s);
    setOpenLinks(false);
    setPlaceholderText(tr("Select an event to see its dates, people, places and sources."));
}

void EventInspector::setDocument(CaseDocument* document) {
    m_document = document;
    displayEvent(0);
}

void EventInspector::displayEvent(qint64 eventId) {
    m_eventId = eventId;
    clear();
    if (!m_document || eventId == 0)
        return;
    auto loaded = m_document->events().load(eventId);
    if (!loaded) {
        setPlainText(loaded.error().message);
        return;
    }
    const Event& e = loaded.value();
    auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    auto interval = [](const Event& ev) {
        const QString a = FuzzyDate::isoUtc(ev.earliest()), b = FuzzyDate::isoUtc(ev.latest());
        return (a.isEmpty() ? u"open"_s : a.left(10)) + u" … "_s +
               (b.isEmpty() ? u"open"_s : b.left(10));
    };
    QString html = u"<h3>%1</h3>"_s.arg(esc(e.title));
    html += u"<p><b>%1</b> %2 <span style='color:gray'>(EDTF <code>%3</code>; %4)</span></p>"_s.arg(
        tr("Date:"),
        esc(e.start.toDisplayString() +
            (e.end.isValid() ? u" – "_s + e.end.toDisplayString() : QString())),
        esc(e.start.toEdtf() + (e.end.isValid() ? u" → "_s + e.end.toEdtf() : QString())),
        interval(e));
    if (e.placeId)
        if (auto p = m_document->places().load(e.placeId))
            html += u"<p><b>%1</b> %2</p>"_s.arg(tr("Place:"), esc(p.value().name));
    html += u"<p><b>%1</b> %2 · <b>%3</b> %4</p>"_s.arg(
        tr("Status:"), eventStatusKey(e.status), tr("Sensitivity:"), sensitivityKey(e.sensitivity));
    if (!e.tags.isEmpty())
        html += u"<p><b>%1</b> %2</p>"_s.arg(tr("Tags:"), esc(e.tags.join(u", "_s)));
    if (!e.actors.isEmpty()) {
        QStringList names;
        for (const EventActor& a : e.actors)
            if (auto actor = m_document->actors().load(a.actorId)) {
                QString n = actor.value().name;
                if (!actor.value().aliases.isEmpty())
                    n += QStringLiteral(" (") + actor.value().aliases.first().name + u')';
                names << esc(n) +
                             (a.role.isEmpty() ? QString() : u" — <i>"_s + esc(a.role) + u"</i>"_s);
            }
        html += u"<p><b>%1</b><br>%2</p>"_s.arg(tr("Actors:"), names.join(u"<br>"_s));
    }
    if (!e.description.isEmpty()) {
        // Descriptions are Markdown; Qt renders them (no remote resources are loaded here).
        QTextDocument markdown;
        markdown.setMarkdown(e.description, QTextDocument::MarkdownDialectCommonMark);
        const QString full = markdown.toHtml();
        const qsizetype body = full.indexOf(u"<body"_s);
        const qsizetype open = full.indexOf(u'>', body) + 1;
        const qsizetype close = full.lastIndexOf(u"</body>"_s);
        html += body >= 0 && close > open ? full.mid(open, close - open) : esc(e.description);
    }
    auto citations = m_document->sources().citationsOfEvent(e.id);
    if (citations && citations.value().isEmpty()) {
        html += u"<p style='color:#c0392b'><b>%1</b></p>"_s.arg(
            tr("Unsourced: no source supports this event yet."));
    } else if (citations) {
        html += u"<p><b>%1</b></p><ol>"_s.arg(tr("Sources:"));
        for (const Citation& c : citations.value()) {
            auto s = m_document->sources().load(c.sourceId);
            if (!s)
                continue;
            html += u"<li>%1 <i>%2</i> — %3 %4%5<br><span style='color:gray'>%6</span></li>"_s.arg(
                esc(s.value().title), esc(s.value().publisher),
                tr("grade %1%2").arg(reliabilityLetter(s.value().reliability)).arg(c.credibility),
                c.locator.isEmpty() ? QString() : u"· "_s + esc(c.locator), QString(),
                esc(c.quote));
        }
        html += u"</ol>"_s;
    }
    setHtml(html);
}

} // namespace caseatlas
