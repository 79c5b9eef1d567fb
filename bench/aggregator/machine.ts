import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** CPU time of the whole machine and of this process, to show what else was running. */
export interface MachineSample {
  busyMs: number;
  ownCpuMicros: number;
}

export function sampleMachine(): MachineSample {
  const own = process.cpuUsage();
  return {
    busyMs: cpus().reduce((sum, { times: t }) => sum + t.user + t.nice + t.sys + t.irq, 0),
    ownCpuMicros: own.user + own.system,
  };
}

export interface MachineWindow {
  /** Load average (1 min) at the end of the window. */
  load1: number;
  /** This process (the load generator), in % of one core. */
  generatorCpuPercent: number;
  /** Everything but the generator and the server under test, in % of one core. */
  otherCpuPercent: number;
  generatorLagP99Ms: number;
  generatorLagMaxMs: number;
}

/** The generator's own event-loop delay, reset at the start of every window. */
const lag = monitorEventLoopDelay({ resolution: 1 });
lag.enable();

export function startWindow(): MachineSample {
  lag.reset();
  return sampleMachine();
}

export function endWindow(
  start: MachineSample,
  seconds: number,
  serverCpuMicros: number,
): MachineWindow {
  const end = sampleMachine();
  const generatorMs = (end.ownCpuMicros - start.ownCpuMicros) / 1000;
  const otherMs = Math.max(0, end.busyMs - start.busyMs - generatorMs - serverCpuMicros / 1000);
  return {
    load1: loadavg()[0]!,
    generatorCpuPercent: generatorMs / seconds / 10,
    otherCpuPercent: otherMs / seconds / 10,
    generatorLagP99Ms: lag.percentile(99) / 1e6,
    generatorLagMaxMs: lag.max / 1e6,
  };
}
