// CustomerIndex: customers found by ID or by name, however the reference is written, the same answer every time.
import { CustomerIndex } from '../../src/domain/orders/customer-aggregates';

const CUSTOMERS = [
  { _row: 2, customerId: 'C-0001', name: 'Pacific Home Supply Inc.' },
  { _row: 3, customerId: 'C-0002', name: 'C-0001' },
  { _row: 4, customerId: '', name: '上海恒通建材有限公司' },
];

describe('CustomerIndex', () => {
  it('finds by ID or name, ignoring case, spaces and full-width forms; IDs win over names', () => {
    const index = new CustomerIndex(CUSTOMERS);
    expect(index.find('c-0001')?._row).toBe(2);
    expect(index.find('  pacific  home supply inc. ')?._row).toBe(2);
    expect(index.find('Ｃ－０００２')?._row).toBe(3);
    expect(index.find('上海恒通建材有限公司')?._row).toBe(4);
    expect(index.find('')).toBeUndefined();
    expect(index.find(undefined)).toBeUndefined();
  });

  it('answers a reference asked again as the first time, found or not', () => {
    const index = new CustomerIndex(CUSTOMERS);
    for (let i = 0; i < 3; i++) {
      expect(index.find('C-0002')?._row).toBe(3);
      expect(index.find('Nobody Ltd')).toBeUndefined();
    }
  });
});
