#include "server/search/index_layout.h"

#include "index/generations.h"
#include "index/layers.h"

namespace ayc::search {

namespace fs = std::filesystem;

Result<IndexLayout> IndexLayout::load(const fs::path& dir) {
  AYC_ASSIGN_OR_RETURN(auto manifest, index::read_manifest(dir));
  IndexLayout layout;
  layout.base_database_ = manifest.get(index::kBaseDatabaseField);
  layout.base_built_at_ = manifest.get(index::kBaseBuiltAtField);
  std::error_code ec;
  if (!fs::exists(dir / index::kDeltaSubdir, ec)) {
    if (layout.base_database_.empty()) {
      layout.base_database_ = manifest.get("generation");
      layout.base_built_at_ = manifest.get("built_at");
    }
    try {
      layout.base_last_ = Xapian::Database((dir / index::kXapianSubdir).string()).get_lastdocid();
    } catch (const Xapian::Error& e) {
      return Status::DataLoss("opening the database of " + dir.string() + ": " + e.get_description());
    }
    return layout;
  }
  layout.layered_ = true;
  const std::string last = manifest.get(index::kBaseLastDocidField);
  char* end = nullptr;
  const unsigned long v = std::strtoul(last.c_str(), &end, 10);
  if (last.empty() || *end != '\0' || v > UINT32_MAX) {
    return Status::DataLoss("generation " + dir.string() + " has a delta but no " + index::kBaseLastDocidField);
  }
  layout.base_last_ = static_cast<Xapian::docid>(v);
  AYC_ASSIGN_OR_RETURN(auto superseded, index::read_superseded(dir));
  layout.hidden_.assign((layout.base_last_ >> 6) + 1, 0);
  for (std::uint32_t d : superseded) {
    if (d > layout.base_last_) return Status::DataLoss("generation " + dir.string() + ": superseded docid past the base");
    layout.hidden_[d >> 6] |= std::uint64_t{1} << (d & 63u);
  }
  layout.hidden_count_ = superseded.size();
  try {
    layout.delta_last_ = Xapian::Database((dir / index::kDeltaSubdir).string()).get_lastdocid();
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("opening the delta of " + dir.string() + ": " + e.get_description());
  }
  return layout;
}

Xapian::Database IndexLayout::open_delta(const fs::path& dir) const {
  return Xapian::Database((dir / index::kDeltaSubdir).string());
}

LayeredDatabase::LayeredDatabase(Xapian::Database base, Xapian::Database delta)
    : base_part(std::move(base)), delta_part(std::move(delta)) {
  add_database(base_part);
  add_database(delta_part);
}

Xapian::Database IndexLayout::open(const fs::path& dir) const {
  Xapian::Database db((dir / index::kXapianSubdir).string());
  if (layered_) db.add_database(Xapian::Database((dir / index::kDeltaSubdir).string()));
  return db;
}

std::unique_ptr<Xapian::Database> IndexLayout::open_handle(const fs::path& dir) const {
  if (!layered_) return std::make_unique<Xapian::Database>(open(dir));
  return std::make_unique<LayeredDatabase>(Xapian::Database((dir / index::kXapianSubdir).string()),
                                           Xapian::Database((dir / index::kDeltaSubdir).string()));
}

}  // namespace ayc::search
