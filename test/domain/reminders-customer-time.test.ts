// Specification of customerWindow: customer mails go out inside the customer's own working hours and week.
import { customerTimeZone, customerWindow } from '../../src/domain/reminders/customer-time';
import { DEFAULT_REMINDER_CONFIG, reminderConfig } from '../../src/domain/reminders/rules';
import { SHEET_ZONE, at, customer } from './reminders-fixtures';

const LA = customer({ customerId: 'C-LA', country: 'United States', timeZone: 'America/Los_Angeles' });
const RIYADH = customer({ customerId: 'C-RUH', country: 'Saudi Arabia', timeZone: 'Asia/Riyadh' });
const SHANGHAI = customer({ customerId: 'C-SHA', country: 'China', timeZone: 'Asia/Shanghai' });
const window = (now: number, c = LA, config = DEFAULT_REMINDER_CONFIG) => customerWindow(now, c, config, SHEET_ZONE);

describe('customerWindow', () => {
  describe('a customer in Los Angeles', () => {
    it('is open from 09:00 to 17:59 on a weekday, their time', () => {
      expect(window(at('2026-03-09', 9, 0, 'America/Los_Angeles')).open).toBe(true);
      expect(window(at('2026-03-09', 17, 59, 'America/Los_Angeles')).open).toBe(true);
      expect(window(at('2026-03-09', 9, 0, 'America/Los_Angeles'))).toMatchObject({ timeZone: 'America/Los_Angeles', localDate: '2026-03-09' });
    });

    it('is closed before 09:00 and opens at 09:00 the same day', () => {
      const w = window(at('2026-03-09', 8, 59, 'America/Los_Angeles'));
      expect(w.open).toBe(false);
      expect(w.opensAt).toBe(Date.UTC(2026, 2, 9, 16, 0)); // 09:00 PDT
    });

    it('is closed at 18:00 and opens the next morning', () => {
      const w = window(at('2026-03-10', 18, 0, 'America/Los_Angeles'));
      expect(w).toMatchObject({ open: false, opensAt: Date.UTC(2026, 2, 11, 16, 0) });
    });

    it('skips the weekend across the DST change (Friday PST → Monday PDT)', () => {
      const w = window(at('2026-03-06', 18, 30, 'America/Los_Angeles'));
      expect(w.open).toBe(false);
      expect(w.opensAt).toBe(Date.UTC(2026, 2, 9, 16, 0)); // Monday 09:00 PDT, not 17:00 UTC
    });

    it('is closed when Shanghai is at work (10:00 Monday in Shanghai is Sunday evening in LA)', () => {
      const w = window(at('2026-03-09', 10, 0, 'Asia/Shanghai'));
      expect(w).toMatchObject({ open: false, localDate: '2026-03-08', opensAt: Date.UTC(2026, 2, 9, 16, 0) });
    });
  });

  describe('a customer in Riyadh (Friday–Saturday weekend)', () => {
    it('is closed on Friday at 10:00 and opens on Sunday at 09:00', () => {
      const w = window(at('2026-03-06', 10, 0, 'Asia/Riyadh'), RIYADH);
      expect(w.open).toBe(false);
      expect(w.weekend).toEqual([5, 6]);
      expect(w.opensAt).toBe(Date.UTC(2026, 2, 8, 6, 0)); // Sunday 09:00 AST (UTC+3)
    });

    it('is closed on Saturday and open on Sunday at 10:00', () => {
      expect(window(at('2026-03-07', 10, 0, 'Asia/Riyadh'), RIYADH).open).toBe(false);
      expect(window(at('2026-03-08', 10, 0, 'Asia/Riyadh'), RIYADH).open).toBe(true);
    });

    it('knows the weekend from the zone when the Country cell is blank', () => {
      const noCountry = { ...RIYADH, country: undefined };
      expect(window(at('2026-03-06', 10, 0, 'Asia/Riyadh'), noCountry).open).toBe(false);
      expect(window(at('2026-03-08', 10, 0, 'Asia/Riyadh'), noCountry).open).toBe(true);
    });

    it('skips the country’s holidays', () => {
      const config = reminderConfig({ holidays: { SA: ['2026-03-08'] } });
      const w = window(at('2026-03-06', 10, 0, 'Asia/Riyadh'), RIYADH, config);
      expect(w.opensAt).toBe(Date.UTC(2026, 2, 9, 6, 0));
      expect(window(at('2026-03-08', 10, 0, 'Asia/Riyadh'), RIYADH, config).open).toBe(false);
    });
  });

  describe('a customer in Shanghai', () => {
    it('is open on Monday at 10:00 and closed on Saturday', () => {
      expect(window(at('2026-03-09', 10, 0, 'Asia/Shanghai'), SHANGHAI).open).toBe(true);
      expect(window(at('2026-03-07', 10, 0, 'Asia/Shanghai'), SHANGHAI)).toMatchObject({ open: false, opensAt: Date.UTC(2026, 2, 9, 1, 0) });
    });

    it('follows the working-hours setting', () => {
      const config = reminderConfig({ workingHours: { start: '08:00', end: '12:00' } });
      expect(window(at('2026-03-09', 8, 0, 'Asia/Shanghai'), SHANGHAI, config).open).toBe(true);
      expect(window(at('2026-03-09', 12, 0, 'Asia/Shanghai'), SHANGHAI, config)).toMatchObject({ open: false, opensAt: Date.UTC(2026, 2, 10, 0, 0) });
    });
  });

  describe('customerTimeZone', () => {
    it('falls back to the spreadsheet zone when the cell is blank or not a zone', () => {
      expect(customerTimeZone({ timeZone: undefined }, SHEET_ZONE)).toBe(SHEET_ZONE);
      expect(customerTimeZone({ timeZone: 'Mars/Olympus' }, SHEET_ZONE)).toBe(SHEET_ZONE);
      expect(customerTimeZone({ timeZone: ' Asia/Riyadh ' }, SHEET_ZONE)).toBe('Asia/Riyadh');
      expect(window(at('2026-03-09', 10, 0, SHEET_ZONE), customer({ timeZone: undefined })).open).toBe(true);
    });
  });
});
