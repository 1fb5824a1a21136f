// An in-memory SidebarApi over one small customer (2 orders, 3 contacts, 2 follow-ups) for the panel's browser tests.
import { z } from 'zod';
import { sidebarStrings } from '../../src/domain/i18n/sidebar';
import type { LogContactInput, PanelContacts, PanelData, PanelFollowUp, PanelLang, PanelOrder, SidebarApi } from '../../src/ui/sidebar-contract';

type StatusCode = PanelFollowUp['statusCode'];
type Label = Record<PanelLang, string>;

const STAGES: Record<string, Label> = {
  inquiry: { en: 'Inquiry', zh: '询盘' },
  quoted: { en: 'Quoted', zh: '已报价' },
  'in-production': { en: 'In production', zh: '生产中' },
};

const STATUSES: Record<StatusCode, Label> = {
  pending: { en: 'Pending', zh: '待执行' },
  'in-progress': { en: 'In progress', zh: '进行中' },
  done: { en: 'Done', zh: '已完成' },
  overdue: { en: 'Overdue', zh: '已逾期' },
  'due-today': { en: 'Due today', zh: '今日到期' },
};

const CHANNELS: { code: string; label: Label }[] = [
  { code: 'email', label: { en: 'Email', zh: '邮件' } },
  { code: 'phone', label: { en: 'Phone', zh: '电话' } },
  { code: 'video', label: { en: 'Video call', zh: '视频' } },
  { code: 'visit', label: { en: 'Face-to-face', zh: '面谈' } },
  { code: 'im', label: { en: 'WhatsApp / WeChat', zh: '即时通讯' } },
];

const SHEET = 'https://docs.google.com/spreadsheets/d/1FakeGendanWorkbook/edit';

interface Order {
  orderNo: string;
  stageCode: string;
  total: string;
  deliveryDate: string;
  row: number;
}

interface Contact {
  date: string;
  channel: string;
  topic: string;
  summary: string;
  row: number;
}

interface FollowUp {
  id: string;
  action: string;
  owner: string;
  due: string;
  started: boolean;
  done: boolean;
  row: number;
}

export interface FakeCustomerOptions {
  lang?: PanelLang;
  /** Today in the spreadsheet's zone, YYYY-MM-DD. */
  today?: string;
  name?: string;
  customerLink?: string;
  documentsUrl?: string | null;
}

const LogContactInputSchema = z
  .object({
    customerId: z.string(),
    channel: z.string(),
    topic: z.string(),
    feedback: z.string(),
    nextAction: z.string(),
    owner: z.string(),
    due: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  })
  .strict();

const ARGS = {
  sidebarGetCustomer: z.union([z.tuple([z.string().nullable()]), z.tuple([z.string().nullable(), z.boolean()])]),
  sidebarGetContacts: z.tuple([z.string()]),
  sidebarLogContact: z.tuple([LogContactInputSchema]),
  sidebarMarkDone: z.tuple([z.string(), z.string()]),
  sidebarSnooze: z.tuple([z.string(), z.string(), z.number().int().positive()]),
  sidebarGenerateQuotation: z.tuple([z.string()]),
};

function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function text(lang: PanelLang, label: Label): string {
  return label[lang];
}

/** Implements the contract the way the server does, on plain arrays; `dispatch` is the harness backend. */
export class FakeSidebarBackend implements SidebarApi {
  readonly lang: PanelLang;
  readonly today: string;
  readonly customerId = 'C-0042';
  name: string;
  private readonly customerLink: string;
  private readonly documentsUrl: string | null;
  private quoteSeq = 0;
  private followUpSeq = 32;
  /** Set to make the next call of that function throw this message (once). */
  failNext: { fn: string; message: string } | null = null;

  readonly orders: Order[];
  readonly contacts: Contact[];
  readonly followUps: FollowUp[];

