// Specification of the order stage flow: forward moves, terminal stages, impossible moves, documents.
import {
  isTerminalOrderStage,
  ORDER_FLOW,
  orderStageAfterDocument,
  orderStageAfterEdit,
  orderStageRank,
  type OrderDocumentInput,
  type OrderDocumentKind,
  type OrderDocumentUpdate,
  type OrderStageEditInput,
  type OrderStageErrorCode,
} from '../../src/domain/status/order-stage';
import type { OrderStage } from '../../src/domain/ledgers/records';

const TODAY = '2026-03-10';
const SINCE = '2026-02-01';
const DAY = '2026-03-09';

/** An order at `stage` since SINCE, with overrides. */
function order(stage: OrderStage | undefined, extra: Partial<OrderStageEditInput> = {}): OrderStageEditInput {
  return { stage, stageSince: stage ? SINCE : undefined, ...extra };
}

describe('the order flow', () => {
  it('runs Inquiry → … → Completed, Lost outside it', () => {
    expect(ORDER_FLOW).toEqual(['inquiry', 'quoted', 'contracted', 'deposit', 'production', 'ready', 'shipped', 'balance', 'completed']);
    expect(orderStageRank(undefined)).toBe(0);
    expect(orderStageRank('lost')).toBe(-1);
    expect(ORDER_FLOW.filter(isTerminalOrderStage)).toEqual(['completed']);
    expect(isTerminalOrderStage('lost')).toBe(true);
  });
});

