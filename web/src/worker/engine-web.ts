// The page's engine in its worker: the same Embind glue as the module's, but with the wasm
// as its own file. Over http it is compiled while it downloads, from beside the worker's
// own file (or where a Blob URL worker's prelude says); from file:// it arrives as base64
// (web/src/engineWorker.ts). scripts/build.mjs puts this module in place of the
// single-file engine for the worker's bundle only.
import createGlue from 'nnplay-engine-glue';

const WASM_NAME = 'nnplay-engine.wasm';

interface WasmSource { url?: string; base64?: string }
type Imports = WebAssembly.Imports;
type Receive = (instance: WebAssembly.Instance, module: WebAssembly.Module) => void;

// Where the page's prelude did not say, the wasm is next to this worker's file.
function besideWorker(): WasmSource | undefined {
  const here = self.location;
  return here.protocol === 'http:' || here.protocol === 'https:' ? { url: new URL(WASM_NAME, here.href).href } : undefined;
}

async function compile(source: WasmSource | undefined): Promise<WebAssembly.Module> {
  if (source?.base64) return WebAssembly.compile(Uint8Array.from(atob(source.base64), (c) => c.charCodeAt(0)));
  if (!source?.url) throw new Error('the page did not say where the engine (nnplay-engine.wasm) is');
  const missing = (why: string) => Object.assign(new Error(`${source.url}: ${why}`), { missingFile: WASM_NAME });
  const response = await fetch(source.url).catch((e: Error) => {
    throw missing(e.message);
  });
  if (!response.ok) throw missing(`HTTP ${response.status}`);
  // Streaming needs the server to send application/wasm; otherwise compile the bytes.
  if (response.headers.get('content-type')?.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

export default async function createNnplayEngine(options: Record<string, unknown> = {}): Promise<unknown> {
  const module = await compile((self as unknown as { __nnplayWasm?: WasmSource }).__nnplayWasm ?? besideWorker());
  return createGlue({
    ...options,
    locateFile: (name: string) => name,  // else the glue resolves it against import.meta.url, empty in this bundle
    instantiateWasm(imports: Imports, receive: Receive) {
      WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module));
      return {};
    },
  });
}
