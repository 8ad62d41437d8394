// Helpers for the embedding journeys (an article with <nnplay-playground id="pg">, or an iframe):
// the embedded page's frame, the events the article recorded, and the frame's height against
// its content's.
import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { REPO, waitFor } from './support.mjs';

/** The events docs/EMBEDDING.md documents (web/src/embed-events.ts, bundled for Node). */
export async function documentedEvents() {
  const out = await esbuild.build({ entryPoints: [path.join(REPO, 'web/src/embed-events.ts')], bundle: true, format: 'esm', write: false, logLevel: 'error' });
  return (await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`)).EMBED_EVENTS;
}

/** Each event carries exactly the fields docs/EMBEDDING.md lists for it. */
export function assertDocumented(EVENTS, e) {
  const doc = EVENTS.find((d) => d.type === e.type);
  assert.ok(doc, `undocumented event ${e.type}`);
  const keys = Object.keys(e).filter((k) => !['event', 'source', 'type'].includes(k));
  assert.deepEqual(keys.filter((k) => !doc.optional?.includes(k)).sort(), Object.keys(doc.fields).filter((k) => !doc.optional?.includes(k)).sort(), `fields of ${e.type}`);
  for (const k of keys) assert.ok(k in doc.fields, `${e.type}: field ${k} is documented`);
  assert.equal(e.source, 'nnplay');
}

/** The frame of the page inside <nnplay-playground id="pg">, once its engine has sent a snapshot. */
export async function frameOf(page, urlPart = '/nnplay/index.html') {
  await waitFor(page, () => document.getElementById('pg')?.shadowRoot?.querySelector('iframe')?.contentWindow?.__nnplay?.snapshot, undefined,
    { what: 'the page inside <nnplay-playground id="pg"> to start', seen: () => document.getElementById('pg')?.shadowRoot?.querySelector('iframe')?.src ?? 'no element or iframe' });
  return page.frames().find((f) => f.url().includes(urlPart));
}

/** The events of one type the article recorded (fixtures/articles/record.js). */
export const events = (page, type) => page.evaluate((t) => window.events.filter((e) => e.event === t), type);
export const waitEvent = (page, type, n = 1) => waitFor(page, ([t, k]) => window.events.filter((e) => e.event === t).length >= k, [type, n],
  { what: `${n} "${type}" event(s)`, seen: () => window.events.map((e) => e.event) });

/** The element's iframe's height, its content's height, and the content's scroll and client heights. */
const SIZES = () => {
  const f = document.getElementById('pg').shadowRoot.querySelector('iframe');
  const d = f.contentDocument.documentElement;
  return { frame: f.getBoundingClientRect().height, content: d.getBoundingClientRect().height, scroll: d.scrollHeight, client: d.clientHeight };
};
export const sizes = (page) => page.evaluate(SIZES);

/** Waits until the element's iframe is as tall as its page's content (within 1 px). */
export const heightFollowed = (page, what = 'the element as tall as its page\'s content') => waitFor(page, () => {
  const f = document.getElementById('pg').shadowRoot.querySelector('iframe');
  return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.getBoundingClientRect().height) <= 1;
}, undefined, { what, seen: SIZES });

