# Emscripten 3.1.6 (Debian) set-up; the traps and their fixes are in docs/TOOLCHAIN.md.

# acorn-optimizer.js needs node-acorn from /usr/share/nodejs, which Node 20 does not search.
set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)

# Expose only the header-only libraries: -I/usr/include would let glibc's headers shadow
# the wasm sysroot.
set(NNPLAY_ISO_INCLUDE "${CMAKE_BINARY_DIR}/iso_include")
file(MAKE_DIRECTORY "${NNPLAY_ISO_INCLUDE}")
foreach(dir xtensor xtl xsimd catch2)
  if(EXISTS "/usr/include/${dir}" AND NOT EXISTS "${NNPLAY_ISO_INCLUDE}/${dir}")
    file(CREATE_LINK "/usr/include/${dir}" "${NNPLAY_ISO_INCLUDE}/${dir}" SYMBOLIC)
  endif()
endforeach()
add_library(xtensor INTERFACE)
target_include_directories(xtensor SYSTEM INTERFACE "${NNPLAY_ISO_INCLUDE}")
add_library(nnplay_catch2 INTERFACE)
target_include_directories(nnplay_catch2 SYSTEM INTERFACE "${NNPLAY_ISO_INCLUDE}")
add_library(Catch2::Catch2 ALIAS nnplay_catch2)
list(APPEND CMAKE_MODULE_PATH /usr/lib/cmake/Catch2)

# C++ exceptions as wasm exceptions; 128-bit SIMD so that loops (fast_tanh, the affine
# kernels) vectorise as natively; float->int without trap checks; memset/memcpy as single
# instructions. Node 20, Chromium, Firefox and Safari 16.4+ run all four. On compile AND link.
set(NNPLAY_WASM_FLAGS -fwasm-exceptions -msimd128 -mnontrapping-fptoint -mbulk-memory)

# emcmake's emulator adds --experimental-wasm-threads, which Node 20 rejects.
find_program(NODE_EXECUTABLE node REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${NODE_EXECUTABLE}")

# Programs with main() run by node: synchronous instantiation (3.1.6 would fetch() a path).
set(NNPLAY_NODE_PROGRAM_FLAGS -sENVIRONMENT=node -sWASM_ASYNC_COMPILATION=0 -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1)
