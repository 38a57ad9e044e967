#include "render/briefing.h"
#include "render/safetextdocument.h"

#include "core/clock.h"
#include "core/sha256.h"
#include "geo/basemap.h"
#include "geo/gazetteer.h"
#include "model/casedocument.h"
#include "model/exportset.h"
#include "render/maprenderer.h"
#include "render/timelinerenderer.h"
#include "store/catalogrepository.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextBlock>
#include <QTextDocument>

#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

const std::pair<BriefingLayout, const char16_t*> kLayouts[] = {
    {BriefingLayout::A4Portrait, u"a4-portrait"},
    {BriefingLayout::A4Landscape, u"a4-landscape"},
    {BriefingLayout::Letter, u"letter"},
    {BriefingLayout::Slides, u"slides"}};

struct BlockInfo {
    BriefingBlock block;
    const char16_t* key;
    const char16_t* name;
};
const BlockInfo kBlocks[] = {{BriefingBlock::Title, u"title", u"Title block"},
                             {BriefingBlock::Map, u"map", u"Map"},
                             {BriefingBlock::Timeline, u"timeline", u"Timeline"},
                             {BriefingBlock::Events, u"events", u"Event cards"},
                             {BriefingBlock::Notes, u"notes", u"Notes"},
                             {BriefingBlock::Chart, u"chart", u"Events over time"},
                             {BriefingBlock::Sources, u"sources", u"Sources"},
                             {BriefingBlock::Method, u"method", u"Method and caveats"}};

// Text is measured as it will be drawn: on a device of 72 dots per inch, so a point is a unit.
QPaintDevice* measureDevice() {
    static QImage device = [] {
        QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(2835); // 72 per inch
        image.setDotsPerMeterY(2835);
        return image;
    }();
    return &device;
}

double textHeight(const QFont& font, double width, const QString& text) {
    if (text.isEmpty())
        return 0;
    return QFontMetricsF(font, measureDevice())
        .boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text)
        .height();
}

// Markdown as the plain text a reader sees.
QString plainText(const QString& markdown) {
    SafeTextDocument doc;
    doc.setMarkdown(markdown);
    return doc.toPlainText();
}

QString shortened(QString text, int max) {
    text = text.simplified();
    if (text.size() <= max)
        return text;
    text.truncate(max);
    const qsizetype space = text.lastIndexOf(u' ');
    if (space > max * 2 / 3)
        text.truncate(space);
    return text + u'…';
}

// Events per day, month or year, whichever gives a readable number of bars. An event is in a
// bar only when its whole interval lies in that day, month or year (FuzzyDate::periodHolding,
// the rule the charts follow); the others are counted apart and the chart says so.
struct Histogram {
    QString unit;
    QList<std::pair<QString, int>> bars;
    int loose = 0; // dated, but more loosely than the unit
};

Histogram histogramOf(const QList<Event>& events) {
    Histogram h;
    qint64 first = FuzzyDate::Unbounded, last = FuzzyDate::UnboundedPast;
    int dated = 0;
    for (const Event& e : events) {
        const qint64 anchor = e.earliest() > FuzzyDate::UnboundedPast ? e.earliest() : e.latest();
        if (anchor <= FuzzyDate::UnboundedPast || anchor >= FuzzyDate::Unbounded)
            continue;
        first = std::min(first, anchor);
        last = std::max(last, anchor);
        ++dated;
    }
    if (dated == 0)
        return h;
    using P = FuzzyDate::Period;
    const qint64 days = (last - first) / 86400;
    P unit = days <= 62 ? P::Day : days <= 3 * 366 ? P::Month : P::Year;
    QMap<QDate, int> counts;
    for (;;) {
        counts.clear();
        h.loose = 0;
        for (const Event& e : events) {
            const QDate key = FuzzyDate::periodHolding(e.earliest(), e.latest(), unit);
            if (key.isValid())
                ++counts[key];
            else if (e.earliest() > FuzzyDate::UnboundedPast || e.latest() < FuzzyDate::Unbounded)
                ++h.loose;
        }
        const int counted = int(std::accumulate(counts.cbegin(), counts.cend(), 0));
        // Coarser while most dated events are known less precisely than the unit.
        if (unit == P::Year || h.loose <= counted)
            break;
        unit = unit == P::Day ? P::Month : P::Year;
    }
    h.unit = unit == P::Day ? u"day"_s : unit == P::Month ? u"month"_s : u"year"_s;
    if (counts.isEmpty())
        return h;
    auto next = [&](QDate d) {
        return unit == P::Day ? d.addDays(1) : unit == P::Month ? d.addMonths(1) : d.addYears(1);
    };
    auto label = [&](QDate d) {
        return unit == P::Day     ? d.toString(u"d MMM"_s)
               : unit == P::Month ? d.toString(u"MMM yyyy"_s)
                                  : QString::number(d.year());
    };
    for (QDate d = counts.firstKey(); d <= counts.lastKey() && h.bars.size() < 400; d = next(d))
        h.bars.append({label(d), counts.value(d)});
    return h;
}

} // namespace

QString briefingLayoutKey(BriefingLayout l) {
    for (const auto& [layout, key] : kLayouts)
        if (layout == l)
            return QString::fromUtf16(key);
    return {};
}

std::optional<BriefingLayout> briefingLayoutFromKey(const QString& key) {
    for (const auto& [layout, k] : kLayouts)
        if (key == QStringView(k))
            return layout;
    return std::nullopt;
}

