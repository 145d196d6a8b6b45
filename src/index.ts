// upr-matrix core: schemas, CSV reading, layout interpretation, classification, tracking and report
// building. No Node built-ins and no heavy dependencies: this entry also runs in a browser bundle.
export * from "./schema/index.js";
export { MatrixError, MatrixErrorCode, resolveOptions } from "./errors/matrix-error.js";
export { formatDiagnostic, formatDiagnostics, formatPlace, hasErrors, countBySeverity } from "./diagnostics/format.js";
export { parseCsv } from "./ingest/csv.js";
export { decodeText, type Decoded } from "./ingest/decode.js";
export { sniffFormat, unsupportedMessage, type Sniffed } from "./ingest/sniff.js";
export { ParseOptions, Limits, resolveParseOptions, parseColumnMapping, type ResolvedParseOptions } from "./ingest/options.js";
export { Field, matchHeader } from "./ingest/fields.js";
export { TableReader } from "./ingest/table-reader.js";
export { mergeResults } from "./ingest/result.js";
export { readTables } from "./ingest/tables.js";
export type { Table, TableRow, TableInfo } from "./ingest/table.js";
export { readRecommendationCell, readRecommendingStates, readSourceOfPosition, readIdPrefix, normalizeId, reportSymbol, type RecommendationCell } from "./ingest/cell.js";
export { readThemesCell, readThemeHeader, readTheme, type ThemesCell } from "./ingest/themes-cell.js";
export { readTitle, cycleOfSession, type TitleInfo } from "./ingest/title.js";
export { readPosition, type PositionReading } from "./classify/position.js";
// classification: themes, affected persons, SDGs, UPR Info issues, action category (committed models, imported as data)
export { classify, ClassifyOptions, ClassifyTask, type ClassifyResult } from "./classify/classify.js";
export { readAddendumPositions, applyAddendumPositions, type AddendumPositions, type AddendumOptions, type ApplyOptions } from "./classify/addendum.js";
export { actionCategoryByRules, type ActionRuleResult, type ActionLevel } from "./classify/action-rules.js";
export { sdgsFromThemes, THEME_SDGS } from "./classify/sdgs.js";
export { themeKey, topLevelOfCode } from "./classify/theme-key.js";
export { personKey } from "./classify/person-rules.js";
export { ISSUE_THEMES, ISSUE_PERSONS } from "./classify/issue-map.js";
export { defaultModels, type Models } from "./classify/models.js";
export { loadLinearModel, type LinearModel, type LinearModelData, type Combination, type FeatureVector } from "./classify/linear.js";
export * from "./taxonomy/index.js";
// tracking: the ledger of status events and the update-workbook round trip (pure parts)
export { normalizeStatus, statusLabel, statusLabels, statusLookupKey, wordingToKeep, STATUS_LABELS } from "./track/status-words.js";
export { createEvent, eventIdOf, reportFingerprint, splitList, dateOf, type EventInput } from "./track/event.js";
export { currentStates, historyOf, compareEvents, eventsByRecommendation, planAppend, supersededBy, effectiveDate, checkUpdateDate, FUTURE_DAYS_ALLOWED, type AppendPlan } from "./track/ledger.js";
export { memoryLedgerStore, recordEvents, updateLedger, type LedgerStore, type LedgerRead, type LedgerDecision } from "./track/store.js";
export { readLedgerLines, LedgerLinesOptions, type LedgerCounts } from "./track/ledger-lines.js";
export { progressBy, findStale, clusterLabel, institutionsOf, trackedItems, type ProgressBy, type ProgressCounts, type ProgressGroup, type StaleItem, type TrackedItem } from "./track/progress.js";
export { parseAssignments, assignInstitutions, initialEvents, findRecommendation, keyCollisionDiagnostics, InitialEventsOptions, type AssignmentRule } from "./track/assign.js";
export {
  planTrackExport, matchTrackHeader, instructionLines, dataSheetName, fileSlug, TRACK_COLUMNS, EDITABLE_COLUMNS, COLUMN_LABELS, TRACK_WORKBOOK_FORMAT,
  ExportBy, type TrackColumn, type EditableColumn, type TrackWorkbookMeta, type TrackRow, type TrackWorkbookPlan, TrackExportOptions,
} from "./track/workbook.js";
export { mergeReturnedWorkbooks, parseUpdateDate, MergeContext, type ReturnedCell, type ReturnedRow, type ReturnedWorkbook, type MergeResult, type MergeSummary } from "./track/merge.js";
// reports: statistics, Markdown/HTML (SVG charts), JSON, and the national-report skeleton outline (pure parts)
export {
  buildStats, statusKeyOf, positionGroup, ReportStats, PositionCounts, StatusCounts, StatusKeySchema, ImplementationRate, ClusterStats, TopLevelStats,
  ThemeCount, GroupKey, RecommendingStateCount, GroupCount, ActionCategoryCount, InstitutionStats, type StateMap,
} from "./report/stats.js";
export { buildReport, clusterTitle, type Report, type ReportOptions, type ReportRow, type ReportMeta } from "./report/model.js";
export { clusterOf, groupByCluster, type ClusterRef, type ClusterGroup } from "./report/clusters.js";
export { labelsFor, STATUS_KEYS, POSITION_KEYS, type Labels, type StatusKey } from "./report/labels.js";
export { statTables, summaryLines, formatPercent, type StatTable } from "./report/tables.js";
export { renderMarkdown, markdownReport } from "./report/markdown.js";
export { renderHtml, htmlReport, reportCharts } from "./report/html.js";
export { renderJson, jsonReport, toReportJson, ReportJson, ReportRecommendation } from "./report/json.js";
export { stackedBarChart, COLORS as CHART_COLORS, type ChartSeries, type ChartRow, type StackedBarSpec } from "./report/charts.js";
export { recommendationCell, themesCell, assessmentCell } from "./report/matrix-cells.js";
export {
  buildSkeletonOutline, allocateWords, compressIds, formatReferences, subsectionLetter, NATIONAL_WORD_LIMIT, MID_TERM_WORDS,
  type SkeletonKind, type SkeletonOptions, type SkeletonOutline, type SkeletonSection, type SkeletonSubsection, type SkeletonBlock,
} from "./report/skeleton.js";
export { skeletonLabelsFor, formatCount, type SkeletonLabels, type SectionId } from "./report/skeleton-labels.js";
// hostile input: CSV export of recommendations (formula injection neutralised), limits, the zip guard
export { renderRecommendationsCsv, buildRecommendationTable, RECOMMENDATION_COLUMNS, SOURCE_COLUMN, type RecommendationTable, type CsvOptions } from "./report/csv.js";
export { resolveLimits } from "./ingest/options.js";
