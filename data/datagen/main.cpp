// ayurvedacart-datagen: fills an empty AyurvedaCart schema with a realistic,
// deterministic catalogue, customers, orders, reviews, inventory and search
// history. Thin: parse the config, run the generator, print one summary line.
#include <chrono>
#include <iostream>

#include "common/flags.h"
#include "data/datagen/config.h"
#include "data/datagen/copy_writer.h"
#include "data/datagen/generator.h"

int main(int argc, char** argv) {
  using namespace ayc;
  const std::string program = "ayurvedacart-datagen";
  datagen::Config config;
  FlagSet flags(program,
                "Fills an empty AyurvedaCart schema with a realistic, deterministic catalogue, customers,\n"
                "orders, reviews, inventory and search history. Sizes scale with --products.");
  datagen::register_flags(flags, config);
  const Status parsed = flags.parse(argc, argv);
  if (int rc = handle_parse_result(flags, parsed, program); rc >= 0) return rc;
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const auto today = std::chrono::duration_cast<std::chrono::hours>(now).count() / 24;
  if (Status s = datagen::finalize(config, today); !s.ok()) {
    std::cerr << program << ": " << s.message() << " (see --help)\n";
    return 2;
  }
  try {
    auto summary = datagen::generate(config, std::cerr);
    if (!summary.ok()) {
      std::cerr << program << ": " << datagen::one_line(summary.status().message()) << "\n";
      return 1;
    }
    std::cout << summary->line() << "\n";
    return 0;
  } catch (const std::exception& e) {  // a bug, e.g. out of memory: still one line
    std::cerr << program << ": internal error: " << datagen::one_line(e.what()) << "\n";
    return 1;
  }
}
