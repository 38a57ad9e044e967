#pragma once

#include "render/timelinerenderer.h"

#include <QImage>
#include <QWidget>

class QRubberBand;
class QScrollBar;

#include <memory>
#include <optional>

namespace caseatlas {

class CaseDocument;
enum class RecordKind;

// The timeline on screen: owns input (wheel/keys/drag zoom and pan, hover, selection, drag to
// move an event in time, double-click), a reused frame buffer, and the time index. All drawing
// is TimelineRenderer's.
class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    void setDocument(CaseDocument* document);
    void setLaneGrouping(LaneGrouping grouping);
    LaneGrouping laneGrouping() const { return m_grouping; }
    // Reloads the index from the file (after edits).
    void reload();

    const TimelineViewport& viewport() const { return m_viewport; }
    void setVisibleRange(double from, double to);
    void fitAll();
    // The first and last second of the case's dated events; false when there are none.
    bool caseExtent(qint64& from, qint64& to) const;
    void zoomToSelection();
    // Widens the visible range, if need be, so that [from, to] (seconds) is in it.
    void bringIntoView(qint64 from, qint64 to);
    void zoomBy(double factor); // about the centre
    void scrollLanes(int dy);   // lanes up (dy > 0) or down, within their height
    // Selects the next (+1) or previous (-1) shown event in time after the current one.
    void selectAdjacent(int direction);
    // The area the renderer draws in: the widget less the scrollbar.
    QSize canvasSize() const;
    const TimeIndex* index() const { return m_index.get(); }
    const TimelineRenderer* renderer() const { return m_renderer.get(); }
    const TimelineScene& scene() const { return m_scene; }
    // The event under a point, 0 if none (for tests and tooltips).
    qint64 eventAt(QPoint pos) const;
    QPoint eventCentre(qint64 eventId) const; // where an event's mark or bar start is, or (-1,-1)
    Status exportPicture(const QString& path, double dpi = 96) const;

signals:
    void eventActivated(qint64 eventId);           // double-click on an event
    void createRequested(const QString& edtfDate); // double-click on empty time
    void failed(const caseatlas::Error& error);
    // The visible time span changed (after it was drawn): the map follows it.
    void visibleRangeChanged(double from, double to);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    TimelineStyle screenStyle() const;
    void onRecordsChanged(RecordKind kind, const QList<qint64>& eventIds);
    void onSelectionChanged();
    void applyFilter();
    void updateViewportWidth();
    QString tooltipFor(qint64 eventId) const;
    QString clickDate(double t) const; // EDTF at the precision of the current zoom

    CaseDocument* m_document = nullptr;
    LaneGrouping m_grouping = LaneGrouping::Tag;
    std::unique_ptr<TimeIndex> m_index;
    std::unique_ptr<TimelineRenderer> m_renderer;
    TimelineScene m_scene;
    std::vector<bool> m_shown; // the case filter over the index; used when m_scene.shown is set
    TimelineViewport m_viewport;
    TimelineViewport m_announced; // the last span sent through visibleRangeChanged
    QImage m_frame; // reused across paints: allocating a fresh full-screen image costs ~24 ms here
    bool m_dirty = true;

    void syncScrollBar();
    void onScrollBar(int value);

    QScrollBar* m_scrollBar;
    QRubberBand* m_rubberBand = nullptr;
    bool m_syncingScrollBar = false;
    enum class Drag { None, Pan, Move, Select } m_drag = Drag::None;
    QPoint m_pressPos;
    QPoint m_lastPos;
    qint64 m_dragEvent = 0;
    double m_dragSeconds = 0;
};

} // namespace caseatlas
