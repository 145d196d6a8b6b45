// upr-matrix/node: file adapters for Node.js: one file, many files in worker threads, the JSONL ledger.
export { readMatrixFile } from "./read-file.js";
export { processFiles, type ProcessOptions, type FileResult, type BatchProgress } from "./process-files.js";
export { readLedgerFile, appendLedgerFile, jsonlLedgerStore, type AppendOptions, type ReadLedgerOptions } from "./ledger-file.js";
