// The fixed chunks of persons every pass of the year step runs over: Microsimulation::kChunkSize
// consecutive slots each, whatever the thread count (design.md §4, point 3).
#pragma once

#include <algorithm>
#include <cstddef>

#include <tbb/blocked_range.h>

#include "core/parallel.h"
#include "engine/microsimulation.h"

namespace ssproj::engine {

// The number of chunks of n slots.
inline std::size_t num_chunks(std::size_t n) {
  return (n + Microsimulation::kChunkSize - 1) / Microsimulation::kChunkSize;
}

// f(chunk, begin, end) for every chunk of n slots, in parallel.
template <typename F>
void for_each_chunk(std::size_t n, F&& f) {
  core::parallel_for(tbb::blocked_range<std::size_t>(0, num_chunks(n)), [&](const auto& range) {
    for (std::size_t c = range.begin(); c != range.end(); ++c) {
      f(c, c * Microsimulation::kChunkSize, std::min(n, (c + 1) * Microsimulation::kChunkSize));
    }
  });
}

}  // namespace ssproj::engine
