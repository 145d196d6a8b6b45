// A worker thread of processFiles: reads the files it is sent, one at a time, and posts the results
// back (in parts for large files, each waiting for the main thread's "ack" so memory stays bounded).
import { parentPort } from "node:worker_threads";
import { readTask, type FromWorker, type ToWorker } from "./task.js";

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
        port.postMessage({ type: "part", id: m.id, part } satisfies FromWorker);
      }),
    ).then((done) => port.postMessage({ type: "done", id: m.id, result: done } satisfies FromWorker));
  });
}
