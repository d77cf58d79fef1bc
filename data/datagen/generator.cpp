#include "data/datagen/generator.h"

#include <chrono>
#include <iomanip>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "common/progress.h"
#include "data/datagen/catalog_rows.h"
#include "data/datagen/copy_writer.h"
#include "data/datagen/logistics.h"
#include "data/datagen/orders.h"
#include "data/datagen/reviews.h"
#include "data/datagen/search_logs.h"

namespace ayc::datagen {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Forwards rows and reports progress every few thousand.
class ProgressSink : public RowSink {
 public:
  ProgressSink(RowSink& inner, Progress* progress) : inner_(inner), progress_(progress) {}
  ~ProgressSink() override {
    if (progress_ != nullptr) progress_->add(pending_);
  }
  void put(const Row& row) override {
    inner_.put(row);
    if (++pending_ == 4096) {
      if (progress_ != nullptr) progress_->add(pending_);
      pending_ = 0;
    }
  }

 private:
  RowSink& inner_;
  Progress* progress_;
  std::uint64_t pending_ = 0;
};

// Everything planned in memory before the first row is written.
struct Plan {
  ReferenceData ref;
  Catalog catalog;
  Customers customers;
  std::unique_ptr<OrderPlanner> planner;
  OrderTally tally;
  std::vector<PurchasedLine> reviews;
  std::vector<ProductCounters> counters;
  std::vector<CouponUse> coupon_uses;
};

std::unique_ptr<Plan> make_plan(const Config& cfg, ReferenceData ref) {
  auto plan = std::make_unique<Plan>();
  plan->ref = std::move(ref);
  const TimeWindow window{cfg.end_day - 365, cfg.end_day};
  const auto seed = static_cast<std::uint64_t>(cfg.seed);
  plan->catalog = build_catalog(plan->ref, seed, cfg.products, window);
  plan->customers = build_customers(plan->catalog, cfg.customers, cfg.orders);
  plan->planner = std::make_unique<OrderPlanner>(plan->catalog, plan->customers);
  ReviewPicker picker(seed, static_cast<std::uint64_t>(cfg.reviews));
  plan->tally = tally_orders(*plan->planner, [&](const PurchasedLine& l) { picker.offer(l); });
  plan->reviews = picker.take();
  const std::vector<ProductRating> ratings = product_ratings(plan->catalog, plan->reviews);
  plan->counters.resize(plan->catalog.products.size());
  for (std::uint32_t p = 0; p < plan->counters.size(); ++p) {
    ProductCounters& pc = plan->counters[p];
    pc.stock = on_hand_stock(plan->catalog, p);
    if (!cfg.bulk_load) {  // the row triggers will decrement and rate from here
      pc.stock += plan->tally.sold[p];
      continue;
    }
    pc.rating_e2 = ratings[p].reviewed ? ratings[p].average_e2 : 0;
    pc.review_count = ratings[p].count;
  }
  return plan;
}

// Shared by the lanes: progress output and the cancel flag.
struct LoadContext {
  const Config& cfg;
  std::ostream& out;
  bool interactive;  // redraw one progress line (a terminal, one lane at a time)
  std::mutex out_mu;
  std::atomic<bool> cancel{false};
};

// One connection loading a list of tables, one after the other.
class Lane {
 public:
  Lane(CopyWriter& writer, LoadContext& ctx) : writer_(writer), ctx_(ctx) {}

  Status table(const TableSpec& spec, std::uint64_t expected, const std::function<void(RowSink&)>& produce) {
    if (ctx_.cancel.load()) return Status::Internal("cancelled");
    const auto start = Clock::now();
    std::unique_ptr<Progress> progress;
    if (ctx_.cfg.progress) progress = std::make_unique<Progress>(spec.name, expected, ctx_.out, ctx_.interactive);
    std::uint64_t rows = 0;
    Status s = writer_.copy(spec, [&](RowSink& sink) {
      ProgressSink counted(sink, progress.get());
      produce(counted);
    }, &rows, &ctx_.cancel);
    if (progress) progress->finish();
    if (!s.ok()) {
      ctx_.cancel = true;
      return s;
    }
    tables_.emplace_back(spec.name, rows);
    if (ctx_.cfg.progress) {
      std::lock_guard<std::mutex> lock(ctx_.out_mu);
      ctx_.out << "datagen: " << spec.name << ": " << rows << " rows in " << std::fixed << std::setprecision(1)
               << seconds_since(start) << " s\n" << std::flush;
    }
    return s;
  }
  Status merge_gin_pending(const std::string& table) {
    const auto start = Clock::now();
    Status s = writer_.merge_gin_pending(table);
    if (!s.ok()) ctx_.cancel = true;
    if (s.ok() && ctx_.cfg.progress) {
      std::lock_guard<std::mutex> lock(ctx_.out_mu);
      ctx_.out << "datagen: " << table << ": full-text index merged in " << std::fixed << std::setprecision(1)
               << seconds_since(start) << " s\n" << std::flush;
    }
    return s;
  }
  const std::vector<std::pair<std::string, std::uint64_t>>& tables() const { return tables_; }

