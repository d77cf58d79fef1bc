#include "tests/server/e2e/node_script.h"

#include <cstdio>
#include <filesystem>
#include <sstream>

namespace ayc::e2e {

ScriptRun run_node(const std::string& script, const std::vector<std::string>& args) {
  std::string command = "node '" + (std::filesystem::path(AYC_SOURCE_DIR) / script).string() + "'";
  for (const auto& a : args) command += " '" + a + "'";
  ScriptRun run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) run.output += buf;
  run.status = pclose(pipe);
  return run;
}

std::optional<Clicked> clicked_line(const std::string& output) {
  const auto at = output.rfind("CLICKED ");
  if (at == std::string::npos) return std::nullopt;
  std::istringstream line(output.substr(at + 8));
  Clicked c;
  line >> c.search_id >> c.product_id;
  if (c.search_id.size() != 36) return std::nullopt;
  return c;
}

}  // namespace ayc::e2e
