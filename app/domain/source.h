#pragma once

#include "domain/fuzzydate.h"
#include "domain/sensitivity.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace caseatlas {

enum class SourceKind {
    WebPage,
    Document,
    Report,
    Interview,
    SocialPost,
    Image,
    Video,
    Dataset,
    Other
};
QString sourceKindKey(SourceKind k);
std::optional<SourceKind> sourceKindFromKey(const QString& key);

// Admiralty scale for the reliability of a source: A (completely reliable) … E (unreliable),
// F (cannot be judged). Judged apart from the credibility of each piece of information.
enum class Reliability { A, B, C, D, E, F };
QChar reliabilityLetter(Reliability r);
std::optional<Reliability> reliabilityFromLetter(QChar c);
QString reliabilityDescription(Reliability r);

struct Source {
    qint64 id = 0;
    QString uuid;
    SourceKind kind = SourceKind::WebPage;
    QString title;
    QString author;
    QString publisher;
    QString url;
    QString archiveUrl;
    FuzzyDate published;
    QDateTime accessed; // UTC
    QString language;   // BCP 47, e.g. "en", "zh-Hans", "my"
    Reliability reliability = Reliability::F;
    QString notes;
    Sensitivity sensitivity = Sensitivity::Public;
};

// One event (or one field of it) resting on one source.
struct Citation {
    qint64 id = 0;
    qint64 eventId = 0;
    qint64 sourceId = 0;
    QString field;       // empty: the whole event; otherwise "date", "place", …
    QString locator;     // page, paragraph, timestamp
    QString quote;       // the passage, in the researcher's words or quoted
    int credibility = 6; // Admiralty 1 (confirmed) … 5 (improbable), 6 (cannot be judged)
};

QString credibilityDescription(int credibility);

} // namespace caseatlas
