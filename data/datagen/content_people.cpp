#include "data/datagen/content_people.h"

#include <cstring>

namespace ayc::datagen {

namespace {
const CountryContent kCountries[] = {
    {"IN", "India", "INR", 0.70, "+91", "", "en|hi|ml|ta|mr|kn|bn|te"},
    {"US", "United States", "USD", 0.10, "+1", "EWR", "en"},
    {"GB", "United Kingdom", "GBP", 0.05, "+44", "LHR", "en"},
    {"AE", "United Arab Emirates", "USD", 0.05, "+971", "DXB", "en|ar|ml|hi"},
    {"CA", "Canada", "CAD", 0.03, "+1", "YYZ", "en|fr"},
    {"AU", "Australia", "AUD", 0.03, "+61", "SYD", "en"},
    {"SG", "Singapore", "USD", 0.02, "+65", "SIN", "en|ta"},
    {"DE", "Germany", "EUR", 0.02, "+49", "FRA", "de|en"},
};

const CityContent kCities[] = {
    {"Mumbai", "Maharashtra", "IN", "400###", 'W', 9, "BOM", "Asia/Kolkata"},
    {"Delhi", "Delhi", "IN", "110###", 'N', 9, "DEL", "Asia/Kolkata"},
    {"Bengaluru", "Karnataka", "IN", "560###", 'S', 9, "KOC", "Asia/Kolkata"},
    {"Chennai", "Tamil Nadu", "IN", "600###", 'S', 6, "KOC", "Asia/Kolkata"},
    {"Hyderabad", "Telangana", "IN", "500###", 'S', 6, "KOC", "Asia/Kolkata"},
    {"Kolkata", "West Bengal", "IN", "700###", 'E', 5, "DEL", "Asia/Kolkata"},
    {"Pune", "Maharashtra", "IN", "411###", 'W', 5, "BOM", "Asia/Kolkata"},
    {"Ahmedabad", "Gujarat", "IN", "380###", 'W', 4, "BOM", "Asia/Kolkata"},
    {"Kochi", "Kerala", "IN", "682###", 'S', 5, "KOC", "Asia/Kolkata"},
    {"Thiruvananthapuram", "Kerala", "IN", "695###", 'S', 3, "KOC", "Asia/Kolkata"},
    {"Kozhikode", "Kerala", "IN", "673###", 'S', 2, "KOC", "Asia/Kolkata"},
    {"Thrissur", "Kerala", "IN", "680###", 'S', 2, "KOC", "Asia/Kolkata"},
    {"Jaipur", "Rajasthan", "IN", "302###", 'N', 3, "DEL", "Asia/Kolkata"},
    {"Lucknow", "Uttar Pradesh", "IN", "226###", 'N', 3, "DEL", "Asia/Kolkata"},
    {"Chandigarh", "Chandigarh", "IN", "160###", 'N', 2, "DEL", "Asia/Kolkata"},
    {"Bhopal", "Madhya Pradesh", "IN", "462###", 'W', 2, "BOM", "Asia/Kolkata"},
    {"Indore", "Madhya Pradesh", "IN", "452###", 'W', 2, "BOM", "Asia/Kolkata"},
    {"Coimbatore", "Tamil Nadu", "IN", "641###", 'S', 2, "KOC", "Asia/Kolkata"},
    {"Madurai", "Tamil Nadu", "IN", "625###", 'S', 1, "KOC", "Asia/Kolkata"},
    {"Mysuru", "Karnataka", "IN", "570###", 'S', 1, "KOC", "Asia/Kolkata"},
    {"Mangaluru", "Karnataka", "IN", "575###", 'S', 1, "KOC", "Asia/Kolkata"},
    {"Nagpur", "Maharashtra", "IN", "440###", 'W', 2, "BOM", "Asia/Kolkata"},
    {"Surat", "Gujarat", "IN", "395###", 'W', 2, "BOM", "Asia/Kolkata"},
    {"Vadodara", "Gujarat", "IN", "390###", 'W', 1, "BOM", "Asia/Kolkata"},
    {"Patna", "Bihar", "IN", "800###", 'E', 2, "DEL", "Asia/Kolkata"},
    {"Bhubaneswar", "Odisha", "IN", "751###", 'E', 1, "DEL", "Asia/Kolkata"},
    {"Guwahati", "Assam", "IN", "781###", 'E', 1, "DEL", "Asia/Kolkata"},
    {"Dehradun", "Uttarakhand", "IN", "248###", 'N', 1, "DEL", "Asia/Kolkata"},
    {"Noida", "Uttar Pradesh", "IN", "201###", 'N', 2, "DEL", "Asia/Kolkata"},
    {"Gurugram", "Haryana", "IN", "122###", 'N', 3, "DEL", "Asia/Kolkata"},
    {"Visakhapatnam", "Andhra Pradesh", "IN", "530###", 'S', 1, "KOC", "Asia/Kolkata"},
    {"Varanasi", "Uttar Pradesh", "IN", "221###", 'N', 1, "DEL", "Asia/Kolkata"},
    {"Ludhiana", "Punjab", "IN", "141###", 'N', 1, "DEL", "Asia/Kolkata"},
    {"Ranchi", "Jharkhand", "IN", "834###", 'E', 1, "DEL", "Asia/Kolkata"},
    {"Panaji", "Goa", "IN", "403###", 'W', 1, "BOM", "Asia/Kolkata"},
    {"Edison", "New Jersey", "US", "088##", 'O', 3, "", "America/New_York"},
    {"Jersey City", "New Jersey", "US", "073##", 'O', 2, "", "America/New_York"},
    {"New York", "New York", "US", "100##", 'O', 3, "", "America/New_York"},
    {"San Jose", "California", "US", "951##", 'O', 3, "", "America/Los_Angeles"},
    {"Fremont", "California", "US", "945##", 'O', 2, "", "America/Los_Angeles"},
    {"Houston", "Texas", "US", "770##", 'O', 2, "", "America/Chicago"},
    {"Dallas", "Texas", "US", "752##", 'O', 2, "", "America/Chicago"},
    {"Chicago", "Illinois", "US", "606##", 'O', 2, "", "America/Chicago"},
    {"Seattle", "Washington", "US", "981##", 'O', 2, "", "America/Los_Angeles"},
    {"Atlanta", "Georgia", "US", "303##", 'O', 1, "", "America/New_York"},
    {"London", "England", "GB", "E# #@@", 'O', 5, "", "Europe/London"},
    {"Leicester", "England", "GB", "LE# #@@", 'O', 2, "", "Europe/London"},
    {"Birmingham", "England", "GB", "B## #@@", 'O', 2, "", "Europe/London"},
    {"Manchester", "England", "GB", "M## #@@", 'O', 1, "", "Europe/London"},
    {"Dubai", "Dubai", "AE", "00000", 'O', 5, "", "Asia/Dubai"},
    {"Abu Dhabi", "Abu Dhabi", "AE", "00000", 'O', 2, "", "Asia/Dubai"},
    {"Sharjah", "Sharjah", "AE", "00000", 'O', 2, "", "Asia/Dubai"},
    {"Toronto", "Ontario", "CA", "M#@ #@#", 'O', 3, "", "America/Toronto"},
    {"Brampton", "Ontario", "CA", "L6@ #@#", 'O', 2, "", "America/Toronto"},
    {"Vancouver", "British Columbia", "CA", "V#@ #@#", 'O', 2, "", "America/Vancouver"},
    {"Sydney", "New South Wales", "AU", "2###", 'O', 3, "", "Australia/Sydney"},
    {"Melbourne", "Victoria", "AU", "3###", 'O', 3, "", "Australia/Melbourne"},
    {"Brisbane", "Queensland", "AU", "4###", 'O', 1, "", "Australia/Brisbane"},
    {"Singapore", "Singapore", "SG", "5#####", 'O', 1, "", "Asia/Singapore"},
    {"Frankfurt", "Hesse", "DE", "603##", 'O', 2, "", "Europe/Berlin"},
    {"Berlin", "Berlin", "DE", "101##", 'O', 2, "", "Europe/Berlin"},
    {"Munich", "Bavaria", "DE", "803##", 'O', 1, "", "Europe/Berlin"},
};

const char* const kIndianFemale[] = {
    "Priya", "Anjali", "Lakshmi", "Divya", "Meera", "Kavya", "Deepa", "Sneha", "Pooja", "Neha",
    "Aishwarya", "Nandini", "Revathi", "Aparna", "Sreeja", "Anitha", "Sunita", "Ritu", "Swati",
    "Shreya", "Aarti", "Komal", "Sakshi", "Ananya", "Isha", "Radhika", "Gayathri", "Parvathy",
    "Soumya", "Shalini", "Madhuri", "Rekha", "Geeta", "Kiran", "Bhavana", "Sangeetha", "Vidya",
    "Asha", "Rupa", "Payal", "Tanvi", "Nisha", "Jyoti", "Preeti", "Aditi", "Ishita", "Riya",
    "Sushmita", "Moumita", "Arpita", "Fathima", "Shabana", "Mary", "Jincy", "Ancy"};
const char* const kIndianMale[] = {
    "Rahul", "Arjun", "Vikram", "Suresh", "Ramesh", "Anand", "Rajesh", "Amit", "Sanjay", "Vivek",
    "Arun", "Karthik", "Sreekumar", "Vishnu", "Hari", "Manoj", "Pradeep", "Gopal", "Krishna",
    "Ravi", "Sunil", "Deepak", "Nikhil", "Rohit", "Abhishek", "Aditya", "Siddharth", "Varun",
    "Harish", "Mahesh", "Naveen", "Praveen", "Girish", "Venkatesh", "Srinivas", "Balaji",
    "Ganesh", "Mohan", "Ajay", "Vijay", "Anil", "Kunal", "Rohan", "Saurabh", "Ankit", "Gaurav",
    "Sourav", "Debashish", "Arnab", "Imran", "Faisal", "Joseph", "Thomas", "Jijo", "Bibin"};
const char* const kSouthLast[] = {
    "Nair", "Menon", "Pillai", "Kurup", "Varma", "Iyer", "Iyengar", "Reddy", "Rao", "Naidu",
    "Krishnan", "Subramanian", "Gowda", "Shetty", "Hegde", "Kamath", "Thomas", "George",
    "Joseph", "Kurian", "Mathew", "Varghese", "Namboothiri", "Panicker", "Warrier", "Raman"};
const char* const kNorthLast[] = {
    "Sharma", "Verma", "Gupta", "Agarwal", "Singh", "Chauhan", "Yadav", "Mishra", "Tiwari",
    "Pandey", "Srivastava", "Kapoor", "Malhotra", "Khanna", "Mehra", "Bhatia", "Arora", "Sethi",
    "Saxena", "Chaudhary", "Rawat", "Negi", "Khan", "Ahmed"};
const char* const kWestLast[] = {
    "Patel", "Shah", "Desai", "Mehta", "Joshi", "Kulkarni", "Deshpande", "Patil", "Jadhav",
    "Pawar", "Shinde", "Gokhale", "Bhatt", "Trivedi", "Parikh", "Naik", "Sawant", "Kamble"};
const char* const kEastLast[] = {
    "Banerjee", "Chatterjee", "Mukherjee", "Das", "Bose", "Ghosh", "Sen", "Dutta", "Roy",
    "Mohanty", "Patnaik", "Sinha", "Jha", "Prasad", "Baruah", "Mahato"};
const char* const kWesternFemale[] = {"Emma", "Olivia", "Sophie", "Emily", "Sarah", "Jessica",
                                      "Hannah", "Laura", "Anna", "Julia", "Grace", "Chloe",
                                      "Charlotte", "Lena", "Claire", "Megan"};
const char* const kWesternMale[] = {"James", "John", "Michael", "David", "Daniel", "Thomas",
                                    "Matthew", "Lukas", "Oliver", "Jack", "Ryan", "Andrew",
                                    "Christopher", "Felix", "Samuel", "Noah"};
const char* const kWesternLast[] = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller",
                                    "Wilson", "Taylor", "Anderson", "Clarke", "Walker", "Wright",
                                    "Mueller", "Schmidt", "Fischer", "Tan", "Lim", "Wong", "Martin",
                                    "Thompson"};
const char* const kArabicFemale[] = {"Fatima", "Aisha", "Mariam", "Noura", "Layla", "Huda"};
const char* const kArabicMale[] = {"Ahmed", "Mohammed", "Omar", "Khalid", "Yousef", "Hamad"};
const char* const kArabicLast[] = {"Al Mansoori", "Al Hashimi", "Hassan", "Rahman", "Al Falasi",
                                   "Al Marzouqi"};

const char* const kIndianStreets[] = {
    "MG Road", "Gandhi Road", "Station Road", "Temple Street", "Church Road", "Nehru Nagar",
    "Shastri Nagar", "Main Road", "2nd Cross Road", "4th Main Road", "Link Road", "Ring Road",
    "Park Street", "Lake View Road", "Hill Road", "Subhash Marg", "Tilak Road", "Rajaji Street",
    "Anna Salai", "Market Road", "College Road", "Hospital Road", "Canal Road", "Bazaar Street",
    "Sector 21", "Sector 62", "Phase 2", "Ward 14", "Civil Lines", "Model Town"};
const char* const kIndianBuildings[] = {
    "Lotus Residency", "Green Park Apartments", "Sai Krupa", "Shanti Niketan", "Prestige Lakeside",
    "Sobha Dream Acres", "Kumar Pacific", "Skyline Ivy League", "Heera Towers", "Golden Nest",
    "Ganga Heights", "Shree Ganesh Society", "Palm Grove", "Silver Oak Enclave", "DLF Park Place"};
const char* const kIndianLandmarks[] = {
    "Near Bus Stand", "Opp. SBI Bank", "Behind Government Hospital", "Near Shiva Temple",
    "Opposite Post Office", "Near Railway Station", "Next to Reliance Fresh", "Near Water Tank",
    "Behind Police Station", "Near St. Mary's Church", "Opp. Municipal Park", "Near Jama Masjid"};
const char* const kUsStreets[] = {"Main Street", "Oak Avenue", "Maple Drive", "Park Avenue",
                                  "Elm Street", "Washington Street", "Lake Shore Drive",
                                  "Cedar Lane", "Sunset Boulevard", "Hillcrest Road"};
const char* const kUkStreets[] = {"High Street", "Station Road", "Church Lane", "Victoria Road",
                                  "Park Road", "Belgrave Road", "Green Lane", "Mill Road"};
const char* const kAeStreets[] = {"Al Wasl Road", "Sheikh Zayed Road", "Al Nahda Street",
                                  "Khalid Bin Waleed Road", "Al Barsha 1", "Jumeirah Village Circle"};
const char* const kCaStreets[] = {"Queen Street", "King Street", "Yonge Street", "Main Street",
                                  "Maple Avenue", "Bovaird Drive"};
const char* const kAuStreets[] = {"George Street", "Pitt Street", "Collins Street",
                                  "Victoria Parade", "Church Street", "Parramatta Road"};
const char* const kSgStreets[] = {"Tampines Street 81", "Ang Mo Kio Avenue 3",
                                  "Jurong West Street 52", "Serangoon Road", "Bukit Timah Road"};
const char* const kDeStreets[] = {"Hauptstrasse", "Bahnhofstrasse", "Goethestrasse",
                                  "Berliner Strasse", "Schillerstrasse", "Kaiserstrasse"};
const char* const kIndianMail[] = {"gmail.com", "gmail.com", "gmail.com", "yahoo.co.in",
                                   "rediffmail.com", "outlook.com", "hotmail.com"};
const char* const kOverseasMail[] = {"gmail.com", "gmail.com", "outlook.com", "yahoo.com",
                                     "icloud.com", "hotmail.com"};
}  // namespace

