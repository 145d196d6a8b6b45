export * from "./place.js";
export * from "./diagnostic.js";
export * from "./recommendation.js";
export * from "./source.js";
export * from "./result.js";
export * from "./status.js";
export * from "./key.js";
