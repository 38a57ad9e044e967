#pragma once

#include "domain/sensitivity.h"
#include "domain/source.h"

class QComboBox;
class QDialog;
class QFormLayout;
class QSize;
class QWidget;

namespace caseatlas {

// Sizes a window as it would like to be, but never larger than the screen it opens on (less a
// margin for the title bar and a panel): a laptop's 1366 x 768 or 1280 x 720 shows all of it,
// its buttons included.
void fitToScreen(QWidget* window, const QSize& wanted);

// OK and Cancel at the foot of a dialog's form.
void addDialogButtons(QDialog* dialog, QFormLayout* form);
// The Admiralty reliability grades, "A — completely reliable" … "F — cannot be judged"; each
// item's data is its letter.
QComboBox* reliabilityCombo(Reliability current);
Reliability reliabilityOf(const QComboBox* combo, Reliability fallback);
// A stored key ("draft", "admin-area", "web-page", …) as the window shows it, translated.
QString shownKey(const QString& key);
// Public / internal / confidential; each item's data is its key.
QComboBox* sensitivityCombo();

} // namespace caseatlas
