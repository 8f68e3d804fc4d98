import { loadConfig } from '@omni/service-kit';
import { z } from 'zod';

describe('loadConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('runs locally with defaults', () => {
    delete process.env['DATABASE_URL'];
    delete process.env['NATS_URL'];
    const config = loadConfig();
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/omni');
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
  });

  it('names every bad variable', () => {
    process.env['DATABASE_URL'] = 'not a url';
    process.env['PORT'] = 'eighty';
    expect(() => loadConfig(z.object({ PORT: z.coerce.number().int() }))).toThrow(/DATABASE_URL[\s\S]*PORT/);
  });

  it('adds the service’s own variables', () => {
    process.env['PORT'] = '9090';
    expect(loadConfig(z.object({ PORT: z.coerce.number().int() })).PORT).toBe(9090);
  });
});
