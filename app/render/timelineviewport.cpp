#include "render/timelineviewport.h"

namespace caseatlas {

TimelineViewport TimelineViewport::spanning(double from, double to, int width) {
    width = std::max(width, 1);
    if (to <= from)
        to = from + 86400;
    return TimelineViewport(from, (to - from) / width, width);
}

void TimelineViewport::zoomAt(double x, double factor) {
    if (factor <= 0)
        return;
    const double anchor = xToTime(x);
    m_spp = std::clamp(m_spp / factor, MinSecondsPerPixel, MaxSecondsPerPixel);
    m_start = anchor - x * m_spp;
}

} // namespace caseatlas
