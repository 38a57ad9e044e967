#include "chartspanel.h"

#include "model/casedocument.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QSaveFile>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

const QColor kPalette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28),
                           QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e),
                           QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                           QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf),
                           QColor(0xbc, 0xbd, 0x22), QColor(0x7f, 0x7f, 0x7f)};

// Category labels must differ; long series show every n-th and keep the others distinct
// with invisible padding.
QStringList categoryLabels(const QList<PeriodBucket>& buckets) {
    QStringList out;
    const int every = std::max<int>(1, int(buckets.size() / 16));
    for (qsizetype i = 0; i < buckets.size(); ++i)
        out << (i % every == 0 ? buckets[i].label : QString(int(i), QChar(0x200B)));
    return out;
}

// A value axis whose ticks are whole numbers: 0 up to at least `max`, in steps of 1, 2, 5, 10 …
// (a count of events has no half).
void setWholeNumberTicks(QValueAxis* axis, double max) {
    const double top = std::max(1.0, std::ceil(max));
    double step = 1;
    for (double scale = 1;; scale *= 10) {
        const double steps[] = {1 * scale, 2 * scale, 5 * scale};
        const auto fits = std::find_if(std::begin(steps), std::end(steps),
                                       [&](double s) { return top / s <= 8; });
        if (fits != std::end(steps)) {
            step = *fits;
            break;
        }
    }
    const double end = std::ceil(top / step) * step;
    axis->setRange(0, end);
    axis->setTickType(QValueAxis::TicksFixed);
    axis->setTickCount(int(end / step) + 1);
    axis->setMinorTickCount(0);
    axis->setLabelFormat(u"%d"_s);
}

// A count as Qt's %n takes it.
int asCount(qint64 n) {
    return int(std::min<qint64>(n, std::numeric_limits<int>::max()));
}

bool allWhole(const QList<double>& values) {
    return std::all_of(values.cbegin(), values.cend(),
                       [](double v) { return v == std::floor(v) && std::abs(v) < 1e15; });
}

} // namespace

QString ChartsPanel::perPeriod(ChartPeriod p) {
    switch (p) {
    case ChartPeriod::Auto:
        return tr("auto");
    case ChartPeriod::Day:
        return tr("per day");
    case ChartPeriod::Week:
        return tr("per week");
    case ChartPeriod::Month:
        return tr("per month");
    case ChartPeriod::Year:
        break;
    }
    return tr("per year");
}

QString ChartsPanel::looseNote(ChartPeriod p, qint64 loose) {
    const int n = asCount(loose);
    switch (p) {
    case ChartPeriod::Day:
        return tr("%n event(s) dated more loosely than a day: in no bar.", nullptr, n);
    case ChartPeriod::Week:
        return tr("%n event(s) dated more loosely than a week: in no bar.", nullptr, n);
    case ChartPeriod::Month:
        return tr("%n event(s) dated more loosely than a month: in no bar.", nullptr, n);
    case ChartPeriod::Auto:
    case ChartPeriod::Year:
        break;
    }
    return tr("%n event(s) dated more loosely than a year: in no bar.", nullptr, n);
}

