// GET /products/{id or slug}/related and GET /users/{id}/recommendations,
// served from the generation's feature store (lists computed by the
// indexer's recommendation stage; see indexer/SCHEMA.md for the keys).
//
// Fallback chains keep widgets full: bought_together -> similar -> best
// sellers of the product's categories -> store best sellers; for a user:
// for_you -> trending -> best sellers.
//
// Thread-safety: handlers are safe to call concurrently.
#pragma once

#include "server/router.h"
#include "server/search/snapshot_holder.h"

namespace ayc::server {

Handler related_handler(search::SnapshotHolder* index);
Handler user_recommendations_handler(search::SnapshotHolder* index);

}  // namespace ayc::server
