import { All, Controller, Req, Res, type Type } from '@nestjs/common';
import { NotFoundError } from '@omni/contracts';
import { nameHttpRoute } from '@omni/service-kit';
import type { Request, Response } from 'express';
import type { RoutePipeline } from './pipeline.js';
import type { RouteSpec } from './route.js';
import { RouteTable } from './route-table.js';

const PREFIX = '/api/v1';

/**
 * The Nest controller for `/api/v1`: one handler for every route of the table, which finds the
 * request's route (RouteTable) and runs the shared pipeline on it. Errors propagate to the global
 * ProblemFilter; a path and method no route has is 404 route_not_found, as before.
 */
export function controllerForRoutes(routes: readonly RouteSpec[], pipeline: RoutePipeline): Type {
  const table = new RouteTable(PREFIX, routes);

  @Controller(PREFIX.slice(1))
  class ApiV1Controller {
    @All('*path')
    async dispatch(@Req() req: Request, @Res() res: Response): Promise<void> {
      const matched = table.match(req.method, req.originalUrl);
      if (matched) {
        nameHttpRoute(PREFIX + matched.route.path);
        return pipeline.run(matched.route, matched.params, req, res);
      }
      const methods = req.method === 'OPTIONS' ? table.methodsAt(req.originalUrl) : [];
      if (methods.length === 0) throw new NotFoundError('No such route', 'route_not_found');
      // A CORS preflight was answered before this; any other OPTIONS learns what the path allows.
      res.setHeader('Allow', [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])].join(', '));
      res.status(204).end();
    }
  }
  return ApiV1Controller;
}
