#include "render/timelinerenderer.h"

#include "domain/fuzzydate.h"

#include <QFontMetrics>
#include <QLinearGradient>
#include <QLocale>
#include <QPaintEngine>

#include <cmath>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

constexpr qint64 kMin = std::numeric_limits<qint64>::min();
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr double kDay = 86400;

// A calendar unit for axis ticks: a count of seconds, days, months or years.
struct TickUnit {
    enum Kind { Seconds, Days, Months, Years } kind;
    qint64 step;
    double approxSeconds;
};

const TickUnit kUnits[] = {
    {TickUnit::Seconds, 60, 60},
    {TickUnit::Seconds, 300, 300},
    {TickUnit::Seconds, 900, 900},
    {TickUnit::Seconds, 3600, 3600},
    {TickUnit::Seconds, 3 * 3600, 10800},
    {TickUnit::Seconds, 6 * 3600, 21600},
    {TickUnit::Seconds, 12 * 3600, 43200},
    {TickUnit::Days, 1, kDay},
    {TickUnit::Days, 7, 7 * kDay},
    {TickUnit::Months, 1, 30.44 * kDay},
    {TickUnit::Months, 3, 91.3 * kDay},
    {TickUnit::Years, 1, 365.25 * kDay},
    {TickUnit::Years, 2, 730.5 * kDay},
    {TickUnit::Years, 5, 1826 * kDay},
    {TickUnit::Years, 10, 3652 * kDay},
    {TickUnit::Years, 20, 7305 * kDay},
    {TickUnit::Years, 50, 18262 * kDay},
    {TickUnit::Years, 100, 36525 * kDay},
    {TickUnit::Years, 250, 91312 * kDay},
    {TickUnit::Years, 500, 182625 * kDay},
    {TickUnit::Years, 1000, 365250 * kDay},
};

qint64 floorDiv(qint64 a, qint64 b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

struct Civil {
    qint64 year;
    int month, day, hour, minute;
};

Civil civilOf(double t) {
    const auto secs = qint64(std::floor(t));
    const qint64 days = floorDiv(secs, 86400);
    const qint64 rem = secs - days * 86400;
    Civil c{};
    FuzzyDate::civilFromDays(days, c.year, c.month, c.day);
    c.hour = int(rem / 3600);
    c.minute = int(rem / 60 % 60);
    return c;
}

QString monthName(int m) {
    return QLocale().standaloneMonthName(m, QLocale::ShortFormat);
}

QString yearText(qint64 y) {
    return y > 0 ? QString::number(y) : QString::number(1 - y) + u" BCE"_s;
}

// Ticks for a view: the first tick at or after `from`, stepping by the unit.
template <typename Fn> void forEachTick(const TickUnit& u, double from, double to, Fn&& fn) {
    const Civil c = civilOf(from);
    int guard = 0;
    if (u.kind == TickUnit::Seconds) {
        for (double t = double(floorDiv(qint64(std::floor(from)), u.step) * u.step);
             t <= to && guard < 4000; t += double(u.step), ++guard)
            fn(t);
    } else if (u.kind == TickUnit::Days) {
        qint64 day = FuzzyDate::daysFromCivil(c.year, c.month, c.day);
        if (u.step == 7) // weeks start on Monday (1970-01-01 was a Thursday)
            day -= ((day + 3) % 7 + 7) % 7;
        for (; double(day) * kDay <= to && guard < 4000; day += u.step, ++guard)
            fn(double(day) * kDay);
    } else if (u.kind == TickUnit::Months) {
        qint64 y = c.year;
        int m = int((c.month - 1) / u.step * u.step) + 1;
        for (; guard < 4000; ++guard) {
            const double t = double(FuzzyDate::secondsFromCivil(y, m, 1));
            if (t > to)
                break;
            fn(t);
            m += int(u.step);
            if (m > 12) {
                m -= 12;
                ++y;
            }
        }
    } else {
        for (qint64 y = floorDiv(c.year, u.step) * u.step; guard < 4000; y += u.step, ++guard) {
            const double t = double(FuzzyDate::secondsFromCivil(y, 1, 1));
            if (t > to)
                break;
            fn(t);
        }
    }
}

QString tickLabel(const TickUnit& u, double t) {
    const Civil c = civilOf(t);
    switch (u.kind) {
    case TickUnit::Seconds:
        if (c.hour == 0 && c.minute == 0)
            return u"%1 %2"_s.arg(c.day).arg(monthName(c.month));
        return u"%1:%2"_s.arg(c.hour, 2, 10, QChar(u'0')).arg(c.minute, 2, 10, QChar(u'0'));
    case TickUnit::Days:
        if (c.day == 1 && c.month == 1)
            return yearText(c.year);
        return u"%1 %2"_s.arg(c.day).arg(monthName(c.month));
    case TickUnit::Months:
        return c.month == 1 ? yearText(c.year) : monthName(c.month);
    case TickUnit::Years:
        return yearText(c.year);
    }
    return {};
}

bool isRaster(QPainter& p) {
    return p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster;
}

} // namespace

