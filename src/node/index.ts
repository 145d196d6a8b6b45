// upr-matrix/node: file adapters for Node.js (file system, every reader behind one call).
export { parseMatrix, UNREADABLE } from "./parse-matrix.js";
export { readMatrixFile } from "./read-file.js";
