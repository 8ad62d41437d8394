// Starts the training worker from its inlined source through a Blob URL (works over http,
// in an iframe and from file://, docs/TOOLCHAIN.md §3) and tells it where the engine's
// wasm is: over http its URL (compiled while it streams in), from file:// its bytes (a
// worker cannot fetch file:// URLs, so the page loads them as a classic script). Under a
// strict Content-Security-Policy or Trusted Types it either starts or says why not.
import workerSource from 'worker-source';
import { t } from './i18n/index.js';
import { besideApp, loadScript, trusted } from './loadScript.js';

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
  const start = (prelude: string) => {
    worker = create(prelude, fail);
    if (!worker) return;
    worker.onmessage = (e) => (receive ? receive(e) : inbox.push(e));
    for (const m of queue.splice(0)) worker.postMessage(m);
  };
  const wasm = besideApp(WASM_FILE);
  if (wasm.protocol === 'http:' || wasm.protocol === 'https:') start(`self.__nnplayWasm=${JSON.stringify({ url: wasm.href })};\n`);
  else {
    loadScript(WASM_SCRIPT).then(
      () => start(`self.__nnplayWasm=${JSON.stringify({ base64: (window as unknown as { nnplayWasmBase64: string }).nnplayWasmBase64 })};\n`),
      (e: Error) => fail(`${t('engineError')}: ${e.message} ${t('notLoaded')}`),
    );
  }
  return handle;
}

function create(prelude: string, fail: Fail): Worker | null {
  const url = URL.createObjectURL(new Blob([prelude, workerSource], { type: 'text/javascript' }));
  let blocked = false;
  // A worker-src without blob: refuses the worker without an error message of its own.
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    if (e.blockedURI.startsWith('blob') && /worker-src|script-src|default-src/.test(e.effectiveDirective)) {
      blocked = true;
      fail(t('cspWorker'));
    }
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  try {
    const worker = new Worker(trusted(url) as string);
    worker.addEventListener('error', (e) => {
      if (!blocked) fail(`${t('engineError')}: ${e.message || t('workerFailed')}`);
    });
    return worker;
  } catch (e) {
    fail((e as Error).name === 'TypeError' && /Trusted/i.test((e as Error).message) ? t('cspTrustedTypes') : `${t('engineError')}: ${(e as Error).message}`);
    return null;
  }
}
