#include "timelineview.h"

#include "core/clock.h"
#include "io/timelineexport.h"
#include "model/casedocument.h"

#include <QGuiApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QRubberBand>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace caseatlas {

TimelineView::TimelineView(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"timelineView"_s);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(240, 120);
    m_scrollBar = new QScrollBar(Qt::Horizontal, this);
    m_scrollBar->setObjectName(u"timelineScrollBar"_s);
    m_scrollBar->setRange(0, 0);
    connect(m_scrollBar, &QScrollBar::valueChanged, this, &TimelineView::onScrollBar);
}

QSize TimelineView::canvasSize() const {
    return QSize(width(), std::max(1, height() - m_scrollBar->sizeHint().height()));
}

// The scrollbar spans every event plus a margin, in 100000 steps whatever the zoom.
static constexpr int kScrollSteps = 100000;

void TimelineView::syncScrollBar() {
    if (!m_index || m_syncingScrollBar)
        return;
    qint64 from = 0, to = 0;
    if (!m_index->extent(from, to)) {
        m_scrollBar->setRange(0, 0);
        return;
    }
    const double span = m_viewport.end() - m_viewport.start();
    const double a = std::min(double(from) - span / 2, m_viewport.start());
    const double b = std::max(double(to) + span / 2, m_viewport.end());
    const double room = b - a - span;
    m_syncingScrollBar = true;
    m_scrollBar->setRange(0, room > 0 ? kScrollSteps : 0);
    m_scrollBar->setPageStep(
        int(std::clamp(span / std::max(1.0, b - a) * kScrollSteps, 1.0, double(kScrollSteps))));
    m_scrollBar->setValue(room > 0 ? int((m_viewport.start() - a) / room * kScrollSteps) : 0);
    m_scrollBar->setProperty("a", a);
    m_scrollBar->setProperty("room", room);
    m_syncingScrollBar = false;
}

void TimelineView::onScrollBar(int value) {
    if (m_syncingScrollBar)
        return;
    const double a = m_scrollBar->property("a").toDouble();
    const double room = m_scrollBar->property("room").toDouble();
    m_viewport.setStart(a + room * value / kScrollSteps);
    m_syncingScrollBar = true; // keep the range while dragging the handle
    update();
    m_syncingScrollBar = false;
}

TimelineView::~TimelineView() = default;

void TimelineView::setDocument(CaseDocument* document) {
    if (m_document) {
        disconnect(m_document, nullptr, this, nullptr);
        disconnect(m_document->selection(), nullptr, this, nullptr);
        disconnect(m_document->filter(), nullptr, this, nullptr);
    }
    m_document = document;
    m_index.reset();
    m_renderer.reset();
    m_scene = {};
    if (m_document) {
        connect(m_document, &CaseDocument::recordsChanged, this, &TimelineView::onRecordsChanged);
        connect(m_document->selection(), &CaseSelection::changed, this,
                &TimelineView::onSelectionChanged);
        connect(m_document->filter(), &CaseFilter::changed, this, &TimelineView::applyFilter);
        reload();
        fitAll();
    }
    update();
}

void TimelineView::setLaneGrouping(LaneGrouping grouping) {
    m_grouping = grouping;
    reload();
}

// The renderer's colours from the window's palette when it is dark; exports keep paper white.
TimelineStyle TimelineView::screenStyle() const {
    TimelineStyle style;
    style.font = font();
    const QPalette& p = palette();
    if (p.color(QPalette::Base).lightness() < 128) {
        style.background = p.color(QPalette::Base);
        style.laneAlternate = p.color(QPalette::Window);
        style.text = p.color(QPalette::Text);
        style.mutedText = p.color(QPalette::PlaceholderText);
        style.grid = p.color(QPalette::Mid);
        style.axisBackground = p.color(QPalette::Window).darker(110);
        style.confidential = QColor(0xb0, 0xbe, 0xc5);
    }
    return style;
}