ChartsPanel::ChartsPanel(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"chartsPanel"_s);
    m_kind = new QComboBox;
    m_kind->setObjectName(u"chartKind"_s);
    m_kind->addItem(tr("Events per period"), int(Kind::EventsPerPeriod));
    m_kind->addItem(tr("A value over time"), int(Kind::ValueOverTime));
    m_kind->addItem(tr("Top actors"), int(Kind::TopActors));
    m_kind->addItem(tr("Top places"), int(Kind::TopPlaces));
    m_kind->addItem(tr("Top sources"), int(Kind::TopSources));
    m_kind->addItem(tr("Source reliability"), int(Kind::Reliability));
    m_period = new QComboBox;
    m_period->setObjectName(u"chartPeriod"_s);
    for (ChartPeriod p : {ChartPeriod::Auto, ChartPeriod::Day, ChartPeriod::Week,
                          ChartPeriod::Month, ChartPeriod::Year})
        m_period->addItem(perPeriod(p), int(p));
    m_value = new QComboBox;
    m_value->setObjectName(u"chartValue"_s);
    m_value->setToolTip(tr("The numeric value to sum, e.g. people repatriated or fatalities"));
    m_cumulative = new QCheckBox(tr("cumulative"));
    m_cumulative->setObjectName(u"chartCumulative"_s);
    m_view = new QChartView;
    m_view->setObjectName(u"chartView"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(140);
    // What the bars leave out, and why: an event is counted in a bar only when its whole
    // interval lies in that period.
    m_note = new QLabel;
    m_note->setObjectName(u"chartNote"_s);
    m_note->setWordWrap(true);
    m_note->setToolTip(tr("An event is counted in a bar only when everything its date allows "
                          "lies in that period; the others are counted here."));
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_kind, 2);
    controls->addWidget(m_period, 1);
    controls->addWidget(m_value, 2);
    controls->addWidget(m_cumulative);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(2, 2, 2, 2);
    column->addLayout(controls);
    column->addWidget(m_view, 1);
    column->addWidget(m_note);
    for (QComboBox* box : {m_kind, m_period, m_value})
        connect(box, &QComboBox::currentIndexChanged, this, &ChartsPanel::reload);
    connect(m_cumulative, &QCheckBox::toggled, this, [this] { redraw(); });
    reload();
}

void ChartsPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        reload();
    }
}

void ChartsPanel::later(bool read) {
    // Hidden charts are not worked out on every edit of a large case, only when shown.
    if (!isVisible()) {
        m_stale = true;
        m_tally.reset();
        return;
    }
    if (read)
        m_tally.reset(); // what it holds no longer follows the case
    bool& pending = read ? m_reloadPending : m_redrawPending;
    if (pending)
        return;
    pending = true;
    QTimer::singleShot(0, this, [this, read] {
        (read ? m_reloadPending : m_redrawPending) = false;
        if (read)
            reload();
        else if (!m_reloadPending) // a reload on its way draws too
            redraw();
    });
}

void ChartsPanel::onRecordsChanged(const QList<qint64>& eventIds) {
    // An edit that named its events was followed inside its transaction (below): its share is
    // applied without reading the case again. Anything else reads the figures afresh.
    const bool followed = isVisible() && m_tally && m_tally->applyChange(eventIds);
    later(!followed);
}

void ChartsPanel::setDocument(CaseDocument* document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_tally.reset();
    if (m_document) {
        connect(m_document->filter(), &CaseFilter::changed, this, [this] { later(true); });
        connect(m_document, &CaseDocument::recordsChanged, this,
                [this](RecordKind, const QList<qint64>& ids) { onRecordsChanged(ids); });
        // Inside the edit's transaction (direct: the rows are read before and after it writes).
        connect(
            m_document, &CaseDocument::eventsAboutToChange, this,
            [this](const QList<qint64>& ids) {
                if (m_tally)
                    m_tally->eventsAboutToChange(m_document->db(), ids);
            },
            Qt::DirectConnection);
        connect(
            m_document, &CaseDocument::eventsWritten, this,
            [this](const QList<qint64>& ids) {
                if (m_tally)
                    m_tally->eventsWritten(m_document->db(), ids);
            },
            Qt::DirectConnection);
        const QSignalBlocker block(m_value);
        m_value->clear();
        if (auto names = valueNames(m_document->db()))
            for (const QString& n : names.value())
                m_value->addItem(n, n);
    }
    reload();
}

