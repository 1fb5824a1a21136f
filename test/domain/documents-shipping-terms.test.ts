// The shipping terms of a contract: only the parts the order has, in the document language; and the trade term with
// the place Incoterms 2020 name for it.
import { incoterm, shippingTerms } from '../../src/domain/documents/merge-fields';

describe('shippingTerms', () => {
  it.each([
    ['en', ['FOB', 'Sea freight', 'Ningbo', 'Jebel Ali'], 'FOB, Sea freight, from Ningbo to Jebel Ali'],
    ['en', ['CFR', '', '', 'Jebel Ali'], 'CFR, to Jebel Ali'],
    ['en', ['EXW', '', 'Ningbo', ''], 'EXW, from Ningbo'],
    ['en', ['', 'Air freight', '', ''], 'Air freight'],
    ['en', ['', '', '', ''], ''],
    ['en', ['  FOB ', ' ', ' Ningbo', 'Hamburg  '], 'FOB, from Ningbo to Hamburg'],
    ['zh', ['FOB', '海运', '宁波', '杰贝阿里'], 'FOB，海运，由宁波运至杰贝阿里'],
    ['zh', ['CIF', '', '', '汉堡'], 'CIF，运至汉堡'],
    ['zh', ['', '', '宁波', ''], '由宁波发运'],
  ] as const)('%s %j → %s', (lang, parts, expected) => {
    expect(shippingTerms(lang, ...parts)).toBe(expected);
  });
});

describe('incoterm', () => {
  it.each([
    ['FOB', 'Ningbo', 'Hamburg', 'FOB Ningbo'],
    ['EXW', 'Ningbo', 'Hamburg', 'EXW Ningbo'],
    ['fca', 'Shanghai', '', 'fca Shanghai'],
    ['CIF', 'Ningbo', 'Hamburg', 'CIF Hamburg'],
    ['CFR', 'Ningbo', '', 'CFR'],
    ['C&F', '', 'Jebel Ali', 'C&F Jebel Ali'],
    ['DDP', 'Ningbo', 'Riyadh', 'DDP Riyadh'],
    ['FOB', '', 'Hamburg', 'FOB'],
    [' FOB ', ' 宁波 ', '', 'FOB 宁波'],
    ['Ex-works', 'Ningbo', 'Hamburg', 'Ex-works'],
    ['', 'Ningbo', 'Hamburg', ''],
  ] as const)('%s from %s to %s → %s', (term, from, to, expected) => {
    expect(incoterm(term, from, to)).toBe(expected);
  });
});
