// A small, fixed stand-in for the database's reference data, so the pure
// parts of the generator can be tested without PostgreSQL.
//
// Thread-safety: returns a fresh value each call.
#pragma once

#include "data/datagen/calendar.h"
#include "data/datagen/reference_data.h"

namespace ayc::datagen::testing {

// About twenty real herbs (with all their names and uses) and the seed's six currencies.
ReferenceData test_reference();

// The year before 2025-06-01.
TimeWindow test_window();

}  // namespace ayc::datagen::testing
