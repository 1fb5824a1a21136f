// Installs the Docs advanced service (global `Docs`) and DocumentApp into every execution. Documents live in the
// Drive model, so this also registers Drive (its service and its saved state).
import '../drive/index';
import { registerService } from '../services/index';
import { FakeDocumentApp, makeDocsService } from './fake';

registerService((ex, g) => {
  g.Docs = makeDocsService(ex);
  g.DocumentApp = new FakeDocumentApp(ex);
});

export { FakeDocumentApp, FakeDocument, FakeDocuments, apiDocumentOf, makeDocsService } from './fake';
export { applyRequests, DocsPayloadError, DocsRequestError } from './edit';
export { emptyDoc, fromApiDocument, plainText, tableLayout, toApiDocument } from './model';
export type { DocContent, Unit } from './model';
export type * from './api-types';
