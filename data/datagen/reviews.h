// Product reviews, written only by customers who bought and received the
// product (order_item_id set). Ratings lean to 4-5 and follow the product's
// quality; about 90% are approved.
//
// ReviewPicker keeps a uniform sample of exactly min(wanted, offered)
// delivered first purchases (reservoir sampling) during the order tally, so
// the reviews -- and hence every product's rating -- are known before any
// row is written.
//
// Thread-safety: ReviewPicker is single-threaded; the rest is pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/datagen/catalog.h"
#include "data/datagen/orders.h"
#include "data/datagen/row.h"

namespace ayc::datagen {

class ReviewPicker {
 public:
  ReviewPicker(std::uint64_t seed, std::uint64_t wanted);
  void offer(const PurchasedLine& line);
  // The sample in order (order, line); the picker is empty afterwards.
  std::vector<PurchasedLine> take();

 private:
  Rng rng_;
  std::uint64_t wanted_;
  std::uint64_t offered_ = 0;
  std::vector<PurchasedLine> reservoir_;
};

struct Review {
  int rating = 5;
  bool approved = true;
  std::int64_t created_at = 0;
  std::int64_t moderated_at = 0;  // 0 = not moderated yet
  std::string title;
  std::string text;
};
// Review i of the sample (pure function of seed, i and the purchase).
Review make_review(const Catalog& c, std::size_t i, const PurchasedLine& line);

// What update_product_rating() leaves on a product once all reviews are in.
struct ProductRating {
  bool reviewed = false;         // any review at all: the trigger has touched the row
  std::int64_t average_e2 = -1;  // AVG(approved)::DECIMAL(3,2) x 100; -1 = NULL
  std::int64_t count = 0;        // approved reviews
};
std::vector<ProductRating> product_ratings(const Catalog& c, const std::vector<PurchasedLine>& sample);

extern const TableSpec kReviewsTable;
void write_reviews(const Catalog& c, const std::vector<PurchasedLine>& sample, RowSink& out);

}  // namespace ayc::datagen
