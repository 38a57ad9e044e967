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

} // namespace caseatlas
