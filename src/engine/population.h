// The simulated persons, as a structure of arrays.
#pragma once

#include <cstdint>
#include <vector>

namespace ssproj::engine {

// One entry per living simulated person, in a stable order (survivors keep their relative
// order; children and immigrants are appended). No per-person objects: each attribute is
// one contiguous array, so the year step streams through memory.
struct Population {
  std::vector<std::uint32_t> id;  // unique and never reused within a replication
  std::vector<std::uint8_t> age;  // completed years on 1 July, 0..100 (100 means 100+)
  std::vector<std::uint8_t> sex;  // ssproj::Sex

  // Bytes of state per person (sum of the element sizes above).
  static constexpr std::size_t kBytesPerPerson =
      sizeof(std::uint32_t) + sizeof(std::uint8_t) + sizeof(std::uint8_t);

  std::size_t size() const { return id.size(); }
  void resize(std::size_t n) {
    id.resize(n);
    age.resize(n);
    sex.resize(n);
  }
  void reserve(std::size_t n) {
    id.reserve(n);
    age.reserve(n);
    sex.reserve(n);
  }
  void push_back(std::uint32_t person, std::uint8_t years, std::uint8_t s) {
    id.push_back(person);
    age.push_back(years);
    sex.push_back(s);
  }
};

}  // namespace ssproj::engine
