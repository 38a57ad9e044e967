#pragma once

#include "domain/era.h"
#include "model/timeindex.h"
#include "render/timelinestyle.h"
#include "render/timelineviewport.h"

#include <QHash>
#include <QImage>
#include <QPainter>
#include <QSet>

#include <vector>

namespace caseatlas {

// What a timeline shows besides the events themselves.
struct TimelineScene {
    QList<Era> eras;
    QSet<qint64> selected; // event ids
    qint64 hovered = 0;
    QSet<int> collapsedLanes;
    QHash<int, QColor> laneColors; // lane → colour (e.g. the tag's own); else the palette
    const std::vector<bool>* shown = nullptr; // by index position (the case filter); null: all
    // With a filter: per lane, how many of its events it shows. A lane showing none folds away;
    // the lane headers count what is shown. Empty: no filter.
    std::vector<int> laneShown;
    std::optional<qint64> now; // the "now" marker
    int scrollY = 0;           // lanes scrolled up by this many pixels
};

// Paints a timeline from a TimeIndex on any QPainter: the screen, PNG/SVG/PDF export,
// briefings, tests and benchmarks. Lanes whose events would crowd the view are drawn as a
// per-column density histogram instead of items.
class TimelineRenderer {
public:
    struct Hit {
        enum class Kind { None, Event, Density, LaneHeader, Axis };
        Kind kind = Kind::None;
        qsizetype position = -1; // index position of the event (Event)
        int lane = -1;
        int count = 0;           // events in the column (Density)
        double from = 0, to = 0; // the column's time range (Density)
    };

    explicit TimelineRenderer(const TimeIndex& index, TimelineStyle style = {});

    const TimelineStyle& style() const { return m_style; }
    const TimeIndex& index() const { return m_index; }
    // The plot area for a canvas of `size`: right of the lane headers, below the axis.
    QRect plotRect(QSize size) const;
    // The viewport that fits the plot area of `size` and spans [from, to].
    TimelineViewport viewportFor(QSize size, double from, double to) const;
    // Height of all lanes (for scrolling).
    int lanesHeight(const TimelineScene& scene) const;
    int laneHeight(int lane, const TimelineScene& scene) const; // 0: folded away
    // Top of a lane in canvas coordinates, and its height.
    std::pair<int, int> laneBand(int lane, const TimelineScene& scene) const;

    void paint(QPainter& painter, QSize size, const TimelineViewport& viewport,
               const TimelineScene& scene) const;
    Hit hitTest(QPointF point, QSize size, const TimelineViewport& viewport,
                const TimelineScene& scene) const;
    // Events whose [earliest, latest] is more than this many view widths are too imprecise to
    // place at the current zoom ("2023" seen at day zoom): counted on the lane, not drawn.
    static constexpr double ImpreciseFactor = 3.0;
    // Index positions of the events drawn inside `rect` (in dense lanes: every event of the lane
    // in the rect's time span), for rubber-band selection.
    std::vector<qsizetype> eventsIn(QRectF rect, QSize size, const TimelineViewport& viewport,
                                    const TimelineScene& scene) const;
    // Whether a lane is drawn as density in this view.
    bool laneIsDense(int lane, const TimelineViewport& viewport, const TimelineScene& scene) const;

private:
    struct Item {
        quint32 position;
        float x0, x1; // extent (span bar, or the soft [earliest, latest] range)
        float anchor; // where the mark sits (instants)
        int row = 0;  // sub-row within the lane, so overlapping items do not cover each other
    };
    // Sorts items by where they start and packs them into the lane's rows.
    void packRows(std::vector<Item>& items, int laneHeight) const;
    double rowCentre(int top, int laneHeight, int row) const;
    void collect(int lane, const TimelineViewport& vp, const TimelineScene& scene,
                 std::vector<Item>& out) const;
    void densityBins(int lane, const TimelineViewport& vp, const TimelineScene& scene,
                     std::vector<int>& bins) const;
    QColor laneColor(int lane, const TimelineScene& scene) const;
    void paintAxis(QPainter& p, QSize size, const TimelineViewport& vp) const;
    void paintItems(QPainter& p, int lane, int top, int height, const std::vector<Item>& items,
                    const TimelineViewport& vp, const TimelineScene& scene, bool raster) const;
    void paintMark(QPainter& p, QPointF centre, quint8 flags, QColor colour, bool selected,
                   bool raster) const;
    const QImage& sprite(quint8 flags, QColor colour, bool selected) const;

    const TimeIndex& m_index;
    TimelineStyle m_style;
    mutable QHash<quint64, QImage> m_sprites;
    mutable std::vector<Item> m_items;
    mutable int m_collectedLane = -1; // m_items holds this lane in this view (within one paint)
    mutable TimelineViewport m_collectedView;
    mutable int m_imprecise = 0; // items skipped by the last collect(): far wider than the view
    mutable std::vector<int> m_bins;
};

} // namespace caseatlas
