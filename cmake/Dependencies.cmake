# Every third-party dependency, found once, from Debian packages.
find_package(Threads REQUIRED)
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS json)
find_package(Eigen3 3.4 CONFIG REQUIRED)
find_package(RocksDB CONFIG REQUIRED)
find_package(simdjson CONFIG REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)

find_package(Xapian CONFIG REQUIRED)
if(NOT TARGET Xapian::xapian)
  add_library(Xapian::xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

# jemalloc for the indexer: a full run builds millions of small map nodes
# (Xapian's inverter, the document builder) and frees them a batch at a time;
# with glibc's malloc that took 14-15% more of the indexer's CPU and 12% more
# peak memory (bench/RESULTS.md). Not with the sanitizers, which bring their
# own allocator.
option(AYC_INDEXER_JEMALLOC "Link the indexer with jemalloc (libjemalloc-dev)" ON)
set(AYC_INDEXER_MALLOC "")
if(AYC_INDEXER_JEMALLOC AND NOT AYC_SANITIZE AND NOT AYC_FUZZ)
  find_library(AYC_JEMALLOC_LIBRARY NAMES jemalloc)
  if(AYC_JEMALLOC_LIBRARY)
    set(AYC_INDEXER_MALLOC ${AYC_JEMALLOC_LIBRARY})
  else()
    message(WARNING "jemalloc not found: the indexer uses glibc's malloc (a full run takes about 15% more CPU). "
                    "Install libjemalloc-dev (scripts/setup.sh --deps) and configure again.")
  endif()
endif()

if(AYC_BUILD_TESTS)
  find_package(Catch2 2 CONFIG REQUIRED)
  include(Catch)
endif()
