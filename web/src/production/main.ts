import { loadWebServerConfig } from './config.ts';
import { runService } from './run-service.ts';
import { createWebServer } from './web-server.ts';

/** Thin entry point of the production web tier: config, signals, nothing else. */
runService(async () => {
  const config = loadWebServerConfig();
  return { server: await createWebServer(config), graceMs: config.shutdownGraceMs };
});
