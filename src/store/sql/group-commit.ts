/**
 * @module Group commit: audit appends made while a write is pending go to disk together.
 *
 * Every append must be durable before its caller hears back, and a durable commit costs a disk
 * flush (about a millisecond here) that dwarfs the insert itself. Under concurrent load (a server
 * answering many `verify` calls) appends that arrive in the same turn of the event loop, or while
 * the previous batch is being written, share one transaction and one flush, in the order they
 * were made. A caller's promise still settles only once its own event is on disk.
 */

/** Writes a batch in one transaction; answers one output per input, in order. */
export type WriteBatch<I, O> = (inputs: I[]) => Promise<O[]>;

interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Wraps `writeBatch` so single writes are grouped. When a batch fails, its writes are retried one
 * by one: an event the store refuses fails its own caller, never the others in its batch.
 */
export function groupCommits<I, O>(writeBatch: WriteBatch<I, O>): (input: I) => Promise<O> {
  let queue: Pending<I, O>[] = [];
  let scheduled = false;
  let writing = false;

  const writeOne = (entry: Pending<I, O>): Promise<void> =>
    writeBatch([entry.input]).then(
      ([output]) => entry.resolve(output!),
      (error: unknown) => entry.reject(error),
    );

  const flush = async (): Promise<void> => {
    scheduled = false;
    if (writing || queue.length === 0) return;
    writing = true;
    const batch = queue;
    queue = [];
    try {
      if (batch.length === 1) await writeOne(batch[0]!);
      else {
        const outputs = await writeBatch(batch.map((entry) => entry.input)).catch(() => undefined);
        if (outputs) batch.forEach((entry, index) => entry.resolve(outputs[index]!));
        else for (const entry of batch) await writeOne(entry);
      }
    } finally {
      writing = false;
      // Appends that arrived during the write are the next batch.
      if (queue.length > 0) schedule();
    }
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    // After this turn's callbacks have run, so every append they make joins the batch.
    setImmediate(() => void flush());
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!writing) schedule();
    });
}
