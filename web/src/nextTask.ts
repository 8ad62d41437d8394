// Ends the current task so that the browser can paint and answer input before the next
// step of start-up: a task over 50 ms blocks the page (Lighthouse counts it as blocking
// time), so start-up runs as a series of short steps. scheduler.yield() resumes ahead of
// other queued tasks where there is one; elsewhere a MessageChannel message (a timeout
// nested this deep would be clamped to 4 ms).
type Scheduler = { yield?: () => Promise<void> };

export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
