// upr-matrix/xlsx: reading (and, later, writing) Excel workbooks with exceljs, kept off the core path.
export { parseXlsx, readXlsxTables } from "./ingest/xlsx.js";