describe('orderStageAfterEdit', () => {
  type Case = [string, OrderStageEditInput, Partial<OrderStageEditInput>, OrderStage | undefined, 'today' | 'kept'];
  const advances: Case[] = [
    ['a quote date moves Inquiry to Quoted', order('inquiry'), { quoteDate: DAY }, 'quoted', 'today'],
    ['a contract date moves Quoted to Contracted', order('quoted'), { contractDate: DAY }, 'contracted', 'today'],
    ['a contract date moves Inquiry straight to Contracted', order('inquiry'), { contractDate: DAY }, 'contracted', 'today'],
    ['a deposit moves Contracted to Deposit received', order('contracted'), { depositReceivedOn: DAY }, 'deposit', 'today'],
    ['a deposit on a quotation (proforma) moves Quoted to Deposit received', order('quoted'), { depositReceivedOn: DAY }, 'deposit', 'today'],
    ['production progress moves Deposit received to In production', order('deposit'), { productionProgress: 0.3 }, 'production', 'today'],
    ['production progress without a deposit moves Contracted to In production', order('contracted'), { productionProgress: 0.1 }, 'production', 'today'],
    ['100 % production moves In production to Ready to ship', order('production', { productionProgress: 0.8 }), { productionProgress: 1 }, 'ready', 'today'],
    ['100 % production at once moves Deposit received to Ready to ship', order('deposit'), { productionProgress: 1 }, 'ready', 'today'],
    ['Shipped on moves Ready to ship to Shipped', order('ready'), { shippedOn: DAY }, 'shipped', 'today'],
    ['Shipped on moves Contracted straight to Shipped', order('contracted'), { shippedOn: DAY }, 'shipped', 'today'],
    ['the balance moves Shipped to Balance received', order('shipped', { shippedOn: SINCE }), { balanceReceivedOn: DAY }, 'balance', 'today'],
    ['shipping an order paid in advance moves it to Balance received', order('ready', { balanceReceivedOn: SINCE }), { shippedOn: DAY }, 'balance', 'today'],
    ['a blank stage counts as Inquiry', order(undefined), { quoteDate: DAY }, 'quoted', 'today'],
    ['a pasted row advances through every filled date', order('quoted'), { contractDate: DAY, depositReceivedOn: DAY, shippedOn: DAY, balanceReceivedOn: DAY }, 'balance', 'today'],
    ['a contract date pasted with Shipped on makes the shipment possible', order('quoted'), { contractDate: DAY, shippedOn: DAY }, 'shipped', 'today'],
  ];
  const stays: Case[] = [
    ['nothing edited', order('production', { depositReceivedOn: SINCE }), {}, 'production', 'kept'],
    ['a deposit never moves In production back', order('production'), { depositReceivedOn: DAY }, 'production', 'kept'],
    ['a quote date never moves Deposit received back', order('deposit'), { quoteDate: DAY }, 'deposit', 'kept'],
    ['a balance before shipment (T/T in advance) keeps Ready to ship', order('ready'), { balanceReceivedOn: DAY }, 'ready', 'kept'],
    ['a balance before shipment keeps Contracted', order('contracted'), { balanceReceivedOn: DAY }, 'contracted', 'kept'],
    ['lower production progress never moves back', order('ready', { productionProgress: 1 }), { productionProgress: 0.5 }, 'ready', 'kept'],
    ['production progress 0 does nothing', order('deposit'), { productionProgress: 0 }, 'deposit', 'kept'],
    ['production progress after shipment does nothing', order('shipped', { productionProgress: 0.9 }), { productionProgress: 1 }, 'shipped', 'kept'],
    ['clearing Shipped on never moves back', order('shipped', { shippedOn: SINCE }), { shippedOn: undefined }, 'shipped', 'kept'],
    ['clearing the deposit date never moves back', order('deposit', { depositReceivedOn: SINCE }), { depositReceivedOn: undefined }, 'deposit', 'kept'],
    ['correcting Shipped on later does not move Balance received', order('balance', { shippedOn: SINCE }), { shippedOn: DAY }, 'balance', 'kept'],
    ['Completed is never changed by automation', order('completed'), { shippedOn: DAY, balanceReceivedOn: DAY }, 'completed', 'kept'],
    ['Lost is never changed by automation', order('lost', { lostReason: 'price' }), { depositReceivedOn: DAY, shippedOn: DAY }, 'lost', 'kept'],
  ];
  it.each([...advances, ...stays])('%s', (_name, before, patch, stage, since) => {
    const after = { ...before, ...patch };
    const result = orderStageAfterEdit(before, after, TODAY);
    expect(result.stage).toBe(stage);
    expect(result.stageSince).toBe(since === 'today' ? TODAY : after.stageSince);
    expect(result.changed).toBe(since === 'today');
    expect(result.errors).toEqual([]);
  });

  const impossible: [string, OrderStageEditInput, Partial<OrderStageEditInput>, OrderStageErrorCode[]][] = [
    ['Shipped on while Quoted', order('quoted'), { shippedOn: DAY }, ['SHIPPED_BEFORE_CONTRACT']],
    ['Shipped on while Inquiry', order('inquiry'), { shippedOn: DAY }, ['SHIPPED_BEFORE_CONTRACT']],
    ['a deposit while Inquiry', order('inquiry'), { depositReceivedOn: DAY }, ['DEPOSIT_BEFORE_QUOTE']],
    ['a deposit on a row without a stage', order(undefined), { depositReceivedOn: DAY }, ['DEPOSIT_BEFORE_QUOTE']],
    ['a balance while Quoted', order('quoted'), { balanceReceivedOn: DAY }, ['BALANCE_BEFORE_CONTRACT']],
    ['a balance while Inquiry', order('inquiry'), { balanceReceivedOn: DAY }, ['BALANCE_BEFORE_CONTRACT']],
    ['production progress while Quoted', order('quoted'), { productionProgress: 0.2 }, ['PRODUCTION_BEFORE_CONTRACT']],
    ['a paste with several impossible dates', order('inquiry'), { depositReceivedOn: DAY, shippedOn: DAY }, ['DEPOSIT_BEFORE_QUOTE', 'SHIPPED_BEFORE_CONTRACT']],
    ['a paste with one possible and one impossible date', order('inquiry'), { quoteDate: DAY, shippedOn: DAY }, ['SHIPPED_BEFORE_CONTRACT']],
  ];
  it.each(impossible)('refuses %s and changes nothing', (_name, before, patch, codes) => {
    const after = { ...before, ...patch };
    const result = orderStageAfterEdit(before, after, TODAY);
    expect(result.errors.map((e) => e.code)).toEqual(codes);
    expect(result.stage).toBe(before.stage);
    expect(result.stageSince).toBe(before.stageSince);
    expect(result.changed).toBe(false);
  });

  it('names the column and explains the refusal in both languages', () => {
    const result = orderStageAfterEdit(order('quoted'), order('quoted', { shippedOn: DAY }), TODAY);
    expect(result.errors).toEqual([
      {
        code: 'SHIPPED_BEFORE_CONTRACT',
        column: 'shippedOn',
        message: {
          en: 'Shipped on was filled while the order is still at "Quoted". Goods ship only after a contract; the stage was not changed.',
          zh: '订单仍处于“已报价”阶段却填写了出货日期。签约后才能出货，阶段未更改。',
        },
      },
    ]);
    const columns = impossible.flatMap(([, before, patch]) => orderStageAfterEdit(before, { ...before, ...patch }, TODAY).errors.map((e) => [e.code, e.column]));
    expect(new Map(columns as [string, string][])).toEqual(
      new Map([
        ['SHIPPED_BEFORE_CONTRACT', 'shippedOn'],
        ['DEPOSIT_BEFORE_QUOTE', 'depositReceivedOn'],
        ['BALANCE_BEFORE_CONTRACT', 'balanceReceivedOn'],
        ['PRODUCTION_BEFORE_CONTRACT', 'productionProgress'],
      ]),
    );
  });

  it('names the stage the row still shows, not one reached by other cells of the same paste', () => {
    const before = order('inquiry');
    const [error] = orderStageAfterEdit(before, { ...before, quoteDate: DAY, shippedOn: DAY }, TODAY).errors;
    expect(error.message.en).toContain('"Inquiry"');
    expect(error.message.zh).toContain('“询盘”');
  });

  it('records today when the user changes the stage by hand, and does not re-advance it', () => {
    const before = order('shipped', { shippedOn: SINCE });
    const result = orderStageAfterEdit(before, { ...before, stage: 'production' }, TODAY);
    expect(result).toStrictEqual({ stage: 'production', stageSince: TODAY, changed: true, errors: [], warnings: [] });
  });

  it('clears Stage since when the user clears the stage', () => {
    const before = order('quoted');
    expect(orderStageAfterEdit(before, { ...before, stage: undefined }, TODAY)).toStrictEqual({ changed: true, errors: [], warnings: [] });
  });

  it('asks for a reason when an order is marked Lost without one', () => {
    const before = order('quoted');
    const withoutReason = orderStageAfterEdit(before, { ...before, stage: 'lost' }, TODAY);
    expect(withoutReason.stage).toBe('lost');
    expect(withoutReason.stageSince).toBe(TODAY);
    expect(withoutReason.errors).toEqual([]);
    expect(withoutReason.warnings.map((w) => [w.code, w.column])).toEqual([['LOST_WITHOUT_REASON', 'lostReason']]);
    expect(withoutReason.warnings[0].message.zh).toContain('终止原因');

    expect(orderStageAfterEdit(before, { ...before, stage: 'lost', lostReason: 'Price too high' }, TODAY).warnings).toEqual([]);
    const lost = order('lost', { lostReason: 'Price too high' });
    expect(orderStageAfterEdit(lost, { ...lost, lostReason: '  ' }, TODAY).warnings).toHaveLength(1);
    expect(orderStageAfterEdit(order('lost'), order('lost'), TODAY).warnings).toEqual([]);
  });

  it('does not mutate its inputs', () => {
    const before = order('ready');
    const after = order('ready', { shippedOn: DAY });
    orderStageAfterEdit(before, after, TODAY);
    expect(before).toStrictEqual(order('ready'));
    expect(after).toStrictEqual(order('ready', { shippedOn: DAY }));
  });
});

