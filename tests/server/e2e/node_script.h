// Running the Node programs of tests/api and tests/web (official clients, a
// headless browser) from the end-to-end tests, against the shared server.
//
// Thread-safety: each call runs its own process.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ayc::e2e {

struct ScriptRun {
  int status = -1;     // pclose()'s: 0 when the script exited 0
  std::string output;  // stdout and stderr together
};

// `node <source>/<script> <args...>`, each argument quoted for the shell.
ScriptRun run_node(const std::string& script, const std::vector<std::string>& args);

// The ids a script's last "CLICKED <search id> <product id>" line names.
struct Clicked {
  std::string search_id;
  std::string product_id;
};
std::optional<Clicked> clicked_line(const std::string& output);

}  // namespace ayc::e2e
