// The ssproj command line: run, compare, sensitivity, validate, describe.
//
// Exit status: 0 success; 1 a run failed (for example an output file could not be written);
// 2 the scenario or a data table is invalid; 64 the command line itself is wrong.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <ssproj/compare.h>
#include <ssproj/output.h>
#include <ssproj/processes.h>
#include <ssproj/report.h>
#include <ssproj/sensitivity.h>
#include <ssproj/simulate.h>
#include <ssproj/version.h>

namespace po = boost::program_options;

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitInvalidInput = 2;
constexpr int kExitUsage = 64;

constexpr const char* kUsage =
    "Usage: ssproj COMMAND [OPTIONS]\n"
    "\n"
    "Social security coverage and actuarial projection simulator.\n"
    "\n"
    "Commands:\n"
    "  run SCENARIO --out DIR   validate a scenario, project it, write the result tables\n"
    "  compare BASELINE STRATEGY... --out DIR\n"
    "                           run a baseline and strategies with common random numbers;\n"
    "                           write comparison.csv and each one's tables, print a summary\n"
    "  sensitivity PLAN --out DIR\n"
    "                           run a baseline and its one-at-a-time variations and\n"
    "                           alternative sets; write sensitivity.csv, tornado.csv and each\n"
    "                           one's tables, print the valuation results\n"
    "  report DIR               write report.html and results.xlsx from the tables in DIR\n"
    "                           (or give --report to run, compare or sensitivity)\n"
    "  validate SCENARIO...     check scenario files and their data tables; list every problem\n"
    "  describe SCENARIO        print the fully resolved scenario (extends merged, defaults\n"
    "                           filled in) as TOML\n"
    "\n"
    "Options:\n"
    "  --set KEY=VALUE          (run, compare, validate, describe; repeatable) change a key of\n"
    "                           the scenario; also KEY+=NUMBER and KEY*=NUMBER\n"
    "  -h [ --help ]            this help; 'ssproj COMMAND --help' for a command's options\n"
    "  --version                print the version and the git commit\n"
    "\n"
    "Exit status: 0 success, 1 run failed, 2 invalid scenario or data, 64 usage error.\n";

// The --set option of every command that reads a scenario.
constexpr const char* kSetHelp =
    "change a key of the scenario: KEY=VALUE (a TOML value, or a word taken as a string), "
    "KEY+=NUMBER or KEY*=NUMBER (on a number, every year of a schedule, or every element of an "
    "array); repeatable, applied in order after extends; checked like the file, errors located "
    "at 'command line: --set ...'";

std::vector<std::string> set_arguments(const po::variables_map& vm) {
  return vm.count("set") ? vm["set"].as<std::vector<std::string>>() : std::vector<std::string>{};
}

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& named,
                        const po::positional_options_description& positional) {
  po::variables_map vm;
  try {
    // Long options are never guessed from a prefix: `--replication 10` is an error, not
    // --replications (a typo must not start a different run).
    po::store(
        po::command_line_parser(args)
            .options(named)
            .positional(positional)
            .style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing)
            .run(),
        vm);
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    // The options a user can give: not the hidden option that holds the positional arguments.
    std::vector<std::string> names;
    for (const auto& option : named.options()) {
      if (option->long_name() == positional.name_for_position(0)) continue;
      names.push_back("--" + option->long_name());
    }
    std::string given = e.get_option_name();
    given = given.substr(0, given.find('='));
    std::string near = ssproj::closest_match(given, names);
    if (near.empty()) {
      // A prefix of exactly one option: that one (named, not taken).
      std::vector<std::string> longer;
      for (const std::string& name : names) {
        if (name.size() > given.size() && name.compare(0, given.size(), given) == 0) {
          longer.push_back(name);
        }
      }
      if (longer.size() == 1) near = longer.front();
    }
    throw UsageError("unknown option '" + given + "'" +
                     (near.empty() ? std::string() : "; did you mean '" + near + "'?"));
  } catch (const po::too_many_positional_options_error&) {
    const unsigned most = positional.max_total_count();
    // The first argument beyond those the command takes: the arguments that are neither an
    // option nor an option's value, in order.
    std::vector<std::string> files;
    for (std::size_t k = 0; k < args.size(); ++k) {
      const std::string& a = args[k];
      if (a.size() > 1 && a[0] == '-') {
        const std::string name =
            a.substr(a.find_first_not_of('-'), a.find('=') - a.find_first_not_of('-'));
        const po::option_description* o = named.find_nothrow(name, false);
        if (o != nullptr && o->semantic()->max_tokens() > 0 && a.find('=') == std::string::npos)
          ++k;
        continue;
      }
      files.push_back(a);
    }
    const std::string extra = files.size() > most ? files[most] : std::string();
    const bool has_out = named.find_nothrow("out", false) != nullptr;
    throw UsageError("too many arguments: this command takes " +
                     (most == 1 ? std::string("one file") : std::to_string(most) + " files") +
                     " besides its options (options start with -)" +
                     (extra.empty()
                          ? std::string()
                          : "; '" + extra + "' is one too many" +
                                (has_out ? " (if the results should go there: --out " + extra + ")"
                                         : std::string())));
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  return vm;
}

// The options a command parses: those its --help shows, and the hidden option that receives its
// file arguments (`positional`, which --help shows in the usage line instead: "SCENARIO...").
po::options_description with_files(const po::options_description& visible, const char* name,
                                   const po::value_semantic* files) {
  po::options_description all;
  all.add(visible);
  all.add_options()(name, files, "the command's file arguments");
  return all;
}

