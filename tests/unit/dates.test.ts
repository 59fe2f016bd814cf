import { describe, expect, it } from 'vitest';
import {
  formatCalendarDay,
  formatLongDateTime,
  formatLongDay,
  formatMonthYear,
  formatShortDateTime,
  formatShortDateTimeSeconds,
  formatTime,
  parisIsoDay,
} from '@/shared/dates';

// 23:30 UTC on 6 December is 00:30 on 7 December in Paris (UTC+1 in winter).
const lateEvening = new Date('2026-12-06T23:30:12Z');

describe('dates shown to people', () => {
  it('shows an instant in Paris time, whatever the server’s zone', () => {
    expect(formatShortDateTime(lateEvening)).toBe('07/12/2026 00:30');
    expect(formatShortDateTimeSeconds(lateEvening)).toBe('07/12/2026 00:30:12');
    expect(formatLongDateTime(lateEvening)).toBe('7 décembre 2026 à 00:30');
    expect(formatLongDay(lateEvening)).toBe('7 décembre 2026');
    expect(formatTime(lateEvening)).toBe('00:30');
    expect(formatMonthYear(new Date('2026-11-30T23:30:00Z'))).toBe('décembre 2026');
  });

  it('a file name carries Paris’ day, not UTC’s (the journal export and the letters said 2026-12-06 here)', () => {
    expect(parisIsoDay(lateEvening)).toBe('2026-12-07');
    expect(parisIsoDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(parisIsoDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('shows a calendar date as the day it is, and a missing date as the given placeholder', () => {
    expect(formatCalendarDay(new Date('2026-12-31T00:00:00Z'))).toBe('31 décembre 2026');
    expect(formatShortDateTime(null)).toBe('—');
    expect(formatShortDateTime(undefined, 'jamais')).toBe('jamais');
  });
});
