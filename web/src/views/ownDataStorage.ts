// Own data as kept in localStorage, read back under the page's own limit: a stored list
// longer than maxPoints (another build, another tab, a hand edit) keeps its first maxPoints
// points and says how many it had; a list that is not what the page writes is not used,
// and says so. No DOM here, so the rule is tested without a browser.
export interface StoredOwnData {
  points: number[];   // x0, y0, x1, y1, …
  classes: number[];  // 0, 1 or 2 per point
  found: number;      // points in storage (more than kept when capped)
  unreadable: boolean;  // something was stored, but not own data as the page writes it
}

export function readOwnData(text: string | null, maxPoints: number): StoredOwnData {
  const none = { points: [], classes: [], found: 0 };
  if (text === null) return { ...none, unreadable: false };
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    return { ...none, unreadable: true };
  }
  const s = saved as { points?: unknown; classes?: unknown } | null;
  if (!s || !Array.isArray(s.points) || !Array.isArray(s.classes) || s.points.length !== s.classes.length * 2) return { ...none, unreadable: true };
  const found = s.classes.length;
  const kept = Math.min(found, maxPoints);
  const points = s.points.slice(0, kept * 2), classes = s.classes.slice(0, kept);
  const ok = points.every((v: unknown) => typeof v === 'number' && Math.abs(v) <= 6) && classes.every((c: unknown) => c === 0 || c === 1 || c === 2);
  return ok ? { points, classes, found, unreadable: false } : { ...none, unreadable: true };
}

export const ownDataText = (points: number[], classes: number[]): string => JSON.stringify({ points, classes });
