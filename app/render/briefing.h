#pragma once

#include "core/result.h"
#include "domain/savedview.h"
#include "domain/sensitivity.h"
#include "model/casefilter.h"

#include <QPainter>
#include <QSizeF>
#include <QStringList>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace caseatlas {

class CaseDocument;

enum class BriefingLayout { A4Portrait, A4Landscape, Letter, Slides };
QString briefingLayoutKey(BriefingLayout l); // "a4-portrait", "a4-landscape", "letter", "slides"
std::optional<BriefingLayout> briefingLayoutFromKey(const QString& key);

// What a briefing is made of, in the order the user puts them.
enum class BriefingBlock { Title, Map, Timeline, Events, Notes, Chart, Sources, Method };
QString briefingBlockKey(BriefingBlock b); // "title", "map", "timeline", "events", …
std::optional<BriefingBlock> briefingBlockFromKey(const QString& key);
QString briefingBlockName(BriefingBlock b); // "Title block", "Map", …
QList<BriefingBlock> defaultBriefingBlocks();

struct BriefingOptions {
    QString title; // empty: the case's title
    QString subtitle, author;
    QString date; // as printed; empty: today
    BriefingLayout layout = BriefingLayout::A4Portrait;
    QList<BriefingBlock> blocks = defaultBriefingBlocks();
    ExportProfile profile = ExportProfile::Internal;
    double gridDegrees = 0.1;             // public: internal events' coordinates snapped to this
    std::optional<FilterCriteria> filter; // the events shown (a saved view's, or the current)
    QString viewName;                     // named in the method block when from a view
    std::optional<std::array<double, 4>> extent; // map: west, south, east, north; default: fit
    std::optional<std::pair<qint64, qint64>> timeRange; // timeline strip; default: the events'
    QList<qint64> noteIds;                              // the notes block, in this order
    int maxCards = 60;                                  // event cards; the rest counted
    double dpi = 150;                                   // PNG
    QString who;                                        // for the custody log
};

// A saved view's events, time range and map extent, and its name for the method block.
void applySavedView(BriefingOptions& options, const SavedView& view);

// A briefing's settings as kept in the case (SavedBriefing::settings): layout, profile, title,
// subtitle, author, blocks, notes, card cap, PNG resolution. What the view says is not in them.
QJsonObject briefingSettings(const BriefingOptions& options);
// Options from kept settings; unknown or missing values keep the defaults.
BriefingOptions briefingFromSettings(const QJsonObject& settings);
// A kept briefing ready to write: its settings, and its view's events, range and extent.
Result<BriefingOptions> briefingOptions(CaseDocument& document, const SavedBriefing& briefing);

// A briefing laid out in pages (in points, 1/72 inch), ready to paint on any device: the
// composer's preview, PDF, SVG and PNG. Records the profile withholds never get in: the events,
// sources, notes, names and map points are taken through the export profile first.
class Briefing {
public:
    static Result<Briefing> prepare(CaseDocument& document, const BriefingOptions& options);
    Briefing(Briefing&&) noexcept;
    Briefing& operator=(Briefing&&) noexcept;
    ~Briefing();

    int pageCount() const;
    QSizeF pageSize() const; // points
    // Paints one page with the painter's coordinates in points (scale it for pixels).
    void paintPage(QPainter& painter, int page) const;

    qint64 eventCount() const; // events shown (timeline, map; cards up to maxCards)
    qint64 cardCount() const;
    qint64 sourceCount() const; // numbered footnotes
    qint64 withheld() const;    // records the profile left out
    QString title() const;      // as it leaves: through the profile (a file's metadata too)

    // Where a block starts: (page, top in points), for the composer.
    std::optional<std::pair<int, double>> blockStart(BriefingBlock block) const;

private:
    Briefing();
    struct Data;
    std::unique_ptr<Data> d;
};

struct BriefingReport {
    QStringList files; // PDF: one; SVG and PNG: one per page (name.svg, name-2.svg, …)
    int pages = 0;
    qint64 events = 0, cards = 0, sources = 0, withheld = 0;
};

// Writes a briefing by the file's suffix (.pdf, .svg, .png), all or nothing, and records it in
// the case's custody log with the SHA-256 of what was written.
Result<BriefingReport> writeBriefing(CaseDocument& document, const QString& path,
                                     const BriefingOptions& options);

} // namespace caseatlas
