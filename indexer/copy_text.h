// Parses one line of PostgreSQL's COPY ... TO STDOUT text format into fields.
//
// Fields are tab-separated; \N is NULL (returned as nullopt); backslash
// escapes (\t \n \r \\ \b \f \v and octal) are decoded.
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ayc::indexer {

std::vector<std::optional<std::string>> parse_copy_line(std::string_view line);

}  // namespace ayc::indexer
