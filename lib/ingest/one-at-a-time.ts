/**
 * Snapshots are prepared (parsed, checked, collapsed: Node's work, before the ingest lock) one at a time, in
 * the order they arrived. Preparing runs in slices with turns of the event loop between them, so two large
 * snapshots prepared together would interleave and both finish late: the first would take the lock only when
 * the second was nearly ready too. In turn, the first writes (Postgres's work) while the second is prepared.
 */
let tail: Promise<unknown> = Promise.resolve();

/** Waits for the caller's turn; the function it returns ends the turn (calling it again does nothing). */
export function awaitTurn(): Promise<() => void> {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const turn = tail.then(() => end);
  tail = tail.then(() => ended);
  return turn;
}
