#include "data/datagen/catalog_rows.h"

#include <cmath>

#include "common/text.h"
#include "data/datagen/json.h"
#include "data/datagen/logistics.h"
#include "data/datagen/product_text.h"

namespace ayc::datagen {

const TableSpec kBrandsTable{"brands",
                             {"id", "name", "slug", "description", "logo_url", "website_url",
                              "established_year", "country", "certifications", "is_active",
                              "created_at", "updated_at"}};
const TableSpec kCategoriesTable{"categories",
                                 {"id", "name", "slug", "description", "parent_id", "image_url",
                                  "meta_title", "meta_description", "sort_order", "is_active",
                                  "created_at", "updated_at"}};
const TableSpec kProductsTable{
    "products",
    {"id", "sku", "name", "slug", "short_description", "description", "brand_id", "type", "form",
     "base_price", "selling_price", "discount_percentage", "tax_rate", "weight", "dimensions",
     "track_inventory", "stock_quantity", "low_stock_threshold", "dosage_form", "pack_size",
     "ingredients", "indications", "contraindications", "dosage_instructions", "meta_title",
     "meta_description", "search_keywords", "status", "is_featured", "is_prescription_required",
     "average_rating", "review_count", "created_at", "updated_at"}};
const TableSpec kProductCategoriesTable{"product_categories",
                                        {"product_id", "category_id", "is_primary", "created_at"}};
const TableSpec kProductImagesTable{"product_images",
                                    {"id", "product_id", "image_url", "alt_text", "sort_order",
                                     "is_primary", "created_at"}};
const TableSpec kProductVariantsTable{"product_variants",
                                      {"id", "product_id", "sku", "name", "price", "compare_at_price",
                                       "stock_quantity", "variant_options", "is_active", "created_at",
                                       "updated_at"}};

std::int64_t product_created_at(const Catalog& c, std::uint32_t p) {
  const auto& s = c.products[p];
  return c.window.start_seconds() + s.created_day * kSecondsPerDay +
         static_cast<std::int64_t>(mix64(c.seed ^ 0xC0FFEE, p) % kSecondsPerDay);
}

std::int64_t product_updated_at(const Catalog& c, std::uint32_t p) {
  const auto& s = c.products[p];
  const std::int64_t created = product_created_at(c, p);
  if (s.retired_day != kNever) return c.window.start_seconds() + s.retired_day * kSecondsPerDay + 36000;
  const std::int64_t span = c.window.end_seconds() - created;
  return created + static_cast<std::int64_t>(mix64(c.seed ^ 0xFEED, p) % static_cast<std::uint64_t>(span));
}

void write_brands(const Catalog& c, RowSink& out) {
  Row row;
  auto bs = brands();
  for (std::size_t b = 0; b < bs.size(); ++b) {
    std::vector<std::string> certs;
    for (auto s : split_list(bs[b].certifications)) certs.emplace_back(s);
    const std::int64_t created = c.window.start_seconds() + static_cast<std::int64_t>(b) * 97;
    row.clear();
    row.uuid(make_uuid(c.seed, Stream::kBrand, b)).text(bs[b].name).text(bs[b].slug).text(bs[b].description)
        .text("https://cdn.ayurvedacart.com/brands/" + std::string(bs[b].slug) + ".png")
        .text(bs[b].website).integer(bs[b].established_year).text(bs[b].country)
        .text(json_string_array(certs)).boolean(true).timestamp(created).timestamp(created);
    out.put(row);
  }
}

void write_categories(const Catalog& c, RowSink& out) {
  Row row;
  auto cats = categories();
  for (std::size_t i = 0; i < cats.size(); ++i) {
    const CategoryContent& cat = cats[i];
    int parent = -1;
    int sort_order = 0;
    for (std::size_t j = 0; j < cats.size(); ++j) {
      if (*cat.parent_slug && std::string_view(cats[j].slug) == cat.parent_slug) parent = static_cast<int>(j);
      if (j < i && std::string_view(cats[j].parent_slug) == cat.parent_slug) ++sort_order;
    }
    const std::int64_t created = c.window.start_seconds() + static_cast<std::int64_t>(i) * 61;
    row.clear();
    row.uuid(make_uuid(c.seed, Stream::kCategory, i)).text(cat.name).text(cat.slug).text(cat.description);
    if (parent >= 0) {
      row.uuid(make_uuid(c.seed, Stream::kCategory, static_cast<std::uint64_t>(parent)));
    } else {
      row.null();
    }
    row.text("https://cdn.ayurvedacart.com/categories/" + std::string(cat.slug) + ".jpg")
        .text(std::string(cat.name) + " | Ayurvedic " + cat.name + " Online | AyurvedaCart")
        .text(std::string(cat.description) + ". Shop authentic Ayurvedic products at AyurvedaCart.")
        .integer(sort_order).boolean(true).timestamp(created).timestamp(created);
    out.put(row);
  }
}

namespace {
// Grams and a box in centimetres, from the pack.
std::pair<double, std::string> weight_and_box(const ProductSpec& s, const PackInfo& pack) {
  double grams = pack.unit_kind == 'v' ? pack.units * 1.02 + 60
                 : pack.unit_kind == 'w' ? pack.units + 30
                                         : pack.units * 0.6 + 25;
  grams *= s.multipack;
  const double edge = std::cbrt(grams);
  auto cm = [](double v) { return static_cast<std::int64_t>(std::lround(v * 10)); };
  Json box;
  box.begin_object().key("length").fixed(cm(edge * 0.9 * s.multipack), 1).key("width").fixed(cm(edge * 0.9), 1)
      .key("height").fixed(cm(edge * 1.6), 1).field("unit", "cm").end_object();
  return {grams, box.str()};
}
}  // namespace

void write_products(const Catalog& c, std::span<const ProductCounters> counters, RowSink& out) {
  Row row;
  for (std::uint32_t p = 0; p < c.products.size(); ++p) {
    const ProductSpec& s = c.products[p];
    const Template& t = c.templates[s.tmpl];
    const GroupContent& g = group_content(t.group);
    Rng rng(c.seed, Stream::kProduct, p + (std::uint64_t{1} << 40));
    const ProductCopy copy = product_copy(c, p, rng);
    const auto [grams, box] = weight_and_box(s, t.packs[s.pack]);
    const std::int64_t discount_e2 =
        s.mrp_paise > 0 ? (std::int64_t{s.mrp_paise} - s.price_paise) * 10000 / s.mrp_paise : 0;
    row.clear();
    row.uuid(make_uuid(c.seed, Stream::kProduct, p)).text(product_sku(c, p, s.pack)).text(product_title(c, p))
        .text(product_slug(c, p)).text(copy.short_description).text(copy.description)
        .uuid(make_uuid(c.seed, Stream::kBrand, s.brand)).text(g.type).text(g.form).money(s.mrp_paise)
        .money(s.price_paise).fixed(discount_e2, 2).fixed(g.tax_rate * 100, 2)
        .fixed(std::llround(grams * 1000), 3).text(box).boolean(true)
        .integer(counters[p].stock).integer(10).text(g.dosage_form)
        .text(pack_size(c, p, s.pack)).text(copy.ingredients_json).text(copy.indications_json)
        .text(copy.contraindications_json).text(copy.dosage_instructions).text(copy.meta_title)
        .text(copy.meta_description).text(copy.search_keywords).text(status_name(s.status))
        .boolean(s.featured).boolean(t.prescription);
    if (counters[p].rating_e2 >= 0) {
      row.fixed(counters[p].rating_e2, 2);
    } else {
      row.null();
    }
    row.integer(counters[p].review_count).timestamp(product_created_at(c, p)).timestamp(product_updated_at(c, p));
    out.put(row);
  }
}

void write_product_categories(const Catalog& c, RowSink& out) {
  Row row;
  for (std::uint32_t p = 0; p < c.products.size(); ++p) {
    const Template& t = c.tmpl(p);
    const Uuid id = make_uuid(c.seed, Stream::kProduct, p);
    const std::int64_t created = product_created_at(c, p);
    row.clear();
    row.uuid(id).uuid(make_uuid(c.seed, Stream::kCategory, static_cast<std::uint64_t>(t.primary_category)))
        .boolean(true).timestamp(created);
    out.put(row);
    for (int extra : t.extra_categories) {
      row.clear();
      row.uuid(id).uuid(make_uuid(c.seed, Stream::kCategory, static_cast<std::uint64_t>(extra)))
          .boolean(false).timestamp(created);
      out.put(row);
    }
  }
}

void write_product_images(const Catalog& c, RowSink& out) {
  static const char* const kViews[] = {"front", "back label", "ingredients", "in use"};
  Row row;
  for (std::uint32_t p = 0; p < c.products.size(); ++p) {
    const std::uint64_t count = 1 + mix64(c.seed ^ 0x1A6E, p) % 3;
    const std::string slug = product_slug(c, p);
    const std::string title = product_title(c, p);
    for (std::uint64_t i = 0; i < count; ++i) {
      row.clear();
      row.uuid(make_uuid(c.seed, Stream::kImage, std::uint64_t{p} * 4 + i)).uuid(make_uuid(c.seed, Stream::kProduct, p))
          .text("https://cdn.ayurvedacart.com/products/" + slug + "/" + std::to_string(i + 1) + ".jpg")
          .text((title + " - " + kViews[i]).substr(0, 250)).integer(static_cast<std::int64_t>(i))
          .boolean(i == 0).timestamp(product_created_at(c, p));
      out.put(row);
    }
  }
}

void write_product_variants(const Catalog& c, RowSink& out) {
  Row row;
  for (std::uint32_t p = 0; p < c.products.size(); ++p) {
    const ProductSpec& s = c.products[p];
    for (const Variant& v : variants_of(c, p)) {
      Json options;
      options.begin_object().field("size", c.templates[s.tmpl].packs[v.pack].label);
      if (s.multipack > 1) options.field_int("pack_of", s.multipack);
      if (s.sugar_free) options.field_bool("sugar_free", true);
      options.end_object();
      const std::uint64_t stock = mix64(c.seed ^ 0x57C, std::uint64_t{p} * 8 + v.number) % 240;
      row.clear();
      row.uuid(make_uuid(c.seed, Stream::kVariant, std::uint64_t{p} * 8 + v.number))
          .uuid(make_uuid(c.seed, Stream::kProduct, p)).text(product_sku(c, p, v.pack))
          .text(pack_size(c, p, v.pack)).money(v.price_paise).money(v.mrp_paise)
          .integer(static_cast<std::int64_t>(stock < 20 ? 0 : stock))
          .text(options.str()).boolean(s.status == ProductStatus::kActive)
          .timestamp(product_created_at(c, p)).timestamp(product_updated_at(c, p));
      out.put(row);
    }
  }
}

}  // namespace ayc::datagen
