#pragma once

#include "core/result.h"

#include <QPainter>
#include <QSize>

#include <functional>

namespace caseatlas {

// Writes what `paint` draws on a canvas of `size` to PNG (at `dpi`), SVG or PDF, chosen by the
// file's suffix; vector formats stay vector. Used by every picture export (timeline, map).
Status writePictureFile(const QString& path, QSize size, double dpi, const QString& title,
                        const std::function<void(QPainter&)>& paint);

} // namespace caseatlas
