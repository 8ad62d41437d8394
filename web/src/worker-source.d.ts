// The training worker's bundled code, inlined by the build (scripts/build.mjs) so that the
// page also works from file:// (a Blob URL worker needs no second request).
declare module 'worker-source' {
  const source: string;
  export default source;
}
