import { prepared } from '@omni/event-store';

test('a text is prepared under one name, and two texts never share one', () => {
  const text = 'SELECT stream_sequence FROM a.stream_checkpoints WHERE name = $1';
  const first = prepared(text, ['x']);
  expect(first).toMatchObject({ text, values: ['x'] });
  expect(prepared(`${text}`, ['y']).name).toBe(first.name);
  expect(prepared(text.replace('a.', 'b.')).name).not.toBe(first.name);
  expect(first.name!.length).toBeLessThan(64); // PostgreSQL truncates identifiers at 63 bytes
});
