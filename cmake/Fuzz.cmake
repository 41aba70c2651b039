# genlens_fuzz_target(): one libFuzzer target of tests/fuzz/.
#
#   genlens_fuzz_target(NAME yaml_fuzz SOURCES yaml_fuzz.cpp LIBS genlens_parse
#                       FORMAT yaml MAX_LEN 16384 DICT dicts/yaml.dict
#                       SEEDS <dirs...>)
#
# With GENLENS_FUZZ=ON (build-fuzz/, clang) the target is linked with
# libFuzzer and gets a ctest case `fuzz.<name>.run` (label `fuzz`) that fuzzes
# for GENLENS_FUZZ_CI_SECONDS, starting from the seeds and from
# testdata/parse/<FORMAT>/ (the crash reproducers), with its working corpus
# in <build>/corpus/<name>/ and crashes in <build>/crashes/<name>/.
# tools/fuzz.sh (`make fuzz`) reads <build>/fuzz-targets.txt for the same
# settings.
#
# Otherwise (build/, build-asan/) the target is linked with
# standalone_main.cpp and `fuzz.<name>.regress` runs it once over every seed
# and every reproducer, so each crash ever found stays fixed in every build.
include_guard(GLOBAL)

set(GENLENS_FUZZ_CI_SECONDS 12 CACHE STRING
    "Seconds each fuzz target runs as a ctest case of the fuzz build (make test)")
set(GENLENS_FUZZ_RSS_LIMIT_MB 2048 CACHE STRING "libFuzzer -rss_limit_mb")
set(GENLENS_FUZZ_TIMEOUT 10 CACHE STRING "libFuzzer -timeout (seconds per input)")

set(_genlens_fuzz_list "${CMAKE_BINARY_DIR}/fuzz-targets.txt")
if(GENLENS_FUZZ)
  file(WRITE "${_genlens_fuzz_list}"
       "# name|binary|max_len|dict|seed dirs (:-separated); written by cmake/Fuzz.cmake\n")
  add_custom_target(genlens_fuzz_targets)
endif()

function(genlens_fuzz_target)
  cmake_parse_arguments(F "" "NAME;FORMAT;MAX_LEN;DICT" "SOURCES;LIBS;SEEDS" ${ARGN})
  set(regress_dir "${PROJECT_SOURCE_DIR}/testdata/parse/${F_FORMAT}")
  set(seeds)
  list(APPEND F_SEEDS "${regress_dir}")
  list(REMOVE_DUPLICATES F_SEEDS)
  foreach(dir IN LISTS F_SEEDS)
    if(IS_DIRECTORY "${dir}")
      list(APPEND seeds "${dir}")
    endif()
  endforeach()

  add_executable(${F_NAME} ${F_SOURCES})
  target_link_libraries(${F_NAME} PRIVATE ${F_LIBS})
  target_include_directories(${F_NAME} PRIVATE "${PROJECT_SOURCE_DIR}/src")
  target_compile_definitions(${F_NAME} PRIVATE GENLENS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  genlens_warnings(${F_NAME})

  if(GENLENS_FUZZ)
    target_compile_options(${F_NAME} PRIVATE -fsanitize=fuzzer)
    target_link_options(${F_NAME} PRIVATE -fsanitize=fuzzer)
    add_dependencies(genlens_fuzz_targets ${F_NAME})
    set(corpus "${CMAKE_BINARY_DIR}/corpus/${F_NAME}")
    set(crashes "${CMAKE_BINARY_DIR}/crashes/${F_NAME}")
    file(MAKE_DIRECTORY "${corpus}" "${crashes}")
    set(dict_arg)
    if(F_DICT)
      set(dict_arg "-dict=${CMAKE_CURRENT_SOURCE_DIR}/${F_DICT}")
    endif()
    add_test(NAME fuzz.${F_NAME}.run
             COMMAND ${F_NAME} -max_total_time=${GENLENS_FUZZ_CI_SECONDS} -max_len=${F_MAX_LEN}
                     -timeout=${GENLENS_FUZZ_TIMEOUT} -rss_limit_mb=${GENLENS_FUZZ_RSS_LIMIT_MB}
                     -print_final_stats=1 -artifact_prefix=${crashes}/ ${dict_arg}
                     "${corpus}" ${seeds})
    math(EXPR limit "${GENLENS_FUZZ_CI_SECONDS} + 300")
    set_tests_properties(fuzz.${F_NAME}.run PROPERTIES LABELS fuzz TIMEOUT ${limit})
    set(dict_path "")
    if(F_DICT)
      set(dict_path "${CMAKE_CURRENT_SOURCE_DIR}/${F_DICT}")
    endif()
    list(JOIN seeds ":" seed_text)
    file(APPEND "${_genlens_fuzz_list}"
         "${F_NAME}|${CMAKE_CURRENT_BINARY_DIR}/${F_NAME}|${F_MAX_LEN}|${dict_path}|${seed_text}\n")
  else()
    target_sources(${F_NAME} PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/standalone_main.cpp")
    add_test(NAME fuzz.${F_NAME}.regress COMMAND ${F_NAME} ${seeds})
    set_tests_properties(fuzz.${F_NAME}.regress PROPERTIES LABELS fuzz-regress)
  endif()
endfunction()
