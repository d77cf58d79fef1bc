// Layered generations: how an incremental run writes a change instead of a
// copy of the index.
//
//   gen-N/xapian/       the base: the Xapian database of the last full run,
//                       as hard links to its files (never written again)
//   gen-N/delta/        a second Xapian database holding every product
//                       changed or added since the base (one per product id)
//   gen-N/superseded    the base docids those changes replace, delete or
//                       discontinue, ascending, one per line
//   gen-N/features/     the feature store: the previous generation's SST
//                       files as hard links, plus the change
//
// An incremental run over a layered generation links the same base and
// updates a copy of its (small) delta, so a generation has at most one delta
// however many runs passed since the full run; the next full run folds it
// all into a new base. The server numbers the delta's documents after the
// base's last docid and hides the superseded ones (server/search/index_layout.h).
// A full run's generation has no delta/ and no superseded file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"

namespace ayc::index {

inline constexpr const char* kDeltaSubdir = "delta";
inline constexpr const char* kSupersededFile = "superseded";
// Manifest fields of a layered generation: the generation whose full run
// wrote the base database and when it was built (together they name the
// base: the server reuses what it built from it), and the base database's
// last docid.
inline constexpr const char* kBaseDatabaseField = "base_database";
inline constexpr const char* kBaseBuiltAtField = "base_built_at";
inline constexpr const char* kBaseLastDocidField = "base_last_docid";

// The superseded base docids of the generation in `dir` (none when it has no
// such file), ascending.
Result<std::vector<std::uint32_t>> read_superseded(const std::filesystem::path& dir);
Status write_superseded(const std::filesystem::path& dir, const std::vector<std::uint32_t>& docids);

// Recreates the files under `from` in `to` (which must not exist): as hard
// links where `link` says so, else as copies. Published files never change,
// so a link shares them at no cost; a file the new generation writes must be
// a copy.
Status link_tree(const std::filesystem::path& from, const std::filesystem::path& to,
                 const std::function<bool(const std::filesystem::path&)>& link);

}  // namespace ayc::index
