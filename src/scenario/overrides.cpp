#include "scenario/overrides.h"

#include <cmath>
#include <memory>
#include <sstream>

#include "core/toml_guard.h"
#include "scenario/schema.h"
#include "scenario/validate.h"

namespace ssproj::scenario {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

std::string joined(const std::vector<std::string>& path, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count && i < path.size(); ++i) {
    out += (i == 0 ? "" : ".") + path[i];
  }
  return out;
}

std::string_view operator_text(SetOperation op) {
  return op == SetOperation::kAdd ? "+=" : op == SetOperation::kMultiply ? "*=" : "=";
}

// Parses `text` as the value of a key "v"; nothing when it is not exactly one valid TOML value.
std::optional<toml::table> parse_value(std::string_view text, const std::string& source) {
  const std::string snippet = "v = " + std::string(text);
  if (core::toml_guard(snippet)) return std::nullopt;  // see core/toml_guard.h
  try {
    toml::table t = toml::parse(snippet, source);
    if (t.size() != 1 || t.get("v") == nullptr) return std::nullopt;
    return t;
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
}

// A number of a relative change: an integer as long as it can stay one.
struct Number {
  bool integer = false;
  long long i = 0;
  double d = 0;
};

std::optional<Number> number_of(const toml::node& node) {
  if (const auto* i = node.as_integer())
    return Number{true, i->get(), static_cast<double>(i->get())};
  if (const auto* f = node.as_floating_point()) return Number{false, 0, f->get()};
  return std::nullopt;
}

// What a relative change does to one number.
class Change {
 public:
  Change(SetOperation op, Number x, const KeySpec* spec, toml::source_region where,
         Diagnostics& diagnostics)
      : op_(op), x_(x), spec_(spec), where_(std::move(where)), diagnostics_(diagnostics) {}

  // The changed value of `base`; nothing, with a diagnostic naming `key`, when an integer key
  // would get a fractional value.
  std::optional<Number> apply(const Number& base, const std::string& key) const {
    if (base.integer && x_.integer) {
      long long r = 0;
      const bool overflow = op_ == SetOperation::kAdd ? __builtin_add_overflow(base.i, x_.i, &r)
                                                      : __builtin_mul_overflow(base.i, x_.i, &r);
      if (!overflow) return Number{true, r, static_cast<double>(r)};
    }
    const double d = op_ == SetOperation::kAdd ? base.d + x_.d : base.d * x_.d;
    if (!base.integer) return Number{false, 0, d};
    // An integer stays an integer when the result is whole.
    constexpr double kLargestExact = 9007199254740992.0;  // 2^53
    if (std::isfinite(d) && d == std::trunc(d) && std::abs(d) <= kLargestExact) {
      return Number{true, static_cast<long long>(d), d};
    }
    if (spec_ != nullptr && (spec_->kind == Kind::kInteger || spec_->kind == Kind::kIntegerList)) {
      toml::value<double> shown(d);
      diagnostics_.add_at(where_, key, "result is not a whole number", describe_value(shown),
                          spec_->range.expected(true));
      return std::nullopt;
    }
    return Number{false, 0, d};
  }

  // Changes the value `name` of `table` in place: a number, every number of an inline table
  // (a schedule's year values, not its interpolation; the schedules of a table of named
  // schedules), or every element of an array of numbers. False, with a diagnostic, when it
  // cannot be changed.
  bool change(toml::table& table, const std::string& name, const std::string& key) const {
    toml::node& node = *table.get(name);
    if (auto n = number_of(node)) {
      const std::optional<Number> r = apply(*n, key);
      if (!r) return false;
      if (r->integer) {
        table.insert_or_assign(name, r->i);
      } else {
        table.insert_or_assign(name, r->d);
      }
      return true;
    }
    if (auto* inner = node.as_table(); inner != nullptr && inner->is_inline()) {
      std::vector<std::string> names;
      for (auto&& [entry, value] : *inner) {
        // Anything but numbers and schedules in a schedule is reported by the schema check.
        if (entry.str() != kInterpolationKey && (number_of(value) || value.is_table())) {
          names.emplace_back(entry.str());
        }
      }
      bool ok = true;
      for (const std::string& entry : names) ok = change(*inner, entry, key + "." + entry) && ok;
      return ok;
    }
    if (auto* array = node.as_array()) {
      for (const toml::node& item : *array) {
        if (!number_of(item)) return not_a_number(node, key);
      }
      bool ok = true;
      for (std::size_t i = 0; i < array->size(); ++i) {
        const std::optional<Number> r =
            apply(*number_of(*array->get(i)), key + "[" + std::to_string(i) + "]");
        if (!r) {
          ok = false;
        } else if (r->integer) {
          array->replace(array->cbegin() + static_cast<std::ptrdiff_t>(i), r->i);
        } else {
          array->replace(array->cbegin() + static_cast<std::ptrdiff_t>(i), r->d);
        }
      }
      return ok;
    }
    return not_a_number(node, key);
  }

 private:
  bool not_a_number(const toml::node& node, const std::string& key) const {
    const char* what = node.is_string()    ? "cannot change a string by a relative amount"
                       : node.is_boolean() ? "cannot change a boolean by a relative amount"
                                           : "cannot change this value by a relative amount";
    diagnostics_.add_at(
        where_, key, what, describe_value(node),
        "a number, a schedule or an array of numbers for " + std::string(operator_text(op_)));
    return false;
  }

  SetOperation op_;
  Number x_;
  const KeySpec* spec_;
  toml::source_region where_;
  Diagnostics& diagnostics_;
};

}  // namespace

