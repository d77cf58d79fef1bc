#include "recsys/formulation.h"

#include <catch2/catch.hpp>

namespace ayc::recsys {
namespace {

ItemContent with_ingredients(std::vector<std::uint32_t> ingredients, std::string form, std::uint32_t brand) {
  ItemContent it;
  it.ingredients = std::move(ingredients);
  it.form = std::move(form);
  it.brand = brand;
  return it;
}

TEST_CASE("formulations are ingredient sets, whatever the order, form, brand or listing") {
  std::vector<ItemContent> items = {
      with_ingredients({3, 1, 2}, "powder", 0),
      with_ingredients({1, 2, 3}, "tablet", 1),     // another form and brand
      with_ingredients({2, 3, 1, 3}, "powder", 0),  // a repeated ingredient
      with_ingredients({1, 2}, "powder", 0),        // one herb fewer: another formulation
      with_ingredients({1, 2, 3, 4}, "powder", 0),
  };
  items[1].indications = {"joint pain"};
  items[1].categories = {5};
  const auto g = formulation_groups(items);
  CHECK(g == std::vector<std::uint32_t>{0, 0, 0, 1, 2});  // dense, in order of first appearance
}

TEST_CASE("products without ingredients are the same formulation only with the same content") {
  std::vector<ItemContent> items(7);
  items[0].indications = {"Hair fall", "Dandruff"};
  items[0].categories = {2};
  items[0].form = "Oil";
  items[1] = items[0];
  items[1].indications = {"dandruff", "hair-fall"};  // normalised and as a set
  items[1].form = "oil";
  items[1].brand = 4;
  items[2] = items[0];
  items[2].form = "shampoo";  // other form
  items[3] = items[0];
  items[3].categories = {3};  // other category
  // 4 and 5 have no content at all; 6 lists an ingredient.
  items[6] = items[0];
  items[6].ingredients = {1};
  const auto g = formulation_groups(items);
  CHECK(g[0] == g[1]);
  CHECK(g[2] != g[0]);
  CHECK(g[3] != g[0]);
  CHECK(g[4] != g[5]);
  CHECK(g[6] != g[0]);
  CHECK(g[6] != g[4]);
}

}  // namespace
}  // namespace ayc::recsys
