#pragma once

#include "core/result.h"
#include "model/chartdata.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace caseatlas {

class CaseDocument;

// The charts dock: the shape of the case under the shared filter. Events per period stacked
// by lane, a numeric value over time (bars or a cumulative line), top actors, places and
// sources, and the share of events by their best source's reliability. Clicking a bar or a
// slice narrows the shared filter to it (the timeline, list and map follow); the chart is
// exported as PNG or SVG.
class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    enum class Kind {
        EventsPerPeriod,
        ValueOverTime,
        TopActors,
        TopPlaces,
        TopSources,
        Reliability
    };
    explicit ChartsPanel(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    void setKind(Kind kind);
    Kind kind() const;
    // Reads the figures again (the filter or the case changed).
    void reload();
    // What a click on bar `index` of series `series` (a lane, or 0) would filter to, applied.
    void activate(int series, int index);
    Status exportTo(const QString& path) const; // .png or .svg
    QChart* chart() const;
    // The line under the chart: what the bars leave out (events dated more loosely than the
    // period, undated ones), or empty.
    QString note() const;
    static QString perPeriod(ChartPeriod p);                 // "per month"
    static QString looseNote(ChartPeriod p, qint64 loose);   // "3 events dated more loosely …"
    static QString eventsTitle(ChartPeriod p, qint64 total); // "Events per month (12)"

signals:
    void failed(const caseatlas::Error& error);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showPeriods();
    void showValues();
    void showRanking(RankBy by);
    void showReliability();
    void setNote(const QString& text);
    CaseDocument* m_document = nullptr;
    QComboBox *m_kind, *m_period, *m_value;
    QCheckBox* m_cumulative;
    QLabel* m_note;
    QChartView* m_view;
    PeriodCounts m_periods;
    ValueSeries m_values;
    QList<Ranked> m_ranked;
    bool m_reloadPending = false;
    bool m_stale = false; // changed while hidden: drawn again when shown
};

} // namespace caseatlas
