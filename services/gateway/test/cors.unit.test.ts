import { GatewayEnv } from '../src/config.js';
import { allowedOrigins, DEVELOPMENT_ORIGINS } from '../src/http/cors.js';

const configWith = (env: Record<string, string>) => GatewayEnv.parse(env);

describe('CORS_ORIGINS', () => {
  it('is a comma-separated list of origins', () => {
    const { CORS_ORIGINS } = configWith({ CORS_ORIGINS: 'https://app.example.com, http://localhost:8081' });
    expect([...allowedOrigins(CORS_ORIGINS, true)]).toEqual([
      'https://app.example.com',
      'http://localhost:8081',
    ]);
  });

  it('defaults to the development origins, and to none in production', () => {
    const { CORS_ORIGINS } = configWith({});
    expect([...allowedOrigins(CORS_ORIGINS, false)]).toEqual([...DEVELOPMENT_ORIGINS]);
    expect([...allowedOrigins(CORS_ORIGINS, true)]).toEqual([]);
  });

  it('refuses at start an entry that is not an origin, naming each one', () => {
    const result = GatewayEnv.safeParse({ CORS_ORIGINS: 'https://app.example.com/, localhost:3000' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['CORS_ORIGINS.0', expect.stringMatching(/^each origin must be scheme:\/\/host\[:port\]/)],
      ['CORS_ORIGINS.1', expect.stringMatching(/^each origin must be/)],
    ]);
  });
});
