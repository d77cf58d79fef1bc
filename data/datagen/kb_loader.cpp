#include "data/datagen/kb_loader.h"

#include <string>
#include <vector>

namespace ayc::datagen {

namespace {
std::vector<std::string> text_array(const pqxx::field& f) {
  std::vector<std::string> out;
  if (f.is_null()) return out;
  pqxx::array_parser parser = f.as_array();
  for (auto item = parser.get_next(); item.first != pqxx::array_parser::juncture::done;
       item = parser.get_next()) {
    if (item.first == pqxx::array_parser::juncture::string_value && !item.second.empty()) {
      out.push_back(item.second);
    }
  }
  return out;
}

std::string text(const pqxx::field& f) { return f.is_null() ? std::string() : f.c_str(); }
}  // namespace

Result<ReferenceData> load_reference_data(pqxx::connection& conn) {
  try {
    pqxx::read_transaction tx(conn);
    ReferenceData ref;
    for (const auto& r : tx.exec("SELECT code, round(exchange_rate * 10000)::bigint FROM currencies")) {
      ref.rates_e4.emplace(r[0].c_str(), r[1].as<std::int64_t>());
    }
    pqxx::result rows = tx.exec(
        "SELECT canonical_name, sanskrit_name, hindi_name, english_name, botanical_name, "
        "other_names, kind, uses FROM ingredients ORDER BY canonical_name");
    std::vector<Herb> herbs;
    herbs.reserve(rows.size());
    for (const auto& r : rows) {
      herbs.push_back(Herb{text(r[0]), text(r[1]), text(r[2]), text(r[3]), text(r[4]),
                           text_array(r[5]), text(r[6]), text_array(r[7])});
    }
    ref.kb = KnowledgeBase(std::move(herbs));
    return ref;
  } catch (const std::exception& e) {
    return Status::FailedPrecondition(
        std::string("cannot read the reference data (was data/schema.sql loaded?): ") + e.what());
  }
}

}  // namespace ayc::datagen
