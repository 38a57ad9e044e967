#include "formhelpers.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>

using namespace Qt::StringLiterals;

namespace caseatlas {

void addDialogButtons(QDialog* dialog, QFormLayout* form) {
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    form->addRow(buttons);
}

QComboBox* reliabilityCombo(Reliability current) {
    auto* combo = new QComboBox;
    for (Reliability r : {Reliability::A, Reliability::B, Reliability::C, Reliability::D,
                          Reliability::E, Reliability::F})
        combo->addItem(u"%1 — %2"_s.arg(reliabilityLetter(r)).arg(reliabilityDescription(r)),
                       QString(reliabilityLetter(r)));
    combo->setCurrentIndex(int(current));
    return combo;
}

Reliability reliabilityOf(const QComboBox* combo, Reliability fallback) {
    const QString letter = combo->currentData().toString();
    return letter.isEmpty() ? fallback : reliabilityFromLetter(letter.at(0)).value_or(fallback);
}

QComboBox* sensitivityCombo() {
    auto* combo = new QComboBox;
    for (Sensitivity s : {Sensitivity::Public, Sensitivity::Internal, Sensitivity::Confidential})
        combo->addItem(sensitivityKey(s), sensitivityKey(s));
    return combo;
}

} // namespace caseatlas