void TimelineView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange ||
         event->type() == QEvent::ApplicationPaletteChange) &&
        m_index) {
        m_renderer = std::make_unique<TimelineRenderer>(*m_index, screenStyle());
        update();
    }
}

void TimelineView::reload() {
    if (!m_document)
        return;
    auto index = TimeIndex::load(m_document->db(), m_grouping);
    if (!index) {
        emit failed(index.error());
        return;
    }
    m_index = std::make_unique<TimeIndex>(std::move(index).value());
    m_renderer = std::make_unique<TimelineRenderer>(*m_index, screenStyle());
    const QSet<int> collapsed = m_scene.collapsedLanes;
    auto scene = caseTimelineScene(m_document->db(), *m_index);
    m_scene = scene ? scene.value() : TimelineScene{};
    m_scene.collapsedLanes = collapsed;
    m_scene.selected = m_document->selection()->events();
    applyFilter();
    updateViewportWidth();
    update();
}

void TimelineView::applyFilter() {
    if (!m_document || !m_index)
        return;
    auto mask = CaseFilter::mask(m_document->db(), *m_index, m_document->filter()->criteria());
    if (!mask) {
        emit failed(mask.error());
        return;
    }
    if (mask.value()) {
        m_shown = std::move(*mask.value());
        m_scene.shown = &m_shown;
        // The lanes follow: each counts what the filter shows, and one showing nothing folds
        // away; if nothing that matches is in view, the view moves to what matches.
        m_scene.laneShown.assign(size_t(m_index->laneCount()), 0);
        qint64 from = std::numeric_limits<qint64>::max(), to = std::numeric_limits<qint64>::min();
        bool inView = false;
        const double t0 = m_viewport.start(), t1 = m_viewport.end();
        for (qsizetype i = 0; i < m_index->size(); ++i) {
            if (!m_shown[size_t(i)])
                continue;
            const qint32 lane = m_index->lane(i);
            if (lane >= 0 && size_t(lane) < m_scene.laneShown.size())
                ++m_scene.laneShown[size_t(lane)];
            const qint64 e = m_index->earliest(i), l = m_index->latest(i);
            inView = inView || (double(l) >= t0 && double(e) <= t1);
            // An open end counts by its dated end.
            for (const qint64 t : {e, l})
                if (t != FuzzyDate::UnboundedPast && t != FuzzyDate::Unbounded) {
                    from = std::min(from, t);
                    to = std::max(to, t);
                }
        }
        m_scene.scrollY = 0; // the lanes that are left, from the top
        if (!inView && from <= to) {
            const double margin = std::max(30 * 86400.0, double(to - from) * 0.05);
            setVisibleRange(double(from) - margin, double(to) + margin);
        }
    } else {
        m_shown.clear();
        m_scene.shown = nullptr;
        m_scene.laneShown.clear();
    }
    syncScrollBar();
    update();
}

void TimelineView::onRecordsChanged(RecordKind kind, const QList<qint64>& eventIds) {
    // An edit of some events: just those are brought up to date (the lanes stay as they are);
    // anything else, or a change that adds or empties a lane, reads the case again.
    if (kind == RecordKind::Event && !eventIds.isEmpty() && m_index) {
        auto updated = m_index->update(m_document->db(), eventIds);
        if (!updated)
            return emit failed(updated.error());
        if (updated.value()) {
            m_renderer = std::make_unique<TimelineRenderer>(*m_index, screenStyle());
            applyFilter();
            update();
            return;
        }
    }
    if (kind == RecordKind::Event || kind == RecordKind::Tag || kind == RecordKind::Citation ||
        kind == RecordKind::Source || kind == RecordKind::Actor || kind == RecordKind::Place ||
        kind == RecordKind::Era)
        reload();
}

void TimelineView::onSelectionChanged() {
    m_scene.selected = m_document ? m_document->selection()->events() : QSet<qint64>{};
    update();
}

void TimelineView::updateViewportWidth() {
    if (m_renderer)
        m_viewport.setWidth(m_renderer->plotRect(canvasSize()).width());
}