// The result set of --out, checked before any work: a directory that cannot take the results
// (a file, a directory of other files, an empty name, a parent that is not writable) is a
// usage error (exit 64), as a wrong option is.
std::unique_ptr<ssproj::ResultSet> open_result_set(const std::string& out) {
  if (out.empty()) throw UsageError("--out is empty (expected a directory for the results)");
  try {
    return std::make_unique<ssproj::ResultSet>(out);
  } catch (const ssproj::IoError& e) {
    throw UsageError(e.what());
  }
}

void print_diagnostics(const ssproj::ScenarioError& e) {
  for (const ssproj::Diagnostic& d : e.diagnostics()) std::cerr << d.to_string() << '\n';
  std::cerr << e.diagnostics().size() << (e.diagnostics().size() == 1 ? " error" : " errors")
            << '\n';
}

// The warnings of a command's scenarios, each distinct warning once (issue 15: a comparison of
// nine strategies that extend one baseline printed the baseline's warning nine times). Two
// warnings are the same when their key, message, value and expectation are: the first one is
// printed, at its place. With several scenarios each line ends with the scenarios it applies to
// ("[all 9 scenarios]", "[in baseline, mobile_offices]"); `names[k]` names scenario k.
void print_warnings(const std::vector<std::string>& names,
                    const std::vector<const std::vector<ssproj::Diagnostic>*>& warnings) {
  struct Distinct {
    const ssproj::Diagnostic* first;
    std::vector<std::size_t> scenarios;
  };
  std::vector<Distinct> distinct;
  for (std::size_t k = 0; k < warnings.size(); ++k) {
    for (const ssproj::Diagnostic& w : *warnings[k]) {
      const auto same = std::find_if(distinct.begin(), distinct.end(), [&](const Distinct& d) {
        return d.first->key == w.key && d.first->message == w.message && d.first->got == w.got &&
               d.first->expected == w.expected;
      });
      if (same == distinct.end()) {
        distinct.push_back(Distinct{&w, {k}});
      } else if (same->scenarios.back() != k) {
        same->scenarios.push_back(k);
      }
    }
  }
  for (const Distinct& d : distinct) {
    std::string line = d.first->to_string();
    if (names.size() > 1) {
      if (d.scenarios.size() == names.size()) {
        line += " [all " + std::to_string(names.size()) + " scenarios]";
      } else {
        std::string which;
        for (std::size_t k : d.scenarios) which += (which.empty() ? "" : ", ") + names[k];
        line += " [in " + which + "]";
      }
    }
    std::cerr << line << '\n';
  }
}

// On SIGINT or SIGTERM while a run works: a message that says what was and was not written,
// and exit 130 / 143 at once. Until the new result set is swapped into place (ResultSet::commit),
// nothing of it is in the result directory, which keeps what it held: the set was being built
// in a staging directory beside it, which the next run for the same directory removes. After the
// swap the new set is complete; with --report the reports are written after it (state 2). The
// handler may only write(): the messages are made before.
char interrupted_message[3][1024];
std::size_t interrupted_length[3] = {0, 0, 0};
volatile std::sig_atomic_t results_in_place = 0;  // 0 staging, 1 in place, 2 writing the reports

extern "C" void on_interruption(int signal_number) {
  const int k = results_in_place >= 0 && results_in_place <= 2 ? results_in_place : 1;
  if (interrupted_length[k] > 0) {
    [[maybe_unused]] const ssize_t n =
        ::write(STDERR_FILENO, interrupted_message[k], interrupted_length[k]);
  }
  ::_exit(128 + signal_number);
}

// --threads: 0 (every core) up to kMaxThreads, far above any machine this runs on; more would only
// make oneTBB create threads that have nothing to do (and fail to create them).
constexpr int kMaxThreads = 1024;
void check_threads(int threads) {
  if (threads < 0 || threads > kMaxThreads) {
    throw UsageError("--threads must be from 0 (every core) to " + std::to_string(kMaxThreads) +
                     " (got " + std::to_string(threads) + ")");
  }
}

// Refuses, before any work, a set of projections that would need more memory than the system has
// (ssproj::estimated_memory_bytes; docs/outputs.md, "Resource bounds"): `scenarios` run at once,
// with `kept` bytes held besides (what compare keeps of every scenario) and `replications` in
// all (0: those of `scenarios`).
void check_memory(const std::vector<const ssproj::Scenario*>& scenarios, int threads,
                  double kept = 0, int replications_in_all = 0) {
  double needed = kept, persons = 0;
  int replications = 0;
  for (const ssproj::Scenario* s : scenarios) {
    needed += ssproj::estimated_memory_bytes(*s, threads);
    replications += s->projection.replications;
    double base = 0;
    for (const auto& ages : s->inputs.base_population) {
      for (double x : ages) base += x;
    }
    persons = std::max(persons, base * s->projection.sample_fraction);
  }
  const double available = ssproj::available_memory_bytes();
  if (available <= 0 || needed <= available) return;
  char text[400];
  std::snprintf(text, sizeof text,
                "this needs about %.1f GB of memory (%.0f simulated persons, %d replication(s) "
                "in all) and %.1f GB are available; lower --sample-fraction or --replications",
                needed / 1e9, persons, replications_in_all > 0 ? replications_in_all : replications,
                available / 1e9);
  throw ssproj::IoError(text);
}

