// The reference day (examples/2026-02-26, the day of the reference report)
// imported into one store, for the suites that read its composed report end
// to end through the binary: EssentialHighlights, EditorLimits, ChatDigest.
// One fixture, so they all judge the same day the same way: the store is
// built once per test process on first use and removed at exit.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "test_support.h"

namespace infradigest::testing {

class ReferenceDayStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(store().imported) << store().import_error; }

  // A file in the store's temporary directory (configs written by a test).
  static std::string file(const std::string& name) { return store().dir.file(name); }

  // `infradigest --db STORE ARGS`, with `--now` the morning after the day.
  static CommandResult run(const std::string& args, const std::string& env = "") {
    return run_infradigest("--db " + file("s.db") + " --now 2026-02-27T08:00:00Z " + args, env);
  }

  // The day's report in `lang` ("zh", "en") and `format` ("md", "json").
  static std::string report(const std::string& lang, const std::string& format = "md") {
    auto r = run("report --date 2026-02-26 --lang " + lang + " --format " + format);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

 private:
  struct Store {
    TempDir dir;
    bool imported = false;
    std::string import_error;
    Store() {
      auto r = run_infradigest("--db " + dir.file("s.db") + " import " + source_path("examples/2026-02-26"));
      imported = r.exit_code == 0;
      import_error = r.err;
    }
  };
  static Store& store() {
    static Store the_store;  // destroyed at exit, which removes the directory
    return the_store;
  }
};

}  // namespace infradigest::testing
