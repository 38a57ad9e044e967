#pragma once

#include <QtGlobal>

#include <algorithm>

namespace caseatlas {

// The time span a timeline shows across its plot width: the time at the left edge and the
// seconds one pixel covers. Times are seconds since 1970 (double, so zooming and panning
// back and forth does not drift).
class TimelineViewport {
public:
    static constexpr double MinSecondsPerPixel = 0.05;            // about a minute per 1200 px
    static constexpr double MaxSecondsPerPixel = 3.2e10 / 1000.0; // about a millennium per 1000 px

    TimelineViewport() = default;
    TimelineViewport(double start, double secondsPerPixel, int width)
        : m_start(start)
        , m_spp(std::clamp(secondsPerPixel, MinSecondsPerPixel, MaxSecondsPerPixel))
        , m_width(std::max(width, 1)) {}
    // The view that shows [from, to] across `width` pixels.
    static TimelineViewport spanning(double from, double to, int width);

    double start() const { return m_start; }
    double end() const { return m_start + m_spp * m_width; }
    double secondsPerPixel() const { return m_spp; }
    int width() const { return m_width; }
    void setWidth(int width) { m_width = std::max(width, 1); }

    double timeToX(double t) const { return (t - m_start) / m_spp; }
    double xToTime(double x) const { return m_start + x * m_spp; }

    // Zooms by `factor` (> 1 zooms in) keeping the time under `x` where it is.
    void zoomAt(double x, double factor);
    void panPixels(double dx) { m_start -= dx * m_spp; }
    void setStart(double start) { m_start = start; }

    bool operator==(const TimelineViewport&) const = default;

private:
    double m_start = 0;
    double m_spp = 86400;
    int m_width = 1;
};

} // namespace caseatlas
