#include "core/keys.h"

#include <algorithm>
#include <charconv>
#include <type_traits>
#include <utility>

namespace ssproj::core {
namespace {

std::optional<double> number_in_range(const toml::node& node, const KeySpec& spec) {
  const std::optional<double> x = as_number(node);
  if (!x || !spec.range.contains(*x)) return std::nullopt;
  return x;
}

std::optional<long long> integer_in_range(const toml::node& node, const KeySpec& spec) {
  const auto* i = node.as_integer();
  if (i == nullptr || !spec.range.contains(static_cast<double>(i->get()))) return std::nullopt;
  return i->get();
}

// The position of `word` among the '|'-separated words of `list`, or -1.
int word_index(std::string_view list, std::string_view word) {
  for (int k = 0; !list.empty(); ++k) {
    const auto bar = list.find('|');
    if (list.substr(0, bar) == word) return k;
    list = bar == std::string_view::npos ? std::string_view{} : list.substr(bar + 1);
  }
  return -1;
}

template <typename T>
void store_list(const toml::node& node, const KeySpec& spec, std::vector<T>& into) {
  const auto* array = node.as_array();
  if (array == nullptr || array->empty()) return;
  std::vector<T> values;
  for (const toml::node& item : *array) {
    const std::optional<double> x = number_in_range(item, spec);
    if (!x || (std::is_integral_v<T> && !item.is_integer())) return;
    values.push_back(static_cast<T>(*x));
  }
  into = std::move(values);
}

}  // namespace

std::optional<double> as_number(const toml::node& node) {
  if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = node.as_floating_point()) return f->get();
  return std::nullopt;
}

std::optional<int> as_year_key(std::string_view key) {
  int year = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), year);
  if (ec != std::errc() || end != key.data() + key.size()) return std::nullopt;
  return year;
}

std::optional<Schedule> schedule_from_node(const toml::node& node, const Range& range) {
  const auto* table = node.as_table();
  if (table == nullptr) {
    const std::optional<double> value = as_number(node);
    if (!value || !range.contains(*value)) return std::nullopt;
    return Schedule::constant(*value);
  }
  Schedule::Interpolation interpolation = Schedule::Interpolation::kStep;
  std::vector<std::pair<int, double>> points;
  for (auto&& [key, value_node] : *table) {
    if (key.str() == kInterpolationKey) {
      const auto* s = value_node.as_string();
      if (s == nullptr || (s->get() != "step" && s->get() != "linear")) return std::nullopt;
      if (s->get() == "linear") interpolation = Schedule::Interpolation::kLinear;
      continue;
    }
    const std::optional<int> year = as_year_key(key.str());
    const std::optional<double> value = as_number(value_node);
    if (!year || !value || !range.contains(*value)) return std::nullopt;
    points.emplace_back(*year, *value);
  }
  if (points.empty()) return std::nullopt;
  std::sort(points.begin(), points.end());
  for (std::size_t i = 1; i < points.size(); ++i) {
    if (points[i].first == points[i - 1].first) return std::nullopt;
  }
  return Schedule(std::move(points), interpolation);
}

bool in_list(std::string_view list, std::string_view word) { return word_index(list, word) >= 0; }

void store(const toml::node& node, const KeySpec& spec, Schedule& into) {
  if (auto s = schedule_from_node(node, spec.range)) into = std::move(*s);
}
void store(const toml::node& node, const KeySpec& spec, std::optional<Schedule>& into) {
  if (auto s = schedule_from_node(node, spec.range)) into = std::move(*s);
}
void store(const toml::node& node, const KeySpec& spec, std::optional<int>& into) {
  if (auto x = integer_in_range(node, spec)) into = static_cast<int>(*x);
}
void store(const toml::node& node, const KeySpec& spec, double& into) {
  if (auto x = number_in_range(node, spec)) into = *x;
}
void store(const toml::node& node, const KeySpec& spec, int& into) {
  if (auto x = integer_in_range(node, spec)) into = static_cast<int>(*x);
}
void store(const toml::node& node, const KeySpec& spec, std::uint64_t& into) {
  if (auto x = integer_in_range(node, spec); x && *x >= 0) into = static_cast<std::uint64_t>(*x);
}
void store(const toml::node& node, const KeySpec&, std::string& into) {
  if (const auto* s = node.as_string()) into = s->get();
}
void store(const toml::node& node, const KeySpec& spec, Indexation& into) {
  const auto* s = node.as_string();
  if (s == nullptr || !in_list(spec.choices, s->get())) return;
  const auto found = std::find(kIndexationNames.begin(), kIndexationNames.end(), s->get());
  if (found != kIndexationNames.end()) {
    into = static_cast<Indexation>(found - kIndexationNames.begin());
  }
}
void store(const toml::node& node, const KeySpec& spec, std::vector<int>& into) {
  store_list(node, spec, into);
}
void store(const toml::node& node, const KeySpec& spec, std::vector<double>& into) {
  store_list(node, spec, into);
}
void store(const toml::node& node, const KeySpec& spec, std::array<bool, 2>& into) {
  const auto* s = node.as_string();
  const int k = s != nullptr ? word_index(spec.choices, s->get()) : -1;
  if (k >= 0) into = {k != 1, k != 0};
}
void store(const toml::node& node, const KeySpec& spec, std::array<bool, kNumStatuses>& into) {
  const auto* array = node.as_array();
  if (array == nullptr) return;
  std::array<bool, kNumStatuses> flags{};
  for (const toml::node& item : *array) {
    const auto* s = item.as_string();
    const int k = s != nullptr ? word_index(spec.choices, s->get()) : -1;
    if (k < 0 || k >= kNumStatuses) return;
    flags[static_cast<std::size_t>(k)] = true;
  }
  into = flags;
}

}  // namespace ssproj::core
