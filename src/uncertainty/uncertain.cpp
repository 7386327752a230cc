#include "uncertainty/uncertain.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>

#include <Eigen/Dense>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>

#include "engine/rng.h"
#include "scenario/overrides.h"
#include "scenario/schema.h"

namespace ssproj::uncertainty {
namespace {

using core::Diagnostics;

// The subject of an input's random numbers: a 32-bit FNV-1a hash of its key.
std::uint32_t subject_of(std::string_view key) {
  std::uint32_t h = 2166136261u;
  for (const char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

std::string number_text(double x) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, ec == std::errc() ? end : buf);
}

// The number at `name` of an entry of distribution `type`, or `fallback` when absent; `valid`
// turns false when it is not a number in its key's range, or absent while required (the schema
// check reports it, and the entry's other checks are then left out).
double number_or(const toml::table& entry, std::string_view type, std::string_view name,
                 double fallback, bool& valid) {
  const core::KeySpec* spec = scenario::find_element_key("uncertain." + std::string(name), type);
  const toml::node* node = entry.get(name);
  if (node == nullptr) {
    if (spec != nullptr && spec->required) valid = false;  // "required key is missing"
    return fallback;
  }
  const std::optional<double> x = core::as_number(*node);
  if (!x || (spec != nullptr && !spec->range.contains(*x))) {
    valid = false;
    return fallback;
  }
  return *x;
}

// The [[interventions]] entry named `name`, or nullptr.
const toml::table* intervention_named(const toml::table& document, std::string_view name,
                                      std::vector<std::string>& names) {
  const toml::array* entries = document.get_as<toml::array>("interventions");
  if (entries == nullptr) return nullptr;
  const toml::table* found = nullptr;
  for (const toml::node& node : *entries) {
    const toml::table* entry = node.as_table();
    if (entry == nullptr) continue;
    const std::string n = (*entry)["name"].value_or(std::string());
    names.push_back(n);
    if (n == name && found == nullptr) found = entry;
  }
  return found;
}

// The key's spec, or nullptr with a diagnostic.
const core::KeySpec* spec_of_key(const toml::table& document, const std::string& key,
                                 const toml::source_region& where, const std::string& path,
                                 Diagnostics& diagnostics) {
  constexpr std::string_view kInterventions = "interventions.";
  if (key.starts_with(kInterventions)) {
    const std::string rest = key.substr(kInterventions.size());
    const auto dot = rest.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == rest.size()) {
      diagnostics.add_at(where, path, "not an intervention's key", "\"" + key + "\"",
                         "interventions.NAME.KEY, NAME the `name` of an [[interventions]] entry");
      return nullptr;
    }
    const std::string name = rest.substr(0, dot), param = rest.substr(dot + 1);
    std::vector<std::string> names;
    const toml::table* entry = intervention_named(document, name, names);
    if (entry == nullptr) {
      diagnostics.add_at(
          where, path, "no intervention of this name", "\"" + name + "\"",
          core::expected_word(name, names, "the name of an [[interventions]] entry"));
      return nullptr;
    }
    const std::string type = (*entry)["type"].value_or(std::string());
    const core::KeySpec* spec =
        scenario::find_element_key(std::string(kInterventions) + param, type);
    if (spec == nullptr) {
      diagnostics.add_at(where, path, "not a key of this intervention", "\"" + param + "\"",
                         "a number or schedule key of a \"" + type + "\" intervention");
    }
    return spec;
  }
  const core::KeySpec* spec = scenario::find_key(key);
  if (spec == nullptr) {
    std::vector<std::string> numeric;
    for (const core::KeySpec& k : scenario::scenario_keys()) {
      if ((k.kind == core::Kind::kNumber || k.kind == core::Kind::kNumberOrSchedule) &&
          !k.path.starts_with(kInterventions) && !k.path.starts_with("uncertain.")) {
        numeric.emplace_back(k.path);
      }
    }
    diagnostics.add_at(
        where, path, "unknown key", "\"" + key + "\"",
        core::expected_word(key, numeric, "a number or schedule key of the scenario"));
  }
  return spec;
}

}  // namespace