QString briefingBlockKey(BriefingBlock b) {
    for (const BlockInfo& info : kBlocks)
        if (info.block == b)
            return QString::fromUtf16(info.key);
    return {};
}

std::optional<BriefingBlock> briefingBlockFromKey(const QString& key) {
    for (const BlockInfo& info : kBlocks)
        if (key == QStringView(info.key))
            return info.block;
    return std::nullopt;
}

QString briefingBlockName(BriefingBlock b) {
    for (const BlockInfo& info : kBlocks)
        if (info.block == b)
            return QString::fromUtf16(info.name);
    return {};
}

QList<BriefingBlock> defaultBriefingBlocks() {
    return {BriefingBlock::Title,   BriefingBlock::Map,   BriefingBlock::Timeline,
            BriefingBlock::Events,  BriefingBlock::Notes, BriefingBlock::Chart,
            BriefingBlock::Sources, BriefingBlock::Method};
}

void applySavedView(BriefingOptions& options, const SavedView& view) {
    options.viewName = view.name;
    options.filter = filterOfView(view);
    if (view.west != 0 || view.south != 0 || view.east != 0 || view.north != 0)
        options.extent = std::array<double, 4>{view.west, view.south, view.east, view.north};
    else
        options.extent.reset();
    const FilterCriteria& f = *options.filter;
    if (f.from && f.to)
        options.timeRange = std::pair{*f.from, *f.to};
    else
        options.timeRange.reset();
}

QJsonObject briefingSettings(const BriefingOptions& o) {
    QJsonArray blocks, notes;
    for (BriefingBlock b : o.blocks)
        blocks << briefingBlockKey(b);
    for (qint64 id : o.noteIds)
        notes << id;
    return QJsonObject{{u"layout"_s, briefingLayoutKey(o.layout)},
                       {u"profile"_s, exportProfileKey(o.profile)},
                       {u"title"_s, o.title},
                       {u"subtitle"_s, o.subtitle},
                       {u"author"_s, o.author},
                       {u"blocks"_s, blocks},
                       {u"notes"_s, notes},
                       {u"max_cards"_s, o.maxCards},
                       {u"dpi"_s, o.dpi},
                       {u"grid_degrees"_s, o.gridDegrees}};
}

BriefingOptions briefingFromSettings(const QJsonObject& s) {
    BriefingOptions o;
    o.layout = briefingLayoutFromKey(s.value(u"layout"_s).toString()).value_or(o.layout);
    o.profile = exportProfileFromKey(s.value(u"profile"_s).toString()).value_or(o.profile);
    o.title = s.value(u"title"_s).toString();
    o.subtitle = s.value(u"subtitle"_s).toString();
    o.author = s.value(u"author"_s).toString();
    if (s.value(u"blocks"_s).isArray()) {
        o.blocks.clear();
        for (const QJsonValue& v : s.value(u"blocks"_s).toArray())
            if (auto b = briefingBlockFromKey(v.toString()); b && !o.blocks.contains(*b))
                o.blocks << *b;
    }
    for (const QJsonValue& v : s.value(u"notes"_s).toArray())
        o.noteIds << v.toInteger();
    o.maxCards = std::clamp(s.value(u"max_cards"_s).toInt(o.maxCards), 0, 10000);
    o.dpi = std::clamp(s.value(u"dpi"_s).toDouble(o.dpi), 36.0, 600.0);
    o.gridDegrees = std::clamp(s.value(u"grid_degrees"_s).toDouble(o.gridDegrees), 0.0, 10.0);
    return o;
}

Result<BriefingOptions> briefingOptions(CaseDocument& document, const SavedBriefing& briefing) {
    BriefingOptions o = briefingFromSettings(briefing.settings);
    if (briefing.viewId) {
        auto view = document.catalog().loadView(briefing.viewId);
        if (!view)
            return view.error();
        applySavedView(o, view.value());
    }
    return o;
}

struct Briefing::Data {
    // One thing placed on a page.
    enum class Kind {
        Title,
        Heading,
        Map,
        Timeline,
        Card,
        More,
        NoteTitle,
        NoteSlice,
        Chart,
        Footnote,
        Line
    };
    struct Item {
        Kind kind;
        BriefingBlock block;
        QRectF rect;
        int index = 0;     // card, note, footnote or line
        double offset = 0; // a note slice: where in the note's text it starts
        QString text;      // headings and lines
    };
    struct Card {
        QString when, title, place, summary, marks;
    };

    BriefingOptions o;
    QSizeF page;
    double margin = 42;
    bool slides = false;
    QFont titleFont, subtitleFont, bylineFont, headingFont, bodyFont, boldFont, smallFont;

    QString title, subtitle, byline;
    QList<Card> cards;
    qint64 events = 0, moreEvents = 0, withheld = 0;
    QStringList footnotes;
    QList<std::pair<QString, std::shared_ptr<QTextDocument>>> notes;
    QStringList methodLines;
    Histogram histogram;

    std::shared_ptr<Basemap> basemap;
    CaseMapData map;
    std::array<double, 4> extent{60, -10, 150, 55};
    std::optional<TimeIndex> time;
    TimelineScene timeScene;
    double timeFrom = 0, timeTo = 0;

    QList<QList<Item>> pages;

