export * from "./place.js";
export * from "./diagnostic.js";
export * from "./recommendation.js";
export * from "./source.js";
export * from "./result.js";
