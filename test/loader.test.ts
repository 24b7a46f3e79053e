import { createParser } from '../src/sources/tree-sitter'
test('loads', async () => {
  const p = await createParser('hcl')
  const t = p.parse('a = 1\n')!
  expect(t.rootNode.type).toBe('config_file')
})
