// A year of site-search history: herb names in every language shoppers use,
// formulation and brand names, symptom searches ("joint pain oil"),
// Hinglish, typos ("ashwaganda") and nonsense, with plausible result counts,
// clicks on products that match, and the logged-in user's own concerns.
//
// Thread-safety: pure over a built OrderPlanner.
#pragma once

#include <cstdint>

#include "data/datagen/orders.h"
#include "data/datagen/row.h"

namespace ayc::datagen {

extern const TableSpec kSearchLogsTable;
void write_search_logs(const OrderPlanner& planner, std::int64_t count, RowSink& out);

}  // namespace ayc::datagen
