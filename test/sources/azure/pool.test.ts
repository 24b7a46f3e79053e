import { createBudget, Pool } from '../../../src/sources/azure/pool'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('Pool', () => {
  it('runs at most `limit` tasks at once and all of them in the end', async () => {
    const pool = new Pool(3)
    let active = 0
    let peak = 0
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        pool.run(async () => {
          peak = Math.max(peak, ++active)
          await sleep(5)
          active--
          return i
        }),
      ),
    )
    expect(peak).toBe(3)
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('frees the slot of a failed task', async () => {
    const pool = new Pool(1)
    await expect(pool.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x')
    await expect(pool.run(async () => 42)).resolves.toBe(42)
  })

  it('refuses a limit below one', () => {
    expect(() => new Pool(0)).toThrow(/positive integer/)
  })
})

describe('createBudget', () => {
  it('aborts when the time is spent', async () => {
    const b = createBudget(20)
    expect(b.expired()).toBe(false)
    await sleep(40)
    expect(b.expired()).toBe(true)
    b.dispose()
  })

  it('follows the caller’s signal and never expires without a deadline', async () => {
    const outer = new AbortController()
    const b = createBudget(undefined, outer.signal)
    await sleep(10)
    expect(b.expired()).toBe(false)
    outer.abort()
    expect(b.signal.aborted).toBe(true)
    b.dispose()
  })
})
