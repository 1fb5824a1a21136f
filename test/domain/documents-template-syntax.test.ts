import type { DocsDocument } from '../../src/ports';
import { discoverPlaceholders, formatFits, parseTokens } from '../../src/domain/documents/template-syntax';
import { makeDoc, para, table, toDocs } from './documents-docs-applier';

/** Hand-built per the index model: section break 0–1; paragraph; a 2×2 table; paragraph. */
const HAND_BUILT: DocsDocument = {
  documentId: 'fixture',
  title: 'test',
  body: {
    content: [
      { endIndex: 1, sectionBreak: {} },
      {
        startIndex: 1,
        endIndex: 28,
        paragraph: { elements: [{ startIndex: 1, endIndex: 28, textRun: { content: 'Dear {{customer.contact}},\n' } }], paragraphStyle: {} },
      },
      {
        startIndex: 28,
        endIndex: 83,
        table: {
          rows: 2,
          columns: 2,
          tableRows: [
            {
              startIndex: 29,
              endIndex: 41,
              tableCells: [
                { startIndex: 30, endIndex: 36, content: [{ startIndex: 31, endIndex: 36, paragraph: { elements: [{ startIndex: 31, endIndex: 36, textRun: { content: 'Item\n' } }], paragraphStyle: {} } }] },
                { startIndex: 36, endIndex: 41, content: [{ startIndex: 37, endIndex: 41, paragraph: { elements: [{ startIndex: 37, endIndex: 41, textRun: { content: 'Qty\n' } }], paragraphStyle: {} } }] },
              ],
            },
            {
              startIndex: 41,
              endIndex: 83,
              tableCells: [
                { startIndex: 42, endIndex: 57, content: [{ startIndex: 43, endIndex: 57, paragraph: { elements: [{ startIndex: 43, endIndex: 57, textRun: { content: '{{line.name}}\n' } }], paragraphStyle: {} } }] },
                { startIndex: 57, endIndex: 83, content: [{ startIndex: 58, endIndex: 83, paragraph: { elements: [{ startIndex: 58, endIndex: 83, textRun: { content: '{{line.quantity|number}}\n' } }], paragraphStyle: {} } }] },
              ],
            },
          ],
        },
      },
      {
        startIndex: 83,
        endIndex: 115,
        paragraph: { elements: [{ startIndex: 83, endIndex: 115, textRun: { content: 'Total {{total.amount|words-en}}\n' } }], paragraphStyle: {} },
      },
    ],
  },
};

