/**
 * V8 flags for a program that runs for seconds, not hours. A scan spends about as much CPU compiling as
 * judging: on the 10 MB corpus of /work/shared/perf/ratio.sh (Node 20, 2 cores) V8's helper threads, mostly
 * TurboFan's optimising compiles, ran 1.5-1.9 s beside the scan worker's ~2 s. Most of a compile's cost is
 * inlining (a unit's whole pipeline inlined into terraformJudgements, compiled three times as its
 * feedback changed). Without it the helpers spent 1.21 s instead of 1.80 s (median of 5 interleaved runs)
 * and the worker no more (2.57 against 2.89 s): the code a scan runs is too short-lived to win back
 * what the inlining costs. Node 24 the same way (helpers 1.32 → 1.10 s). Reports are unchanged (the flag
 * changes how code is compiled, not what it does).
 *
 * Tried against it on Node 24 (bench/threads.mjs, 10 MB bench corpus, 3-4 interleaved runs, load 8-13, CPU
 * medians worker / helpers): inlining on 2.57 / 1.82 s against 2.80 / 1.66; a cumulative inlining budget of
 * 230 bytes 3.04 / 1.82; `--no-turbofan` 3.22 / 1.40 against 3.05 / 1.96 (the worker, the critical path on
 * an idle machine, slower); TurboFan after 10,000 calls 3.76 / 2.13; `--no-parallel-scavenge` 4.16 / 1.29
 * against 3.18 / 1.91. A pull request's run (bench repository, 5 runs) the same within noise with each.
 *
 * The entries call this first, before anything is compiled from a cache: V8 checks cached code against a
 * hash of its flags, so the flags must be the same when a cache is written as when it is read
 * (compile-cache.ts, worker-code-cache.ts). They apply to the whole process, the scan worker included.
 */
import { setFlagsFromString } from 'node:v8'

export const JIT_FLAGS = '--no-turbo-inlining'

export function tuneJit(): void {
  setFlagsFromString(JIT_FLAGS)
}