void ChartsPanel::setKind(Kind kind) {
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

ChartsPanel::Kind ChartsPanel::kind() const {
    return Kind(m_kind->currentData().toInt());
}

QChart* ChartsPanel::chart() const {
    return m_view->chart();
}

ChartRequest ChartsPanel::request() const {
    return {kind(), ChartPeriod(m_period->currentData().toInt()),
            m_value->currentData().toString()};
}

void ChartsPanel::reload() {
    // A hidden chart of a large case is not worked out at every open, filter and edit.
    if (m_document && !isVisible()) {
        m_stale = true;
        m_tally.reset();
        return;
    }
    load();
}

void ChartsPanel::load() {
    m_stale = false;
    m_tally.reset();
    const ChartRequest asked = request();
    // Nothing to read for a value chart when no event carries a value.
    if (m_document && (asked.kind != Kind::ValueOverTime || !asked.valueName.isEmpty())) {
        ++m_loads;
        auto loaded = ChartTally::load(m_document->db(), m_document->filter()->criteria(), asked);
        if (loaded)
            m_tally = std::move(loaded).value();
        else
            emit failed(loaded.error());
    }
    redraw();
}

void ChartsPanel::redraw() {
    const Kind k = kind();
    m_period->setVisible(k == Kind::EventsPerPeriod || k == Kind::ValueOverTime);
    m_value->setVisible(k == Kind::ValueOverTime);
    m_cumulative->setVisible(k == Kind::ValueOverTime);
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QChart* old = m_view->chart();
    m_view->setChart(chart);
    delete old;
    m_note->clear();
    m_note->hide();
    if (!m_document) {
        chart->setTitle(tr("No case open"));
        return;
    }
    if (k == Kind::ValueOverTime && m_value->currentData().toString().isEmpty()) {
        chart->setTitle(tr("No event carries a numeric value"));
        return;
    }
    if (!m_tally || m_tally->request().kind != k)
        return; // it could not be read (the failure was reported)
    switch (k) {
    case Kind::EventsPerPeriod:
        showPeriods();
        break;
    case Kind::ValueOverTime:
        showValues();
        break;
    case Kind::TopActors:
        showRanking(RankBy::Actor);
        break;
    case Kind::TopPlaces:
        showRanking(RankBy::Place);
        break;
    case Kind::TopSources:
        showRanking(RankBy::Source);
        break;
    case Kind::Reliability:
        showReliability();
        break;
    }
}

void ChartsPanel::showPeriods() {
    m_periods = m_tally->periodCounts();
    QChart* chart = m_view->chart();
    qint64 total = 0;
    for (const auto& lane : m_periods.counts)
        for (qint64 n : lane)
            total += n;
    chart->setTitle(eventsTitle(m_periods.period, total));
    QStringList apart;
    const auto asked = ChartPeriod(m_period->currentData().toInt());
    if (asked != ChartPeriod::Auto && asked != m_periods.period)
        apart << tr("Too many bars %1 for one chart: shown %2.")
                     .arg(perPeriod(asked), perPeriod(m_periods.period));
    if (m_periods.loose > 0)
        apart << looseNote(m_periods.period, m_periods.loose);
    if (m_periods.undated > 0)
        apart << tr("%n event(s) with no date.", nullptr, asCount(m_periods.undated));
    setNote(apart.join(u' '));
    auto* series = new QStackedBarSeries;
    for (qsizetype l = 0; l < m_periods.lanes.size(); ++l) {
        auto* set = new QBarSet(m_periods.lanes[l].isEmpty() ? tr("No tag") : m_periods.lanes[l]);
        set->setColor(kPalette[l % std::size(kPalette)]);
        for (qint64 n : m_periods.counts[l])
            *set << double(n);
        const int lane = int(l);
        connect(set, &QBarSet::clicked, this, [this, lane](int index) { activate(lane, index); });
        series->append(set);
    }
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categoryLabels(m_periods.buckets));
    x->setLabelsAngle(-60);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    qint64 tallest = 0;
    for (qsizetype b = 0; b < m_periods.buckets.size(); ++b) {
        qint64 n = 0;
        for (const auto& lane : m_periods.counts)
            n += lane.value(b);
        tallest = std::max(tallest, n);
    }
    setWholeNumberTicks(y, double(tallest));
    chart->legend()->setVisible(m_periods.lanes.size() > 1);
}

