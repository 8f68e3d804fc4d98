import { given } from '@omni/testing';
import { ticketCounterDecider, ticketNumber } from '../src/domain/ticketCounter/decider.js';
import { incidentTypeDecider } from '../src/domain/incidentType/decider.js';

const ticketId = '0190bbbb-0000-7000-8000-0000000000aa';
const typeId = '0190bbbb-0000-7000-8000-0000000000bb';

describe('ticket counter', () => {
  it('draws 1 first', () => {
    given(ticketCounterDecider, [])
      .when({ type: 'DrawNumber', kind: 'incident', ticketId })
      .then([{ type: 'number_drawn', data: { kind: 'incident', number: 1, ticketId } }]);
  });

  it('draws the number after the last one drawn', () => {
    const drawn = (number: number) => ({
      type: 'number_drawn' as const,
      data: { kind: 'service' as const, number, ticketId },
    });
    given(ticketCounterDecider, [drawn(1), drawn(2)])
      .when({ type: 'DrawNumber', kind: 'service', ticketId })
      .then([drawn(3)]);
  });

  it('formats numbers per kind', () => {
    expect([ticketNumber('incident', 7), ticketNumber('service', 12)]).toEqual(['INC-7', 'SRV-12']);
  });
});

describe('incident type', () => {
  const command = {
    type: 'CreateIncidentType' as const,
    id: typeId,
    code: 'POWER',
    name: 'Power',
    defaultPriority: 'high' as const,
  };
  const created = {
    type: 'created' as const,
    data: { incidentTypeId: typeId, code: 'POWER', name: 'Power', defaultPriority: 'high' as const },
  };

  it('is created once', () => {
    given(incidentTypeDecider, []).when(command).then([created]);
    given(incidentTypeDecider, [created]).when(command).thenFails('incident_type_exists');
  });
});