describe('orderStageAfterDocument', () => {
  const doc = (stage: OrderStage | undefined, extra: Partial<OrderDocumentInput> = {}): OrderDocumentInput => ({
    stage,
    stageSince: stage ? SINCE : undefined,
    ...extra,
  });
  const cases: [string, OrderDocumentInput, OrderDocumentKind, OrderDocumentUpdate][] = [
    ['a quotation moves Inquiry to Quoted and stamps both quote dates', doc('inquiry'), 'quotation',
      { stage: 'quoted', stageSince: TODAY, quoteDate: TODAY, quoteValidUntil: '2026-04-09', changed: true }],
    ['a quotation on a row without a stage', doc(undefined), 'quotation',
      { stage: 'quoted', stageSince: TODAY, quoteDate: TODAY, quoteValidUntil: '2026-04-09', changed: true }],
    ['a second quotation keeps the dates already there', doc('quoted', { quoteDate: '2026-03-01', quoteValidUntil: '2026-03-20' }), 'quotation',
      { stage: 'quoted', stageSince: SINCE, quoteDate: '2026-03-01', quoteValidUntil: '2026-03-20', changed: false }],
    ['a missing validity is counted from the existing quote date', doc('quoted', { quoteDate: '2026-03-01' }), 'quotation',
      { stage: 'quoted', stageSince: SINCE, quoteDate: '2026-03-01', quoteValidUntil: '2026-03-31', changed: true }],
    ['a quotation never moves Contracted back', doc('contracted', { contractDate: DAY }), 'quotation',
      { stage: 'contracted', stageSince: SINCE, quoteDate: TODAY, quoteValidUntil: '2026-04-09', contractDate: DAY, changed: true }],
    ['a contract moves Inquiry to Contracted', doc('inquiry'), 'contract',
      { stage: 'contracted', stageSince: TODAY, contractDate: TODAY, changed: true }],
    ['a contract moves Quoted to Contracted', doc('quoted', { quoteDate: DAY }), 'contract',
      { stage: 'contracted', stageSince: TODAY, quoteDate: DAY, contractDate: TODAY, changed: true }],
    ['a contract in production keeps the stage and stamps a blank contract date', doc('production'), 'contract',
      { stage: 'production', stageSince: SINCE, contractDate: TODAY, changed: true }],
    ['a contract keeps an existing contract date', doc('contracted', { contractDate: DAY }), 'contract',
      { stage: 'contracted', stageSince: SINCE, contractDate: DAY, changed: false }],
    ['a quotation leaves a Lost order alone', doc('lost'), 'quotation', { stage: 'lost', stageSince: SINCE, changed: false }],
    ['a contract leaves a Completed order alone', doc('completed'), 'contract', { stage: 'completed', stageSince: SINCE, changed: false }],
    ['an invoice moves nothing', doc('shipped'), 'invoice', { stage: 'shipped', stageSince: SINCE, changed: false }],
    ['a purchase order moves nothing', doc('contracted'), 'purchase-order', { stage: 'contracted', stageSince: SINCE, changed: false }],
    ['a shipping notice moves nothing', doc('ready'), 'shipping-notice', { stage: 'ready', stageSince: SINCE, changed: false }],
  ];
  it.each(cases)('%s', (_name, input, kind, expected) => {
    expect(orderStageAfterDocument(input, kind, TODAY, 30)).toStrictEqual(expected);
  });

  it('makes a quotation with 0 validity days valid through today only', () => {
    expect(orderStageAfterDocument(doc('inquiry'), 'quotation', TODAY, 0).quoteValidUntil).toBe(TODAY);
  });

  it.each([-1, 1.5, Number.NaN])('rejects a validity of %d days', (days) => {
    expect(() => orderStageAfterDocument(doc('inquiry'), 'quotation', TODAY, days)).toThrow(RangeError);
  });
});
