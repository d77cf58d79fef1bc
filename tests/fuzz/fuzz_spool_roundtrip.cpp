// Fuzz target: a search-log row and a click through the real spool and back:
// SearchLogSpool::open (a scratch directory), append_rows, append_clicks,
// seal_and_list, read, remove (server/search_log/spool.h).
//
// The input: the first byte chooses which optional fields are present, then
// length-prefixed id, query, user_id, session_id, ip_address, user_agent,
// search_id, product_id, then results_count (4 bytes, sign bit dropped:
// counts are never negative), created_at (8 bytes, nanoseconds since 1970,
// either sign) and attempts (4 bytes, sign bit dropped); bit 16 of the first
// byte gives the click a position (from attempts).
// Invariants:
//   - the spool holds exactly what was appended: one row, one click, no
//     malformed line, one sealed file, its row counted in pending_rows();
//   - the row reads back as spool_compare.h says: every text field as
//     to_valid_utf8 of it (the spool stores text as given, repaired only so
//     it is JSON), absent fields absent, results_count exact, created_at to
//     the microsecond; the click's ids likewise and its attempts exact;
//   - after remove() nothing is pending.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "server/search_log/spool.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/spool_compare.h"

namespace {

using ayc::fuzz::escaped;
using ayc::search_log::SearchLogSpool;

SearchLogSpool& spool() {
  static std::unique_ptr<SearchLogSpool> s = [] {
    auto opened = SearchLogSpool::open(ayc::fuzz::scratch_dir("spool-roundtrip") / "spool");
    AYC_FUZZ_CHECK(opened.ok(), "cannot open a scratch spool: " + opened.status().to_string());
    return std::move(*opened);
  }();
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ayc::fuzz::ByteReader in(data, size);
  const std::uint8_t present = in.byte();
  ayc::search_log::SearchLogRow row;
  row.id = in.text(64);
  row.query = in.text(1024);
  if (present & 1) row.user_id = in.text(64);
  if (present & 2) row.session_id = in.text(255);
  if (present & 4) row.ip_address = in.text(64);
  if (present & 8) row.user_agent = in.text(600);
  ayc::search_log::PendingClick click;
  click.click.search_id = in.text(64);
  click.click.product_id = in.text(64);
  row.results_count = in.integer<std::int32_t>() & INT32_MAX;  // what the writer makes: never negative
  row.created_at = std::chrono::system_clock::time_point(std::chrono::nanoseconds(in.integer<std::int64_t>()));
  click.attempts = in.integer<std::int32_t>() & INT32_MAX;
  // Bit 16 of `present`: the click carries a position (made from attempts).
  if (present & 16) click.click.position = 1 + click.attempts % ayc::search_log::kMaxClickPosition;

  SearchLogSpool& s = spool();
  const ayc::Status appended_row = s.append_rows({row});
  AYC_FUZZ_CHECK(appended_row.ok(), "append_rows failed: " + appended_row.to_string());
  const ayc::Status appended_click = s.append_clicks({click});
  AYC_FUZZ_CHECK(appended_click.ok(), "append_clicks failed: " + appended_click.to_string());
  AYC_FUZZ_CHECK(s.pending_rows() == 1, "pending_rows is " + std::to_string(s.pending_rows()) + ", not 1");

  const auto files = s.seal_and_list();
  AYC_FUZZ_CHECK(files.size() == 1, std::to_string(files.size()) + " spool files for one row and one click");
  auto contents = SearchLogSpool::read(files[0]);
  AYC_FUZZ_CHECK(contents.ok(), "the spool file does not read: " + contents.status().to_string());
  AYC_FUZZ_CHECK(contents->rows.size() == 1 && contents->clicks.size() == 1 && contents->malformed_lines == 0,
                 "read back " + std::to_string(contents->rows.size()) + " rows, " +
                     std::to_string(contents->clicks.size()) + " clicks, " +
                     std::to_string(contents->malformed_lines) + " malformed lines; row line " +
                     escaped(ayc::search_log::encode_spool_row(row)));
  const std::string diff = ayc::fuzz::row_difference(ayc::fuzz::spooled(row), contents->rows[0]);
  AYC_FUZZ_CHECK(diff.empty(), "the row changed in the spool: " + diff);
  const auto& back = contents->clicks[0];
  AYC_FUZZ_CHECK(back.click.search_id == ayc::text::to_valid_utf8(click.click.search_id) &&
                     back.click.product_id == ayc::text::to_valid_utf8(click.click.product_id),
                 "the click's ids changed in the spool");
  AYC_FUZZ_CHECK(back.attempts == click.attempts, "the click's attempts changed in the spool");
  AYC_FUZZ_CHECK(back.click.position == click.click.position, "the click's position changed in the spool");

  s.remove(files[0]);
  AYC_FUZZ_CHECK(s.pending_rows() == 0 && s.pending_bytes() == 0, "the spool is not empty after remove()");
  AYC_FUZZ_CHECK(!std::filesystem::exists(files[0]), "remove() left the file");
  return 0;
}