  constructor(options: FakeCustomerOptions = {}) {
    this.lang = options.lang ?? 'en';
    this.today = options.today ?? '2025-03-14';
    this.name = options.name ?? 'Nordlicht Home GmbH';
    this.customerLink = options.customerLink ?? `${SHEET}#gid=0&range=A7`;
    this.documentsUrl = options.documentsUrl === undefined ? 'https://drive.google.com/drive/folders/1FakeNordlicht' : options.documentsUrl;
    const zh = this.lang === 'zh';
    this.orders = [
      { orderNo: 'SO-2025-0012', stageCode: 'inquiry', total: 'USD 12,480.00', deliveryDate: '', row: 14 },
      { orderNo: 'SO-2025-0007', stageCode: 'in-production', total: 'USD 38,250.00', deliveryDate: '2025-03-12', row: 9 },
    ];
    this.contacts = [
      {
        date: '2025-03-10',
        channel: 'email',
        topic: zh ? '胡桃木餐边柜询价' : 'Walnut sideboard inquiry',
        summary: zh ? '要 200 件 FOB 宁波价，希望先寄样品。' : 'Wants an FOB Ningbo price for 200 pcs and samples first.',
        row: 31,
      },
      {
        date: '2025-03-03',
        channel: 'video',
        topic: zh ? 'SO-2025-0007 生产进度' : 'Production update SO-2025-0007',
        summary: zh ? '担心交期延误；已承诺确认新交货日期。' : 'Worried about the delay; we promised a confirmed new date.',
        row: 27,
      },
      {
        date: '2025-02-20',
        channel: 'phone',
        topic: zh ? '新品目录回访' : 'Catalogue follow-up',
        summary: zh ? '对橡木系列感兴趣。' : 'Interested in the oak range.',
        row: 19,
      },
    ];
    this.followUps = [
      {
        id: 'F-0031',
        action: zh ? '发送胡桃木餐边柜报价单' : 'Send quotation for walnut sideboards',
        owner: 'li.na@gendan-demo.com',
        due: '2025-03-13',
        started: false,
        done: false,
        row: 12,
      },
      {
        id: 'F-0032',
        action: zh ? '与工厂确认 SO-2025-0007 新交期' : 'Confirm the new SO-2025-0007 date with the factory',
        owner: 'wang.wei@gendan-demo.com',
        due: '2025-03-18',
        started: true,
        done: false,
        row: 13,
      },
    ];
  }

  /** The harness backend: checks the arguments against the contract, then calls the method. */
  readonly dispatch = (fn: string, args: unknown[]): unknown => {
    if (this.failNext && this.failNext.fn === fn) {
      const { message } = this.failNext;
      this.failNext = null;
      throw new Error(message);
    }
    switch (fn) {
      case 'sidebarGetCustomer':
        return this.sidebarGetCustomer(...(parseArgs(ARGS.sidebarGetCustomer, fn, args) as [string | null, boolean?]));
      case 'sidebarGetContacts':
        return this.sidebarGetContacts(...parseArgs(ARGS.sidebarGetContacts, fn, args));
      case 'sidebarLogContact':
        return this.sidebarLogContact(...parseArgs(ARGS.sidebarLogContact, fn, args));
      case 'sidebarMarkDone':
        return this.sidebarMarkDone(...parseArgs(ARGS.sidebarMarkDone, fn, args));
      case 'sidebarSnooze':
        return this.sidebarSnooze(...parseArgs(ARGS.sidebarSnooze, fn, args));
      case 'sidebarGenerateQuotation':
        return this.sidebarGenerateQuotation(...parseArgs(ARGS.sidebarGenerateQuotation, fn, args));
      default:
        throw new Error(`Script function not found: ${fn}`);
    }
  };

  /** As the server: the contact history only when asked for. */
  sidebarGetCustomer(customerId: string | null, withContacts = false): PanelData {
    if (customerId !== null) this.checkCustomer(customerId);
    return this.panel(withContacts);
  }

  sidebarGetContacts(customerId: string): PanelContacts {
    this.checkCustomer(customerId);
    const { contacts, customer } = this.panel(true);
    return { contacts: contacts ?? [], lastContact: customer.lastContact };
  }

  sidebarLogContact(input: LogContactInput): PanelData {
    this.checkCustomer(input.customerId);
    if (!CHANNELS.some((c) => c.code === input.channel)) throw new Error(`Unknown channel "${input.channel}"`);
    if (!input.topic) throw new Error('A contact needs a topic');
    this.contacts.unshift({ date: this.today, channel: input.channel, topic: input.topic, summary: input.feedback, row: 40 + this.contacts.length });
    if (input.nextAction) {
      this.followUpSeq += 1;
      this.followUps.push({
        id: `F-${String(this.followUpSeq).padStart(4, '0')}`,
        action: input.nextAction,
        owner: input.owner,
        due: input.due,
        started: false,
        done: false,
        row: 20 + this.followUpSeq,
      });
    }
    return this.panel();
  }

  sidebarMarkDone(customerId: string, followUpId: string): PanelData {
    this.checkCustomer(customerId);
    this.followUp(followUpId).done = true;
    return this.panel();
  }

  sidebarSnooze(customerId: string, followUpId: string, days: number): PanelData {
    this.checkCustomer(customerId);
    this.followUp(followUpId).due = addDays(this.today, days);
    return this.panel();
  }

