// upr-matrix/node: file adapters for Node.js (file system, every reader behind one call).
export { parseMatrix, UNREADABLE } from "./parse-matrix.js";
export { readMatrixFile } from "./read-file.js";
export { readRegisterFile, writeRegisterFile, registerLines } from "./register-file.js";
export { readLedgerFile, appendLedgerFile, updateLedgerFile, jsonlLedgerStore, AppendOptions, ReadLedgerOptions } from "./ledger-file.js";
export { processFiles, PARALLEL_MIN_BYTES, type ProcessOptions, type FileResult, type BatchProgress, type BatchPlan } from "./process-files.js";
export { expandPaths, MATRIX_FILE, type ExpandedPaths } from "./expand-paths.js";
export { readFileInParts, DEFAULT_PARTS, CSV_STREAM_ABOVE, type PartsConfig } from "./read-parts.js";
export type { Part, PartSink } from "./parts.js";
export { run } from "../cli/run.js";
export type { CliIo, OutStream } from "../cli/io.js";
