// Adding up and weighting tallies (per chunk, then by 1 / sample fraction), field by field
// through each tally's list of fields, `kFields` (include/ssproj/results.h).
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <ssproj/results.h>

namespace ssproj::engine {

// A struct that lists its fields (pointers to members) in `kFields`.
template <typename T>
concept Tally = requires {
  T::kFields;
};

// The bytes of the fields that T lists.
template <Tally T>
constexpr std::size_t listed_bytes() {
  return std::apply([](auto... m) { return (sizeof(std::declval<T&>().*m) + ... + 0); },
                    T::kFields);
}

template <typename T>
struct is_std_array : std::false_type {};
template <typename T, std::size_t N>
struct is_std_array<std::array<T, N>> : std::true_type {};

// Calls f(x, y...) for every number x of t and the numbers y... at the same place in u...:
// through the fields listed in kFields (in their order), std::array and std::vector elements
// (as many as t has). Tallies of different types match by position in their lists.
template <typename F, typename T, typename... U>
void for_each_number(F&& f, T& t, const U&... u) {
  if constexpr (std::is_arithmetic_v<T>) {
    f(t, u...);
  } else if constexpr (Tally<T>) {
    // A plain tally must list every field: one left out would silently not be added up.
    static_assert(!std::is_trivially_copyable_v<T> || listed_bytes<T>() == sizeof(T),
                  "kFields must list every field of the tally");
    constexpr std::size_t n = std::tuple_size_v<decltype(T::kFields)>;
    static_assert(((std::tuple_size_v<decltype(U::kFields)> == n) && ...));
    const auto field = [&]<std::size_t I>(std::integral_constant<std::size_t, I>) {
      for_each_number(f, t.*std::get<I>(T::kFields), u.*std::get<I>(U::kFields)...);
    };
    const auto every_field = [&]<std::size_t... I>(std::index_sequence<I...>) {
      (field(std::integral_constant<std::size_t, I>{}), ...);
    };
    every_field(std::make_index_sequence<n>{});
  } else {
    // Arrays matched by position must have the same length (a vector may be shorter).
    if constexpr (is_std_array<T>::value) {
      static_assert(
          ((!is_std_array<U>::value || std::tuple_size_v<U> == std::tuple_size_v<T>)&&...),
          "arrays added into each other must have the same length");
    }
    for (std::size_t i = 0; i < t.size(); ++i) for_each_number(f, t[i], u[i]...);
  }
}

// into += from, field by field. With a std::vector in `into` (WorkforceYear::interventions),
// only its elements are added, from the same positions of `from`.
template <typename T, typename U>
void add_into(T& into, const U& from) {
  for_each_number([](auto& x, const auto& y) { x += y; }, into, from);
}

// t *= weight, field by field.
template <typename T>
void scale(T& t, double weight) {
  for_each_number([weight](auto& x) { x *= weight; }, t);
}

}  // namespace ssproj::engine
