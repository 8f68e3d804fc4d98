/**
 * The logging surface packages accept. pino's Logger satisfies it; packages never import pino so a
 * caller decides where logs go (service-kit creates the real one).
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
