/** Terraform `moved` blocks read from parsed files, and the addresses an instance had before them. */
import { parseHcl } from '../../../src/sources/terraform/parse'
import { formerAddresses, movedBlocks } from '../../../src/sources/terraform/moved'

const read = (text: string) => movedBlocks([parseHcl('/x/main.tf', text).body])

describe('moved blocks', () => {
  test('addresses are read as Terraform prints them, keys included; non-addresses are skipped', () => {
    expect(
      read(`
moved {
  from = azurerm_route_table.a
  to   = azurerm_route_table.b
}
moved {
  from = module.net[0]
  to   = module.net["hub"]
}
moved {
  from = azurerm_route_table.x
  to   = var.nope[each.key]
}
`),
    ).toEqual([
      { from: 'azurerm_route_table.a', to: 'azurerm_route_table.b' },
      { from: 'module.net[0]', to: 'module.net["hub"]' },
    ])
  })

  test('former addresses follow resource, module and key moves, and chains', () => {
    const moves = [
      { from: 'azurerm_route_table.a', to: 'azurerm_route_table.b' },
      { from: 'azurerm_route_table.b', to: 'azurerm_route_table.c' },
      { from: 'module.old', to: 'module.new["k"]' },
      { from: 'azurerm_subnet.s[0]', to: 'azurerm_subnet.s' },
    ]
    expect(formerAddresses('azurerm_route_table.c', moves)).toEqual([
      'azurerm_route_table.b',
      'azurerm_route_table.a',
    ])
    // Instances of a resource moved whole keep their keys.
    expect(formerAddresses('azurerm_route_table.b["x"]', moves)).toEqual(['azurerm_route_table.a["x"]'])
    expect(formerAddresses('module.new["k"].azurerm_route_table.t.route[0]', moves)).toEqual([
      'module.old.azurerm_route_table.t.route[0]',
    ])
    expect(formerAddresses('azurerm_subnet.s', moves)).toEqual(['azurerm_subnet.s[0]'])
    // A prefix that is not a whole step is not under the move.
    expect(formerAddresses('azurerm_route_table.cc', moves)).toEqual([])
    // A cycle ends.
    expect(
      formerAddresses('a.x', [
        { from: 'a.y', to: 'a.x' },
        { from: 'a.x', to: 'a.y' },
      ]),
    ).toEqual(['a.y'])
  })
})
