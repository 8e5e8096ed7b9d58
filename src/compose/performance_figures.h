// Finding benchmark figures in commit messages and PR bodies: speed-ups
// ("2.78x throughput", "1.3× faster"), percentages next to a performance word
// ("throughput +12%", "reduces latency by 15%"), throughput units (tok/s,
// tokens/s, TFLOPS, GB/s) and latencies (ms, us) in a sentence about speed.
// The report quotes the sentence verbatim; it never computes or rewords a number.
// Not figures: hardware counts ("8x H100", "2xH100"), shapes ("128x128"),
// version numbers, dates, PR numbers, test progress ("[ 19%]"), pass rates,
// and rows of benchmark tables or raw logs (too many numbers to quote one).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace infradigest {

enum class FigureKind : int { kSpeedup = 0, kThroughput = 1, kPercent = 2, kLatency = 3 };

struct FigureQuote {
  std::string quote;           // an exact substring of the (whitespace-folded) text
  FigureKind kind = FigureKind::kSpeedup;  // the strongest figure in the quote
  bool clipped_before = false;  // the sentence goes on before / after the quote
  bool clipped_after = false;
};

// The sentences of `text` that state a figure, in text order, one quote per
// sentence. Wrapped lines of one paragraph are joined with a space first.
std::vector<FigureQuote> find_performance_figures(std::string_view text);

// How much a figure says at a glance: a speed-up above a throughput or a
// percentage, above a latency.
int figure_strength(FigureKind kind);

}  // namespace infradigest
