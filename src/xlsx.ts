// upr-matrix/xlsx: Excel writers (exceljs, kept off the core path). Reading XLSX, returned tracking
// workbooks included, is in the core (parseXlsx, readTrackWorkbook).
export { writeReportMatrix, renderReportMatrix, type ReportMatrixOptions } from "./xlsx/report-matrix.js";
export { writeTrackWorkbook } from "./xlsx/track-workbook.js";
export { writeRecommendationsXlsx, type RecommendationsXlsxOptions } from "./xlsx/recommendations.js";