void read_uncertain(const toml::table& document, Scenario& s, Diagnostics& diagnostics) {
  s.uncertain.clear();
  const toml::array* entries = document.get_as<toml::array>("uncertain");
  if (entries == nullptr || !entries->is_array_of_tables()) return;  // the schema reports it
  if (entries->size() > kMaxInputs) {
    diagnostics.add_at(entries->source(), "uncertain", "too many uncertain inputs",
                       std::to_string(entries->size()),
                       "at most " + std::to_string(kMaxInputs) + " [[uncertain]] entries");
    return;
  }
  std::vector<std::pair<std::string, int>> seen;  // keys and their lines
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const toml::table& entry = *entries->get(i)->as_table();
    const std::string path = "uncertain[" + std::to_string(i) + "]";
    const toml::node* key_node = entry.get("key");
    const toml::node* type_node = entry.get("type");
    if (key_node == nullptr || !key_node->is_string() || type_node == nullptr ||
        !type_node->is_string()) {
      continue;  // the schema check has reported it
    }
    UncertainInput in;
    in.key = key_node->as_string()->get();
    in.distribution = type_node->as_string()->get();
    in.apply = entry["apply"].value_or(std::string("value"));
    in.reason = entry["reason"].value_or(std::string());
    bool numbers = true;
    const std::string& d = in.distribution;
    in.mean = number_or(entry, d, "mean", 0, numbers);
    in.sd = number_or(entry, d, "sd", 0, numbers);
    in.min = number_or(entry, d, "min", 0, numbers);
    in.max = number_or(entry, d, "max", d == "beta" ? 1 : 0, numbers);
    in.mode = number_or(entry, d, "mode", 0, numbers);
    in.alpha = number_or(entry, d, "alpha", 0, numbers);
    in.beta = number_or(entry, d, "beta", 0, numbers);
    if (!numbers) continue;  // reported by the schema check
    const toml::source_region& where = key_node->source();
    in.file = where.path ? *where.path : std::string(core::kCommandLine);
    in.line = static_cast<int>(where.begin.line);
    in.column = static_cast<int>(where.begin.column);

    bool ok = true;
    if (const core::KeySpec* spec =
            spec_of_key(document, in.key, where, path + ".key", diagnostics)) {
      if (spec->kind != core::Kind::kNumber && spec->kind != core::Kind::kNumberOrSchedule) {
        diagnostics.add_at(where, path + ".key", "not a number or schedule key",
                           "\"" + in.key + "\"",
                           "a key whose value is a number or a schedule (an integer, a word or "
                           "a list cannot be drawn)");
        ok = false;
      }
    } else {
      ok = false;
    }
    const auto first =
        std::find_if(seen.begin(), seen.end(), [&](const auto& k) { return k.first == in.key; });
    if (first != seen.end()) {
      diagnostics.add_at(where, path + ".key", "key made uncertain twice", "\"" + in.key + "\"",
                         "one [[uncertain]] entry per key (the first is at line " +
                             std::to_string(first->second) + ")");
      ok = false;
    } else {
      seen.emplace_back(in.key, in.line);
    }
    const auto at = [&](std::string_view name) {
      const toml::node* n = entry.get(name);
      return n != nullptr ? n->source() : entry.source();
    };
    if (in.distribution == "lognormal" && !(in.mean > 0)) {
      diagnostics.add_at(at("mean"), path + ".mean", "a lognormal distribution needs a mean > 0",
                         number_text(in.mean),
                         "a number > 0 (use `normal` for values that may "
                         "be negative)");
      ok = false;
    }
    if ((in.distribution == "uniform" || in.distribution == "triangular" ||
         in.distribution == "beta") &&
        in.min > in.max) {
      diagnostics.add_at(at("max"), path + ".max", "max is below min", number_text(in.max),
                         "a number >= min (" + number_text(in.min) + ")");
      ok = false;
    }
    if (in.distribution == "triangular" && in.min <= in.max &&
        (in.mode < in.min || in.mode > in.max)) {
      diagnostics.add_at(at("mode"), path + ".mode", "mode outside min-max", number_text(in.mode),
                         "a number from " + number_text(in.min) + " to " + number_text(in.max));
      ok = false;
    }
    if (ok) s.uncertain.push_back(std::move(in));
  }
}

namespace {

double quantile_of(const UncertainInput& in, double u);

}  // namespace