std::span<const CountryContent> countries() { return kCountries; }
std::span<const CityContent> cities() { return kCities; }

std::span<const char* const> indian_first_names(char gender) {
  return gender == 'f' ? std::span<const char* const>(kIndianFemale) : kIndianMale;
}
std::span<const char* const> indian_last_names(char region) {
  switch (region) {
    case 'S': return kSouthLast;
    case 'W': return kWestLast;
    case 'E': return kEastLast;
    default: return kNorthLast;
  }
}
std::span<const char* const> western_first_names(char gender) {
  return gender == 'f' ? std::span<const char* const>(kWesternFemale) : kWesternMale;
}
std::span<const char* const> western_last_names() { return kWesternLast; }
std::span<const char* const> arabic_first_names(char gender) {
  return gender == 'f' ? std::span<const char* const>(kArabicFemale) : kArabicMale;
}
std::span<const char* const> arabic_last_names() { return kArabicLast; }
std::span<const char* const> indian_streets() { return kIndianStreets; }
std::span<const char* const> indian_buildings() { return kIndianBuildings; }
std::span<const char* const> indian_landmarks() { return kIndianLandmarks; }

std::span<const char* const> overseas_streets(const char* code) {
  if (std::strcmp(code, "US") == 0) return kUsStreets;
  if (std::strcmp(code, "GB") == 0) return kUkStreets;
  if (std::strcmp(code, "AE") == 0) return kAeStreets;
  if (std::strcmp(code, "CA") == 0) return kCaStreets;
  if (std::strcmp(code, "AU") == 0) return kAuStreets;
  if (std::strcmp(code, "SG") == 0) return kSgStreets;
  return kDeStreets;
}

std::span<const char* const> email_domains(const char* code) {
  return std::strcmp(code, "IN") == 0 ? std::span<const char* const>(kIndianMail) : kOverseasMail;
}

}  // namespace ayc::datagen
