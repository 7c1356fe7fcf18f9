/**
 * Snapshots are prepared (parsed, checked, collapsed: Node's work, before the ingest lock) one at a time, in
 * the order they arrived. Preparing runs in slices with turns of the event loop between them, so two large
 * snapshots prepared together would interleave and both finish late: the first would take the lock only when
 * the second was nearly ready too. In turn, the first writes (Postgres's work) while the second is prepared.
 */
let tail: Promise<unknown> = Promise.resolve();

export function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = tail.then(work, work);
  tail = turn.catch(() => undefined);
  return turn;
}
