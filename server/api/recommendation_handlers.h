// GET /products/{id or slug}/related, GET /users/{id}/recommendations and
// GET /recommendations/trending, served from the generation's feature store (lists computed by the
// indexer's recommendation stage; see index/SCHEMA.md for the keys).
//
// Fallback chains keep widgets full: bought_together -> similar -> best
// sellers of the product's categories -> store best sellers; for a user:
// for_you (products they have not bought) -> trending -> best sellers; for
// anonymous visitors (the home page, a search that found nothing): trending
// in the category -> best sellers of the category -> trending -> best
// sellers. A user's ?kind=buy_again (their refills, most due first) has no
// fallback: nothing to rebuy is an empty list.
//
// Thread-safety: handlers are safe to call concurrently.
#pragma once

#include "server/api/answer_cache.h"
#include "server/http/router.h"
#include "server/search/snapshot_holder.h"

namespace ayc::api {

// `answers` (may be null) caches the related answers per generation.
http::Handler related_handler(search::SnapshotHolder* index, const AnswerCache* answers);
http::Handler user_recommendations_handler(search::SnapshotHolder* index);
// `answers` (may be null) caches the trending answers per generation.
http::Handler trending_handler(search::SnapshotHolder* index, const AnswerCache* answers);

}  // namespace ayc::api