void TimelineView::setVisibleRange(double from, double to) {
    if (!m_renderer)
        return;
    m_viewport = m_renderer->viewportFor(canvasSize(), from, to);
    update();
}

bool TimelineView::caseExtent(qint64& from, qint64& to) const {
    return m_index && m_index->extent(from, to);
}

void TimelineView::fitAll() {
    if (!m_index)
        return;
    qint64 from = 0, to = 0;
    if (!m_index->extent(from, to)) {
        const qint64 now = Clock::nowUtc().toSecsSinceEpoch();
        from = now - 365 * 86400;
        to = now;
    }
    const double margin = std::max(86400.0, double(to - from) * 0.03);
    setVisibleRange(double(from) - margin, double(to) + margin);
}

void TimelineView::bringIntoView(qint64 from, qint64 to) {
    if (from == FuzzyDate::UnboundedPast)
        from = to;
    if (to == FuzzyDate::Unbounded)
        to = from;
    if (from == FuzzyDate::UnboundedPast || to == FuzzyDate::Unbounded)
        return; // open at both ends: anywhere is in view
    const double start = m_viewport.start(), end = m_viewport.end();
    if (double(from) >= start && double(to) <= end)
        return;
    const double a = std::min(start, double(from)), b = std::max(end, double(to));
    const double margin = std::max(86400.0, (b - a) * 0.03);
    setVisibleRange(a - (double(from) < start ? margin : 0), b + (double(to) > end ? margin : 0));
}

void TimelineView::zoomToSelection() {
    if (!m_index || !m_document || m_document->selection()->events().isEmpty())
        return;
    double from = 0, to = 0;
    bool any = false;
    for (qsizetype i = 0; i < m_index->size(); ++i) {
        if (!m_document->selection()->contains(m_index->id(i)))
            continue;
        const qint64 e = m_index->earliest(i), l = m_index->latest(i);
        const double a = e == FuzzyDate::UnboundedPast ? double(l) : double(e);
        const double b = l == FuzzyDate::Unbounded ? double(e) : double(l);
        from = any ? std::min(from, a) : a;
        to = any ? std::max(to, b) : b;
        any = true;
    }
    if (any) {
        const double margin = std::max(3600.0, (to - from) * 0.1);
        setVisibleRange(from - margin, to + margin);
    }
}

void TimelineView::zoomBy(double factor) {
    m_viewport.zoomAt(m_viewport.width() / 2.0, factor);
    update();
}

qint64 TimelineView::eventAt(QPoint pos) const {
    if (!m_renderer)
        return 0;
    const auto hit = m_renderer->hitTest(pos, canvasSize(), m_viewport, m_scene);
    return hit.kind == TimelineRenderer::Hit::Kind::Event ? m_index->id(hit.position) : 0;
}

QPoint TimelineView::eventCentre(qint64 eventId) const {
    if (!m_renderer)
        return {-1, -1};
    // Scan the lane rows for the point that hit-tests to this event.
    const QRect plot = m_renderer->plotRect(canvasSize());
    const qsizetype pos = m_index->positionOf(eventId);
    if (pos < 0)
        return {-1, -1};
    const auto [top, h] = m_renderer->laneBand(m_index->lane(pos), m_scene);
    if (top < plot.top() || top + h > plot.bottom())
        return {-1, -1};
    const qint64 e = m_index->earliest(pos), l = m_index->latest(pos);
    const bool span = m_index->flags(pos) & TimeIndex::Span;
    const double t = span ? double(e) + 1 : 0.5 * (double(e) + double(l));
    const int x = plot.left() + int(std::lround(m_viewport.timeToX(t))) + (span ? 2 : 0);
    for (int y = top; y < top + h; ++y)
        if (eventAt(QPoint(x, y)) == eventId)
            return {x, y};
    return {-1, -1};
}

