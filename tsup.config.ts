import { defineConfig } from "tsup";

// The package's entry points by weight: each public entry is a bundle of its own (and an "exports" subpath in
// package.json, "./<name>" → dist/<name>.js), so that an app pays only for the entries it imports. The core
// stays free of Node built-ins, model weights and exceljs. To add an entry, add it here and in package.json.
const PUBLIC = {
  index: "src/index.ts",
  taxonomy: "src/taxonomy.ts",
  classify: "src/classify.ts",
  xlsx: "src/xlsx.ts",
  docx: "src/docx.ts",
  node: "src/node/index.ts",
};

export default defineConfig({
  entry: {
    ...PUBLIC,
    cli: "src/cli/main.ts",
    // processFiles starts its worker threads from this file, next to the bundle that imports it.
    worker: "src/node/worker.ts",
    // The XML readers in files of their own (not entries of the package): an app that reads only CSV then
    // leaves out the whole file, and with it saxes (CommonJS: a bundler keeps any saxes import it sees).
    "readers/xlsx": "src/ingest/xlsx.ts",
    "readers/docx": "src/ingest/docx.ts",
  },
  format: ["esm"],
  target: "node20",
  platform: "node",
  clean: true,
  splitting: true,
  dts: { entry: PUBLIC },
});
