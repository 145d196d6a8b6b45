// upr-matrix: the core entry. Schemas, readers (CSV, XLSX, DOCX from their bytes), tracking and report
// building: pure functions, no Node built-ins, no model weights, no exceljs, so that it also runs in a
// browser bundle. Other parts have entries of their own (package.json "exports"): upr-matrix/taxonomy
// (label lists and vocabularies), upr-matrix/classify (the models), upr-matrix/xlsx and upr-matrix/docx
// (writers), upr-matrix/node (files).
//
// Public names only, one section per pipeline stage: a name here is a promise to users (CHANGELOG.md lists
// every change). Building blocks stay unexported; tests import them from their src/ module.

// Errors: the one error the library throws, for what cannot be used at all.
export { MatrixError, MatrixErrorCode } from "./errors/matrix-error.js";

// Schemas of the JSON contract (each a zod schema and its type).
export { Recommendation, Position } from "./schema/recommendation.js";
export { Diagnostic, Code, Severity } from "./schema/diagnostic.js";
export { Place } from "./schema/place.js";
export { Source, Format, Layout, Language } from "./schema/source.js";
export { ParseResult } from "./schema/result.js";
export { Status, StatusEvent, TrackedState } from "./schema/status.js";
export { recommendationKey, recommendationKeys } from "./schema/key.js";
export { formatDiagnostic, formatDiagnostics, hasErrors } from "./diagnostics/format.js";

// Reading: any matrix from its bytes, or one format; tables of an app's own through TableReader.
export { parseMatrix } from "./ingest/parse-matrix.js";
export { parseCsv } from "./ingest/csv.js";
export { parseXlsx } from "./ingest/xlsx.js";
export { parseDocx } from "./ingest/docx.js";
export { ParseOptions, Limits, resolveParseOptions } from "./ingest/options.js";
export { TableReader } from "./ingest/table-reader.js";
export { readTrackWorkbook } from "./ingest/track-workbook.js";
export { readAddendumPositions, applyAddendumPositions } from "./classify/addendum.js";

// Tracking: the ledger of status events, assignments, and the update-workbook round trip.
export { createEvent, type CreateEventOptions } from "./track/event.js";
export { currentStates, historyOf, planAppend, supersededBy, checkUpdateDate } from "./track/ledger.js";
export { memoryLedgerStore, recordEvents, updateLedger, type LedgerStore, type LedgerDecision } from "./track/store.js";
export { readLedgerLines, LedgerLinesOptions, type LedgerCounts } from "./track/ledger-lines.js";
export { normalizeStatus, type StatusContext } from "./track/status-words.js";
export { progressBy, findStale } from "./track/progress.js";
export { parseAssignments, assignInstitutions, initialEvents, InitialEventsOptions } from "./track/assign.js";
export { planTrackExport, TrackExportOptions, type TrackWorkbookPlan } from "./track/workbook.js";
export { mergeReturnedWorkbooks, MergeContext, type ReturnedWorkbook } from "./track/merge.js";

// Reports: statistics, Markdown / HTML (SVG charts) / JSON, the national-report outline, a safe CSV export,
// and the labels of every report, workbook and status in English, French and Spanish.
export { buildReport, ReportOptions, type Report } from "./report/model.js";
export { parseClusterMap } from "./report/cluster-map.js";
export { ClusterMap } from "./report/clusters.js";
export { buildStats, ReportStats } from "./report/stats.js";
export { renderMarkdown } from "./report/markdown.js";
export { renderHtml } from "./report/html.js";
export { renderJson, ReportJson } from "./report/json.js";
export { buildSkeletonOutline, SkeletonOptions, type SkeletonOutline } from "./report/skeleton.js";
export { renderRecommendationsCsv, type CsvOptions } from "./report/csv.js";
export { messagesFor, type Messages } from "./i18n/index.js";