 private:
  CopyWriter& writer_;
  LoadContext& ctx_;
  std::vector<std::pair<std::string, std::uint64_t>> tables_;
};

// Lane A: the catalogue (the products' full-text indexes make it the heavy lane).
Status load_catalog(Lane& load, const Plan& plan) {
  const Catalog& c = plan.catalog;
  const std::uint64_t n = c.products.size();
  AYC_RETURN_IF_ERROR(load.table(kBrandsTable, 0, [&](RowSink& s) { write_brands(c, s); }));
  AYC_RETURN_IF_ERROR(load.table(kCategoriesTable, 0, [&](RowSink& s) { write_categories(c, s); }));
  AYC_RETURN_IF_ERROR(load.table(kProductsTable, n, [&](RowSink& s) { write_products(c, plan.counters, s); }));
  AYC_RETURN_IF_ERROR(load.merge_gin_pending("products"));
  AYC_RETURN_IF_ERROR(load.table(kProductCategoriesTable, 0, [&](RowSink& s) { write_product_categories(c, s); }));
  AYC_RETURN_IF_ERROR(load.table(kProductImagesTable, 2 * n, [&](RowSink& s) { write_product_images(c, s); }));
  return load.table(kProductVariantsTable, 0, [&](RowSink& s) { write_product_variants(c, s); });
}

// Lane B: customers, orders, reviews, searches and logistics.
Status load_people_and_orders(Lane& load, Plan& plan, const Config& cfg) {
  const Catalog& c = plan.catalog;
  const Customers& cs = plan.customers;
  const std::uint64_t people = cs.specs.size();
  AYC_RETURN_IF_ERROR(load.table(kCentersTable, 0, [&](RowSink& s) { write_centers(c, s); }));  // orders refer to them
  AYC_RETURN_IF_ERROR(load.table(kZonesTable, 0, [&](RowSink& s) { write_zones(c, s); }));
  AYC_RETURN_IF_ERROR(load.table(kUsersTable, people, [&](RowSink& s) { write_users(c, cs, s); }));
  AYC_RETURN_IF_ERROR(load.table(kProfilesTable, people, [&](RowSink& s) { write_profiles(c, cs, s); }));
  AYC_RETURN_IF_ERROR(load.table(kAddressesTable, 0, [&](RowSink& s) { write_addresses(c, cs, s); }));
  AYC_RETURN_IF_ERROR(load.table(kCouponsTable, 0, [&](RowSink& s) { write_coupons(*plan.planner, plan.tally, s); }));
  AYC_RETURN_IF_ERROR(load.table(kOrdersTable, plan.tally.orders,
                                 [&](RowSink& s) { write_orders(*plan.planner, s, plan.coupon_uses); }));
  AYC_RETURN_IF_ERROR(load.table(kOrderItemsTable, plan.tally.lines,
                                 [&](RowSink& s) { write_order_items(*plan.planner, s); }));
  AYC_RETURN_IF_ERROR(load.table(kCouponUsageTable, plan.coupon_uses.size(),
                                 [&](RowSink& s) { write_coupon_usage(c, plan.coupon_uses, s); }));
  AYC_RETURN_IF_ERROR(load.table(kReviewsTable, plan.reviews.size(), [&](RowSink& s) { write_reviews(c, plan.reviews, s); }));
  AYC_RETURN_IF_ERROR(load.table(kSearchLogsTable, static_cast<std::uint64_t>(cfg.search_logs),
                                 [&](RowSink& s) { write_search_logs(*plan.planner, cfg.search_logs, s); }));
  return load.table(kInventoryTable, 0, [&](RowSink& s) { write_inventory(c, s); });
}

Status check_empty(CopyWriter& writer) {
  AYC_ASSIGN_OR_RETURN(auto filled, writer.first_filled_table());
  if (filled.first.empty()) return Status::Ok();
  const std::string count = std::to_string(filled.second);
  const std::string what = filled.first == "products" ? count + " products" : count + " rows in " + filled.first;
  return Status::FailedPrecondition("database already has " + what + "; pass --reset to replace them");
}

// Everything in one transaction: used when the triggers must fire (their
// effects cross tables) or when replica mode is not available.
Status load_sequential(CopyWriter& w, Plan& plan, LoadContext& ctx, Summary& summary) {
  Lane lane(w, ctx);
  AYC_RETURN_IF_ERROR(w.begin(ctx.cfg.bulk_load));
  if (ctx.cfg.reset) AYC_RETURN_IF_ERROR(w.reset());
  AYC_RETURN_IF_ERROR(load_catalog(lane, plan));
  AYC_RETURN_IF_ERROR(load_people_and_orders(lane, plan, ctx.cfg));
  AYC_RETURN_IF_ERROR(w.commit());
  summary.tables = lane.tables();
  return Status::Ok();
}

// Two connections load the catalogue and the orders side by side (PostgreSQL
// parses and indexes each COPY on one core); both commit once both succeed.
// With replica mode no cross-table checks run, so the lanes are independent.
Status load_parallel(CopyWriter& a, CopyWriter& b, Plan& plan, LoadContext& ctx, Summary& summary) {
  if (ctx.cfg.reset) {  // committed first: TRUNCATE's locks would block the other lane
    AYC_RETURN_IF_ERROR(a.begin(false));
    AYC_RETURN_IF_ERROR(a.reset());
    AYC_RETURN_IF_ERROR(a.commit());
  }
  AYC_RETURN_IF_ERROR(a.begin(true));
  AYC_RETURN_IF_ERROR(b.begin(true));
  Lane lane_a(a, ctx), lane_b(b, ctx);
  Status status_a;
  std::thread catalog([&] { status_a = load_catalog(lane_a, plan); });
  Status status_b = load_people_and_orders(lane_b, plan, ctx.cfg);
  catalog.join();
  // Report the failure, not the other lane's cancellation it caused.
  auto cancelled = [](const Status& st) { return st.message().ends_with("cancelled"); };
  if (!status_a.ok() && !(cancelled(status_a) && !status_b.ok())) return status_a;
  AYC_RETURN_IF_ERROR(status_b);
  AYC_RETURN_IF_ERROR(a.commit());
  AYC_RETURN_IF_ERROR(b.commit().with_context("the catalogue is committed but orders are not; rerun with --reset"));
  summary.tables = lane_a.tables();
  summary.tables.insert(summary.tables.end(), lane_b.tables().begin(), lane_b.tables().end());
  return Status::Ok();
}

void fill_totals(Summary& summary) {
  for (const auto& [table, rows] : summary.tables) {
    summary.total_rows += rows;
    if (table == "products") summary.products = rows;
    if (table == "users") summary.customers = rows;
    if (table == "orders") summary.orders = rows;
    if (table == "order_items") summary.order_lines = rows;
    if (table == "product_reviews") summary.reviews = rows;
    if (table == "search_logs") summary.search_logs = rows;
  }
}

}  // namespace

