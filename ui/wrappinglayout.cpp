#include "wrappinglayout.h"

#include <QWidget>

namespace caseatlas {

WrappingLayout::WrappingLayout(QWidget* parent, int spacing)
    : QLayout(parent)
    , m_spacing(spacing) {
    setContentsMargins(0, 0, 0, 0);
}

WrappingLayout::~WrappingLayout() {
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void WrappingLayout::addItem(QLayoutItem* item) {
    m_items.append(item);
}

QLayoutItem* WrappingLayout::takeAt(int index) {
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

int WrappingLayout::heightForWidth(int width) const {
    return arrange(QRect(0, 0, width, 0), false);
}

QSize WrappingLayout::minimumSize() const {
    QSize size;
    for (const QLayoutItem* item : m_items)
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize WrappingLayout::sizeHint() const {
    int width = 0, height = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        width += item->sizeHint().width() + (width ? m_spacing : 0);
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return {width + m.left() + m.right(), height + m.top() + m.bottom()};
}

void WrappingLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int WrappingLayout::arrange(const QRect& rect, bool apply) const {
    const QRect area = rect.marginsRemoved(contentsMargins());
    QList<QLayoutItem*> row;
    int y = area.y(), rowWidth = 0;
    auto flush = [&] {
        if (row.isEmpty())
            return;
        int height = 0, growing = 0;
        for (QLayoutItem* item : row) {
            height = std::max(height, item->sizeHint().height());
            growing += item->expandingDirections() & Qt::Horizontal ? 1 : 0;
        }
        if (apply) {
            const int spare = std::max(0, area.width() - rowWidth);
            int x = area.x();
            for (QLayoutItem* item : row) {
                int w = std::min(item->sizeHint().width(), area.width());
                if (growing && (item->expandingDirections() & Qt::Horizontal))
                    w += spare / growing;
                item->setGeometry(QRect(x, y + (height - item->sizeHint().height()) / 2, w,
                                        item->sizeHint().height()));
                x += w + m_spacing;
            }
        }
        y += height + m_spacing;
        row.clear();
        rowWidth = 0;
    };
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const int w = item->sizeHint().width();
        if (!row.isEmpty() && rowWidth + m_spacing + w > area.width())
            flush();
        rowWidth += (row.isEmpty() ? 0 : m_spacing) + w;
        row.append(item);
    }
    flush();
    const QMargins m = contentsMargins();
    return std::max(0, y - m_spacing - area.y()) + m.top() + m.bottom();
}

} // namespace caseatlas
