# ssproj_set_warnings(target): strict warnings on the project's own targets only.
function(ssproj_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion)
  # GCC 12 reports a false -Wrestrict on std::string concatenation (GCC bug 105329).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(SSPROJ_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
