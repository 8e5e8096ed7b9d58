# Checking builds: clang's sanitizers and libFuzzer, for the CI stages of
# scripts/test.sh (asan, tsan, fuzz). A normal build sets neither option and
# is unchanged by this file.
#
#   -DINFRADIGEST_SANITIZE=address,undefined   ASan + UBSan; every finding aborts
#   -DINFRADIGEST_SANITIZE=thread              TSan
#   -DINFRADIGEST_FUZZ=ON                      also instrument every object for
#                                              libFuzzer and build fuzz/ (with ASan+UBSan)
#
# Everything is compiled with one set of flags, so the ASan test run and the
# fuzz targets share one build (build-asan/): the coverage instrumentation
# libFuzzer needs costs the tests little, and compiling the core twice costs minutes.
set(INFRADIGEST_SANITIZE "" CACHE STRING "Sanitizers of a checking build: address,undefined or thread (clang)")
option(INFRADIGEST_FUZZ "Instrument for libFuzzer and build the fuzz targets in fuzz/ (clang)" OFF)

if(NOT INFRADIGEST_SANITIZE AND NOT INFRADIGEST_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "Sanitizer and fuzz builds need clang (Debian package clang): "
                      "configure with -DCMAKE_CXX_COMPILER=clang++")
endif()
if(INFRADIGEST_FUZZ AND NOT INFRADIGEST_SANITIZE STREQUAL "address,undefined")
  message(FATAL_ERROR "INFRADIGEST_FUZZ=ON needs -DINFRADIGEST_SANITIZE=address,undefined")
endif()

# Optimised like RelWithDebInfo but with assertions on: no NDEBUG, and
# libstdc++'s bounds checks (operator[], front(), back() on empty containers),
# which catch reads within a vector's capacity that ASan cannot see. -g1
# (line tables) is all a symbolized stack trace needs and builds much faster
# than -g.
set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O1 -g1")
add_compile_definitions(_GLIBCXX_ASSERTIONS)
add_compile_options(-fsanitize=${INFRADIGEST_SANITIZE} -fno-omit-frame-pointer)
add_link_options(-fsanitize=${INFRADIGEST_SANITIZE})
if(INFRADIGEST_SANITIZE MATCHES "undefined")
  # A UBSan finding stops the program (and fails its test) instead of printing and going on.
  add_compile_options(-fno-sanitize-recover=all)
endif()
if(INFRADIGEST_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Unity build: each object compiles 8 sources at once, so the heavy headers
# (nlohmann/json, fmt, toml++, gtest, httplib) are parsed and their templates
# instantiated once per 8 files instead of once per file. About twice as fast
# here, which keeps the sanitizer stages inside CI's time budget. Its price:
# file-local names (anonymous namespaces, statics) must not collide with
# another file's in the same target; when two files need the same helper,
# it belongs in a shared header (core/, tests/test_support.h) anyway.
# The normal build stays one object per file, so it still catches a missing #include.
if(NOT DEFINED CMAKE_UNITY_BUILD)
  set(CMAKE_UNITY_BUILD ON)
endif()