std::string set_source_name(std::string_view text) {
  return std::string(core::kCommandLine) + ": --set " + std::string(text);
}

std::optional<SetArgument> parse_set_argument(std::string_view text, Diagnostics& diagnostics) {
  toml::source_region where;
  where.path = std::make_shared<const std::string>(set_source_name(text));
  constexpr std::string_view kForms = "KEY=VALUE, KEY+=NUMBER or KEY*=NUMBER";
  const auto eq = text.find('=');
  if (eq == std::string_view::npos) {
    diagnostics.add_at(where, "", "missing '=' in --set", "\"" + std::string(text) + "\"",
                       std::string(kForms));
    return std::nullopt;
  }
  SetArgument arg;
  arg.text = std::string(text);
  std::size_t key_end = eq;
  if (eq > 0 && (text[eq - 1] == '+' || text[eq - 1] == '*')) {
    arg.operation = text[eq - 1] == '+' ? SetOperation::kAdd : SetOperation::kMultiply;
    key_end = eq - 1;
  }
  arg.key = std::string(trim(text.substr(0, key_end)));
  arg.value = std::string(trim(text.substr(eq + 1)));
  if (arg.key.empty()) {
    diagnostics.add_at(where, "", "missing key in --set", "\"" + std::string(text) + "\"",
                       std::string(kForms));
    return std::nullopt;
  }
  // The key as TOML reads a dotted key (quoted parts allowed).
  try {
    // Text that would reach a defect of toml++ is not parsed (core/toml_guard.h).
    if (core::toml_guard(arg.key + " = 0")) throw toml::parse_error("", toml::source_region{});
    const toml::table t = toml::parse(arg.key + " = 0");
    const toml::table* level = &t;
    while (level != nullptr && level->size() == 1) {
      const toml::table* next = nullptr;
      for (auto&& [name, node] : *level) {
        arg.path.emplace_back(name.str());
        next = node.as_table();
      }
      level = next;
    }
    // The chain ends at the 0, unless the key had several parts at one level.
    if (level != nullptr) arg.path.clear();
  } catch (const toml::parse_error&) {
    arg.path.clear();
  }
  if (arg.path.empty()) {
    diagnostics.add_at(where, arg.key, "invalid key in --set", "\"" + arg.key + "\"",
                       "a dotted key such as fund.investment_return");
    return std::nullopt;
  }
  if (arg.value.empty()) {
    diagnostics.add_at(where, joined(arg.path, arg.path.size()), "missing value in --set", "\"\"",
                       arg.operation == SetOperation::kAssign
                           ? std::string("a value after '='")
                           : "a number after '" + std::string(operator_text(arg.operation)) + "'");
    return std::nullopt;
  }
  return arg;
}

