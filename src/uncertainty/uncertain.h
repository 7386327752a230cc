// Uncertain inputs ([[uncertain]]): keys whose value each replication draws from a distribution.
//
// A replication's draws are a pure function of (seed, replication, key): the uniform of an input
// comes from the counter-based stream of its key's name, so two scenarios with the same seed draw
// the same value of a key they share (common random numbers for parameters, as for persons), and
// a key of one strategy only has a stream of its own. With Latin hypercube sampling, the
// replications take the strata of each input in an order that is also keyed by the key's name.
// The drawn values are applied as --set arguments ("KEY=x", "KEY+=x", "KEY*=x") and the scenario
// is loaded again, so a drawn value is checked exactly as a written one.
// See docs/uncertainty.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include <ssproj/scenario.h>

#include "core/diagnostics.h"

namespace ssproj::uncertainty {

// At most this many [[uncertain]] entries.
inline constexpr std::size_t kMaxInputs = 64;
// The uniforms are kept within [kTail, 1 - kTail]: the values at these two quantiles are checked
// when the scenario is loaded, so that no replication can draw a value its key refuses (for a
// normal distribution, 4.75 standard deviations either side of the mean).
inline constexpr double kTail = 1e-6;

// Reads the [[uncertain]] entries of the merged, schema-checked document into s.uncertain, with
// the checks the schema cannot make: the key exists and is a number or schedule key (an
// intervention's by the entry's name), each key once, and the parameters are consistent (min <=
// mode <= max, a lognormal's mean > 0).
void read_uncertain(const toml::table& document, Scenario& s, core::Diagnostics& diagnostics);

// The value of `input`'s distribution at quantile u in (0, 1).
double quantile(const UncertainInput& input, double u);

// The uniform of every input of `s` in every replication, [replication][input] (0-based
// replications), each in [kTail, 1 - kTail].
std::vector<std::vector<double>> uniforms(const Scenario& s);

// The drawn value of every input of `s` in every replication, [replication][input].
std::vector<std::vector<double>> draws(const Scenario& s);

// The --set argument that applies `value` to `input`'s key.
std::string set_argument(const UncertainInput& input, double value);

// `s` loaded again with `values` (one replication's draws, in the order of s.uncertain) applied
// before its own --set arguments.
// @throws ScenarioError when a drawn value is refused (the load's extremes check prevents it).
Scenario scenario_with_draws(const Scenario& s, const std::vector<double>& values);

// Loads `s` with every input at its lowest drawable value, then at its highest, and reports what
// either makes invalid at the [[uncertain]] entry that drew the value.
void check_extremes(const Scenario& s, core::Diagnostics& diagnostics);

// Partial rank correlation coefficients of `output` with each column of `inputs` ([input][case]),
// over the cases where `output` is a number: each input's correlation with the output once the
// other inputs' (linear, on ranks) effects are taken out of both. NaN for an input that does not
// vary, and for every input when there are fewer than inputs + 3 such cases.
std::vector<double> partial_rank_correlations(const std::vector<std::vector<double>>& inputs,
                                              const std::vector<double>& output);

}  // namespace ssproj::uncertainty
