import { defineConfig } from "tsup";

// One bundle per entry point: the core stays free of Node built-ins and heavy dependencies.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    xlsx: "src/xlsx.ts",
    docx: "src/docx.ts",
    node: "src/node/index.ts",
    pdf: "src/pdf.ts",
    cli: "src/cli/main.ts",
    // processFiles starts its worker threads from this file, next to the bundle that imports it.
    worker: "src/node/worker.ts",
    // extractPdfTextIsolated reads PDFs in a worker thread started from this file.
    "pdf-worker": "src/node/pdf-worker.ts",
  },
  format: ["esm"],
  target: "node20",
  platform: "node",
  clean: true,
  splitting: true,
  dts: { entry: { index: "src/index.ts", xlsx: "src/xlsx.ts", docx: "src/docx.ts", node: "src/node/index.ts", pdf: "src/pdf.ts" } },
});
