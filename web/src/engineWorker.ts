// Starts the training worker and tells it where the engine's wasm is.
// - Over http the worker is a file of its own, nnplay-worker.js next to app.js: the browser
//   fetches and compiles it off the main thread, and the worker finds nnplay-engine.wasm
//   beside itself (compiled while it streams in). Where the page may not start a worker
//   from that URL (app.js on another origin, an iframe sandboxed without same-origin: a
//   SecurityError at once), a Blob URL worker imports the same file instead.
// - From file:// a worker can be started only from a Blob URL and cannot fetch
//   (docs/TOOLCHAIN.md §3): the worker's code and the wasm's bytes arrive as classic scripts.
// Under a strict Content-Security-Policy or Trusted Types it either starts or says why not.
import { t } from './i18n/index.js';
import { besideApp, loadScript, trusted } from './loadScript.js';
import { fileOf, showLoadProblem } from './loadProblem.js';

export const WORKER_FILE = 'nnplay-worker.js';
export const WORKER_SCRIPT = 'nnplay-worker.src.js';  // the same code as a string, for file://
export const WASM_FILE = 'nnplay-engine.wasm';
export const WASM_SCRIPT = 'nnplay-engine.wasm.js';  // the same bytes as base64, for file://

type Fail = (why: string) => void;

// postMessage calls made before the worker exists (file://: while the bytes load) are queued,
// and so are the worker's messages until the page sets onmessage (the worker starts first,
// so that the engine loads while the page builds its views).
export interface EngineWorker {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
}

export function startWorker(report: Fail): EngineWorker {
  const fail: Fail = (why) => queueMicrotask(() => report(why));  // never while the page is still setting up
  const queue: unknown[] = [];
  const inbox: MessageEvent[] = [];
  let worker: Worker | null = null;
  let receive: EngineWorker['onmessage'] = null;
  const handle: EngineWorker = {
    get onmessage() {
      return receive;
    },
    set onmessage(f) {
      receive = f;
      if (f) for (const e of inbox.splice(0)) f(e);
    },
    postMessage: (m) => (worker ? worker.postMessage(m) : queue.push(m)),
  };
  const started = (w: Worker | null) => {
    worker = w;
    if (!worker) return;
    worker.onmessage = (e) => (receive ? receive(e) : inbox.push(e));
    for (const m of queue.splice(0)) worker.postMessage(m);
  };
  const file = besideApp(WORKER_FILE);
  if (file.protocol === 'http:' || file.protocol === 'https:') started(fromFile(file, fail));
  else {
    Promise.all([loadScript(WORKER_SCRIPT), loadScript(WASM_SCRIPT)]).then(
      () => {
        const g = window as unknown as { nnplayWorkerSource: string; nnplayWasmBase64: string };
        started(fromBlob(`self.__nnplayWasm=${JSON.stringify({ base64: g.nnplayWasmBase64 })};\n${g.nnplayWorkerSource}`, fail));
      },
      (e: Error) => showLoadProblem(fileOf(e.message)),
    );
  }
  return handle;
}

function fromFile(file: URL, fail: Fail): Worker | null {
  try {
    return watched(() => new Worker(trusted(file.href) as string), file.href, "worker-src 'self'", fail);
  } catch (e) {
    if ((e as Error).name !== 'SecurityError') return failed(e, fail);
    const wasm = besideApp(WASM_FILE).href;
    return fromBlob(`self.__nnplayWasm=${JSON.stringify({ url: wasm })};\nimportScripts(${JSON.stringify(file.href)});\n`, fail);
  }
}

function fromBlob(source: string, fail: Fail): Worker | null {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return watched(() => new Worker(trusted(url) as string), 'blob:', "worker-src 'self' blob:", fail);
  } catch (e) {
    return failed(e, fail);
  }
}

// A Content-Security-Policy that refuses the worker's URL fires an event, not an error
// message of its own: name the rule the page needs. A worker that fails to load otherwise
// says so. make() may throw (a SecurityError, Trusted Types): the caller decides.
function watched(make: () => Worker, url: string, needs: string, fail: Fail): Worker {
  let blocked = false;
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    if (e.blockedURI.startsWith(url) && /worker-src|script-src|default-src/.test(e.effectiveDirective)) {
      blocked = true;
      fail(t('cspWorker').replace('{needs}', needs));
    }
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  let worker: Worker;
  try {
    worker = make();
  } catch (e) {
    document.removeEventListener('securitypolicyviolation', onViolation);
    throw e;
  }
  // An error event without a message: the worker's script did not load (a 404, a network
  // error); with one, the worker failed while it ran.
  worker.addEventListener('error', (e) => {
    if (blocked) return;
    if (e.message) fail(`${t('engineError')}: ${e.message}`);
    else if (url === 'blob:') fail(`${t('engineError')}: ${t('workerFailed')}`);
    else showLoadProblem(fileOf(url));
  });
  return worker;
}

function failed(e: unknown, fail: Fail): null {
  fail((e as Error).name === 'TypeError' && /Trusted/i.test((e as Error).message) ? t('cspTrustedTypes') : `${t('engineError')}: ${(e as Error).message}`);
  return null;
}
