import { applyRequests, emptyDoc, fromApiDocument, toApiDocument } from '../../src/sandbox/docs';
import { defaultTemplate, templateBuildRequests } from '../../src/domain/documents/default-templates';
import { docTypeSpec, DOC_TYPES } from '../../src/domain/documents/doc-types';
import { planMerge } from '../../src/domain/documents/plan-merge';
import { discoverPlaceholders } from '../../src/domain/documents/template-syntax';
import type { DocsDocument } from '../../src/ports';
import { anOrder, mergeDataFor } from './documents-builders';
import { makeDoc, table, toDocs } from './documents-docs-applier';

/** A Docs document as the sandbox's Docs fake lays it out (its own index model). */
const asDocs = (content: ReturnType<typeof emptyDoc>): DocsDocument => toApiDocument('doc', 'doc', content) as unknown as DocsDocument;

/** Paragraph texts of a document, cells included, in order. */
function texts(doc: DocsDocument): string[] {
  const out: string[] = [];
  const walk = (content: DocsDocument['body']['content']) => {
    for (const el of content) {
      if (el.paragraph) out.push(el.paragraph.elements.map((e) => e.textRun?.content ?? '').join('').replace(/\n$/, ''));
      for (const row of el.table?.tableRows ?? []) for (const cell of row.tableCells) walk(cell.content);
    }
  };
  walk(doc.body.content);
  return out;
}

describe('documents on the sandbox Docs fake', () => {
  it.each(DOC_TYPES.flatMap((t) => (['en', 'zh'] as const).map((l) => [t, l] as const)))('%s (%s): the default template builds, and fills 25 lines', (type, lang) => {
    const template = asDocs(applyRequests(emptyDoc(), templateBuildRequests(defaultTemplate(type, lang))).doc);
    const names = new Set(discoverPlaceholders(template).map((p) => p.name));
    for (const name of [...docTypeSpec(type).fields, ...docTypeSpec(type).lineFields]) expect(names).toContain(name);
    const plan = planMerge(template, mergeDataFor(type, lang, 25, { docNo: 'DOC-1' }));
    expect(plan.report.problems).toEqual([]);
    const merged = asDocs(applyRequests(fromApiDocument(template as never), plan.requests).doc);
    const all = texts(merged);
    expect(all.join('\n')).not.toContain('{{');
    expect(all.filter((t) => /\bItem 25$/.test(t)).length).toBeGreaterThan(0);
  });

  it('sections and blocks delete exactly what the fake allows', () => {
    const lineTable = () => table([['Item', 'Qty'], ['{{line.name}}', '{{line.quantity}}'], ['Total', '{{total.quantity}}']]);
    const source = makeDoc('Intro', '{{#if order.notes}}Notes {{order.notes}}{{/if}}', lineTable(), 'mid', '{{#if order.notes}}', 'x', '{{/if}}', lineTable(),
      '{{#if order.notes}}', 'y', '{{/if}}', '{{#lines}}{{line.name}}{{/lines}}');
    const template = asDocs(fromApiDocument(toDocs(source) as never));
    const plan = planMerge(template, mergeDataFor('quotation', 'en', 2, { order: anOrder({ notes: undefined }) }));
    expect(plan.report.problems).toEqual([]);
    const merged = asDocs(applyRequests(fromApiDocument(template as never), plan.requests).doc);
    expect(texts(merged)).toEqual([
      'Intro', '', 'Item', 'Qty', 'Item 1', '100', 'Item 2', '200', 'Total', '300',
      'mid', '', 'Item', 'Qty', 'Item 1', '100', 'Item 2', '200', 'Total', '300',
      'Item 1', 'Item 2',
    ]);
  });
});