std::string Summary::line() const {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(1);
  out << "datagen: " << products << " products, " << customers << " customers, " << orders << " orders, "
      << order_lines << " order lines, " << reviews << " reviews, " << search_logs << " search logs; "
      << total_rows << " rows in " << seconds << " s ("
      << human_count(seconds > 0 ? static_cast<double>(total_rows) / seconds : 0) << " rows/s), peak RSS "
      << human_bytes(peak_rss_bytes);
  return out.str();
}

Result<Summary> generate(const Config& cfg, std::ostream& progress) {
  const auto start = Clock::now();
  AYC_ASSIGN_OR_RETURN(auto writer, CopyWriter::open(cfg.pg));
  if (!cfg.reset) AYC_RETURN_IF_ERROR(check_empty(*writer));
  AYC_ASSIGN_OR_RETURN(auto ref, writer->load_reference_data());
  AYC_ASSIGN_OR_RETURN(auto super, writer->is_superuser());
  std::unique_ptr<Plan> plan = make_plan(cfg, std::move(ref));
  LoadContext ctx{cfg, progress, stderr_is_terminal() && !(cfg.bulk_load && super), {}, {}};
  if (cfg.progress) {
    progress << "datagen: planned " << plan->catalog.products.size() << " products and " << plan->tally.orders
             << " orders in " << std::fixed << std::setprecision(1) << seconds_since(start) << " s\n";
  }
  Summary summary;
  if (cfg.bulk_load && super) {
    AYC_ASSIGN_OR_RETURN(auto second, CopyWriter::open(cfg.pg));
    AYC_RETURN_IF_ERROR(load_parallel(*writer, *second, *plan, ctx, summary));
  } else {
    AYC_RETURN_IF_ERROR(load_sequential(*writer, *plan, ctx, summary));
  }
  AYC_RETURN_IF_ERROR(writer->analyze());
  fill_totals(summary);
  summary.seconds = seconds_since(start);
  summary.peak_rss_bytes = peak_rss_bytes();
  return summary;
}

}  // namespace ayc::datagen
