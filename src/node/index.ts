// upr-matrix/node: file adapters for Node.js: one file, many files in worker threads, the JSONL
// ledger and the register, and the CLI as a function (run).
export { readMatrixFile } from "./read-file.js";
export { extractPdfTextIsolated } from "./pdf-sandbox.js";
export { processFiles, PARALLEL_MIN_BYTES, type ProcessOptions, type FileResult, type BatchProgress, type BatchPlan } from "./process-files.js";
export { readLedgerFile, appendLedgerFile, updateLedgerFile, jsonlLedgerStore, AppendOptions, ReadLedgerOptions } from "./ledger-file.js";
export { readRegisterFile, writeRegisterFile } from "./register-file.js";
// The CLI as a function: what `upr-matrix <command>` does, with the streams and exit code an app gives it.
export { run } from "../cli/run.js";
export type { CliIo, OutStream } from "../cli/io.js";
