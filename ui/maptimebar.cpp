#include "maptimebar.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
constexpr int kSteps = 1000;
constexpr qint64 kDay = 86400;
QString day(qint64 seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(u"yyyy-MM-dd"_s);
}
} // namespace

MapTimeBar::MapTimeBar(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"mapTimeBar"_s);
    m_play = new QToolButton;
    m_play->setObjectName(u"mapPlay"_s);
    m_play->setText(u"▶"_s);
    m_play->setToolTip(tr("Play through the case (Space on the slider)"));
    m_play->setAutoRaise(true);
    m_slider = new QSlider(Qt::Horizontal);
    m_slider->setObjectName(u"mapTimeSlider"_s);
    m_slider->setRange(0, kSteps);
    m_slider->setPageStep(kSteps / 20);
    m_slider->setToolTip(tr("The time shown on the map"));
    m_width = new QComboBox;
    m_width->setObjectName(u"mapTimeWidth"_s);
    m_width->addItem(tr("Follow the timeline"), qint64(0));
    m_width->addItem(tr("1 week at a time"), 7 * kDay);
    m_width->addItem(tr("1 month at a time"), 30 * kDay);
    m_width->addItem(tr("3 months at a time"), 91 * kDay);
    m_width->addItem(tr("1 year at a time"), 365 * kDay);
    m_label = new QLabel;
    m_label->setObjectName(u"mapTimeLabel"_s);
    m_label->setMinimumWidth(fontMetrics().horizontalAdvance(u"0000-00-00 – 0000-00-00"_s) + 8);
    m_timer = new QTimer(this);
    m_timer->setInterval(120);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_play);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);
    layout->addWidget(m_width);

    connect(m_play, &QToolButton::clicked, this, &MapTimeBar::togglePlay);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!step())
            pause();
    });
    connect(m_slider, &QSlider::valueChanged, this, [this] {
        if (following() && !isPlaying())
            m_width->setCurrentIndex(3); // moving the slider picks a window
        announce();
    });
    connect(m_width, &QComboBox::currentIndexChanged, this, [this] {
        if (following())
            pause();
        announce();
    });
    announce();
}

bool MapTimeBar::following() const {
    return widthSeconds() == 0;
}
bool MapTimeBar::isPlaying() const {
    return m_timer->isActive();
}
qint64 MapTimeBar::widthSeconds() const {
    return m_width->currentData().toLongLong();
}

MapTimeBar::Window MapTimeBar::window() const {
    qint64 first = 0, last = 0;
    if (following() || !m_span || !m_span(first, last))
        return std::nullopt;
    const qint64 start = first + qint64(double(last - first) * m_slider->value() / kSteps);
    return std::pair{start, start + widthSeconds()};
}

void MapTimeBar::announce() {
    const Window w = window();
    m_label->setText(w ? u"%1 – %2"_s.arg(day(w->first), day(w->second)) : tr("as the timeline"));
    m_slider->setEnabled(!following());
    emit windowChanged(w);
}

bool MapTimeBar::step() {
    if (m_slider->value() >= kSteps)
        return false;
    m_slider->setValue(std::min(kSteps, m_slider->value() + 4));
    return true;
}

void MapTimeBar::play() {
    if (following())
        m_width->setCurrentIndex(3);
    if (m_slider->value() >= kSteps)
        m_slider->setValue(0); // start again from the beginning
    m_timer->start();
    m_play->setText(u"⏸"_s);
    m_play->setToolTip(tr("Pause"));
}

void MapTimeBar::pause() {
    m_timer->stop();
    m_play->setText(u"▶"_s);
    m_play->setToolTip(tr("Play through the case (Space on the slider)"));
}

void MapTimeBar::togglePlay() {
    isPlaying() ? pause() : play();
}

void MapTimeBar::follow() {
    pause();
    m_width->setCurrentIndex(0);
}

} // namespace caseatlas
