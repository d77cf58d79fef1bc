// Command-line and environment configuration for the executables.
//
// Each executable owns one config struct and registers its fields here with a
// flag name, an optional environment variable and a help line. Values are
// applied in order: the struct's defaults, then the environment, then flags.
// parse() reports every problem at once. Secrets (passwords inside --pg URLs)
// are never echoed by usage().
//
// Thread-safety: use from main() before any thread starts.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace ayc {

class FlagSet {
 public:
  FlagSet(std::string program, std::string summary);

  void add_string(std::string name, std::string env, std::string help, std::string* target);
  void add_int(std::string name, std::string env, std::string help, std::int64_t* target,
               std::int64_t min, std::int64_t max);
  void add_double(std::string name, std::string env, std::string help, double* target,
                  double min, double max);
  // A switch: `--name` sets true, `--name=false` sets false; env accepts 1/0/true/false.
  void add_bool(std::string name, std::string env, std::string help, bool* target);

  // Applies the environment, then argv. `--help`/`-h` sets help_requested().
  Status parse(int argc, const char* const* argv);
  bool help_requested() const { return help_requested_; }
  std::string usage() const;

 private:
  struct Flag {
    std::string name;
    std::string env;
    std::string help;
    std::string default_text;
    bool is_switch = false;
    std::function<Status(std::string_view)> set;
  };
  Flag* find(std::string_view name);
  void add(Flag flag);

  std::string program_;
  std::string summary_;
  std::vector<Flag> flags_;
  bool help_requested_ = false;
};

// Parses a decimal integer in [min, max]; the message names `what`.
Result<std::int64_t> parse_int(std::string_view text, std::int64_t min, std::int64_t max,
                               std::string_view what);
Result<double> parse_double(std::string_view text, double min, double max, std::string_view what);

// Standard handling for a thin main(): prints usage and returns 0 for --help,
// prints "program: message" and returns 2 for a bad configuration, or returns -1
// when the program should go on.
int handle_parse_result(const FlagSet& flags, const Status& parsed, const std::string& program);

}  // namespace ayc
