// Compiler hints shared by the engine's sources.
#pragma once

// On set-up code that runs once per model (factories, parsers): compile it for size. In the
// wasm build the page downloads every byte, and such code inlines a great deal.
#if defined(__clang__)
#define NNPLAY_COLD __attribute__((minsize))
#elif defined(__GNUC__)
#define NNPLAY_COLD __attribute__((cold))
#else
#define NNPLAY_COLD
#endif