    void setFonts() {
        const double k = slides ? 1.35 : 1.0;
        // Latin, then Simplified Chinese and Burmese glyphs from Debian's Noto fonts.
        QFont base;
        base.setFamilies({u"Noto Sans"_s, u"Noto Sans CJK SC"_s, u"Noto Sans Myanmar"_s});
        // No ligatures where a script does not need them: "ﬃ" copied out of a PDF is not
        // "ffi", and readers search and quote briefings. (Burmese is still shaped.)
        base.setStyleStrategy(QFont::PreferNoShaping);
        auto sized = [&](double pt, bool bold = false) {
            QFont f = base;
            f.setPointSizeF(pt * k);
            f.setBold(bold);
            return f;
        };
        titleFont = sized(slides ? 26 : 20, true);
        subtitleFont = sized(12);
        bylineFont = sized(8.5);
        headingFont = sized(12.5, true);
        bodyFont = sized(8.5);
        boldFont = sized(8.5, true);
        smallFont = sized(7);
    }
    QRectF content() const {
        return QRectF(margin, margin, page.width() - 2 * margin, page.height() - 2 * margin - 14);
    }
    double cardHeight(const Card& c, double width) const {
        return textHeight(smallFont, width, c.when + c.place) +
               textHeight(boldFont, width, c.title + u' ' + c.marks) +
               textHeight(bodyFont, width, c.summary) + 6;
    }
    void layout();
    void paint(QPainter& p, const Item& item) const;
};

void Briefing::Data::layout() {
    const QRectF area = content();
    const double width = area.width(), gap = slides ? 14 : 10;
    double y = area.top();
    pages = {{}};
    auto newPage = [&] {
        pages.append(QList<Item>());
        y = area.top();
    };
    auto fits = [&](double height) { return y + height <= area.bottom() || y == area.top(); };
    auto put = [&](Item item, double height, double after) {
        if (!fits(height))
            newPage();
        item.rect = QRectF(area.left(), y, width, height);
        pages.last().append(item);
        y += height + after;
    };
    // A heading goes with what follows it.
    auto heading = [&](BriefingBlock block, const QString& text, double firstHeight) {
        const double h = textHeight(headingFont, width, text) + 4;
        if (!fits(h + firstHeight))
            newPage();
        put({Kind::Heading, block, {}, 0, 0, text}, h, 4);
    };
    auto startBlock = [&] {
        if (slides && !pages.last().isEmpty())
            newPage();
    };
    auto timelineHeight = [&] {
        const int lanes = time ? std::min<int>(int(time->laneCount()), slides ? 9 : 12) : 0;
        return 28.0 + lanes * 30 + 6;
    };
    for (qsizetype b = 0; b < o.blocks.size(); ++b) {
        const BriefingBlock block = o.blocks[b];
        switch (block) {
        case BriefingBlock::Title: {
            startBlock();
            const double h = textHeight(titleFont, width, title) + 6 +
                             textHeight(subtitleFont, width, subtitle) + 4 +
                             textHeight(bylineFont, width, byline) + 8;
            if (slides) // the title slide: the title in the middle of the page
                y = area.top() + std::max(0.0, (area.height() - h) / 2);
            put({Kind::Title, block}, h, gap);
            break;
        }
        case BriefingBlock::Map: {
            startBlock();
            const bool portrait =
                o.layout == BriefingLayout::A4Portrait || o.layout == BriefingLayout::Letter;
            double h = slides ? area.bottom() - y
                              : std::min(width * (portrait ? 0.62 : 0.42), area.height() * 0.6);
            // Map and timeline on one page when a smaller map lets them.
            if (!slides && b + 1 < o.blocks.size() && o.blocks[b + 1] == BriefingBlock::Timeline &&
                time) {
                const double room = area.bottom() - y - timelineHeight() - gap;
                if (room >= 180)
                    h = std::min(h, room);
            }
            put({Kind::Map, block}, std::max(h, 120.0), gap);
            break;
        }
        case BriefingBlock::Timeline: {
            if (!time)
                break;
            startBlock();
            put({Kind::Timeline, block}, slides ? area.bottom() - y : timelineHeight(), gap);
            break;
        }
        case BriefingBlock::Events: {
            startBlock();
            heading(block, u"Events (%1)"_s.arg(events),
                    cards.isEmpty() ? 0 : cardHeight(cards[0], width));
            for (int i = 0; i < cards.size(); ++i)
                put({Kind::Card, block, {}, i}, cardHeight(cards[i], width), 4);
            const QString more =
                moreEvents > 0
                    ? u"… and %1 more events, not shown as cards (the timeline and map show them all)."_s
                          .arg(moreEvents)
                : cards.isEmpty() ? u"No events."_s
                                  : QString();
            if (!more.isEmpty())
                put({Kind::More, block, {}, 0, 0, more}, textHeight(boldFont, width, more) + 2,
                    gap);
            else
                y += gap;
            break;
        }
        case BriefingBlock::Notes: {
            if (notes.isEmpty())
                break;
            startBlock();
            heading(block, u"Notes"_s, textHeight(boldFont, width, notes[0].first) + 30);
            for (int n = 0; n < notes.size(); ++n) {
                QTextDocument& doc = *notes[n].second;
                doc.setTextWidth(width);
                const double th = textHeight(boldFont, width, notes[n].first) + 3;
                if (!fits(th + 30))
                    newPage();
                put({Kind::NoteTitle, block, {}, n}, th, 0);
                // The note in slices that end between its paragraphs.
                double from = 0;
                const double total = doc.size().height();
                while (from < total - 0.5) {
                    double room = area.bottom() - y;
                    if (room < 30) {
                        newPage();
                        room = area.height();
                    }
                    double to = total;
                    if (from + room < total) {
                        to = from;
                        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
                            const QRectF r = doc.documentLayout()->blockBoundingRect(b);
                            if (r.bottom() <= from + room && r.bottom() > to)
                                to = r.bottom();
                        }
                        if (to <= from) // one paragraph taller than the room: cut it
                            to = from + room;
                    }
                    put({Kind::NoteSlice, block, {}, n, from}, to - from, 0);
                    from = to;
                }
                y += gap;
            }
            break;
        }
        case BriefingBlock::Chart: {
            if (histogram.bars.isEmpty() && histogram.loose == 0)
                break;
            startBlock();
            const QString apart =
                histogram.loose == 0 ? QString()
                : histogram.loose == 1
                    ? u"1 event is dated more loosely than a %1: it is in no bar."_s.arg(
                          histogram.unit)
                    : u"%1 events are dated more loosely than a %2: they are in no bar."_s
                          .arg(histogram.loose)
                          .arg(histogram.unit);
            if (histogram.bars.isEmpty()) {
                heading(block, u"Events per %1"_s.arg(histogram.unit),
                        textHeight(bodyFont, width, apart));
                put({Kind::Line, block, {}, 0, 0, apart}, textHeight(bodyFont, width, apart), gap);
                break;
            }
            const double h = slides ? 260 : 150;
            heading(block, u"Events per %1"_s.arg(histogram.unit), h);
            put({Kind::Chart, block}, h, apart.isEmpty() ? gap : 3);
            if (!apart.isEmpty())
                put({Kind::Line, block, {}, 0, 0, apart}, textHeight(bodyFont, width, apart), gap);
            break;
        }
        case BriefingBlock::Sources: {
            startBlock();
            const QString first =
                footnotes.isEmpty() ? u"No sources are cited."_s : footnotes.first();
            heading(block, u"Sources"_s, textHeight(bodyFont, width - 22, first));
            if (footnotes.isEmpty())
                put({Kind::Line, block, {}, 0, 0, first}, textHeight(bodyFont, width, first), gap);
            for (int i = 0; i < footnotes.size(); ++i)
                put({Kind::Footnote, block, {}, i}, textHeight(bodyFont, width - 22, footnotes[i]),
                    3);
            y += gap;
            break;
        }
        case BriefingBlock::Method: {
            startBlock();
            heading(block, u"Method and caveats"_s,
                    methodLines.isEmpty() ? 0 : textHeight(bodyFont, width, methodLines[0]));
            for (const QString& line : methodLines)
                put({Kind::Line, block, {}, 0, 0, line}, textHeight(bodyFont, width, line), 4);
            y += gap;
            break;
        }
        }
    }
    if (pages.size() > 1 && pages.last().isEmpty())
        pages.removeLast();
}

