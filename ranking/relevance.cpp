#include "ranking/relevance.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "common/text.h"

namespace ayc::ranking {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

// The non-empty lines of a TSV file after its header, with their line numbers.
std::vector<std::pair<std::size_t, std::string_view>> data_lines(std::string_view text) {
  std::vector<std::pair<std::size_t, std::string_view>> out;
  auto lines = split(text, '\n');
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (!l.empty()) out.emplace_back(i + 1, l);
  }
  return out;
}

Status bad_line(const char* file, std::size_t line, const std::string& why) {
  return Status::InvalidArgument(std::string(file) + " line " + std::to_string(line) + ": " + why);
}

double gain(int grade) { return std::pow(2.0, grade) - 1.0; }
double discount(std::size_t rank0) { return 1.0 / std::log2(static_cast<double>(rank0) + 2.0); }

bool plain_match(const std::string& match) { return match == "all" || match == "corrected" || match == "phonetic"; }

}  // namespace

Result<std::vector<JudgedQuery>> read_judged_set(std::string_view queries_tsv, std::string_view judgments_tsv) {
  std::vector<JudgedQuery> out;
  std::map<std::string, std::size_t, std::less<>> index;
  for (const auto& [n, line] : data_lines(queries_tsv)) {
    auto f = split(line, '\t');
    if (f.size() != 3 || f[0].empty() || f[1].empty() || f[2].empty()) {
      return bad_line("queries", n, "expected id<TAB>class<TAB>query");
    }
    if (index.count(f[0])) return bad_line("queries", n, "duplicate query id '" + std::string(f[0]) + "'");
    index.emplace(std::string(f[0]), out.size());
    out.push_back(JudgedQuery{std::string(f[0]), std::string(f[1]), std::string(f[2]), {}});
  }
  for (const auto& [n, line] : data_lines(judgments_tsv)) {
    auto f = split(line, '\t');
    if (f.size() != 3 || f[1].empty() || f[2].size() != 1 || f[2][0] < '0' || f[2][0] > '3') {
      return bad_line("judgments", n, "expected query_id<TAB>slug<TAB>grade 0-3");
    }
    auto it = index.find(f[0]);
    if (it == index.end()) return bad_line("judgments", n, "unknown query id '" + std::string(f[0]) + "'");
    auto& grades = out[it->second].grades;
    if (!grades.emplace(std::string(f[1]), f[2][0] - '0').second) {
      return bad_line("judgments", n, "a second judgment of '" + std::string(f[1]) + "'");
    }
  }
  return out;
}

std::string encode_run(const std::vector<QueryRun>& run) {
  std::string out;
  for (const auto& r : run) {
    out += r.id + '\t' + r.match + '\t';
    for (std::size_t i = 0; i < r.slugs.size(); ++i) out += (i ? "," : "") + r.slugs[i];
    out += '\n';
  }
  return out;
}

Result<std::vector<QueryRun>> decode_run(std::string_view text) {
  std::vector<QueryRun> out;
  std::size_t n = 0;
  for (std::string_view line : split(text, '\n')) {
    ++n;
    if (line.empty()) continue;
    auto f = split(line, '\t');
    if (f.size() != 3 || f[0].empty()) return bad_line("run", n, "expected id<TAB>match<TAB>slugs");
    QueryRun r{std::string(f[0]), std::string(f[1]), {}};
    if (!f[2].empty())
      for (auto s : split(f[2], ',')) r.slugs.emplace_back(s);
    out.push_back(std::move(r));
  }
  return out;
}

QueryScore score_query(const JudgedQuery& q, const QueryRun& run) {
  QueryScore s;
  s.zero = run.slugs.empty();
  s.plain_page = !run.slugs.empty() && plain_match(run.match);
  auto grade_of = [&](const std::string& slug) {
    auto it = q.grades.find(slug);
    return it == q.grades.end() ? 0 : it->second;
  };
  double dcg = 0;
  std::size_t relevant_in_5 = 0;
  for (std::size_t i = 0; i < run.slugs.size() && i < 10; ++i) {
    const int g = grade_of(run.slugs[i]);
    dcg += gain(g) * discount(i);
    if (i < 5 && g >= 2) ++relevant_in_5;
  }
  std::vector<int> ideal;
  for (const auto& [slug, g] : q.grades) ideal.push_back(g);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (std::size_t i = 0; i < ideal.size() && i < 10; ++i) idcg += gain(ideal[i]) * discount(i);
  s.ndcg10 = idcg > 0 ? dcg / idcg : 0;
  s.p5 = static_cast<double>(relevant_in_5) / 5.0;
  return s;
}

