// npm runs this after `npm ci` or `npm install` in a clone, and before `npm pack`: it builds dist/ when it is
// missing or older than the sources, so that `npx upr-matrix` works after `npm ci` alone, and packing a
// fresh build does not build it again.
import { ensureDistBuilt } from "./lib/built.js";

if (!ensureDistBuilt("Building dist/ (npm run build)...")) process.exitCode = 1;