TimelineRenderer::TimelineRenderer(const TimeIndex& index, TimelineStyle style)
    : m_index(index)
    , m_style(std::move(style)) {}

QRect TimelineRenderer::plotRect(QSize size) const {
    return QRect(m_style.headerWidth, m_style.axisHeight,
                 std::max(1, size.width() - m_style.headerWidth),
                 std::max(1, size.height() - m_style.axisHeight));
}

TimelineViewport TimelineRenderer::viewportFor(QSize size, double from, double to) const {
    return TimelineViewport::spanning(from, to, plotRect(size).width());
}

int TimelineRenderer::laneHeight(int lane, const TimelineScene& scene) const {
    if (!scene.laneShown.empty() && size_t(lane) < scene.laneShown.size() &&
        scene.laneShown[size_t(lane)] == 0)
        return 0; // nothing in it matches the filter: folded away
    return scene.collapsedLanes.contains(lane) ? m_style.collapsedLaneHeight : m_style.laneHeight;
}

int TimelineRenderer::lanesHeight(const TimelineScene& scene) const {
    int h = 0;
    for (int l = 0; l < m_index.laneCount(); ++l)
        h += laneHeight(l, scene);
    return h;
}

std::pair<int, int> TimelineRenderer::laneBand(int lane, const TimelineScene& scene) const {
    int top = m_style.axisHeight - scene.scrollY;
    for (int l = 0; l < lane; ++l)
        top += laneHeight(l, scene);
    return {top, laneHeight(lane, scene)};
}

QColor TimelineRenderer::laneColor(int lane, const TimelineScene& scene) const {
    return scene.laneColors.value(lane, m_style.laneColor(lane));
}

void TimelineRenderer::collect(int lane, const TimelineViewport& vp, const TimelineScene& scene,
                               std::vector<Item>& out) const {
    out.clear();
    m_imprecise = 0;
    const double t0 = vp.start(), t1 = vp.end();
    const double tooWide = ImpreciseFactor * (t1 - t0);
    const TimeIndex& ix = m_index;
    auto add = [&](quint32 pos) {
        if (scene.shown && !(*scene.shown)[pos])
            return;
        const qint64 e = ix.earliest(pos), l = ix.latest(pos);
        if (double(l) < t0 || double(e) > t1)
            return;
        // Too loose to place here: a closed range far wider than the view, or an open range
        // whose dated end lies outside it.
        // A span (an event that lasted from one date to another) is drawn across the view
        // however wide it is — it covers it; only a single date known loosely is "too loose".
        const bool span = ix.flags(pos) & TimeIndex::Span;
        const bool loose = !span && ((e == kMin && l == kMax) || (e == kMin && double(l) > t1) ||
                                     (l == kMax && double(e) < t0) ||
                                     (e != kMin && l != kMax && double(l) - double(e) > tooWide));
        if (loose) {
            ++m_imprecise;
            return;
        }
        const float x0 = e == kMin ? -1e6f : float(vp.timeToX(double(e)));
        const float x1 = l == kMax ? 1e7f : float(vp.timeToX(double(l) + 1));
        float anchor = 0.5f * (x0 + x1);
        if (ix.flags(pos) & TimeIndex::Span)
            anchor = e == kMin ? x1 : x0;
        out.push_back({pos, x0, x1, anchor});
    };
    const auto shortMembers = ix.laneShort(lane);
    const double from = std::max(t0 - double(TimeIndex::LongSpan), -9.2e18);
    const std::size_t a = ix.lowerBoundShort(lane, qint64(from));
    const std::size_t b = ix.lowerBoundShort(lane, qint64(std::min(t1, 9.2e18)) + 1);
    for (std::size_t i = a; i < b; ++i)
        add(shortMembers[i]);
    const auto longMembers = ix.laneLong(lane);
    const auto longTimes = ix.laneLongTimes(lane);
    for (std::size_t k = 0; k < longTimes.size(); ++k)
        if (double(longTimes[k].latest) >= t0 && double(longTimes[k].earliest) <= t1)
            add(longMembers[k]);
    m_collectedLane = lane;
    m_collectedView = vp;
}

