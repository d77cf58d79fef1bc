// Rows of users, user_profiles and user_addresses.
#include <algorithm>
#include <string>

#include "data/datagen/customers.h"
#include "data/datagen/json.h"

namespace ayc::datagen {

const TableSpec kUsersTable{"users",
                            {"id", "email", "phone", "password_hash", "first_name", "last_name",
                             "date_of_birth", "gender", "profile_picture_url", "email_verified",
                             "phone_verified", "is_active", "last_login_at", "created_at", "updated_at"}};
const TableSpec kProfilesTable{"user_profiles",
                               {"id", "user_id", "preferred_language", "timezone",
                                "communication_preferences", "health_profile", "marketing_consent",
                                "newsletter_subscription", "created_at", "updated_at"}};
const TableSpec kAddressesTable{"user_addresses",
                                {"id", "user_id", "type", "first_name", "last_name", "phone",
                                 "address_line_1", "address_line_2", "city", "state", "postal_code",
                                 "country", "is_default", "created_at", "updated_at"}};

namespace {
}  // namespace

std::int64_t customer_created_at(const Catalog& c, const CustomerSpec& s, std::uint32_t i) {
  return c.window.start_seconds() + std::int64_t{s.signup_day} * kSecondsPerDay +
         static_cast<std::int64_t>(mix64(c.seed ^ 0x516, i) % kSecondsPerDay);
}

namespace {

std::string bcrypt_like(Rng& rng) {
  static const char kAlphabet[] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string h = "$2b$12$";
  for (int i = 0; i < 53; ++i) h.push_back(kAlphabet[rng.below(64)]);
  return h;
}

const char* gender_name(char g) { return g == 'f' ? "female" : g == 'm' ? "male" : "other"; }
}  // namespace

void write_users(const Catalog& c, const Customers& cs, RowSink& out) {
  Row row;
  for (std::uint32_t i = 0; i < cs.specs.size(); ++i) {
    const CustomerSpec& s = cs.specs[i];
    Rng rng(c.seed, Stream::kUser, i);
    const std::int64_t created = customer_created_at(c, s, i);
    const std::int64_t age_days = static_cast<std::int64_t>(rng.normal(40, 11) * 365.25);
    const std::int64_t dob = c.window.end_day - std::clamp<std::int64_t>(age_days, 18 * 366, 80 * 365);
    const std::string phone = phone_number(c, i);
    const Uuid id = make_uuid(c.seed, Stream::kUser, i);
    const bool logged_in = rng.chance(0.95);
    const std::int64_t last_login = created + static_cast<std::int64_t>(
                                                  rng.unit() * static_cast<double>(c.window.end_seconds() - created - 1));
    row.clear();
    row.uuid(id).text(email_of(c, cs, i)).text_or_null(phone.empty() ? "" : country_of(s).phone_prefix + phone)
        .text(bcrypt_like(rng)).text(first_name(s)).text(last_name(s));
    if (rng.chance(0.8)) {
      row.date(dob);
    } else {
      row.null();
    }
    if (rng.chance(0.97)) {
      row.text(gender_name(s.gender));
    } else {
      row.null();
    }
    row.text_or_null(rng.chance(0.2) ? "https://cdn.ayurvedacart.com/avatars/" + id.str() + ".jpg" : "")
        .boolean(rng.chance(0.86)).boolean(!phone.empty() && rng.chance(0.7)).boolean(rng.chance(0.97));
    if (logged_in) {
      row.timestamp(last_login);
    } else {
      row.null();
    }
    row.timestamp(created).timestamp(logged_in ? last_login : created);
    out.put(row);
  }
}

void write_profiles(const Catalog& c, const Customers& cs, RowSink& out) {
  static const char* const kDoshas[] = {"vata", "pitta", "kapha", "vata-pitta", "pitta-kapha", "vata-kapha"};
  static const char* const kDiets[] = {"vegetarian", "vegetarian", "non-vegetarian", "eggetarian", "vegan"};
  Row row;
  for (std::uint32_t i = 0; i < cs.specs.size(); ++i) {
    const CustomerSpec& s = cs.specs[i];
    Rng rng(c.seed, Stream::kProfile, i);
    auto languages = split_list(country_of(s).languages);
    const std::string_view language = rng.chance(0.65) ? languages[0] : languages[rng.below(languages.size())];
    Json prefs, health;
    prefs.begin_object().field_bool("email", rng.chance(0.8)).field_bool("sms", rng.chance(0.5))
        .field_bool("whatsapp", rng.chance(0.6)).field_bool("push", rng.chance(0.4)).end_object();
    health.begin_object();
    if (rng.chance(0.75)) {
      health.field("dosha", kDoshas[rng.below(6)]).key("concerns").begin_array().string(regimens()[s.condition].condition);
      if (s.condition2 >= 0) health.string(regimens()[static_cast<std::size_t>(s.condition2)].condition);
      health.end_array().field("diet", kDiets[rng.below(5)]);
    }
    health.end_object();
    const std::int64_t created = customer_created_at(c, s, i) + 5;
    row.clear();
    row.uuid(make_uuid(c.seed, Stream::kProfile, i)).uuid(make_uuid(c.seed, Stream::kUser, i)).text(language)
        .text(city_of(s).timezone).text(prefs.str()).text(health.str()).boolean(rng.chance(0.45))
        .boolean(rng.chance(0.7)).timestamp(created).timestamp(created);
    out.put(row);
  }
}

void write_addresses(const Catalog& c, const Customers& cs, RowSink& out) {
  Row row;
  for (std::uint32_t i = 0; i < cs.specs.size(); ++i) {
    const CustomerSpec& s = cs.specs[i];
    for (std::uint8_t k = 0; k < s.addresses; ++k) {
      const Address a = address_of(c, cs, i, k);
      const std::int64_t created = customer_created_at(c, s, i) + 60 + k * 86400LL * 20;
      const std::int64_t when = std::min(created, c.window.end_seconds() - 1);
      row.clear();
      row.uuid(make_uuid(c.seed, Stream::kAddress, std::uint64_t{i} * 4 + k)).uuid(make_uuid(c.seed, Stream::kUser, i))
          .text(a.type).text(a.first_name).text(a.last_name).text_or_null(a.phone).text(a.line1)
          .text_or_null(a.line2).text(a.city).text(a.state).text(a.postal_code).text(a.country).boolean(k == 0)
          .timestamp(when).timestamp(when);
      out.put(row);
    }
  }
}

}  // namespace ayc::datagen
