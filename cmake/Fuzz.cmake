# genlens_fuzz_target(): one libFuzzer target of tests/fuzz/.
#
#   genlens_fuzz_target(NAME yaml_fuzz SOURCES yaml_fuzz.cpp LIBS genlens_parse
#                       FORMAT yaml MAX_LEN 16384 DICT dicts/yaml.dict
#                       SEEDS <dirs...>
#                       CORPUS_GLOBS *.yaml *.yml [CORPUS_MATCH <regex>])
#
# CORPUS_GLOBS: when GENLENS_CORPUS_DIR (the real-world corpus, never
# copied into the repository) exists, configuring copies a deterministic
# sample of its files matching the globs, at most MAX_LEN bytes and, with
# CORPUS_MATCH, containing a line that matches the regex, into
# <build>/fuzz-seeds/<name>/, an extra seed directory. Without the corpus the
# target runs from its other seeds.
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

set(GENLENS_FUZZ_CORPUS_SAMPLE 16 CACHE STRING
    "Files of GENLENS_CORPUS_DIR sampled as seeds per fuzz target (0: none)")

set(_genlens_fuzz_list "${CMAKE_BINARY_DIR}/fuzz-targets.txt")
if(GENLENS_FUZZ)
  file(WRITE "${_genlens_fuzz_list}"
       "# name|binary|max_len|dict|seed dirs (:-separated); written by cmake/Fuzz.cmake\n")
  add_custom_target(genlens_fuzz_targets)
endif()

# Copies every n-th of the corpus files that fit (sorted by path, so the
# same corpus gives the same sample) into <build>/fuzz-seeds/<name>/; sets
# `out` to that directory, or to "" when there is no corpus or no file fits.
function(_genlens_corpus_sample out name max_bytes match)
  set(${out} "" PARENT_SCOPE)
  set(dest "${CMAKE_BINARY_DIR}/fuzz-seeds/${name}")
  file(REMOVE_RECURSE "${dest}")
  if(NOT IS_DIRECTORY "${GENLENS_CORPUS_DIR}" OR NOT GENLENS_FUZZ_CORPUS_SAMPLE GREATER 0
     OR NOT ARGN)
    return()
  endif()
  set(patterns)
  foreach(glob IN LISTS ARGN)
    list(APPEND patterns "${GENLENS_CORPUS_DIR}/${glob}")
  endforeach()
  file(GLOB_RECURSE candidates LIST_DIRECTORIES false ${patterns})
  list(SORT candidates)
  set(fit)
  foreach(f IN LISTS candidates)
    file(SIZE "${f}" bytes)
    if(bytes EQUAL 0 OR bytes GREATER max_bytes)
      continue()
    endif()
    if(match)
      file(STRINGS "${f}" hit REGEX "${match}" LIMIT_COUNT 1)
      if(NOT hit)
        continue()
      endif()
    endif()
    list(APPEND fit "${f}")
  endforeach()
  list(LENGTH fit n)
  if(n EQUAL 0)
    return()
  endif()
  file(MAKE_DIRECTORY "${dest}")
  math(EXPR step "(${n} + ${GENLENS_FUZZ_CORPUS_SAMPLE} - 1) / ${GENLENS_FUZZ_CORPUS_SAMPLE}")
  foreach(i RANGE 0 ${n} ${step})
    if(i EQUAL n)
      break()
    endif()
    list(GET fit ${i} f)
    file(RELATIVE_PATH rel "${GENLENS_CORPUS_DIR}" "${f}")
    string(REPLACE "/" "__" flat "${rel}")
    file(COPY_FILE "${f}" "${dest}/${flat}")
  endforeach()
  set(${out} "${dest}" PARENT_SCOPE)
endfunction()

function(genlens_fuzz_target)
  cmake_parse_arguments(F "" "NAME;FORMAT;MAX_LEN;DICT;CORPUS_MATCH"
                        "SOURCES;LIBS;SEEDS;CORPUS_GLOBS" ${ARGN})
  set(regress_dir "${PROJECT_SOURCE_DIR}/testdata/parse/${F_FORMAT}")
  _genlens_corpus_sample(sampled ${F_NAME} ${F_MAX_LEN} "${F_CORPUS_MATCH}" ${F_CORPUS_GLOBS})
  set(seeds)
  list(APPEND F_SEEDS "${regress_dir}" ${sampled})
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
