// The check of TOML text before toml++ parses it (src/core/toml_guard.h).
#include "core/toml_guard.h"

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "support/fixtures.h"

using ssproj::core::toml_guard;

TEST_CASE("toml_guard: valid TOML passes, whatever its strings and comments hold",
          "[unit][toml_guard]") {
  CHECK_FALSE(toml_guard(""));
  CHECK_FALSE(toml_guard("a = 1\n[b]\nc = \"é [ ] { } # \\\" x\"  # commentaire é\n"));
  CHECK_FALSE(toml_guard("[[interventions]]\nname = 'Vientiane [capital]'\n"));
  CHECK_FALSE(toml_guard("\"région\" = 1\n"));                  // a quoted key
  CHECK_FALSE(toml_guard("v = [\n  [1, 2],\n  [3, 4],\n]\n"));  // nested arrays at line start
  CHECK_FALSE(toml_guard("t = { a = [1, { b = 2 }] }\n"));
  CHECK_FALSE(toml_guard("m = \"\"\"\n[not a header]\né\n\"\"\"\nn = '''\n[x\n'''\n"));
  CHECK_FALSE(toml_guard("a.\"b c\".d = 1\r\n[ table . sub ]  # spaces\r\n"));
  // A UTF-8 byte-order mark (written by editors on Windows) before the first key.
  CHECK_FALSE(toml_guard("\xEF\xBB\xBFschema_version = 1\n"));
  // Elsewhere it is a non-ASCII character, columns counted after the mark.
  const auto bom_inside = toml_guard(
      "\xEF\xBB\xBF"
      "a = 1\n\xEF\xBB\xBF= 2\n");
  REQUIRE(bom_inside);
  CHECK(bom_inside->line == 2);
  CHECK(bom_inside->column == 1);
  // Every committed scenario and plan.
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(ssproj::testing::source_dir() / "scenarios")) {
    if (e.path().extension() != ".toml") continue;
    INFO(e.path());
    CHECK_FALSE(toml_guard(ssproj::testing::read_file(e.path())));
  }
}

TEST_CASE("toml_guard: the inputs that reach toml++'s defects, with their place",
          "[unit][toml_guard]") {
  auto check = [](const std::string& text, int line, int column, const std::string& what) {
    const auto p = toml_guard(text);
    INFO(text);
    REQUIRE(p);
    CHECK(p->line == line);
    CHECK(p->column == column);
    CHECK(p->what.find(what) != std::string::npos);
  };
  check("é = 1\n", 1, 1, "not ASCII outside a string or comment");
  check("a = 1\nb = ü\n", 2, 5, "not ASCII");
  check("[\n", 1, 2, "a table header must close on its line");
  check("a = 1\n[\nb = 2\n", 2, 2, "a table header must close on its line");
  check("[", 1, 2, "a table header must close on its line");
  check("s = \"abc\xff\"\n", 1, 9, "not UTF-8");
  check("# \xc3\x28\n", 1, 3, "not UTF-8");           // a broken two-byte sequence
  check("s = 'a\xed\xa0\x80'\n", 1, 7, "not UTF-8");  // a surrogate
  check("s = \"open\n", 1, 10, "a string must close on its line");
}
