# Warnings are errors for our own targets only (third-party code is built in grammars/).
function(genlens_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror)
  # GCC 12 at -O3 (CMAKE_BUILD_TYPE=Release) reports -Wrestrict on plain
  # std::string concatenation inside libstdc++ (GCC bug 105329): keep the
  # warning, but do not let that false positive fail a release build.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12)
    target_compile_options(${target} PRIVATE -Wno-error=restrict)
  endif()
endfunction()
