// upr-matrix/xlsx: Excel writers (exceljs, kept off the core path). Reading XLSX is in the core (parseXlsx).
export { writeReportMatrix, renderReportMatrix, type ReportMatrixOptions } from "./xlsx/report-matrix.js";
export { writeTrackWorkbook, readTrackWorkbook } from "./xlsx/track-workbook.js";
export { writeRecommendationsXlsx, type RecommendationsXlsxOptions } from "./xlsx/recommendations.js";
