/** A deliberately small logger: lines to stderr, nothing from request bodies. */
export interface Logger {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`${new Date().toISOString()} ${message}`),
  error: (message, err) => console.error(`${new Date().toISOString()} ERROR ${message}`, err ?? ''),
};

export const silentLogger: Logger = { info: () => {}, error: () => {} };
