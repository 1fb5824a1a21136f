// The Orders "Documents" cell: one line per generated document — its number, the Google Doc and the PDF — so
// people can click them and reminders can attach the right PDF. Written and read by Gendan only.
import type { DocType } from './doc-types';

export interface DocumentLink {
  docType: DocType;
  number: string;
  docId: string;
  pdfId: string;
}

const DOC_URL = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
const PDF_URL = (id: string) => `https://drive.google.com/file/d/${id}/view`;
const LINE = /^(quotation|contract|purchase-order|shipping-notice|invoice)\s+(\S+)\s+·\s+Doc\s+https:\/\/docs\.google\.com\/document\/d\/([\w-]+)\/edit\s+·\s+PDF\s+https:\/\/drive\.google\.com\/file\/d\/([\w-]+)\/view$/;

/** One line per document, e.g. "quotation QT-2026-0007 · Doc https://… · PDF https://…". */
export function formatDocumentLinks(links: readonly DocumentLink[]): string {
  return links.map((l) => `${l.docType} ${l.number} · Doc ${DOC_URL(l.docId)} · PDF ${PDF_URL(l.pdfId)}`).join('\n');
}

/** Reads the cell back; lines that are not Gendan's are ignored. */
export function parseDocumentLinks(text: string | undefined): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const line of String(text ?? '').split(/\r?\n/)) {
    const m = LINE.exec(line.trim());
    if (m) out.push({ docType: m[1] as DocType, number: m[2], docId: m[3], pdfId: m[4] });
  }
  return out;
}

/** The links with `link` added, replacing an earlier document with the same number. */
export function withDocumentLink(links: readonly DocumentLink[], link: DocumentLink): DocumentLink[] {
  return [...links.filter((l) => l.number !== link.number), link];
}

/** The latest document of a type. */
export function latestDocument(links: readonly DocumentLink[], docType: DocType): DocumentLink | undefined {
  for (let i = links.length - 1; i >= 0; i--) if (links[i].docType === docType) return links[i];
  return undefined;
}
