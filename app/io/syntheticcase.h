#pragma once

#include "store/casefile.h"

#include <functional>

namespace caseatlas {

// A deterministic synthetic case for benchmarks and tests: events spread over decades with
// varied date precision, tags (lanes), places across South-East Asia, actors, sources,
// citations (about 5% of events unsourced) and notes. The same seed gives the same case.
struct SyntheticCaseOptions {
    qint64 events = 1000;
    quint64 seed = 1;
    std::function<bool(qint64 written)> progress; // return false to cancel
    // Titles and notes in Chinese and Burmese as well as English (for search benchmarks).
    bool multilingual = false;
    // Notes per event (0.1: one note for every ten events); 0 keeps the default handful.
    double noteFraction = 0;
};

Status generateSyntheticCase(CaseFile& file, const SyntheticCaseOptions& options);

// An ACLED export of `rows` made-up but plausible rows in the current 31-column layout (ids
// MMR1…MMRn, dates from 2015 over ten years, 900 actors, 400 sources, 5000 locations; notes
// quoted, half of them over several lines with quotes inside, half in Chinese or Burmese), for
// import benchmarks and the fault tests.
Status writeSyntheticAcled(const QString& path, qint64 rows);

} // namespace caseatlas
