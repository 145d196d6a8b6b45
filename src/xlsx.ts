// upr-matrix/xlsx: reading Excel workbooks (fflate + saxes, under limits) and writing them (exceljs, which
// never reads), kept off the core path.
export { parseXlsx, readXlsxTables, xlsxRows, XlsxReadOptions } from "./ingest/xlsx.js";
export { readTrackWorkbook, TRACK_META_SHEET, TrackWorkbookReadOptions, type TrackWorkbookRead } from "./ingest/track-workbook.js";
export { writeTrackWorkbook } from "./xlsx/track-workbook.js";
export { writeReportMatrix, renderReportMatrix, type ReportMatrixOptions } from "./xlsx/report-matrix.js";
export { writeRecommendationsXlsx, type RecommendationsXlsxOptions } from "./xlsx/recommendations.js";