void ChartsPanel::showValues() {
    QChart* chart = m_view->chart();
    const QString name = m_tally->request().valueName;
    m_values = m_tally->valueSeries();
    const QString unit = m_values.unit.isEmpty() ? QString() : u" ("_s + m_values.unit + u')';
    if (m_values.looseEvents > 0)
        setNote(tr("%n event(s) dated more loosely than the period, or not at all, with %1 in all: "
                   "in no bar.",
                   nullptr, asCount(m_values.looseEvents))
                    .arg(QLocale().toString(m_values.looseSum)));
    const bool whole = allWhole(m_values.sums);
    if (m_cumulative->isChecked()) {
        chart->setTitle(tr("%1%2, cumulative").arg(name, unit));
        auto* line = new QLineSeries;
        line->setName(name);
        double sum = 0;
        for (qsizetype i = 0; i < m_values.buckets.size(); ++i) {
            sum += m_values.sums[i];
            line->append(double(m_values.buckets[i].last.startOfDay(Qt::UTC).toMSecsSinceEpoch()),
                         sum);
        }
        chart->addSeries(line);
        auto* x = new QDateTimeAxis;
        x->setFormat(m_values.period == ChartPeriod::Year ? u"yyyy"_s : u"MMM yyyy"_s);
        chart->addAxis(x, Qt::AlignBottom);
        line->attachAxis(x);
        auto* y = new QValueAxis;
        chart->addAxis(y, Qt::AlignLeft);
        line->attachAxis(y);
        if (whole)
            setWholeNumberTicks(y, sum);
        chart->legend()->setVisible(false);
        return;
    }
    chart->setTitle(
        tr("%1%2 %3", "value name, unit, 'per month'").arg(name, unit, perPeriod(m_values.period)));
    auto* set = new QBarSet(name);
    set->setColor(kPalette[0]);
    for (double v : m_values.sums)
        *set << v;
    connect(set, &QBarSet::clicked, this, [this](int index) { activate(0, index); });
    auto* series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categoryLabels(m_values.buckets));
    x->setLabelsAngle(-60);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    if (whole)
        setWholeNumberTicks(y, m_values.sums.isEmpty() ? 0.0
                                                       : *std::max_element(m_values.sums.cbegin(),
                                                                           m_values.sums.cend()));
    chart->legend()->setVisible(false);
}

void ChartsPanel::showRanking(RankBy by) {
    m_ranked = m_tally->ranking(10);
    QChart* chart = m_view->chart();
    chart->setTitle(by == RankBy::Actor   ? tr("Actors by events")
                    : by == RankBy::Place ? tr("Places by events")
                                          : tr("Sources by events cited"));
    auto* set = new QBarSet(tr("events"));
    set->setColor(kPalette[0]);
    QStringList names;
    // Largest at the top: horizontal bars are drawn bottom up.
    for (qsizetype i = m_ranked.size() - 1; i >= 0; --i) {
        *set << double(m_ranked[i].events);
        QString name = m_ranked[i].name;
        if (name.size() > 40)
            name = name.left(39) + u'…';
        while (names.contains(name))
            name += QChar(0x200B);
        names << name;
    }
    const int count = int(m_ranked.size());
    connect(set, &QBarSet::clicked, this,
            [this, count](int index) { activate(0, count - 1 - index); });
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(names);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto* x = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    setWholeNumberTicks(x, m_ranked.isEmpty() ? 0.0 : double(m_ranked.first().events));
    chart->legend()->setVisible(false);
}

void ChartsPanel::showReliability() {
    const ReliabilityShare share = m_tally->reliability();
    QChart* chart = m_view->chart();
    chart->setTitle(tr("Events by their best source's reliability"));
    auto* series = new QPieSeries;
    const QColor grades[] = {QColor(0x1a, 0x98, 0x50), QColor(0x91, 0xcf, 0x60),
                             QColor(0xd9, 0xef, 0x8b), QColor(0xfe, 0xe0, 0x8b),
                             QColor(0xfc, 0x8d, 0x59), QColor(0xbd, 0xbd, 0xbd)};
    for (int g = 0; g <= 6; ++g) {
        const qint64 n = g < 6 ? share.grades[size_t(g)] : share.unsourced;
        if (n == 0)
            continue;
        const QString label = g < 6 ? tr("%1 — %2 (%3)")
                                          .arg(reliabilityLetter(Reliability(g)))
                                          .arg(reliabilityDescription(Reliability(g)))
                                          .arg(n)
                                    : tr("unsourced (%1)").arg(n);
        QPieSlice* slice = series->append(label, double(n));
        slice->setColor(g < 6 ? grades[g] : QColor(0xc0, 0x39, 0x2b));
        slice->setLabelVisible(true);
        connect(slice, &QPieSlice::clicked, this, [this, g] { activate(0, g); });
    }
    chart->addSeries(series);
    chart->legend()->setVisible(false);
}

