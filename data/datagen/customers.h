// Customers: who they are, where they live, what condition brings them to the
// store (a regimen), which brand they trust, and how many orders they place.
// Kept compact in memory; names and addresses are rendered on demand.
//
// Thread-safety: immutable after build_customers(); pure functions after that.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/datagen/catalog.h"
#include "data/datagen/content_people.h"
#include "data/datagen/row.h"

namespace ayc::datagen {

struct CustomerSpec {
  std::uint8_t country = 0;      // index into countries()
  std::uint8_t city = 0;         // index into cities()
  char gender = 'f';             // 'f', 'm' or 'o'
  char origin = 'I';             // names: 'I'ndian, 'W'estern, 'A'rabic
  char name_region = 'N';        // region of an Indian surname
  std::uint8_t condition = 0;    // index into regimens()
  std::int16_t condition2 = -1;  // a second regimen, or -1
  std::uint16_t first_name = 0;
  std::uint16_t last_name = 0;
  std::uint16_t signup_day = 0;  // days after the window start
  std::uint16_t brand = 0xFFFF;  // preferred brand, or 0xFFFF
  std::uint8_t addresses = 1;
  std::uint32_t orders = 0;
  std::uint64_t first_order = 0; // global index of this customer's first order
};

struct Customers {
  std::vector<CustomerSpec> specs;
  std::uint64_t total_orders = 0;
};

// `order_count` orders are shared out over the customers (a few loyal ones
// place many; about one in eight never orders).
Customers build_customers(const Catalog& c, std::int64_t count, std::int64_t order_count);

struct Address {
  std::string type;
  std::string first_name;
  std::string last_name;
  std::string phone;
  std::string line1;
  std::string line2;
  std::string city;
  std::string state;
  std::string postal_code;
  std::string country;       // "India"
  std::string country_code;  // "IN"
};

std::string first_name(const CustomerSpec& s);
std::string last_name(const CustomerSpec& s);
// Ten digits without the country prefix; "" when none is on file.
std::string phone_number(const Catalog& c, std::uint32_t customer);
std::string email_of(const Catalog& c, const Customers& cs, std::uint32_t customer);
Address address_of(const Catalog& c, const Customers& cs, std::uint32_t customer, std::uint8_t k);
const CountryContent& country_of(const CustomerSpec& s);
// When the customer signed up (seconds since the epoch).
std::int64_t customer_created_at(const Catalog& c, const CustomerSpec& s, std::uint32_t i);
const CityContent& city_of(const CustomerSpec& s);

extern const TableSpec kUsersTable;
extern const TableSpec kProfilesTable;
extern const TableSpec kAddressesTable;
void write_users(const Catalog& c, const Customers& cs, RowSink& out);
void write_profiles(const Catalog& c, const Customers& cs, RowSink& out);
void write_addresses(const Catalog& c, const Customers& cs, RowSink& out);

}  // namespace ayc::datagen
