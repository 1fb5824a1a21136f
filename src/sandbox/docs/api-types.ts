// The Google Docs API (v1) JSON shapes the sandbox produces and reads: the @types Schema types, widened with the
// fields the typings lag behind on (TableRowStyle.tableHeader, pinned header rows, column widths).
export type TextStyle = GoogleAppsScript.Docs.Schema.TextStyle;
export type ParagraphStyle = GoogleAppsScript.Docs.Schema.ParagraphStyle & { pageBreakBefore?: boolean };
export type Dimension = GoogleAppsScript.Docs.Schema.Dimension;
export type TableCellStyle = GoogleAppsScript.Docs.Schema.TableCellStyle;
export type TableColumnProperties = GoogleAppsScript.Docs.Schema.TableColumnProperties;
export type InlineObject = GoogleAppsScript.Docs.Schema.InlineObject;
export type DocumentStyle = GoogleAppsScript.Docs.Schema.DocumentStyle;

export interface TableRowStyle extends GoogleAppsScript.Docs.Schema.TableRowStyle {
  /** Set by pinTableHeaderRows: the row repeats at the top of every page the table spans. */
  tableHeader?: boolean;
  preventOverflow?: boolean;
}

export interface ParagraphElement {
  startIndex?: number;
  endIndex: number;
  textRun?: { content: string; textStyle: TextStyle };
  inlineObjectElement?: { inlineObjectId: string; textStyle: TextStyle };
  pageBreak?: { textStyle: TextStyle };
}

export interface Paragraph {
  elements: ParagraphElement[];
  paragraphStyle: ParagraphStyle;
}

export interface TableCell {
  startIndex: number;
  endIndex: number;
  content: StructuralElement[];
  tableCellStyle: TableCellStyle;
}

export interface TableRow {
  startIndex: number;
  endIndex: number;
  tableCells: TableCell[];
  tableRowStyle: TableRowStyle;
}

export interface Table {
  rows: number;
  columns: number;
  tableRows: TableRow[];
  tableStyle: { tableColumnProperties: TableColumnProperties[] };
}

export interface StructuralElement {
  /** Absent when 0 (the API omits zero values): the first section break. */
  startIndex?: number;
  endIndex: number;
  paragraph?: Paragraph;
  table?: Table;
  sectionBreak?: { sectionStyle?: Record<string, unknown> };
}

export interface DocsApiDocument {
  documentId: string;
  title: string;
  revisionId: string;
  suggestionsViewMode: string;
  body: { content: StructuralElement[] };
  documentStyle: DocumentStyle;
  inlineObjects?: Record<string, InlineObject>;
}

/** A document as Documents.get returns it with includeTabsContent: true. */
export interface DocsApiTabbedDocument extends Omit<DocsApiDocument, 'body' | 'documentStyle' | 'inlineObjects'> {
  tabs: {
    tabProperties: { tabId: string; title: string; index: number };
    documentTab: { body: DocsApiDocument['body']; documentStyle: DocumentStyle; inlineObjects?: Record<string, InlineObject> };
  }[];
}