bool TimelineRenderer::laneIsDense(int lane, const TimelineViewport& vp,
                                   const TimelineScene& scene) const {
    if (scene.collapsedLanes.contains(lane))
        return true;
    const std::size_t a = m_index.lowerBoundShort(lane, qint64(std::max(vp.start(), -9.2e18)));
    const std::size_t b = m_index.lowerBoundShort(lane, qint64(std::min(vp.end(), 9.2e18)) + 1);
    const auto limit = std::size_t(std::max(8, vp.width() / 8));
    const auto anchors = m_index.laneLongAnchors(lane);
    const auto placedLong = std::size_t(
        std::upper_bound(anchors.begin(), anchors.end(), qint64(std::min(vp.end(), 9.2e18))) -
        std::lower_bound(anchors.begin(), anchors.end(), qint64(std::max(vp.start(), -9.2e18))));
    if (b - a + placedLong > limit) // without a filter, enough to know before collecting
        return true;
    collect(lane, vp, scene, m_items);
    return m_items.size() > limit;
}

void TimelineRenderer::densityBins(int lane, const TimelineViewport& vp, const TimelineScene& scene,
                                   std::vector<int>& bins) const {
    const int w = vp.width();
    bins.assign(size_t(w), 0);
    auto binOf = [&](double x) { return std::clamp(int(std::floor(x)), 0, w - 1); };
    // Each event counts in the column of its start (short events) or anchor (long ones); one
    // whose place falls outside the view is not counted here, as in item mode.
    const auto shortMembers = m_index.laneShort(lane);
    const auto earliest = m_index.laneShortEarliest(lane);
    const double t0 = std::max(vp.start(), -9.2e18), t1 = std::min(vp.end(), 9.2e18);
    auto walk = [&](std::span<const qint64> times) {
        // Column boundaries through sorted times: a binary search per column, no per-event work.
        auto i =
            std::size_t(std::lower_bound(times.begin(), times.end(), qint64(t0)) - times.begin());
        const auto b =
            std::size_t(std::upper_bound(times.begin(), times.end(), qint64(t1)) - times.begin());
        for (int c = 0; c < w && i < b; ++c) {
            const auto boundary =
                c == w - 1 ? qint64(t1) + 1 : qint64(std::min(vp.xToTime(c + 1), 9.2e18));
            const auto j = std::size_t(std::lower_bound(times.begin() + qsizetype(i),
                                                        times.begin() + qsizetype(b), boundary) -
                                       times.begin());
            bins[size_t(c)] += int(j - i);
            i = j;
        }
    };
    if (!scene.shown) {
        walk(earliest);
        walk(m_index.laneLongAnchors(lane));
        return;
    }
    const std::size_t a = m_index.lowerBoundShort(lane, qint64(t0));
    const std::size_t b = m_index.lowerBoundShort(lane, qint64(t1) + 1);
    for (std::size_t i = a; i < b; ++i)
        if ((*scene.shown)[shortMembers[i]])
            ++bins[size_t(binOf(vp.timeToX(double(earliest[i]))))];
    const auto longMembers = m_index.laneLong(lane);
    const auto longTimes = m_index.laneLongTimes(lane);
    for (std::size_t k = 0; k < longTimes.size(); ++k) {
        const double at = double(longTimes[k].anchor);
        if (at < t0 || at > t1 || !(*scene.shown)[longMembers[k]])
            continue;
        ++bins[size_t(binOf(vp.timeToX(at)))];
    }
}

void TimelineRenderer::packRows(std::vector<Item>& items, int laneHeight) const {
    const int r = m_style.markRadius;
    auto startOf = [&](const Item& it) {
        return (m_index.flags(it.position) & TimeIndex::Span) ? it.x0 : it.anchor - float(r);
    };
    auto endOf = [&](const Item& it) {
        return (m_index.flags(it.position) & TimeIndex::Span) ? it.x1 : it.anchor + float(r);
    };
    std::sort(items.begin(), items.end(),
              [&](const Item& a, const Item& b) { return startOf(a) < startOf(b); });
    const int rows = std::max(1, (laneHeight - 4) / m_style.rowHeight);
    float ends[16];
    std::fill(std::begin(ends), std::end(ends), -1e30f);
    const int usable = std::min(rows, 16);
    for (Item& it : items) {
        int chosen = 0;
        for (int k = 0; k < usable; ++k) {
            if (ends[k] + 3 <= startOf(it)) {
                chosen = k;
                break;
            }
            if (ends[k] < ends[chosen])
                chosen = k;
        }
        it.row = chosen;
        ends[chosen] = std::max(ends[chosen], endOf(it));
    }
}

double TimelineRenderer::rowCentre(int top, int laneHeight, int row) const {
    const int rows = std::max(1, (laneHeight - 4) / m_style.rowHeight);
    if (rows == 1)
        return top + laneHeight / 2.0;
    const double used = rows * m_style.rowHeight;
    return top + (laneHeight - used) / 2.0 + m_style.rowHeight * (row + 0.5);
}

