import { Injectable } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';

@Injectable()
class Probe {
  constructor() {}
}

describe('the toolchain', () => {
  it('loads NestJS and nats.js under ESM with decorators, on Node 24', () => {
    expect(typeof jetstream).toBe('function');
    expect(new Probe()).toBeInstanceOf(Probe);
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
