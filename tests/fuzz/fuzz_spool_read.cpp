// Fuzz target: the spool line reader, SearchLogSpool::read()
// (server/search_log/spool.h), on whatever a spool file may hold after a
// crash, a full disk or a hand edit.
//
// The input is written to a file and read. Invariants:
//   - reading never crashes or throws, and never fails for a readable file;
//   - every non-empty line is one row, one click or one malformed line;
//   - what was read is stable: writing the rows and clicks again with
//     encode_spool_row / encode_spool_click and reading that gives the same
//     records (text as to_valid_utf8 of it, spool_compare.h), nothing malformed.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "server/search_log/spool.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/spool_compare.h"

namespace {

using ayc::fuzz::escaped;
using ayc::search_log::SearchLogSpool;

const std::filesystem::path& dir() {
  static const std::filesystem::path d = ayc::fuzz::scratch_dir("spool-read");
  return d;
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::filesystem::path input = dir() / "search_logs-00000000000000000001-1-0.spool";
  write_file(input, bytes);

  ayc::Result<SearchLogSpool::Contents> first = ayc::Status::Internal("not read");
  try {
    first = SearchLogSpool::read(input);
  } catch (const std::exception& e) {
    AYC_FUZZ_CHECK(false, std::string("SearchLogSpool::read threw ") + e.what());
  }
  AYC_FUZZ_CHECK(first.ok(), "a readable spool file could not be read: " + first.status().to_string());

  std::size_t lines = 0;
  for (std::size_t at = 0; at < bytes.size();) {
    std::size_t end = bytes.find('\n', at);
    if (end == std::string_view::npos) end = bytes.size();
    if (end > at) ++lines;
    at = end + 1;
  }
  AYC_FUZZ_CHECK(first->rows.size() + first->clicks.size() + first->malformed_lines == lines,
                 std::to_string(lines) + " lines gave " + std::to_string(first->rows.size()) + " rows, " +
                     std::to_string(first->clicks.size()) + " clicks and " + std::to_string(first->malformed_lines) +
                     " malformed lines");

  // Spooled again (what the writer does with clicks still waiting), then read.
  std::string again;
  for (const auto& row : first->rows) again += ayc::search_log::encode_spool_row(row) + "\n";
  for (const auto& click : first->clicks) again += ayc::search_log::encode_spool_click(click) + "\n";
  const std::filesystem::path output = dir() / "search_logs-00000000000000000002-1-0.spool";
  write_file(output, again);
  auto second = SearchLogSpool::read(output);
  AYC_FUZZ_CHECK(second.ok() && second->malformed_lines == 0 && second->rows.size() == first->rows.size() &&
                     second->clicks.size() == first->clicks.size(),
                 "records read from a spool file do not survive being spooled again: " + escaped(again));
  for (std::size_t i = 0; i < first->rows.size(); ++i) {
    const std::string diff = ayc::fuzz::row_difference(ayc::fuzz::spooled(first->rows[i]), second->rows[i]);
    AYC_FUZZ_CHECK(diff.empty(), "row " + std::to_string(i) + " changed when spooled again: " + diff);
  }
  for (std::size_t i = 0; i < first->clicks.size(); ++i) {
    const auto& a = first->clicks[i];
    const auto& b = second->clicks[i];
    AYC_FUZZ_CHECK(ayc::text::to_valid_utf8(a.click.search_id) == b.click.search_id &&
                       ayc::text::to_valid_utf8(a.click.product_id) == b.click.product_id && a.attempts == b.attempts,
                   "click " + std::to_string(i) + " changed when spooled again");
  }
  return 0;
}
