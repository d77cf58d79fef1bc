#include "server/log.h"

#include <unistd.h>

#include <string>

namespace ayc::server {

void log_line(std::string_view message) {
  std::string line = "ayurvedacart-server: ";
  bool space = false;
  for (char c : message) {  // one line: libpq messages carry newlines and tabs
    if (c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && line.back() != ' ') line.push_back(' ');
    space = false;
    line.push_back(c);
  }
  line.push_back('\n');
  const char* p = line.data();
  std::size_t left = line.size();
  while (left > 0) {
    ssize_t n = ::write(STDERR_FILENO, p, left);
    if (n <= 0) return;  // nowhere to report a failing stderr
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

}  // namespace ayc::server