double quantile(const UncertainInput& in, double u) {
  // Boost.Math reports an overflow (a lognormal of a huge spread) or a failed evaluation by an
  // exception: the value is then not a number, which the key's range refuses.
  try {
    return quantile_of(in, u);
  } catch (const std::exception&) {
    return std::numeric_limits<double>::quiet_NaN();
  }
}

namespace {

double quantile_of(const UncertainInput& in, double u) {
  const std::string& d = in.distribution;
  if (d == "normal") {
    if (in.sd == 0) return in.mean;
    return boost::math::quantile(boost::math::normal_distribution<double>(in.mean, in.sd), u);
  }
  if (d == "lognormal") {
    if (in.sd == 0) return in.mean;
    // The log's parameters from the value's mean m and standard deviation s:
    // sigma^2 = ln(1 + s^2/m^2), mu = ln m - sigma^2 / 2.
    const double sigma2 = std::log1p((in.sd / in.mean) * (in.sd / in.mean));
    const double mu = std::log(in.mean) - sigma2 / 2;
    return boost::math::quantile(boost::math::lognormal_distribution<double>(mu, std::sqrt(sigma2)),
                                 u);
  }
  if (in.min == in.max) return in.min;
  if (d == "uniform") return in.min + u * (in.max - in.min);
  if (d == "triangular") {
    return boost::math::quantile(
        boost::math::triangular_distribution<double>(in.min, in.mode, in.max), u);
  }
  // beta
  const double x =
      boost::math::quantile(boost::math::beta_distribution<double>(in.alpha, in.beta), u);
  return in.min + x * (in.max - in.min);
}

}  // namespace

std::vector<std::vector<double>> uniforms(const Scenario& s) {
  const std::uint64_t seed = s.projection.seed;
  const bool latin = s.projection.sampling == "latin_hypercube";
  const auto n = static_cast<std::uint32_t>(std::max(1, s.projection.replications));
  std::vector<std::vector<double>> out(n, std::vector<double>(s.uncertain.size()));
  std::vector<std::uint32_t> order(n);
  for (std::size_t k = 0; k < s.uncertain.size(); ++k) {
    const std::uint32_t subject = subject_of(s.uncertain[k].key);
    if (latin) {
      // The strata in an order shuffled by the key's own stream (Fisher-Yates, from the top);
      // replication r takes stratum order[r].
      std::iota(order.begin(), order.end(), 0u);
      const engine::Rng shuffle(seed, 0);
      for (std::uint32_t i = n - 1; i > 0; --i) {
        const double v =
            shuffle.uniforms(engine::Stream::kLatinHypercube, subject, static_cast<int>(i))[0];
        const auto j = std::min(i, static_cast<std::uint32_t>(v * (i + 1)));
        std::swap(order[i], order[j]);
      }
    }
    for (std::uint32_t r = 0; r < n; ++r) {
      const std::array<double, 4> u =
          engine::Rng(seed, r).uniforms(engine::Stream::kUncertainInput, subject, /*year=*/0);
      const double x = latin ? (order[r] + u[1]) / n : u[0];
      out[r][k] = std::clamp(x, kTail, 1 - kTail);
    }
  }
  return out;
}

std::vector<std::vector<double>> draws(const Scenario& s) {
  std::vector<std::vector<double>> out = uniforms(s);
  for (std::vector<double>& r : out) {
    for (std::size_t k = 0; k < s.uncertain.size(); ++k) r[k] = quantile(s.uncertain[k], r[k]);
  }
  return out;
}

std::string set_argument(const UncertainInput& in, double value) {
  const std::string op = in.apply == "shift" ? "+=" : in.apply == "factor" ? "*=" : "=";
  return in.key + op + number_text(value);
}

namespace {

ScenarioOverrides overrides_with(const Scenario& s, const std::vector<double>& values) {
  ScenarioOverrides o;
  o.seed = s.projection.seed;
  o.replications = s.projection.replications;
  o.sample_fraction = s.projection.sample_fraction;
  o.draws = true;
  for (std::size_t k = 0; k < s.uncertain.size(); ++k) {
    o.set.push_back(set_argument(s.uncertain[k], values[k]));
  }
  o.set.insert(o.set.end(), s.set_arguments.begin(), s.set_arguments.end());
  return o;
}

}  // namespace

Scenario scenario_with_draws(const Scenario& s, const std::vector<double>& values) {
  if (s.uncertain.empty()) return s;
  return load_scenario(s.file, overrides_with(s, values));
}

