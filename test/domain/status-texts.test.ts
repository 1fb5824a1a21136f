// Specification of the status-area texts: both languages, matching slots, the seed names.
import { orderStageName, paymentStatusName, pipelineStageName, STATUS_MESSAGES, statusMessage, workStatusName } from '../../src/domain/i18n/status';
import { ORDER_STAGES, PAYMENT_STATUSES, PIPELINE_STAGES, WORK_STATUSES } from '../../src/domain/ledgers/records';

describe('status texts', () => {
  it('have an English and a Chinese form with the same {slots}', () => {
    for (const [id, m] of Object.entries(STATUS_MESSAGES)) {
      expect([id, m.en.trim().length > 0, m.zh.trim().length > 0]).toEqual([id, true, true]);
      const slots = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect([id, slots(m.zh)]).toEqual([id, slots(m.en)]);
    }
  });

  it('name every code of records.ts', () => {
    for (const s of WORK_STATUSES) expect(workStatusName(s).zh).not.toBe('');
    for (const s of ORDER_STAGES) expect(orderStageName(s).en).not.toBe('');
    for (const s of PAYMENT_STATUSES) expect(paymentStatusName(s).en).not.toBe('');
    for (const s of PIPELINE_STAGES) expect(pipelineStageName(s).zh).not.toBe('');
  });

  it('use the seed 001 status names', () => {
    expect(WORK_STATUSES.map((s) => workStatusName(s).zh)).toEqual(['待执行', '进行中', '已完成', '已逾期']);
  });

  it('use the product names of the order stages', () => {
    expect(ORDER_STAGES.map((s) => orderStageName(s).zh)).toEqual(['询盘', '已报价', '已签约', '已收定金', '生产中', '待出货', '已出货', '已收余款', '已完成', '已终止']);
  });

  it('fill a bilingual slot with each language', () => {
    expect(statusMessage('orderError.BALANCE_BEFORE_CONTRACT', { stage: orderStageName('quoted') })).toEqual({
      en: 'Balance received on was filled while the order is still at "Quoted". A balance follows a contract; the stage was not changed.',
      zh: '订单仍处于“已报价”阶段却填写了尾款到账日。签约后才有尾款，阶段未更改。',
    });
  });
});
