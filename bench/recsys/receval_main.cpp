// ayurvedacart-receval: offline evaluation of the recommendation models on the
// orders in PostgreSQL (leave-last-order-out, see recsys/evaluation.h), or with
// --time-stage, the time and peak memory of the indexer's recommendation stage
// (load inputs + compute every list, optionally + write product_recommendations),
// or with --planted-regimens, for_you on a synthetic shop with a known answer
// (recsys/planted_regimens.h; no PostgreSQL).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "common/flags.h"
#include "common/pg.h"
#include "common/progress.h"
#include "recsys/evaluation.h"
#include "recsys/pg_sink.h"
#include "recsys/pg_source.h"
#include "recsys/planted_regimens.h"
#include "recsys/recommendations.h"

namespace {

constexpr const char* kProgram = "ayurvedacart-receval";

struct Config {
  std::string pg;
  std::int64_t max_customers = 5000;
  std::int64_t threads = 0;
  std::int64_t ease_items = 3000;
  double ease_lambda = 50;
  std::string for_you = "auto";
  double popularity_weight = -1;  // < 0: the library default
  double similar_popularity_weight = -1;  // < 0: the library default
  bool similar_keep_duplicates = false;
  std::int64_t seed = 1;
  std::int64_t now_unix = 0;  // 0 = the wall clock
  bool time_stage = false;
  bool write = false;
  bool planted_regimens = false;
};

void register_flags(ayc::FlagSet& flags, Config& c) {
  flags.add_string("pg", "AYURVEDACART_PG", "PostgreSQL connection string", &c.pg);
  flags.add_int("max-customers", "", "customers whose last order is held out", &c.max_customers, 1, 10000000);
  flags.add_int("threads", "", "worker threads, 0 = all cores", &c.threads, 0, 256);
  flags.add_int("ease-items", "", "products in the EASE model", &c.ease_items, 1, 20000);
  flags.add_double("ease-lambda", "", "EASE L2 regularisation", &c.ease_lambda, 1e-6, 1e9);
  flags.add_string("for-you", "", "for_you model: auto, ease or knn", &c.for_you);
  flags.add_double("popularity-weight", "", "for_you popularity prior, -1 = library default", &c.popularity_weight,
                   -1, 100);
  flags.add_double("similar-popularity-weight", "", "similar best-seller prior, -1 = library default",
                   &c.similar_popularity_weight, -1, 100);
  flags.add_bool("similar-keep-duplicates", "",
                 "similar lists keep every product of a formulation, the query's own too", &c.similar_keep_duplicates);
  flags.add_int("seed", "", "picks the customers whose last order is held out", &c.seed, 0, 1LL << 40);
  flags.add_int("now", "", "\"today\" as Unix seconds, 0 = the wall clock", &c.now_unix, 0, 1LL << 40);
  flags.add_bool("time-stage", "", "time load + compute (and --write) instead of evaluating", &c.time_stage);
  flags.add_bool("write", "", "with --time-stage: also replace product_recommendations", &c.write);
  flags.add_bool("planted-regimens", "",
                 "evaluate for_you on a synthetic shop of 3-product regimens (seeded by --seed; no --pg)",
                 &c.planted_regimens);
}

class Stopwatch {
 public:
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

ayc::recsys::RecsysOptions options_from(const Config& c) {
  ayc::recsys::RecsysOptions o;
  o.run.threads = static_cast<int>(c.threads);
  o.for_you.ease.max_items = static_cast<std::size_t>(c.ease_items);
  o.for_you.ease.lambda = static_cast<float>(c.ease_lambda);
  if (c.popularity_weight >= 0) o.for_you.popularity_weight = c.popularity_weight;
  if (c.similar_popularity_weight >= 0) o.similar.popularity_weight = static_cast<float>(c.similar_popularity_weight);
  if (c.similar_keep_duplicates) o.similar.one_per_formulation = false;
  o.for_you.method = c.for_you == "ease"  ? ayc::recsys::ForYouMethod::kEase
                     : c.for_you == "knn" ? ayc::recsys::ForYouMethod::kItemKnn
                                          : ayc::recsys::ForYouMethod::kAuto;
  struct StageClock {
    Stopwatch watch;
    std::string current;
  };
  auto clock = std::make_shared<StageClock>();
  o.on_stage = [clock](const std::string& stage) {
    const double seconds = clock->watch.lap();
    if (!clock->current.empty())
      std::fprintf(stderr, "%s: %s took %.1f s\n", kProgram, clock->current.c_str(), seconds);
    clock->current = stage == "done" ? "" : stage;
  };
  return o;
}

std::chrono::sys_seconds now_of(const Config& c) {
  if (c.now_unix > 0) return std::chrono::sys_seconds{std::chrono::seconds{c.now_unix}};
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

ayc::Result<ayc::recsys::RecsysInputs> load(pqxx::connection& conn, const Config& c) {
  ayc::recsys::LoadOptions lo;
  lo.progress = &std::cerr;
  lo.interactive = ayc::stderr_is_terminal();
  return ayc::recsys::load_inputs(conn, now_of(c), lo);
}

int fail(const ayc::Status& s) {
  std::cerr << kProgram << ": " << s.message() << "\n";
  return s.code() == ayc::StatusCode::kUnavailable ? 5 : 1;
}

int time_stage(pqxx::connection& conn, const Config& c) {
  Stopwatch total, step;
  auto inputs = load(conn, c);
  if (!inputs.ok()) return fail(inputs.status());
  const double load_s = step.lap();
  auto set = ayc::recsys::compute_recommendations(*inputs, options_from(c));
  if (!set.ok()) return fail(set.status());
  const double compute_s = step.lap();
  double write_s = 0;
  std::size_t rows = 0;
  if (c.write) {
    auto written = ayc::recsys::write_product_recommendations(conn, *set);
    if (!written.ok()) return fail(written.status());
    rows = written->rows;
    write_s = step.lap();
  }
  std::printf("products %zu  order lines %zu  customers %zu\n", inputs->data.items.size(),
              inputs->data.lines.size(), inputs->data.customer_count);
  std::printf("load     %8.1f s\ncompute  %8.1f s\n", load_s, compute_s);
  if (c.write) std::printf("write    %8.1f s  (%zu rows)\n", write_s, rows);
  std::printf("total    %8.1f s\npeak RSS %s\n", total.lap(), ayc::human_bytes(ayc::peak_rss_bytes()).c_str());
  return 0;
}

int evaluate(pqxx::connection& conn, const Config& c) {
  auto inputs = load(conn, c);
  if (!inputs.ok()) return fail(inputs.status());
  ayc::recsys::EvaluationOptions eo;
  eo.max_customers = static_cast<std::size_t>(c.max_customers);
  eo.seed = static_cast<std::uint64_t>(c.seed);
  auto report = ayc::recsys::evaluate(inputs->data, options_from(c), eo);
  if (!report.ok()) return fail(report.status());
  std::printf("products %zu  order lines %zu (training %zu)  customers %zu\n", inputs->data.items.size(),
              inputs->data.lines.size(), report->train_lines, inputs->data.customer_count);
  std::fputs(ayc::recsys::format_report(*report, eo.cutoff).c_str(), stdout);
  return 0;
}

// The regimen check, then the leave-last-order-out report on the same shop
// (customers there rebuy on a rhythm, unlike the memoryless datagen orders).
int planted_regimens(const Config& c) {
  ayc::recsys::PlantedRegimenOptions po;
  po.seed = static_cast<std::uint64_t>(c.seed);
  const auto shop = ayc::recsys::plant_regimens(po);
  const auto options = options_from(c);
  const std::size_t cutoff = 10;
  std::printf("planted regimens: products %zu  order lines %zu  customers %zu (%zu missing one product of a regimen)\n",
              shop.data.items.size(), shop.data.lines.size(), shop.data.customer_count, shop.cases.size());
  std::fputs(ayc::recsys::format_regimen_scores(ayc::recsys::check_planted_regimens(shop, options, cutoff), cutoff)
                 .c_str(),
             stdout);
  ayc::recsys::EvaluationOptions eo;
  eo.max_customers = static_cast<std::size_t>(c.max_customers);
  eo.seed = static_cast<std::uint64_t>(c.seed);
  auto report = ayc::recsys::evaluate(shop.data, options, eo);
  if (!report.ok()) return fail(report.status());
  std::printf("leave-last-order-out on the same shop (training %zu lines):\n", report->train_lines);
  std::fputs(ayc::recsys::format_report(*report, eo.cutoff).c_str(), stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Config config;
  ayc::FlagSet flags(kProgram,
                     "Evaluates the recommendation models offline on the orders in PostgreSQL (each sampled\n"
                     "customer's last order held out; HitRate@10, NDCG@10, coverage; baselines first: for_you\n"
                     "against popularity and plain EASE, buy_again against the most recent and most frequent\n"
                     "purchases), or with --time-stage measures the recommendation stage, or with\n"
                     "--planted-regimens checks for_you on a synthetic regimen shop. Progress goes to stderr.");
  register_flags(flags, config);
  const ayc::Status parsed = flags.parse(argc, argv);
  if (int rc = ayc::handle_parse_result(flags, parsed, kProgram); rc >= 0) return rc;
  if (config.for_you != "auto" && config.for_you != "ease" && config.for_you != "knn") {
    std::cerr << kProgram << ": --for-you must be auto, ease or knn, got '" << config.for_you << "' (see --help)\n";
    return 2;
  }
  if (config.planted_regimens) return planted_regimens(config);
  if (config.pg.empty()) {
    std::cerr << kProgram << ": no PostgreSQL connection string: pass --pg URL or set AYURVEDACART_PG\n";
    return 2;
  }
  if (config.write && !config.time_stage) {
    std::cerr << kProgram << ": --write only goes with --time-stage (see --help)\n";
    return 2;
  }
  auto conn = ayc::pg::connect(config.pg);
  if (!conn.ok()) return fail(conn.status());
  return config.time_stage ? time_stage(**conn, config) : evaluate(**conn, config);
}
