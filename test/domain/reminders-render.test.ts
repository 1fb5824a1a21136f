// Specification of reminder rendering: the owner's digest and customer mails from templates, in the right language.
import { planReminderRun, type DigestPlan } from '../../src/domain/reminders/plan-run';
import {
  MAIL_FIELD_NAMES,
  defaultMailTemplateRows,
  defaultMailTemplates,
  escapeHtml,
  formatMailAmount,
  formatMailDate,
  pickMailTemplate,
  renderCustomerMail,
  renderDigest,
  renderMailTemplate,
  textToHtml,
  type MailTemplateEntry,
} from '../../src/domain/reminders/render';
import { REMINDER_RULES, dueReminders, type ReminderLedger } from '../../src/domain/reminders/rules';
import { SHEET_ZONE, at, customer, followUp, item, order } from './reminders-fixtures';

const linkTo = (ledger: ReminderLedger, row: number) => `https://docs.google.com/spreadsheets/d/abc/edit#gid=${ledger}&range=A${row}`;
const EVIL = '<script>alert(1)</script>';

function digestWith(entries: DigestPlan['entries'], waitingForQuota = 0, extra: Partial<DigestPlan> = {}): DigestPlan {
  const open = { overdue: 0, today: 0, upcoming: 0 };
  for (const e of entries) open[e.item.urgency]++;
  return { key: 'digest:li@team.cn:2026-03-09', owner: 'li@team.cn', to: 'li@team.cn', date: '2026-03-09', entries, open, more: 0, waitingForQuota, ...extra };
}

