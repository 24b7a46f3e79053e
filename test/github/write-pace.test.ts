import { writePace } from '../../src/github/write-pace'

/** A clock that only moves when the pace sleeps: the waits it asks for are the test's subject. */
function clock() {
  let t = 1_000_000
  const waits: number[] = []
  return {
    waits,
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms)
      t += ms
    },
    advance: (ms: number) => (t += ms),
  }
}

describe('writePace', () => {
  test('the first writes go at once; later ones are spaced by the spacing, counted from the previous start', async () => {
    const c = clock()
    const limiter = writePace({ burst: 3, spacingMs: 1000, now: c.now, sleep: c.sleep }).key('any')
    const ran: number[] = []
    for (let i = 0; i < 6; i++) await limiter.schedule({}, async () => ran.push(c.now()))
    expect(c.waits).toEqual([1000, 1000, 1000])
    expect(ran.map((t) => t - ran[0]!)).toEqual([0, 0, 0, 1000, 2000, 3000])
  })

  test('time that passed between writes counts toward the spacing', async () => {
    const c = clock()
    const limiter = writePace({ burst: 1, spacingMs: 1000, now: c.now, sleep: c.sleep }).key('any')
    await limiter.schedule({}, async () => undefined)
    c.advance(400)
    await limiter.schedule({}, async () => undefined)
    c.advance(2000)
    await limiter.schedule({}, async () => undefined)
    expect(c.waits).toEqual([600])
  })

  test('passes the arguments and the result through, with or without job options', async () => {
    const limiter = writePace({ burst: 5, spacingMs: 1000 }).key('id')
    await expect(
      limiter.schedule({ priority: 0 }, async (a: number, b: number) => a + b, 2, 3),
    ).resolves.toBe(5)
    await expect(limiter.schedule(async (a: string) => a.toUpperCase(), 'x')).resolves.toBe('X')
  })

  test('writes asked for at the same time take their slots in order, sharing one count across keys', async () => {
    // The clock stands still while they wait: each slot is a spacing after the one before.
    const waits: number[] = []
    const group = writePace({
      burst: 1,
      spacingMs: 1000,
      now: () => 0,
      sleep: async (ms) => void waits.push(ms),
    })
    const order: string[] = []
    await Promise.all(['a', 'b', 'c'].map((k) => group.key(k).schedule({}, async () => order.push(k))))
    expect(order).toEqual(['a', 'b', 'c'])
    expect(waits).toEqual([1000, 2000])
  })
})
