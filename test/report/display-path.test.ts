/**
 * displayPath names a file relative to the scan: its shortcut for plain files under a plain base must give
 * what path.relative gives, for every spelling a file or a base may come in.
 */
import * as path from 'node:path'
import { displayPath } from '../../src/report/paths'

const bases = ['/work/repo', '/work/repo/', '/work/./repo', '/work/x/../repo', '/', '/work']
const files = [
  '/work/repo/main.tf',
  '/work/repo/infra/spoke/main.tf',
  '/work/repo/.hidden/a.tf',
  '/work/repo/..x/a.tf',
  '/work/repo/infra/../main.tf',
  '/work/repo/./main.tf',
  '/work/repo//main.tf',
  '/work/repo/infra/',
  '/work/repo',
  '/work/repo2/main.tf',
  '/work/other/main.tf',
  '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt',
  'relative/main.tf',
]

const expected = (file: string, base: string): string => {
  if (/^\/subscriptions\//i.test(file) || !path.isAbsolute(file)) return file
  const rel = path.relative(base, file)
  return rel === '' ? '.' : rel
}

test('every file under every base reads as path.relative has it, asked once or again', () => {
  for (const base of bases)
    for (const round of [1, 2])
      for (const file of files)
        expect({ base, file, round, shown: displayPath(file, base) }).toEqual({
          base,
          file,
          round,
          shown: expected(file, base),
        })
})
