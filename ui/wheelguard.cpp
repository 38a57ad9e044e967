#include "wheelguard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QScrollBar>
#include <QWheelEvent>

namespace caseatlas {

namespace {

bool isGuarded(const QWidget* w) {
    if (qobject_cast<const QScrollBar*>(w))
        return false; // a scroll bar scrolls; it changes nothing of the case
    return qobject_cast<const QComboBox*>(w) || qobject_cast<const QAbstractSpinBox*>(w) ||
           qobject_cast<const QAbstractSlider*>(w);
}

// The input the wheel would change: the widget or the input it is part of (a spin box's line
// edit), never beyond its window (a combo box's open list is a window of its own and scrolls).
QWidget* guardedInput(QWidget* w) {
    for (; w; w = w->parentWidget()) {
        if (isGuarded(w))
            return w;
        if (w->isWindow())
            return nullptr;
    }
    return nullptr;
}

} // namespace

void WheelGuard::install() {
    static WheelGuard* guard = nullptr;
    if (guard || !qApp)
        return;
    guard = new WheelGuard(qApp);
    qApp->installEventFilter(guard);
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Polish) {
        // A wheel gives focus before any filter sees it, to inputs whose policy says so.
        if (auto* w = qobject_cast<QWidget*>(watched);
            w && isGuarded(w) && (w->focusPolicy() & Qt::WheelFocus) == Qt::WheelFocus)
            w->setFocusPolicy(Qt::StrongFocus);
        return false;
    }
    if (event->type() != QEvent::Wheel)
        return false;
    auto* target = qobject_cast<QWidget*>(watched);
    QWidget* input = guardedInput(target);
    if (!input)
        return false;
    const QWidget* focus = QApplication::focusWidget();
    if (input->hasFocus() || (focus && input->isAncestorOf(focus)))
        return false;
    // Not for this input: the scroll area around it scrolls instead.
    for (QWidget* w = input->parentWidget(); w; w = w->parentWidget()) {
        if (auto* area = qobject_cast<QAbstractScrollArea*>(w)) {
            auto* wheel = static_cast<QWheelEvent*>(event);
            const QPointF at = area->viewport()->mapFromGlobal(wheel->globalPosition());
            QWheelEvent forwarded(at, wheel->globalPosition(), wheel->pixelDelta(),
                                  wheel->angleDelta(), wheel->buttons(), wheel->modifiers(),
                                  wheel->phase(), wheel->inverted(), wheel->source());
            QCoreApplication::sendEvent(area->viewport(), &forwarded);
            break;
        }
        if (w->isWindow())
            break;
    }
    return true;
}

} // namespace caseatlas
