// ayurvedacart-searchbench: the CPU cost of /search without HTTP. Loads the
// served index generation, runs the search engine and the JSON rendering of
// /search over a list of queries on one thread, and prints the time per query
// (mean, p50, p99, max) for each pass. The first --warmup lines are searched
// first and not timed (posting lists loaded, like a server that has been
// running); pass 1 then sees every timed string for the first time, pass 2
// again (its facet counts and products cached).
//
//   ayurvedacart-searchbench --index-dir var/bench-http/index --queries FILE [--warmup 10000] [--limit 20000]
//                            [--passes 2] [--slowest 20] [--postings-cache-mb 0] [--warm-words 0]
//
// --exact-facet-hits and --early-termination are the engine's settings
// (the server's --exact-facet-hits; early termination is always on in the
// server): run twice to compare. --facet-error compares, for every timed
// query whose facets were sampled, the estimated counts with exact ones
// (a second snapshot of the same generation counting every hit) and prints
// the relative error of the values shown.
//
// --warm-words N warms the generation as the server does before a switch
// (server/search/warmer.h; the server's default is 5000, this tool's 0 so
// that its own --warmup lines alone decide what is cached).
//
// FILE holds one query a line; anything after a tab is ignored (the request
// lists of bench/http/run.sh fit).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common/allocator.h"
#include "common/flags.h"
#include "index/generations.h"
#include "server/api/search_handlers.h"
#include "server/search/index_snapshot.h"
#include "server/search/searcher.h"
#include "server/search/snapshot_holder.h"

