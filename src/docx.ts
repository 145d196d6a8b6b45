// upr-matrix/docx: the Word skeleton of a national or mid-term report (the docx package). Reading DOCX is in
// the core (parseDocx).
export { writeSkeletonDocx, renderSkeletonDocx, SkeletonDocxOptions, MAX_SKELETON_RECOMMENDATIONS } from "./docx/skeleton.js";