describe('parseTokens', () => {
  it('reads fields, formats and control markers with their offsets', () => {
    const tokens = parseTokens('A {{customer.name}} {{ total.amount | words-zh }} {{#if order.notes}}x{{/if}} {{#lines}}{{/lines}}');
    expect(tokens.map((t) => [t.kind, t.name, t.format, t.offset])).toEqual([
      ['field', 'customer.name', null, 2],
      ['field', 'total.amount', 'words-zh', 20],
      ['if', 'order.notes', null, 50],
      ['end-if', '', null, 70],
      ['lines', '', null, 78],
      ['end-lines', '', null, 88],
    ]);
    expect(tokens[1].raw).toBe('{{ total.amount | words-zh }}');
  });

  it('marks malformed placeholders as invalid and ignores lone braces', () => {
    expect(parseTokens('{{}} {{two words}} {{a|b|c}} {{#if}} {x} {{').map((t) => t.kind)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
  });

  it('accepts names with digits and underscores after the first letter', () => {
    expect(parseTokens('{{line.no}}{{a_b.c2}}').map((t) => t.name)).toEqual(['line.no', 'a_b.c2']);
  });
});

describe('formatFits', () => {
  it.each([
    ['upper', 'text', true],
    ['lower', 'money', true],
    ['date', 'date', true],
    ['date', 'text', false],
    ['money', 'money', true],
    ['money', 'number', false],
    ['number', 'number', true],
    ['number', 'money', true],
    ['number', 'percent', false],
    ['words-en', 'money', true],
    ['words-zh', 'number', false],
    ['bold', 'text', false],
  ] as const)('%s on a %s field → %p', (format, kind, fits) => {
    expect(formatFits(format, kind)).toBe(fits);
  });
});

describe('discoverPlaceholders', () => {
  it('the hand-built fixture is exactly what the test model produces', () => {
    const built = toDocs(makeDoc('Dear {{customer.contact}},', table([['Item', 'Qty'], ['{{line.name}}', '{{line.quantity|number}}']]), 'Total {{total.amount|words-en}}'), 'fixture');
    expect(built).toEqual(HAND_BUILT);
  });

  it('finds each placeholder with its index range and its table cell', () => {
    const found = discoverPlaceholders(HAND_BUILT);
    expect(found.map((p) => [p.name, p.format, p.startIndex, p.endIndex])).toEqual([
      ['customer.contact', null, 6, 26],
      ['line.name', null, 43, 56],
      ['line.quantity', 'number', 58, 82],
      ['total.amount', 'words-en', 89, 114],
    ]);
    expect(found[0].location).toEqual({ cells: [], paragraphStartIndex: 1, paragraphEndIndex: 28 });
    expect(found[2].location).toEqual({ cells: [{ tableStartIndex: 28, rowIndex: 1, columnIndex: 1 }], paragraphStartIndex: 58, paragraphEndIndex: 83 });
  });

  it('the index range of each placeholder holds exactly its text', () => {
    const text = (start: number, end: number) => {
      const all: string[] = [];
      const walk = (content: DocsDocument['body']['content']) => {
        for (const el of content) {
          for (const e of el.paragraph?.elements ?? []) [...(e.textRun?.content ?? '')].forEach((ch, i) => (all[e.startIndex + i] = ch));
          for (const row of el.table?.tableRows ?? []) for (const cell of row.tableCells) walk(cell.content);
        }
      };
      walk(HAND_BUILT.body.content);
      return all.slice(start, end).join('');
    };
    for (const p of discoverPlaceholders(HAND_BUILT)) expect(text(p.startIndex, p.endIndex)).toBe(p.raw);
  });

  it('finds a placeholder split over text runs and counts inline objects as one index', () => {
    const doc: DocsDocument = {
      documentId: 'runs',
      title: 'runs',
      body: {
        content: [
          { endIndex: 1, sectionBreak: {} },
          {
            startIndex: 1,
            endIndex: 19,
            paragraph: {
              elements: [
                { startIndex: 1, endIndex: 2 },
                { startIndex: 2, endIndex: 10, textRun: { content: 'No. {{or' } },
                { startIndex: 10, endIndex: 19, textRun: { content: 'der.no}}\n' } },
              ],
            },
          },
        ],
      },
    };
    const [found] = discoverPlaceholders(doc);
    expect(found).toMatchObject({ raw: '{{order.no}}', name: 'order.no', startIndex: 6, endIndex: 18 });
  });

  it('locates placeholders in nested tables by their whole cell path', () => {
    const inner = table([['{{customer.name}}']]);
    const outer = table([['a', 'b']]);
    outer.rows[0][1].content = [para('x'), inner, para('')];
    const doc = toDocs(makeDoc('intro', outer));
    const [found] = discoverPlaceholders(doc);
    expect(found.name).toBe('customer.name');
    expect(found.location.cells).toEqual([
      { tableStartIndex: 7, rowIndex: 0, columnIndex: 1 },
      { tableStartIndex: 15, rowIndex: 0, columnIndex: 0 },
    ]);
    expect(found.startIndex).toBe(18);
  });

  it('reports control markers and invalid placeholders too', () => {
    const doc = toDocs(makeDoc('{{#if order.notes}}', 'Notes: {{order.notes}} {{bad one}}', '{{/if}}'));
    expect(discoverPlaceholders(doc).map((p) => p.kind)).toEqual(['if', 'field', 'invalid', 'end-if']);
  });
});
