#pragma once

#include <QLayout>
#include <QList>

namespace caseatlas {

// Widgets in a row, left to right, that wraps onto further rows when the row is too narrow for
// them all — so a bar of fields fits a laptop screen as well as a wide one. Items that may grow
// (a horizontal size policy that expands) share each row's spare width.
class WrappingLayout : public QLayout {
public:
    explicit WrappingLayout(QWidget* parent = nullptr, int spacing = 6);
    ~WrappingLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem* itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return Qt::Horizontal; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override; // the widest single item
    QSize sizeHint() const override;    // everything in one row
    void setGeometry(const QRect& rect) override;

private:
    // Lays the items out in `rect` (only measures when `apply` is false); returns the height.
    int arrange(const QRect& rect, bool apply) const;
    QList<QLayoutItem*> m_items;
    int m_spacing;
};

} // namespace caseatlas
