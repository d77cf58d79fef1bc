#include "server/http/request_framing.h"

#include <string_view>

#include "common/text.h"
#include "server/http/http_message.h"

namespace ayc::http {

namespace {

// The codings of every Transfer-Encoding header in order, lower-case,
// parameters dropped ("gzip;q=1" is "gzip"); empty list items skipped.
std::vector<std::string> transfer_codings(const std::vector<std::pair<std::string, std::string>>& headers) {
  std::vector<std::string> codings;
  for (const auto& [name, value] : headers) {
    if (name != "transfer-encoding") continue;
    for (std::string_view item : split_header_list(value)) {
      item = trim_ows(item.substr(0, item.find(';')));
      if (!item.empty()) codings.push_back(text::ascii_lower(item));
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
