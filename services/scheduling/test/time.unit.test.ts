import { isoWeekOf, minutesOf, overlaps } from '../src/domain/time.js';

describe('scheduling time', () => {
  it('numbers ISO weeks on the wall clock of the time zone', () => {
    expect(isoWeekOf('2026-01-01T12:00:00.000Z', 'UTC')).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf('2027-01-01T12:00:00.000Z', 'UTC')).toBe('2026-W53'); // a Friday: last year's week
    expect(isoWeekOf('2026-03-08T23:30:00.000Z', 'UTC')).toBe('2026-W10'); // Sunday night in London
    expect(isoWeekOf('2026-03-08T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-W11'); // already Monday
    expect(isoWeekOf('2026-03-09T03:00:00.000Z', 'America/New_York')).toBe('2026-W10'); // still Sunday
  });

  it('measures real minutes: the night the clocks go forward in Berlin is an hour shorter', () => {
    // 2026-03-29 00:00 to 2026-03-30 00:00 local time in Berlin.
    expect(minutesOf({ startsAt: '2026-03-28T23:00:00.000Z', endsAt: '2026-03-29T22:00:00.000Z' })).toBe(
      23 * 60,
    );
  });

  it('treats intervals as half-open', () => {
    const morning = { startsAt: '2026-03-02T08:00:00.000Z', endsAt: '2026-03-02T12:00:00.000Z' };
    expect(
      overlaps(morning, { startsAt: '2026-03-02T12:00:00.000Z', endsAt: '2026-03-02T13:00:00.000Z' }),
    ).toBe(false);
    expect(
      overlaps(morning, { startsAt: '2026-03-02T11:59:00.000Z', endsAt: '2026-03-02T13:00:00.000Z' }),
    ).toBe(true);
  });
});
