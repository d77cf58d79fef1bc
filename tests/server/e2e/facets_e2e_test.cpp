// GET /search totals and facet counts against what PostgreSQL itself counts
// over the same tables, for filter combinations over the synthetic assortment
// (catalog.h): brand, category subtree, form, price range, stock per country.
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/http.h"
#include "tests/server/e2e/json.h"
#include "tests/server/e2e/server_process.h"
#include "tests/support/temp_dir.h"

namespace ayc::e2e {
namespace {

struct Filters {
  std::string q;                 // a single word that appears only in product names
  std::vector<std::string> brands;
  std::vector<std::string> categories;
  std::vector<std::string> forms;
  std::optional<double> min_price;
  std::optional<double> max_price;
  bool in_stock = false;
  std::string country;
};

std::string join(const std::vector<std::string>& v, const std::string& sep, const std::string& quote = "") {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + quote + v[i] + quote;
  return out;
}

std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string query_string(const Filters& f) {
  std::string qs = "/search?limit=1&q=" + url_encode(f.q);
  if (!f.brands.empty()) qs += "&brand=" + url_encode(join(f.brands, ","));
  if (!f.categories.empty()) qs += "&category=" + url_encode(join(f.categories, ","));
  if (!f.forms.empty()) qs += "&form=" + url_encode(join(f.forms, ","));
  if (f.min_price) qs += "&min_price=" + number_text(*f.min_price);
  if (f.max_price) qs += "&max_price=" + number_text(*f.max_price);
  if (f.in_stock) qs += "&in_stock=true";
  if (!f.country.empty()) qs += "&country=" + f.country;
  return qs;
}

// Products as the index should see them: active, brand slug, form, price,
// category slugs with every ancestor (pcat), stock per country (stock).
constexpr const char* kCatalogueSql = R"SQL(
WITH RECURSIVE anc(category_id, ancestor_id) AS (
    SELECT id, id FROM categories
  UNION
    SELECT a.category_id, c.parent_id FROM anc a JOIN categories c ON c.id = a.ancestor_id
    WHERE c.parent_id IS NOT NULL),
 pcat AS (SELECT DISTINCT pc.product_id, c.slug FROM product_categories pc
          JOIN anc a ON a.category_id = pc.category_id JOIN categories c ON c.id = a.ancestor_id),
 stock AS (SELECT i.product_id,
                  CASE dc.country WHEN 'India' THEN 'IN' WHEN 'United States' THEN 'US' ELSE dc.country END AS cc,
                  SUM(GREATEST(i.stock_quantity - COALESCE(i.reserved_quantity, 0), 0)) AS units
           FROM distribution_center_inventory i
           JOIN distribution_centers dc ON dc.id = i.distribution_center_id
           GROUP BY 1, 2),
 p AS (SELECT p.id, p.name, b.slug AS brand, lower(p.form) AS form, p.selling_price AS price, p.stock_quantity,
              NOT EXISTS (SELECT 1 FROM stock s WHERE s.product_id = p.id) AS no_centres
       FROM products p LEFT JOIN brands b ON b.id = p.brand_id
       WHERE p.status = 'active')
)SQL";

std::string where(const Filters& f, const std::string& except = "") {
  std::string w = "TRUE";
  if (!f.q.empty()) w += " AND p.name ~* '\\m" + f.q + "\\M'";
  if (!f.brands.empty() && except != "brand") w += " AND p.brand IN (" + join(f.brands, ",", "'") + ")";
  if (!f.categories.empty() && except != "category") {
    w += " AND EXISTS (SELECT 1 FROM pcat WHERE pcat.product_id = p.id AND pcat.slug IN (" +
         join(f.categories, ",", "'") + "))";
  }
  if (!f.forms.empty() && except != "form") w += " AND p.form IN (" + join(f.forms, ",", "'") + ")";
  if (except != "price") {
    if (f.min_price) w += " AND p.price >= " + number_text(*f.min_price);
    if (f.max_price) w += " AND p.price <= " + number_text(*f.max_price);
  }
  if (f.in_stock) {
    w += " AND ((p.no_centres AND p.stock_quantity > 0) OR EXISTS (SELECT 1 FROM stock s WHERE s.product_id = p.id"
         " AND s.units > 0" + (f.country.empty() ? std::string() : " AND s.cc = '" + f.country + "'") + "))";
  }
  return w;
}

using Counts = std::map<std::string, long>;

Counts sql_counts(pqxx::connection& conn, const std::string& select_from_where_group) {
  pqxx::nontransaction tx(conn);
  Counts out;
  for (const auto& row : tx.exec(std::string(kCatalogueSql) + select_from_where_group)) {
    out[row[0].as<std::string>()] = row[1].as<long>();
  }
  return out;
}

Counts sql_facet(pqxx::connection& conn, const Filters& f, const std::string& name) {
  if (name == "brand") {
    return sql_counts(conn, "SELECT p.brand, count(*) FROM p WHERE p.brand IS NOT NULL AND " + where(f, "brand") +
                                " GROUP BY 1");
  }
  if (name == "category") {
    return sql_counts(conn, "SELECT pc.slug, count(*) FROM p JOIN pcat pc ON pc.product_id = p.id WHERE " +
                                where(f, "category") + " GROUP BY 1");
  }
  if (name == "form") {
    return sql_counts(conn, "SELECT p.form, count(*) FROM p WHERE p.form IS NOT NULL AND " + where(f, "form") +
                                " GROUP BY 1");
  }
  // Price bands are half-open: [0, 250), [250, 500), ... in the base currency (INR).
  return sql_counts(conn,
                    "SELECT CASE WHEN p.price < 250 THEN '0-250' WHEN p.price < 500 THEN '250-500' "
                    "WHEN p.price < 1000 THEN '500-1000' WHEN p.price < 2000 THEN '1000-2000' ELSE '2000+' END, "
                    "count(*) FROM p WHERE " + where(f, "price") + " GROUP BY 1");
}

Counts json_facet(JsonValue facets, const char* name) {
  Counts out;
  for (JsonValue f : array_field(facets, name)) out[string_field(f, "value")] = static_cast<long>(number_field(f, "count"));
  return out;
}

TEST_CASE("totals and facet counts agree with COUNT and GROUP BY in PostgreSQL", "[e2e]") {
  auto& world = shared_server();
  auto& conn = world.catalog.db().conn();
  std::vector<Filters> cases(10);
  cases[1].brands = {"dabur"};
  cases[2].categories = {"classical-medicines"};  // a parent: its sub-categories count too
  cases[3].in_stock = true;
  cases[3].country = "IN";
  cases[4].in_stock = true;
  cases[5].brands = {"dabur", "vasu-healthcare"};
  cases[5].categories = {"oils-ghee"};
  cases[5].in_stock = true;
  cases[5].country = "US";
  cases[6].forms = {"tablet", "capsule"};
  cases[6].min_price = 250;  // both ends inclusive; the assortment has a product at exactly 250 and 500
  cases[6].max_price = 500;
  cases[7].q = "kit";
  cases[7].categories = {"churna"};
  cases[7].in_stock = true;
  cases[8].in_stock = true;
  cases[8].country = "US";
  cases[8].forms = {"powder"};
  cases[9].q = "kit";
  cases[9].brands = {"kottakkal"};
  cases[9].min_price = 1000;

  for (const auto& f : cases) {
    const std::string target = query_string(f);
    INFO("GET " << target);
    auto r = http_get(world.port(), target);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    Json doc(r->body);
    REQUIRE(doc.ok());
    const Counts total = sql_counts(conn, "SELECT 'total', count(*) FROM p WHERE " + where(f));
    CHECK(static_cast<long>(number_field(doc.root(), "total")) == total.at("total"));
    CHECK(bool_field(doc.root(), "total_exhaustive"));
    CHECK(bool_field(doc.root(), "facets_exhaustive"));  // far fewer hits than the bound
    JsonValue facets = field(doc.root(), "facets");
    for (const char* name : {"brand", "category", "form", "price"}) {
      INFO("facet " << name);
      CHECK(json_facet(facets, name) == sql_facet(conn, f, name));
    }
    // Without facets the total is still the total, not an estimate.
    auto lean = http_get(world.port(), target + "&facets=false");
    REQUIRE(lean);
    REQUIRE(lean->status == 200);
    Json lean_doc(lean->body);
    REQUIRE(lean_doc.ok());
    CHECK(static_cast<long>(number_field(lean_doc.root(), "total")) == total.at("total"));
  }
}

TEST_CASE("above --exact-facet-hits facet counts are estimated from a sample and flagged, totals stay exact", "[e2e]") {
  auto& world = shared_server();
  testing::TempDir dir;
  ServerArgs args{world.catalog.db().server_url(), world.catalog.index_dir(), (dir.path() / "spool").string(),
                  {"--exact-facet-hits", "30"}};
  ServerProcess sampling(args, dir.path() / "server.log");
  for (const char* target : {"/search?limit=1&q=", "/search?limit=1&q=&form=tablet,capsule,powder"}) {
    INFO("GET " << target);
    auto exact = http_get(world.port(), target);
    auto estimated = http_get(sampling.port(), target);
    REQUIRE(exact);
    REQUIRE(estimated);
    REQUIRE(estimated->status == 200);
    Json e(exact->body), s(estimated->body);
    REQUIRE(e.ok());
    REQUIRE(s.ok());
    // More than 30 hits, or (filtered by form) more than 30 counted for the form facet.
    CHECK(bool_field(e.root(), "facets_exhaustive"));
    CHECK_FALSE(bool_field(s.root(), "facets_exhaustive"));
    CHECK(bool_field(s.root(), "total_exhaustive"));
    CHECK(number_field(s.root(), "total") == number_field(e.root(), "total"));
    // Every estimated value is a real value of the hits, counted at least once.
    for (const char* name : {"brand", "category", "form", "price"}) {
      INFO("facet " << name);
      const Counts truth = json_facet(field(e.root(), "facets"), name);
      for (const auto& [value, count] : json_facet(field(s.root(), "facets"), name)) {
        CHECK(truth.count(value) == 1);
        CHECK(count >= 1);
      }
    }
  }
  // A search with fewer hits than the bound is counted exactly.
  auto few = http_get(sampling.port(), "/search?limit=1&q=triphala");
  REQUIRE(few);
  Json f(few->body);
  REQUIRE(f.ok());
  REQUIRE(number_field(f.root(), "total") <= 30);
  CHECK(bool_field(f.root(), "facets_exhaustive"));
  auto every = http_get(sampling.port(), "/search?limit=1&q=");
  REQUIRE(every);
  Json all(every->body);
  REQUIRE(all.ok());
  REQUIRE(number_field(all.root(), "total") > 30);
  // The Algolia-compatible answer says the same in Algolia's fields.
  auto algolia = http_post_json(sampling.port(), "/1/indexes/products/query",
                                R"({"params":"query=&facets=%5B%22brand%22%5D&hitsPerPage=1"})");
  REQUIRE(algolia);
  REQUIRE(algolia->status == 200);
  Json a(algolia->body);
  REQUIRE(a.ok());
  CHECK_FALSE(bool_field(a.root(), "exhaustiveFacetsCount"));
  CHECK(bool_field(a.root(), "exhaustiveNbHits"));
}

}  // namespace
}  // namespace ayc::e2e
