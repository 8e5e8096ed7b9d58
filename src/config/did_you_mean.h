// Typo suggestions for unknown names ("did you mean 'timezone'?").
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace infradigest {

// The candidate most likely meant by `word`: the one at the smallest edit
// distance (case-insensitive) if that distance is small for the word's length,
// or, failing that, a dotted candidate whose last part equals `word`
// ("base_url" -> "llm.base_url"). nullopt when nothing is close.
std::optional<std::string_view> did_you_mean(std::string_view word,
                                             std::span<const std::string_view> candidates);

}  // namespace infradigest
