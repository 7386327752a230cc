#include "util/sha256.h"

#include <string>

#include <catch2/catch.hpp>

#include "support/fixtures.h"

using ssproj::util::sha256_hex;

TEST_CASE("SHA-256 matches the FIPS 180-4 examples", "[unit][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 pads correctly around block boundaries", "[unit][sha256]") {
  // Reference values from Python's hashlib.
  CHECK(sha256_hex(std::string(55, 'a')) ==
        "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) ==
        "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) ==
        "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  CHECK(sha256_hex(std::string(119, 'a')) ==
        "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
}

TEST_CASE("SHA-256 of a file equals that of its bytes, and a missing file throws",
          "[unit][sha256]") {
  ssproj::testing::TempDir dir;
  const auto file = dir.write("x.txt", "abc");
  CHECK(ssproj::util::sha256_file_hex(file) == sha256_hex("abc"));
  CHECK_THROWS_AS(ssproj::util::sha256_file_hex(dir.path() / "missing.txt"), ssproj::IoError);
}
