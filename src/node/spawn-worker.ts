import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";

/**
 * Start a worker thread on one of the package's entry files (`name` without extension): built,
 * `dist/<name>.js` next to this bundle; from sources (tests, tsx), `<name>.ts` through tsx's loader.
 * `preload` lists modules (resolved URLs) that the worker loads before tsx when run from sources: large
 * plain JavaScript such as pdf.js would cost seconds to pass through tsx.
 * @example
 * const w = spawnWorker("worker", { maxOldGenerationSizeMb: 1024 });
 */
export function spawnWorker(name: string, resourceLimits: ResourceLimits, preload: readonly string[] = []): Worker {
  const here = import.meta.url;
  if (!/\.ts$/.test(here)) return new Worker(new URL(`./${name}.js`, here), { resourceLimits });
  // tsx's ESM API (the CommonJS one cannot register from an eval'd worker).
  const tsx = pathToFileURL(createRequire(here).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
  const entry = new URL(`./${name}.ts`, here).href;
  const first = preload.map((url) => `import(${JSON.stringify(url)})`).join(", ");
  const code = `Promise.all([${first}]).then((m) => { globalThis.__uprMatrixPreloaded = m; }).then(() => import(${JSON.stringify(tsx)})).then((api) => api.register()).then(() => import(${JSON.stringify(entry)}));`;
  return new Worker(code, { eval: true, resourceLimits });
}
