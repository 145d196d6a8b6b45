// upr-matrix core: schemas, CSV reading, layout interpretation, classification, tracking and report
// building. No Node built-ins and no heavy dependencies: this entry also runs in a browser bundle.
export * from "./schema/index.js";
export { formatDiagnostic, formatDiagnostics, formatPlace, hasErrors, countBySeverity } from "./diagnostics/format.js";
export { parseCsv } from "./ingest/csv.js";
export { decodeText, type Decoded } from "./ingest/decode.js";
export { sniffFormat, unsupportedMessage, type Sniffed } from "./ingest/sniff.js";
export { ParseOptions, Limits, resolveParseOptions, parseColumnMapping, type ResolvedParseOptions } from "./ingest/options.js";
export { Field, matchHeader } from "./ingest/fields.js";
export { TableReader } from "./ingest/interpret.js";
export { readTables, mergeResults } from "./ingest/result.js";
export type { Table, TableRow, TableInfo } from "./ingest/table.js";
export { readRecommendationCell, readRecommendingStates, readSourceOfPosition, readIdPrefix, normalizeId, reportSymbol, type RecommendationCell } from "./ingest/cell.js";
export { readThemesCell, readThemeHeader, readTheme, type ThemesCell } from "./ingest/themes-cell.js";
export { readTitle, cycleOfSession, type TitleInfo } from "./ingest/title.js";
export { readPosition, type PositionReading } from "./classify/position.js";
export * from "./taxonomy/index.js";
