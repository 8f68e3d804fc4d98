import { Controller, Get, Header, Module, type DynamicModule, type Type } from '@nestjs/common';
import { renderAsyncApiHtml } from '@omni/contracts';
import { HealthController, SERVICE_HEALTH, type CheckServices } from './http/health.controller.js';

export interface AppParts {
  readonly apiController: Type;
  readonly checkServices: CheckServices;
  readonly openApiDocument: Record<string, unknown>;
  /** The event subjects and their data schemas (docs/asyncapi.json). */
  readonly asyncApiDocument: Record<string, unknown>;
  readonly metricsText: () => Promise<string>;
}

@Module({})
export class AppModule {
  static with(parts: AppParts): DynamicModule {
    @Controller()
    class DocumentsController {
      @Get('api/v1/openapi.json')
      openApi() {
        return parts.openApiDocument;
      }

      @Get('api/v1/asyncapi.json')
      asyncApi() {
        return parts.asyncApiDocument;
      }

      @Get('api/docs/events')
      @Header('content-type', 'text/html; charset=utf-8')
      eventsPage() {
        return renderAsyncApiHtml(parts.asyncApiDocument);
      }

      @Get('metrics')
      metrics() {
        return parts.metricsText();
      }
    }
    return {
      module: AppModule,
      // The API controller last: its catch-all route must not shadow the documents under api/v1.
      controllers: [HealthController, DocumentsController, parts.apiController],
      providers: [{ provide: SERVICE_HEALTH, useValue: parts.checkServices }],
    };
  }
}
