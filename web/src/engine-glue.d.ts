// The training worker's bundled code, inlined by the build (scripts/build.mjs) so that the
// page also works from file:// (a Blob URL worker needs no second request).
declare module 'worker-source' {
  const source: string;
  export default source;
}
// The engine's glue without the wasm inlined (bindings/CMakeLists.txt: nnplay_engine_web).
declare module 'nnplay-engine-glue' {
  const create: (options: Record<string, unknown>) => Promise<unknown>;
  export default create;
}