const QImage& TimelineRenderer::sprite(quint8 flags, QColor colour, bool selected) const {
    const quint64 key = (quint64(colour.rgba()) << 16) | (quint64(flags) << 1) | (selected ? 1 : 0);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    const int r = m_style.markRadius;
    const int size = 2 * r + 10;
    QImage img(size, size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    {
        QPainter p(&img);
        paintMark(p, QPointF(size / 2.0, size / 2.0), flags, colour, selected, false);
    }
    return *m_sprites.insert(key, img);
}

void TimelineRenderer::paintMark(QPainter& p, QPointF c, quint8 flags, QColor colour, bool selected,
                                 bool raster) const {
    if (raster) {
        const QImage& img = sprite(flags, colour, selected);
        p.drawImage(QPointF(c.x() - img.width() / 2.0, c.y() - img.height() / 2.0), img);
        return;
    }
    const double r = m_style.markRadius;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    if (flags & TimeIndex::Uncertain) {
        // Uncertain: a dashed ring around the mark.
        QPen ring(m_style.text, 1.3, Qt::DashLine);
        p.setPen(ring);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, r + 3, r + 3);
    }
    QColor fill = colour;
    QColor outline = colour.darker(150);
    if (flags & TimeIndex::Approximate) {
        // Approximate: a paler, soft-edged mark.
        fill.setAlpha(110);
        outline.setAlpha(0);
    }
    if (flags & TimeIndex::Unsourced) {
        // Unsourced: hollow, in the warning colour.
        p.setPen(QPen(m_style.warning, 2.2));
        p.setBrush(m_style.background);
    } else {
        p.setPen(outline.alpha() ? QPen(outline, 1) : Qt::NoPen);
        p.setBrush(fill);
    }
    p.drawEllipse(c, r, r);
    if (flags & TimeIndex::Disputed) {
        p.setPen(QPen(m_style.disputed, 1.6));
        p.drawLine(c + QPointF(-r, r), c + QPointF(r, -r));
    }
    if (flags & TimeIndex::Confidential) {
        p.setPen(Qt::NoPen);
        p.setBrush(m_style.confidential);
        p.drawRect(QRectF(c.x() + r - 1, c.y() - r - 2, 4, 4));
    }
    if (selected) {
        p.setPen(QPen(m_style.selection, 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, r + 2, r + 2);
    }
    p.restore();
}

void TimelineRenderer::paintItems(QPainter& p, int lane, int top, int height,
                                  const std::vector<Item>& items, const TimelineViewport& vp,
                                  const TimelineScene& scene, bool raster) const {
    const QColor colour = laneColor(lane, scene);
    const double w = vp.width();
    const int r = m_style.markRadius;
    const double bh = std::min(m_style.barHeight, m_style.rowHeight - 2);
    QColor soft = colour;
    soft.setAlpha(45);
    QColor softer = colour;
    softer.setAlpha(22);

    // Soft ranges and bars first, marks on top, labels last.
    for (const Item& it : items) {
        const quint8 f = m_index.flags(it.position);
        const double cy = rowCentre(top, height, it.row);
        const double x0 = std::max<double>(it.x0, -20), x1 = std::min<double>(it.x1, w + 20);
        const bool selected = scene.selected.contains(m_index.id(it.position));
        if (f & TimeIndex::Span) {
            QRectF bar(x0, cy - bh / 2.0, std::max(2.0, x1 - x0), bh);
            QColor fill = colour;
            if (f & (TimeIndex::Approximate | TimeIndex::Uncertain))
                fill.setAlpha(120);
            if (f & TimeIndex::Unsourced) {
                p.fillRect(bar, m_style.background);
            } else if (f & (TimeIndex::OpenStart | TimeIndex::OpenEnd)) {
                // Open or unknown ends fade out.
                QLinearGradient g(bar.topLeft(), bar.topRight());
                QColor faded = fill;
                faded.setAlpha(0);
                const double fadeFrac = std::min(0.5, 60.0 / std::max(1.0, bar.width()));
                g.setColorAt(0, (f & TimeIndex::OpenStart) ? faded : fill);
                g.setColorAt(fadeFrac, fill);
                g.setColorAt(1 - fadeFrac, fill);
                g.setColorAt(1, (f & TimeIndex::OpenEnd) ? faded : fill);
                p.fillRect(bar, g);
            } else {
                p.fillRect(bar, fill);
            }
            QPen edge(f & TimeIndex::Unsourced ? m_style.warning : colour.darker(140),
                      f & TimeIndex::Unsourced ? 2 : 1,
                      f & TimeIndex::Uncertain ? Qt::DashLine : Qt::SolidLine);
            if (selected)
                edge = QPen(m_style.selection, 2);
            p.setPen(edge);
            p.setBrush(Qt::NoBrush);
            p.drawRect(bar);
            if (f & TimeIndex::Disputed)
                p.fillRect(QRectF(x0, bar.bottom() - 2, std::max(2.0, x1 - x0), 2),
                           m_style.disputed);
            if (f & TimeIndex::Confidential)
                p.fillRect(QRectF(std::max(0.0, x0) + 1, bar.top() + 1, 4, 4),
                           m_style.confidential);
        } else if (x1 - x0 >= 3) {
            // The [earliest, latest] extent of an instant known only roughly: a soft band.
            p.fillRect(QRectF(x0, cy - r - 2, x1 - x0, 2 * r + 4), soft);
            if (f & TimeIndex::Approximate) {
                const double extra = x1 - x0;
                p.fillRect(QRectF(x0 - extra, cy - r + 1, extra, 2 * r - 2), softer);
                p.fillRect(QRectF(x1, cy - r + 1, extra, 2 * r - 2), softer);
            }
        }
    }
    for (const Item& it : items) {
        const quint8 f = m_index.flags(it.position);
        if ((f & TimeIndex::Span) || it.anchor < -r - 6 || it.anchor > w + r + 6)
            continue;
        paintMark(p, QPointF(std::round(it.anchor), std::round(rowCentre(top, height, it.row))), f,
                  colour, scene.selected.contains(m_index.id(it.position)), raster);
    }
    // Labels where they fit: right of a mark or at the start of a bar, never over the next item
    // of the same row nor over another label. `items` is sorted by start (packRows).
    p.setFont(m_style.font);
    const QFontMetrics fm(m_style.font);
    std::vector<double> freeFrom(16, -1e9);
    // Where the next item of the same row starts, for each item.
    std::vector<double> nextStart(items.size(), w - 2);
    std::vector<qsizetype> previous(16, -1);
    for (size_t k = 0; k < items.size(); ++k) {
        const Item& it = items[k];
        const bool span = m_index.flags(it.position) & TimeIndex::Span;
        const double start = span ? std::max<double>(it.x0, 0) : it.anchor - r;
        const auto row = size_t(std::min(it.row, 15));
        if (previous[row] >= 0)
            nextStart[size_t(previous[row])] = start;
        previous[row] = qsizetype(k);
    }
    for (size_t k = 0; k < items.size(); ++k) {
        const Item& it = items[k];
        const quint8 f = m_index.flags(it.position);
        const bool span = f & TimeIndex::Span;
        const auto row = size_t(std::min(it.row, 15));
        const double cy = rowCentre(top, height, it.row);
        const double x = span ? std::max<double>(it.x0, 0) + 4 : it.anchor + r + 4;
        const double limit = std::min(nextStart[k] - 4, w - 2);
        if (x < freeFrom[row] || x < 0 || limit - x < 60) // under ~8 characters says nothing
            continue;
        const QString text =
            fm.elidedText(m_index.title(it.position), Qt::ElideRight, int(limit - x));
        if (text.isEmpty() || text == u"…"_s)
            continue;
        const bool inside =
            span && !(f & (TimeIndex::Unsourced | TimeIndex::Approximate | TimeIndex::Uncertain)) &&
            x + fm.horizontalAdvance(text) < it.x1 && colour.lightness() < 150;
        p.setPen(inside ? QColor(Qt::white) : m_style.text);
        p.drawText(QPointF(x, cy + fm.ascent() / 2.0 - 1), text);
        freeFrom[row] = x + fm.horizontalAdvance(text) + 6;
    }
}

void TimelineRenderer::paintAxis(QPainter& p, QSize size, const TimelineViewport& vp) const {
    const QRect plot = plotRect(size);
    p.fillRect(QRect(0, 0, size.width(), m_style.axisHeight), m_style.axisBackground);
    const double minPx = 90;
    const TickUnit* unit = &kUnits[std::size(kUnits) - 1];
    for (const TickUnit& u : kUnits)
        if (u.approxSeconds / vp.secondsPerPixel() >= minPx) {
            unit = &u;
            break;
        }
    const QFontMetrics fm(m_style.font);
    p.setFont(m_style.font);
    double lastLabelEnd = -1e9;
    forEachTick(*unit, vp.start(), vp.end(), [&](double t) {
        const double x = plot.left() + vp.timeToX(t);
        if (x < plot.left() - 1 || x > size.width())
            return;
        p.setPen(m_style.grid);
        p.drawLine(QPointF(x, plot.top()), QPointF(x, size.height()));
        p.setPen(m_style.mutedText);
        p.drawLine(QPointF(x, m_style.axisHeight - 8), QPointF(x, m_style.axisHeight));
        const QString label = tickLabel(*unit, t);
        const int tw = fm.horizontalAdvance(label);
        if (x + 3 > lastLabelEnd && x + 3 + tw < size.width()) {
            p.setPen(m_style.text);
            p.drawText(QPointF(x + 3, m_style.axisHeight - 12), label);
            lastLabelEnd = x + 3 + tw + 8;
        }
    });
    // The span shown, top left.
    p.setPen(m_style.mutedText);
    const QString range = FuzzyDate::isoUtc(qint64(vp.start())).left(10) + u" – "_s +
                          FuzzyDate::isoUtc(qint64(vp.end())).left(10);
    p.drawText(QRect(6, 4, m_style.headerWidth - 8, m_style.axisHeight - 8),
               Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(range, Qt::ElideRight, m_style.headerWidth - 10));
}

void TimelineRenderer::paint(QPainter& p, QSize size, const TimelineViewport& vp,
                             const TimelineScene& scene) const {
    const bool raster = isRaster(p);
    const QRect plot = plotRect(size);
    m_collectedLane = -1; // the scene may have changed since the last call
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(QRect(QPoint(0, 0), size), m_style.background);

    // Lane backgrounds.
    for (int l = 0; l < m_index.laneCount(); ++l) {
        const auto [top, h] = laneBand(l, scene);
        if (h == 0)
            continue; // folded away by the filter
        if (top > size.height() || top + h < plot.top())
            continue;
        if (l % 2 == 1)
            p.fillRect(QRect(0, top, size.width(), h), m_style.laneAlternate);
    }
    // Eras as labelled bands behind everything: their part of the plot, or nothing.
    auto eraExtent = [&](const Era& era) -> std::optional<std::pair<double, double>> {
        if (!era.span.isValid())
            return std::nullopt;
        const double e = era.span.earliest() == kMin ? vp.start() : double(era.span.earliest());
        const double l = era.span.latest() == kMax ? vp.end() : double(era.span.latest());
        if (l < vp.start() || e > vp.end())
            return std::nullopt;
        return std::pair{std::max(0.0, vp.timeToX(e)),
                         std::min(double(plot.width()), vp.timeToX(l))};
    };
    auto eraColour = [](const Era& era) {
        return era.color.isValid() ? era.color : QColor(0xd6, 0xea, 0xf8);
    };
    const QFontMetrics fm(m_style.font);
    p.setFont(m_style.font);
    for (const Era& era : scene.eras) {
        if (const auto x = eraExtent(era)) {
            QColor c = eraColour(era);
            c.setAlpha(40);
            p.fillRect(
                QRectF(plot.left() + x->first, plot.top(), x->second - x->first, plot.height()), c);
        }
    }

    paintAxis(p, size, vp);
    // Era names along the top of the axis band.
    for (const Era& era : scene.eras) {
        if (const auto x = eraExtent(era)) {
            const auto [x0, x1] = *x;
            p.fillRect(QRectF(plot.left() + x0, 0, x1 - x0, fm.height() + 2), eraColour(era));
            p.setPen(m_style.text);
            p.drawText(QRectF(plot.left() + x0 + 4, 1, std::max(0.0, x1 - x0 - 8), fm.height()),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(era.name, Qt::ElideRight, int(x1 - x0 - 8)));
        }
    }

    // Lanes: items or density.
    p.save();
    p.setClipRect(plot);
    p.translate(plot.left(), 0);
    double maxBin = 1;
    std::vector<std::pair<int, std::vector<int>>> dense;
    for (int l = 0; l < m_index.laneCount(); ++l) {
        const auto [top, h] = laneBand(l, scene);
        if (h == 0)
            continue; // folded away by the filter
        if (top > size.height() || top + h < plot.top())
            continue;
        if (laneIsDense(l, vp, scene)) {
            densityBins(l, vp, scene, m_bins);
            for (int v : m_bins)
                maxBin = std::max(maxBin, double(v));
            dense.emplace_back(l, m_bins);
        } else {
            if (m_collectedLane != l ||
                !(m_collectedView == vp)) // laneIsDense may have collected it
                collect(l, vp, scene, m_items);
            packRows(m_items, h);
            paintItems(p, l, top, h, m_items, vp, scene, raster);
            if (m_imprecise > 0) {
                // Events this lane holds that cannot be placed at this zoom: say how many.
                const QString note =
                    m_imprecise == 1
                        ? u"+1 event dated too loosely to place here"_s
                        : u"+%1 events dated too loosely to place here"_s.arg(m_imprecise);
                QColor band = laneColor(l, scene);
                band.setAlpha(30);
                p.fillRect(QRect(0, top + h - 4, plot.width(), 3), band);
                p.setPen(m_style.mutedText);
                p.drawText(QRect(0, top, plot.width() - 6, h - 2), Qt::AlignRight | Qt::AlignBottom,
                           note);
            }
        }
    }
    const double logMax = std::log1p(maxBin);
    // Bar heights by count, computed once per frame for the common small counts.
    std::vector<int> heightOf(size_t(std::min(maxBin, 4096.0)) + 1, -1);
    auto barHeight = [&](int v, double usable) {
        if (v < int(heightOf.size()) && usable == m_style.laneHeight - 6 &&
            heightOf[size_t(v)] >= 0)
            return heightOf[size_t(v)];
        const int hh = std::max(1, int(std::lround(usable * std::log1p(v) / logMax)));
        if (v < int(heightOf.size()) && usable == m_style.laneHeight - 6)
            heightOf[size_t(v)] = hh;
        return hh;
    };
    // Straight into the pixels when painting on a plain 1:1 image (the screen buffer and
    // benchmarks): a column of solid pixels per bin instead of thousands of fillRect calls.
    QImage* direct = nullptr;
    QPoint offset;
    if (raster && p.device()->devType() == QInternal::Image) {
        auto* img = static_cast<QImage*>(p.device());
        const QTransform t = p.transform();
        if (img->format() == QImage::Format_ARGB32_Premultiplied &&
            img->devicePixelRatio() == 1.0 && t.type() <= QTransform::TxTranslate &&
            t.dx() == std::round(t.dx()) && t.dy() == std::round(t.dy())) {
            direct = img;
            offset = QPoint(int(t.dx()), int(t.dy()));
        }
    }
    for (const auto& [l, bins] : dense) {
        const auto [top, h] = laneBand(l, scene);
        if (h == 0)
            continue; // folded away by the filter
        // Opaque: the lane colour at 80 % over the lane's background.
        const QColor bg = l % 2 == 1 ? m_style.laneAlternate : m_style.background;
        const QColor lc = laneColor(l, scene);
        const QColor c = QColor::fromRgbF(0.8f * lc.redF() + 0.2f * bg.redF(),
                                          0.8f * lc.greenF() + 0.2f * bg.greenF(),
                                          0.8f * lc.blueF() + 0.2f * bg.blueF());
        const double usable = h - 6;
        const int bottom = top + h - 3; // exclusive
        const int clipTop = std::max(top, plot.top());
        if (direct) {
            const QRgb rgb = c.rgb();
            for (int x = 0; x < int(bins.size()); ++x) {
                const int v = bins[size_t(x)];
                if (v == 0)
                    continue;
                const int hh = barHeight(v, usable);
                const int px = x + offset.x();
                if (px < 0 || px >= direct->width())
                    continue;
                const int y0 = std::max(bottom - hh, clipTop) + offset.y();
                const int y1 = std::min(bottom + offset.y(), direct->height());
                for (int y = std::max(y0, 0); y < y1; ++y)
                    reinterpret_cast<QRgb*>(direct->scanLine(y))[px] = rgb;
            }
            continue;
        }
        int runStart = 0;
        int runHeight = -1;
        auto flush = [&](int end) {
            if (runHeight > 0)
                p.fillRect(QRect(runStart, bottom - runHeight, end - runStart, runHeight), c);
        };
        for (int x = 0; x < int(bins.size()); ++x) {
            const int v = bins[size_t(x)];
            const int hh = v == 0 ? 0 : barHeight(v, usable);
            if (hh != runHeight) {
                flush(x);
                runStart = x;
                runHeight = hh;
            }
        }
        flush(int(bins.size()));
    }
    // The "now" marker.
    if (scene.now) {
        const double x = vp.timeToX(double(*scene.now));
        if (x >= 0 && x <= plot.width()) {
            p.setPen(QPen(m_style.now, 1.5));
            p.drawLine(QPointF(x, plot.top()), QPointF(x, size.height()));
        }
    }
    p.restore();

    // Lane headers: name and count, ▸ when collapsed.
    p.fillRect(QRect(0, plot.top(), m_style.headerWidth, size.height() - plot.top()),
               m_style.axisBackground);
    p.setClipRect(QRect(0, plot.top(), m_style.headerWidth, size.height() - plot.top()));
    for (int l = 0; l < m_index.laneCount(); ++l) {
        const auto [top, h] = laneBand(l, scene);
        if (h == 0)
            continue; // folded away by the filter
        if (top > size.height() || top + h < plot.top())
            continue;
        p.fillRect(QRect(0, top + 4, 4, h - 8), laneColor(l, scene));
        p.setPen(m_style.text);
        const QString marker = !m_style.laneToggles               ? QString()
                               : scene.collapsedLanes.contains(l) ? u"▸ "_s
                                                                  : u"▾ "_s;
        const QString count = u" (%1)"_s.arg(scene.laneShown.empty() ? int(m_index.laneSize(l))
                                                                     : scene.laneShown[size_t(l)]);
        const QString name =
            fm.elidedText(m_index.laneNames().at(l), Qt::ElideRight,
                          m_style.headerWidth - 14 - fm.horizontalAdvance(marker + count));
        p.drawText(QRect(8, top, m_style.headerWidth - 10, h), Qt::AlignLeft | Qt::AlignVCenter,
                   marker + name + count);
        p.setPen(m_style.grid);
        p.drawLine(0, top + h - 1, size.width(), top + h - 1);
    }
    p.setClipping(false);
    p.setPen(m_style.grid);
    p.drawLine(m_style.headerWidth, 0, m_style.headerWidth, size.height());
    p.restore();
}

std::vector<qsizetype> TimelineRenderer::eventsIn(QRectF rect, QSize size,
                                                  const TimelineViewport& vp,
                                                  const TimelineScene& scene) const {
    std::vector<qsizetype> out;
    const QRect plot = plotRect(size);
    const QRectF r = rect.normalized().translated(-plot.left(), 0);
    const double t0 = vp.xToTime(r.left()), t1 = vp.xToTime(r.right());
    for (int l = 0; l < m_index.laneCount(); ++l) {
        const auto [top, h] = laneBand(l, scene);
        if (h == 0)
            continue; // folded away by the filter
        if (top + h < r.top() || top > r.bottom())
            continue;
        if (laneIsDense(l, vp, scene)) {
            auto take = [&](quint32 pos) {
                if (scene.shown && !(*scene.shown)[pos])
                    return;
                if (double(m_index.latest(pos)) >= t0 && double(m_index.earliest(pos)) <= t1)
                    out.push_back(pos);
            };
            for (const quint32 pos : m_index.laneShort(l))
                take(pos);
            for (const quint32 pos : m_index.laneLong(l))
                take(pos);
            continue;
        }
        collect(l, vp, scene, m_items);
        packRows(m_items, h);
        for (const Item& it : m_items) {
            const double cy = rowCentre(top, h, it.row);
            const bool span = m_index.flags(it.position) & TimeIndex::Span;
            const double x0 = span ? it.x0 : it.anchor - m_style.markRadius;
            const double x1 = span ? it.x1 : it.anchor + m_style.markRadius;
            if (x1 >= r.left() && x0 <= r.right() && cy >= r.top() && cy <= r.bottom())
                out.push_back(it.position);
        }
    }
    return out;
}

TimelineRenderer::Hit TimelineRenderer::hitTest(QPointF point, QSize size,
                                                const TimelineViewport& vp,
                                                const TimelineScene& scene) const {
    Hit hit;
    const QRect plot = plotRect(size);
    if (point.y() < plot.top()) {
        hit.kind = Hit::Kind::Axis;
        return hit;
    }
    for (int l = 0; l < m_index.laneCount(); ++l) {
        const auto [top, h] = laneBand(l, scene);
        if (h == 0)
            continue; // folded away by the filter
        if (point.y() < top || point.y() >= top + h)
            continue;
        hit.lane = l;
        if (point.x() < plot.left()) {
            hit.kind = Hit::Kind::LaneHeader;
            return hit;
        }
        const double x = point.x() - plot.left();
        if (laneIsDense(l, vp, scene)) {
            densityBins(l, vp, scene, m_bins);
            const int c = std::clamp(int(x), 0, int(m_bins.size()) - 1);
            hit.kind = Hit::Kind::Density;
            hit.count = m_bins[size_t(c)];
            hit.from = vp.xToTime(c);
            hit.to = vp.xToTime(c + 1);
            return hit;
        }
        collect(l, vp, scene, m_items);
        packRows(m_items, h);
        const double r = m_style.markRadius + 3;
        double best = 1e9;
        for (const Item& it : m_items) {
            const double cy = rowCentre(top, h, it.row);
            double d;
            if (m_index.flags(it.position) & TimeIndex::Span) {
                if (std::abs(point.y() - cy) > m_style.barHeight / 2.0 + 3)
                    continue;
                d = x < it.x0 ? it.x0 - x : x > it.x1 ? x - it.x1 : 0;
                if (d > 3)
                    continue;
            } else {
                d = std::hypot(x - it.anchor, point.y() - cy);
                if (d > r)
                    continue;
            }
            if (d < best) {
                best = d;
                hit.kind = Hit::Kind::Event;
                hit.position = it.position;
            }
        }
        return hit;
    }
    return hit;
}

} // namespace caseatlas
