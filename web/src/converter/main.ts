import { runService } from '../production/run-service.ts';
import { loadConverterConfig } from './config.ts';
import { createConverterServer } from './converter-server.ts';

/** Thin entry point of the slide converter service: config, signals, nothing else. */
runService(async () => {
  const config = loadConverterConfig();
  return { server: await createConverterServer(config), graceMs: config.shutdownGraceMs };
});
