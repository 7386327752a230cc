#include "engine/rng.h"

#include <array>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "labour/labour.h"

using namespace ssproj;
using engine::PhiloxPath;

namespace {

// A deterministic spread of 32-bit subjects (Knuth's multiplicative hash of 0..n-1), with the
// extremes included.
std::vector<std::uint32_t> subjects(std::size_t n) {
  std::vector<std::uint32_t> s(n);
  for (std::size_t j = 0; j < n; ++j) s[j] = static_cast<std::uint32_t>(j * 2654435761u);
  if (n > 1) s[1] = UINT32_MAX;
  return s;
}

}  // namespace

TEST_CASE("Philox for a block of subjects is Random123's Philox4x32-10 on every path",
          "[unit][rng]") {
  // Lengths around the vector widths (8, 16), so that the tail of each path is exercised.
  for (const PhiloxPath path : {PhiloxPath::kScalar, PhiloxPath::kAvx2, PhiloxPath::kAvx512}) {
    if (!engine::philox_path_available(path)) {
      WARN("Philox path " << static_cast<int>(path) << " not supported here; not tested");
      continue;
    }
    for (const std::size_t n :
         {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{8}, std::size_t{15},
          std::size_t{16}, std::size_t{17}, std::size_t{512}, std::size_t{1000}}) {
      const std::vector<std::uint32_t> s = subjects(n);
      std::array<std::vector<std::uint32_t>, 4> out;
      for (auto& w : out) w.assign(n, 0);
      const std::uint32_t key0 = 0x12345678u, key1 = 0x9abcdef0u;
      engine::philox_block(path, {s.data(),
                                  2037u,
                                  6u,
                                  41u,
                                  key0,
                                  key1,
                                  n,
                                  {out[0].data(), out[1].data(), out[2].data(), out[3].data()}});
      const r123::Philox4x32::key_type key = {{key0, key1}};
      int wrong = 0;
      for (std::size_t j = 0; j < n; ++j) {
        const r123::Philox4x32::ctr_type expected =
            r123::Philox4x32{}({{s[j], 2037u, 6u, 41u}}, key);
        for (std::size_t w = 0; w < 4; ++w) wrong += out[w][j] != expected.v[w];
      }
      INFO("path " << static_cast<int>(path) << ", " << n << " subjects");
      CHECK(wrong == 0);
    }
  }
}

TEST_CASE("Rng's block draws equal its draws one subject at a time", "[unit][rng]") {
  const engine::Rng rng(0xfeedbeefcafeULL, 3);
  const std::vector<std::uint32_t> s = subjects(engine::DrawBlock::kSize);
  engine::DrawBlock block;
  rng.uniforms(engine::Stream::kLabour, s.data(), 2051, s.size(), block);
  for (std::size_t j = 0; j < s.size(); ++j) {
    const auto one = rng.uniforms(engine::Stream::kLabour, s[j], 2051);
    for (std::size_t k = 0; k < 4; ++k) REQUIRE(block(j, k) == one[k]);
  }
  // Uniforms lie strictly inside (0, 1), also for the extreme words.
  CHECK(engine::Rng::uniform(0) > 0.0);
  CHECK(engine::Rng::uniform(UINT32_MAX) < 1.0);
}

TEST_CASE("A status is drawn as the first whose cumulative probability exceeds u", "[unit][rng]") {
  // Cumulative probabilities with empty statuses (repeated values) and the last set to 1.
  const labour::StatusCdf cdf = {0.1, 0.1, 0.35, 0.35, 0.35, 0.8, 0.95, 1.0};
  CHECK(labour::draw_status(cdf, 0.05) == Status::kInactive);
  CHECK(labour::draw_status(cdf, 0.1) == static_cast<Status>(2));  // 0.1 is not below 0.1
  CHECK(labour::draw_status(cdf, 0.2) == static_cast<Status>(2));
  CHECK(labour::draw_status(cdf, 0.5) == static_cast<Status>(5));
  CHECK(labour::draw_status(cdf, 0.9) == static_cast<Status>(6));
  CHECK(labour::draw_status(cdf, 0.99) == static_cast<Status>(7));
  // A last-but-one cumulative probability just above 1 (rounding) never yields status 7.
  const labour::StatusCdf rounded = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1.0000000000000002, 1.0};
  CHECK(labour::draw_status(rounded, 0.9999999) == static_cast<Status>(6));
}
