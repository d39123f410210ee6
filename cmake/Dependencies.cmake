# Every dependency comes from Debian 12 packages (scripts/setup.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(cereal REQUIRED)
find_package(Threads REQUIRED)
# The C++ build of Lua, so a Lua error crossing C++ frames unwinds them (runs destructors).
pkg_check_modules(LUA REQUIRED IMPORTED_TARGET lua5.4-c++)
pkg_check_modules(SQLITE REQUIRED IMPORTED_TARGET sqlite3)

# RapidJSON (through cereal) must never use its full-precision number parser (it can crash on a
# crafted number, rapidjson#1251) nor its recursive parser (deep nesting overflows the stack).
# Both spellings: Debian's cereal uses the system RapidJSON, upstream cereal its bundled copy.
add_library(haven_rapidjson_config INTERFACE)
target_compile_definitions(haven_rapidjson_config INTERFACE
  RAPIDJSON_PARSE_DEFAULT_FLAGS=kParseIterativeFlag
  CEREAL_RAPIDJSON_PARSE_DEFAULT_FLAGS=kParseIterativeFlag
  RAPIDJSON_HAS_STDSTRING=1)
