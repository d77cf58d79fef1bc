#include <catch2/catch.hpp>

#include "ranking/bm25.h"

using ayc::ranking::bm25_idf;
using ayc::ranking::bm25_weight;

TEST_CASE("a rarer group weighs more and idf never goes negative", "[ranking][bm25]") {
  CHECK(bm25_idf(10, 100000) > bm25_idf(1000, 100000));
  CHECK(bm25_idf(100000, 100000) > 0);
  CHECK(bm25_idf(200000, 100000) == Approx(bm25_idf(100000, 100000)));
}

TEST_CASE("more occurrences weigh more but saturate", "[ranking][bm25]") {
  double idf = bm25_idf(100, 10000);
  double w1 = bm25_weight(idf, 1, 50, 50), w8 = bm25_weight(idf, 8, 50, 50), w80 = bm25_weight(idf, 80, 50, 50);
  CHECK(w8 > w1);
  CHECK(w80 > w8);
  CHECK(w80 < 2 * idf);  // bounded by (k1 + 1) * idf
  CHECK(w80 - w8 < w8 - w1);
}

TEST_CASE("a match in a shorter document weighs more and very short ones are not over-rewarded", "[ranking][bm25]") {
  double idf = bm25_idf(100, 10000);
  CHECK(bm25_weight(idf, 3, 20, 50) > bm25_weight(idf, 3, 200, 50));
  CHECK(bm25_weight(idf, 3, 1, 50) == Approx(bm25_weight(idf, 3, 25, 50)));  // min_norm_len 0.5
}

TEST_CASE("a boolean-only match weighs nothing", "[ranking][bm25]") {
  CHECK(bm25_weight(bm25_idf(5, 100), 0, 10, 10) == 0);
}
