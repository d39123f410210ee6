# Warnings in one place, applied to every Haven target through an interface target.
add_library(haven_warnings INTERFACE)
add_library(haven::warnings ALIAS haven_warnings)
target_compile_options(haven_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                       -Wconversion-null)
if(HAVEN_WERROR)
  target_compile_options(haven_warnings INTERFACE -Werror)
endif()
