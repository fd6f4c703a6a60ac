import pino from "pino";

export type AppLogger = pino.Logger;

/** JSON lines in production; readable lines on a terminal in development. */
export function createLogger(options: { level: string; pretty: boolean }): AppLogger {
  return pino({
    level: options.level,
    base: { service: "servicepro" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Never log credentials, even by accident.
    redact: {
      paths: ["password", "*.password", "token", "*.token", "req.headers.cookie", "headers.cookie"],
      censor: "[redacted]",
    },
    ...(options.pretty
      ? {
          transport: {
            target: "pino-pretty",
            options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,service" },
          },
        }
      : {}),
  });
}
