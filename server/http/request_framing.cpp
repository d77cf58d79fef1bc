#include "server/http/request_framing.h"

#include <string_view>

#include "common/text.h"

namespace ayc::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The codings of every Transfer-Encoding header in order, lower-case,
// parameters dropped ("gzip;q=1" is "gzip"); empty list items skipped.
std::vector<std::string> transfer_codings(const std::vector<std::pair<std::string, std::string>>& headers) {
  std::vector<std::string> codings;
  for (const auto& [name, value] : headers) {
    if (name != "transfer-encoding") continue;
    std::string_view rest = value;
    while (true) {
      const std::size_t comma = rest.find(',');
      std::string_view item = rest.substr(0, comma);
      item = trim(item.substr(0, item.find(';')));
      if (!item.empty()) codings.push_back(text::ascii_lower(item));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return codings;
}

}  // namespace

std::optional<std::string> framing_problem(unsigned version,
                                           const std::vector<std::pair<std::string, std::string>>& headers) {
  std::size_t hosts = 0, transfer_encodings = 0, content_lengths = 0;
  for (const auto& [name, value] : headers) {
    if (name == "host") ++hosts;
    if (name == "transfer-encoding") ++transfer_encodings;
    if (name == "content-length") ++content_lengths;
  }
  if (version >= 11 && hosts == 0) return "an HTTP/1.1 request needs a Host header";
  if (hosts > 1) return "more than one Host header";
  if (transfer_encodings == 0) return std::nullopt;
  if (version < 11) return "Transfer-Encoding is not allowed in an HTTP/1.0 request";
  if (content_lengths > 0) return "Transfer-Encoding and Content-Length together";
  const auto codings = transfer_codings(headers);
  if (codings.empty() || codings.back() != "chunked") return "Transfer-Encoding must end in chunked";
  if (codings.size() != 1) return "Transfer-Encoding other than chunked alone (send the body chunked, uncompressed)";
  return std::nullopt;
}

}  // namespace ayc::http
