#include "indexer/catalog_reader.h"

#include <pqxx/pqxx>
#include <simdjson.h>

#include <unordered_map>

#include "common/countries.h"
#include "common/markup.h"
#include "common/pg.h"
#include "common/query_text.h"
#include "common/text.h"
#include "indexer/catalog_sql.h"
#include "indexer/copy_text.h"

namespace ayc::indexer {

namespace {

struct CategoryNode {
  std::string slug;
  std::string name;
  std::string parent_id;
  bool active = true;
};

double to_double(const std::optional<std::string>& f) {
  if (!f || f->empty()) return 0;
  try {
    return std::stod(*f);
  } catch (...) {
    return 0;
  }
}
std::int64_t to_int(const std::optional<std::string>& f) {
  if (!f || f->empty()) return 0;
  try {
    return std::stoll(*f);
  } catch (...) {
    return 0;
  }
}
bool to_bool(const std::optional<std::string>& f) { return f && *f == "t"; }
std::string str(std::optional<std::string>& f) { return f ? std::move(*f) : std::string(); }

std::string id_list_literal(pqxx::transaction_base& tx, const std::vector<std::string>& ids) {
  std::string out = "ARRAY[";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + tx.quote(ids[i]);
  return out + "]::uuid[]";
}

std::vector<VariantRecord> parse_variants(const std::string& json) {
  std::vector<VariantRecord> out;
  if (json.empty()) return out;
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::array rows;
  if (parser.parse(padded).get(rows) != simdjson::SUCCESS) return out;
  for (simdjson::dom::element row : rows) {
    simdjson::dom::array a;
    if (row.get(a) != simdjson::SUCCESS || a.size() < 4) continue;
    VariantRecord v;
    std::string_view text;
    double number = 0;
    if (a.at(0).get(text) == simdjson::SUCCESS) v.sku = std::string(text);
    if (a.at(1).get(text) == simdjson::SUCCESS) v.name = std::string(text);
    if (a.at(2).get(number) == simdjson::SUCCESS) v.price = number;
    if (a.at(3).get(number) == simdjson::SUCCESS) v.stock = static_cast<int>(number);
    out.push_back(std::move(v));
  }
  return out;
}

// A past query as autocomplete shows it: single spaces, no punctuation or
// quotes around it ("  “mahanarayan  oil”" -> "mahanarayan oil").
std::string shown_query(const std::string& query) {
  std::string spaced;
  for (const auto& word : text::split_words(query)) spaced += (spaced.empty() ? "" : " ") + word;
  std::size_t begin = 0, end = spaced.size();
  while (begin < end && text::char_at(spaced, begin).role == text::CharRole::kSeparator)
    begin += text::char_at(spaced, begin).length;
  std::size_t last = begin;  // where the last word character ends
  for (std::size_t i = begin; i < end;) {
    const auto ch = text::char_at(spaced, i);
    i += ch.length;
    if (ch.role != text::CharRole::kSeparator) last = i;
  }
  return spaced.substr(begin, last - begin);
}

// "IN:120,US:0,*:5" -> pairs; country names normalised to ISO codes.
std::vector<std::pair<std::string, int>> parse_stock(const std::string& s) {
  std::vector<std::pair<std::string, int>> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\x1e', start);
    if (end == std::string::npos) end = s.size();
    std::string item = s.substr(start, end - start);
    auto colon = item.rfind(':');
    if (colon != std::string::npos) {
      std::string country = item.substr(0, colon);
      int units = static_cast<int>(std::strtol(item.c_str() + colon + 1, nullptr, 10));
      auto code = country == "*" ? std::optional<std::string>("*") : country_code(country);
      if (code) {
        bool merged = false;
        for (auto& [cc, u] : out)
          if (cc == *code) u += units, merged = true;
        if (!merged) out.emplace_back(*code, units);
      }
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

struct CatalogReader::Impl {
  std::unique_ptr<pqxx::connection> conn;
  std::unique_ptr<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>> tx;
  std::unordered_map<std::string, CategoryNode> categories;

  std::vector<std::vector<CategoryRef>> paths_for(const std::string& ids_csv) const;
  ProductRecord to_record(std::vector<std::optional<std::string>>& f) const;
};

CatalogReader::CatalogReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CatalogReader::~CatalogReader() = default;

Result<std::unique_ptr<CatalogReader>> CatalogReader::open(const std::string& pg_url) {
  AYC_ASSIGN_OR_RETURN(auto conn, pg::connect(pg_url));
  auto impl = std::make_unique<Impl>();
  impl->conn = std::move(conn);
  try {
    impl->tx = std::make_unique<
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(*impl->conn);
    // The product stream's aggregates are joined by hash joins that are not
    // parallel-aware: each parallel worker would build every one of them
    // again. With two workers the stream cost PostgreSQL three times the CPU
    // (and more wall time) on a machine whose cores the indexer needs.
    impl->tx->exec0("SET LOCAL max_parallel_workers_per_gather = 0");
  } catch (const std::exception& e) {
    return pg::query_error(e, "cannot open a read snapshot");
  }
  return std::unique_ptr<CatalogReader>(new CatalogReader(std::move(impl)));
}

std::vector<std::vector<CategoryRef>> CatalogReader::Impl::paths_for(const std::string& ids_csv) const {
  std::vector<std::vector<CategoryRef>> paths;
  std::size_t start = 0;
  while (start < ids_csv.size()) {
    std::size_t end = ids_csv.find(',', start);
    if (end == std::string::npos) end = ids_csv.size();
    std::string id = ids_csv.substr(start, end - start);
    start = end + 1;
    std::vector<CategoryRef> path;
    for (int depth = 0; depth < 16 && !id.empty(); ++depth) {  // depth cap guards against cycles
      auto it = categories.find(id);
      if (it == categories.end() || !it->second.active) break;
      path.insert(path.begin(), CategoryRef{id, it->second.slug, it->second.name});
      id = it->second.parent_id;
    }
    if (!path.empty()) paths.push_back(std::move(path));
  }
  return paths;
}

ProductRecord CatalogReader::Impl::to_record(std::vector<std::optional<std::string>>& f) const {
  ProductRecord p;
  p.id = str(f[0]);
  p.sku = str(f[1]);
  p.slug = str(f[2]);
  // Copy from a rich-text editor is indexed, highlighted and served as text.
  p.name = text::markup_to_text(str(f[3]));
  p.short_description = text::markup_to_text(str(f[4]));
  p.description = text::markup_to_text(str(f[5]));
  p.type = str(f[6]);
  p.form = str(f[7]);
  p.dosage_form = str(f[8]);
  p.pack_size = str(f[9]);
  p.status = str(f[10]);
  p.search_keywords = str(f[11]);
  p.ingredients_json = str(f[12]);
  p.indications_json = str(f[13]);
  p.brand_id = str(f[14]);
  p.brand_name = str(f[15]);
  p.brand_slug = str(f[16]);
  p.selling_price = to_double(f[17]);
  p.base_price = to_double(f[18]);
  p.discount_percentage = to_double(f[19]);
  p.prescription_required = to_bool(f[20]);
  p.featured = to_bool(f[21]);
  p.track_inventory = !f[22] || to_bool(f[22]);
  p.stock_quantity = static_cast<int>(to_int(f[23]));
  p.average_rating = to_double(f[24]);
  p.review_count = static_cast<int>(to_int(f[25]));
  p.created_at = to_int(f[26]);
  p.updated_at = to_int(f[27]);
  p.category_paths = paths_for(f[28].value_or(""));
  for (const auto& path : p.category_paths) p.categories.push_back(path.back());
  p.stock_by_country = parse_stock(f[29].value_or(""));
  if (p.stock_by_country.empty()) {
    // No per-centre inventory: the product-level stock ships anywhere. A product
    // that does not track inventory is always available.
    p.stock_by_country.emplace_back("*", p.track_inventory ? std::max(p.stock_quantity, 0) : 1);
  }
  p.units_sold = to_double(f[30]);
  p.units_sold_recent = to_double(f[31]);
  p.popularity = to_double(f[32]);
  p.variants = parse_variants(f[33].value_or(""));
  p.image_url = str(f[34]);
  return p;
}

Result<CatalogContext> CatalogReader::load_context(bool popular_queries) {
  CatalogContext ctx;
  try {
    auto& tx = *impl_->tx;
    const auto clock = tx.exec1(
        "SELECT extract(epoch FROM now())::bigint, pg_is_in_recovery(), "
        "COALESCE(extract(epoch FROM least(now(), pg_last_xact_replay_timestamp()))::bigint, 0)");
    ctx.snapshot_time = clock[0].as<std::int64_t>();
    ctx.from_standby = clock[1].as<bool>();
    ctx.watermark = ctx.from_standby ? clock[2].as<std::int64_t>() : ctx.snapshot_time;
    for (const auto& row : tx.exec(sql::kStoreSettings)) {
      if (row[0].as<std::string>() == "base_currency") ctx.base_currency = row[1].as<std::string>();
    }
    for (const auto& row : tx.exec(sql::kCurrencies)) {
      ctx.currencies.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<double>()});
    }
    for (const auto& row : tx.exec(sql::kIngredients)) {
      Ingredient ing;
      ing.canonical_name = row[0].as<std::string>();
      ing.kind = row[1].as<std::string>();
      ing.names.push_back(ing.canonical_name);
      for (const auto& n : parse_string_list(row[2].as<std::string>())) ing.names.push_back(n);
      ing.uses = parse_string_list(row[3].as<std::string>());
      ctx.kb.add_ingredient(std::move(ing));
    }
    for (const auto& row : tx.exec(sql::kSynonyms)) {
      ctx.kb.add_synonym_group(
          {row[0].as<std::string>(), parse_string_list(row[1].as<std::string>()), row[2].as<std::string>()});
    }
    for (const auto& row : tx.exec(sql::kQueryWords)) {
      AYC_RETURN_IF_ERROR(ctx.query_words.add(row[0].as<std::string>(), row[1].as<std::string>())
                              .with_context("search_query_words"));
    }
    for (const auto& row : tx.exec(sql::kCategories)) {
      CategoryNode node{row[1].as<std::string>(), row[2].as<std::string>(),
                        row[3].is_null() ? "" : row[3].as<std::string>(), row[4].as<bool>()};
      if (node.active) ctx.categories.push_back({node.slug, node.name});
      impl_->categories.emplace(row[0].as<std::string>(), std::move(node));
    }
    for (const auto& row : tx.exec(sql::kBrands)) {
      ctx.brands.push_back({row[0].as<std::string>(), row[1].as<std::string>()});
    }
    // Spellings that normalise alike ("women's health", "Women’s Health")
    // are one query, shown as its most frequent spelling (rows come most
    // frequent first).
    std::unordered_map<std::string, std::size_t> position;
    for (const auto& row : popular_queries ? tx.exec(sql::kPopularQueries) : pqxx::result()) {
      std::string display = shown_query(row[0].as<std::string>());
      std::string key = text::query_text(display);  // a query typed in Devanagari is offered to Latin typing too
      const std::int64_t count = row[1].as<std::int64_t>();
      auto [it, added] = position.emplace(key, ctx.popular_queries.size());
      if (added) {
        ctx.popular_queries.push_back({std::move(key), std::move(display), count});
      } else {
        ctx.popular_queries[it->second].count += count;
      }
    }
  } catch (const std::exception& e) {
    return pg::query_error(e, "reading reference data");
  }
  return ctx;
}

Result<std::int64_t> CatalogReader::count_products(const ProductSelection& selection) {
  if (!selection.all) return static_cast<std::int64_t>(selection.ids.size());
  try {
    return impl_->tx->exec1("SELECT count(*) FROM products")[0].as<std::int64_t>();
  } catch (const std::exception& e) {
    return pg::query_error(e, "counting products");
  }
}

Status CatalogReader::stream_products(const ProductSelection& selection,
                                      const std::function<Status(ProductRecord&&)>& sink) {
  auto& tx = *impl_->tx;
  std::string ids = selection.all ? "" : id_list_literal(tx, selection.ids);
  const std::string order = selection.by_rank ? sql::static_rank_order(ranking::PriorParams{}) : "p.id";
  std::string query = "(" + sql::products_query(ids, order) + ")";
  try {
    pqxx::stream_from stream(tx, query);
    std::string line;
    while (stream.get_raw_line(line)) {
      auto fields = parse_copy_line(line);
      if (fields.size() != sql::kProductColumns) {
        return Status::Internal("unexpected column count " + std::to_string(fields.size()) + " in products stream");
      }
      Status s = sink(impl_->to_record(fields));
      if (!s.ok()) {
        while (stream.get_raw_line(line)) {
        }  // drain so the connection stays usable
        stream.complete();
        return s;
      }
    }
    stream.complete();
  } catch (const std::exception& e) {
    return pg::query_error(e, "streaming products");
  }
  return Status::Ok();
}

Result<ChangeSet> CatalogReader::changes_since(std::int64_t since) {
  ChangeSet changes;
  try {
    auto& tx = *impl_->tx;
    std::string ts = "to_timestamp(" + std::to_string(since) + ")";
    for (const auto& row : tx.exec(sql::changed_products_query(ts))) changes.changed_ids.push_back(row[0].c_str());
    for (const auto& row : tx.exec("SELECT product_id::text FROM product_deletions WHERE deleted_at >= " + ts +
                                   " AND NOT EXISTS (SELECT 1 FROM products p WHERE p.id = product_id)")) {
      changes.deleted_ids.push_back(row[0].c_str());
    }
  } catch (const std::exception& e) {
    return pg::query_error(e, "reading changes");
  }
  return changes;
}

}  // namespace ayc::indexer