Status TimelineView::exportPicture(const QString& path, double dpi) const {
    if (!m_renderer)
        return makeError(ErrorCode::InvalidInput, u"There is no timeline to export."_s);
    return writeTimelinePicture(*m_renderer, m_viewport, m_scene, canvasSize(), path, dpi);
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const int h = m_scrollBar->sizeHint().height();
    m_scrollBar->setGeometry(0, height() - h, width(), h);
    updateViewportWidth();
}

void TimelineView::paintEvent(QPaintEvent*) {
    QPainter screen(this);
    if (!m_renderer) {
        screen.fillRect(rect(), palette().window());
        screen.setPen(palette().color(QPalette::PlaceholderText));
        screen.drawText(rect(), Qt::AlignCenter, tr("Open a case to see its timeline."));
        return;
    }
    const qreal dpr = devicePixelRatioF();
    const QSize canvas = canvasSize();
    const QSize pixels = (QSizeF(canvas) * dpr).toSize();
    if (m_frame.size() != pixels) {
        m_frame = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_frame.setDevicePixelRatio(dpr);
    }
    m_scene.now = Clock::nowUtc().toSecsSinceEpoch();
    {
        QPainter p(&m_frame);
        m_renderer->paint(p, canvas, m_viewport, m_scene);
        if (hasFocus()) {
            p.setPen(QPen(palette().color(QPalette::Highlight), 1));
            p.drawRect(QRect(QPoint(0, 0), canvas).adjusted(0, 0, -1, -1));
        }
    }
    screen.drawImage(0, 0, m_frame);
    syncScrollBar();
    if (!(m_announced == m_viewport)) {
        m_announced = m_viewport;
        emit visibleRangeChanged(m_viewport.start(), m_viewport.end());
    }
}

void TimelineView::wheelEvent(QWheelEvent* event) {
    if (!m_renderer)
        return;
    const QPoint delta = event->angleDelta();
    const double plotX = event->position().x() - m_renderer->plotRect(canvasSize()).left();
    if (plotX < 0 || event->modifiers() & Qt::AltModifier) {
        // Over the lane names (or with Alt): scroll the lanes.
        scrollLanes(-delta.y() / 2);
    } else if (event->modifiers() & Qt::ShiftModifier ||
               std::abs(delta.x()) > std::abs(delta.y())) {
        m_viewport.panPixels((delta.x() ? delta.x() : delta.y()) / 2.0);
    } else {
        m_viewport.zoomAt(plotX, std::pow(1.0015, delta.y()));
    }
    update();
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    setFocus();
    if (!m_renderer || !m_document || event->button() != Qt::LeftButton)
        return;
    m_pressPos = m_lastPos = event->position().toPoint();
    const auto hit = m_renderer->hitTest(event->position(), canvasSize(), m_viewport, m_scene);
    if (hit.kind == TimelineRenderer::Hit::Kind::LaneHeader) {
        if (!m_scene.collapsedLanes.remove(hit.lane))
            m_scene.collapsedLanes.insert(hit.lane);
        update();
        return;
    }
    if (hit.kind == TimelineRenderer::Hit::Kind::Event) {
        const qint64 id = m_index->id(hit.position);
        if (event->modifiers() & Qt::ControlModifier)
            m_document->selection()->toggle(id);
        else if (!m_document->selection()->contains(id))
            m_document->selection()->select({id});
        m_drag = m_document->isReadOnly() ? Drag::None : Drag::Move;
        m_dragEvent = id;
        m_dragSeconds = 0;
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        // Shift+drag: select everything in a rectangle.
        if (!m_rubberBand)
            m_rubberBand = new QRubberBand(QRubberBand::Rectangle, this);
        m_rubberBand->setGeometry(QRect(m_pressPos, QSize()));
        m_rubberBand->show();
        m_drag = Drag::Select;
        return;
    }
    if (!(event->modifiers() & Qt::ControlModifier))
        m_document->selection()->clear();
    m_drag = Drag::Pan;
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Pan) {
        m_viewport.panPixels(pos.x() - m_lastPos.x());
        m_lastPos = pos;
        update();
    } else if (m_drag == Drag::Move) {
        m_dragSeconds = (pos.x() - m_pressPos.x()) * m_viewport.secondsPerPixel();
        setCursor(Qt::SizeHorCursor);
    } else if (m_drag == Drag::Select && m_rubberBand) {
        m_rubberBand->setGeometry(QRect(m_pressPos, pos).normalized());
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_drag == Drag::Move && m_document &&
        std::abs(event->position().x() - m_pressPos.x()) >= 3) {
        // One undoable command per drag, in the date's own precision.
        m_dragSeconds = (event->position().x() - m_pressPos.x()) * m_viewport.secondsPerPixel();
        auto loaded = m_document->events().load(m_dragEvent);
        if (loaded) {
            Event e = loaded.value();
            const FuzzyDate start = e.start.shifted(qint64(m_dragSeconds));
            const FuzzyDate end =
                e.end.isValid() ? e.end.shifted(qint64(m_dragSeconds)) : FuzzyDate();
            if (start.isValid() && start.toEdtf() != e.start.toEdtf()) {
                e.start = start;
                e.end = end;
                if (Status s = m_document->updateEvent(e); !s)
                    emit failed(s.error());
            }
        }
    }
    if (m_drag == Drag::Select && m_rubberBand && m_document) {
        m_rubberBand->hide();
        QList<qint64> ids;
        for (const qsizetype i :
             m_renderer->eventsIn(QRect(m_pressPos, event->position().toPoint()).normalized(),
                                  canvasSize(), m_viewport, m_scene))
            ids << m_index->id(i);
        m_document->selection()->select(ids);
    }
    m_drag = Drag::None;
    m_dragEvent = 0;
    unsetCursor();
}

