#pragma once

#include "core/result.h"
#include "model/chartdata.h"

#include <QWidget>

#include <optional>

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
    using Kind = ChartKind;
    explicit ChartsPanel(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    void setKind(Kind kind);
    Kind kind() const;
    // Reads the figures again (the filter or the case changed) — when shown; hidden, when it is
    // next shown or exported. An edit that names its events does not: the chart takes their
    // share away and adds it back (see ChartTally).
    void reload();
    // What a click on bar `index` of series `series` (a lane, or 0) would filter to, applied.
    void activate(int series, int index);
    Status exportTo(const QString& path); // .png or .svg
    QChart* chart() const;
    // How many times the figures were worked out from the case (an edit that names its events
    // does not add one).
    int loads() const { return m_loads; }
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
    // Many changes in a row (an import, undo of a batch) draw once; `read`: load the figures
    // again first.
    void later(bool read);
    void onRecordsChanged(const QList<qint64>& eventIds);
    ChartRequest request() const;
    void load();   // reads the figures, shown or not, and draws them
    void redraw(); // the chart, from m_tally
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
    std::optional<ChartTally> m_tally; // what is drawn, while the panel shows
    PeriodCounts m_periods;
    ValueSeries m_values;
    QList<Ranked> m_ranked;
    bool m_reloadPending = false, m_redrawPending = false;
    int m_loads = 0;
    bool m_stale = false; // changed while hidden: drawn again when shown
};

} // namespace caseatlas
