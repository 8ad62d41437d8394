// The engine's glue without the wasm inlined (bindings/CMakeLists.txt: nnplay_engine_web).
declare module 'nnplay-engine-glue' {
  const create: (options: Record<string, unknown>) => Promise<unknown>;
  export default create;
}
