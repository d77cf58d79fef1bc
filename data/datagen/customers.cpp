#include "data/datagen/customers.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace ayc::datagen {

namespace {
constexpr std::uint64_t kSecondStream = std::uint64_t{1} << 40;

Cdf country_cdf() {
  std::vector<double> w;
  for (const auto& c : countries()) w.push_back(c.customer_share);
  return Cdf(w);
}

std::uint8_t pick_city(Rng& rng, const char* code) {
  std::vector<double> w;
  for (const auto& city : cities()) w.push_back(std::string_view(city.country_code) == code ? city.weight : 0);
  return static_cast<std::uint8_t>(Cdf(w).sample(rng));
}

std::span<const char* const> first_names(const CustomerSpec& s) {
  const char g = s.gender == 'o' ? 'f' : s.gender;
  if (s.origin == 'W') return western_first_names(g);
  if (s.origin == 'A') return arabic_first_names(g);
  return indian_first_names(g);
}

std::span<const char* const> last_names(const CustomerSpec& s) {
  if (s.origin == 'W') return western_last_names();
  if (s.origin == 'A') return arabic_last_names();
  return indian_last_names(s.name_region);
}

char pick_origin(Rng& rng, std::string_view code) {
  const double u = rng.unit();
  if (code == "IN") return 'I';
  if (code == "AE") return u < 0.7 ? 'I' : u < 0.9 ? 'A' : 'W';
  if (code == "SG") return u < 0.4 ? 'I' : 'W';
  if (code == "DE") return u < 0.3 ? 'I' : 'W';
  return u < 0.6 ? 'I' : 'W';
}

std::uint8_t pick_condition(Rng& rng, const Cdf& prevalence, char gender) {
  for (int attempt = 0; attempt < 16; ++attempt) {
    auto r = static_cast<std::uint8_t>(prevalence.sample(rng));
    const char need = regimens()[r].gender;
    if (need == 'a' || need == gender) return r;
  }
  return 0;
}

std::uint16_t pick_brand(Rng& rng, char region) {
  if (rng.chance(0.45)) return 0xFFFF;
  std::vector<double> w;
  for (const auto& b : brands()) {
    const bool kerala = (b.styles & kKeralaClassical) != 0;
    w.push_back(b.popularity * (region == 'S' && kerala ? 3.0 : 1.0));
  }
  return static_cast<std::uint16_t>(Cdf(w).sample(rng));
}

void allocate_orders(Customers& cs, const Catalog& c, std::int64_t order_count) {
  std::vector<double> weights(cs.specs.size());
  double total = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    Rng rng(c.seed, Stream::kCustomer, i + kSecondStream);
    weights[i] = rng.chance(0.12) ? 0.0 : std::min(40.0, std::pow(1.0 - rng.unit(), -0.6));
    total += weights[i];
  }
  if (total <= 0) weights[0] = total = 1;
  double cumulative = 0;
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {  // cumulative rounding: exact total
    cumulative += weights[i];
    auto upto = static_cast<std::int64_t>(std::llround(static_cast<double>(order_count) * cumulative / total));
    if (i + 1 == weights.size()) upto = order_count;
    cs.specs[i].orders = static_cast<std::uint32_t>(upto - assigned);
    assigned = upto;
  }
}

void choose_signup(CustomerSpec& s, const Catalog& c, std::uint32_t i) {
  Rng rng(c.seed, Stream::kCustomer, i + 2 * kSecondStream);
  const std::int64_t days = c.window.days();
  const std::int64_t span = std::min<std::int64_t>(days - 22, 20 + std::int64_t{s.orders} * 18);
  const std::int64_t latest = std::max<std::int64_t>(0, days - 1 - span);
  // Most customers are there from the start: the store existed before this year.
  s.signup_day = static_cast<std::uint16_t>(rng.chance(0.55) ? rng.between(0, std::min<std::int64_t>(45, latest))
                                                             : rng.between(0, latest));
}