void Briefing::Data::paint(QPainter& p, const Item& item) const {
    const QRectF r = item.rect;
    const QColor ink(0x1d, 0x24, 0x2b), muted(0x5a, 0x64, 0x6e), accent(0x1f, 0x5f, 0x99);
    p.setPen(ink);
    switch (item.kind) {
    case Kind::Title: {
        double y = r.top();
        auto line = [&](const QFont& f, const QColor& c, const QString& text, double after) {
            if (text.isEmpty())
                return;
            p.setFont(f);
            p.setPen(c);
            const double h = textHeight(f, r.width(), text);
            p.drawText(QRectF(r.left(), y, r.width(), h), Qt::TextWordWrap, text);
            y += h + after;
        };
        line(titleFont, ink, title, 6);
        line(subtitleFont, muted, subtitle, 4);
        line(bylineFont, muted, byline, 4);
        p.setPen(QPen(accent, 1.5));
        p.drawLine(QPointF(r.left(), r.bottom() - 2), QPointF(r.right(), r.bottom() - 2));
        break;
    }
    case Kind::Heading:
        p.setFont(headingFont);
        p.setPen(accent);
        p.drawText(r, Qt::TextWordWrap, item.text);
        break;
    case Kind::Map: {
        p.save();
        p.translate(r.topLeft());
        p.setClipRect(QRectF(QPointF(0, 0), r.size()));
        MapStyle style;
        style.font = smallFont;
        style.font.setPixelSize(std::max(6, int(std::lround(smallFont.pointSizeF()))));
        style.pointRadius = 3;
        style.clusterCell = 18;
        MapRenderer renderer(style);
        MapScene scene;
        scene.basemap = basemap.get();
        scene.gazetteer = &Gazetteer::shared();
        scene.data = &map;
        renderer.paint(p,
                       MapViewport::fitting(extent[0], extent[1], extent[2], extent[3],
                                            r.size().toSize(), 0.08),
                       scene);
        p.setClipping(false);
        p.setFont(smallFont);
        p.setPen(muted);
        p.drawText(QRectF(0, 0, r.width() - 4, r.height() - 2), Qt::AlignRight | Qt::AlignBottom,
                   u"Basemap: Natural Earth · Places: GeoNames"_s);
        p.setPen(QPen(muted, 0.6));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(QPointF(0, 0), r.size()));
        p.restore();
        break;
    }
    case Kind::Timeline: {
        p.save();
        p.translate(r.topLeft());
        p.setClipRect(QRectF(QPointF(0, 0), r.size()));
        TimelineStyle style;
        style.font = smallFont;
        style.font.setPixelSize(std::max(6, int(std::lround(smallFont.pointSizeF()))));
        style.axisHeight = 28;
        style.headerWidth = slides ? 150 : 110;
        // Every lane in the strip: lanes shrink (down to one row of marks) rather than fall off
        // its bottom edge.
        const double fit =
            (r.height() - style.axisHeight - 2) / double(std::max<qsizetype>(1, time->laneCount()));
        style.laneHeight = std::clamp(int(fit), 14, slides ? 40 : 30);
        style.rowHeight = 10;
        style.barHeight = 7;
        style.markRadius = 3;
        style.laneToggles = false;
        TimelineRenderer renderer(*time, style);
        const QSize size = r.size().toSize();
        renderer.paint(p, size, renderer.viewportFor(size, timeFrom, timeTo), timeScene);
        p.setPen(QPen(muted, 0.6));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(QPointF(0, 0), r.size()));
        p.restore();
        break;
    }
    case Kind::Card: {
        const Card& c = cards[item.index];
        double y = r.top();
        p.setPen(QPen(QColor(0xd0, 0xd6, 0xdc), 0.6));
        p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
        y += 2;
        p.setFont(smallFont);
        p.setPen(muted);
        const QString head = c.when + c.place;
        double h = textHeight(smallFont, r.width(), head);
        p.drawText(QRectF(r.left(), y, r.width(), h), Qt::TextWordWrap, head);
        y += h;
        p.setFont(boldFont);
        p.setPen(ink);
        const QString title = c.title + u' ' + c.marks;
        h = textHeight(boldFont, r.width(), title);
        p.drawText(QRectF(r.left(), y, r.width(), h), Qt::TextWordWrap, title);
        y += h;
        p.setFont(bodyFont);
        h = textHeight(bodyFont, r.width(), c.summary);
        p.drawText(QRectF(r.left(), y, r.width(), h), Qt::TextWordWrap, c.summary);
        break;
    }
    case Kind::More:
        p.setFont(boldFont);
        p.setPen(muted);
        p.drawText(r, Qt::TextWordWrap, item.text);
        break;
    case Kind::NoteTitle:
        p.setFont(boldFont);
        p.drawText(r, Qt::TextWordWrap, notes[item.index].first);
        break;
    case Kind::NoteSlice: {
        p.save();
        p.translate(r.left(), r.top() - item.offset);
        const QRectF clip(0, item.offset, r.width(), r.height());
        p.setClipRect(clip);
        notes[item.index].second->drawContents(&p, clip);
        p.restore();
        break;
    }
    case Kind::Chart: {
        const QRectF plot = r.adjusted(28, 4, -4, -22);
        const int n = int(histogram.bars.size());
        int top = 1;
        for (const auto& bar : histogram.bars)
            top = std::max(top, bar.second);
        p.setFont(smallFont);
        p.setPen(QPen(muted, 0.5));
        p.drawLine(plot.bottomLeft(), plot.bottomRight());
        p.drawText(QRectF(r.left(), plot.top() - 4, 24, 10), Qt::AlignRight, QString::number(top));
        p.drawText(QRectF(r.left(), plot.bottom() - 8, 24, 10), Qt::AlignRight, u"0"_s);
        const double w = plot.width() / n;
        const int labelEvery = std::max(1, int(std::ceil(n / (plot.width() / 48))));
        for (int i = 0; i < n; ++i) {
            const double h = plot.height() * histogram.bars[i].second / top;
            p.fillRect(QRectF(plot.left() + i * w + w * 0.1, plot.bottom() - h, w * 0.8, h),
                       accent);
            if (i % labelEvery == 0) {
                p.setPen(muted);
                p.drawText(QRectF(plot.left() + i * w - 20 + w / 2, plot.bottom() + 3, 40, 12),
                           Qt::AlignHCenter | Qt::AlignTop, histogram.bars[i].first);
            }
        }
        break;
    }
    case Kind::Footnote:
        p.setFont(bodyFont);
        p.drawText(QRectF(r.left(), r.top(), 20, r.height()), Qt::AlignRight,
                   u"[%1]"_s.arg(item.index + 1));
        p.drawText(QRectF(r.left() + 22, r.top(), r.width() - 22, r.height()), Qt::TextWordWrap,
                   footnotes[item.index]);
        break;
    case Kind::Line:
        p.setFont(bodyFont);
        p.drawText(r, Qt::TextWordWrap, item.text);
        break;
    }
}

