/**
 * A module call of an Azure Verified Module whose code is not installed, read from its inputs
 * (avm.ts): one instance per count/for_each key, with the azurerm resources it would create at the
 * module call's lines and the outputs other code reads.
 */
import type { Origin } from '../../../model/value'
import { COST, spend } from '../../evaluation/budget'
import { atSite, type EvaluationState } from '../evaluation-state'
import { instanceKey } from '../instances'
import type { CallDecl } from '../module-index'
import { finalize, obj, unknownVal, type Val } from '../values'
import { expandAvm, type AvmExpansion, type AvmKind } from './avm'

/**
 * One instance of an Azure Verified Module read from its inputs (avm.ts); a ChildModule (module-instance.ts): the azurerm resources
 * it would create, at the module call's lines, and the outputs other code reads.
 */
export class MappedModule {
  private expansion: AvmExpansion | undefined

  constructor(
    private readonly ev: EvaluationState,
    private readonly kind: AvmKind,
    /** `module.rt` or `module.rt["k"]`. */
    private readonly address: string,
    private readonly input: (name: string) => Val | undefined,
    private readonly site: Origin,
    private readonly origins: Origin[],
    private readonly call: CallDecl,
    /** The condition the call's instances exist under (EvaluatedResource.conditionKey), if any. */
    private readonly conditionKey?: string,
  ) {}

  private get expanded(): AvmExpansion {
    this.expansion ??= this.ev.deeper(() => expandAvm(this.kind, this.input, this.address, this.site))
    return this.expansion
  }

  output(name: string, o: Origin): Val {
    const v = this.expanded.outputs[name]
    return (
      v ??
      unknownVal(
        `${this.address}.${name}`,
        `output ${name} of ${this.call.source ?? 'the module'} is not read from its inputs`,
        o,
      )
    )
  }

  allOutputs(o: Origin): Val {
    return obj({ ...this.expanded.outputs }, o)
  }

  collect(): void {
    const { resources, problems } = this.expanded
    spend(resources.length * COST.resourceInstance, this.site)
    for (const r of resources) {
      const address = `${this.address}.${r.type}.${r.name}${r.key === undefined ? '' : instanceKey(r.key)}`
      const fin = atSite(finalize(r.body, this.site), this.site, this.ev.installedDirs)
      this.ev.resources.push({
        mode: 'managed',
        type: r.type,
        name: r.name,
        address,
        origin: this.site,
        body: fin.kind === 'object' ? fin : { kind: 'object', attrs: {}, origin: this.site },
        inputs: this.origins,
        ...(this.conditionKey !== undefined ? { conditionKey: this.conditionKey } : {}),
      })
    }
    for (const p of problems)
      this.ev.moduleNotice(
        this.call,
        `Module "${this.call.name}" (source "${this.call.source ?? '?'}") is read from its inputs because its code is not installed, but ${p}; what it creates is not checked. Give the value in a var file, or run \`terraform init\` before the scan (or scan with --download-modules).`,
        this.site,
      )
  }
}
