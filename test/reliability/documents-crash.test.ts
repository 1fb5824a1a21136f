// A sales contract's generation dies at each of its round trips in turn; the user clicks again when the run failed
// or left the work unfinished. The workbook, the documents in Drive and the pending triggers then equal an
// uncrashed run's: one document, one number, no orphan link.
import type { Sandbox } from '../../src/sandbox/runtime';
import { SMALL, crashed, dieAt, differences, roundTripsOf, setUpWorkbook, worldOf } from './crash-kit';

const GENERATE = 'menuGenerateContract';
const ORDER = SMALL.documentOrders[0].orderNo;

function ready(): Sandbox {
  const sb = setUpWorkbook();
  const orders = sb.env.spreadsheet.sheetByName('Orders');
  const row = (orders?.values.findIndex((r) => r[0] === ORDER) ?? -1) + 1;
  if (row < 2) throw new Error(`no order ${ORDER}`);
  sb.select(`Orders!A${row}`);
  return sb;
}

describe('sales contract: a crash at any round trip, then the user clicks again', () => {
  const reference = ready();
  const before = worldOf(reference);
  const calls = roundTripsOf(reference, () => reference.click(GENERATE));
  const expected = worldOf(reference);

  it('makes one document when uncrashed', () => {
    expect(expected.files.length - before.files.length).toBe(2);
    expect(differences(before, expected)).not.toEqual([]);
  });

  it.each(Array.from({ length: calls }, (_, i) => i + 1))('dies at round trip %i: after the second click the world equals an uncrashed run', (k) => {
    const sb = ready();
    dieAt(sb, k);
    const threw = crashed(sb, () => sb.click(GENERATE));
    if (threw || differences(worldOf(sb), expected).length) sb.click(GENERATE);
    expect(differences(worldOf(sb), expected)).toEqual([]);
  });
});
