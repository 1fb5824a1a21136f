// Order-line arithmetic: amount from quantity and unit price, cartons and weights and volume from the product's
// carton data, and each order's total from its lines.
import type { OrderLineRecord, ProductRecord } from '../ledgers/records';
import { roundMoney } from '../money/round-money';

export interface LineAutos {
  amount?: number;
  cartons?: number;
  netWeight?: number;
  grossWeight?: number;
  cbm?: number;
}

/** Carton volume in m³ from "60x40x30 cm", "600*400*300mm", "0.6 x 0.4 x 0.3 m"; undefined when unreadable. */
export function cartonCbm(size: string | undefined): number | undefined {
  if (!size) return undefined;
  const m = /(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(mm|cm|m)?/i.exec(size.replace(/，/g, ','));
  if (!m) return undefined;
  const unit = (m[4] ?? 'cm').toLowerCase();
  const f = unit === 'mm' ? 0.001 : unit === 'm' ? 1 : 0.01;
  return round3(Number(m[1]) * f * Number(m[2]) * f * Number(m[3]) * f);
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * The computed columns of one line. The unit price falls back to the product's when the line has none.
 * @example lineAutos({ quantity: 250, unitPrice: 2 }, { pcsPerCarton: 100, gwPerCarton: 12 }) // { amount: 500, cartons: 3, grossWeight: 36, … }
 */
export function lineAutos(line: Pick<OrderLineRecord, 'quantity' | 'unitPrice'>, product?: Pick<ProductRecord, 'unitPrice' | 'pcsPerCarton' | 'nwPerCarton' | 'gwPerCarton' | 'cbmPerCarton' | 'cartonSize'>): LineAutos {
  const out: LineAutos = {};
  const qty = line.quantity;
  const price = line.unitPrice ?? product?.unitPrice;
  if (qty !== undefined && price !== undefined) out.amount = roundMoney(qty * price);
  if (qty !== undefined && product?.pcsPerCarton && product.pcsPerCarton > 0) {
    const cartons = Math.ceil(qty / product.pcsPerCarton);
    out.cartons = cartons;
    if (product.nwPerCarton !== undefined) out.netWeight = round3(cartons * product.nwPerCarton);
    if (product.gwPerCarton !== undefined) out.grossWeight = round3(cartons * product.gwPerCarton);
    const cbm = product.cbmPerCarton ?? cartonCbm(product.cartonSize);
    if (cbm !== undefined) out.cbm = round3(cartons * cbm);
  }
  return out;
}

/** Order no. → sum of its lines' amounts (lines without an amount count as 0; orders with no line are absent). */
export function orderTotals(lines: readonly Pick<OrderLineRecord, 'orderNo' | 'amount'>[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const l of lines) {
    const key = l.orderNo.trim().toUpperCase();
    if (!key) continue;
    totals.set(key, roundMoney((totals.get(key) ?? 0) + (l.amount ?? 0)));
  }
  return totals;
}