Briefing::Briefing()
    : d(std::make_unique<Data>()) {}
Briefing::Briefing(Briefing&&) noexcept = default;
Briefing& Briefing::operator=(Briefing&&) noexcept = default;
Briefing::~Briefing() = default;

Result<Briefing> Briefing::prepare(CaseDocument& document, const BriefingOptions& options) {
    Briefing b;
    Data& d = *b.d;
    d.o = options;
    d.slides = options.layout == BriefingLayout::Slides;
    switch (options.layout) {
    case BriefingLayout::A4Portrait:
        d.page = QSizeF(595.28, 841.89);
        break;
    case BriefingLayout::A4Landscape:
        d.page = QSizeF(841.89, 595.28);
        break;
    case BriefingLayout::Letter:
        d.page = QSizeF(612, 792);
        break;
    case BriefingLayout::Slides:
        d.page = QSizeF(960, 540);
        d.margin = 40;
        break;
    }
    d.setFonts();

    // Everything through the export profile first.
    ExportScope eo;
    eo.profile = options.profile;
    eo.filter = options.filter;
    eo.gridDegrees = options.gridDegrees;
    auto collected = collect(document, eo);
    if (!collected)
        return collected.error();
    const ExportSet& set = collected.value();
    d.withheld = set.withheld;
    d.events = set.events.size();

    d.title = set.clean(options.title.isEmpty() ? set.title : options.title);
    d.subtitle = set.clean(options.subtitle);
    QStringList by;
    if (!options.author.isEmpty())
        by << set.clean(options.author);
    by << (options.date.isEmpty()
               ? QLocale(QLocale::English).toString(Clock::nowUtc().date(), u"d MMMM yyyy"_s)
               : options.date);
    by << u"Case %1"_s.arg(set.caseId);
    if (options.profile != ExportProfile::Public)
        by << (options.profile == ExportProfile::Full ? u"FULL — includes confidential records"_s
                                                      : u"Internal"_s);
    d.byline = by.join(u"  ·  "_s);

    // Cards, with footnote numbers in the order sources are first cited.
    QList<qint64> order;
    const int cap = std::max(0, options.maxCards);
    for (const Event& e : set.events) {
        if (d.cards.size() >= cap)
            break;
        Data::Card c;
        c.when = e.start.toDisplayString() +
                 (e.end.isValid() ? u" – "_s + e.end.toDisplayString() : QString());
        if (e.placeId) {
            // The place, with its names in other scripts (Chinese, Burmese, …) as readers
            // there know it.
            c.place = u"  ·  "_s + set.placeName(e.placeId);
            QStringList local;
            for (const Alias& a : set.places.value(e.placeId).aliases) {
                const bool latin = std::all_of(a.name.cbegin(), a.name.cend(), [](QChar ch) {
                    return ch.script() == QChar::Script_Latin ||
                           ch.script() == QChar::Script_Common ||
                           ch.script() == QChar::Script_Inherited;
                });
                if (!latin && local.size() < 2)
                    local << set.clean(a.name);
            }
            if (!local.isEmpty())
                c.place += u" ("_s + local.join(u" · "_s) + u')';
        }
        c.title = e.title;
        c.summary = shortened(plainText(e.description), d.slides ? 220 : 320);
        QStringList marks;
        for (const Citation& cit : set.citations.value(e.id)) {
            if (!order.contains(cit.sourceId))
                order << cit.sourceId;
            const QString mark = u"[%1]"_s.arg(order.indexOf(cit.sourceId) + 1);
            if (!marks.contains(mark))
                marks << mark;
        }
        c.marks = marks.isEmpty() ? u"(unsourced)"_s : marks.join(QString());
        if (e.status == EventStatus::Disputed)
            c.marks += u" (disputed)"_s;
        d.cards << c;
    }
    d.moreEvents = d.events - d.cards.size();
    for (qint64 id : order)
        d.footnotes << sourceLine(set.source(id));

    // Notes chosen, as the profile lets them out.
    for (qint64 id : options.noteIds)
        for (const Note& n : set.notes)
            if (n.id == id) {
                auto doc = std::make_shared<SafeTextDocument>();
                doc->documentLayout()->setPaintDevice(measureDevice());
                doc->setDefaultFont(d.bodyFont);
                doc->setMarkdown(noteMarkdown(set, n));
                d.notes.append({set.clean(n.title), doc});
            }

    // The map: the events shown, their places (names as they leave), the case's layers.
    if (options.blocks.contains(BriefingBlock::Map)) {
        auto basemap = Basemap::load();
        if (!basemap)
            return basemap.error();
        d.basemap = std::make_shared<Basemap>(std::move(basemap).value());
        auto full = CaseMapData::load(document.db());
        if (!full)
            return full.error();
        for (CaseMapData::Layer& layer : full.value().layers) {
            if (!layer.visible)
                continue;
            for (auto& label : layer.labels)
                label.text = set.clean(label.text);
            d.map.layers.push_back(std::move(layer));
        }
        QHash<qint64, int> placeIndex;
        auto addPlace = [&](qint64 id) -> int {
            if (!id || !set.places.contains(id))
                return -1;
            if (auto it = placeIndex.constFind(id); it != placeIndex.cend())
                return *it;
            const Place& pl = set.places.value(id);
            if (!pl.point)
                return -1;
            placeIndex.insert(id, int(d.map.places.size()));
            d.map.places.push_back({id,
                                    set.clean(pl.name),
                                    webmercator::fromLonLat(pl.point->lon, pl.point->lat),
                                    {}});
            return placeIndex.value(id);
        };
        for (const Event& e : set.events) {
            const int place = addPlace(e.placeId);
            if (e.point)
                d.map.events.push_back({e.id, webmercator::fromLonLat(e.point->lon, e.point->lat),
                                        e.earliest(), e.latest(), QColor(), 0, -1});
            const int from = addPlace(e.originPlaceId), to = addPlace(e.destinationPlaceId);
            if (from >= 0 && to >= 0)
                d.map.movements.push_back({e.id, d.map.places[size_t(from)].at,
                                           d.map.places[size_t(to)].at,
                                           e.values.isEmpty() ? 0 : e.values.first().value,
                                           e.earliest(), e.latest(), QColor()});
            Q_UNUSED(place);
        }
        if (options.extent)
            d.extent = *options.extent;
        else
            d.map.extent(d.extent[0], d.extent[1], d.extent[2], d.extent[3]);
    }

    // The timeline strip: the same events, by their first tag.
    if (options.blocks.contains(BriefingBlock::Timeline) && !set.events.isEmpty()) {
        QStringList lanes;
        std::vector<TimeIndex::Entry> entries;
        QHash<qint64, bool> cited;
        for (const Event& e : set.events) {
            TimeIndex::Entry entry;
            entry.id = e.id;
            entry.earliest = e.earliest();
            entry.latest = e.latest();
            entry.flags =
                TimeIndex::dateFlags(e.start.toEdtf().toUtf8(),
                                     e.end.isValid() ? e.end.toEdtf().toUtf8() : QByteArray());
            if (set.citations.value(e.id).isEmpty())
                entry.flags |= TimeIndex::Unsourced;
            if (e.status == EventStatus::Disputed)
                entry.flags |= TimeIndex::Disputed;
            entry.title = e.title;
            if (!e.tags.isEmpty()) {
                const QString tag = set.clean(e.tags.first());
                if (!lanes.contains(tag))
                    lanes << tag;
                entry.lane = int(lanes.indexOf(tag));
            }
            entries.push_back(entry);
        }
        d.time = TimeIndex::fromEntries(entries, lanes, u"No tag"_s, LaneGrouping::Tag);
        if (auto tags = document.catalog().tags())
            for (const Tag& t : tags.value()) {
                const qsizetype lane = d.time->laneNames().indexOf(set.clean(t.name));
                if (lane >= 0 && t.color.isValid())
                    d.timeScene.laneColors.insert(int(lane), t.color);
            }
        for (Era era : set.eras) {
            era.name = set.clean(era.name);
            d.timeScene.eras << era;
        }
        qint64 from = 0, to = 0;
        if (options.timeRange) {
            from = options.timeRange->first;
            to = options.timeRange->second;
        } else if (d.time->extent(from, to)) {
            const qint64 pad = std::max<qint64>(86400, (to - from) / 30);
            from -= pad;
            to += pad;
        }
        d.timeFrom = double(from);
        d.timeTo = double(std::max(to, from + 86400));
    }
    d.histogram = histogramOf(set.events);

    // What a reader must know about what they see.
    QStringList& m = d.methodLines;
    const QString scope = !options.viewName.isEmpty()
                              ? u"the saved view \"%1\""_s.arg(set.clean(options.viewName))
                          : options.filter && !options.filter->isEmpty() ? u"a filter of the case"_s
                                                                         : u"the whole case"_s;
    m << u"This briefing shows %1 events from %2, in date order; %3 are shown as cards."_s
             .arg(d.events)
             .arg(scope)
             .arg(d.cards.size());
    switch (options.profile) {
    case ExportProfile::Public:
        m << u"Public edition: %1 confidential records are left out, protected persons appear "
             "under pseudonyms, and internal events are placed only to within %2°."_s
                 .arg(d.withheld)
                 .arg(options.gridDegrees);
        break;
    case ExportProfile::Internal:
        m << u"Internal edition: %1 confidential records are left out."_s.arg(d.withheld);
        break;
    case ExportProfile::Full:
        m << u"Full edition: confidential records are included. Do not circulate."_s;
        break;
    }
    QStringList unsourced, disputed;
    qint64 uncertain = 0;
    for (const Event& e : set.events) {
        const QString label = u"%1 (%2)"_s.arg(e.title, e.start.toDisplayString());
        if (set.citations.value(e.id).isEmpty())
            unsourced << label;
        if (e.status == EventStatus::Disputed)
            disputed << label;
        if (FuzzyDate::qualifiersOf(e.start, e.end) != 0)
            ++uncertain;
    }
    auto listed = [](const QStringList& items) {
        QStringList shown = items.mid(0, 15);
        QString text = shown.join(u"; "_s);
        if (items.size() > shown.size())
            text += u"; and %1 more"_s.arg(items.size() - shown.size());
        return text;
    };
    m << (unsourced.isEmpty()
              ? u"Every event shown cites at least one source."_s
              : u"Unsourced events shown (%1): %2."_s.arg(unsourced.size()).arg(listed(unsourced)));
    if (!disputed.isEmpty())
        m << u"Disputed events shown (%1): %2."_s.arg(disputed.size()).arg(listed(disputed));
    if (uncertain > 0)
        m << u"%1 events have uncertain, approximate or open-ended dates; they are printed as "
             u"recorded "
             "(\"?\" uncertain, \"c.\" approximate, \"before\"/\"after\" open-ended) and drawn "
             "as ranges on the timeline."_s.arg(uncertain);
    m << u"Sources are numbered in the order the cards first cite them; reliability is graded "
         "A (reliable) to F (cannot be judged)."_s;

    d.layout();
    return b;
}

