/**
 * CPU time spent by a local engine instance (its gateway and every PostgreSQL process) and by
 * this process: a cost that does not depend on how busy the machine is, unlike wall time on
 * a machine shared with other work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { enginePaths, instancePaths } from '../../tools/localdb/paths';

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcStat {
  ppid: number;
  /** utime + stime + cutime + cstime, in ms (children reaped count too). */
  cpuMs: number;
}

function procStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
    return { ppid: Number(fields[1]), cpuMs: ticks * TICK_MS };
  } catch {
    return undefined;
  }
}

/** A reading of CPU time so far, in ms: the engine's processes and this process. */
export interface CpuReading {
  engineMs: number;
  benchMs: number;
}

/**
 * A meter of the CPU time of local engine instance `instance`, or undefined when its state
 * file names no live gateway and PostgreSQL (an engine elsewhere, a real MongoDB).
 */
export function engineCpuMeter(instance: string): (() => CpuReading) | undefined {
  let state: { pgPid?: number; gatewayPid?: number };
  try {
    const file = instancePaths(enginePaths(), instance).stateFile;
    state = JSON.parse(readFileSync(file, 'utf8')) as typeof state;
  } catch {
    return undefined;
  }
  const { pgPid, gatewayPid } = state;
  if (!pgPid || !gatewayPid || !procStat(pgPid) || !procStat(gatewayPid)) return undefined;
  return () => {
    let engineMs = (procStat(gatewayPid)?.cpuMs ?? 0) + (procStat(pgPid)?.cpuMs ?? 0);
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid) || pid === pgPid) continue;
      const stat = procStat(pid);
      if (stat?.ppid === pgPid) engineMs += stat.cpuMs;
    }
    const own = process.cpuUsage();
    return { engineMs, benchMs: (own.user + own.system) / 1000 };
  };
}

/** "x.x s CPU (engine y.y s + bench z.z s)" between two readings. */
export function cpuFigures(before: CpuReading, after: CpuReading): string {
  const engine = (after.engineMs - before.engineMs) / 1000;
  const bench = (after.benchMs - before.benchMs) / 1000;
  return `${(engine + bench).toFixed(1)} s CPU (engine ${engine.toFixed(1)} s + bench ${bench.toFixed(1)} s)`;
}
