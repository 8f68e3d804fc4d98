import { Controller, Delete, Get, Patch, Post, Put, Req, Res, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { RoutePipeline } from './pipeline.js';
import type { RouteSpec } from './route.js';

const METHOD_DECORATORS = { get: Get, post: Post, put: Put, patch: Patch, delete: Delete } as const;

/**
 * Builds the Nest controller for `/api/v1` from the route table: one method per route, each
 * running the shared pipeline. Errors propagate to the global ProblemFilter.
 */
export function controllerForRoutes(routes: readonly RouteSpec[], pipeline: RoutePipeline): Type {
  @Controller('api/v1')
  class ApiV1Controller {}

  for (const route of routes) {
    const key = route.operationId;
    Object.defineProperty(ApiV1Controller.prototype, key, {
      value: (req: Request, res: Response) => pipeline.run(route, req, res),
      writable: true,
      configurable: true,
    });
    const descriptor = Object.getOwnPropertyDescriptor(ApiV1Controller.prototype, key)!;
    METHOD_DECORATORS[route.method](route.path.replace(/^\//, ''))(
      ApiV1Controller.prototype,
      key,
      descriptor,
    );
    Req()(ApiV1Controller.prototype, key, 0);
    Res()(ApiV1Controller.prototype, key, 1);
  }
  return ApiV1Controller;
}
