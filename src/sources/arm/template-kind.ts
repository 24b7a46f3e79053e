/**
 * Deployment templates by their `$schema` (resource group, subscription, management group and tenant
 * templates all end in `deploymentTemplate.json`), looked for near the top where it always is. Parameter
 * files (`deploymentParameters`) are not templates. Its own module: the Terraform evaluator asks it of
 * every file() it reads and loads nothing else of the ARM source for that.
 */
export function isArmTemplate(text: string): boolean {
  return /"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json/i.test(text.slice(0, 4096))
}