describe('renderDigest', () => {
  const overdue = item({ customerName: EVIL, action: { en: `Send the quotation follow-up to ${EVIL}`, zh: `给${EVIL}发报价跟进邮件` } });
  const today = item({ rule: 'follow-up-due', audience: 'staff', urgency: 'today', dueDate: '2026-03-09', ref: { ledger: 'follow-ups', row: 8, id: 'FU-1' }, action: { en: 'Call Mr Chen (Acme)', zh: '给陈先生打电话（Acme）' } });
  const upcoming = item({ rule: 'delivery-soon', audience: 'staff', urgency: 'upcoming', dueDate: '2026-03-11', ref: { ledger: 'orders', row: 3, id: 'SO-3' }, action: { en: 'Confirm with the factory', zh: '与工厂确认' } });
  const digest = digestWith([{ item: overdue, mail: 'draft', isNew: true }, { item: today, isNew: false }, { item: upcoming, isNew: false }], 4);

  it('groups items as Overdue, Due today, Coming up, and counts them (and the new ones) in the subject', () => {
    const d = renderDigest(digest, { lang: 'en', linkTo });
    expect(d.subject).toBe('Gendan 2026-03-09: 1 overdue (1 new), 1 due today, 1 coming up');
    const order = ['Overdue (1, 1 new)', 'Due today (1)', 'Coming up (1)'].map((h) => d.text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(d.html.indexOf('Overdue (1, 1 new)')).toBeLessThan(d.html.indexOf('Due today (1)'));
    expect(d.text).toContain('- Acme Trading LLC: Call Mr Chen (Acme) (due 2026-03-09; Follow-up due)');
  });

  it('marks the items no earlier digest listed as new, and only those', () => {
    const d = renderDigest(digest, { lang: 'en', linkTo });
    const lines = d.text.split('\n').filter((l) => l.startsWith('- '));
    expect(lines.map((l) => l.startsWith('- [new] '))).toEqual([true, false, false]);
    expect(d.text).toContain('Items marked “new” were in no earlier digest.');
    expect(d.html.match(/>new<\/span>/g)).toHaveLength(1);
    const none = renderDigest(digestWith([{ item: today, isNew: false }]), { lang: 'en', linkTo });
    expect(none.subject).toBe('Gendan 2026-03-09: 0 overdue, 1 due today, 0 coming up');
    expect(none.text).not.toContain('[new]');
    expect(none.text).not.toContain('marked “new”');
  });

  it('counts the open items it does not list, in the subject, the headings and a line of their own', () => {
    const d = renderDigest(digestWith([{ item: overdue, isNew: true }], 0, { open: { overdue: 3, today: 2, upcoming: 0 }, more: 4 }), { lang: 'en', linkTo });
    expect(d.subject).toBe('Gendan 2026-03-09: 3 overdue (1 new), 2 due today, 0 coming up');
    expect(d.text).toContain('Overdue (3, 1 listed here, 1 new)');
    expect(d.text).toContain('Due today (2, 0 listed here)');
    expect(d.text).not.toContain('Coming up');
    expect(d.text).toContain('4 more open item(s), less urgent, are not listed here: this digest lists the 1 most urgent.');
    expect(renderDigest(digest, { lang: 'en', linkTo }).text).not.toContain('more open item');
  });

  it('says in its footer that items stay until done or moved', () => {
    expect(renderDigest(digest, { lang: 'en', linkTo }).text).toMatch(/Open items stay in your digest every day until they are done or their date moves/);
    expect(renderDigest(digest, { lang: 'zh', linkTo }).text).toMatch(/未完成的事项每天都会列在汇总中，直到完成或日期调整/);
    expect(renderDigest(digest, { lang: 'en', linkTo }).text).not.toContain('comes once');
  });

  it('escapes every cell value in the HTML', () => {
    const d = renderDigest(digest, { lang: 'en', linkTo });
    expect(d.html).not.toContain('<script>');
    expect(d.html).toContain('<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>');
    expect(d.html).toContain('Send the quotation follow-up to &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(d.text).toContain(EVIL); // plain text is not HTML
  });

  it('links each item to its row, escaped, and drops links that are not web addresses', () => {
    const d = renderDigest(digest, { lang: 'en', linkTo });
    expect(d.html).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit#gid=follow-ups&amp;range=A8">Open row</a>');
    expect(d.text).toContain('https://docs.google.com/spreadsheets/d/abc/edit#gid=orders&range=A3');
    const bad = renderDigest(digest, { lang: 'en', linkTo: () => 'javascript:alert(1)' });
    expect(bad.html).not.toContain('javascript:');
  });

  it('says what happens to the customer mail and how many mails wait for quota', () => {
    const d = renderDigest(digest, { lang: 'en', linkTo });
    expect(d.text).toContain('a draft to the customer is ready in Gmail');
    expect(d.text).toContain('4 customer mail(s) are waiting for mail quota');
    expect(renderDigest(digestWith([{ item: today, isNew: true }]), { lang: 'en', linkTo }).text).not.toContain('waiting for mail quota');
  });

  it('speaks the owner’s language', () => {
    const d = renderDigest(digest, { lang: 'zh', linkTo });
    expect(d.subject).toBe('跟单提醒 2026-03-09：逾期 1 项（新增 1 项），今日到期 1 项，即将到期 1 项');
    expect(d.html).toContain('已逾期（1，新增 1 项）');
    expect(d.html).toContain('今日到期（1）');
    expect(d.html).toContain('即将到期（1）');
    expect(d.html).toContain('>新</span>');
    expect(d.text).toContain('- [新] ');
    expect(d.html).toContain('给&lt;script&gt;alert(1)&lt;/script&gt;发报价跟进邮件');
    expect(d.text).toContain('另有 4 封客户邮件因邮件配额不足待发');
    const more = renderDigest(digestWith([{ item: overdue, isNew: false }], 0, { open: { overdue: 5, today: 0, upcoming: 0 }, more: 4 }), { lang: 'zh', linkTo });
    expect(more.text).toContain('已逾期（5，此处列出 1 项）');
    expect(more.text).toContain('另有 4 项较不紧急的未完成事项未在此列出（本汇总只列出最紧急的 1 项）');
  });

  it('renders a digest straight from a plan', () => {
    const items = dueReminders({
      now: at('2026-03-09', 10, 0, SHEET_ZONE),
      timeZone: SHEET_ZONE,
      customers: [customer({ name: EVIL })],
      orders: [order({ stage: 'quoted', quoteDate: '2026-03-01' })],
      contacts: [],
      followUps: [followUp({ due: '2026-03-09' })],
      afterSales: [],
    });
    const plan = planReminderRun({ items, alreadyLogged: new Set(), now: at('2026-03-09', 10, 0, SHEET_ZONE), quota: 10, mode: 'draft', customers: [customer({ name: EVIL })], timeZone: SHEET_ZONE });
    const d = renderDigest(plan.digests[0] as DigestPlan, { lang: 'en', linkTo });
    expect(d.html).not.toMatch(/<script/i);
    expect(d.text).toContain('Send the revised quotation');
    expect(d.subject).toBe('Gendan 2026-03-09: 1 overdue (1 new), 1 due today (1 new), 0 coming up');
  });
});

describe('renderMailTemplate', () => {
  it('fills {{placeholders}}, with spaces inside the braces allowed', () => {
    const r = renderMailTemplate({ subject: 'Order {{ orderNo }}', body: 'Dear {{contact}},\n\nThanks.' }, { orderNo: 'SO-1', contact: 'Ann' });
    expect(r).toEqual({ subject: 'Order SO-1', text: 'Dear Ann,\n\nThanks.', html: textToHtml('Dear Ann,\n\nThanks.'), unknown: [], blank: [] });
  });

  it('reports unknown placeholders and leaves them out of the mail', () => {
    const r = renderMailTemplate({ subject: '{{nope}} Order {{orderNo}}', body: 'Hi {{firstName}} {{firstName}}' }, { orderNo: 'SO-1' });
    expect(r.unknown).toEqual(['nope', 'firstName']);
    expect(r.subject).toBe('Order SO-1');
    expect(r.text).not.toContain('{{');
  });

  it('reports empty fields', () => {
    expect(renderMailTemplate({ subject: 'x', body: 'Tracking: {{trackingNo}}' }, { trackingNo: '' }).blank).toEqual(['trackingNo']);
  });

  it('escapes values in the HTML and keeps the subject on one line', () => {
    const r = renderMailTemplate({ subject: 'Re: {{name}}', body: 'Dear {{name}}\nline two' }, { name: `${EVIL}\r\nBcc: x@y` });
    expect(r.subject).toBe(`Re: ${EVIL} Bcc: x@y`);
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br>Bcc: x@y<br>line two');
    expect(r.html).not.toContain('<script>');
  });
});

describe('text helpers', () => {
  it('turns paragraphs into <p> and lines into <br>', () => {
    expect(textToHtml('a\nb\n\n\nc')).toMatch(/<p>a<br>b<\/p><p>c<\/p><\/div>$/);
    expect(escapeHtml(`"O'Neil" & <Co>`)).toBe('&quot;O&#39;Neil&quot; &amp; &lt;Co&gt;');
  });

  it('writes dates the way the reader expects', () => {
    expect(formatMailDate('2026-03-01', 'en')).toBe('1 March 2026');
    expect(formatMailDate('2026-03-01', 'zh-CN')).toBe('2026年3月1日');
    expect(formatMailDate('2026-03-01', 'es')).toBe('2026-03-01');
  });
});

describe('default mail templates', () => {
  it('has one template per customer rule, in English and Chinese', () => {
    const customerRules = REMINDER_RULES.filter((r) => r.audience === 'customer').map((r) => r.id);
    const rows = defaultMailTemplates();
    expect(rows).toHaveLength(customerRules.length * 2);
    for (const id of customerRules) {
      expect(rows.filter((t) => t.key === id).map((t) => t.language)).toEqual(['en', 'zh']);
    }
    expect(defaultMailTemplateRows()[0]).toEqual(['Template', 'Language', 'Subject', 'Body']);
    expect(defaultMailTemplateRows()[1]?.slice(0, 2)).toEqual(['quote-no-decision', 'en']);
  });

  it('only uses known fields', () => {
    const known = new Set<string>(MAIL_FIELD_NAMES);
    for (const t of defaultMailTemplates()) {
      for (const m of `${t.subject}\n${t.body}`.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) expect(known).toContain(m[1]);
    }
  });

  it('asks, after a quotation, whether the price suits, whether more information is needed and whether they will order', () => {
    const en = pickMailTemplate([], 'quote-no-decision', 'en') as MailTemplateEntry;
    expect(en.body).toMatch(/price suit/);
    expect(en.body).toMatch(/further information/);
    expect(en.body).toMatch(/intend to place an order/);
    const zh = pickMailTemplate([], 'quote-no-decision', 'zh') as MailTemplateEntry;
    expect(zh.body).toMatch(/价格是否合适/);
    expect(zh.body).toMatch(/采购意向/);
  });
});

describe('pickMailTemplate', () => {
  const sheet: MailTemplateEntry[] = [
    { key: 'reorder-check', language: 'es', subject: 'Pedido {{orderNo}}', body: 'Estimado {{contact}}' },
    { key: 'reorder-check', language: 'en', subject: 'Custom {{orderNo}}', body: 'Hello {{contact}}' },
  ];

  it('takes Chinese for any zh* language', () => {
    for (const lang of ['zh', 'zh-CN', 'ZH-tw', ' zh-Hans ']) expect(pickMailTemplate(sheet, 'reorder-check', lang)?.language).toBe('zh');
  });

  it('takes the row for the exact language code when the sheet has one, else English', () => {
    expect(pickMailTemplate(sheet, 'reorder-check', 'es')?.subject).toBe('Pedido {{orderNo}}');
    expect(pickMailTemplate(sheet, 'reorder-check', 'de')?.subject).toBe('Custom {{orderNo}}');
    expect(pickMailTemplate(sheet, 'reorder-check', undefined)?.subject).toBe('Custom {{orderNo}}');
    expect(pickMailTemplate([], 'reorder-check', 'de')?.language).toBe('en');
  });

  it('uses a regional row (zh-TW) only for that exact code', () => {
    const tw = [{ key: 'reorder-check', language: 'zh-TW', subject: '訂單 {{orderNo}}', body: '您好' }];
    expect(pickMailTemplate(tw, 'reorder-check', 'zh-TW')?.subject).toBe('訂單 {{orderNo}}');
    expect(pickMailTemplate(tw, 'reorder-check', 'zh-CN')?.language).toBe('zh');
  });
});

describe('renderCustomerMail', () => {
  const sender = { companyName: 'Ningbo Brightway Co., Ltd.', signature: 'Li Wei\nNingbo Brightway Co., Ltd.' };
  const quote = item();

  it('renders the quotation follow-up in English for an English-speaking customer', () => {
    const m = renderCustomerMail({ item: quote, language: 'en', fields: sender });
    expect(m.language).toBe('en');
    expect(m.subject).toBe('Our quotation Q-2026-0001: any questions?');
    expect(m.text).toContain('Dear Mr Chen,');
    expect(m.text).toContain('On 1 March 2026 we sent you our quotation Q-2026-0001');
    expect(m.text).toContain('Li Wei\nNingbo Brightway Co., Ltd.');
    expect(m.sendable).toBe(true);
  });

  it('renders it in Chinese for a zh-CN customer', () => {
    const m = renderCustomerMail({ item: quote, language: 'zh-CN', fields: sender });
    expect(m.language).toBe('zh');
    expect(m.subject).toBe('关于我司报价单 Q-2026-0001 的跟进');
    expect(m.text).toContain('尊敬的Mr Chen：');
    expect(m.text).toContain('我司已于 2026年3月1日 向贵司发送报价单 Q-2026-0001');
    expect(m.html).toContain('<p>尊敬的Mr Chen：</p>');
  });

  it('uses the sheet’s row for an exact language code', () => {
    const rows: MailTemplateEntry[] = [{ key: 'quote-no-decision', language: 'es', subject: 'Cotización {{quoteNo}}', body: 'Estimado {{contact}}: {{quoteDate}}' }];
    const m = renderCustomerMail({ item: quote, language: 'es', templates: rows, fields: sender });
    expect(m.subject).toBe('Cotización Q-2026-0001');
    expect(m.text).toBe('Estimado Mr Chen: 2026-03-01');
  });

  it('greets politely when the contact is unknown, and escapes customer data in the HTML', () => {
    const anon = item({ fields: { ...quote.fields, contact: '', quoteNo: EVIL } });
    const en = renderCustomerMail({ item: anon, language: 'en', fields: sender });
    expect(en.text).toContain('Dear Sir or Madam,');
    expect(en.html).not.toContain('<script>');
    expect(renderCustomerMail({ item: anon, language: 'zh', fields: sender }).text).toContain('尊敬的客户：');
  });

  it('names the attached invoice and the transport for a shipment', () => {
    const shipped = item({
      rule: 'shipped-send-docs',
      attachDocType: 'invoice',
      fields: { orderNo: 'SO-7', contact: 'Ms Garcia', shippedOn: '2026-03-05', transport: 'sea', trackingNo: 'MSKU1234567', destinationPort: 'Long Beach', eta: '2026-04-02' },
    });
    const en = renderCustomerMail({ item: shipped, language: 'en', fields: sender });
    expect(en.text).toContain('Transport: sea freight');
    expect(en.text).toContain('Please find the commercial invoice and packing list attached.');
    expect(en.sendable).toBe(true);
    const zh = renderCustomerMail({ item: { ...shipped, attachDocType: undefined }, language: 'zh', fields: sender });
    expect(zh.text).toContain('运输方式：海运');
    expect(zh.text).toContain('商业发票和装箱单将随后发送给您。');
  });

  it('is not sendable when a field it uses is empty', () => {
    const noTracking = item({ rule: 'shipped-send-docs', fields: { orderNo: 'SO-7', contact: 'Ms Garcia', shippedOn: '2026-03-05' } });
    const m = renderCustomerMail({ item: noTracking, language: 'en', fields: sender });
    expect(m.sendable).toBe(false);
    expect(m.blank).toEqual(expect.arrayContaining(['transport', 'trackingNo', 'eta']));
  });

  it('writes the balance with its currency', () => {
    const balance = item({ rule: 'balance-unpaid', fields: { orderNo: 'SO-9', contact: 'Ms Lee', balanceAmount: '7000', currency: 'USD', balanceDueOn: '2026-03-02' } });
    expect(renderCustomerMail({ item: balance, language: 'en', fields: sender }).text).toContain('the balance of order SO-9, USD 7,000.00, was due on 2 March 2026');
    expect(renderCustomerMail({ item: balance, language: 'zh', fields: sender }).text).toContain('订单 SO-9 的尾款 USD 7,000.00 已于 2026年3月2日 到期');
    expect(formatMailAmount(-1234567.891, 'EUR')).toBe('EUR -1,234,567.89');
    expect(formatMailAmount(0.004, '')).toBe('0.00');
  });

  it('leaves the reason and the new date of a late order for the rep to write', () => {
    const late = item({ rule: 'goods-late', draftOnly: true, fields: { orderNo: 'SO-8', contact: 'Mr Al-Harbi', deliveryDate: '2026-03-10' } });
    expect(renderCustomerMail({ item: late, language: 'en', fields: sender }).text).toContain('Reason: [please state the reason]');
    expect(renderCustomerMail({ item: late, language: 'zh', fields: sender }).text).toContain('延期原因：【请填写原因】');
  });

  it('renders every customer reminder that dueReminders makes without unknown placeholders', () => {
    const customers = [customer({ contact: 'Mr Chen', language: 'zh' })];
    const items = dueReminders({
      now: at('2026-03-30', 10, 0, SHEET_ZONE),
      timeZone: SHEET_ZONE,
      customers,
      orders: [
        order({ orderNo: 'SO-1', stage: 'quoted', quoteNo: 'Q-1', quoteDate: '2026-03-20' }),
        order({ orderNo: 'SO-2', stage: 'production', deliveryDate: '2026-03-25' }),
        order({ orderNo: 'SO-3', stage: 'shipped', shippedOn: '2026-03-28', transport: 'air', trackingNo: '1Z999', destinationPort: 'Riyadh', eta: '2026-04-02', invoiceNo: 'CI-3', balanceDueOn: '2026-03-20', totalAmount: 5000, currency: 'USD' }),
        order({ orderNo: 'SO-4', stage: 'balance', shippedOn: '2026-02-01', eta: '2026-03-09' }),
      ],
      contacts: [],
      followUps: [],
      afterSales: [],
    });
    const rules = new Set(items.filter((i) => i.audience === 'customer').map((i) => i.rule));
    expect([...rules].sort()).toEqual(['balance-unpaid', 'goods-late', 'quote-no-decision', 'reorder-check', 'satisfaction-check', 'shipped-send-docs']);
    for (const i of items.filter((x) => x.audience === 'customer')) {
      for (const language of ['en', 'zh']) {
        const m = renderCustomerMail({ item: i, language, fields: sender });
        expect(m.unknown).toEqual([]);
        expect(m.text).not.toContain('{{');
      }
    }
  });
});