void check_extremes(const Scenario& s, Diagnostics& diagnostics) {
  for (const double u : {kTail, 1 - kTail}) {
    std::vector<double> values;
    for (const UncertainInput& in : s.uncertain) values.push_back(quantile(in, u));
    const ScenarioOverrides o = overrides_with(s, values);
    try {
      (void)load_scenario(s.file, o);
    } catch (const ScenarioError& e) {
      for (const Diagnostic& d : e.diagnostics()) {
        // The input whose --set argument the problem names; else the first input.
        std::size_t k = 0;
        for (std::size_t i = 0; i < s.uncertain.size(); ++i) {
          if (d.file == scenario::set_source_name(o.set[i])) k = i;
        }
        const UncertainInput& in = s.uncertain[k];
        Diagnostic out;
        out.file = in.file;
        out.line = in.line;
        out.column = in.column;
        out.key = "uncertain[" + std::to_string(k) + "]";
        out.message = std::string("the distribution's ") + (u < 0.5 ? "lowest" : "highest") +
                      " value (its " + (u < 0.5 ? "0.0001%" : "99.9999%") +
                      " quantile) is refused: " + d.message;
        out.got = o.set[k];
        // A shift or a factor: the value it gives too.
        if (in.apply != "value" && !d.got.empty()) out.got += ", giving " + d.got;
        out.expected = d.expected +
                       "; narrow the distribution or choose one whose values the "
                       "key accepts";
        diagnostics.add(std::move(out));
      }
    }
  }
}

std::vector<double> partial_rank_correlations(const std::vector<std::vector<double>>& inputs,
                                              const std::vector<double>& output) {
  const std::size_t k = inputs.size();
  std::vector<double> result(k, std::nan(""));
  std::vector<std::size_t> cases;
  for (std::size_t c = 0; c < output.size(); ++c) {
    if (!std::isnan(output[c])) cases.push_back(c);
  }
  // Ranks (ties: their mean rank) of a column over the cases.
  const auto ranks = [&](const std::vector<double>& xs) {
    std::vector<std::size_t> idx(cases.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(),
                     [&](std::size_t a, std::size_t b) { return xs[cases[a]] < xs[cases[b]]; });
    Eigen::VectorXd r(static_cast<Eigen::Index>(cases.size()));
    for (std::size_t i = 0; i < idx.size();) {
      std::size_t j = i;
      while (j + 1 < idx.size() && xs[cases[idx[j + 1]]] == xs[cases[idx[i]]]) ++j;
      for (std::size_t t = i; t <= j; ++t)
        r[static_cast<Eigen::Index>(idx[t])] = static_cast<double>(i + j) / 2.0;
      i = j + 1;
    }
    return r;
  };
  std::vector<Eigen::VectorXd> columns;
  for (std::size_t i = 0; i < k; ++i) columns.push_back(ranks(inputs[i]));
  const Eigen::VectorXd y = ranks(output);
  const auto n = static_cast<Eigen::Index>(cases.size());
  if (cases.size() < k + 3) return result;
  // For each input: the residuals of its ranks and of the output's ranks after a least-squares
  // fit on the other inputs' ranks (and a constant); their correlation is the partial rank
  // correlation. An input the others explain entirely (or that does not vary) has none.
  for (std::size_t i = 0; i < k; ++i) {
    Eigen::MatrixXd others(n, static_cast<Eigen::Index>(k));
    others.col(0).setOnes();
    Eigen::Index c = 1;
    for (std::size_t j = 0; j < k; ++j) {
      if (j != i) others.col(c++) = columns[j];
    }
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> fit(others);
    const Eigen::VectorXd rx = columns[i] - others * fit.solve(columns[i]);
    const Eigen::VectorXd ry = y - others * fit.solve(y);
    // Residuals at rounding level (relative to the ranks' scale) count as none.
    const double scale = static_cast<double>(n) * std::sqrt(static_cast<double>(n));
    const double nx = rx.norm(), ny = ry.norm();
    if (nx <= 1e-9 * scale || ny <= 1e-9 * scale) continue;
    result[i] = std::clamp(rx.dot(ry) / (nx * ny), -1.0, 1.0);
  }
  return result;
}

}  // namespace ssproj::uncertainty