QString TimelineView::clickDate(double t) const {
    const qint64 secs = qint64(std::floor(t));
    const QString iso = FuzzyDate::isoUtc(secs);
    if (iso.isEmpty())
        return {};
    const double spp = m_viewport.secondsPerPixel();
    if (spp < 60)
        return iso.left(16) + u'Z'; // minutes
    if (spp < 86400 / 4.0)
        return iso.left(10); // day
    if (spp < 86400 * 10.0)
        return iso.left(7); // month
    return iso.left(4);     // year
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (!m_renderer)
        return;
    const auto hit = m_renderer->hitTest(event->position(), canvasSize(), m_viewport, m_scene);
    if (hit.kind == TimelineRenderer::Hit::Kind::Event) {
        emit eventActivated(m_index->id(hit.position));
    } else if (hit.kind == TimelineRenderer::Hit::Kind::None ||
               hit.kind == TimelineRenderer::Hit::Kind::Density) {
        const double x = event->position().x() - m_renderer->plotRect(canvasSize()).left();
        if (x >= 0)
            emit createRequested(clickDate(m_viewport.xToTime(x)));
    }
}

void TimelineView::scrollLanes(int dy) {
    if (!m_renderer)
        return;
    const int visible = m_renderer->plotRect(canvasSize()).height();
    const int maxScroll = std::max(0, m_renderer->lanesHeight(m_scene) - visible);
    m_scene.scrollY = std::clamp(m_scene.scrollY + dy, 0, maxScroll);
    update();
}

void TimelineView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_PageDown:
        scrollLanes(m_renderer ? m_renderer->plotRect(canvasSize()).height() - 20 : 0);
        break;
    case Qt::Key_PageUp:
        scrollLanes(m_renderer ? -(m_renderer->plotRect(canvasSize()).height() - 20) : 0);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.5);
        break;
    case Qt::Key_Minus:
        zoomBy(1 / 1.5);
        break;
    case Qt::Key_Left:
        if (event->modifiers() & Qt::ControlModifier) {
            selectAdjacent(-1);
            break;
        }
        m_viewport.panPixels(m_viewport.width() / 8.0);
        update();
        break;
    case Qt::Key_Right:
        if (event->modifiers() & Qt::ControlModifier) {
            selectAdjacent(+1);
            break;
        }
        m_viewport.panPixels(-m_viewport.width() / 8.0);
        update();
        break;
    case Qt::Key_Home:
        fitAll();
        break;
    case Qt::Key_Z:
        if (event->modifiers() == Qt::NoModifier) {
            zoomToSelection();
            break;
        }
        [[fallthrough]];
    default:
        QWidget::keyPressEvent(event);
    }
}

