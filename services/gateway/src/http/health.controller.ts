import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { ServiceHealth } from '@omni/contracts';
import type { Response } from 'express';

export const SERVICE_HEALTH = Symbol('ServiceHealth');
export type CheckServices = () => Promise<ServiceHealth>;

/** CONTRACT §1: live while the process runs; ready only when every service answers over NATS. */
@Controller('health')
export class HealthController {
  constructor(@Inject(SERVICE_HEALTH) private readonly checkServices: CheckServices) {}

  @Get('live')
  live() {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(@Res() res: Response) {
    const services = await this.checkServices();
    const ready = Object.values(services).every((state) => state === 'up');
    res.status(ready ? 200 : 503).json({ status: ready ? 'up' : 'down', services });
  }
}
