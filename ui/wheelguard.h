#pragma once

#include <QObject>

namespace caseatlas {

// Inputs change on the mouse wheel only when they have the keyboard focus. Scrolling a form
// over a combo box, spin box or slider otherwise changes it in passing — in the inspector, an
// edit of the event and an undo step each. Without the focus, the wheel scrolls whatever
// scroll area holds the input; a wheel no longer gives an input the focus.
class WheelGuard : public QObject {
    Q_OBJECT
public:
    // On the application, once; every window and dialog after it is guarded.
    static void install();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using QObject::QObject;
};

} // namespace caseatlas
