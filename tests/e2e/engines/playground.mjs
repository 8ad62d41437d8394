// The playground page's states, as predicates for waitFor (index.mjs): sent to the page as
// source, so each stands alone.

/** The page says it is ready: the worker has loaded the engine (the loading line is hidden). */
export const pageReady = () => document.getElementById('loading')?.hidden === true;

/** The engine is there, the first snapshot is drawn and the dataset thumbnails are painted. */
export const engineLoaded = () => window.__nnplay?.snapshot && document.getElementById('loading').hidden
  && [...document.querySelectorAll('#datasets canvas')].every((c) => c.getContext('2d').getImageData(0, 0, 1, 1).data[3] === 255);

/** The current snapshot and the Play button, as plain data. */
export const playState = () => {
  const s = window.__nnplay?.snapshot;
  return {
    epoch: s?.epoch ?? null,
    snapshotPlaying: s?.playing ?? null,
    button: document.getElementById('play').classList.contains('playing'),
    loss: s?.metrics?.loss ?? null,
    status: document.getElementById('status').hidden ? '' : document.getElementById('status').textContent,
  };
};

/** A copy of the page's URL state. */
export const pageState = () => JSON.parse(JSON.stringify(window.__nnplay.state));
