#include "common/markup.h"

#include <cstdint>
#include <optional>
#include <utility>

#include "common/text.h"

namespace ayc::text {

namespace {

enum class TagKind { kInline, kBlock, kRawText };

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The elements HTML defines that product copy uses; any other "<word" is text.
std::optional<TagKind> tag_kind(std::string_view name) {
  static const char* const kBlock[] = {
      "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "div",
      "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
      "head", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
      "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", nullptr};
  static const char* const kInline[] = {"a",   "abbr", "b",    "bdi",  "bdo",    "big",  "cite",   "code", "del",
                                        "dfn", "em",   "font", "i",    "img",    "ins",  "kbd",    "label", "link",
                                        "mark", "meta", "q",   "s",    "samp",   "small", "span",  "strike",
                                        "strong", "sub", "sup", "time", "tt",    "u",    "var",    "wbr", nullptr};
  if (name == "script" || name == "style") return TagKind::kRawText;
  for (const char* const* t = kBlock; *t != nullptr; ++t)
    if (name == *t) return TagKind::kBlock;
  for (const char* const* t = kInline; *t != nullptr; ++t)
    if (name == *t) return TagKind::kInline;
  return std::nullopt;
}

struct Tag {
  TagKind kind;
  bool closing;
  std::string name;
  std::size_t end;  // one past '>'
};

// The tag starting at in[at] == '<', if it is one.
std::optional<Tag> read_tag(std::string_view in, std::size_t at) {
  constexpr std::size_t kMaxTagLength = 2048;
  std::size_t i = at + 1;
  Tag tag{TagKind::kInline, false, {}, 0};
  if (i < in.size() && in[i] == '/') {
    tag.closing = true;
    ++i;
  }
  while (i < in.size() && (is_letter(in[i]) || (is_digit(in[i]) && !tag.name.empty()))) tag.name += ascii_lower(in[i++]);
  if (tag.name.empty() || i >= in.size() || !(in[i] == '>' || in[i] == '/' || is_space(in[i]))) return std::nullopt;
  const auto kind = tag_kind(tag.name);
  if (!kind) return std::nullopt;
  tag.kind = *kind;
  char quote = 0;  // inside an attribute value quoted with this
  for (; i < in.size() && i - at < kMaxTagLength; ++i) {
    if (quote != 0) {
      if (in[i] == quote) quote = 0;
    } else if (in[i] == '"' || in[i] == '\'') {
      quote = in[i];
    } else if (in[i] == '>') {
      tag.end = i + 1;
      return tag;
    } else if (in[i] == '<') {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// Where `</name` starts at or after `from`, ASCII case-insensitively.
std::size_t find_closing(std::string_view in, std::size_t from, std::string_view name) {
  for (std::size_t i = in.find("</", from); i != std::string_view::npos; i = in.find("</", i + 2)) {
    std::size_t k = 0;
    while (k < name.size() && i + 2 + k < in.size() && ascii_lower(in[i + 2 + k]) == name[k]) ++k;
    if (k == name.size()) return i;
  }
  return std::string_view::npos;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<std::uint32_t> named_entity(std::string_view name) {
  struct Entity {
    const char* name;
    std::uint32_t cp;
  };
  static const Entity kEntities[] = {
      {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
      {"nbsp", ' '},     {"ensp", ' '},     {"emsp", ' '},     {"thinsp", ' '},   {"ndash", 0x2013},
      {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
      {"hellip", 0x2026}, {"bull", 0x2022}, {"middot", 0xB7},  {"deg", 0xB0},     {"reg", 0xAE},
      {"trade", 0x2122}, {"copy", 0xA9},    {"times", 0xD7},   {"divide", 0xF7},  {"plusmn", 0xB1},
      {"frac12", 0xBD},  {"frac14", 0xBC},  {"frac34", 0xBE},  {"micro", 0xB5},   {"euro", 0x20AC},
      {"pound", 0xA3},   {"cent", 0xA2},    {"yen", 0xA5},     {"laquo", 0xAB},   {"raquo", 0xBB},
      {"eacute", 0xE9},  {"egrave", 0xE8},  {"aacute", 0xE1},  {"iacute", 0xED},  {"oacute", 0xF3},
      {"uacute", 0xFA},  {"auml", 0xE4},    {"ouml", 0xF6},    {"uuml", 0xFC},    {"ntilde", 0xF1},
      {"ccedil", 0xE7},  {"shy", 0xAD},     {"zwj", 0x200D},   {"zwnj", 0x200C},
  };
  for (const auto& e : kEntities)
    if (name == e.name) return e.cp;
  return std::nullopt;
}

// The character reference starting at in[at] == '&' and its length; nullopt
// when it is not one we know (left as written).
std::optional<std::pair<std::uint32_t, std::size_t>> read_reference(std::string_view in, std::size_t at) {
  std::size_t i = at + 1;
  std::uint32_t cp = 0;
  if (i < in.size() && in[i] == '#') {
    ++i;
    const bool hex = i < in.size() && (in[i] == 'x' || in[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_from = i;
    for (; i < in.size() && i - digits_from < 7; ++i) {
      const char c = ascii_lower(in[i]);
      const int d = is_digit(c) ? c - '0' : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
      if (d < 0) break;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    if (i == digits_from || i >= in.size() || in[i] != ';') return std::nullopt;
    const bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
    if (control || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = ' ';  // never a valid character
    if (cp == 0xA0) cp = ' ';
    return std::make_pair(cp, i + 1 - at);
  }
  const std::size_t name_from = i;
  while (i < in.size() && i - name_from <= 8 && (is_letter(in[i]) || is_digit(in[i]))) ++i;
  if (i == name_from || i >= in.size() || in[i] != ';') return std::nullopt;
  const auto named = named_entity(in.substr(name_from, i - name_from));
  if (!named) return std::nullopt;
  return std::make_pair(*named, i + 1 - at);
}

// Collapses the whitespace of text that had tags, the way a browser shows
// it: source line breaks are spaces, kBreak (a block's end) is one line break.
constexpr char kBreak = '\x01';
std::string collapse_whitespace(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  bool space = false, line_break = false;
  for (char c : in) {
    if (c == kBreak) {
      line_break = true;
    } else if (is_space(c)) {
      space = true;
    } else {
      if (!out.empty() && (line_break || space)) out += line_break ? '\n' : ' ';
      space = line_break = false;
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string markup_to_text(std::string_view in) {
  if (in.find_first_of("<&") == std::string_view::npos) return std::string(in);
  std::string out;
  out.reserve(in.size());
  bool saw_tag = false;
  std::size_t i = 0;
  while (i < in.size()) {
    const char c = in[i];
    if (c == '&') {
      if (auto ref = read_reference(in, i)) {
        append_utf8(out, ref->first);
        i += ref->second;
        continue;
      }
    } else if (c == '<' && in.compare(i, 4, "<!--") == 0) {
      const std::size_t end = in.find("-->", i + 4);
      if (end != std::string_view::npos) {
        saw_tag = true;
        i = end + 3;
        continue;
      }
    } else if (c == '<') {
      if (auto tag = read_tag(in, i)) {
        saw_tag = true;
        i = tag->end;
        if (tag->kind == TagKind::kBlock) out += kBreak;
        if (tag->kind == TagKind::kRawText && !tag->closing) {  // skip the script or style itself
          const std::size_t close = find_closing(in, i, tag->name);
          const std::size_t close_end = close == std::string_view::npos ? close : in.find('>', close);
          i = close_end == std::string_view::npos ? in.size() : close_end + 1;
        }
        continue;
      }
    }
    out += c == kBreak ? ' ' : c;
    ++i;
  }
  return saw_tag ? collapse_whitespace(out) : out;
}

}  // namespace ayc::text
