import { Injectable } from '@nestjs/common';
import { defineEntity, p } from '@mikro-orm/core';
import { jetstream } from '@nats-io/jetstream';

@Injectable()
class Probe {
  constructor() {}
}

describe('the toolchain', () => {
  it('loads NestJS, MikroORM and nats.js under ESM with decorators', () => {
    expect(typeof jetstream).toBe('function');
    expect(typeof defineEntity).toBe('function');
    expect(p).toBeDefined();
    expect(new Probe()).toBeInstanceOf(Probe);
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
