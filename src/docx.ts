// upr-matrix/docx: reading Word matrices (fflate + saxes, browser-safe).
export { parseDocx, readDocxContent, type DocxContent } from "./ingest/docx.js";
export { writeSkeletonDocx, renderSkeletonDocx, SkeletonDocxOptions, MAX_SKELETON_RECOMMENDATIONS } from "./docx/skeleton.js";
