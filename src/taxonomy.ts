// upr-matrix/taxonomy: the label lists upr-matrix reads and classifies with, as data and pure lookups: UHRI
// themes and groups of persons in each vocabulary (cycle4, cycle3, coded, numbered) with the crosswalk
// between them, SDGs, States and their regional groups, UPR Info issues. Browser-safe; no model weights.
export * from "./taxonomy/index.js";
