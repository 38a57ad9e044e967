#include "welcomepage.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseatlas {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"welcomePage"_s);
    auto* title =
        new QLabel(tr("<h1>CaseAtlas</h1><p>Build a chronology you can defend: events with their "
                      "sources, on a timeline and a map, with notes that link it all.</p>"));
    title->setWordWrap(true);
    auto* newButton = new QPushButton(tr("&New case…"));
    newButton->setObjectName(u"newCaseButton"_s);
    auto* openButton = new QPushButton(tr("&Open case…"));
    openButton->setObjectName(u"openCaseButton"_s);
    auto* sampleButton = new QPushButton(tr("Open the &sample case"));
    sampleButton->setObjectName(u"sampleCaseButton"_s);
    sampleButton->setToolTip(
        tr("Scam compounds in Myanmar's Kokang region: protection, crackdown, repatriation"));
    m_recent = new QListWidget;
    m_recent->setObjectName(u"recentFiles"_s);

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(openButton);
    buttons->addWidget(sampleButton);
    buttons->addSpacing(12);
    buttons->addWidget(new QLabel(tr("Recent cases:")));
    buttons->addWidget(m_recent);

    auto* column = new QVBoxLayout;
    column->addStretch(1);
    column->addWidget(title);
    column->addLayout(buttons);
    column->addStretch(2);
    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 2);
    outer->addStretch(1);

    connect(newButton, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(sampleButton, &QPushButton::clicked, this, &WelcomePage::sampleRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit recentRequested(item->data(Qt::UserRole).toString());
    });
}

void WelcomePage::setRecentFiles(const QStringList& paths) {
    m_recent->clear();
    for (const QString& p : paths) {
        auto* item = new QListWidgetItem(QDir::toNativeSeparators(p), m_recent);
        item->setData(Qt::UserRole, p);
    }
}

} // namespace caseatlas
