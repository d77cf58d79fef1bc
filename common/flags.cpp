#include "common/flags.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace ayc {

Result<std::int64_t> parse_int(std::string_view text, std::int64_t min, std::int64_t max,
                               std::string_view what) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
    return Status::InvalidArgument(std::string(what) + " must be an integer, got '" +
                                   std::string(text) + "'");
  }
  if (v < min || v > max) {
    return Status::InvalidArgument(std::string(what) + " must be between " + std::to_string(min) +
                                   " and " + std::to_string(max) + ", got " + std::to_string(v));
  }
  return v;
}

Result<double> parse_double(std::string_view text, double min, double max, std::string_view what) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v)) {
    return Status::InvalidArgument(std::string(what) + " must be a number, got '" +
                                   std::string(text) + "'");
  }
  if (v < min || v > max) {
    std::ostringstream m;
    m << what << " must be between " << min << " and " << max << ", got " << v;
    return Status::InvalidArgument(m.str());
  }
  return v;
}

FlagSet::FlagSet(std::string program, std::string summary)
    : program_(std::move(program)), summary_(std::move(summary)) {}

void FlagSet::add(Flag flag) { flags_.push_back(std::move(flag)); }

FlagSet::Flag* FlagSet::find(std::string_view name) {
  for (auto& f : flags_)
    if (f.name == name) return &f;
  return nullptr;
}

void FlagSet::add_string(std::string name, std::string env, std::string help, std::string* target) {
  add({std::move(name), std::move(env), std::move(help), *target, false,
       [target](std::string_view v) {
         *target = std::string(v);
         return Status::Ok();
       }});
}

void FlagSet::add_int(std::string name, std::string env, std::string help, std::int64_t* target,
                      std::int64_t min, std::int64_t max) {
  std::string flag = "--" + name;
  add({std::move(name), std::move(env), std::move(help), std::to_string(*target), false,
       [=](std::string_view v) {
         AYC_ASSIGN_OR_RETURN(auto r, parse_int(v, min, max, flag));
         *target = r;
         return Status::Ok();
       }});
}

void FlagSet::add_double(std::string name, std::string env, std::string help, double* target,
                         double min, double max) {
  std::string flag = "--" + name;
  std::ostringstream def;
  def << *target;
  add({std::move(name), std::move(env), std::move(help), def.str(), false,
       [=](std::string_view v) {
         AYC_ASSIGN_OR_RETURN(auto r, parse_double(v, min, max, flag));
         *target = r;
         return Status::Ok();
       }});
}

void FlagSet::add_bool(std::string name, std::string env, std::string help, bool* target) {
  std::string flag = "--" + name;
  add({std::move(name), std::move(env), std::move(help), *target ? "true" : "false", true,
       [=](std::string_view v) {
         if (v == "1" || v == "true" || v == "yes" || v == "on") {
           *target = true;
         } else if (v == "0" || v == "false" || v == "no" || v == "off") {
           *target = false;
         } else {
           return Status::InvalidArgument(flag + " must be true or false, got '" + std::string(v) + "'");
         }
         return Status::Ok();
       }});
}

Status FlagSet::parse(int argc, const char* const* argv) {
  std::vector<std::string> problems;
  for (auto& f : flags_) {
    if (f.env.empty()) continue;
    if (const char* v = std::getenv(f.env.c_str()); v != nullptr && *v != '\0') {
      Status s = f.set(v);
      if (!s.ok()) problems.push_back(s.message() + " (from $" + f.env + ")");
    }
  }
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      help_requested_ = true;
      continue;
    }
    if (arg.substr(0, 2) != "--") {
      problems.push_back("unexpected argument '" + std::string(arg) + "'");
      continue;
    }
    arg.remove_prefix(2);
    std::string_view name = arg;
    std::string_view value;
    bool has_value = false;
    if (auto eq = arg.find('='); eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    Flag* f = find(name);
    if (f == nullptr) {
      problems.push_back("unknown flag --" + std::string(name));
      continue;
    }
    if (!has_value) {
      if (f->is_switch) {
        value = "true";
      } else if (i + 1 < argc) {
        value = argv[++i];
      } else {
        problems.push_back("--" + f->name + " needs a value");
        continue;
      }
    }
    Status s = f->set(value);
    if (!s.ok()) problems.push_back(s.message());
  }
  if (problems.empty()) return Status::Ok();
  std::string joined;
  for (const auto& p : problems) joined += (joined.empty() ? "" : "; ") + p;
  return Status::InvalidArgument(joined);
}

std::string FlagSet::usage() const {
  std::ostringstream out;
  out << "Usage: " << program_ << " [flags]\n" << summary_ << "\n\nFlags:\n";
  for (const auto& f : flags_) {
    out << "  --" << f.name << (f.is_switch ? "" : " VALUE") << "\n      " << f.help;
    if (!f.default_text.empty() && f.name != "pg") out << " (default: " << f.default_text << ")";
    if (!f.env.empty()) out << " [env " << f.env << "]";
    out << "\n";
  }
  out << "  --help\n      Show this help and exit.\n";
  return out.str();
}

int handle_parse_result(const FlagSet& flags, const Status& parsed, const std::string& program) {
  if (flags.help_requested()) {
    std::cout << flags.usage();
    return 0;
  }
  if (!parsed.ok()) {
    std::cerr << program << ": " << parsed.message() << " (see --help)\n";
    return 2;
  }
  return -1;
}

}  // namespace ayc
