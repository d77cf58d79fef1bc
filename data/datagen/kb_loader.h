// Reads the reference data the generator builds on from PostgreSQL: the
// ingredient knowledge base (`ingredients`) and exchange rates (`currencies`).
//
// One of the two files of the generator that see libpqxx (with copy_writer).
//
// Thread-safety: uses the given connection; one thread at a time.
#pragma once

#include <pqxx/pqxx>

#include "common/status.h"
#include "data/datagen/knowledge_base.h"
#include "data/datagen/reference_data.h"

namespace ayc::datagen {

Result<ReferenceData> load_reference_data(pqxx::connection& conn);

}  // namespace ayc::datagen
