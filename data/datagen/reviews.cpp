#include "data/datagen/reviews.h"

#include <algorithm>
#include <tuple>

#include "data/datagen/content_text.h"

namespace ayc::datagen {

const TableSpec kReviewsTable{"product_reviews",
                              {"id", "product_id", "user_id", "order_item_id", "rating", "title",
                               "review_text", "is_verified", "is_approved", "moderated_at",
                               "moderated_by", "helpful_count", "unhelpful_count", "created_at",
                               "updated_at"}};

ReviewPicker::ReviewPicker(std::uint64_t seed, std::uint64_t wanted)
    : rng_(seed, Stream::kReview, 0), wanted_(wanted) {}

void ReviewPicker::offer(const PurchasedLine& line) {
  if (reservoir_.size() < wanted_) {
    reservoir_.push_back(line);
  } else if (wanted_ > 0) {
    const std::uint64_t j = rng_.below(offered_ + 1);
    if (j < wanted_) reservoir_[j] = line;
  }
  ++offered_;
}

std::vector<PurchasedLine> ReviewPicker::take() {
  std::sort(reservoir_.begin(), reservoir_.end(), [](const PurchasedLine& a, const PurchasedLine& b) {
    return a.order != b.order ? a.order < b.order : a.line < b.line;
  });
  return std::move(reservoir_);
}

namespace {
int draw_rating(Rng& rng, double quality) {
  const double p5 = std::clamp(0.48 + 0.25 * quality, 0.15, 0.85);
  const double p4 = 0.27;
  const double p3 = std::clamp(0.10 - 0.05 * quality, 0.03, 0.2);
  const double p2 = std::clamp(0.05 - 0.03 * quality, 0.01, 0.12);
  const double u = rng.unit();
  if (u < p5) return 5;
  if (u < p5 + p4) return 4;
  if (u < p5 + p4 + p3) return 3;
  if (u < p5 + p4 + p3 + p2) return 2;
  return 1;
}

std::string fill(std::string text, const std::string& ind, const std::string& brand, const std::string& form) {
  for (auto [key, value] : {std::pair<std::string, const std::string*>{"{ind}", &ind},
                            {"{brand}", &brand}, {"{form}", &form}}) {
    for (auto pos = text.find(key); pos != std::string::npos; pos = text.find(key)) text.replace(pos, key.size(), *value);
  }
  return text;
}

template <class Span>
std::string pick(Rng& rng, const Span& s) {
  return s[rng.below(s.size())];
}

std::pair<std::string, std::string> review_words(const Catalog& c, std::uint32_t p, int rating, Rng& rng) {
  const Template& t = c.tmpl(p);
  const std::string ind = t.indications.empty() ? std::string("health") : t.indications[rng.below(t.indications.size())];
  const std::string brand = c.brand(p).short_name;
  const char* form = group_content(t.group).form;
  std::string title = fill(pick(rng, review_titles(rating)), ind, brand, form);
  std::string body = pick(rng, review_openings(rating));
  body += " " + pick(rng, review_effects(rating));
  if (rng.chance(0.7)) body += " " + pick(rng, review_form_remarks(form));
  const std::string service = pick(rng, review_service_remarks(rating >= 3));
  if (!service.empty()) body += " " + service;
  if (rng.chance(0.6)) body += " " + pick(rng, review_closings(rating));
  return {title, fill(body, ind, brand, form)};
}
}  // namespace

Review make_review(const Catalog& c, std::size_t i, const PurchasedLine& l) {
  Rng rng(c.seed, Stream::kReview, i + 1);
  const std::int64_t end = c.window.end_seconds();
  Review r;
  r.rating = draw_rating(rng, c.products[l.product].quality);
  std::tie(r.title, r.text) = review_words(c, l.product, r.rating, rng);
  r.created_at = l.delivered_at + rng.between(1, 25) * kSecondsPerDay;
  r.created_at += rng.between(0, 86399);
  if (r.created_at >= end) {
    r.created_at = l.delivered_at + static_cast<std::int64_t>(rng.unit() * static_cast<double>(end - l.delivered_at));
  }
  const double m = rng.unit();
  r.approved = m < 0.9;
  if (m < 0.95) r.moderated_at = std::min(end - 1, r.created_at + rng.between(3600, 3 * kSecondsPerDay));
  return r;
}

std::vector<ProductRating> product_ratings(const Catalog& c, const std::vector<PurchasedLine>& sample) {
  std::vector<ProductRating> out(c.products.size());
  std::vector<std::int64_t> sums(c.products.size(), 0);
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const Review r = make_review(c, i, sample[i]);
    ProductRating& pr = out[sample[i].product];
    pr.reviewed = true;
    if (r.approved) {
      ++pr.count;
      sums[sample[i].product] += r.rating;
    }
  }
  for (std::size_t p = 0; p < out.size(); ++p) {
    if (out[p].count > 0) {  // numeric AVG cast to DECIMAL(3,2): round half away from zero
      out[p].average_e2 = (sums[p] * 200 + out[p].count) / (2 * out[p].count);
    }
  }
  return out;
}

void write_reviews(const Catalog& c, const std::vector<PurchasedLine>& sample, RowSink& out) {
  Row row;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const PurchasedLine& l = sample[i];
    const Review r = make_review(c, i, l);
    row.clear();
    row.uuid(make_uuid(c.seed, Stream::kReview, i)).uuid(make_uuid(c.seed, Stream::kProduct, l.product))
        .uuid(make_uuid(c.seed, Stream::kUser, l.customer))
        .uuid(make_uuid(c.seed, Stream::kOrderItem, l.order * 16 + l.line))
        .integer(r.rating).text(r.title).text(r.text).boolean(true).boolean(r.approved);
    if (r.moderated_at > 0) {
      row.timestamp(r.moderated_at);
    } else {
      row.null();
    }
    const double h = static_cast<double>(mix64(c.seed ^ 0x4E1F, i) % 1000) / 1000.0;
    row.null().integer(static_cast<std::int64_t>(h * h * h * 40)).integer(static_cast<std::int64_t>(h * h * h * h * 6))
        .timestamp(r.created_at).timestamp(r.moderated_at > 0 ? r.moderated_at : r.created_at);
    out.put(row);
  }
}

}  // namespace ayc::datagen