namespace {

constexpr const char* kProgram = "ayurvedacart-searchbench";

struct Config {
  std::string index_dir;
  std::string queries;
  std::int64_t warmup = 10000;
  std::int64_t limit = 20000;
  std::int64_t passes = 2;
  std::int64_t slowest = 0;
  std::int64_t postings_cache_mb = 0;
  std::int64_t warm_words = 0;
  std::int64_t exact_facet_hits = 50'000;
  bool early_termination = true;
  bool facet_error = false;
};

using Clock = std::chrono::steady_clock;

double micros(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

// One pass: each query searched and rendered once; returns per-query times in µs.
std::vector<double> run_pass(const ayc::search::IndexSnapshot& snap, const std::vector<std::string>& queries,
                             std::size_t& failures) {
  std::vector<double> times;
  times.reserve(queries.size());
  for (const auto& q : queries) {
    ayc::search::SearchRequest req;
    req.q = q;
    const auto start = Clock::now();
    auto result = ayc::search::run_search(snap, req);
    if (result.ok()) {
      std::string body = ayc::api::render_search_json(*result, req, "00000000-0000-0000-0000-000000000000", 0);
      if (body.empty()) ++failures;
    } else {
      ++failures;
    }
    times.push_back(micros(Clock::now() - start));
  }
  return times;
}

// The sampled facet counts of each timed query against exact ones: for
// every value shown with an exact count of at least 1% of the hits, the
// relative error of its estimate.
void facet_error(const ayc::search::IndexSnapshot& sampled, const ayc::search::IndexSnapshot& exact,
                 const std::vector<std::string>& queries) {
  std::vector<double> errors;
  std::size_t searches = 0, missing = 0;
  for (const auto& q : queries) {
    ayc::search::SearchRequest req;
    req.q = q;
    auto s = ayc::search::run_search(sampled, req);
    if (!s.ok() || s->facets_exhaustive) continue;
    auto e = ayc::search::run_search(exact, req);
    if (!e.ok()) continue;
    ++searches;
    for (const auto& [facet, truth] : e->facets) {
      const auto& estimate = s->facets[facet];
      for (const auto& value : truth) {
        if (value.count * 100 < e->total) continue;
        auto it = std::find_if(estimate.begin(), estimate.end(), [&](const auto& v) { return v.value == value.value; });
        if (it == estimate.end()) {
          ++missing;
          continue;
        }
        errors.push_back(std::abs(static_cast<double>(it->count) - static_cast<double>(value.count)) /
                         static_cast<double>(value.count));
      }
    }
  }
  if (errors.empty()) {
    std::printf("facet error: no timed query had its facets sampled\n");
    return;
  }
  double sum = 0;
  for (double v : errors) sum += v;
  std::sort(errors.begin(), errors.end());
  auto at = [&](double f) { return 100 * errors[std::min(errors.size() - 1, static_cast<std::size_t>(f * errors.size()))]; };
  std::printf("facet error: %zu sampled searches, %zu values of >= 1%% of the hits: relative error mean %.2f%%, "
              "p50 %.2f%%, p95 %.2f%%, max %.2f%%; %zu such values not shown\n",
              searches, errors.size(), 100 * sum / errors.size(), at(0.5), at(0.95), 100 * errors.back(), missing);
}

void report(const char* label, std::vector<double> t) {
  if (t.empty()) return;
  double sum = 0;
  for (double v : t) sum += v;
  std::sort(t.begin(), t.end());
  auto at = [&](double q) { return t[std::min(t.size() - 1, static_cast<std::size_t>(q * t.size()))]; };
  std::printf("%s: %zu queries, %.0f queries/s on one thread, mean %.1f us, p50 %.1f us, p99 %.1f us, max %.1f us\n",
              label, t.size(), 1e6 * t.size() / sum, sum / t.size(), at(0.5), at(0.99), t.back());
}

}  // namespace

int main(int argc, char** argv) {
  ayc::keep_freed_memory();  // as the server does
  Config c;
  ayc::FlagSet flags(kProgram,
                     "Times the search engine and /search's JSON rendering over a query list on one thread\n"
                     "(no HTTP), against the served generation of an index directory.");
  flags.add_string("index-dir", "", "Index directory (its CURRENT generation is loaded)", &c.index_dir);
  flags.add_string("queries", "", "File of queries, one a line (text after a tab ignored)", &c.queries);
  flags.add_int("warmup", "", "Lines searched first, untimed", &c.warmup, 0, 100'000'000);
  flags.add_int("limit", "", "Timed lines at most (after the warm-up lines)", &c.limit, 1, 100'000'000);
  flags.add_int("passes", "", "Times the timed lines are searched", &c.passes, 1, 100);
  flags.add_int("slowest", "", "Also list this many slowest queries of pass 1", &c.slowest, 0, 1000);
  flags.add_int("postings-cache-mb", "", "Posting lists kept in memory, as the server's flag (0: sized as the server "
                "sizes it)", &c.postings_cache_mb, 0, 1024 * 1024);
  flags.add_int("warm-words", "", "One-word searches run at load, as the server's flag", &c.warm_words, 0, 10'000'000);
  flags.add_int("exact-facet-hits", "", "Facet counts exact up to this many hits, sampled above, as the server's flag",
                &c.exact_facet_hits, 1, 1'000'000'000);
  flags.add_bool("early-termination", "", "Skip docid blocks that cannot hold a better hit (off: score every match)",
                 &c.early_termination);
  flags.add_bool("facet-error", "", "After the passes, measure the sampled facet counts' error against exact ones",
                 &c.facet_error);
  const ayc::Status parsed = flags.parse(argc, argv);
  if (int rc = ayc::handle_parse_result(flags, parsed, kProgram); rc >= 0) return rc;
  if (c.index_dir.empty() || c.queries.empty()) {
    std::cerr << kProgram << ": pass --index-dir and --queries (see --help)\n";
    return 2;
  }
  std::ifstream in(c.queries);
  if (!in) {
    std::cerr << kProgram << ": cannot read " << c.queries << "\n";
    return 2;
  }
  std::vector<std::string> warm, timed;
  for (std::string line; std::getline(in, line);) {
    line = line.substr(0, line.find('\t'));
    if (line.empty()) continue;
    if (static_cast<std::int64_t>(warm.size()) < c.warmup) {
      warm.push_back(std::move(line));
    } else if (static_cast<std::int64_t>(timed.size()) < c.limit) {
      timed.push_back(std::move(line));
    }
  }
  const auto load_start = Clock::now();
  ayc::search::SnapshotOptions options;
  options.caches.postings_cache_bytes = static_cast<std::size_t>(c.postings_cache_mb) << 20;
  options.warm_words = static_cast<std::size_t>(c.warm_words);
  options.exact_facet_hits = static_cast<std::size_t>(c.exact_facet_hits);
  options.early_termination = c.early_termination;
  ayc::search::SnapshotHolder index(c.index_dir, {}, options);  // loads the generation CURRENT names, as the server does
  if (ayc::Status loaded = index.reload(); !loaded.ok()) {
    std::cerr << kProgram << ": " << loaded.message() << "\n";
    return 1;
  }
  const auto snap = index.current();
  std::printf("loaded %s in %.2f s\n", snap->generation().c_str(), micros(Clock::now() - load_start) / 1e6);
  std::size_t failures = 0;
  report("warm-up", run_pass(*snap, warm, failures));
  for (std::int64_t p = 1; p <= c.passes; ++p) {
    auto times = run_pass(*snap, timed, failures);
    if (p == 1 && c.slowest > 0) {
      std::vector<std::size_t> order(times.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      const auto n = std::min<std::size_t>(order.size(), static_cast<std::size_t>(c.slowest));
      std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                        [&](std::size_t a, std::size_t b) { return times[a] > times[b]; });
      for (std::size_t i = 0; i < n; ++i) std::printf("  %9.1f us  %s\n", times[order[i]], timed[order[i]].c_str());
    }
    report(("pass " + std::to_string(p)).c_str(), std::move(times));
  }
  if (c.facet_error) {
    ayc::search::SnapshotOptions every = options;
    every.exact_facet_hits = std::size_t{1} << 40;
    every.warm_words = 0;
    auto exact = ayc::search::IndexSnapshot::load(ayc::index::Generations(c.index_dir).path_of(snap->generation()), every);
    if (!exact.ok()) {
      std::cerr << kProgram << ": " << exact.status().message() << "\n";
      return 1;
    }
    facet_error(*snap, **exact, timed);
  }
  const auto cache = snap->postings().stats();
  std::printf("posting cache: %.0f MiB (terms' own lists %.0f MiB) in %llu lists; %llu hits, %llu misses, %llu evictions\n",
              static_cast<double>(cache.bytes) / (1 << 20), static_cast<double>(cache.term_bytes) / (1 << 20), static_cast<unsigned long long>(cache.terms),
              static_cast<unsigned long long>(cache.hits), static_cast<unsigned long long>(cache.misses),
              static_cast<unsigned long long>(cache.evictions));
  if (failures > 0) {
    std::cerr << kProgram << ": " << failures << " searches failed\n";
    return 1;
  }
  return 0;
}
