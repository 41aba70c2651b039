# Warnings are errors for our own targets only (third-party code is built in grammars/).
function(genlens_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror)
endfunction()
