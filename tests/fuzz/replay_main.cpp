// main() for the fuzz targets outside a libFuzzer build: runs
// LLVMFuzzerTestOneInput once on every file named on the command line, or in
// a directory named there (sorted), and reports how many it ran. A broken
// invariant aborts, as under libFuzzer; so a GCC sanitizer build replays the
// seed corpus and the saved crashes without clang:
//
//   fuzz_http tests/fuzz/corpus/fuzz_http tests/fuzz/regressions/fuzz_http
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg = argv[i];
    if (arg.string().rfind("-", 0) == 0) continue;  // libFuzzer flags: nothing to do here
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(arg))
        if (entry.is_regular_file()) files.push_back(entry.path());
      std::sort(files.begin(), files.end());
      inputs.insert(inputs.end(), files.begin(), files.end());
    } else if (fs::exists(arg, ec)) {
      inputs.push_back(arg);
    }  // a directory that does not exist (no regressions yet) is no input
  }
  for (const auto& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "running %s (%zu bytes)\n", path.c_str(), bytes.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::fprintf(stderr, "%s: %zu inputs ran without a failure\n", argv[0], inputs.size());
  return 0;
}
