// The shipping terms of a contract: only the parts the order has, in the document language.
import { shippingTerms } from '../../src/domain/documents/merge-fields';

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
