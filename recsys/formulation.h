// Formulations: which products are the same remedy sold again under another
// brand, pack size or form.
//
// Two products are the same formulation when they list the same canonical
// ingredients (ItemContent::ingredients, compared as sets). A product without
// ingredients is the same formulation as another without ingredients when
// their normalised indications, categories and form all agree; a product with
// no content at all is a formulation of its own. The similar-products model
// uses this to show one product per formulation and to keep the query's own
// formulation (its other packs and brands) out of the way of discoveries.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "recsys/types.h"

namespace ayc::recsys {

// A dense formulation id (0, 1, 2... in order of first appearance) per product.
std::vector<std::uint32_t> formulation_groups(std::span<const ItemContent> items);

}  // namespace ayc::recsys
