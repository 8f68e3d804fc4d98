import type { DurableTimer } from '@omni/service-kit';
import type { Scheduling } from './context.js';
import { fireShiftTimer } from './shifts.js';

const MINUTE_MS = 60_000;

export interface ShiftTimerSettings {
  readonly reminderMinutes: number;
  readonly clockInGraceMinutes: number;
}

/**
 * `starting_soon` before an assigned shift starts and `missed` after its start without a clock-in:
 * rows armed by the shiftTimers read model, fired by one leader, decided by the shift's decider (which
 * decides nothing the second time), so each is published once.
 */
export function shiftTimers(service: Scheduling, settings: ShiftTimerSettings): DurableTimer[] {
  const metadataFor = (kind: string, shiftId: string) => ({
    correlationId: shiftId,
    causationId: `${kind}:${shiftId}`,
  });
  return [
    {
      name: 'shift-reminder',
      table: `${service.schema}.shift_reminders`,
      keyColumn: 'shift_id',
      anchorColumn: 'starts_at',
      delayMs: -settings.reminderMinutes * MINUTE_MS,
      fire: (shiftId) =>
        fireShiftTimer(service, shiftId, { type: 'RemindShift' }, metadataFor('shift-reminder', shiftId)),
    },
    {
      name: 'missed-clock-in',
      table: `${service.schema}.shift_clock_ins`,
      keyColumn: 'shift_id',
      anchorColumn: 'starts_at',
      delayMs: settings.clockInGraceMinutes * MINUTE_MS,
      fire: (shiftId) =>
        fireShiftTimer(
          service,
          shiftId,
          { type: 'MarkShiftMissed' },
          metadataFor('missed-clock-in', shiftId),
        ),
    },
  ];
}
