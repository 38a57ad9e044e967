#pragma once

#include "domain/sensitivity.h"
#include "domain/source.h"
#include "geo/gazetteer.h"

class QComboBox;
class QDialog;
class QFormLayout;
class QListWidgetItem;
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
// A gazetteer entry as a list shows it: "Tachilek (Tachileik), MM — 20.448, 99.881 · 51,553
// people", the other name when that is what `typed` matched, the population when known.
QString gazetteerEntryText(const Gazetteer::Place& place, const QString& typed);
// The list's line when nothing matched: says so, and what to do instead (not selectable).
QListWidgetItem* gazetteerNoResultItem(const QString& typed);

} // namespace caseatlas
