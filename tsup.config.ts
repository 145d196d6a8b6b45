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
  pdf: "src/pdf.ts",
};

export default defineConfig({
  entry: {
    ...PUBLIC,
    cli: "src/cli/main.ts",
    // processFiles starts its worker threads from this file, next to the bundle that imports it.
    worker: "src/node/worker.ts",
    // extractPdfTextIsolated reads PDFs in a worker thread started from this file.
    "pdf-worker": "src/node/pdf-worker.ts",
    // Not a package entry: the CSV reader as an entry of its own, so that the shared chunks hold nothing it
    // uses beside what it does not (chunks group the modules the same entries reach). A bundler keeps each
    // import of a CommonJS package in a file it uses: an app that reads only CSV then leaves the XML readers'
    // saxes out (npm run weight checks it).
    "readers/csv": "src/ingest/csv.ts",
  },
  format: ["esm"],
  target: "node20",
  platform: "node",
  clean: true,
  splitting: true,
  dts: { entry: PUBLIC },
});