void apply_set_arguments(toml::table& document, const std::vector<std::string>& arguments,
                         Diagnostics& diagnostics) {
  for (const std::string& text : arguments) {
    const std::optional<SetArgument> arg = parse_set_argument(text, diagnostics);
    if (!arg) continue;
    const std::string source = set_source_name(text);
    toml::source_region where;
    where.path = std::make_shared<const std::string>(source);
    const std::vector<std::string>& path = arg->path;
    const std::string key = joined(path, path.size());

    // A key of an [[interventions]] entry, named by the entry's name: interventions.NAME.KEY.
    toml::table* entry = nullptr;
    const KeySpec* entry_spec = nullptr;
    if (path.size() == 3 && path.front() == "interventions") {
      std::vector<std::string> names;
      if (toml::array* entries = document.get_as<toml::array>("interventions")) {
        for (toml::node& node : *entries) {
          toml::table* e = node.as_table();
          if (e == nullptr) continue;
          names.push_back((*e)["name"].value_or(std::string()));
          if (names.back() == path[1] && entry == nullptr) entry = e;
        }
      }
      if (entry == nullptr) {
        diagnostics.add_at(where, key, "no intervention of this name", "\"" + path[1] + "\"",
                           core::expected_word(path[1], names,
                                               "the name of an [[interventions]] entry, in "
                                               "interventions.NAME.KEY"));
        continue;
      }
      const std::string type = (*entry)["type"].value_or(std::string());
      entry_spec = find_element_key("interventions." + path[2], type);
      if (entry_spec == nullptr) {
        diagnostics.add_at(where, key, "not a key of this intervention", "\"" + path[2] + "\"",
                           "a key of a \"" + type + "\" intervention (see docs/interventions.md)");
        continue;
      }
    } else if (!check_key_path(path, where, diagnostics)) {
      continue;
    }
    if (path.front() == "extends") {
      diagnostics.add_at(where, key, "cannot be set on the command line", "",
                         "a key other than extends (the files it names are already merged)");
      continue;
    }
    // The tables above the key: each must be a table where it exists.
    toml::table* parent = entry != nullptr ? entry : &document;
    bool blocked = false;
    for (std::size_t i = 0; entry == nullptr && i + 1 < path.size() && parent != nullptr; ++i) {
      toml::node* next = parent->get(path[i]);
      if (next == nullptr) {
        parent = nullptr;  // created below
      } else if (!next->is_table()) {
        diagnostics.add_at(where, joined(path, i + 1),
                           "cannot set a key inside a value that is not a table",
                           describe_value(*next), "a table");
        blocked = true;
      } else {
        parent = next->as_table();
      }
      if (blocked) break;
    }
    if (blocked) continue;
    const toml::node* current = parent != nullptr ? parent->get(path.back()) : nullptr;

    // The new value, as TOML text with this argument as its source.
    std::optional<toml::table> value;
    if (arg->operation == SetOperation::kAssign) {
      value = parse_value(arg->value, source);
      if (!value) {
        // Not a TOML value: a bare word, taken as a string.
        toml::table as_string;
        as_string.insert("v", arg->value);
        std::ostringstream formatted;
        formatted << toml::toml_formatter(as_string);
        value = parse_value(formatted.str().substr(4), source);
      }
    } else {
      const std::optional<toml::table> x = parse_value(arg->value, source);
      const std::optional<Number> number = x ? number_of(*x->get("v")) : std::nullopt;
      if (!number) {
        diagnostics.add_at(where, key, "not a number", "\"" + arg->value + "\"",
                           "a number after '" + std::string(operator_text(arg->operation)) + "'");
        continue;
      }
      const KeySpec* spec = entry_spec != nullptr ? entry_spec : find_key(key);
      toml::table base;
      if (current != nullptr) {
        base.insert("v", *current);
      } else if (spec != nullptr && !spec->default_toml.empty()) {
        base = toml::parse("v = " + std::string(spec->default_toml));
      } else {
        diagnostics.add_at(where, key, "cannot change a key that has no value", "",
                           "a key that the scenario sets or that has a default; give its value "
                           "with " +
                               arg->key + "=VALUE");
        continue;
      }
      const Change change(arg->operation, *number, spec, where, diagnostics);
      if (!change.change(base, "v", key)) continue;
      std::ostringstream formatted;
      formatted << toml::toml_formatter(base);
      // "v = ..." (a schedule is an inline table, written on one line).
      value = parse_value(formatted.str().substr(4), source);
    }
    if (!value) {
      diagnostics.add_at(where, key, "cannot be written as a TOML value", "\"" + arg->value + "\"");
      continue;
    }

    // Creates the tables above the key as needed, then sets it.
    toml::table* target = entry != nullptr ? entry : &document;
    for (std::size_t i = 0; entry == nullptr && i + 1 < path.size(); ++i) {
      toml::node* next = target->get(path[i]);
      if (next == nullptr) {
        next = &target->insert(toml::key(path[i], toml::source_region(where)), toml::table{})
                    .first->second;
      }
      target = next->as_table();
    }
    target->insert_or_assign(toml::key(path.back(), toml::source_region(where)),
                             std::move(*value->get("v")));
  }
}

}  // namespace ssproj::scenario
