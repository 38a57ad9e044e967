#include "neweventdialog.h"

#include "model/casedocument.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace caseatlas {

NewEventDialog::NewEventDialog(CaseDocument& document, const QString& suggestedDate,
                               QWidget* parent)
    : QDialog(parent) {
    setObjectName(u"newEventDialog"_s);
    setWindowTitle(tr("New Event"));
    m_title = new QLineEdit;
    m_title->setObjectName(u"newEventTitle"_s);
    m_date = new QLineEdit(suggestedDate);
    m_date->setObjectName(u"newEventDate"_s);
    m_date->setPlaceholderText(tr("EDTF: 2023-11-12, 2023-11?, 2023~/2024, ../2024-01-05"));
    m_dateCheck = new QLabel;
    m_dateCheck->setObjectName(u"newEventDateCheck"_s);
    m_dateCheck->setTextFormat(Qt::PlainText);
    m_dateCheck->setWordWrap(true);
    m_place = new QComboBox;
    m_place->setObjectName(u"newEventPlace"_s);
    m_place->setEditable(true);
    m_place->setInsertPolicy(QComboBox::NoInsert);
    m_place->completer()->setFilterMode(Qt::MatchContains);
    m_place->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_place->addItem(tr("(no place yet)"), qint64(0));
    if (auto places = document.places().all())
        for (const Place& p : places.value())
            m_place->addItem(p.name, p.id);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(QString(), m_dateCheck);
    form->addRow(tr("&Place:"), m_place);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Add Event"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    connect(m_title, &QLineEdit::textChanged, this, &NewEventDialog::check);
    connect(m_date, &QLineEdit::textChanged, this, &NewEventDialog::check);
    check();
    resize(std::max(sizeHint().width(), 480), sizeHint().height());
}

QString NewEventDialog::title() const {
    return m_title->text().trimmed();
}

FuzzyDate NewEventDialog::date() const {
    auto parsed = FuzzyDate::parse(m_date->text().trimmed());
    return parsed ? parsed.value() : FuzzyDate();
}

qint64 NewEventDialog::placeId() const {
    // What is typed must name a place of the case; otherwise none.
    const int index = m_place->findText(m_place->currentText().trimmed(), Qt::MatchFixedString);
    return index >= 0 ? m_place->itemData(index).toLongLong() : 0;
}

void NewEventDialog::check() {
    auto parsed = FuzzyDate::parse(m_date->text().trimmed());
    auto end = [](qint64 s) {
        return s == FuzzyDate::UnboundedPast || s == FuzzyDate::Unbounded
                   ? u"…"_s
                   : FuzzyDate::isoUtc(s).left(10);
    };
    if (parsed)
        m_dateCheck->setText(tr("%1 — from %2 to %3")
                                 .arg(parsed.value().toDisplayString(),
                                      end(parsed.value().earliest()),
                                      end(parsed.value().latest())));
    else
        m_dateCheck->setText(parsed.error().message);
    m_ok->setEnabled(parsed.ok() && !title().isEmpty());
}

} // namespace caseatlas