int Briefing::pageCount() const {
    return int(d->pages.size());
}

QSizeF Briefing::pageSize() const {
    return d->page;
}

void Briefing::paintPage(QPainter& painter, int page) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), d->page), Qt::white);
    if (page >= 0 && page < d->pages.size())
        for (const Data::Item& item : d->pages[page])
            d->paint(painter, item);
    // The footer: the title and the page number.
    painter.setFont(d->smallFont);
    painter.setPen(QColor(0x80, 0x88, 0x90));
    const QRectF foot(d->margin, d->page.height() - d->margin + 4, d->page.width() - 2 * d->margin,
                      12);
    painter.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, shortened(d->title, 90));
    painter.drawText(foot, Qt::AlignRight | Qt::AlignVCenter,
                     u"%1 / %2"_s.arg(page + 1).arg(pageCount()));
    painter.restore();
}

qint64 Briefing::eventCount() const {
    return d->events;
}
qint64 Briefing::cardCount() const {
    return d->cards.size();
}
qint64 Briefing::sourceCount() const {
    return d->footnotes.size();
}
QString Briefing::title() const {
    return d->title;
}
qint64 Briefing::withheld() const {
    return d->withheld;
}

std::optional<std::pair<int, double>> Briefing::blockStart(BriefingBlock block) const {
    for (int p = 0; p < d->pages.size(); ++p)
        for (const Data::Item& item : d->pages[p])
            if (item.block == block)
                return std::pair{p, item.rect.top()};
    return std::nullopt;
}

