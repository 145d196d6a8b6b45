// upr-matrix/xlsx: reading (and, later, writing) Excel workbooks with exceljs, kept off the core path.
export { parseXlsx, readXlsxTables } from "./ingest/xlsx.js";
export { writeTrackWorkbook, readTrackWorkbook, TRACK_META_SHEET } from "./xlsx/track-workbook.js";
export { writeReportMatrix, renderReportMatrix, ReportMatrixOptions } from "./xlsx/report-matrix.js";
export { fitToPageWidth, fitRowHeights } from "./xlsx/layout.js";
export { writeRecommendationsXlsx, type RecommendationsXlsxOptions } from "./xlsx/recommendations.js";