void TimelineView::selectAdjacent(int direction) {
    if (!m_index || !m_document || m_index->size() == 0)
        return;
    const qint64 current = m_document->selection()->current();
    qsizetype i = current ? m_index->positionOf(current) : -1;
    if (i < 0) // nothing selected: start from the view
        i = direction > 0 ? m_index->lowerBound(qint64(m_viewport.start())) - 1
                          : m_index->lowerBound(qint64(m_viewport.end()));
    for (i += direction; i >= 0 && i < m_index->size(); i += direction) {
        if (m_scene.shown && !(*m_scene.shown)[size_t(i)])
            continue;
        const qint64 id = m_index->id(i);
        m_document->selection()->select({id});
        // Keep it in view.
        const qint64 e = m_index->earliest(i), l = m_index->latest(i);
        const double t = e == FuzzyDate::UnboundedPast ? double(l)
                         : l == FuzzyDate::Unbounded   ? double(e)
                                                       : 0.5 * (double(e) + double(l));
        if (t < m_viewport.start() || t > m_viewport.end())
            m_viewport.setStart(t - (m_viewport.end() - m_viewport.start()) / 2);
        update();
        return;
    }
}

QString TimelineView::tooltipFor(qint64 eventId) const {
    auto e = m_document->events().load(eventId);
    if (!e)
        return {};
    auto citations = m_document->sources().citationsOfEvent(eventId);
    int sources = 0;
    QChar best;
    if (citations) {
        QSet<qint64> seen;
        for (const Citation& c : citations.value()) {
            if (seen.contains(c.sourceId))
                continue;
            seen.insert(c.sourceId);
            ++sources;
            if (auto s = m_document->sources().load(c.sourceId)) {
                const QChar g = reliabilityLetter(s.value().reliability);
                if (best.isNull() || g < best)
                    best = g;
            }
        }
    }
    QString date = e.value().start.toEdtf();
    if (e.value().end.isValid())
        date += u" → "_s + e.value().end.toEdtf();
    QString text = u"<b>%1</b><br>%2 <span style='color:gray'>(%3)</span><br>"_s.arg(
        e.value().title.toHtmlEscaped(), e.value().start.toDisplayString().toHtmlEscaped(),
        date.toHtmlEscaped());
    text += sources == 0 ? tr("<span style='color:#c0392b'>Unsourced</span>")
                         : tr("%n source(s), best reliability %1", nullptr, sources).arg(best);
    return text;
}

bool TimelineView::event(QEvent* event) {
    if (event->type() == QEvent::NativeGesture && m_renderer) {
        auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            const double x = gesture->position().x() - m_renderer->plotRect(canvasSize()).left();
            m_viewport.zoomAt(x, 1.0 + gesture->value());
            update();
            return true;
        }
    }
    if (event->type() == QEvent::ToolTip && m_renderer) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto hit = m_renderer->hitTest(help->pos(), canvasSize(), m_viewport, m_scene);
        if (hit.kind == TimelineRenderer::Hit::Kind::Event) {
            QToolTip::showText(help->globalPos(), tooltipFor(m_index->id(hit.position)), this);
        } else if (hit.kind == TimelineRenderer::Hit::Kind::Density) {
            QToolTip::showText(help->globalPos(),
                               tr("%n event(s) from %1 to %2", nullptr, hit.count)
                                   .arg(FuzzyDate::isoUtc(qint64(hit.from)).left(10),
                                        FuzzyDate::isoUtc(qint64(hit.to)).left(10)),
                               this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace caseatlas