Result<BriefingReport> writeBriefing(CaseDocument& document, const QString& path,
                                     const BriefingOptions& options) {
    if (document.isReadOnly())
        return makeError(
            ErrorCode::ReadOnly,
            QCoreApplication::translate(
                "caseatlas",
                "Every briefing is written to the case's custody log, and this case is "
                "open read-only; nothing was written."));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"pdf"_s && suffix != u"svg"_s && suffix != u"png"_s)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas",
                                        "A briefing is written as .pdf, .svg or .png, not \"%1\".")
                .arg(QFileInfo(path).fileName()));
    auto prepared = Briefing::prepare(document, options);
    if (!prepared)
        return prepared.error();
    const Briefing& briefing = prepared.value();
    const QSizeF page = briefing.pageSize();
    BriefingReport report;
    report.pages = briefing.pageCount();
    report.events = briefing.eventCount();
    report.cards = briefing.cardCount();
    report.sources = briefing.sourceCount();
    report.withheld = briefing.withheld();

    // Each page (a PDF: the whole) is drawn into memory first, so that its hash is logged in
    // the same step as the file appears.
    QList<std::pair<QString, QByteArray>> outputs; // file, bytes
    auto fileFor = [&](int pageNo) {
        if (suffix == u"pdf"_s || pageNo == 0)
            return path;
        const QFileInfo info(path);
        return info.dir().filePath(
            u"%1-%2.%3"_s.arg(info.completeBaseName()).arg(pageNo + 1).arg(info.suffix()));
    };
    if (suffix == u"pdf"_s) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            QPdfWriter pdf(&buffer);
            pdf.setResolution(72);
            pdf.setTitle(briefing.title());
            pdf.setCreator(u"CaseAtlas %1"_s.arg(QStringLiteral(CASEATLAS_VERSION)));
            pdf.setPageSize(QPageSize(page, QPageSize::Point, QString(), QPageSize::ExactMatch));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            QPainter painter(&pdf);
            for (int i = 0; i < briefing.pageCount(); ++i) {
                if (i > 0)
                    pdf.newPage();
                briefing.paintPage(painter, i);
            }
        }
        outputs.append({path, buffer.data()});
    } else {
        for (int i = 0; i < briefing.pageCount(); ++i) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            if (suffix == u"svg"_s) {
                QSvgGenerator svg;
                svg.setOutputDevice(&buffer);
                svg.setSize(page.toSize());
                svg.setViewBox(QRectF(QPointF(0, 0), page));
                svg.setResolution(72);
                svg.setTitle(briefing.title());
                QPainter painter(&svg);
                briefing.paintPage(painter, i);
            } else {
                const double scale = std::clamp(options.dpi, 36.0, 600.0) / 72.0;
                QImage image((page * scale).toSize(), QImage::Format_RGB32);
                image.setDotsPerMeterX(2835); // text measured and drawn at 72 per inch, scaled
                image.setDotsPerMeterY(2835);
                {
                    QPainter painter(&image);
                    painter.scale(scale, scale);
                    briefing.paintPage(painter, i);
                }
                const int dpm = int(std::lround(options.dpi / 0.0254));
                image.setDotsPerMeterX(dpm);
                image.setDotsPerMeterY(dpm);
                image.save(&buffer, "PNG");
            }
            outputs.append({fileFor(i), buffer.data()});
        }
    }
    SqliteTransaction tx(document.db());
    CA_TRY(tx.status());
    for (const auto& [file, bytes] : outputs)
        CA_TRY(document.custodyLog().append(
            options.who, u"export-briefing"_s, QString::fromLatin1(Sha256::hex(bytes)), 0,
            u"%1, profile %2, %3 events, %4 cards, %5 sources, %6 withheld: %7"_s
                .arg(briefingLayoutKey(options.layout), exportProfileKey(options.profile))
                .arg(report.events)
                .arg(report.cards)
                .arg(report.sources)
                .arg(report.withheld)
                .arg(QFileInfo(file).fileName())));
    QStringList written;
    for (const auto& [file, bytes] : outputs) {
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
            for (const QString& done : written) // all the pages or none
                QFile::remove(done);
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("caseatlas", "%1 cannot be written.")
                                 .arg(QDir::toNativeSeparators(file)),
                             out.errorString());
        }
        written << file;
    }
    CA_TRY(tx.commit());
    report.files = written;
    return report;
}

} // namespace caseatlas