Report evaluate(const std::vector<JudgedQuery>& set, const std::vector<QueryRun>& run) {
  std::map<std::string, const QueryRun*> by_id;
  for (const auto& r : run) by_id[r.id] = &r;
  std::map<std::string, ClassRow> rows;
  Report report;
  report.judged.cls = "all judged";
  report.not_sold.cls = std::string(kNotSoldClass);
  const QueryRun nothing;
  for (const auto& q : set) {
    auto it = by_id.find(q.id);
    const QueryScore s = score_query(q, it == by_id.end() ? nothing : *it->second);
    const bool not_sold = q.cls == kNotSoldClass;
    for (ClassRow* row : {&rows[q.cls], not_sold ? &report.not_sold : &report.judged}) {
      row->cls = row == &report.judged || row == &report.not_sold ? row->cls : q.cls;
      ++row->queries;
      row->ndcg10 += s.ndcg10;
      row->p5 += s.p5;
      row->zero_rate += s.zero ? 1 : 0;
      row->plain_pages += s.plain_page ? 1 : 0;
    }
  }
  auto average = [](ClassRow& r) {
    if (r.queries == 0) return;
    const double n = static_cast<double>(r.queries);
    r.ndcg10 /= n;
    r.p5 /= n;
    r.zero_rate /= n;
  };
  for (auto& [cls, row] : rows) {
    average(row);
    report.classes.push_back(row);
  }
  average(report.judged);
  average(report.not_sold);
  return report;
}

std::string format_report(const Report& report) {
  std::string out;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-22s %7s %8s %6s %6s\n", "class", "queries", "nDCG@10", "P@5", "zero");
  out += buf;
  auto row = [&](const ClassRow& r) {
    if (r.cls == kNotSoldClass) {
      std::snprintf(buf, sizeof buf, "%-22s %7zu %8s %6s %6.2f  plain result pages: %zu\n", r.cls.c_str(), r.queries,
                    "-", "-", r.zero_rate, r.plain_pages);
    } else {
      std::snprintf(buf, sizeof buf, "%-22s %7zu %8.3f %6.2f %6.2f\n", r.cls.c_str(), r.queries, r.ndcg10, r.p5,
                    r.zero_rate);
    }
    out += buf;
  };
  for (const auto& r : report.classes) row(r);
  row(report.judged);
  return out;
}

std::string diff_runs(const std::vector<JudgedQuery>& set, const std::vector<QueryRun>& a,
                      const std::vector<QueryRun>& b) {
  std::map<std::string, const QueryRun*> in_a, in_b;
  for (const auto& r : a) in_a[r.id] = &r;
  for (const auto& r : b) in_b[r.id] = &r;
  const QueryRun nothing;
  auto top10 = [](const QueryRun& r) {
    std::string s;
    for (std::size_t i = 0; i < r.slugs.size() && i < 10; ++i) s += (i ? "," : "") + r.slugs[i];
    return s.empty() ? std::string("(nothing)") : s;
  };
  std::string out;
  std::size_t changed = 0;
  for (const auto& q : set) {
    const QueryRun& ra = in_a.count(q.id) ? *in_a[q.id] : nothing;
    const QueryRun& rb = in_b.count(q.id) ? *in_b[q.id] : nothing;
    if (top10(ra) == top10(rb) && ra.match == rb.match) continue;
    ++changed;
    const QueryScore sa = score_query(q, ra), sb = score_query(q, rb);
    char buf[96];
    std::snprintf(buf, sizeof buf, "  nDCG@10 %.3f -> %.3f", sa.ndcg10, sb.ndcg10);
    out += q.id + "  [" + q.cls + "] \"" + q.text + "\"  match " + (ra.match.empty() ? "-" : ra.match) + " -> " +
           (rb.match.empty() ? "-" : rb.match) + buf + "\n    a: " + top10(ra) + "\n    b: " + top10(rb) + "\n";
  }
  out += std::to_string(changed) + " of " + std::to_string(set.size()) + " queries changed their top 10 or match\n";
  return out;
}

}  // namespace ayc::ranking