// Key years outside the projection are not shown: say so (unless quiet).
void warn_key_years(const std::vector<int>& key_years, const ssproj::Scenario& s, bool quiet) {
  if (quiet) return;
  for (int year : key_years) {
    if (year < s.projection.start_year || year > s.projection.end_year) {
      std::fprintf(stderr,
                   "ssproj: warning: key year %d is outside the projection (%d-%d); not shown\n",
                   year, s.projection.start_year, s.projection.end_year);
    }
  }
}

// What the result directory holds before a command replaces it, for the message of an
// interruption (found before the ResultSet prepares it).
std::string previous_contents(const std::string& out) {
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::path(out) / "manifest.json", ec)) {
    return out + " keeps its previous results";
  }
  if (std::filesystem::exists(out, ec)) return out + " stays as it was (empty)";
  return out + " was not created";
}

// `what`: the files the command writes ("the tables", "comparison.csv and each scenario's
// tables").
void watch_interruptions(const std::string& previous, const ssproj::ResultSet& set,
                         const std::string& what) {
  const std::string messages[3] = {
      "\nssproj: interrupted: nothing was written (" + what + " were not); " + previous +
          "; the unfinished set in " + set.staging().string() + " is removed by the next run\n",
      "\nssproj: interrupted after the results were written: " + set.dir().string() +
          " holds the new complete set (" + what + ")\n",
      "\nssproj: interrupted while writing the reports: " + set.dir().string() +
          " holds the new complete set (" + what +
          "); report.html and results.xlsx may be "
          "missing or from an earlier run: ssproj report " +
          set.dir().string() + " writes them\n"};
  for (int k = 0; k < 3; ++k) {
    const std::size_t n = std::min(messages[k].size(), sizeof interrupted_message[k]);
    std::copy_n(messages[k].begin(), n, interrupted_message[k]);
    interrupted_length[k] = n;
  }
  results_in_place = 0;
  struct sigaction action {};
  action.sa_handler = on_interruption;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

// The new set is in place: an interruption from now on says so.
void commit_results(ssproj::ResultSet& set) {
  set.commit();
  results_in_place = 1;
}

// A progress line on standard error, redrawn in place, with the time elapsed and an estimate of
// the time left; only when standard error is a terminal (and not with --quiet): a file or a
// pipe gets no progress line. Thread-safe: replications and scenarios report from any thread.
class Progress {
 public:
  // `what` is the line's prefix ("projecting", "comparing 9 scenarios:").
  Progress(std::string what, bool quiet)
      : what_(std::move(what)),
        shown_(!quiet && ::isatty(STDERR_FILENO)),
        started_(std::chrono::steady_clock::now()) {}

  bool shown() const { return shown_; }

  // `done` of `total` replication-years.
  void update(long done, long total) {
    if (!shown_) return;
    const std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    const double elapsed = std::chrono::duration<double>(now - started_).count();
    const bool last = done >= total;
    if (!last && drawn_ &&
        std::chrono::duration<double>(now - drawn_at_).count() < kRedrawSeconds) {
      return;
    }
    drawn_ = true;
    drawn_at_ = now;
    std::string line = "\rssproj: " + what_ + " " + std::to_string(done) + "/" +
                       std::to_string(total) + " replication-years (" +
                       std::to_string(total > 0 ? 100 * done / total : 100L) + "%)";
    if (last) {
      line += " in " + duration(elapsed);
    } else {
      line += ", " + duration(elapsed) + " elapsed";
      // The rate so far, once there is one to go by.
      if (done > 0 && elapsed >= kSecondsBeforeEstimate) {
        line += ", about " +
                duration(elapsed * static_cast<double>(total - done) / static_cast<double>(done)) +
                " left";
      }
    }
    // Spaces over what a longer line before left on the screen.
    const std::size_t width = line.size();
    if (line.size() < width_) line += std::string(width_ - line.size(), ' ');
    width_ = width;
    std::fputs(line.c_str(), stderr);
    if (last) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  // At most one redraw per kRedrawSeconds; no estimate before kSecondsBeforeEstimate, when the
  // first steps (the base year, the first compactions) would make it wrong.
  static constexpr double kRedrawSeconds = 0.25;
  static constexpr double kSecondsBeforeEstimate = 1.0;

  // "12 s", "3 min 20 s", "1 h 05 min".
  static std::string duration(double seconds) {
    constexpr long kMinute = 60, kHour = 3600;
    char text[32];
    const long s = std::lround(seconds);
    if (seconds < 10) {
      std::snprintf(text, sizeof text, "%.1f s", seconds);
    } else if (s < kMinute) {
      std::snprintf(text, sizeof text, "%ld s", s);
    } else if (s < kHour) {
      std::snprintf(text, sizeof text, "%ld min %02ld s", s / kMinute, s % kMinute);
    } else {
      std::snprintf(text, sizeof text, "%ld h %02ld min", s / kHour, s % kHour / kMinute);
    }
    return text;
  }

  std::string what_;
  bool shown_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point drawn_at_{};
  bool drawn_ = false;
  std::size_t width_ = 0;
  std::mutex mutex_;
};

// This process and the others of an MPI run (ssproj/processes.h); one process otherwise.
ssproj::Processes g_processes;

// The options of a projection in this process: its share of the replications when several
// processes run (task_offset: the replications of earlier projections of the same command).
ssproj::RunOptions process_options(int threads, int task_offset = 0) {
  ssproj::RunOptions options;
  options.threads = threads;
  options.process = g_processes.rank;
  options.processes = g_processes.size;
  options.task_offset = task_offset;
  return options;
}

int command_validate(const std::vector<std::string>& args) {
  po::options_description named(
      "ssproj validate SCENARIO... [options]\n\n"
      "Checks scenario files and their data tables and reports every "
      "problem, one per line\n(FILE:LINE:COL: error: KEY: what is "
      "wrong (got VALUE, expected RANGE)).\nExit status 0 when all are "
      "valid, 2 when not.\n\nOptions");
  named.add_options()("help,h", "this help")("quiet,q", "print nothing when valid")(
      "set", po::value<std::vector<std::string>>()->composing()->value_name("KEY=VALUE"), kSetHelp);
  po::positional_options_description positional;
  positional.add("scenario", -1);
  const po::variables_map vm =
      parse(args, with_files(named, "scenario", po::value<std::vector<std::string>>()), positional);
  if (vm.count("help")) {
    std::cout << named << '\n';
    return 0;
  }
  if (!vm.count("scenario")) throw UsageError("validate needs at least one scenario file");
  ssproj::ScenarioOverrides overrides;
  overrides.set = set_arguments(vm);
  int status = 0;
  const std::vector<std::string> files = vm["scenario"].as<std::vector<std::string>>();
  // Each file's warnings, printed once per distinct warning after every file is checked.
  std::vector<std::vector<ssproj::Diagnostic>> warnings(files.size());
  for (std::size_t k = 0; k < files.size(); ++k) {
    try {
      warnings[k] = ssproj::load_scenario(files[k], overrides).warnings;
      if (!vm.count("quiet")) std::cout << files[k] << ": valid\n";
    } catch (const ssproj::ScenarioError& e) {
      print_diagnostics(e);
      status = kExitInvalidInput;
    }
  }
  std::vector<const std::vector<ssproj::Diagnostic>*> lists;
  for (const auto& w : warnings) lists.push_back(&w);
  print_warnings(files, lists);
  return status;
}

int command_describe(const std::vector<std::string>& args) {
  po::options_description named(
      "ssproj describe SCENARIO [options]\n"
      "ssproj describe --reference\n\n"
      "Prints the fully resolved scenario as TOML: the extends chain "
      "merged, defaults filled in,\ndata paths relative to the "
      "scenario's directory; keys in the order the files give them,\nnumbers as their shortest "
      "text, each key's description as a comment. With --reference,\nprints instead the "
      "tables of every key (docs/scenario-reference.md section 6) as Markdown.\n\nOptions");
  named.add_options()("help,h", "this help")(
      "reference", "the key tables of the scenario reference, as Markdown")(
      "set", po::value<std::vector<std::string>>()->composing()->value_name("KEY=VALUE"), kSetHelp);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  const po::variables_map vm =
      parse(args, with_files(named, "scenario", po::value<std::string>()), positional);
  if (vm.count("help")) {
    std::cout << named << '\n';
    return 0;
  }
  if (vm.count("reference")) {
    if (vm.count("scenario") || vm.count("set")) {
      throw UsageError("describe --reference takes no scenario file or --set");
    }
    std::cout << ssproj::scenario_key_reference();
    return 0;
  }
  if (!vm.count("scenario")) throw UsageError("describe needs a scenario file");
  try {
    ssproj::ScenarioOverrides overrides;
    overrides.set = set_arguments(vm);
    std::cout << ssproj::describe_scenario(
        ssproj::load_scenario(vm["scenario"].as<std::string>(), overrides));
  } catch (const ssproj::ScenarioError& e) {
    print_diagnostics(e);
    return kExitInvalidInput;
  }
  return 0;
}

// "2030,2050" -> {2030, 2050}
std::vector<int> parse_key_years(const std::string& text) {
  std::vector<int> key_years;
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t comma = std::min(text.find(',', at), text.size());
    int year = 0;
    const auto [end, ec] = std::from_chars(text.data() + at, text.data() + comma, year);
    if (ec != std::errc() || end != text.data() + comma) {
      throw UsageError("--key-years takes years separated by commas (got '" + text + "')");
    }
    key_years.push_back(year);
    at = comma + 1;
  }
  return key_years;
}

// Writes report.html and results.xlsx into `out` (after the tables are in place).
void write_reports(const std::string& out, const std::vector<int>& key_years, bool quiet) {
  ssproj::ReportOptions options;
  options.key_years = key_years;
  results_in_place = 2;  // an interruption now says the reports may be missing
  ssproj::write_reports(out, options);
  results_in_place = 1;
  if (!quiet) std::fprintf(stderr, "ssproj: report.html and results.xlsx in %s\n", out.c_str());
}

// The options `run`, `compare` and `sensitivity` share.
void add_run_options(po::options_description& named) {
  named.add_options()("help,h", "this help")("out,o", po::value<std::string>(),
                                             "output directory (created if missing)")(
      "threads,t", po::value<int>()->default_value(0),
      "worker threads, 0 = all cores (results do not depend on it)")(
      "seed", po::value<std::string>(),
      "master seed, a whole number >= 0 (replaces projection.seed)")(
      "replications,r", po::value<int>(), "replications (replaces projection.replications)")(
      "sample-fraction,f", po::value<double>(),
      "share of the population simulated (replaces projection.sample_fraction)")(
      "set", po::value<std::vector<std::string>>()->composing()->value_name("KEY=VALUE"), kSetHelp)(
      "quiet,q", "no progress or summary on stderr")(
      "report", "also write report.html and results.xlsx into DIR (as ssproj report DIR)");
}

ssproj::ScenarioOverrides overrides_of(const po::variables_map& vm) {
  ssproj::ScenarioOverrides overrides;
  if (vm.count("seed")) {
    const std::string text = vm["seed"].as<std::string>();
    std::uint64_t seed = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (ec != std::errc() || end != text.data() + text.size()) {
      throw UsageError("--seed takes a whole number >= 0 (got '" + text + "')");
    }
    overrides.seed = seed;
  }
  if (vm.count("replications")) overrides.replications = vm["replications"].as<int>();
  if (vm.count("sample-fraction")) overrides.sample_fraction = vm["sample-fraction"].as<double>();
  overrides.set = set_arguments(vm);
  return overrides;
}

int command_run(const std::vector<std::string>& args) {
  po::options_description named(
      "ssproj run SCENARIO --out DIR [options]\n\n"
      "Validates the scenario (writing nothing when it is invalid), "
      "runs the cohort-component\nprojection and the microsimulation, "
      "and writes into DIR population.csv and\npopulation_cohort.csv; with the workforce "
      "tables also labour.csv, coverage.csv,\nplaces.csv (sectors.csv), contributions.csv, "
      "finance.csv, beneficiaries.csv, indicators.csv,\nreplacement_rates.csv, "
      "interventions.csv and liabilities.csv; with [[uncertain]] inputs draws.csv; last\n"
      "manifest.json. Each file is written atomically. Under mpirun the processes share the\n"
      "replications (docs/cluster.md).\n\n"
      "Options");
  add_run_options(named);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  const po::variables_map vm =
      parse(args, with_files(named, "scenario", po::value<std::string>()), positional);
  if (vm.count("help")) {
    std::cout << named << '\n';
    return 0;
  }
  if (!vm.count("scenario")) throw UsageError("run needs a scenario file");
  if (!vm.count("out")) throw UsageError("run needs --out DIR");
  const int threads = vm["threads"].as<int>();
  check_threads(threads);
  const bool quiet = vm.count("quiet") > 0;
  const ssproj::ScenarioOverrides overrides = overrides_of(vm);

  ssproj::Scenario scenario;
  try {
    scenario = ssproj::load_scenario(vm["scenario"].as<std::string>(), overrides);
  } catch (const ssproj::ScenarioError& e) {
    print_diagnostics(e);
    return kExitInvalidInput;
  }

  const std::string out = vm["out"].as<std::string>();
  check_memory({&scenario}, threads);
  if (g_processes.rank != 0) {
    // Another process of an MPI run: its replications, sent to process 0, which writes.
    ssproj::simulate(scenario, process_options(threads));
    return 0;
  }
  const std::string previous = previous_contents(out);
  const std::unique_ptr<ssproj::ResultSet> result_set = open_result_set(out);
  ssproj::ResultSet& set = *result_set;
  watch_interruptions(previous, set, "the tables");

  if (!quiet) print_warnings({scenario.name}, {&scenario.warnings});

  ssproj::RunOptions options = process_options(threads);
  Progress progress("projecting", quiet);
  if (progress.shown()) {
    options.progress = [&progress](long done, long total) { progress.update(done, total); };
  }
  const auto started = std::chrono::steady_clock::now();
  const ssproj::ProjectionResults results = ssproj::simulate(scenario, options);
  ssproj::RunRecord record;
  record.threads = threads > 0 ? threads : tbb::info::default_concurrency();
  record.processes = g_processes.size;
  record.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  ssproj::write_run_outputs(set, "", scenario, results, record);
  commit_results(set);
  if (vm.count("report")) write_reports(out, ssproj::ReportOptions{}.key_years, quiet);
  if (!quiet) {
    std::fprintf(stderr,
                 "ssproj: %s: %d-%d, %d replication(s), %.1f million person-years in %.1f s "
                 "(%.1f million per second); tables in %s\n",
                 scenario.name.c_str(), scenario.projection.start_year,
                 scenario.projection.end_year, scenario.projection.replications,
                 results.person_years / 1e6, record.wall_seconds,
                 record.wall_seconds > 0 ? results.person_years / record.wall_seconds / 1e6 : 0.0,
                 out.c_str());
  }
  return 0;
}

int command_compare(const std::vector<std::string>& args) {
  po::options_description named(
      "ssproj compare BASELINE STRATEGY... --out DIR [options]\n\n"
      "Validates every scenario (writing nothing when one is invalid), runs them all with the\n"
      "same seed (common random numbers: a person's draws are the same in each, so the\n"
      "differences are the policy), and writes into DIR comparison.csv, decisions.csv,\n"
      "comparison_replications.csv, comparison_places.csv, with [[uncertain]] inputs\n"
      "comparison_draws.csv and comparison_drivers.csv, and, in DIR/NAME/, each scenario's\n"
      "tables as `run` writes them (NAME: the file's stem). Prints a summary of the\n"
      "strategies, by their scenario `name`, at the key years on stdout. --seed,\n"
      "--replications, --sample-fraction and --set apply to every scenario.\n\nOptions");
  add_run_options(named);
  named.add_options()("key-years", po::value<std::string>()->default_value("2030,2050"),
                      "years shown in the summary, comma-separated");
  po::positional_options_description positional;
  positional.add("scenario", -1);
  const po::variables_map vm =
      parse(args, with_files(named, "scenario", po::value<std::vector<std::string>>()), positional);
  if (vm.count("help")) {
    std::cout << named << '\n';
    return 0;
  }
  const std::vector<std::string> files = vm.count("scenario")
                                             ? vm["scenario"].as<std::vector<std::string>>()
                                             : std::vector<std::string>{};
  if (files.size() < 2) throw UsageError("compare needs a baseline and at least one strategy");
  if (!vm.count("out")) throw UsageError("compare needs --out DIR");
  const int threads = vm["threads"].as<int>();
  check_threads(threads);
  const std::vector<int> key_years = parse_key_years(vm["key-years"].as<std::string>());
  const bool quiet = vm.count("quiet") > 0;
  const ssproj::ScenarioOverrides overrides = overrides_of(vm);

  // Every file is checked before anything runs; all problems are reported together.
  std::vector<ssproj::Scenario> scenarios;
  std::vector<ssproj::Diagnostic> problems;
  for (const std::string& file : files) {
    try {
      scenarios.push_back(ssproj::load_scenario(file, overrides));
    } catch (const ssproj::ScenarioError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (problems.empty()) problems = ssproj::comparison_problems(scenarios);
  if (!problems.empty()) {
    print_diagnostics(ssproj::ScenarioError(problems));
    return kExitInvalidInput;
  }
  const std::string out = vm["out"].as<std::string>();
  {
    // As many scenarios run at once as there are threads (one at a time with several
    // processes), each holding its full results until its tables are written; every scenario
    // then keeps what the comparison reads (ssproj::compared_replications).
    std::vector<const ssproj::Scenario*> by_size;
    for (const ssproj::Scenario& s : scenarios) by_size.push_back(&s);
    std::stable_sort(by_size.begin(), by_size.end(), [&](const auto* a, const auto* b) {
      return ssproj::estimated_memory_bytes(*a, threads) >
             ssproj::estimated_memory_bytes(*b, threads);
    });
    const int cores = threads > 0 ? threads : tbb::info::default_concurrency();
    const std::size_t at_once =
        g_processes.size > 1 ? 1 : std::min<std::size_t>(by_size.size(), std::max(1, cores));
    double kept = 0;
    int replications_in_all = 0;
    for (const ssproj::Scenario& s : scenarios) {
      kept += ssproj::estimated_compared_bytes(s);
      replications_in_all += s.projection.replications;
    }
    by_size.resize(at_once);
    check_memory(by_size, threads, kept, replications_in_all);
  }
  // With several processes (MPI) the scenarios run one after another, each spread over the
  // processes, the replications of scenario k from task k x replications.
  const int replications = scenarios.front().projection.replications;
  if (g_processes.rank != 0) {
    for (std::size_t k = 0; k < scenarios.size(); ++k) {
      ssproj::simulate(scenarios[k], process_options(threads, static_cast<int>(k) * replications));
    }
    return 0;
  }
  const std::string previous = previous_contents(out);
  const std::unique_ptr<ssproj::ResultSet> result_set = open_result_set(out);
  ssproj::ResultSet& set = *result_set;
  watch_interruptions(previous, set, "comparison.csv and the tables of each scenario");
  const std::vector<std::string> names = ssproj::strategy_names(scenarios);
  warn_key_years(key_years, scenarios.front(), quiet);
  if (!quiet) {
    std::vector<const std::vector<ssproj::Diagnostic>*> warnings;
    for (const ssproj::Scenario& s : scenarios) warnings.push_back(&s.warnings);
    print_warnings(names, warnings);
  }

  // All scenarios at once (each is parallel over persons too); results do not depend on it.
  std::vector<ssproj::StrategyRun> runs(scenarios.size());
  std::vector<double> seconds(scenarios.size());
  // One progress line for all scenarios: the replication-years done of each, over those of all
  // (each scenario's total as simulate() counts it: a step from the base year to the end, for
  // each replication).
  Progress progress("comparing " + std::to_string(scenarios.size()) + " scenarios:", quiet);
  std::vector<long> done(scenarios.size(), 0), total(scenarios.size(), 0);
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    total[k] = static_cast<long>(scenarios[k].projection.end_year - scenarios[k].inputs.base_year) *
               scenarios[k].projection.replications;
  }
  std::mutex progress_mutex;
  const auto report = [&](std::size_t k, long d, long t) {
    long all_done = 0, all = 0;
    {
      const std::lock_guard lock(progress_mutex);
      done[k] = d;
      total[k] = t;
      for (std::size_t j = 0; j < done.size(); ++j) {
        all_done += done[j];
        all += total[j];
      }
    }
    progress.update(all_done, all);
  };
  const auto started = std::chrono::steady_clock::now();
  tbb::task_arena arena(threads > 0 ? threads : tbb::task_arena::automatic);
  // Runs scenario k, writes its tables into DIR/NAME/ as soon as it is done, and keeps only what
  // the comparison reads, so that memory holds the full results of the scenarios running at
  // that moment and not of all of them.
  const auto run_scenario = [&](std::size_t k) {
    const auto t0 = std::chrono::steady_clock::now();
    ssproj::StrategyRun& run = runs[k];
    run.name = names[k];
    run.scenario = scenarios[k];
    ssproj::RunOptions options = process_options(threads, static_cast<int>(k) * replications);
    if (progress.shown()) {
      options.progress = [&report, k](long d, long t) { report(k, d, t); };
    }
    run.results = ssproj::simulate(run.scenario, options);
    seconds[k] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ssproj::RunRecord record;
    record.threads = threads > 0 ? threads : tbb::info::default_concurrency();
    record.processes = g_processes.size;
    record.wall_seconds = seconds[k];
    ssproj::write_run_outputs(set, run.name + "/", run.scenario, run.results, record);
    run.replications = ssproj::compared_replications(run.results, key_years);
    run.person_years = run.results.person_years;
    run.results = {};
  };
  if (g_processes.size > 1) {
    // MPI is called from this thread only, in the same order in every process.
    for (std::size_t k = 0; k < scenarios.size(); ++k) run_scenario(k);
  } else {
    // Isolated: a thread waiting for the replications of its scenario helps with those, and
    // does not start another scenario (which would hold more full results at once).
    arena.execute([&] {
      tbb::parallel_for(std::size_t{0}, scenarios.size(), [&](std::size_t k) {
        tbb::this_task_arena::isolate([&] { run_scenario(k); });
      });
    });
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  set.write("comparison.csv", ssproj::comparison_csv(runs));
  set.write("decisions.csv", ssproj::decisions_csv(runs, key_years));
  set.write("comparison_places.csv", ssproj::comparison_places_csv(runs, key_years));
  set.write("comparison_replications.csv", ssproj::comparison_replications_csv(runs, key_years));
  if (std::any_of(runs.begin(), runs.end(),
                  [](const ssproj::StrategyRun& r) { return !r.scenario.uncertain.empty(); })) {
    set.write("comparison_draws.csv", ssproj::comparison_draws_csv(runs));
    set.write("comparison_drivers.csv", ssproj::comparison_drivers_csv(runs, key_years));
  }
  {
    // The scenarios' tables were written as each finished: list them in the scenarios' order,
    // the same for any thread count.
    std::vector<std::pair<std::string, std::string>> listed;
    for (const std::string& name : names) {
      for (const auto& f : set.files()) {
        if (f.first.rfind(name + "/", 0) == 0) listed.push_back(f);
      }
    }
    for (const auto& f : set.files()) {
      if (f.first.find('/') == std::string::npos) listed.push_back(f);
    }
    set.write("manifest.json", ssproj::set_manifest_json("compare", listed));
  }
  commit_results(set);
  if (vm.count("report")) write_reports(out, key_years, quiet);
  // The summaries name each scenario by its `name` (the directories and comparison.csv keep the
  // file's stem); a name that two scenarios share gets its directory name beside it.
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const auto same = [&](const ssproj::StrategyRun& other) {
      return &other != &runs[k] && other.scenario.name == runs[k].scenario.name;
    };
    const bool shared = std::any_of(runs.begin(), runs.end(), same);
    runs[k].name = shared ? runs[k].scenario.name + " (" + names[k] + ")" : runs[k].scenario.name;
  }
  std::cout << ssproj::comparison_summary(runs, key_years);
  std::cout << '\n' << ssproj::decisions_summary(runs, key_years);
  {
    // The valuation of each scenario too: strategies that change rules or assumptions rather
    // than coverage are judged by these.
    std::vector<ssproj::SensitivityRun> valued;
    for (std::size_t k = 0; k < runs.size(); ++k) {
      ssproj::SensitivityRun v;
      v.variant.name = runs[k].name;
      v.variant.kind = k == 0 ? "baseline" : "alternative";
      for (const ssproj::ComparedReplication& r : runs[k].replications) {
        v.valuations.push_back(r.valuation);
      }
      valued.push_back(std::move(v));
    }
    std::cout << "\nValuation (all schemes):\n" << ssproj::sensitivity_summary(valued, key_years);
  }
  if (!quiet) {
    double person_years = 0;
    for (const ssproj::StrategyRun& r : runs) person_years += r.person_years;
    std::fprintf(stderr,
                 "ssproj: %zu scenarios, %.1f million person-years in %.1f s; comparison.csv and "
                 "each scenario's tables in %s\n",
                 runs.size(), person_years / 1e6, wall, out.c_str());
  }
  return 0;
}

int command_sensitivity(const std::vector<std::string>& args) {
  po::options_description named(
      "ssproj sensitivity PLAN --out DIR [options]\n\n"
      "Reads a sensitivity file (a baseline scenario, [[assumption]] tables with a low and a\n"
      "high variant, [[alternative]] sets; docs/sensitivity.md), validates every variant\n"
      "(writing nothing when one is invalid), runs them with the baseline's seed (common\n"
      "random numbers), and writes into DIR sensitivity.csv, tornado.csv and, in DIR/NAME/,\n"
      "each variant's tables as `run` writes them. Prints the variants' valuation results.\n"
      "The options below apply to every variant, before its own changes.\n\nOptions");
  add_run_options(named);
  po::positional_options_description positional;
  positional.add("plan", 1);
  const po::variables_map vm =
      parse(args, with_files(named, "plan", po::value<std::string>()), positional);
  if (vm.count("help")) {
    std::cout << named << '\n';
    return 0;
  }
  if (!vm.count("plan")) throw UsageError("sensitivity needs a sensitivity file");
  if (!vm.count("out")) throw UsageError("sensitivity needs --out DIR");
  const int threads = vm["threads"].as<int>();
  check_threads(threads);
  const bool quiet = vm.count("quiet") > 0;

  ssproj::SensitivityPlan plan;
  std::vector<ssproj::Scenario> scenarios;
  try {
    plan = ssproj::load_sensitivity_plan(vm["plan"].as<std::string>());
    scenarios = ssproj::load_sensitivity_scenarios(plan, overrides_of(vm));
  } catch (const ssproj::ScenarioError& e) {
    print_diagnostics(e);
    return kExitInvalidInput;
  }
  const std::string out = vm["out"].as<std::string>();
  // One variant at a time, with the baseline's results kept beside it.
  check_memory({&scenarios.front(), &scenarios.front()}, threads);
  if (g_processes.rank != 0) {
    // Another process of an MPI run: its share of each variant's replications.
    ssproj::run_sensitivity(plan, scenarios, process_options(threads));
    return 0;
  }
  const std::string previous = previous_contents(out);
  const std::unique_ptr<ssproj::ResultSet> result_set = open_result_set(out);
  ssproj::ResultSet& set = *result_set;
  watch_interruptions(previous, set,
                      "sensitivity.csv, tornado.csv and the tables of each variant, including "
                      "those already finished");
  warn_key_years(plan.key_years, scenarios.front(), quiet);
  if (!quiet) print_warnings({scenarios.front().name}, {&scenarios.front().warnings});
  const ssproj::RunOptions options = process_options(threads);
  const auto started = std::chrono::steady_clock::now();
  auto last = started;
  const std::vector<ssproj::SensitivityRun> runs = ssproj::run_sensitivity(
      plan, scenarios, options,
      [&](const ssproj::SensitivityRun& run, const ssproj::ProjectionResults& results) {
        const auto now = std::chrono::steady_clock::now();
        ssproj::RunRecord record;
        record.threads = threads > 0 ? threads : tbb::info::default_concurrency();
        record.processes = g_processes.size;
        record.wall_seconds = std::chrono::duration<double>(now - last).count();
        last = now;
        ssproj::write_run_outputs(set, run.variant.name + "/", run.scenario, results, record);
        if (!quiet) {
          std::fprintf(stderr, "ssproj: %s done (%.1f s)\n", run.variant.name.c_str(),
                       record.wall_seconds);
        }
      });
  set.write("sensitivity.csv", ssproj::sensitivity_csv(runs, plan.key_years));
  set.write("tornado.csv", ssproj::tornado_csv(runs, plan.key_years));
  set.write("manifest.json", ssproj::set_manifest_json("sensitivity", set.files()));
  commit_results(set);
  if (vm.count("report")) write_reports(out, plan.key_years, quiet);
  std::cout << ssproj::sensitivity_summary(runs, plan.key_years);
  if (!quiet) {
    std::fprintf(stderr,
                 "ssproj: %zu variants in %.1f s; sensitivity.csv, tornado.csv and each "
                 "variant's tables in %s\n",
                 runs.size(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                 out.c_str());
  }
  return 0;
}

int command_report(const std::vector<std::string>& args) {
  po::options_description named(
      "ssproj report DIR [options]\n\n"
      "Reads the tables that run, compare or sensitivity wrote into DIR and writes there\n"
      "report.html (one self-contained file: summary, charts, assumptions, provenance; opens\n"
      "offline) and results.xlsx (a summary sheet, the charts as Excel charts, one sheet per\n"
      "table). Each file is written atomically.\n\nOptions");
  named.add_options()("help,h", "this help")(
      "key-years", po::value<std::string>()->default_value("2030,2050"),
      "years of the summary and the population pyramids, comma-separated")(
      "scenario-root", po::value<std::string>()->default_value("."),
      "the directory ssproj ran in: the manifests' scenario paths are relative to it");
  po::options_description hidden;
  hidden.add_options()("dir", po::value<std::string>(), "result directory");
  po::options_description all;
  all.add(named).add(hidden);
  po::positional_options_description positional;
  positional.add("dir", 1);
  const po::variables_map vm = parse(args, all, positional);
  if (vm.count("help")) {
    std::cout << named << '\n';
    return 0;
  }
  if (!vm.count("dir")) throw UsageError("report needs a result directory");
  ssproj::ReportOptions options;
  options.key_years = parse_key_years(vm["key-years"].as<std::string>());
  options.scenario_root = vm["scenario-root"].as<std::string>();
  const std::string dir = vm["dir"].as<std::string>();
  for (const std::filesystem::path& f : ssproj::write_reports(dir, options)) {
    std::cout << f.string() << '\n';
  }
  return 0;
}

int run_command(int argc, char** argv) {
  const std::vector<std::string> all(argv + 1, argv + argc);
  try {
    if (all.empty()) {
      std::cerr << kUsage;
      return kExitUsage;
    }
    const std::string& command = all.front();
    const std::vector<std::string> rest(all.begin() + 1, all.end());
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return 0;
    }
    if (command == "--version") {
      std::cout << "ssproj " << ssproj::kVersion << " (" << ssproj::kGitCommit << ")\n";
      return 0;
    }
    if (command == "run") return command_run(rest);
    if (command == "validate") return command_validate(rest);
    if (command == "describe") return command_describe(rest);
    if (command == "compare") return command_compare(rest);
    if (command == "sensitivity") return command_sensitivity(rest);
    if (command == "report") return command_report(rest);
    throw UsageError("unknown command '" + command +
                     "' (expected run, compare, sensitivity, report, validate or describe)");
  } catch (const UsageError& e) {
    std::cerr << "ssproj: " << e.what() << "\nTry 'ssproj --help'.\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "ssproj: error: " << e.what() << '\n';
    return kExitFailure;
  }
}

}  // namespace

int main(int argc, char** argv) {
  g_processes = ssproj::start_processes(&argc, &argv);
  if (g_processes.rank != 0) {
    // Process 0 prints every message and writes every file; the others stay silent.
    if (std::freopen("/dev/null", "w", stdout) == nullptr ||
        std::freopen("/dev/null", "w", stderr) == nullptr) {
      return kExitFailure;
    }
  }
  const int status = run_command(argc, argv);
  ssproj::finish_processes();
  return status;
}
