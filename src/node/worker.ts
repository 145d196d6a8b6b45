// A worker thread of processFiles: reads the files it is sent, one at a time, and posts the results
// back (in parts for large files, each waiting for the main thread's "ack" so memory stays bounded).
// Rendered text travels as bytes whose buffer is transferred: no copy, no serialisation.
import { parentPort } from "node:worker_threads";
import { type Delivery, readTask, type FromWorker, type ToWorker } from "./task.js";

/** Rendered text is moved to the main thread, not copied (its buffer is the delivery's own). */
const moved = (d: Delivery): ArrayBuffer[] => (d.rendered ? [d.rendered.buffer as ArrayBuffer] : []);

const port = parentPort;
if (port) {
  const acks = new Map<number, () => void>();
  port.on("message", (m: ToWorker) => {
    if (m.type === "ack") {
      const ack = acks.get(m.id);
      acks.delete(m.id);
      ack?.();
      return;
    }
    void readTask(m, (part) =>
      new Promise<void>((resolve) => {
        acks.set(m.id, resolve);
        port.postMessage({ type: "part", id: m.id, part } satisfies FromWorker, moved(part));
      }),
    ).then((done) => port.postMessage({ type: "done", id: m.id, result: done } satisfies FromWorker, moved(done)));
  });
}
