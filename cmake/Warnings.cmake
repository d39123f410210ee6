# Warnings in one place, applied to every Haven target through an interface target.
add_library(haven_warnings INTERFACE)
add_library(haven::warnings ALIAS haven_warnings)
target_compile_options(haven_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                       -Wconversion-null)
# GCC 12's -Wrestrict misfires on ordinary std::string concatenation at -O2 and above
# (GCC bug 105329), which would fail CI's -Werror build on correct code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(haven_warnings INTERFACE -Wno-restrict)
endif()
if(HAVEN_WERROR)
  target_compile_options(haven_warnings INTERFACE -Werror)
endif()