std::string expand_pattern(Rng& rng, std::string_view pattern) {
  std::string out;
  for (char ch : pattern) {
    if (ch == '#') {
      out.push_back(static_cast<char>('0' + rng.below(10)));
    } else if (ch == '@') {
      out.push_back("ABDEFGHJLNPRSTUWXYZ"[rng.below(19)]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (std::isalnum(static_cast<unsigned char>(ch))) out.push_back(static_cast<char>(std::tolower(ch)));
  }
  return out;
}
}  // namespace

Customers build_customers(const Catalog& c, std::int64_t count, std::int64_t order_count) {
  Customers cs;
  cs.specs.resize(static_cast<std::size_t>(count));
  const Cdf country = country_cdf();
  std::vector<double> prevalence;
  for (const auto& r : regimens()) prevalence.push_back(r.prevalence);
  const Cdf conditions(prevalence);
  for (std::uint32_t i = 0; i < cs.specs.size(); ++i) {
    CustomerSpec& s = cs.specs[i];
    Rng rng(c.seed, Stream::kCustomer, i);
    s.country = static_cast<std::uint8_t>(country.sample(rng));
    const char* code = countries()[s.country].code;
    s.city = pick_city(rng, code);
    const double g = rng.unit();
    s.gender = g < 0.54 ? 'f' : g < 0.98 ? 'm' : 'o';
    s.origin = pick_origin(rng, code);
    s.name_region = std::string_view(code) == "IN" ? cities()[s.city].region : "SNWE"[rng.below(4)];
    s.first_name = static_cast<std::uint16_t>(rng.below(first_names(s).size()));
    s.last_name = static_cast<std::uint16_t>(rng.below(last_names(s).size()));
    s.condition = pick_condition(rng, conditions, s.gender);
    if (rng.chance(0.35)) {
      const std::uint8_t second = pick_condition(rng, conditions, s.gender);
      if (second != s.condition) s.condition2 = second;
    }
    s.brand = pick_brand(rng, s.name_region);
    const double a = rng.unit();
    s.addresses = a < 0.68 ? 1 : a < 0.94 ? 2 : 3;
  }
  allocate_orders(cs, c, order_count);
  for (std::uint32_t i = 0; i < cs.specs.size(); ++i) {
    choose_signup(cs.specs[i], c, i);
    cs.specs[i].first_order = cs.total_orders;
    cs.total_orders += cs.specs[i].orders;
  }
  return cs;
}

const CountryContent& country_of(const CustomerSpec& s) { return countries()[s.country]; }
const CityContent& city_of(const CustomerSpec& s) { return cities()[s.city]; }
std::string first_name(const CustomerSpec& s) { return first_names(s)[s.first_name]; }
std::string last_name(const CustomerSpec& s) { return last_names(s)[s.last_name]; }

std::string phone_number(const Catalog& c, std::uint32_t customer) {
  if (mix64(c.seed ^ 0x9403E, customer) % 4 == 0) return "";
  // A bijection of the customer index onto nine digits keeps every phone unique.
  const std::uint64_t core = (std::uint64_t{customer} * 387420489ULL + 12345ULL) % 1000000000ULL;
  std::string digits = std::to_string(core);
  digits.insert(0, 9 - digits.size(), '0');
  return std::string(1, static_cast<char>('6' + customer % 4)) + digits;
}

Address address_of(const Catalog& c, const Customers& cs, std::uint32_t customer, std::uint8_t k) {
  const CustomerSpec& s = cs.specs[customer];
  Rng rng(c.seed, Stream::kAddress, std::uint64_t{customer} * 4 + k);
  const CountryContent& country = country_of(s);
  const std::string_view code = country.code;
  const CityContent& city = k > 0 && rng.chance(0.3) ? cities()[pick_city(rng, country.code)] : city_of(s);
  Address a;
  a.type = k == 0 ? (rng.chance(0.85) ? "home" : "office") : (rng.chance(0.6) ? "office" : "other");
  a.first_name = first_name(s);
  a.last_name = last_name(s);
  const std::string phone = phone_number(c, customer);
  a.phone = phone.empty() ? "" : std::string(country.phone_prefix) + phone;
  const auto n = std::to_string(rng.between(1, 450));
  if (code == "IN") {
    if (rng.chance(0.5)) {
      a.line1 = n + ", " + indian_streets()[rng.below(indian_streets().size())];
      if (rng.chance(0.6)) a.line2 = indian_landmarks()[rng.below(indian_landmarks().size())];
    } else {
      const auto floor = std::to_string(rng.between(1, 19));
      const auto flat = std::to_string(rng.between(1, 8));
      a.line1 = "Flat " + floor + "0" + flat + ", " + indian_buildings()[rng.below(indian_buildings().size())];
      a.line2 = indian_streets()[rng.below(indian_streets().size())];
    }
  } else {
    auto streets = overseas_streets(country.code);
    const std::string street = streets[rng.below(streets.size())];
    a.line1 = code == "DE" ? street + " " + n : code == "SG" ? "Blk " + n + " " + street
              : code == "AE" ? "Villa " + n + ", " + street : n + " " + street;
    if (code == "SG") {
      const auto level = std::to_string(rng.between(2, 25));
      a.line2 = "#" + level + "-" + std::to_string(rng.between(100, 480));
    }
    if (code != "SG" && rng.chance(0.3)) a.line2 = (code == "GB" ? "Flat " : "Apt ") + std::to_string(rng.between(1, 40));
  }
  a.city = city.city;
  a.state = city.state;
  a.postal_code = expand_pattern(rng, city.postal_pattern);
  a.country = country.name;
  a.country_code = country.code;
  return a;
}

std::string email_of(const Catalog& c, const Customers& cs, std::uint32_t customer) {
  const CustomerSpec& s = cs.specs[customer];
  const std::string f = ascii_lower(first_name(s)), l = ascii_lower(last_name(s));
  std::string local;
  switch (mix64(c.seed ^ 0xE3A1, customer) % 5) {
    case 0: local = f + "." + l; break;
    case 1: local = f + l; break;
    case 2: local = f + "_" + l; break;
    case 3: local = f + "." + l.substr(0, 1); break;
    default: local = f.substr(0, 1) + l; break;
  }
  auto domains = email_domains(country_of(s).code);
  // The customer number makes every address unique (names never end in a digit).
  return local + std::to_string(customer + 1) + "@" + domains[mix64(c.seed, customer) % domains.size()];
}

}  // namespace ayc::datagen