QString ChartsPanel::eventsTitle(ChartPeriod p, qint64 total) {
    const int n = asCount(total);
    switch (p) {
    case ChartPeriod::Day:
        return tr("Events per day (%n)", nullptr, n);
    case ChartPeriod::Week:
        return tr("Events per week (%n)", nullptr, n);
    case ChartPeriod::Month:
        return tr("Events per month (%n)", nullptr, n);
    case ChartPeriod::Auto:
    case ChartPeriod::Year:
        break;
    }
    return tr("Events per year (%n)", nullptr, n);
}

void ChartsPanel::setNote(const QString& text) {
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

QString ChartsPanel::note() const {
    return m_note->text();
}

void ChartsPanel::activate(int series, int index) {
    if (!m_document || index < 0)
        return;
    FilterCriteria c = m_document->filter()->criteria();
    auto range = [&](const PeriodBucket& b) {
        c.from = FuzzyDate::parse(b.fromEdtf).value().earliest();
        c.to = FuzzyDate::parse(b.toEdtf).value().latest();
        // What the bar counts: events whose whole date lies in its period (not those that only
        // may fall in it — they are in no bar).
        c.dateMode = FilterCriteria::DateMode::Certainly;
    };
    switch (kind()) {
    case Kind::EventsPerPeriod:
        if (index >= m_periods.buckets.size() || series >= m_periods.lanes.size())
            return;
        range(m_periods.buckets[index]);
        if (!m_periods.lanes[series].isEmpty())
            c.tags = {m_periods.lanes[series]};
        break;
    case Kind::ValueOverTime:
        if (index >= m_values.buckets.size())
            return;
        range(m_values.buckets[index]);
        break;
    case Kind::TopActors:
    case Kind::TopPlaces:
    case Kind::TopSources: {
        if (index >= m_ranked.size())
            return;
        const qint64 id = m_ranked[index].id;
        (kind() == Kind::TopActors   ? c.actors
         : kind() == Kind::TopPlaces ? c.places
                                     : c.sources) = {id};
        break;
    }
    case Kind::Reliability:
        if (index == 6) {
            c.unsourcedOnly = true;
            c.reliabilities.clear();
        } else if (index < 6) {
            c.reliabilities = {Reliability(index)};
            c.unsourcedOnly = false;
        }
        break;
    }
    m_document->filter()->setCriteria(c);
}

Status ChartsPanel::exportTo(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"png"_s && suffix != u"svg"_s)
        return makeError(
            ErrorCode::InvalidInput,
            tr("A chart is saved as .png or .svg, not \"%1\".").arg(QFileInfo(path).fileName()));
    if (m_stale)
        load();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, tr("%1 cannot be written.").arg(path), out.errorString());
    if (suffix == u"png"_s) {
        // Twice the on-screen size, for print.
        QImage image(m_view->size() * 2, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            m_view->render(&p);
        }
        image.save(&out, "PNG");
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&out);
        svg.setSize(m_view->size());
        svg.setViewBox(QRect(QPoint(0, 0), m_view->size()));
        svg.setTitle(m_view->chart()->title());
        QPainter p(&svg);
        m_view->render(&p);
    }
    if (!out.commit())
        return makeError(ErrorCode::Io, tr("%1 cannot be written.").arg(path), out.errorString());
    return {};
}

} // namespace caseatlas