  sidebarGenerateQuotation(orderNo: string): { message: string; links: { name: string; url: string }[] } {
    const order = this.orders.find((o) => o.orderNo === orderNo);
    if (!order) throw new Error(`No order ${orderNo}`);
    if (order.stageCode !== 'inquiry' && order.stageCode !== 'quoted') throw new Error(`${orderNo} is past quoting`);
    this.quoteSeq += 1;
    const quoteNo = `QT-2025-${String(this.quoteSeq).padStart(4, '0')}`;
    order.stageCode = 'quoted';
    const message = this.lang === 'zh' ? `已为 ${orderNo} 生成报价单 ${quoteNo}。` : `Quotation ${quoteNo} created for ${orderNo}.`;
    return {
      message,
      links: [
        { name: `${quoteNo} (Google Doc)`, url: `https://docs.google.com/document/d/1Fake${quoteNo}/edit` },
        { name: `${quoteNo}.pdf`, url: `https://drive.google.com/file/d/1Fake${quoteNo}pdf/view` },
      ],
    };
  }

  /** Open follow-ups as the panel shows them. */
  openFollowUps(): FollowUp[] {
    return this.followUps.filter((f) => !f.done);
  }

  /** The panel as the server builds it; the actions' answers carry the contact history (they read it). */
  private panel(withContacts = true): PanelData {
    const lang = this.lang;
    const open = this.openFollowUps().sort((a, b) => (a.due || '9999').localeCompare(b.due || '9999'));
    const followUps: PanelFollowUp[] = open.map((f) => {
      const statusCode = this.statusOf(f);
      return {
        id: f.id,
        action: f.action,
        owner: f.owner,
        due: f.due,
        status: text(lang, STATUSES[statusCode]),
        statusCode,
        link: `${SHEET}#gid=5&range=A${f.row}`,
      };
    });
    const orders: PanelOrder[] = this.orders.map((o) => {
      const statusCode: StatusCode = o.deliveryDate && o.deliveryDate < this.today ? 'overdue' : 'pending';
      return {
        orderNo: o.orderNo,
        stage: text(lang, STAGES[o.stageCode]),
        stageCode: o.stageCode,
        status: text(lang, STATUSES[statusCode]),
        statusCode,
        total: o.total,
        deliveryDate: o.deliveryDate,
        link: `${SHEET}#gid=2&range=A${o.row}`,
      };
    });
    const channelLabel = (code: string) => text(lang, CHANNELS.find((c) => c.code === code)?.label ?? { en: code, zh: code });
    return {
      lang,
      strings: sidebarStrings(lang),
      customer: {
        id: this.customerId,
        name: this.name,
        country: lang === 'zh' ? '德国' : 'Germany',
        timeZone: 'Europe/Berlin',
        localTime: lang === 'zh' ? '周五 09:30' : 'Fri 09:30',
        language: 'de',
        contact: lang === 'zh' ? 'Anna Weber（采购经理）' : 'Anna Weber (Purchasing manager)',
        email: 'anna.weber@nordlicht-home.de',
        phone: '+49 40 1234 5678',
        owner: 'li.na@gendan-demo.com',
        grade: 'A',
        lastContact: this.contacts[0]?.date ?? '',
        nextFollowUp: open[0]?.due ?? '',
        link: this.customerLink,
      },
      orders,
      contacts: withContacts
        ? this.contacts.slice(0, 10).map((c) => ({
          date: c.date,
          channel: channelLabel(c.channel),
          topic: c.topic,
          summary: c.summary,
          link: `${SHEET}#gid=4&range=A${c.row}`,
        }))
        : null,
      followUps,
      channels: CHANNELS.map((c) => ({ code: c.code, label: text(lang, c.label) })),
      documentsUrl: this.documentsUrl,
    };
  }

  private statusOf(f: FollowUp): StatusCode {
    if (f.done) return 'done';
    if (f.due && f.due < this.today) return 'overdue';
    return f.started ? 'in-progress' : 'pending';
  }

  private followUp(id: string): FollowUp {
    const found = this.followUps.find((f) => f.id === id);
    if (!found) throw new Error(`No follow-up ${id}`);
    return found;
  }

  private checkCustomer(customerId: string): void {
    if (customerId !== this.customerId) throw new Error(`No customer ${customerId}`);
  }
}

function parseArgs<T extends z.ZodTypeAny>(schema: T, fn: string, args: unknown[]): z.infer<T> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new Error(`${fn}: arguments do not match the contract: ${parsed.error.message}`);
  return parsed.data;
}
