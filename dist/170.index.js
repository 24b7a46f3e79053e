"use strict";
exports.id = 170;
exports.ids = [170];
exports.modules = {

/***/ 9170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/rules/index.ts + 19 modules
var rules = __webpack_require__(3619);
;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Escaping for every place a reporter puts text that came from a scanned file. Resource names, route
 * names, expressions and messages quoting them are attacker-controlled data in a pull request: they
 * must never become a workflow command, Markdown/HTML markup, a Mermaid directive or a terminal escape.
 */
/** Workflow command message data (GitHub's rules, the same as @actions/core's `escapeData`). */
function escapeCommandData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/**
 * Workflow command property values (`title=`, `file=`): data rules plus `:` and `,`, which delimit
 * properties.
 */
function escapeCommandProperty(s) {
    return escapeCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/**
 * Makes text safe to print on a runner's stdout. The runner reads a line as a command when it starts
 * with `::` after leading whitespace (v2 commands) or holds `##[` anywhere (v1 commands, still parsed).
 * A zero-width space between the two characters breaks the keyword without changing what a reader
 * sees; .NET's TrimStart does not treat U+200B as whitespace, so it cannot be trimmed back.
 */
function neutraliseCommands(text) {
    return text
        .split(/(\r\n|\r|\n)/)
        .map((part) => part.replace(/^(\s*):(?=:)/, '$1:\u200b').replace(/##\[/g, '#\u200b#['))
        .join('');
}
/**
 * Strips C0/C1 control characters (ANSI escapes can rewrite a terminal or hide lines) except tab and
 * newline, which the text report lays out itself.
 */
function stripControl(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}
/** One line of untrusted text for a terminal or log: controls removed, line breaks folded to spaces. */
function plainLine(s) {
    return stripControl(s.replace(/\r\n|\r|\n/g, ' '));
}
const MARKDOWN_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    '|': '&#124;',
    '`': '&#96;',
    '[': '&#91;',
    ']': '&#93;',
    '(': '&#40;',
    ')': '&#41;',
    '*': '&#42;',
    _: '&#95;',
    '~': '&#126;',
    '\\': '&#92;',
    '#': '&#35;',
    '!': '&#33;',
    // An @mention in a summary is rendered as a profile link; data should not address people.
    '@': '&#64;',
    ':': '&#58;',
};
/**
 * Inline Markdown text (a table cell, a list item, a <summary>): every character that Markdown or HTML
 * could read as syntax becomes an HTML entity, so the text renders literally whatever it holds. Line
 * breaks become `<br>` (our markup, not the data's) because a raw newline would end a table row.
 * `:` is escaped so that `javascript:`-style autolinks and emoji shortcodes are not formed.
 */
function escapeMarkdown(s) {
    return stripControl(s)
        .replace(/[&<>"|`[\]()*_~\\#!@:]/g, (c) => MARKDOWN_ENTITIES[c])
        .replace(/\r\n|\r|\n/g, '<br>');
}
/**
 * A table cell: as {@link escapeMarkdown}, and never empty (an empty cell is fine, but a dash reads better).
 */
function escape_escapeMarkdownCell(s) {
    const e = escapeMarkdown(s.trim());
    return e === '' ? '\u2014' : e;
}
/**
 * A fenced code block whose fence is longer than any backtick run in the content, the CommonMark way to
 * keep a code block closed whatever the content holds. The info string is ours (hcl, bicep, json).
 */
function markdownCodeBlock(code, language) {
    const runs = stripControl(code).match(/`+/g) ?? [];
    const longest = runs.reduce((n, r) => Math.max(n, r.length), 0);
    const fence = '`'.repeat(Math.max(3, longest + 1));
    const body = stripControl(code)
        .replace(/\r\n|\r/g, '\n')
        .replace(/\n+$/, '');
    return `${fence}${language.replace(/[^a-z0-9-]/gi, '')}\n${body}\n${fence}`;
}
const MERMAID_ENTITIES = {
    '#': '#35;',
    '"': '#quot;',
    '<': '#lt;',
    '>': '#gt;',
    '&': '#amp;',
    '[': '#91;',
    ']': '#93;',
    '(': '#40;',
    ')': '#41;',
    '{': '#123;',
    '}': '#125;',
    '|': '#124;',
    '`': '#96;',
    ';': '#59;',
    '%': '#37;',
};
/**
 * A Mermaid node or edge label, to be written inside double quotes: `["label"]`. Mermaid's own entity
 * syntax (`#quot;`) escapes the quote; `#` itself is escaped first so data cannot spell an entity.
 * Brackets, pipes and `%%` (a comment/directive) would otherwise end the label or start a directive;
 * `<`/`>` would be HTML in an htmlLabels diagram; backticks start Mermaid's Markdown strings.
 */
function escapeMermaidLabel(s) {
    return stripControl(s)
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/[#"<>&[\](){}|`;%]/g, (c) => MERMAID_ENTITIES[c]);
}

;// CONCATENATED MODULE: ./src/rules/types.ts
const SEVERITY_ORDER = { notice: 1, warning: 2, error: 3 };

;// CONCATENATED MODULE: ./src/report/exit.ts
/**
 * Severity arithmetic shared by every shell: counts, the fail-on decision and the order findings are
 * shown in (most severe first, so the runner's per-step annotation cap drops notices, not errors).
 */

const FAIL_ON_LEVELS = ['error', 'warning', 'notice', 'never'];
function parseFailOn(value) {
    const v = value.trim().toLowerCase();
    return FAIL_ON_LEVELS.includes(v) ? v : undefined;
}
function countFindings(findings) {
    const c = { errors: 0, warnings: 0, notices: 0, total: findings.length };
    for (const f of findings) {
        if (f.severity === 'error')
            c.errors++;
        else if (f.severity === 'warning')
            c.warnings++;
        else
            c.notices++;
    }
    return c;
}
/** True when any finding is at or above `failOn`; never with 'never'. */
function failsAt(findings, failOn) {
    if (failOn === 'never')
        return false;
    const threshold = SEVERITY_ORDER[failOn];
    return findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold);
}
/** Findings at or above `failOn` (for the failure message). */
function countAtOrAbove(findings, failOn) {
    if (failOn === 'never')
        return 0;
    return findings.filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[failOn]).length;
}
/** Most severe first, then by file, line and rule, so every report lists findings in the same order. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
        cmp(a.location.file, b.location.file) ||
        a.location.startLine - b.location.startLine ||
        cmp(a.ruleId, b.ruleId) ||
        cmp(a.resource, b.resource));
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** `2 errors, 1 warning, 0 notices`. */
function describeCounts(c) {
    return `${exit_plural(c.errors, 'error')}, ${exit_plural(c.warnings, 'warning')}, ${exit_plural(c.notices, 'notice')}`;
}
function exit_plural(n, word, many = `${word}s`) {
    return `${n} ${n === 1 ? word : many}`;
}

// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
;// CONCATENATED MODULE: ./src/rules/fix-change.ts
const isPolicy = (target) => 'ruleCollectionGroups' in target;
const isNsgRule = (rule) => 'nsgId' in rule;

;// CONCATENATED MODULE: ./src/report/fix/common.ts
/** Pieces every format's fix text shares: names of the added routes and rules, priorities. */

const routeName = (a) => `kms-${a.replace(/\./g, '-')}`;
const tfName = (a) => `kms_${a.replace(/\./g, '_')}`;
const json = (x) => JSON.stringify(x, null, 2);

/** A priority that comes before `before` (lower number wins), within Azure's allowed range. */
function priorityBefore(before, min) {
    if (before === undefined)
        return min;
    return Math.max(min, before - 10);
}
/** The allow rule's priority, and a note (without comment marker) when it cannot come before the deny. */
function nsgAllowPriority(deny) {
    const denyPriority = deny.priority.known ? deny.priority.value : undefined;
    const priority = priorityBefore(denyPriority, 100);
    if (denyPriority !== undefined && priority >= denyPriority)
        return { priority, note: `renumber: the allow must have a lower priority number than ${denyPriority}` };
    return { priority };
}
/** Routes in this table are written as separate resources (azurerm_route, routeTables/routes). */
function separateRoutes(table, like) {
    const separate = (r) => /azurerm_route$|routeTables\/routes$/i.test(r.sourceType);
    // A managed (Virtual Network Manager) route says nothing of how the table writes its routes.
    if (like && !like.managedBy)
        return separate(like);
    return table.routes.length > 0 && table.routes.every(separate);
}
/**
 * The fix with only what the renderers read of a route table's routes (how each is written, for
 * separateRoutes): the scan worker sends findings to the calling thread by structured clone, and the
 * full routes of the tables findings name were 60% of those bytes. `tables` keeps one copy per table, as
 * the clone keeps one per object. Keep it in step with what this folder reads of `table.routes`.
 */
function fixAsRendered(change, tables) {
    if (change.kind !== 'add-routes')
        return change;
    let table = tables.get(change.table);
    if (!table) {
        const routes = change.table.routes.map((r) => (r.managedBy === undefined
            ? { sourceType: r.sourceType }
            : { sourceType: r.sourceType, managedBy: r.managedBy }));
        table = { ...change.table, routes };
        tables.set(change.table, table);
    }
    return { ...change, table };
}

;// CONCATENATED MODULE: ./src/report/fix/arm.ts
/** Fix text as ARM JSON: the fragment to paste into the template (routes, rules, properties). */



/** The firewall network rule collection allowing KMS, as ARM data (policy or classic shape). */
function firewallCollection(policy, addresses, priority) {
    if (policy)
        return {
            ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
            name: 'allow-azure-kms',
            priority,
            action: { type: 'Allow' },
            rules: [
                {
                    ruleType: 'NetworkRule',
                    name: 'azure-kms',
                    ipProtocols: ['TCP'],
                    sourceAddresses: ['*'],
                    destinationAddresses: addresses,
                    destinationPorts: [String(catalogue/* KMS_PORT */.GO)],
                },
            ],
        };
    return {
        name: 'allow-azure-kms',
        properties: {
            priority,
            action: { type: 'Allow' },
            rules: [
                {
                    name: 'azure-kms',
                    protocols: ['TCP'],
                    sourceAddresses: ['*'],
                    destinationAddresses: addresses,
                    destinationPorts: [String(catalogue/* KMS_PORT */.GO)],
                },
            ],
        },
    };
}
/** The NSG rule allowing KMS, as ARM data. */
function nsgAllowRule(addresses, priority) {
    return {
        name: 'allow-azure-kms',
        properties: {
            priority,
            direction: 'Outbound',
            access: 'Allow',
            protocol: 'Tcp',
            sourcePortRange: '*',
            destinationPortRange: String(catalogue/* KMS_PORT */.GO),
            sourceAddressPrefix: '*',
            destinationAddressPrefixes: addresses,
        },
    };
}
function renderArm(change) {
    switch (change.kind) {
        case 'add-routes':
            return change.addresses
                .map((a) => json({ name: routeName(a), properties: { addressPrefix: `${a}/32`, nextHopType: 'Internet' } }))
                .join(',\n');
        case 'allow-kms-firewall':
            return json(firewallCollection(change.policy !== undefined, change.addresses, priorityBefore(change.before, 100)));
        case 'allow-kms-nsg':
            return json(nsgAllowRule(change.addresses, nsgAllowPriority(change.deny).priority));
        case 'add-outbound':
            return json({ natGateway: { id: "[resourceId('Microsoft.Network/natGateways', '<name>')]" } });
        case 'enable-dns-proxy':
            return isPolicy(change.target)
                ? json({ dnsSettings: { enableProxy: true } })
                : json({ additionalProperties: { 'Network.DNS.EnableProxy': 'true' } });
        case 'set-destinations':
            return `"${isNsgRule(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}": ${JSON.stringify(change.addresses)}`;
    }
}

// EXTERNAL MODULE: ./src/analysis/lookup.ts
var lookup = __webpack_require__(6666);
;// CONCATENATED MODULE: ./src/report/fix/bicep.ts
/** Fix text as Bicep: resources or the object literals to put in the template. */



/** JSON-like data as a Bicep object literal. */
function toBicep(x, pad = '') {
    if (Array.isArray(x)) {
        if (x.every((i) => typeof i !== 'object'))
            return `[ ${x.map((i) => toBicep(i)).join(', ')} ]`;
        return `[\n${x.map((i) => `${pad}  ${toBicep(i, pad + '  ')}`).join('\n')}\n${pad}]`;
    }
    if (x !== null && typeof x === 'object')
        return `{\n${Object.entries(x)
            .map(([k, v]) => `${pad}  ${/^[A-Za-z_]\w*$/.test(k) ? k : `'${k}'`}: ${toBicep(v, pad + '  ')}`)
            .join('\n')}\n${pad}}`;
    if (typeof x === 'string')
        return `'${x.replace(/'/g, "\\'")}'`;
    return String(x);
}
const bicepList = (xs) => `[\n${xs.map((x) => `  '${x}'`).join('\n')}\n]`;
function renderBicep(change) {
    switch (change.kind) {
        case 'add-routes': {
            const { table, addresses } = change;
            if (separateRoutes(table, change.like))
                return addresses
                    .map((a) => [
                    `resource ${tfName(a).replace(/_/g, '')} 'Microsoft.Network/routeTables/routes@2023-09-01' = {`,
                    `  parent: ${(0,lookup/* displayName */.Q)(table).replace(/[^A-Za-z0-9_]/g, '')}`,
                    `  name: '${routeName(a)}'`,
                    `  properties: {`,
                    `    addressPrefix: '${a}/32'`,
                    `    nextHopType: 'Internet'`,
                    `  }`,
                    `}`,
                ].join('\n'))
                    .join('\n\n');
            return addresses
                .map((a) => [
                `{`,
                `  name: '${routeName(a)}'`,
                `  properties: {`,
                `    addressPrefix: '${a}/32'`,
                `    nextHopType: 'Internet'`,
                `  }`,
                `}`,
            ].join('\n'))
                .join('\n');
        }
        case 'allow-kms-firewall': {
            const { policy } = change;
            const where = policy
                ? `ruleCollections of a rule collection group of ${(0,lookup/* displayName */.Q)(policy)}`
                : 'networkRuleCollections';
            const collection = firewallCollection(policy !== undefined, change.addresses, priorityBefore(change.before, 100));
            return `// in ${where}\n${toBicep(collection)}`;
        }
        case 'allow-kms-nsg': {
            const { priority, note } = nsgAllowPriority(change.deny);
            return (note ? `// ${note}\n` : '') + toBicep(nsgAllowRule(change.addresses, priority));
        }
        case 'add-outbound':
            return `// in the subnet's properties\nnatGateway: {\n  id: natGateway.id\n}\n// or: defaultOutboundAccess: true`;
        case 'enable-dns-proxy':
            return isPolicy(change.target)
                ? `dnsSettings: {\n  enableProxy: true\n}`
                : `additionalProperties: {\n  'Network.DNS.EnableProxy': 'true'\n}`;
        case 'set-destinations':
            return `${isNsgRule(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}: ${bicepList(change.addresses)}`;
    }
}

;// CONCATENATED MODULE: ./src/report/fix/cli.ts
/** Fix text for plan and live findings, which have no file to edit: Azure CLI commands. */



function renderCli(change) {
    switch (change.kind) {
        case 'add-routes':
            return change.addresses
                .map((a) => `az network route-table route create --resource-group ${change.table.resourceGroup ?? '<resource group>'} --route-table-name ${(0,lookup/* displayName */.Q)(change.table)} ` +
                `--name ${routeName(a)} --address-prefix ${a}/32 --next-hop-type Internet`)
                .join('\n');
        case 'allow-kms-firewall':
            return (`az network firewall policy rule-collection-group collection add-filter-collection --policy-name ${change.policy ? (0,lookup/* displayName */.Q)(change.policy) : '<policy>'} ` +
                `--resource-group <resource group> --rcg-name <group> --name allow-azure-kms --collection-priority ${priorityBefore(change.before, 100)} ` +
                `--action Allow --rule-name azure-kms --rule-type NetworkRule --ip-protocols TCP --source-addresses '*' ` +
                `--destination-addresses ${change.addresses.join(' ')} --destination-ports ${catalogue/* KMS_PORT */.GO}`);
        case 'allow-kms-nsg':
            return (`az network nsg rule create --resource-group <resource group> --nsg-name <nsg> --name allow-azure-kms ` +
                `--priority ${nsgAllowPriority(change.deny).priority} --direction Outbound --access Allow --protocol Tcp --destination-port-ranges ${catalogue/* KMS_PORT */.GO} ` +
                `--destination-address-prefixes ${change.addresses.join(' ')}`);
        case 'add-outbound':
            return `az network vnet subnet update --resource-group <resource group> --vnet-name <vnet> --name ${(0,lookup/* displayName */.Q)(change.subnet)} --nat-gateway <nat gateway>`;
        case 'enable-dns-proxy':
            return isPolicy(change.target)
                ? `az network firewall policy update --resource-group <resource group> --name ${(0,lookup/* displayName */.Q)(change.target)} --enable-dns-proxy true`
                : `az network firewall update --resource-group <resource group> --name ${(0,lookup/* displayName */.Q)(change.target)} --enable-dns-proxy true`;
        case 'set-destinations':
            return `${isNsgRule(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}: ${change.addresses.join(', ')}`;
    }
}

;// CONCATENATED MODULE: ./src/report/fix/terraform.ts
/** Fix text as Terraform HCL: inline blocks or separate resources, as the configuration already does it. */



const hclList = (xs) => `[${xs.map((x) => `"${x}"`).join(', ')}]`;
/**
 * A Terraform reference to a resource's attribute, when the address can be referenced from the root module.
 */
function tfRef(o, attribute, fallback) {
    return /^azurerm_[a-z_]+\.[\w-]+(\[[^\]]+\])?$/.test(o.address)
        ? `${o.address}.${attribute}`
        : `"${fallback}"`;
}
function renderTerraform(change) {
    switch (change.kind) {
        case 'add-routes': {
            const { table, addresses } = change;
            if (separateRoutes(table, change.like))
                return addresses
                    .map((a) => [
                    `resource "azurerm_route" "${tfName(a)}" {`,
                    `  name                = "${routeName(a)}"`,
                    `  resource_group_name = ${tfRef(table, 'resource_group_name', table.resourceGroup ?? '<resource group>')}`,
                    `  route_table_name    = ${tfRef(table, 'name', (0,lookup/* displayName */.Q)(table))}`,
                    `  address_prefix      = "${a}/32"`,
                    `  next_hop_type       = "Internet"`,
                    `}`,
                ].join('\n'))
                    .join('\n\n');
            return addresses
                .map((a) => [
                `route {`,
                `  name           = "${routeName(a)}"`,
                `  address_prefix = "${a}/32"`,
                `  next_hop_type  = "Internet"`,
                `}`,
            ].join('\n'))
                .join('\n\n');
        }
        case 'allow-kms-firewall': {
            const { firewall, policy } = change;
            const priority = priorityBefore(change.before, 100);
            const rule = [
                `  rule {`,
                `    name                  = "azure-kms"`,
                `    protocols             = ["TCP"]`,
                `    source_addresses      = ["*"]`,
                `    destination_addresses = ${hclList(change.addresses)}`,
                `    destination_ports     = ["${catalogue/* KMS_PORT */.GO}"]`,
                `  }`,
            ];
            if (policy)
                return [
                    `# in the azurerm_firewall_policy_rule_collection_group of ${(0,lookup/* displayName */.Q)(policy)}`,
                    `network_rule_collection {`,
                    `  name     = "allow-azure-kms"`,
                    `  priority = ${priority}`,
                    `  action   = "Allow"`,
                    ...rule,
                    `}`,
                ].join('\n');
            return [
                `resource "azurerm_firewall_network_rule_collection" "azure_kms" {`,
                `  name                = "allow-azure-kms"`,
                `  azure_firewall_name = ${tfRef(firewall, 'name', (0,lookup/* displayName */.Q)(firewall))}`,
                `  resource_group_name = ${tfRef(firewall, 'resource_group_name', firewall.resourceGroup ?? '<resource group>')}`,
                `  priority            = ${priority}`,
                `  action              = "Allow"`,
                ...rule,
                `}`,
            ].join('\n');
        }
        case 'allow-kms-nsg': {
            const { priority, note } = nsgAllowPriority(change.deny);
            const body = [
                `  name                         = "allow-azure-kms"`,
                `  priority                     = ${priority}`,
                `  direction                    = "Outbound"`,
                `  access                       = "Allow"`,
                `  protocol                     = "Tcp"`,
                `  source_port_range            = "*"`,
                `  destination_port_range       = "${catalogue/* KMS_PORT */.GO}"`,
                `  source_address_prefix        = "*"`,
                `  destination_address_prefixes = ${hclList(change.addresses)}`,
            ];
            const block = /azurerm_network_security_rule$/.test(change.deny.sourceType)
                ? [
                    `resource "azurerm_network_security_rule" "azure_kms" {`,
                    ...body,
                    `  resource_group_name          = "<resource group of the NSG>"`,
                    `  network_security_group_name  = "<NSG name>"`,
                    `}`,
                ]
                : [`security_rule {`, ...body, `}`];
            return (note ? `# ${note}\n` : '') + block.join('\n');
        }
        case 'add-outbound':
            return [
                `resource "azurerm_subnet_nat_gateway_association" "${tfName((0,lookup/* displayName */.Q)(change.subnet)).replace(/^kms_/, '')}" {`,
                `  subnet_id      = ${tfRef(change.subnet, 'id', '<subnet id>')}`,
                `  nat_gateway_id = azurerm_nat_gateway.<name>.id`,
                `}`,
                ``,
                `# or, on the subnet: default_outbound_access_enabled = true`,
            ].join('\n');
        case 'enable-dns-proxy':
            return isPolicy(change.target) ? `dns {\n  proxy_enabled = true\n}` : `dns_proxy_enabled = true`;
        case 'set-destinations':
            return `${isNsgRule(change.rule) ? 'destination_address_prefixes' : 'destination_addresses'} = ${hclList(change.addresses)}`;
    }
}

;// CONCATENATED MODULE: ./src/report/fix/index.ts




const RENDERERS = {
    terraform: renderTerraform,
    bicep: renderBicep,
    arm: renderArm,
    plan: renderCli,
    live: renderCli,
};
/** The format the fix is written in: that of the object it changes. */
function fixFormat(change) {
    switch (change.kind) {
        case 'add-routes':
            return change.table.format;
        case 'allow-kms-firewall':
            return change.policy?.format ?? change.firewall.format;
        case 'allow-kms-nsg':
            return change.deny.format;
        case 'add-outbound':
            return change.subnet.format;
        case 'enable-dns-proxy':
            return change.target.format;
        case 'set-destinations':
            return change.rule.format;
    }
}
function renderFix(change) {
    return RENDERERS[fixFormat(change)](change);
}
/** A finding's fix as text to paste, in the format of the object it changes; undefined when it has none. */
function fixText(f) {
    return f.fix && renderFix(f.fix);
}
/** The fenced-code language of a finding's fix text. */
function fixLanguage(f) {
    return f.fix ? FIX_LANGUAGE[fixFormat(f.fix)] : 'text';
}
/** The fenced-code language of fix text in a format (the summary's Fixes section). */
const FIX_LANGUAGE = {
    terraform: 'hcl',
    plan: 'text', // plan and live fixes are Azure CLI commands (there is no source line to edit)
    bicep: 'bicep',
    arm: 'json',
    live: 'text',
};

;// CONCATENATED MODULE: ./src/report/finding-paths.ts
/** Every distinct path of the finding, the first (`path`) first: one per affected subnet. */
function findingPaths(f) {
    const all = [...(f.path !== undefined ? [f.path] : []), ...(f.subnetPaths ?? []).map((s) => s.path)];
    return [...new Set(all)];
}
/** `Path: a \u2192 b`, `Paths: a \u2192 b; c \u2192 d`, or undefined for a finding without a traced path. */
function pathsLine(f, label = 'Path') {
    const paths = findingPaths(f);
    if (paths.length === 0)
        return undefined;
    return `${label}${paths.length > 1 ? 's' : ''}: ${paths.join('; ')}`;
}
/** The message and its paths as one text, for formats that have a single text field per finding. */
function messageWithPaths(f, message = f.message) {
    const paths = pathsLine(f);
    return paths ? `${message} ${paths}.` : message;
}

// EXTERNAL MODULE: ./src/report/paths.ts
var report_paths = __webpack_require__(4278);
;// CONCATENATED MODULE: ./src/report/json.ts




const JSON_SCHEMA_VERSION = 2;
/** Where the schema is published: the report names it in `$schema` so editors and validators find it. */
const JSON_SCHEMA_URL = 'https://raw.githubusercontent.com/azure-kms-guard/azure-kms-guard/main/schema/report.schema.json';
function jsonFinding(f, root) {
    const j = {
        ruleId: f.ruleId,
        severity: f.severity,
        file: (0,report_paths/* displayPath */.Gt)(f.location.file, root),
        startLine: f.location.startLine,
        endLine: f.location.endLine,
        message: f.message,
        resource: f.resource,
        kmsAddresses: [...f.kmsAddresses],
        title: f.title,
        cloud: f.cloud,
    };
    if (f.path !== undefined)
        j.path = f.path;
    const paths = findingPaths(f);
    if (paths.length > 1)
        j.paths = paths;
    if (f.subnets !== undefined)
        j.subnets = [...f.subnets];
    const fix = fixText(f);
    if (fix !== undefined)
        j.fix = fix;
    if (f.format !== undefined)
        j.format = f.format;
    if (f.latent)
        j.latent = true;
    if (f.related?.length)
        j.related = f.related.map((o) => ({
            file: (0,report_paths/* displayPath */.Gt)(o.file, root),
            startLine: o.startLine,
            endLine: o.endLine,
        }));
    return j;
}
/** @param cwd the working directory (the action's workspace): `root` is given relative to it. */
function toJsonReport(result, cwd) {
    const clouds = result.clouds.length > 0 ? [...result.clouds] : ['AzureCloud'];
    const root = (0,report_paths/* scanDir */.D)(result.root);
    const v = result.verdict;
    return {
        $schema: JSON_SCHEMA_URL,
        schemaVersion: JSON_SCHEMA_VERSION,
        version: JSON_SCHEMA_VERSION,
        root: (0,report_paths/* displayPath */.Gt)(root, cwd),
        cloud: clouds[0],
        // Only when several were judged, so single-cloud reports keep their simple shape.
        ...(clouds.length > 1 ? { clouds } : {}),
        findings: sortFindings(result.findings).map((f) => jsonFinding(f, root)),
        suppressed: result.suppressed.map((s) => ({
            ...jsonFinding(s.finding, root),
            suppression: {
                kind: s.kind,
                reason: s.reason,
                file: (0,report_paths/* displayPath */.Gt)(s.origin.file, root),
                line: s.origin.startLine,
            },
        })),
        summary: {
            ...countFindings(result.findings),
            suppressed: result.suppressed.length,
            filesScanned: result.filesScanned,
            clouds: clouds.length === 1 ? clouds[0] : clouds,
        },
        // Field by field: the report carries what its schema documents, whatever the pipeline adds.
        verdict: {
            overall: v.overall,
            reachable: v.reachable,
            blocked: v.blocked,
            undecided: v.undecided,
            files: { read: v.files.read, skipped: v.files.skipped },
            unusedRouteTables: v.unusedRouteTables,
            subnets: v.subnets.map((s) => {
                const j = {
                    subnet: s.subnet,
                    address: s.address,
                    format: s.format,
                    cloud: s.cloud,
                    state: s.state,
                    path: s.path,
                    file: (0,report_paths/* displayPath */.Gt)(s.origin.file, root),
                    startLine: s.origin.startLine,
                };
                if (s.vnet !== undefined)
                    j.vnet = s.vnet;
                if (s.variant !== undefined)
                    j.variant = s.variant;
                if (s.hop !== undefined)
                    j.hop = s.hop;
                if (s.why !== undefined)
                    j.why = s.why;
                if (s.resolve !== undefined)
                    j.resolve = s.resolve;
                return j;
            }),
        },
    };
}
/** The report as the file/stdout text: two-space indented, newline-terminated. */
function formatJsonReport(result, cwd) {
    return JSON.stringify(toJsonReport(result, cwd), null, 2) + '\n';
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/rules/identity.ts
var identity = __webpack_require__(9389);
;// CONCATENATED MODULE: ./src/report/rule-anchor.ts
/**
 * Where a rule is explained: its heading in docs/rules.md. Apart from the docs generator (rules-doc.ts) so
 * that SARIF output links the docs without bundling the rule examples the generator renders.
 */
/**
 * The anchor of a rule's heading in docs/rules.md (`## KMS001: Title`), for the table of contents and SARIF
 * helpUri.
 */
function ruleAnchor(rule) {
    return `${rule.id.toLowerCase()}-${slug(rule.title)}`;
}
/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(title) {
    return title
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-');
}

// EXTERNAL MODULE: ./src/report/tool.ts + 1 modules
var tool = __webpack_require__(8934);
;// CONCATENATED MODULE: ./src/report/sarif.ts
/**
 * SARIF 2.1.0, for GitHub code scanning (upload-sarif) and other SARIF viewers. What it carries and why:
 * - each rule with help (text and Markdown), a `helpUri` to its section of docs/rules.md, `security` in
 *   its tags, a `precision` and a `security-severity` (the mapping below), so code scanning ranks alerts;
 * - each finding with a `partialFingerprint` of its Azure identity (rule, cloud, unit, decisive hop and
 *   the subnets it harms: src/rules/identity.ts), so an alert survives edits that move lines and two
 *   clouds' findings never merge;
 * - locations relative to the git work tree that holds the scan (%SRCROOT%), which is what code scanning
 *   resolves against; a file outside it keeps an absolute `file:` URI instead of being dropped;
 * - suppressed findings with `suppressions` (`inSource` for an ignore comment, `external` for the config's
 *   `suppress:` list), each with its justification, so code scanning shows them as dismissed;
 * - the invocation (start, end, exit code) and an `automationDetails.id` per cloud and scan root, so two
 *   scans of one repository (two clouds, two roots) do not close each other's alerts.
 */








const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/**
 * The fingerprint key: versioned so that a change of what is hashed starts a new series. v1 hashed
 * rule, file and resource; v2 hashes the Azure identity (identityHash).
 */
const FINGERPRINT_KEY = 'azureKmsGuard/v2';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
/**
 * Our severity as code scanning's `security-severity` (0\u201310; \u22659 critical, \u22657 high, \u22654 medium, else low).
 * An error stops Windows activation on the subnets it names, which leaves VMs unlicensed after the grace
 * period: high, not critical (nothing is exposed). A warning may stop it: medium. A notice names what
 * could not be decided or a fragile setup: low. README ("SARIF") documents this mapping.
 */
const SECURITY_SEVERITY = { error: '8.0', warning: '5.0', notice: '2.0' };
/**
 * How often a rule's result is right when it fires. Routes, NSG rules and firewall rules are followed
 * end to end, so most rules are `high`; an appliance the scan cannot look into (KMS004), a value it could
 * not resolve (KMS011), reliance on the platform exception (KMS013) and routes learned over BGP (KMS014)
 * say less: `medium`.
 */
const PRECISION = {
    KMS004: 'medium',
    KMS011: 'medium',
    KMS013: 'medium',
    KMS014: 'medium',
};
const TAGS = ['security', 'azure', 'networking', 'windows-activation', 'kms'];
/** The rules' reference, on the tool's repository: helpUri points at a rule's section of it. */
const RULES_DOC_URL = `${tool/* TOOL_URI */.qH}/blob/main/docs/rules.md`;
/** What the run judged, for automationDetails.id: the clouds and the scan root relative to %SRCROOT%. */
function automationId(clouds, scanRoot, srcRoot) {
    const rel = (0,external_node_path_.relative)(srcRoot, scanRoot).split(external_node_path_.sep).join('/');
    const where = rel === '' ? '.' : rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? scanRoot.split(external_node_path_.sep).join('/') : rel;
    // The trailing slash makes the whole id code scanning's category (the part before the last slash).
    return `${tool/* TOOL_NAME */.lH}/${clouds.join('+')}/${where}/`;
}
/**
 * @param rules every rule of the tool (allRules), so code scanning can show help for any alert.
 * @param invocation the times and exit code of the run, when the caller knows them.
 */
function toSarif(result, rules, invocation = {}) {
    const descriptors = rules.map(ruleDescriptor);
    const index = new Map(descriptors.map((d, i) => [d.id, i]));
    const all = [...result.findings, ...result.suppressed.map((s) => s.finding)];
    // A finding from a rule missing from the list still needs a valid ruleIndex.
    for (const f of all) {
        if (!index.has(f.ruleId)) {
            index.set(f.ruleId, descriptors.length);
            descriptors.push(fallbackDescriptor(f));
        }
    }
    const scanRoot = (0,report_paths/* scanDir */.D)((0,external_node_path_.resolve)(result.root));
    const srcRoot = (0,report_paths/* gitRoot */.Jl)(scanRoot) ?? scanRoot;
    const locate = (o) => physicalLocation(o, srcRoot, scanRoot);
    const results = [
        ...sortFindings(result.findings).map((f) => toResult(f, index.get(f.ruleId), locate)),
        ...result.suppressed.map((s) => ({
            ...toResult(s.finding, index.get(s.finding.ruleId), locate),
            suppressions: [suppression(s, locate)],
        })),
    ];
    const clouds = result.clouds.length > 0 ? [...result.clouds] : ['AzureCloud'];
    const root = (0,external_node_url_.pathToFileURL)(srcRoot).href;
    const end = invocation.endTime ?? new Date();
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: tool/* TOOL_NAME */.lH,
                        informationUri: tool/* TOOL_URI */.qH,
                        version: tool/* TOOL_VERSION */.wr,
                        semanticVersion: tool/* TOOL_VERSION */.wr,
                        rules: descriptors,
                    },
                },
                automationDetails: {
                    id: automationId(clouds, scanRoot, srcRoot),
                    description: { text: `Azure KMS reachability of ${clouds.join(', ')}` },
                },
                invocations: [
                    {
                        // The scan ran to its end (findings are results, not a failure of the tool).
                        executionSuccessful: true,
                        ...(invocation.exitCode !== undefined ? { exitCode: invocation.exitCode } : {}),
                        ...(invocation.startTime ? { startTimeUtc: invocation.startTime.toISOString() } : {}),
                        endTimeUtc: end.toISOString(),
                    },
                ],
                originalUriBaseIds: {
                    '%SRCROOT%': {
                        uri: root.endsWith('/') ? root : root + '/',
                        description: { text: 'The git work tree that holds the scanned files (else the scan root)' },
                    },
                },
                columnKind: 'utf16CodeUnits',
                results,
            },
        ],
    };
}
function formatSarif(result, rules, invocation = {}) {
    return JSON.stringify(toSarif(result, rules, invocation), null, 2) + '\n';
}
function ruleDescriptor(rule) {
    return {
        id: rule.id,
        name: pascalCase(rule.title),
        shortDescription: { text: rule.title },
        fullDescription: { text: firstParagraph(rule.explanation) || rule.title },
        help: {
            text: `${rule.explanation.trim()}\n\nHow to fix: ${rule.fix.trim()}`,
            markdown: `## ${rule.id}: ${rule.title}\n\n${rule.explanation.trim()}\n\n### How to fix\n\n${rule.fix.trim()}`,
        },
        helpUri: `${RULES_DOC_URL}#${ruleAnchor(rule)}`,
        defaultConfiguration: { level: LEVEL[rule.severity] },
        properties: {
            tags: [...TAGS],
            precision: PRECISION[rule.id] ?? 'high',
            'security-severity': SECURITY_SEVERITY[rule.severity],
        },
    };
}
function fallbackDescriptor(f) {
    return {
        id: f.ruleId,
        name: pascalCase(f.title),
        shortDescription: { text: f.title },
        fullDescription: { text: f.title },
        help: { text: f.title, markdown: f.title },
        helpUri: RULES_DOC_URL,
        defaultConfiguration: { level: LEVEL[f.severity] },
        properties: { tags: [...TAGS], precision: 'medium', 'security-severity': SECURITY_SEVERITY[f.severity] },
    };
}
/**
 * A file as SARIF names it: relative to %SRCROOT% when inside it, else an absolute `file:` URI (a var file
 * from elsewhere; code scanning cannot show it, other viewers can). A relative name is resolved against
 * the scan root. ARM ids (deployed resources) are not files: undefined.
 */
function physicalLocation(o, srcRoot, scanRoot) {
    if ((0,report_paths/* isArmId */.IL)(o.file))
        return undefined;
    const file = (0,external_node_path_.resolve)(scanRoot, o.file);
    const rel = (0,report_paths/* repoPath */.qN)(file, srcRoot);
    const startLine = Math.max(1, o.startLine);
    return {
        artifactLocation: rel !== undefined ? { uri: encodeUri(rel), uriBaseId: '%SRCROOT%' } : { uri: (0,external_node_url_.pathToFileURL)(file).href },
        region: { startLine, endLine: Math.max(startLine, o.endLine) },
    };
}
function toResult(f, ruleIndex, locate) {
    const location = {};
    const physical = locate(f.location);
    if (physical)
        location.physicalLocation = physical;
    // The resource is always named logically too; for live state (an ARM id) it is the only location.
    location.logicalLocations = [{ fullyQualifiedName: f.resource, kind: 'resource' }];
    const paths = pathsLine(f);
    const text = paths ? `${f.message}\n\n${paths}` : f.message;
    const properties = {
        resource: f.resource,
        cloud: f.cloud,
        kmsAddresses: [...f.kmsAddresses],
    };
    if (f.subnets)
        properties.subnets = [...f.subnets];
    if (f.path)
        properties.path = f.path;
    const all = findingPaths(f);
    if (all.length > 1)
        properties.paths = all;
    if (f.unit !== undefined)
        properties.unit = f.unit;
    return {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text },
        locations: [location],
        partialFingerprints: { [FINGERPRINT_KEY]: (0,identity/* identityHash */.Jf)(f) },
        properties,
    };
}
function suppression(s, locate) {
    const at = locate(s.origin);
    return {
        kind: s.kind === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
        justification: s.reason,
        ...(at ? { location: { physicalLocation: at } } : {}),
    };
}
/** A relative URI reference: each path segment percent-encoded, slashes kept. */
function encodeUri(path) {
    return path
        .split('/')
        .map((s) => encodeURIComponent(s))
        .join('/');
}
function pascalCase(s) {
    const words = s.match(/[A-Za-z0-9]+/g) ?? [];
    return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || 'Rule';
}
/** The first paragraph of Markdown as plain-ish text (fullDescription is shown as text). */
function firstParagraph(md) {
    const p = md.trim().split(/\n\s*\n/)[0] ?? '';
    return p.replace(/\s*\n\s*/g, ' ').trim();
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
// EXTERNAL MODULE: ./node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __webpack_require__(8280);
var ipaddr_default = /*#__PURE__*/__webpack_require__.n(ipaddr);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/pipeline/options.ts
/** Option parsing shared by the action's inputs and the CLI's flags, so both accept the same spellings. */

/** Case-insensitive, so `azurecloud` works; returns the canonical spelling, or undefined when unknown. */
function parseCloud(value) {
    const v = value.trim().toLowerCase();
    if (v === 'auto')
        return 'auto';
    return catalogue/* CLOUDS */.JJ.find((c) => c.toLowerCase() === v);
}
/** A list input: one per line (a YAML block) or comma separated. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/**
 * Module registry overrides: `URL` (for registry.terraform.io) or `HOST=URL`, e.g.
 * `registry.terraform.io=https://mirror.example.com`. Registry protocol requests for HOST then go to URL.
 */
function parseRegistries(values) {
    const out = new Map();
    for (const v of values) {
        const eq = v.indexOf('=');
        const host = eq > 0 && !v.slice(0, eq).includes('/') ? v.slice(0, eq).trim().toLowerCase() : 'registry.terraform.io';
        const url = (eq > 0 && !v.slice(0, eq).includes('/') ? v.slice(eq + 1) : v).trim();
        let parsed;
        try {
            parsed = new URL(url);
        }
        catch {
            throw new Error(`module registry '${v}' must be URL or HOST=URL`);
        }
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
            throw new Error(`module registry '${v}' must be an http(s) URL`);
        out.set(host, url);
    }
    return out;
}

// EXTERNAL MODULE: ./src/suppress/expiry.ts
var expiry = __webpack_require__(1148);
// EXTERNAL MODULE: ./src/config/config-file.ts
var config_file = __webpack_require__(3797);
;// CONCATENATED MODULE: ./src/config/config.ts
/**
 * `.azure-kms-guard.yml` at the repository root. Parsed with line numbers so a mistake is reported on
 * its line, and validated entry by entry: a bad entry is dropped with an error, the rest still applies
 * (one typo should not silently turn the whole configuration off, nor stop the scan).
 */










function emptyConfig() {
    return {
        include: [],
        exclude: [],
        rules: {},
        clouds: [],
        varFiles: [],
        allowedAppliances: [],
        suppress: [],
        includeTestFixtures: false,
    };
}
const RULE_ID = /^KMS\d{3}$/;
const SETTINGS = ['error', 'warning', 'notice', 'off'];
class Validator {
    lines;
    file;
    problems = [];
    constructor(lines, file) {
        this.lines = lines;
        this.file = file;
    }
    line(node) {
        const range = node?.range;
        return range ? this.lines.linePos(range[0]).line : undefined;
    }
    error(node, message) {
        const line = this.line(node);
        this.problems.push(line !== undefined ? { message, line, file: this.file } : { message, file: this.file });
    }
    /** A non-empty string scalar, or an error. Numbers are accepted as text where a string is meant. */
    text(node, what) {
        if ((0,dist.isScalar)(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
            const v = String(node.value).trim();
            if (v !== '')
                return v;
        }
        this.error(node, `${what} must be a non-empty string`);
        return undefined;
    }
    /** A list of strings (a single string is taken as a list of one). */
    textList(node, what) {
        if ((0,dist.isScalar)(node)) {
            const v = this.text(node, what);
            return v !== undefined ? [v] : [];
        }
        if (!(0,dist.isSeq)(node)) {
            this.error(node, `${what} must be a list of strings`);
            return [];
        }
        return node.items.flatMap((item) => {
            const v = this.text(item, `each entry of ${what}`);
            return v !== undefined ? [v] : [];
        });
    }
    /** The map's pairs, each key checked against `known`; unknown keys are reported and skipped. */
    pairs(node, what, known) {
        if (!(0,dist.isMap)(node)) {
            this.error(node, `${what} must be a mapping`);
            return undefined;
        }
        const out = new Map();
        for (const pair of node.items) {
            const key = (0,dist.isScalar)(pair.key) ? String(pair.key.value) : undefined;
            if (key === undefined || !known.includes(key)) {
                this.error(pair.key, `unknown key ${JSON.stringify(key ?? '?')} in ${what} (expected one of: ${known.join(', ')})`);
                continue;
            }
            out.set(key, pair);
        }
        return out;
    }
}
const TOP_KEYS = [
    'include',
    'exclude',
    'rules',
    'cloud',
    'clouds',
    'var-files',
    'allowed-appliances',
    'suppress',
    'include-test-fixtures',
];
function parseConfig(text, file = config_file/* CONFIG_FILE */.g) {
    const lineCounter = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const v = new Validator(lineCounter, file);
    const config = emptyConfig();
    for (const e of doc.errors) {
        v.problems.push({ message: e.message.split('\n')[0], line: lineCounter.linePos(e.pos[0]).line, file });
    }
    // An empty file (or only comments) is an empty configuration.
    if (doc.contents === null || ((0,dist.isScalar)(doc.contents) && doc.contents.value === null))
        return { config, problems: v.problems };
    const top = v.pairs(doc.contents, 'the configuration', TOP_KEYS);
    if (!top)
        return { config, problems: v.problems };
    const value = (key) => (top.get(key)?.value ?? undefined);
    const keyNode = (key) => top.get(key)?.key;
    if (top.has('include'))
        config.include = v.textList(value('include') ?? keyNode('include'), 'include');
    if (top.has('exclude'))
        config.exclude = v.textList(value('exclude') ?? keyNode('exclude'), 'exclude');
    if (top.has('var-files'))
        config.varFiles = v.textList(value('var-files') ?? keyNode('var-files'), 'var-files');
    if (top.has('cloud')) {
        const c = v.text(value('cloud') ?? keyNode('cloud'), 'cloud');
        if (c !== undefined) {
            const parsed = parseCloud(c);
            if (parsed)
                config.cloud = parsed;
            else
                v.error(value('cloud'), `unknown cloud ${JSON.stringify(c)} (expected auto, ${catalogue/* CLOUDS */.JJ.join(', ')})`);
        }
    }
    if (top.has('include-test-fixtures')) {
        const node = value('include-test-fixtures');
        if ((0,dist.isScalar)(node) && typeof node.value === 'boolean')
            config.includeTestFixtures = node.value;
        else
            v.error(node ?? keyNode('include-test-fixtures'), 'include-test-fixtures must be true or false');
    }
    if (top.has('rules'))
        parseRules(v, value('rules') ?? keyNode('rules'), config);
    if (top.has('clouds')) {
        forEachEntry(v, value('clouds') ?? keyNode('clouds'), 'clouds', (entry, node) => {
            const p = v.pairs(node, 'a clouds entry', ['path', 'cloud']);
            if (!p)
                return;
            if (!p.has('path') || !p.has('cloud'))
                return v.error(node, 'a clouds entry needs both path and cloud');
            const glob = v.text(p.get('path').value, 'path');
            const c = v.text(p.get('cloud').value, 'cloud');
            if (glob === undefined || c === undefined)
                return;
            const parsed = parseCloud(c);
            if (!parsed || parsed === 'auto')
                return v.error(p.get('cloud').value, `unknown cloud ${JSON.stringify(c)} (expected ${catalogue/* CLOUDS */.JJ.join(', ')})`);
            config.clouds.push({ path: glob, cloud: parsed, line: entry });
        });
    }
    if (top.has('allowed-appliances')) {
        forEachEntry(v, value('allowed-appliances') ?? keyNode('allowed-appliances'), 'allowed-appliances', (entry, node) => {
            const p = v.pairs(node, 'an allowed-appliances entry', ['address', 'reason']);
            if (!p)
                return;
            if (!p.has('address'))
                return v.error(node, 'an allowed-appliances entry needs an address');
            if (!p.has('reason'))
                return v.error(node, 'an allowed-appliances entry needs a reason (why traffic through it reaches Azure KMS)');
            const address = v.text(p.get('address').value, 'address');
            const reason = v.text(p.get('reason').value, 'reason');
            if (address === undefined || reason === undefined)
                return;
            if (!ipaddr_default().isValid(address) && !isCidr(address)) {
                return v.error(p.get('address').value, `${JSON.stringify(address)} is not an IP address or prefix`);
            }
            config.allowedAppliances.push({ address, reason, line: entry });
        });
    }
    if (top.has('suppress')) {
        forEachEntry(v, value('suppress') ?? keyNode('suppress'), 'suppress', (entry, node) => {
            const p = v.pairs(node, 'a suppress entry', ['rule', 'path', 'resource', 'reason', 'until']);
            if (!p)
                return;
            if (!p.has('rule'))
                return v.error(node, 'a suppress entry needs a rule');
            if (!p.has('reason'))
                return v.error(node, 'a suppress entry needs a reason');
            const rule = v.text(p.get('rule').value, 'rule')?.toUpperCase();
            const reason = v.text(p.get('reason').value, 'reason');
            const glob = p.has('path') ? v.text(p.get('path').value, 'path') : undefined;
            const resource = p.has('resource') ? v.text(p.get('resource').value, 'resource') : undefined;
            const until = p.has('until') ? v.text(p.get('until').value, 'until') : undefined;
            if (rule === undefined || reason === undefined)
                return;
            if (p.has('until') && (until === undefined || !(0,expiry/* isDate */.$P)(until)))
                return v.error(p.get('until').value, 'until must be a date written YYYY-MM-DD, e.g. 2027-03-31');
            if ((p.has('path') && glob === undefined) || (p.has('resource') && resource === undefined))
                return;
            if (rule !== '*' && !RULE_ID.test(rule))
                return v.error(p.get('rule').value, `${JSON.stringify(rule)} is not a rule id like KMS001`);
            const s = { rule, reason, line: entry };
            if (glob !== undefined)
                s.path = glob;
            if (resource !== undefined)
                s.resource = resource;
            if (until !== undefined)
                s.until = until;
            config.suppress.push(s);
        });
    }
    // In file order, as a reader fixes them (sort is stable: same-line problems keep their order).
    return { config, problems: [...v.problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)) };
}
function parseRules(v, node, config) {
    if (!(0,dist.isMap)(node))
        return v.error(node, 'rules must be a mapping of rule id to error, warning, notice or off');
    for (const pair of node.items) {
        const id = (0,dist.isScalar)(pair.key) ? String(pair.key.value).toUpperCase() : '';
        if (!RULE_ID.test(id)) {
            v.error(pair.key, `${JSON.stringify(id)} is not a rule id like KMS001`);
            continue;
        }
        const raw = (0,dist.isScalar)(pair.value) ? pair.value.value : undefined;
        const setting = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
        if (setting === undefined || !SETTINGS.includes(setting)) {
            const hint = typeof raw === 'boolean' ? ' (write off, not false)' : '';
            v.error(pair.value ?? pair.key, `${id} must be one of ${SETTINGS.join(', ')}${hint}`);
            continue;
        }
        config.rules[id] = setting;
    }
}
/** Calls `each` for every item of a list, with the item's line. */
function forEachEntry(v, node, what, each) {
    if (!(0,dist.isSeq)(node))
        return v.error(node, `${what} must be a list`);
    for (const item of node.items)
        each(v.line(item) ?? 0, item);
}
function isCidr(s) {
    try {
        ipaddr_default().parseCIDR(s);
        return true;
    }
    catch {
        return false;
    }
}
/** Reads the config at the repository root; no file is an empty config, not a problem. */
function loadConfig(repoRoot, name = config_file/* CONFIG_FILE */.g) {
    let file = external_node_path_.join(repoRoot, name);
    let shown = name;
    if (!external_node_fs_.existsSync(file)) {
        const alt = file.replace(/\.yml$/, '.yaml');
        if (alt === file || !external_node_fs_.existsSync(alt))
            return { config: emptyConfig(), problems: [] };
        file = alt;
        shown = external_node_path_.basename(alt);
    }
    // The config comes with the pull request: read through the boundary like any scanned file (a link to
    // /dev/zero or out of the repository is a problem reported on the config, not a hang or a leak).
    const read = (0,read_source/* readSource */.o$)(file, (0,read_source/* makeBoundary */.nj)([repoRoot]));
    if (!read.ok)
        return { config: emptyConfig(), problems: [{ message: `the file ${read.reason}`, file: shown }], file };
    return { ...parseConfig(read.text, shown), file };
}

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
;// CONCATENATED MODULE: ./src/report/verdict.ts

const KMS = 'Windows activation (KMS, TCP 1688)';
/** e.g. "Windows activation (KMS, TCP 1688) is blocked for 1 of 3 subnets; could not be decided for 1". */
function verdictHeadline(v) {
    const total = v.subnets.length;
    const files = `${exit_plural(v.files.read, 'file')} read, ${v.files.skipped} skipped`;
    switch (v.overall) {
        case 'none':
            return (`No Azure subnet found to judge (${files}${v.unusedRouteTables > 0 ? `; ${exit_plural(v.unusedRouteTables, 'route table')} no subnet uses` : ''}): ` +
                `${KMS} was not checked for any VM`);
        case 'blocked':
            return (`${KMS} is blocked for ${v.blocked} of ${exit_plural(total, 'subnet')}` +
                (v.undecided > 0 ? `; could not be decided for ${v.undecided}` : '') +
                (v.reachable > 0 ? `; reachable from ${v.reachable}` : ''));
        case 'undecided':
            return (`${KMS} could not be decided for ${v.undecided} of ${exit_plural(total, 'subnet')}` +
                (v.reachable > 0 ? `; reachable from ${v.reachable}` : ''));
        case 'reachable':
            return total === 1
                ? `${KMS} is reachable from the 1 subnet judged`
                : `${KMS} is reachable from all ${total} subnets judged`;
    }
}
/** The subnet as a reader finds it: name, VNet, variant. */
function subnetLabel(s) {
    return `${s.subnet}${s.vnet ? ` (VNet ${s.vnet})` : ''}${s.variant ? ` [${s.variant}]` : ''}`;
}
/** "snet-app (VNet vnet-spoke): blocked at route 0.0.0.0/0 \u2192 ...", or undecided with why and the remedy. */
function subnetVerdictLine(s) {
    if (s.state === 'blocked')
        return `${subnetLabel(s)}: blocked at ${s.hop ?? s.path}`;
    if (s.state === 'reachable')
        return `${subnetLabel(s)}: reachable (${s.path})`;
    return `${subnetLabel(s)}: not decided at ${s.hop ?? s.path}: ${s.why ?? 'not followed'}; to decide: ${s.resolve ?? ''}`;
}
/** True when the verdict fails the run under fail-on-unknown: an undecided subnet, or nothing judged. */
function verdictFails(v, failOnUnknown) {
    return failOnUnknown && (v.overall === 'none' || v.undecided > 0);
}

;// CONCATENATED MODULE: ./src/report/text.ts





const SGR = {
    error: '\u001b[31m',
    warning: '\u001b[33m',
    notice: '\u001b[36m',
    dim: '\u001b[2m',
    bold: '\u001b[1m',
};
const RESET = '\u001b[0m';
function toText(result, cwd, options = {}) {
    const paint = (style, s) => options.color ? `${SGR[style]}${s}${RESET}` : s;
    const width = Math.max(60, options.width ?? 100);
    const findings = sortFindings(result.findings);
    const counts = countFindings(findings);
    const clouds = result.clouds.join(', ') || 'AzureCloud';
    const scanned = `${exit_plural(result.filesScanned, 'file')} scanned (${clouds})`;
    // Subnets the scan could not decide, each with the hop, why, and what would decide it; the verdict last.
    const undecided = result.verdict.subnets
        .filter((s) => s.state === 'undecided')
        .flatMap((s) => wrap(plainLine(subnetVerdictLine(s)), width - 4).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)));
    const tail = [
        ...(undecided.length > 0 ? ['', paint('bold', 'Not decided:'), ...undecided] : []),
        '',
        paint('bold', `Verdict: ${plainLine(verdictHeadline(result.verdict))}`),
    ];
    if (findings.length === 0) {
        return neutraliseCommands([`${paint('bold', 'No findings')}; ${scanned}`, ...tail].join('\n') + '\n');
    }
    const rows = findings.map((f) => ({
        f,
        cells: [
            f.severity,
            plainLine(f.ruleId),
            `${plainLine((0,report_paths/* displayPath */.Gt)(f.location.file, cwd))}:${lines(f)}`,
            plainLine(f.resource),
        ],
    }));
    const head = ['SEVERITY', 'RULE', 'LOCATION', 'RESOURCE'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i].length)));
    const pad = (cells) => cells.map((c, i) => c.padEnd(widths[i]));
    const out = [paint('bold', pad(head).join('  ').trimEnd())];
    for (const { f, cells } of rows) {
        const [sev, ...rest] = pad(cells);
        out.push(`${paint(f.severity, sev)}  ${rest.join('  ')}`.trimEnd());
        const message = f.title ? `${f.title}. ${f.message}` : f.message;
        for (const l of wrap(plainLine(message), width - 4))
            out.push(`    ${l}`);
        const paths = pathsLine(f, 'path');
        if (paths)
            for (const l of wrap(plainLine(paths), width - 4))
                out.push(paint('dim', `    ${l}`));
        for (const r of f.related ?? [])
            out.push(paint('dim', `    used at: ${plainLine((0,report_paths/* displayPath */.Gt)(r.file, cwd))}:${r.startLine}`));
    }
    out.push('');
    out.push(`${paint('bold', describeCounts(counts))} (${exit_plural(counts.total, 'finding')}); ${scanned}`);
    out.push(...tail);
    return neutraliseCommands(out.join('\n') + '\n');
}
function lines(f) {
    const { startLine, endLine } = f.location;
    return endLine > startLine ? `${startLine}-${endLine}` : `${startLine}`;
}
/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrap(text, width) {
    const out = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width) {
            out.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    if (line)
        out.push(line);
    return out;
}

;// CONCATENATED MODULE: ./src/compare/causes.ts
/**
 * Which changed lines decided a finding. A finding records every place whose change could change it
 * (Finding.sources: the subnet, association, route table, route, firewall and rules on its path, and
 * the var-file entries and module calls they come from); a pull request "caused" the finding where those
 * places meet the lines it changed. That is what `scope: changed` judges by, and where the run annotates
 * the cause (the tfvars entry that added the spoke) next to the finding's own anchor.
 */


/**
 * The head's added or rewritten lines in a unified diff, as ranges (context lines are not changes); a
 * pure deletion marks the line that follows it.
 */
function patchRanges(patch) {
    const lines = [];
    let next = 0;
    let inHunk = false;
    for (const l of patch.split('\n')) {
        const h = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l);
        if (h) {
            next = Number(h[1]);
            inHunk = true;
        }
        else if (!inHunk || l.startsWith('\\'))
            continue;
        else if (l.startsWith('+'))
            lines.push(next++);
        else if (l.startsWith('-')) {
            if (lines[lines.length - 1] !== next)
                lines.push(Math.max(1, next));
        }
        else
            next++;
    }
    const out = [];
    for (const n of lines) {
        const last = out[out.length - 1];
        if (last && n <= last[1] + 1)
            last[1] = Math.max(last[1], n);
        else
            out.push([n, n]);
    }
    return out;
}
function changedLinesOf(changed) {
    const out = new Map();
    for (const p of changed.paths)
        out.set(p, 'all');
    for (const f of changed.files ?? [])
        if (f.patch !== undefined && f.status !== 'removed' && f.status !== 'renamed')
            out.set(f.path, patchRanges(f.patch));
    return out;
}
const overlaps = (o, ranges) => ranges === 'all' || ranges.some(([a, b]) => o.startLine <= b && o.endLine >= a);
/** The finding's sources on changed lines in other files than its anchor's; per file, the narrowest one. */
function decidingChanges(f, changed, root) {
    const best = new Map();
    for (const o of f.sources ?? []) {
        // The anchor's own file is annotated already (and in scope whenever it changed).
        if (o.file === f.location.file)
            continue;
        const rel = (0,report_paths/* displayPath */.Gt)(o.file, root);
        const ranges = changed.get(rel);
        if (ranges === undefined || !overlaps(o, ranges))
            continue;
        const was = best.get(o.file);
        if (!was || o.endLine - o.startLine < was.endLine - was.startLine)
            best.set(o.file, o);
    }
    return [...best.values()];
}
const isVarFile = (p) => /\.tfvars(\.json)?$/.test(p);
/**
 * True when a source that decided the finding changed: its anchor's file, a deciding source on changed
 * lines, or a var file its unit reads (values read from var files take the origin of the line that reads
 * them, so a changed var file may have decided any finding of the unit).
 */
function decidedByChange(f, changed, root, unit) {
    if (changed.has((0,report_paths/* displayPath */.Gt)(f.location.file, root)))
        return true;
    if (decidingChanges(f, changed, root).length > 0)
        return true;
    if (!unit || f.unit === undefined)
        return false;
    const unitDir = external_node_path_.resolve(unit.scanRoot, f.unit.split('@')[0]);
    const variant = f.unit.includes('@') ? f.unit.slice(f.unit.indexOf('@') + 1) : undefined;
    for (const rel of changed.keys()) {
        const abs = external_node_path_.resolve(root, rel);
        if (isVarFile(abs) && (external_node_path_.dirname(abs) === unitDir || unit.varFiles?.includes(abs)))
            return true;
        // A deployment variant is its parameter file (Bicep, ARM: by name), or a Terraform environment's var
        // file or folder (by its path from the scan root).
        if (variant === undefined)
            continue;
        const fromScan = external_node_path_.relative(unit.scanRoot, abs).split(external_node_path_.sep).join('/');
        if (external_node_path_.basename(abs) === variant || fromScan === variant || fromScan.startsWith(`${variant}/`))
            return true;
    }
    return false;
}
/**
 * Annotations at the changed lines that caused failing findings: one per place, naming the findings
 * (rule, anchor, newly exposed subnets) it decides. They are annotations only: counts and the verdict
 * come from the findings themselves (src/action/tally.ts).
 */
function causeAnnotations(failing, changed, root, note = () => undefined) {
    const byPlace = new Map();
    for (const f of failing) {
        if (f.deployed)
            continue;
        for (const at of decidingChanges(f, changed, root)) {
            const k = `${at.file}\u0000${at.startLine}\u0000${at.endLine}`;
            const e = byPlace.get(k) ?? { at, findings: [] };
            e.findings.push(f);
            byPlace.set(k, e);
        }
    }
    return [...byPlace.values()].map(({ at, findings }) => {
        const { fix: _fix, ...first } = findings[0];
        const what = findings
            .map((f) => {
            const extra = note(f);
            return `${f.ruleId} at ${(0,report_paths/* displayPath */.Gt)(f.location.file, root)}:${f.location.startLine} (${f.resource})${extra ? `: ${extra}` : ''}`;
        })
            .join('; ');
        return {
            ...first,
            location: at,
            title: `${first.title} (caused by this change)`,
            message: `This change decides ${findings.length === 1 ? 'a finding' : `${findings.length} findings`}: ${what}. ${first.message}`,
        };
    });
}

;// CONCATENATED MODULE: ./src/compare/scope.ts

const SCOPES = ['new', 'changed', 'all'];
/** Empty input \u2192 the default for the event; an unknown value \u2192 undefined (the caller reports it). */
function parseScope(input, isPullRequest) {
    const v = (input ?? '').trim().toLowerCase();
    if (v === '')
        return isPullRequest ? 'new' : 'all';
    return SCOPES.includes(v) ? v : undefined;
}
/**
 * `new` without a comparison degrades to `changed`, and `changed` without a file list to `all`:
 * failing closed, because a guard that passes when it could not look is worse than a noisy one.
 */
function applyScope(input) {
    const all = [...input.findings];
    if (input.scope === 'new') {
        if (input.comparison) {
            const fresh = new Set(input.comparison.new);
            return {
                scope: 'new',
                failing: all.filter((f) => fresh.has(f)),
                listed: all.filter((f) => !fresh.has(f)),
            };
        }
        const r = applyScope({ ...input, scope: 'changed' });
        const note = 'the base commit could not be scanned';
        return { ...r, note: r.note ? `${note}; ${r.note}` : note };
    }
    if (input.scope === 'changed') {
        if (input.changedPaths) {
            const lines = input.changedLines ?? new Map(input.changedPaths.map((p) => [p, 'all']));
            const inChanged = (f) => decidedByChange(f, lines, input.root, input.units);
            return {
                scope: 'changed',
                failing: all.filter(inChanged),
                listed: all.filter((f) => !inChanged(f)),
            };
        }
        return {
            scope: 'all',
            failing: all,
            listed: [],
            note: 'the changed files are not known',
        };
    }
    return { scope: 'all', failing: all, listed: [] };
}

;// CONCATENATED MODULE: ./src/report/fix/short.ts
/**
 * The fix in a few words, for the one line a finding gets on the first screen (`add 2 /32 routes to
 * Internet in rt-spoke`). The full fix text, in the source's format, is in the details (index.ts).
 */




/** An object's Azure name, when the source states it. */
const named = (o) => (o.name.known ? o.name.value : undefined);
/**
 * @param group true when the words must hold for every finding of a group (no object names), e.g.
 *   `add 2 /32 routes to Internet in each route table`.
 */
function shortFix(f, { group }) {
    const c = f.fix;
    if (!c)
        return ruleFix(f.ruleId);
    const where = (o, noun, each) => {
        const n = named(o);
        return group ? each : n ? `${noun} ${n}` : `the ${noun}`;
    };
    switch (c.kind) {
        case 'add-routes':
            return `add ${exit_plural(c.addresses.length, '/32 route')} to Internet in ${where(c.table, 'route table', 'each route table')}`;
        case 'allow-kms-firewall':
            return `allow TCP ${catalogue/* KMS_PORT */.GO} to ${exit_plural(c.addresses.length, 'KMS address', 'KMS addresses')} on ${where(c.policy ?? c.firewall, c.policy ? 'policy' : 'firewall', 'each firewall')}`;
        case 'allow-kms-nsg':
            return `allow TCP ${catalogue/* KMS_PORT */.GO} to KMS before ${where(c.deny, 'rule', 'the deny rule')}`;
        case 'add-outbound':
            return `give ${where(c.subnet, 'subnet', 'each subnet')} a NAT gateway or outbound access`;
        case 'enable-dns-proxy':
            return `enable DNS proxy on ${where(c.target, isPolicy(c.target) ? 'policy' : 'firewall', 'the firewall policy')}`;
        case 'set-destinations':
            return `name ${exit_plural(c.addresses.length, 'KMS address', 'KMS addresses')} in ${where(c.rule, 'rule', 'each rule')}`;
    }
}
/** The rule's general fix, up to its first sentence break, lower-cased for the line. */
function ruleFix(id) {
    const text = rules/* allRules */.V7.find((r) => r.id === id)?.fix ?? 'see the details';
    const first = text.split(/(?<=\.)\s|,\s+or\s|\s\(/)[0].replace(/\.$/, '');
    return first.charAt(0).toLowerCase() + first.slice(1);
}

;// CONCATENATED MODULE: ./src/report/model.ts







const model_KMS = 'Windows activation (KMS, TCP 1688)';
function buildReport(input) {
    const failing = sortFindings(input.failing ?? input.result.findings);
    const failingSet = new Set(failing);
    const failOnUnknown = input.failOnUnknown === true;
    const scanVerdict = input.result.verdict;
    const fails = failsAt(failing, input.failOn) || verdictFails(scanVerdict, failOnUnknown);
    const counts = {
        failing: countFindings(failing),
        all: countFindings(input.result.findings),
        notFailing: countFindings(input.result.findings.filter((f) => !failingSet.has(f))),
        existing: input.existing?.length ?? 0,
        fixed: input.fixed?.length ?? 0,
        suppressed: input.result.suppressed.length,
        blockedSubnets: new Set(failing.filter((f) => f.severity === 'error').flatMap(subnetIdentitiesOf)).size,
    };
    const worst = failing[0]?.severity;
    return {
        event: input.event,
        failOn: input.failOn,
        fails,
        ...(worst ? { worst } : {}),
        verdict: verdictSentence(input.event, counts, scanVerdict, fails, input.failOn),
        counts,
        lines: groupFindings(failing, input),
        existing: groupFindings(sortFindings(input.existing ?? []), input),
        fixed: groupFindings(sortFindings(input.fixed ?? []), input),
        ...(input.subnetChanges ? { subnetChanges: input.subnetChanges } : {}),
        suppressed: [...input.result.suppressed],
        paths: pathGroups(failing),
        undecided: scanVerdict.subnets.filter((s) => s.state === 'undecided'),
        scan: scanVerdict,
        failOnUnknown,
        clouds: input.result.clouds.length > 0 ? [...input.result.clouds] : ['AzureCloud'],
        filesScanned: input.result.filesScanned,
        root: input.root,
    };
}
/**
 * The verdict, true to the event: a pull request is judged as a change, anything else as written. The
 * findings say what blocks; the scan's verdict says what could not be followed or that nothing was judged,
 * so a scan that found no subnet, or could not follow some, never reads as a clean pass.
 */
function verdictSentence(event, c, v, fails, failOn) {
    const subject = event === 'pull-request' ? 'This pull request' : 'The network as written';
    const check = fails ? `the check fails (fail-on: ${failOn})` : `the check passes (fail-on: ${failOn})`;
    const { errors, warnings, notices } = c.failing;
    if (errors === 0 && v.overall === 'none')
        return `${verdictHeadline(v)}; ${check}.`;
    if (errors === 0 && v.undecided > 0)
        return (`${subject} does not block ${model_KMS} where the scan could follow it, but it could not be decided for ` +
            `${v.undecided} of ${exit_plural(v.subnets.length, 'subnet')}` +
            `${warnings > 0 ? `, and ${exit_plural(warnings, 'warning')} need a look` : ''}; ${check}.`);
    if (errors > 0) {
        const whom = c.blockedSubnets > 0 ? exit_plural(c.blockedSubnets, 'subnet') : exit_plural(errors, 'error');
        const rest = [
            warnings > 0 ? exit_plural(warnings, 'warning') : '',
            notices > 0 ? exit_plural(notices, 'notice') : '',
        ]
            .filter((s) => s !== '')
            .join(' and ');
        return `${subject} blocks ${model_KMS} for ${whom}${rest ? `, with ${rest}` : ''}; ${check}.`;
    }
    if (warnings > 0)
        return (`${subject} does not block ${model_KMS}, but ${exit_plural(warnings, 'warning')} ` +
            `${notices > 0 ? `and ${exit_plural(notices, 'notice')} ` : ''}need a look; ${check}.`);
    if (notices > 0)
        return (`${subject} does not block ${model_KMS} where the scan could follow it; ${exit_plural(notices, 'notice')} ` +
            `${notices === 1 ? 'names what it' : 'name what it'} could not decide; ${check}.`);
    const judged = v.subnets.length;
    const reach = v.overall === 'reachable' && judged > 0
        ? `; it reaches Azure KMS from ${judged === 1 ? 'the 1 subnet' : `all ${judged} subnets`} judged`
        : '';
    return event === 'pull-request'
        ? `This pull request adds nothing that blocks ${model_KMS}${reach}.`
        : `Nothing in the network as written blocks ${model_KMS}${reach}.`;
}
/** The finding's subnets by Azure name, each once. */
/** The subnets a finding harms, by Azure identity where known: same-named subnets of two VNets are two. */
function subnetIdentitiesOf(f) {
    if (f.affected && f.affected.length > 0)
        return [...new Set(f.affected.map(identity/* refKey */.XF))];
    return subnetsOf(f);
}
function subnetsOf(f) {
    if (f.subnets && f.subnets.length > 0)
        return [...new Set(f.subnets)];
    return [...new Set((f.subnetPaths ?? []).map((p) => p.subnet))];
}
/** The hops after the subnet (the first hop), of the finding's first path with hops. */
function hopsAfterSubnet(p) {
    if (!p?.hops)
        return undefined;
    return p.hops[0]?.kind === 'subnet' ? p.hops.slice(1) : p.hops;
}
/** The shape of a path: its hops without names, so spokes with their own route tables share it. */
function shapeKey(hops) {
    return hops.map((h) => `${h.kind}:${h.detail ?? ''}`).join('|');
}
const NEXT_HOP = {
    VirtualNetworkGateway: 'VPN/ExpressRoute gateway',
    VnetLocal: 'virtual network (no way out)',
    VirtualAppliance: 'virtual appliance',
    None: 'None (dropped)',
    Internet: 'Internet',
    unknown: 'next hop not known',
};
const OUTCOME = {
    internet: 'Azure KMS \u2713',
    gateway: 'on-premises \u2717',
    none: 'dropped \u2717',
    vnetLocal: 'dropped \u2717',
    appliance: 'appliance (not verified)',
    noOutbound: 'no outbound access \u2717',
};
/** A hop as a person reads it: Azure name and address, never an IaC address or expression. */
function hopLabel(h) {
    switch (h.kind) {
        case 'subnet':
            return [h.name ?? 'subnet (name not known)', h.detail].filter(Boolean).join(' ');
        case 'routeTable':
            return h.name ?? 'route table (name not known)';
        case 'route':
            return `${h.name ? `route ${h.name} ` : ''}${h.detail ?? ''}`.trim();
        case 'nextHop': {
            const [type, ip] = (h.detail ?? 'unknown').split(' ');
            return `${NEXT_HOP[type] ?? type}${ip ? ` ${ip}` : ''}`;
        }
        case 'firewall':
            return [h.name ?? 'Azure Firewall (name not known)', h.detail].filter(Boolean).join(' ');
        case 'firewallRule':
            return `${h.name ? `rule ${h.name}` : 'no rule matched'}: ${h.detail === 'Deny' ? 'Deny \u2717' : (h.detail ?? '')}`;
        case 'nsg':
            return `${h.name ?? 'NSG (name not known)'}: ${h.detail ?? ''}${/Deny$/.test(h.detail ?? '') ? ' \u2717' : ''}`;
        case 'internet':
        case 'onPremises':
        case 'dropped':
            return OUTCOME[h.detail ?? ''] ?? h.detail ?? '';
        case 'appliance':
            return `appliance ${h.detail ?? ''}`.trim();
    }
}
/**
 * Route table and route read as one hop (`rt-spoke 0.0.0.0/0`); the route's next hop and the outcome
 * follow. Names that differ across the group (spokes with their own tables) become a count.
 */
function hopsText(hops) {
    const out = [];
    for (let i = 0; i < hops.length; i++) {
        const h = hops[i];
        const next = hops[i + 1];
        if (h.kind === 'routeTable' && next?.kind === 'route') {
            // `rt-spoke 0.0.0.0/0`: the table names the hop, the prefix says which of its routes won.
            out.push(`${hopLabel(h)} ${next.detail ?? ''}`.trim());
            i++;
        }
        else
            out.push(hopLabel(h));
    }
    return out;
}
/** Replaces names that differ across paths of the same shape with a count (`60 route tables`). */
function mergeHops(all) {
    const first = all[0];
    return first.map((h, i) => {
        const names = new Set(all.map((hops) => hops[i]?.name));
        if (names.size <= 1)
            return h;
        const noun = {
            routeTable: 'route tables',
            route: 'routes',
            firewall: 'firewalls',
            firewallRule: 'rules',
            nsg: 'NSGs',
            subnet: 'subnets',
        };
        const merged = { ...h, name: `${names.size} ${noun[h.kind] ?? 'hops'}` };
        // A route keeps its prefix, only the name goes.
        if (h.kind === 'route')
            delete merged.name;
        return merged;
    });
}
/**
 * The hops that decide a finding: the NSG rule when the fix is an NSG rule, else the way out after the
 * subnet's NSG (route table, next hop, firewall, where it ends).
 */
function decisiveHops(f) {
    const hops = hopsAfterSubnet(f.subnetPaths?.[0]);
    if (!hops)
        return undefined;
    if (f.fix?.kind === 'allow-kms-nsg') {
        const nsg = hops.filter((h) => h.kind === 'nsg');
        return nsg.length > 0 ? nsg : hops;
    }
    return hops.filter((h) => h.kind !== 'nsg');
}
const HOP_NOUN = {
    route: 'route',
    routeTable: 'route table',
    nsgRule: 'NSG rule',
    nsg: 'NSG',
    firewallRule: 'firewall rule',
    firewallRuleCollection: 'rule collection',
    firewall: 'firewall',
    firewallPolicy: 'firewall policy',
    subnet: 'subnet',
};
/**
 * A finding without a traced path (a rule that names the old KMS address, a firewall rule by FQDN) is
 * about its decisive hop: named as Azure names it (`firewall rule afwp-hub/rcg-platform/allow-kms/kms`),
 * never by IaC address; undefined when the source does not say the name.
 */
function azureHop(f) {
    if (f.hop?.name === undefined)
        return undefined;
    return `${HOP_NOUN[f.hop.kind] ?? ''} ${(0,identity/* refLabel */.E3)(f.hop)}`.trim();
}
/** What a group is keyed on: rule, severity, the decisive hops' shape, and the fix in words. */
function groupKey(f, fix) {
    const hops = decisiveHops(f);
    // Without a traced path there is nothing to tell two causes apart: such findings stay one per line.
    const cause = hops ? shapeKey(hops) : `${f.location.file}\u0000${f.location.startLine}\u0000${f.resource}`;
    return JSON.stringify([f.ruleId, f.severity, f.cloud, cause, fix, [...f.kmsAddresses].sort()]);
}
function groupFindings(findings, input) {
    const groups = new Map();
    for (const f of findings) {
        const fix = shortFix(f, { group: false });
        const key = groupKey(f, shortFix(f, { group: true }));
        const g = groups.get(key);
        if (g) {
            g.findings.push(f);
            g.fixes.push(fix);
        }
        else
            groups.set(key, { fixes: [fix], findings: [f] });
    }
    return [...groups.values()].map(({ findings: fs, fixes }) => {
        const f = fs[0];
        const subnets = [...new Set(fs.flatMap(subnetsOf))];
        const paths = fs.map(decisiveHops).filter((h) => !!h);
        const hop = paths.length > 0 ? hopsText(mergeHops(paths)).join(' \u2192 ') : (azureHop(f) ?? f.resource);
        return {
            ruleId: f.ruleId,
            title: f.title,
            severity: f.severity,
            findings: fs,
            subnets,
            hop,
            fix: fs.length === 1 ? fixes[0] : shortFix(f, { group: true }),
            locations: fs.map((x) => locationOf(x, input.root, input.blobUrl)),
        };
    });
}
/** A finding's place: `file:lines` relative to the root, linked to the lines when a blob URL is known. */
function locationOf(f, root, blobUrl) {
    const { startLine, endLine } = f.location;
    const lines = endLine > startLine ? `${startLine}-${endLine}` : `${startLine}`;
    const text = `${(0,report_paths/* displayPath */.Gt)(f.location.file, root)}:${lines}`;
    const rel = (0,report_paths/* repoPath */.qN)(f.location.file, root);
    if (!blobUrl || rel === undefined)
        return { text };
    const anchor = endLine > startLine ? `#L${startLine}-L${endLine}` : `#L${startLine}`;
    // Every segment percent-encoded (and parentheses, which encodeURIComponent keeps) so the URL cannot end the
    // link.
    const url = blobUrl.replace(/\/+$/, '') +
        '/' +
        rel
            .split('/')
            .map((s) => encodeURIComponent(s).replace(/\(/g, '%28').replace(/\)/g, '%29'))
            .join('/') +
        anchor;
    return { text, url };
}
/** One group per distinct path (by shape and names), with every subnet that takes it. */
function pathGroups(findings) {
    const byShape = new Map();
    for (const f of findings) {
        for (const p of f.subnetPaths ?? []) {
            const hops = hopsAfterSubnet(p);
            if (!hops || hops.length === 0)
                continue;
            const key = shapeKey(hops);
            let g = byShape.get(key);
            if (!g)
                byShape.set(key, (g = { subnets: new Map(), hops: [] }));
            if (g.subnets.has(p.subnet))
                continue;
            g.subnets.set(p.subnet, p.hops?.[0]?.kind === 'subnet' ? p.hops[0].detail : undefined);
            g.hops.push(hops);
        }
    }
    return [...byShape.values()].map((g) => {
        const hops = mergeHops(g.hops);
        const last = hops[hops.length - 1];
        return {
            subnets: [...g.subnets].map(([name, prefix]) => (prefix ? { name, prefix } : { name })),
            hops,
            broken: !(last?.kind === 'internet' && last.detail === 'internet'),
        };
    });
}
/** The rule's title by id (for findings of rules the list does not know, the finding's own). */
function ruleTitle(id, fallback) {
    return allRules.find((r) => r.id === id)?.title ?? fallback;
}

;// CONCATENATED MODULE: ./src/report/diagram.ts
/**
 * One Mermaid flowchart per distinct path KMS traffic takes: the subnets that share it in one group, then
 * the hops in Azure names and addresses, the broken end in red. At most MAX_NODES nodes, so GitHub draws
 * it legibly. Node ids are ours (s0, n0\u2026); every label is escaped data inside quotes, so a name cannot
 * add nodes, edges, click handlers or directives.
 */


const MAX_NODES = 12;
const quote = (label) => `"${escapeMermaidLabel(label)}"`;
function pathFlowchart(group) {
    const hops = hopsText(group.hops);
    const lines = ['flowchart LR'];
    const room = Math.max(1, MAX_NODES - hops.length - 1);
    const shown = group.subnets.slice(0, group.subnets.length > room ? room - 1 : room);
    const subnetLabel = (s) => (s.prefix ? `${s.name} ${s.prefix}` : s.name);
    let from;
    if (group.subnets.length === 1) {
        lines.push(`  n0[${quote(subnetLabel(group.subnets[0]))}]`);
        from = 'n0';
    }
    else {
        lines.push(`  subgraph s0[${quote(`${group.subnets.length} subnets`)}]`);
        shown.forEach((s, i) => lines.push(`    n${i}[${quote(subnetLabel(s))}]`));
        const more = group.subnets.length - shown.length;
        if (more > 0)
            lines.push(`    n${shown.length}[${quote(`\u2026 and ${more} more`)}]`);
        lines.push('  end');
        from = 's0';
    }
    hops.forEach((label, i) => {
        lines.push(`  ${i === 0 ? from : `h${i - 1}`} --> h${i}[${quote(label)}]`);
    });
    if (group.broken && hops.length > 0) {
        lines.push(`  linkStyle ${hops.length - 1} stroke:#d73a49,stroke-width:3px`);
        lines.push(`  style h${hops.length - 1} fill:#ffebe9,stroke:#d73a49`);
    }
    return ['```mermaid', ...lines, '```'].join('\n');
}

;// CONCATENATED MODULE: ./src/report/render.ts








const ICON = { error: '\ud83d\udd34', warning: '\ud83d\udfe0', notice: '\ud83d\udd35' };
const VERDICT_ICON = { error: '\u274c', warning: '\u26a0\ufe0f', notice: '\u2139\ufe0f' };
/** The verdict line: icon from the worst severity (a notice is never \u274c), then the sentence. */
function verdictLine(m) {
    // Nothing judged, or subnets not followed to the end, is never a green pass.
    const open = m.scan.overall === 'none' || m.undecided.length > 0;
    const icon = m.worst ? VERDICT_ICON[m.worst] : open ? (m.fails ? '\u274c' : '\u26a0\ufe0f') : '\u2705';
    return `**${icon} Azure KMS Guard:** ${escapeMarkdown(m.verdict)}`;
}
function render_link(l) {
    const text = escapeMarkdown(l.text);
    return l.url ? `[${text}](${l.url})` : text;
}
function subnetsText(names, max = 3) {
    if (names.length === 0)
        return '';
    if (names.length <= max)
        return names.map(escapeMarkdown).join(', ');
    return `${exit_plural(names.length, 'subnet')} (${names.slice(0, max).map(escapeMarkdown).join(', ')}, \u2026)`;
}
/** One line per group: icon, rule, subnets, decisive hop, where, the fix in a few words. */
function findingLine(g) {
    const count = g.findings.length > 1 ? ` \u00d7${g.findings.length}` : '';
    const parts = [`${ICON[g.severity]} **${escapeMarkdown(g.ruleId)}**${count}`];
    const subnets = subnetsText(g.subnets);
    if (subnets)
        parts.push(subnets);
    parts.push(escapeMarkdown(g.hop));
    const more = g.locations.length > 1 ? ` (+${g.locations.length - 1})` : '';
    parts.push(`${render_link(g.locations[0])}${more}`);
    parts.push(escapeMarkdown(g.fix));
    return `- ${parts.join(' \u00b7 ')}`;
}
function details(summary, body) {
    // A blank line after <summary> lets GitHub render the Markdown inside the HTML block.
    return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}
/** The full story of a group: the rule, the message, every subnet and place, the fix code. */
function groupDetails(g, m) {
    const f = g.findings[0];
    const out = [`#### ${ICON[g.severity]} ${escapeMarkdown(g.ruleId)}: ${escapeMarkdown(g.title)}`, ''];
    out.push(escapeMarkdown(f.message), '');
    const paths = pathsLine(f);
    if (paths)
        out.push(escapeMarkdown(paths), '');
    if (g.findings.length > 1)
        out.push(`The same cause and fix for ${exit_plural(g.findings.length, 'finding')}.`, '');
    if (g.subnets.length > 0)
        out.push(`Subnets: ${g.subnets.map(escapeMarkdown).join(', ')}`, '');
    const places = g.locations.slice(0, 20).map(render_link).join(', ');
    out.push(`Where: ${places}${g.locations.length > 20 ? `, \u2026 and ${g.locations.length - 20} more` : ''}`, '');
    const texts = [
        ...new Set(g.findings.map((x) => fixText(x)).filter((t) => !!t && t.trim() !== '')),
    ];
    for (const t of texts.slice(0, 2))
        out.push(markdownCodeBlock(t, fixLanguage(f)), '');
    if (texts.length > 2)
        out.push(`_\u2026 the same change in ${exit_plural(texts.length - 2, 'more place')} (see the annotations)._`, '');
    void m;
    return out;
}
function listGroups(groups, max) {
    const out = groups.slice(0, max).map(findingLine);
    if (groups.length > max)
        out.push(`- \u2026 and ${groups.length - max} more`);
    return out;
}
/** Which subnets a pull request fixes and which it newly exposes, one line each. */
function subnetChangeSection(m, max) {
    const c = m.subnetChanges;
    if (!c || (c.fixed.length === 0 && c.exposed.length === 0))
        return [];
    const lines = (what, list) => list.length === 0
        ? []
        : [
            `${what}:`,
            ...list
                .slice(0, max)
                .map((s) => `- ${escapeMarkdown(s.subnet)} (${s.rules.map(escapeMarkdown).join(', ')})`),
            ...(list.length > max ? [`- \u2026 and ${list.length - max} more`] : []),
            '',
        ];
    return details(`Subnets: ${c.exposed.length} newly exposed, ${c.fixed.length} fixed by this change`, [
        ...lines('Newly exposed', c.exposed),
        ...lines('Fixed', c.fixed),
    ]);
}
function renderReport(m, surface, options = {}) {
    const maxLines = options.maxLines ?? 12;
    const maxDetails = options.maxDetails ?? (surface === 'comment' ? 30 : 200);
    const out = [];
    if (surface === 'comment')
        out.push('<!-- azure-kms-guard -->');
    // First screen: the verdict, then one line per group.
    out.push(verdictLine(m), '');
    if (m.lines.length > 0) {
        const shown = m.lines.length > maxLines ? maxLines - 1 : maxLines;
        out.push(...m.lines.slice(0, shown).map(findingLine));
        if (m.lines.length > shown)
            out.push(`- \u2026 and ${m.lines.length - shown} more lines in the details below`);
        out.push('');
    }
    // Everything else, folded.
    if (options.mermaid !== false && m.paths.length > 0) {
        const body = [];
        for (const p of m.paths.slice(0, 10))
            body.push(pathFlowchart(p), '');
        if (m.paths.length > 10)
            body.push(`_${exit_plural(m.paths.length - 10, 'more path')} in the job summary._`);
        out.push(...details(`Paths KMS traffic takes (${m.paths.length})`, body));
    }
    if (m.lines.length > 0) {
        const body = m.lines.slice(0, maxDetails).flatMap((g) => groupDetails(g, m));
        if (m.lines.length > maxDetails)
            body.push(`_${m.lines.length - maxDetails} more in the check run._`);
        out.push(...details(`Why, and how to fix it (${exit_plural(m.counts.failing.total, 'finding')})`, body));
    }
    if (m.undecided.length > 0)
        out.push(...details(`Not decided: ${exit_plural(m.undecided.length, 'subnet')}`, m.undecided.slice(0, maxDetails).map((s) => `- ${escapeMarkdown(subnetVerdictLine(s))}`)));
    if (m.existing.length > 0)
        out.push(...details(`${m.event === 'pull-request' ? 'Not introduced by this change' : 'Not failing'}: ${exit_plural(m.counts.existing, 'finding')}`, listGroups(m.existing, maxDetails)));
    if (m.fixed.length > 0)
        out.push(...details(`Fixed by this change: ${exit_plural(m.counts.fixed, 'finding')}`, listGroups(m.fixed, maxDetails)));
    out.push(...subnetChangeSection(m, maxDetails));
    if (m.suppressed.length > 0) {
        const body = m.suppressed.slice(0, maxDetails).map((s) => {
            const where = locationOf(s.finding, m.root);
            const at = `${(0,report_paths/* displayPath */.Gt)(s.origin.file, m.root)}:${s.origin.startLine}`;
            return (`- ${ICON[s.finding.severity]} **${escapeMarkdown(s.finding.ruleId)}** \u00b7 ${escapeMarkdown(where.text)} \u00b7 ` +
                `${escapeMarkdown(s.finding.resource)} \u00b7 reason: ${escapeMarkdown(s.reason)} (${escapeMarkdown(at)})`);
        });
        if (m.suppressed.length > maxDetails)
            body.push(`- \u2026 and ${m.suppressed.length - maxDetails} more`);
        out.push(...details(`Suppressed: ${exit_plural(m.counts.suppressed, 'finding')}`, body));
    }
    for (const e of options.extra ?? [])
        out.push(...details(e.title, [e.body.trimEnd()]));
    // The run's numbers, in one place: the action's outputs, check run and exit code count the same
    // finding sets (src/action/tally.ts), so this section is the tally as the reader sees it.
    const c = m.counts;
    const judged = `fail-on: \`${m.failOn}\`${m.failOnUnknown ? ', fail-on-unknown' : ''}, ${m.fails ? 'failed' : 'passed'}`;
    out.push(...details('Scan', [
        `- Judged against fail-on: ${describeCounts(c.failing)} (${judged})`,
        ...(c.notFailing.total > 0
            ? [
                `- Listed but not failing (outside the scope, or deployed without fail-on-deployed): ${describeCounts(c.notFailing)}`,
            ]
            : []),
        `- All findings: ${describeCounts(c.all)}; ${c.fixed} fixed, ${c.suppressed} suppressed`,
        `- Subnets: ${m.scan.blocked} blocked, ${m.scan.undecided} not decided, ${m.scan.reachable} reaching Azure KMS`,
        `- ${exit_plural(m.filesScanned, 'file')} scanned; clouds judged: ${m.clouds.map(escapeMarkdown).join(', ')}`,
    ]));
    if (options.runUrl && /^https:\/\/[^\s()<>]+$/.test(options.runUrl))
        out.push(`[Full report](${options.runUrl})`, '');
    return out.join('\n').trimEnd() + '\n';
}

;// CONCATENATED MODULE: ./src/github/comment-body.ts


const COMMENT_MARKER = '<!-- azure-kms-guard -->';
/** GitHub refuses comment bodies over 65536 characters. */
const COMMENT_LIMIT = 65536;
/** `infra/spoke.tf:12-18`: the finding's file relative to `root`, and its lines. */
function comment_body_findingLocation(f, root) {
    const { startLine, endLine } = f.location;
    const lines = endLine > startLine ? `${startLine}-${endLine}` : `${startLine}`;
    return `${displayPath(f.location.file, root)}:${lines}`;
}
function buildCommentBody(model, options = {}) {
    let body = renderReport(model, 'comment', options);
    // Too long: fewer explanations first (the check run and summary have them all), then cut.
    if (body.length > COMMENT_LIMIT)
        body = renderReport(model, 'comment', { ...options, maxDetails: 5 });
    return fitComment(body);
}
/** Cuts at a line boundary and closes an open code fence, so a cut never leaves a broken block behind. */
function fitComment(body) {
    if (body.length <= COMMENT_LIMIT)
        return body;
    const note = '\n\n\u2026 (truncated; the check run has every finding)\n';
    let cut = body.slice(0, COMMENT_LIMIT - note.length - 10);
    cut = cut.slice(0, cut.lastIndexOf('\n'));
    const fences = cut.split('\n').filter((l) => l.startsWith('```')).length;
    if (fences % 2 === 1)
        cut += '\n```';
    return cut + note;
}

// EXTERNAL MODULE: ./src/github/api-failure.ts
var api_failure = __webpack_require__(9692);
;// CONCATENATED MODULE: ./src/github/comment.ts
/**
 * One sticky comment per pull request, found again by its hidden marker and edited in place, so a
 * pull request pushed ten times has one comment, not ten.
 */


function parseWhenClean(input) {
    const v = (input ?? '').trim().toLowerCase();
    if (v === '')
        return 'update';
    return v === 'update' || v === 'always' || v === 'delete' ? v : undefined;
}
function isOurComment(c, author) {
    if (!c.body?.startsWith(COMMENT_MARKER) || !c.user)
        return false;
    return author !== undefined ? c.user.login === author : c.user.type === 'Bot';
}
async function upsertStickyComment(octokit, input) {
    const { owner, repo, issueNumber: issue_number } = input;
    const whenClean = input.whenClean ?? 'update';
    try {
        const comments = (await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number,
            per_page: 100,
        }));
        const ours = comments.filter((c) => isOurComment(c, input.author));
        const existing = ours[0];
        if (input.clean && whenClean === 'delete') {
            // Every copy: an earlier run that raced this one may have left a second comment.
            for (const c of ours)
                await octokit.rest.issues.deleteComment({ owner, repo, comment_id: c.id });
            return { ok: true, action: ours.length > 0 ? 'deleted' : 'none' };
        }
        if (!existing) {
            if (input.clean && whenClean === 'update')
                return { ok: true, action: 'none' };
            const created = await octokit.rest.issues.createComment({ owner, repo, issue_number, body: input.body });
            return { ok: true, action: 'created', id: created.data.id };
        }
        // An edit notifies nobody but still marks the comment as edited: skip it when nothing changed.
        if (existing.body === input.body)
            return { ok: true, action: 'unchanged', id: existing.id };
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: input.body });
        return { ok: true, action: 'updated', id: existing.id };
    }
    catch (err) {
        return {
            ok: false,
            reason: (0,api_failure/* apiFailure */.tF)(err, 'writing the pull request comment failed'),
            permission: (0,api_failure/* isPermissionError */.gj)(err),
        };
    }
}

// EXTERNAL MODULE: ./src/compare/baseline.ts
var baseline = __webpack_require__(5460);
;// CONCATENATED MODULE: ./src/action/inputs.ts
/**
 * Every input of the action, read and validated in one place. `getInput` is injected (main passes
 * core.getInput), so this module has no @actions/core import and the tests feed it plain records. A bad
 * value throws with the input's name and the accepted values: a typo must not silently weaken the check.
 */









/** 'true'/'false' in any case; empty = the default. YAML booleans reach us as these strings. */
function parseBoolean(name, value, fallback) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return fallback;
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new Error(`input '${name}' must be true or false (got '${value}')`);
}
/** An https URL: the Azure SDK refuses to send a bearer token over anything else, so say so up front. */
function httpsUrl(name, value) {
    const v = value.trim();
    if (v === '')
        return undefined;
    let url;
    try {
        url = new URL(v);
    }
    catch {
        throw new Error(`input '${name}' must be an https URL (got '${v}')`);
    }
    if (url.protocol !== 'https:')
        throw new Error(`input '${name}' must be an https URL (got '${v}')`);
    return v.replace(/\/+$/, '');
}
/**
 * The live inputs, validated whether or not `live` is on: a typo in an input that does nothing today
 * would silently do the wrong thing the day someone turns live on.
 */
function readLive(getInput, env, on) {
    const subscriptionIds = splitList(getInput('subscription-ids') || env.AZURE_SUBSCRIPTION_ID || '');
    if (on && subscriptionIds.length === 0)
        throw new Error("input 'live' is true but no subscription is named: set 'subscription-ids' or AZURE_SUBSCRIPTION_ID");
    const badSubscription = subscriptionIds.find((id) => !GUID.test(id));
    if (badSubscription !== undefined)
        throw new Error(`input 'subscription-ids': '${badSubscription}' is not a subscription id (a GUID)`);
    const resourceGroups = splitList(getInput('resource-groups'));
    const budgetInput = getInput('live-time-budget').trim() || '300';
    const budget = Number(budgetInput);
    if (!Number.isFinite(budget) || budget <= 0)
        throw new Error(`input 'live-time-budget' must be a positive number of seconds (got '${budgetInput}')`);
    const clientId = getInput('azure-client-id').trim();
    const tenantId = getInput('azure-tenant-id').trim();
    const armEndpoint = httpsUrl('arm-endpoint', getInput('arm-endpoint'));
    const authorityHost = httpsUrl('authority-host', getInput('authority-host'));
    return {
        subscriptionIds,
        ...(resourceGroups.length > 0 ? { resourceGroups } : {}),
        ...(clientId ? { clientId } : {}),
        ...(tenantId ? { tenantId } : {}),
        ...(armEndpoint ? { armEndpoint } : {}),
        ...(authorityHost ? { authorityHost } : {}),
        effectiveRoutes: parseBoolean('effective-routes', getInput('effective-routes'), false),
        timeBudgetMs: Math.round(budget * 1000),
        failOnDeployed: parseBoolean('fail-on-deployed', getInput('fail-on-deployed'), false),
    };
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function readActionInputs(getInput, ctx) {
    const { workspace } = ctx;
    const env = ctx.env ?? process.env;
    const cloudInput = getInput('cloud') || 'auto';
    const cloud = parseCloud(cloudInput);
    if (!cloud)
        throw new Error(`input 'cloud' must be one of auto, ${catalogue/* CLOUDS */.JJ.join(', ')} (got '${cloudInput}')`);
    const failOnInput = getInput('fail-on') || 'error';
    const failOn = parseFailOn(failOnInput);
    if (!failOn)
        throw new Error(`input 'fail-on' must be one of ${FAIL_ON_LEVELS.join(', ')} (got '${failOnInput}')`);
    const scopeInput = getInput('scope');
    const scope = parseScope(scopeInput, ctx.pullRequest);
    if (!scope)
        throw new Error(`input 'scope' must be one of ${SCOPES.join(', ')} (got '${scopeInput}')`);
    const whenCleanInput = getInput('comment-when-clean');
    const commentWhenClean = parseWhenClean(whenCleanInput);
    if (!commentWhenClean)
        throw new Error(`input 'comment-when-clean' must be one of update, always, delete (got '${whenCleanInput}')`);
    const configInput = getInput('config-file').trim();
    const configFile = external_node_path_.resolve(workspace, configInput || config_file/* CONFIG_FILE */.g);
    // The default file is optional; a file the user names must exist, or its policy would silently not apply.
    if (configInput && !external_node_fs_.existsSync(configFile))
        throw new Error(`input 'config-file': ${configInput} not found`);
    const inputs = {
        path: external_node_path_.resolve(workspace, getInput('path') || '.'),
        cloud,
        varFiles: splitList(getInput('var-files')).map((f) => external_node_path_.resolve(workspace, f)),
        failOn,
        failOnUnknown: parseBoolean('fail-on-unknown', getInput('fail-on-unknown'), false),
        sarifFile: getInput('sarif-file'),
        reportFile: getInput('report-file'),
        scope,
        token: getInput('github-token').trim(),
        comment: parseBoolean('comment', getInput('comment'), ctx.pullRequest),
        commentWhenClean,
        planFiles: splitList(getInput('terraform-plan')).map((f) => external_node_path_.resolve(workspace, f)),
        configFile,
        configExplicit: configInput !== '',
    };
    // Read and checked even when downloads are off, so a typo is reported whatever the switch says.
    const cache = getInput('module-cache').trim();
    let registries;
    try {
        registries = parseRegistries(splitList(getInput('module-registries')));
    }
    catch (e) {
        throw new Error(`input 'module-registries': ${e.message}`, { cause: e });
    }
    if (parseBoolean('download-modules', getInput('download-modules'), false)) {
        inputs.downloadModules = {
            registries,
            env,
            ...(cache ? { cacheDir: external_node_path_.resolve(workspace, cache) } : {}),
        };
    }
    const baselineInput = getInput('baseline').trim();
    if (baselineInput) {
        const file = external_node_path_.resolve(workspace, baselineInput);
        if (!external_node_fs_.existsSync(file))
            throw new Error(`input 'baseline': ${baselineInput} not found`);
        try {
            inputs.baseline = (0,baseline/* readBaseline */.mF)(file);
        }
        catch (error) {
            throw new Error(`input 'baseline': ${error instanceof Error ? error.message : String(error)}`, {
                cause: error,
            });
        }
    }
    const cacheDir = getInput('cache-dir').trim();
    if (cacheDir)
        inputs.cacheDir = external_node_path_.resolve(workspace, cacheDir);
    const liveOn = parseBoolean('live', getInput('live'), false);
    const live = readLive(getInput, env, liveOn);
    if (liveOn)
        inputs.live = live;
    return inputs;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/github/git.ts
var github_git = __webpack_require__(6891);
;// CONCATENATED MODULE: ./src/compare/checkout-base.ts
/**
 * The base commit's files on disk, so the same scan() can run on them and new findings can be told
 * from existing ones. A detached worktree shares the object store (no second clone) and, unlike
 * `git archive`, does not drop files marked `export-ignore`.
 */




async function checkoutBase(repoDir, sha, opts = {}) {
    const git = opts.git ?? github_git/* runGit */.EO;
    if (!/^[0-9a-f]{7,64}$/i.test(sha))
        throw new Error(`not a commit sha: ${sha}`);
    // A depth-1 checkout of the head does not have the base; one commit of it is all a tree needs.
    if (!(await (0,github_git/* hasCommit */.QE)(git, repoDir, sha)))
        await git(['fetch', '--no-tags', '--depth=1', 'origin', sha], repoDir);
    const parent = external_node_fs_.mkdtempSync(external_node_path_.join(opts.tempRoot ?? process.env.RUNNER_TEMP ?? external_node_os_.tmpdir(), 'kms-guard-base-'));
    const dir = external_node_path_.join(parent, 'base');
    try {
        await git(['worktree', 'add', '--detach', dir, sha], repoDir);
    }
    catch (err) {
        external_node_fs_.rmSync(parent, { recursive: true, force: true });
        throw err;
    }
    let done = false;
    return {
        dir,
        cleanup: async () => {
            if (done)
                return;
            done = true;
            try {
                await git(['worktree', 'remove', '--force', dir], repoDir);
            }
            catch {
                // Removed below; prune then forgets the worktree's metadata.
            }
            external_node_fs_.rmSync(parent, { recursive: true, force: true });
            await git(['worktree', 'prune'], repoDir).catch(() => undefined);
        },
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/sources/parsing/discover.ts
var discover = __webpack_require__(3146);
// EXTERNAL MODULE: ./src/sources/terraform/units.ts + 1 modules
var terraform_units = __webpack_require__(4616);
// EXTERNAL MODULE: ./src/sources/terraform/environments.ts
var environments = __webpack_require__(9832);
// EXTERNAL MODULE: ./src/compare/early-git.ts
var early_git = __webpack_require__(717);
// EXTERNAL MODULE: ./src/compare/units.ts
var compare_units = __webpack_require__(9820);
;// CONCATENATED MODULE: ./src/compare/base-tree.ts
/**
 * The base commit of a pull request, written from git objects for the units the base scan needs, instead
 * of a full checkout (`git worktree add` writes and then removes every file of the repository: on a
 * 2,000-file repository that was most of a one-tfvars pull request's run).
 *
 * Written: every file that is not Terraform (templates, parameter files, plans, data a file() call
 * reads, var files: ARM and Bicep are judged whole, and a data file may be read from anywhere), and the
 * Terraform files of the units the base scan judges or compares with the head, with every module
 * directory they call. The units are found from the base's own call graph (the same regular-expression
 * call graph the scan uses, src/sources/terraform/units.ts), so a unit is written whole or not at all and the
 * scan of the partial tree forms the same units as a checkout would. A base file whose git blob id is one the
 * head scan read has that file's calls (ScanResult.terraformCalls); only the others are read from git
 * objects: on a one-tfvars pull request in a 2,000-file repository, none. The git half (readBaseTree)
 * needs nothing from the head and runs while the head is scanned.
 *
 * The scan then reads these files through the same read boundary as any other (src/sources/parsing/read-source.ts):
 * a symbolic link in git is written as a symbolic link, so it is treated as the filesystem would treat it.
 * Where the partial tree could differ from a checkout (symbolic links, which may lead into Terraform
 * directories not written; committed `.terraform` directories, whose manifests every unit reads), every
 * file is written; where it cannot be done at all (the workspace is not the repository's top, a path git
 * cannot name on one line) the caller falls back to the full checkout and says so.
 *
 * git's own `ls-tree` and `cat-file --batch` do the reading: one process each, no library needed.
 */










const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_LFS_SKIP_SMUDGE: '1' };
/** `git ls-tree -r -z` as printed: every entry of the commit's tree, with its mode. */
function parseTree(out) {
    const entries = [];
    for (const rec of out.split('\0')) {
        if (rec === '')
            continue;
        const tab = rec.indexOf('\t');
        const [mode, type, oid] = rec.slice(0, tab).split(' ');
        entries.push({ mode: mode, type: type, oid: oid, path: rec.slice(tab + 1) });
    }
    return entries;
}
/**
 * The blobs of `entries` (by object id, from the commit's tree) in one git process, keyed by path. As
 * stored: no end-of-line or smudge filter (git 2.39's `cat-file --batch --filters` needs a path for
 * them), so partialBase only reads this way when no filter applies (no .gitattributes, no
 * core.autocrlf/core.eol).
 */
function readBlobs(repoDir, entries) {
    // No process for nothing: each spawn costs a run tens of milliseconds (more on a busy runner).
    if (entries.length === 0)
        return Promise.resolve(new Map());
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], {
            cwd: repoDir,
            env: { ...process.env, ...GIT_ENV },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        const chunks = [];
        let stderr = '';
        child.stdout.on('data', (d) => chunks.push(d));
        child.stderr.on('data', (d) => (stderr += d.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code) => {
            if (code !== 0)
                return reject(new Error(`git cat-file failed: ${stderr.trim().slice(0, 300)}`));
            const all = Buffer.concat(chunks);
            const out = new Map();
            let at = 0;
            for (const { path: p } of entries) {
                const nl = all.indexOf(0x0a, at);
                if (nl < 0)
                    return reject(new Error('git cat-file ended early'));
                const header = all.subarray(at, nl).toString('utf8');
                at = nl + 1;
                const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
                if (!m)
                    continue; // "<name> missing": not in the tree
                const size = Number(m[2]);
                out.set(p, all.subarray(at, at + size));
                at += size + 1;
            }
            resolve(out);
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(entries.map((e) => `${e.oid}\n`).join(''));
    });
}
/** core.autocrlf or core.eol set (`git config --get-regexp` as printed): a checkout converts line ends that git objects keep as stored. */
function convertsLineEnds(out) {
    return out.split('\n').some((line) => {
        const v = line.slice(line.indexOf(' ') + 1).trim();
        return line.trim() !== '' && v !== '' && v !== 'false' && v !== 'input';
    });
}
const under = (rel, dir) => dir === '' || rel === dir || rel.startsWith(`${dir}/`);
/**
 * The base's Terraform units (from its own files) that the base scan judges or compares: those the head
 * judged (same key) and those the change can affect. Returns the repository-relative Terraform files to write.
 */
function neededTerraform(input, dir, terraform, texts, shared) {
    const abs = (rel) => external_node_path_.join(dir, ...rel.split('/'));
    const scanRoot = abs(input.scanRel);
    const relOf = new Map();
    const visible = [];
    const files = new Set();
    for (const e of terraform) {
        const fromScan = input.scanRel === '' ? e.path : e.path.slice(input.scanRel.length + 1);
        // Module tests and examples only count toward the scan's notice about them: written, never a unit.
        if (!input.includeTestFixtures && (0,discover/* isTestFixture */.O1)(fromScan)) {
            files.add(e.path);
            continue;
        }
        if (input.isIncluded && !input.isIncluded(e.path))
            continue;
        const p = abs(e.path);
        relOf.set(p, e.path);
        visible.push({ path: p, kind: (0,discover/* classify */.L8)(p) });
    }
    const changed = {
        paths: new Set(input.change.paths.map(abs)),
        removed: new Set(input.change.removed.map(abs)),
    };
    const head = new Set(input.headUnits);
    const varFiles = input.varFiles.map(abs);
    const text = (p) => texts.get(relOf.get(p) ?? '')?.toString('utf8');
    const callsOf = (p) => {
        const rel = relOf.get(p) ?? '';
        const same = shared.get(rel);
        if (same)
            return same.map((c) => external_node_path_.join(dir, ...c.split('/')));
        const t = text(p);
        return t === undefined ? undefined : (0,terraform_units/* localModuleCalls */.H3)(p, t);
    };
    let units = 0;
    for (const u of (0,terraform_units/* terraformUnitsFromCalls */.tL)(visible, callsOf)) {
        const unit = { kind: 'terraform', root: u.root, files: u.files.map((f) => f.path), varFiles };
        // Data files a unit reads are written anyway; isAffected reads the unit's files for file() calls, which
        // are not written yet: the text from git says the same.
        if (!head.has((0,compare_units/* unitKey */.g2)(unit, scanRoot)) && !(0,compare_units/* isAffected */.fH)(unit, changed, text))
            continue;
        units++;
        for (const f of u.files)
            files.add(relOf.get(f.path));
    }
    return { files, units };
}
/**
 * The base's Terraform files to write, without forming its units, when its layout is the head's: every
 * .tf file the base scan would read has the blob id of the head's file at that path (so it calls the same
 * modules), or is one the change modified and calls the same directories on both sides (its base text is
 * read from git to see), and the head read no .tf file the base lacks (an untracked one). The change only
 * modified files (headUnitFiles is set only then), so no directory gained or lost a file either: the base's
 * units are the head's, file for file, and the ones to write are those the head judged. Undefined when any
 * of it does not hold.
 */
async function sameLayoutFiles(input, dir, terraform, shared) {
    if (!input.headUnitFiles || !input.headCalls)
        return undefined;
    const oids = input.headOids;
    const modified = new Set(input.change.paths);
    const differing = [];
    const files = new Set();
    let visible = 0;
    for (const e of terraform) {
        const fromScan = input.scanRel === '' ? e.path : e.path.slice(input.scanRel.length + 1);
        // As neededTerraform: module tests and examples are written, never a unit.
        if (!input.includeTestFixtures && (0,discover/* isTestFixture */.O1)(fromScan)) {
            files.add(e.path);
            continue;
        }
        if (input.isIncluded && !input.isIncluded(e.path))
            continue;
        if ((0,discover/* classify */.L8)(e.path) !== 'terraform')
            continue;
        if (!shared.has(e.path) && !(oids && oids[e.path] === e.oid)) {
            if (!modified.has(e.path) || !input.headCalls[e.path])
                return undefined;
            differing.push(e);
        }
        visible++;
    }
    const headTf = Object.keys(oids ?? input.headCalls).filter((k) => under(k, input.scanRel)).length;
    if (headTf !== visible)
        return undefined;
    if (differing.length > 0) {
        const texts = await readBlobs(input.repoDir, differing);
        const sorted = (xs) => [...xs].sort().join('\n');
        for (const e of differing) {
            const abs = external_node_path_.join(dir, ...e.path.split('/'));
            const calls = (0,terraform_units/* localModuleCalls */.H3)(abs, texts.get(e.path)?.toString('utf8') ?? '').map((c) => external_node_path_.relative(dir, c).split(external_node_path_.sep).join('/'));
            if (sorted(calls) !== sorted(input.headCalls[e.path].calls))
                return undefined;
        }
    }
    const inBase = new Set(terraform.map((e) => e.path));
    for (const f of input.headUnitFiles.files)
        if (inBase.has(f))
            files.add(f);
    return { files, units: input.headUnitFiles.units };
}
/**
 * The git half of partialBase (is the workspace the repository's top, fetch the base when the clone
 * lacks it, list its tree, would a checkout convert files): it needs nothing from the head scan, so a
 * pull request run starts it before that scan and the two overlap.
 */
async function readBaseTree(input, 
/** Its processes, when already started (src/compare/early-git.ts). */
started) {
    const git = input.git ?? github_git/* runGit */.EO;
    // Where the workspace lies in its repository and whether the base commit is here, in one git process;
    // when the commit is missing (a shallow clone) rev-parse fails, and the two are asked one by one. Its tree
    // and the line-end settings are asked at the same time, not one after the other: each wait for a process
    // is also a wait for the main thread, which a run starting up keeps busy (a tree that cannot be listed
    // yet, the commit missing, is listed again after the fetch).
    const { both, listed, converts } = started ?? (0,early_git/* baseTreeReads */.dc)(git, input.repoDir, input.sha);
    const found = await both;
    const prefix = (found?.split('\n')[0] ?? (await git(['rev-parse', '--show-prefix'], input.repoDir))).trim();
    if (prefix !== '')
        return { kind: 'fallback', why: 'the workspace is not the top of its git repository' };
    let tree;
    if (found === undefined && !(await (0,github_git/* hasCommit */.QE)(git, input.repoDir, input.sha))) {
        await git(['fetch', '--no-tags', '--depth=1', 'origin', input.sha], input.repoDir);
        tree = parseTree(await git(['ls-tree', '-r', '-z', '--full-tree', input.sha], input.repoDir));
    }
    else
        tree = parseTree(await listed);
    if (tree.some((e) => e.path.includes('\n')))
        return { kind: 'fallback', why: 'a path in the base commit holds a line break' };
    if (tree.some((e) => /(^|\/)\.gitattributes$/.test(e.path)) || convertsLineEnds(await converts))
        return {
            kind: 'fallback',
            why: 'a checkout would convert files (.gitattributes, core.autocrlf or core.eol)',
        };
    const scanned = tree.filter((e) => under(e.path, input.scanRel));
    if (scanned.length === 1 && scanned[0].path === input.scanRel)
        return { kind: 'fallback', why: 'the scanned path is a single file' };
    return { kind: 'tree', tree };
}
/**
 * Whether a head unit calls a local module outside the scanned path (read from the repository:
 * src/sources/terraform/outside-modules.ts): the files to write are then not only those under it.
 */
function callsOutside(input) {
    if (input.scanRel === '')
        return false;
    return Object.values(input.headCalls ?? {}).some((f) => f.calls.some((c) => !under(c, input.scanRel)));
}
/**
 * Whether the base has var files judged as environments (src/sources/terraform/environments.ts): which root
 * one is for depends on every root near it, so the base scan must see them all, as the head scan does.
 */
function environmentsInBase(input, blobs) {
    if (input.varFiles.length > 0)
        return false;
    const files = [];
    for (const e of blobs) {
        const kind = under(e.path, input.scanRel) ? (0,discover/* classify */.L8)(e.path) : undefined;
        if (kind && discover/* TERRAFORM_KINDS */.Zn.has(kind))
            files.push({ path: e.path, kind });
    }
    return (0,environments/* mayHaveEnvironments */.s)(files);
}
/** The base's files for the base scan; `read`: readBaseTree of the same input, if already started. */
async function partialBase(input, read) {
    const base = await (read ?? readBaseTree(input));
    if (base.kind === 'fallback')
        return base;
    const { tree } = base;
    const blobs = tree.filter((e) => e.type === 'blob');
    const isTerraform = (e) => e.mode !== '120000' && discover/* TERRAFORM_KINDS */.Zn.has((0,discover/* classify */.L8)(e.path));
    // A symbolic link may lead into a Terraform directory not written; a committed .terraform directory
    // holds manifests every unit reads: then everything is written, as a checkout would.
    const whyWhole = input.whole
        ? 'every unit is judged'
        : blobs.some((e) => e.mode === '120000')
            ? 'the base commit has symbolic links'
            : blobs.some((e) => /(^|\/)\.terraform\//.test(e.path))
                ? 'the base commit has .terraform directories'
                : callsOutside(input)
                    ? 'a unit calls a local module outside the scanned path'
                    : environmentsInBase(input, blobs)
                        ? 'var files are judged as environments of the root modules nearest them'
                        : undefined;
    const parent = external_node_fs_.mkdtempSync(external_node_path_.join(input.tempRoot ?? process.env.RUNNER_TEMP ?? external_node_os_.tmpdir(), 'kms-guard-base-'));
    const cleanup = async () => external_node_fs_.rmSync(parent, { recursive: true, force: true });
    try {
        const dir = external_node_path_.join(parent, 'base');
        external_node_fs_.mkdirSync(dir);
        const realDir = external_node_fs_.realpathSync(dir);
        const terraform = blobs.filter((e) => isTerraform(e) && under(e.path, input.scanRel));
        let write;
        let units = 0;
        if (whyWhole)
            write = blobs;
        else {
            // Only .tf files say which modules a unit calls; var files are written with their unit. A file the
            // head has with the same blob id calls what it calls there: only the others are read from git, unless
            // the change holds a file a unit may read as data (then isAffected reads each unit's files).
            const shared = new Map();
            const readsData = input.change.paths.some((p) => !compare_units/* IAC_FILE */.TK.test(p));
            for (const e of terraform) {
                const head = input.headCalls?.[e.path];
                if (head && head.oid === e.oid && !readsData)
                    shared.set(e.path, head.calls);
            }
            const same = readsData ? undefined : await sameLayoutFiles(input, realDir, terraform, shared);
            const tf = terraform.filter((e) => (0,discover/* classify */.L8)(e.path) === 'terraform' && !shared.has(e.path));
            const needed = same ?? neededTerraform(input, realDir, terraform, await readBlobs(input.repoDir, tf), shared);
            units = needed.units;
            const varFiles = new Set(input.varFiles);
            write = blobs.filter((e) => !isTerraform(e) || needed.files.has(e.path) || varFiles.has(e.path));
        }
        const contents = await readBlobs(input.repoDir, write);
        const made = new Set();
        for (const e of write) {
            const target = external_node_path_.join(realDir, ...e.path.split('/'));
            const parentDir = external_node_path_.dirname(target);
            if (!made.has(parentDir)) {
                external_node_fs_.mkdirSync(parentDir, { recursive: true });
                made.add(parentDir);
            }
            const bytes = contents.get(e.path);
            if (bytes === undefined)
                continue;
            // A link is written as a link: the read boundary then follows (or refuses) it as on any checkout.
            if (e.mode === '120000')
                external_node_fs_.symlinkSync(bytes.toString('utf8'), target);
            else
                external_node_fs_.writeFileSync(target, bytes);
        }
        // Submodules are empty directories in a checkout too.
        for (const e of tree)
            if (e.type === 'commit')
                external_node_fs_.mkdirSync(external_node_path_.join(realDir, ...e.path.split('/')), { recursive: true });
        return {
            kind: whyWhole ? 'whole' : 'partial',
            dir: realDir,
            written: write.length,
            units,
            ...(whyWhole ? { why: whyWhole } : {}),
            cleanup,
        };
    }
    catch (err) {
        await cleanup();
        throw err;
    }
}

// EXTERNAL MODULE: ./src/config/apply.ts
var apply = __webpack_require__(1110);
// EXTERNAL MODULE: ./src/compare/new-findings.ts
var new_findings = __webpack_require__(7832);
;// CONCATENATED MODULE: ./src/github/changed-files.ts


async function listPullFiles(octokit, params) {
    const items = await octokit.paginate(octokit.rest.pulls.listFiles, {
        owner: params.owner,
        repo: params.repo,
        pull_number: params.pullNumber,
        per_page: 100,
    });
    return items.map((f) => {
        const out = { path: f.filename, status: f.status };
        if (f.previous_filename)
            out.previousPath = f.previous_filename;
        if (f.patch !== undefined)
            out.patch = f.patch;
        return out;
    });
}
/** Depths tried in turn: most PRs need a few commits; a long-lived branch may need many. */
const DEFAULT_DEPTHS = [50, 200, 1000, 5000];
/**
 * Makes sure `git merge-base base head` works in a (possibly shallow) clone: fetches both commits with
 * growing depth until it does. Returns false when it still does not (no remote, unrelated histories).
 */
async function ensureMergeBase(repoDir, baseSha, headSha, git = github_git/* runGit */.EO, depths = DEFAULT_DEPTHS) {
    const mergeBase = async () => {
        try {
            await git(['merge-base', baseSha, headSha], repoDir);
            return true;
        }
        catch {
            return false;
        }
    };
    if ((await (0,github_git/* hasCommit */.QE)(git, repoDir, baseSha)) &&
        (await (0,github_git/* hasCommit */.QE)(git, repoDir, headSha)) &&
        (await mergeBase()))
        return true;
    for (const depth of depths) {
        try {
            // Both ends: with only the base deepened, a depth-1 head still has no parents to walk.
            await git(['fetch', '--no-tags', `--depth=${depth}`, 'origin', baseSha, headSha], repoDir);
        }
        catch {
            return false;
        }
        if (await mergeBase())
            return true;
    }
    return false;
}
async function gitChangedPaths(repoDir, baseSha, headSha, git = github_git/* runGit */.EO, depths = DEFAULT_DEPTHS) {
    const warnings = [];
    let range = `${baseSha}...${headSha}`;
    if (!(await ensureMergeBase(repoDir, baseSha, headSha, git, depths))) {
        // Without a merge base the two-dot diff is the best left: it also shows what the base gained since.
        warnings.push(`no merge base of ${baseSha.slice(0, 12)} and ${headSha.slice(0, 12)}; compared the two commits directly`);
        range = `${baseSha}..${headSha}`;
    }
    // -z: paths with newlines or quotes come out raw instead of C-quoted. --no-renames: both names listed.
    const out = await git(['diff', '--name-only', '--no-renames', '-z', range], repoDir);
    return { paths: out.split('\0').filter((p) => p !== ''), warnings };
}
/** pulls.listFiles returns at most this many files. */
const API_FILE_LIMIT = 3000;
function sortedUnique(paths) {
    return [...new Set(paths)].sort();
}
/** API first, git second; `source: 'none'` when neither works (the caller then treats every file as changed). */
async function changedFiles(opts) {
    const warnings = [];
    if (opts.octokit && opts.prNumber !== undefined) {
        try {
            const files = await listPullFiles(await opts.octokit, {
                owner: opts.owner,
                repo: opts.repo,
                pullNumber: opts.prNumber,
            });
            const paths = sortedUnique(files.flatMap((f) => (f.previousPath ? [f.path, f.previousPath] : [f.path])));
            if (files.length < API_FILE_LIMIT || !opts.baseSha)
                return { paths, files, source: 'api', warnings };
            // The API stops at 3000 files; git has them all, and the API's list is still right for what it has.
            warnings.push(`the pull request lists ${API_FILE_LIMIT} files or more, the API's limit; using git`);
            try {
                const r = await gitChangedPaths(opts.repoDir, opts.baseSha, opts.headSha, opts.git ?? github_git/* runGit */.EO, opts.depths);
                return {
                    paths: sortedUnique([...paths, ...r.paths]),
                    files,
                    source: 'git',
                    warnings: [...warnings, ...r.warnings],
                };
            }
            catch {
                return { paths, files, source: 'api', warnings };
            }
        }
        catch (err) {
            warnings.push((0,api_failure/* apiFailure */.tF)(err, 'listing the pull request files failed'));
        }
    }
    if (!opts.baseSha) {
        warnings.push('no base commit to compare with');
        return { paths: [], source: 'none', warnings };
    }
    try {
        const r = await gitChangedPaths(opts.repoDir, opts.baseSha, opts.headSha, opts.git ?? github_git/* runGit */.EO, opts.depths);
        return { paths: sortedUnique(r.paths), source: 'git', warnings: [...warnings, ...r.warnings] };
    }
    catch (err) {
        warnings.push(err instanceof Error ? err.message : String(err));
        return { paths: [], source: 'none', warnings };
    }
}

// EXTERNAL MODULE: ./src/pipeline/scan-isolated.ts + 2 modules
var scan_isolated = __webpack_require__(7682);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/compare/unit-cache.ts
/**
 * The cross-run cache (the action's `cache-dir`): the findings of each Terraform root module and Bicep
 * deployment judged, in a folder actions/cache can save and restore, so a later run whose base commit
 * has a unit with exactly these inputs takes its findings instead of judging it again (after a merge, the
 * next pull request's base is this one's head).
 *
 * An entry is found by everything the findings depend on: the tool's build (version and source hash,
 * src/report/tool.ts toolBuild), the scan's context (cloud,
 * config file text: severities and suppressions change findings) and the unit's key and input hash (each
 * file's path and content, src/compare/units.ts unitHash). A different input is a different entry, never a
 * stale one. Each entry repeats its key and carries a digest of its content; an entry that does not read
 * back as written (truncated, edited, another version's) is ignored with a warning and the unit is judged.
 *
 * A unit's findings may also rest on VNets other units declare (src/pipeline/cross-unit.ts): each entry
 * records what the unit declares, what it needs of other units, and the digest of the other units' facts it
 * was judged with. One judged with such facts is stored under its input hash combined with that digest, so
 * a change to the hub's unit never meets its spokes' entries; and only entries that record needing nothing
 * are offered for reuse (hashes): a unit that needs another unit's VNet is judged with the facts of the run
 * that asks, and an entry written before needs were recorded counts as unknown, never as needing nothing.
 * The folder is trusted like the workspace: restore it only from this repository's own caches
 * (actions/cache scopes them by branch; a fork's pull request cannot write the base branch's cache).
 *
 * Hand-written: no npm package caches JSON by content hash with validation in a few lines.
 */





const FORMAT = 'azure-kms-guard-unit-cache/1';
const sha256 = (...parts) => {
    const h = (0,external_node_crypto_.createHash)('sha256');
    for (const p of parts)
        h.update(p).update('\0');
    return h.digest('hex');
};
const digestOf = (e) => sha256(JSON.stringify([
    e.format,
    e.version,
    e.context,
    e.unit,
    e.hash,
    e.findings,
    ...(e.vnets ? [e.vnets] : []),
]));
/** The name an entry is stored under: the input hash, with the facts it was judged with when there are any. */
const entryHash = (hash, vnets) => vnets?.facts ? sha256(hash, vnets.facts) : hash;
const isNeeds = (v) => Array.isArray(v) &&
    v.every((n) => n !== null &&
        typeof n === 'object' &&
        typeof n.name === 'string' &&
        (n.key === undefined || typeof n.key === 'string'));
/** Whether an entry's recorded VNets read back as written (undefined: not recorded). */
const validVnets = (v) => v === undefined ||
    (v !== null &&
        typeof v === 'object' &&
        isNeeds(v.declares) &&
        isNeeds(v.needs) &&
        (v.facts === undefined || typeof v.facts === 'string'));
/** Every `file` in a finding (location, related, sources, their `from`): relative to `root` on the way in, absolute on the way out. */
function mapFiles(value, f) {
    if (Array.isArray(value))
        return value.map((v) => mapFiles(v, f));
    if (value === null || typeof value !== 'object')
        return value;
    const out = {};
    for (const [k, v] of Object.entries(value))
        out[k] = k === 'file' && typeof v === 'string' ? f(v) : mapFiles(v, f);
    return out;
}
/** Stored paths: `./a/b.tf` under the checkout root (forward slashes); anything else (a downloaded module) as it was. */
const toStored = (root) => (file) => {
    const rel = external_node_path_.relative(root, file);
    return rel.startsWith('..') || external_node_path_.isAbsolute(rel) ? file : `./${rel.split(external_node_path_.sep).join('/')}`;
};
const fromStored = (root) => (file) => file.startsWith('./') ? external_node_path_.join(root, ...file.slice(2).split('/')) : file;
/** A finding as far as the report needs it to be one: the fields every reporter and comparison reads. */
function looksLikeFinding(v) {
    if (v === null || typeof v !== 'object')
        return false;
    const f = v;
    const loc = f.location;
    return (typeof f.ruleId === 'string' &&
        typeof f.severity === 'string' &&
        typeof f.message === 'string' &&
        typeof f.resource === 'string' &&
        typeof f.cloud === 'string' &&
        Array.isArray(f.kmsAddresses) &&
        loc !== undefined &&
        loc !== null &&
        typeof loc.file === 'string' &&
        typeof loc.startLine === 'number' &&
        typeof loc.endLine === 'number');
}
/**
 * The cache in `dir` for scans in `context` (a string naming what besides the unit's inputs decides its
 * findings). A folder that cannot be created or written costs a warning; the scan goes on without it.
 */
function openUnitCache(dir, context) {
    const warnings = [];
    const folder = external_node_path_.join(external_node_path_.resolve(dir), 'units');
    const version = (0,tool/* toolBuild */.Tx)();
    const ctx = sha256(version, context);
    /** Entry files are named by the unit and its input hash: `<sha256(version, context, key)>-<hash>.json`. */
    const prefix = (key) => `${sha256(FORMAT, version, ctx, key).slice(0, 32)}-`;
    let listing;
    const list = () => {
        if (listing)
            return listing;
        try {
            listing = external_node_fs_.readdirSync(folder);
        }
        catch {
            listing = []; // no folder yet: nothing cached
        }
        return listing;
    };
    const loaded = new Map();
    let writable = true;
    const boundary = (0,read_source/* makeBoundary */.nj)([folder]);
    const load = (key, hash) => {
        const name = `${prefix(key)}${hash}.json`;
        if (loaded.has(name))
            return loaded.get(name);
        let entry;
        const read = (0,read_source/* readSource */.o$)(external_node_path_.join(folder, name), boundary);
        const why = (() => {
            if (!read.ok)
                return read.reason;
            let e;
            try {
                e = JSON.parse(read.text);
            }
            catch {
                return 'is not JSON';
            }
            if (e === null || typeof e !== 'object')
                return 'is not an entry';
            if (e.format !== FORMAT || e.version !== version)
                return 'was written by another version';
            if (e.context !== ctx || e.unit !== key || e.hash !== hash)
                return 'is not the entry its name says';
            if (!Array.isArray(e.findings) || !e.findings.every(looksLikeFinding))
                return 'holds no valid findings';
            if (!validVnets(e.vnets))
                return 'holds no valid VNets';
            if (e.digest !== digestOf(e))
                return 'does not match its digest';
            entry = e;
            return undefined;
        })();
        if (why)
            warnings.push(`cache entry ${name} ignored: it ${why}`);
        loaded.set(name, entry);
        return entry;
    };
    return {
        warnings,
        hashes(key) {
            const p = prefix(key);
            return list()
                .filter((n) => n.startsWith(p) && n.endsWith('.json'))
                .map((n) => n.slice(p.length, -'.json'.length))
                .filter((hash) => {
                if (!/^[0-9a-f]{64}$/.test(hash))
                    return false;
                const v = load(key, hash)?.vnets;
                return v !== undefined && v.needs.length === 0 && v.facts === undefined;
            });
        },
        findings(key, hash, root) {
            const e = load(key, hash);
            return e ? e.findings.map((f) => mapFiles(f, fromStored(root))) : undefined;
        },
        store(key, inputHash, findings, root, vnets) {
            const hash = entryHash(inputHash, vnets);
            const body = {
                format: FORMAT,
                version,
                context: ctx,
                unit: key,
                hash,
                findings: findings.map((f) => mapFiles(f, toStored(root))),
                vnets,
            };
            const entry = { ...body, digest: digestOf(body) };
            const name = `${prefix(key)}${hash}.json`;
            if (!writable)
                return;
            try {
                external_node_fs_.mkdirSync(folder, { recursive: true });
                // Written beside and renamed into place: a run that stops half-way leaves no half entry.
                const tmp = external_node_path_.join(folder, `.${name}.${process.pid}.tmp`);
                external_node_fs_.writeFileSync(tmp, JSON.stringify(entry));
                external_node_fs_.renameSync(tmp, external_node_path_.join(folder, name));
                loaded.set(name, entry);
            }
            catch (err) {
                const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
                // Said once: a folder that cannot be written fails every entry the same way.
                writable = false;
                warnings.push(`cache-dir: could not write to ${folder} (${why}); the run goes on without storing`);
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/compare/head-index.ts
/**
 * A pull request's head scan without reading every file to find the units the change can affect.
 *
 * The scan forms Terraform units from each .tf file's local module calls (src/sources/terraform/units.ts),
 * so finding the one unit a one-tfvars change touches used to read every .tf file of the repository.
 * Here git answers most of it instead: `git ls-files` lists the tracked files with their blob ids, and
 * `git grep` (in C, over the same working-tree files the scan reads) names the lines that hold a quoted
 * relative path (`"./` or `"../`), which every local module call has. Those lines give a call graph that
 * holds every real call and perhaps more (a provisioner's `source = "./script.sh"` names no Terraform
 * directory and falls away; a comment could add a false edge). Only where an edge decides something is the
 * file itself read and its calls taken exactly as the scan takes them (localModuleCalls):
 * - the units the change affects are the roots that reach a changed directory: only directories that reach
 *   one over the wider graph are looked at, and each candidate root's calls are read exactly;
 * - the number of units left out needs to know which directories are called at all: one exact caller per
 *   called directory settles it (and a chain of them back to a root rules out a cycle).
 * The scan then gets the files of the affected units and every other source file (Bicep, JSON, fixtures)
 * as discovery would have listed them, in the same order, and forms the same units from them.
 *
 * Wherever the index may not be what the scan would find, the caller scans as before (and says why):
 * not a git checkout, tracked symbolic links or submodules (discovery follows them), sparse or conflicted
 * entries, untracked or locally changed source files, a change that holds a data file a unit may read
 * (file(), templatefile()), a var file every unit reads, an installed module manifest, or a cycle of calls.
 */









const toPosix = (p) => p.split(external_node_path_.sep).join('/');
/** Is `rel` (forward slashes) under `dir` ('' for the top)? */
const head_index_under = (rel, dir) => dir === '' || rel === dir || rel.startsWith(`${dir}/`);
/**
 * Reads the head's index: two git processes, started together (they need nothing from each other, nor
 * from the changed files, so a pull request run starts them first). Never throws: a git failure (not a
 * checkout) is a fallback.
 */
async function readHeadIndex(input, 
/** Its processes, when already started (src/compare/early-git.ts). */
started) {
    try {
        const reads = started ?? (0,early_git/* headIndexReads */.Y0)(input.git ?? github_git/* runGit */.EO, input.workspace);
        const [listed, grep] = await Promise.all([reads.listed, reads.grep]);
        const oids = new Map();
        const dirty = [];
        for (const rec of listed.split('\0')) {
            if (rec === '')
                continue;
            const tag = rec.slice(0, rec.indexOf(' '));
            if (tag === '?') {
                dirty.push(rec.slice(2));
                continue;
            }
            const tab = rec.indexOf('\t');
            const [, mode, oid, stage] = rec.slice(0, tab).split(' ');
            const p = rec.slice(tab + 1);
            // git grep's lines end in a line break: a path holding one could not be told from its content.
            if (p.includes('\n'))
                return { kind: 'fallback', why: 'a tracked path holds a line break' };
            if (tag === 'C' || tag === 'R')
                dirty.push(p);
            else if (tag !== 'H' || stage !== '0')
                return { kind: 'fallback', why: `${p} is a sparse or conflicted entry of git's index` };
            else if (mode === '120000' || mode === '160000')
                return { kind: 'fallback', why: `${p} is a symbolic link or a submodule` };
            else
                oids.set(p, oid);
        }
        const refs = new Map();
        for (const line of grep.split('\n')) {
            const nul = line.indexOf('\0');
            if (nul < 0)
                continue;
            const file = line.slice(0, nul);
            const found = [...line.slice(nul + 1).matchAll(/"(\.{1,2}\/[^"]*)"/g)].map((m) => m[1]);
            if (found.length > 0)
                refs.set(file, [...(refs.get(file) ?? []), ...found]);
        }
        return { kind: 'index', oids, refs, dirty };
    }
    catch (err) {
        return { kind: 'fallback', why: err instanceof Error ? err.message : String(err) };
    }
}
/** Discovery's order: depth first, each directory's entries by name (src/sources/parsing/discover.ts). */
function discoveryOrder(x, y) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] === y[i])
            continue;
        return x[i] < y[i] ? -1 : 1;
    }
    return x.length - y.length;
}
const TERRAFORM_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json)$/;
/** What a path in a test or example directory (isTestFixture) holds somewhere. */
const MAY_BE_FIXTURE = /test|example/i;
/** The head's files for a scan of the units `input.change` can affect, from `index` (see the top of this file). */
function narrowHead(index, input) {
    const fallback = (why) => ({ kind: 'fallback', why });
    const varFiles = new Set(input.varFiles);
    for (const p of input.change) {
        if (!compare_units/* IAC_FILE */.TK.test(p))
            return fallback(`the change holds ${p}, which a unit may read as data`);
        if (/(^|\/)\.terraform\//.test(p))
            return fallback(`the change holds ${p}, an installed module`);
        if (varFiles.has(p))
            return fallback(`the change holds ${p}, a var file every unit reads`);
    }
    let scanReal;
    try {
        scanReal = external_node_fs_.realpathSync(external_node_path_.join(input.workspace, ...input.scanRel.split('/')));
        if (!external_node_fs_.statSync(scanReal).isDirectory())
            return fallback('the scanned path is a single file');
    }
    catch {
        return fallback('the scanned path does not exist');
    }
    const fromScan = (rel) => (input.scanRel === '' ? rel : rel.slice(input.scanRel.length + 1));
    // A module outside the scanned path is read with its caller (src/sources/terraform/outside-modules.ts):
    // a change to it can affect units under it, which the graph below, of the scanned path only, cannot see.
    if (input.scanRel !== '')
        for (const [file, refs] of index.refs) {
            if (!head_index_under(file, input.scanRel))
                continue;
            for (const ref of refs) {
                const target = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(file), ref));
                if (!head_index_under(target.replace(/\/$/, ''), input.scanRel))
                    return fallback(`${file} calls ${ref}, a local module outside the scanned path`);
            }
        }
    // What discovery would find: tracked files below the scanned directory, outside tool directories.
    const listed = [];
    for (const rel of index.oids.keys()) {
        if (!head_index_under(rel, input.scanRel) || rel === input.scanRel)
            continue;
        const inScan = fromScan(rel).split('/');
        if (inScan.slice(0, -1).some((s) => discover/* SKIP_DIRS */.z_.has(s)))
            continue;
        const kind = (0,discover/* classify */.L8)(rel);
        if (kind)
            listed.push({ rel, kind });
    }
    // The working tree beyond the index: other sources are listed as discovery finds them; Terraform ones
    // could hold module calls git grep did not see (untracked) or blob ids the base would trust (changed).
    const gone = new Set();
    for (const entry of index.dirty) {
        const rel = entry.replace(/\/$/, '');
        if (!head_index_under(rel, input.scanRel) || rel === input.scanRel)
            continue;
        const inScan = fromScan(rel).split('/');
        if ((entry.endsWith('/') ? inScan : inScan.slice(0, -1)).some((s) => discover/* SKIP_DIRS */.z_.has(s)))
            continue;
        if (entry.endsWith('/')) {
            const found = (0,discover/* discover */.k4)(external_node_path_.join(scanReal, ...inScan));
            if (found.skipped.length > 0)
                return fallback(`${entry} holds links or unreadable directories`);
            for (const f of found.files) {
                if (discover/* TERRAFORM_KINDS */.Zn.has(f.kind))
                    return fallback(`${entry} holds untracked Terraform files`);
                listed.push({
                    rel: `${rel}/${toPosix(external_node_path_.relative(external_node_path_.join(scanReal, ...inScan), f.path))}`,
                    kind: f.kind,
                });
            }
            continue;
        }
        const kind = (0,discover/* classify */.L8)(rel);
        if (kind === undefined)
            continue;
        if (discover/* TERRAFORM_KINDS */.Zn.has(kind))
            return fallback(`${rel} is untracked or changed in the working tree`);
        if (!index.oids.has(rel))
            listed.push({ rel, kind });
        else if (!external_node_fs_.existsSync(external_node_path_.join(input.workspace, ...rel.split('/'))))
            gone.add(rel);
    }
    if (gone.size > 0)
        listed.splice(0, listed.length, ...listed.filter((f) => !gone.has(f.rel)));
    // The Terraform files units are formed from (loadSources and terraformUnits leave out the same).
    const byDir = new Map();
    for (const f of listed) {
        if (!discover/* TERRAFORM_KINDS */.Zn.has(f.kind) || varFiles.has(f.rel))
            continue;
        // isTestFixture needs a directory named test, tests or examples: most paths hold neither word.
        if (!input.includeTestFixtures && MAY_BE_FIXTURE.test(f.rel) && (0,discover/* isTestFixture */.O1)(fromScan(f.rel)))
            continue;
        if (input.isIncluded && !input.isIncluded(f.rel))
            continue;
        const dir = external_node_path_.posix.dirname(f.rel);
        const list = byDir.get(dir);
        if (list)
            list.push(f.rel);
        else
            byDir.set(dir, [f.rel]);
    }
    // Which root a var file Terraform does not load by itself is for depends on every root near it
    // (src/sources/terraform/environments.ts): the scan of the whole head forms those units.
    if (varFiles.size === 0) {
        const terraform = [...byDir.values()].flat().map((rel) => ({ path: rel, kind: (0,discover/* classify */.L8)(rel) }));
        if ((0,environments/* mayHaveEnvironments */.s)(terraform))
            return fallback('var files are judged as environments of the root modules nearest them');
    }
    const dirOf = (rel) => external_node_path_.posix.dirname(rel);
    // Each directory's calls name the same few modules (`"../../modules/spoke"` in every landing zone's file):
    // resolved once per directory and path.
    const resolved = new Map();
    const resolveRef = (file, ref) => {
        const dir = dirOf(file);
        const key = `${dir}\0${ref}`;
        if (resolved.has(key))
            return resolved.get(key);
        const target = external_node_path_.posix.normalize(external_node_path_.posix.join(dir, ref)).replace(/\/$/, '');
        const found = target !== dir && byDir.has(target) ? target : undefined;
        resolved.set(key, found);
        return found;
    };
    // The wider graph: every call there is, perhaps more (see the top of this file).
    const widerCallers = new Map();
    for (const [file, refs] of index.refs) {
        if ((0,discover/* classify */.L8)(file) !== 'terraform' || !byDir.get(dirOf(file))?.includes(file))
            continue;
        for (const ref of refs) {
            const target = resolveRef(file, ref);
            if (target === undefined)
                continue;
            const set = widerCallers.get(target) ?? new Set();
            set.add(file);
            widerCallers.set(target, set);
        }
    }
    // Exact calls, read as the scan reads them, only where an edge decides something.
    const boundary = (0,read_source/* makeBoundary */.nj)([input.workspace, scanReal]);
    const exact = new Map();
    // Each file read, with every directory it calls as terraformUnits records them (ScanResult.terraformCalls).
    const raw = new Map();
    const callsOf = (file) => {
        let calls = exact.get(file);
        if (calls)
            return calls;
        calls = [];
        const all = [];
        if (index.refs.has(file)) {
            const abs = external_node_path_.join(input.workspace, ...file.split('/'));
            const read = (0,read_source/* readSource */.o$)(abs, boundary);
            if (read.ok)
                for (const c of (0,terraform_units/* localModuleCalls */.H3)(abs, read.text)) {
                    const rel = toPosix(external_node_path_.relative(input.workspace, c));
                    all.push(rel);
                    if (rel !== dirOf(file) && byDir.has(rel))
                        calls.push(rel);
                }
        }
        exact.set(file, calls);
        raw.set(file, all);
        return calls;
    };
    const dirCalls = (dir) => (byDir.get(dir) ?? []).filter((f) => (0,discover/* classify */.L8)(f) === 'terraform').flatMap(callsOf);
    // A directory some file really calls: the first such file's directory (undefined: a root).
    const callerOf = new Map();
    const trueCaller = (dir) => {
        if (callerOf.has(dir))
            return callerOf.get(dir);
        let found;
        for (const file of [...(widerCallers.get(dir) ?? [])].sort())
            if (callsOf(file).includes(dir)) {
                found = dirOf(file);
                break;
            }
        callerOf.set(dir, found);
        return found;
    };
    // Every called directory is reached from a root (no unit formed of a cycle alone), checked by a chain
    // of exact callers back to a root.
    const reached = new Set();
    for (const dir of widerCallers.keys()) {
        const chain = new Set();
        let at = dir;
        while (at !== undefined && !reached.has(at)) {
            if (chain.has(at))
                return fallback(`the module calls through ${at} form a cycle`);
            chain.add(at);
            at = trueCaller(at);
        }
        chain.forEach((d) => reached.add(d));
    }
    const roots = [...byDir.keys()].filter((d) => trueCaller(d) === undefined);
    // The changed directories, and every directory that may reach one of them (over the wider graph).
    const seeds = new Set(input.change.filter((p) => TERRAFORM_FILE.test(p)).map(dirOf));
    const mayReach = new Set([...seeds].filter((d) => byDir.has(d)));
    const stack = [...mayReach];
    while (stack.length > 0)
        for (const file of widerCallers.get(stack.pop()) ?? []) {
            const d = dirOf(file);
            if (!mayReach.has(d)) {
                mayReach.add(d);
                stack.push(d);
            }
        }
    // Of those, the roots whose unit (its exact members) holds a changed directory, and those `also` names.
    const keyOf = (root) => input.scanRel === '' ? root : root === input.scanRel ? '.' : fromScan(root);
    const also = new Set(input.also ?? []);
    const keep = new Set();
    const unitKeys = [];
    const leftOut = [];
    for (const root of roots) {
        if (!mayReach.has(root) && !also.has(keyOf(root))) {
            leftOut.push(root);
            continue;
        }
        const members = new Set([root]);
        const todo = [root];
        while (todo.length > 0)
            for (const t of dirCalls(todo.pop()))
                if (!members.has(t)) {
                    members.add(t);
                    todo.push(t);
                }
        if (!also.has(keyOf(root)) && ![...members].some((m) => seeds.has(m))) {
            leftOut.push(root);
            continue;
        }
        unitKeys.push(keyOf(root));
        members.forEach((m) => keep.add(m));
    }
    // The units left out with the directories they may call (the wider graph: no file read for it).
    const widerCalls = new Map();
    for (const [target, callers] of widerCallers)
        for (const file of callers) {
            const set = widerCalls.get(dirOf(file)) ?? new Set();
            set.add(target);
            widerCalls.set(dirOf(file), set);
        }
    const others = leftOut.map((root) => {
        const members = new Set([root]);
        const todo = [root];
        while (todo.length > 0)
            for (const t of widerCalls.get(todo.pop()) ?? [])
                if (!members.has(t)) {
                    members.add(t);
                    todo.push(t);
                }
        return { key: keyOf(root), files: [...members].flatMap((d) => byDir.get(d) ?? []) };
    });
    const unitFiles = [...keep].flatMap((d) => byDir.get(d) ?? []);
    const calls = {};
    for (const f of unitFiles)
        if ((0,discover/* classify */.L8)(f) === 'terraform') {
            callsOf(f);
            calls[f] = { oid: index.oids.get(f), calls: raw.get(f) };
        }
    const files = listed
        .filter((f) => !discover/* TERRAFORM_KINDS */.Zn.has(f.kind) || !byDir.has(dirOf(f.rel)) || keep.has(dirOf(f.rel)))
        .map((f) => ({ ...f, inScan: fromScan(f.rel), parts: fromScan(f.rel).split('/') }))
        .sort((a, b) => discoveryOrder(a.parts, b.parts))
        .map((f) => ({ path: external_node_path_.join(scanReal, ...f.inScan.split('/')), kind: f.kind }));
    const oids = {};
    for (const list of byDir.values())
        for (const f of list)
            if ((0,discover/* classify */.L8)(f) === 'terraform')
                oids[f] = index.oids.get(f);
    const affected = unitKeys.length;
    return {
        kind: 'narrow',
        files,
        untouched: roots.length - affected,
        affected,
        oids,
        unitKeys,
        unitFiles,
        calls,
        others,
    };
}

;// CONCATENATED MODULE: ./src/compare/vnet-readers.ts
/**
 * Which units a change to a VNet's unit reaches. A hub root module declares the hub VNet with its gateway
 * and peerings; spoke and vending units read it (`data "azurerm_virtual_network"`, Bicep `existing`, a
 * literal `virtual_network_name` or ARM id) and are judged with what the hub's unit says of it
 * (src/pipeline/cross-unit.ts), but only when both are judged in the same run. A pull request run judges
 * the units its change touches; these are the untouched units it must judge with them, found from their
 * files' text, without parsing them:
 * - a unit whose files name a VNet (or firewall) a changed unit declares (as a whole word: VNet names are
 *   letters, digits, `_`, `.`, `-`), wherever the name comes from (a data source, a var file, an ARM id);
 * - a unit that reads a VNet or firewall by a name its text does not hold (a data source or `existing`
 *   VNet, subnet or firewall named by a variable or an expression, Terraform remote state): it may be the
 *   changed one, so it is judged too. (A spoke routing to the hub firewall may read the firewall alone.)
 * A unit that names the VNet only in a comment costs a unit judged for nothing, never a unit missed.
 * When a changed unit declares a VNet or firewall whose name the scan could not evaluate, no reader can be
 * told by name: every unit reading one of another unit, by any name, is judged (anyVnetReaders).
 */


const vnet_readers_escape = (s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/** A whole VNet name in text: not part of a longer name. */
const nameIn = (names) => new RegExp(`(?<![A-Za-z0-9_.-])(?:${names.map(vnet_readers_escape).join('|')})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9_-])`, 'i');
/** A literal name: a plain string with no interpolation. */
const LITERAL = /^\s*(?:"[^"$]*"|'[^'$]*')\s*(?:#.*|\/\/.*)?$/;
/**
 * Whether a unit's text reads a VNet by a name that is not in it: a Terraform data source of a VNet or
 * subnet whose name is not a literal, Terraform remote state, or a Bicep `existing` VNet or subnet whose
 * name is not a literal. Hand-written over the text: the point is not to parse untouched units.
 */
function readsUnnamedVnet(text) {
    if (/data\s+"terraform_remote_state"/.test(text))
        return true;
    for (const m of text.matchAll(/data\s+"azurerm_(?:virtual_network|subnet|firewall)"\s+"[^"]*"\s*\{/g)) {
        const body = text.slice(m.index + m[0].length, m.index + m[0].length + 2000);
        const end = body.search(/\n\}/);
        const block = end < 0 ? body : body.slice(0, end);
        for (const a of block.matchAll(/^\s*(?:name|virtual_network_name)\s*=\s*(.*)$/gm))
            if (!LITERAL.test(a[1]))
                return true;
    }
    for (const m of text.matchAll(/'Microsoft\.Network\/(?:virtualNetworks(?:\/subnets)?|azureFirewalls)@[^']*'\s+existing\s*=\s*\{/gi)) {
        const body = text.slice(m.index + m[0].length, m.index + m[0].length + 2000);
        const name = /^\s*name\s*:\s*(.*)$/m.exec(body);
        if (!name || !LITERAL.test(name[1]))
            return true;
    }
    return false;
}
/**
 * Whether a unit's text reads any VNet, subnet or firewall of another unit, whatever its name: a Terraform
 * data source of one, remote state, a subnet or peering naming a VNet by a literal (`virtual_network_name =
 * "..."`, a literal ARM id), a Bicep `existing` one, an ARM `resourceId()` of one. Asked when a changed unit
 * declares a VNet or firewall whose name the scan could not evaluate: no reader can be told by name then.
 */
function readsAnyVnet(text) {
    return (/data\s+"(?:azurerm_(?:virtual_network|subnet|firewall)|terraform_remote_state)"/.test(text) ||
        /^\s*virtual_network_name\s*=\s*"/m.test(text) ||
        /\/providers\/Microsoft\.Network\/(?:virtualNetworks|azureFirewalls)\//i.test(text) ||
        /'Microsoft\.Network\/(?:virtualNetworks(?:\/subnets)?|azureFirewalls)@[^']*'\s+existing\b/i.test(text) ||
        /resourceId\(\s*(?:[^,()]*,\s*)*'Microsoft\.Network\/(?:virtualNetworks|azureFirewalls)/i.test(text));
}
/** What a file reading any VNet must hold (case-insensitive), by readsAnyVnet's tests. */
const anyReaderSearch = {
    strings: [
        'azurerm_virtual_network"',
        'azurerm_subnet"',
        'azurerm_firewall"',
        'terraform_remote_state',
        'virtual_network_name',
        'microsoft.network/virtualnetworks',
        'microsoft.network/azurefirewalls',
    ],
};
/** The keys of the `units` whose text reads any VNet or firewall of another unit (readsAnyVnet). */
function anyVnetReaders(units, textOf, mayHold = () => true) {
    return units
        .filter((u) => u.files.some((f) => {
        if (!mayHold(f))
            return false;
        const t = textOf(f);
        // A file that cannot be read may read anything: its unit is judged (and says why).
        return t === undefined || readsAnyVnet(t);
    }))
        .map((u) => u.key);
}
/**
 * The text without the names a unit gives the VNets it declares (`name` of a Terraform
 * azurerm_virtual_network, of a Bicep virtualNetworks resource that is not `existing`): a unit declaring a
 * VNet of a changed unit's name is not its reader (two units declaring one VNet are rivals, named when a
 * reader meets both).
 */
function withoutDeclaredNames(text) {
    const blank = (t, at, body) => {
        const m = body.exec(t.slice(at, at + 2000));
        return m ? t.slice(0, at + m.index) + ' '.repeat(m[0].length) + t.slice(at + m.index + m[0].length) : t;
    };
    let out = text;
    for (const m of text.matchAll(/resource\s+"azurerm_(?:virtual_network|firewall)"\s+"[^"]*"\s*\{/g))
        out = blank(out, m.index + m[0].length, /^[ \t]*name[ \t]*=[^\n]*/m);
    for (const m of text.matchAll(/'Microsoft\.Network\/(?:virtualNetworks|azureFirewalls)@[^']*'\s*=\s*\{/gi))
        out = blank(out, m.index + m[0].length, /^[ \t]*name[ \t]*:[^\n]*/m);
    return out;
}
/**
 * The keys of the `units` that may read one of the VNets `names` (see the top of this file), their files'
 * text from `textOf`.
 */
function vnetReaders(names, units, textOf, mayHold = () => true) {
    if (names.length === 0 || units.length === 0)
        return [];
    const named = nameIn([...new Set(names.map((n) => n.toLowerCase()))]);
    // Per file, once (a module's files belong to every unit calling it).
    const reads = new Map();
    const mayRead = (file) => {
        let r = reads.get(file);
        if (r === undefined) {
            // A file holding none of the names nor any way of reading a VNet by another name cannot match.
            const t = mayHold(file) ? textOf(file) : '';
            // A file that cannot be read may read anything: its unit is judged (and says why).
            if (t === undefined)
                r = true;
            else if (t === '')
                r = false;
            else {
                const without = withoutDeclaredNames(t);
                r = named.test(without) || readsUnnamedVnet(without);
            }
            reads.set(file, r);
        }
        return r;
    };
    return units.filter((u) => u.files.some(mayRead)).map((u) => u.key);
}
/**
 * The keys of the `units` whose text names one of `names` as a whole word (a VPN gateway a site of theirs
 * links to, read by a data source or an ARM id). A unit naming it only in a comment costs a unit judged.
 */
function namingUnits(names, units, textOf, mayHold = () => true) {
    if (names.length === 0)
        return [];
    const named = nameIn([...new Set(names.map((n) => n.toLowerCase()))]);
    return units
        .filter((u) => u.files.some((f) => {
        if (!mayHold(f))
            return false;
        const t = textOf(f);
        return t === undefined || named.test(t);
    }))
        .map((u) => u.key);
}
/**
 * A data source of a VNet, subnet or firewall, on the line of its type label: `data` before it on the line,
 * or nothing but white space when `data` ends an earlier line (readsUnnamedVnet's `data\s+"azurerm_\u2026"` may
 * span lines). Not a `resource` of one, which every unit declaring a network has.
 */
const DATA_LINE = /data\s+"azurerm_(?:virtual_network|subnet|firewall)"|^\s*"azurerm_(?:virtual_network|subnet|firewall)"/i;
/** A Bicep `existing` keyword after a quoted type (`'\u2026@\u2026' existing`), or opening a line. Not the word in prose. */
const EXISTING_LINE = /'\s+existing|^\s*existing/i;
/**
 * What a file reading one of the VNets `names` must hold (case-insensitive), by vnetReaders' tests: the name
 * as a whole word (the test's own, on one line: a name holds no line break), or a data source, `existing`
 * resource or remote state reading one by another name (readsUnnamedVnet; its `name =` may be on any line,
 * so the line of the data source's type counts).
 */
function readerSearch(names) {
    const named = names.length > 0 ? nameIn([...new Set(names.map((n) => n.toLowerCase()))]) : undefined;
    return {
        strings: [
            ...names,
            'azurerm_virtual_network"',
            'azurerm_subnet"',
            'azurerm_firewall"',
            'terraform_remote_state',
            'existing',
        ],
        line: (l) => /terraform_remote_state/i.test(l) ||
            DATA_LINE.test(l) ||
            EXISTING_LINE.test(l) ||
            (named !== undefined && named.test(l)),
    };
}
/** What a file naming one of `names` as a whole word must hold, and on which line (namingUnits). */
function namingSearch(names) {
    const named = nameIn([...new Set(names.map((n) => n.toLowerCase()))]);
    return { strings: names, line: (l) => named.test(l) };
}
/**
 * Reads files of the checkout `root` once each, for vnetReaders and vnetProviders. The checkout alone is the
 * boundary: listing each file as well made every read search a list of them all (quadratic in the files of
 * a 2,000-file repository). A file outside the checkout is refused (undefined), so its unit is judged.
 */
function checkoutTexts(root) {
    const boundary = (0,read_source/* makeBoundary */.nj)([external_node_path_.resolve(root)]);
    const texts = new Map();
    return (file) => {
        if (texts.has(file))
            return texts.get(file);
        const r = (0,read_source/* readSource */.o$)(file, boundary);
        const t = r.ok ? r.text : undefined;
        texts.set(file, t);
        return t;
    };
}

;// CONCATENATED MODULE: ./src/compare/vnet-providers.ts
const vnet_providers_escape = (s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/** A whole name, not part of a longer name nor a segment of a path or id. */
const wholeName = (names) => new RegExp(`(?<![A-Za-z0-9_./-])(?:${names.map(vnet_providers_escape).join('|')})(?![A-Za-z0-9_/-]|\\.[A-Za-z0-9_-])`, 'i');
/** The end of a top-level block opened just before `from`: its closing `}` at the start of a line. */
function blockEnd(text, from) {
    const m = /\n\}/.exec(text.slice(from));
    return m ? from + m.index + m[0].length : text.length;
}
/**
 * The text less what reads a VNet or firewall (see the top of this file), blanked so positions stay.
 * Hand-written over the text: the point is not to parse untouched units.
 */
function withoutReads(text) {
    let out = text;
    const blank = (from, to) => {
        out = out.slice(0, from) + out.slice(from, to).replace(/[^\n]/g, ' ') + out.slice(to);
    };
    for (const m of text.matchAll(/^[ \t]*data\s+"[^"]*"\s+"[^"]*"\s*\{/gm))
        blank(m.index, blockEnd(text, m.index + m[0].length));
    for (const m of text.matchAll(/'[^']*'\s+existing\s*=\s*\{/g))
        blank(m.index, blockEnd(text, m.index + m[0].length));
    for (const m of text.matchAll(/^[ \t]*(?:virtual_network_name|remote_virtual_network_id)[ \t]*=[^\n]*/gm))
        blank(m.index, m.index + m[0].length);
    return out;
}
/**
 * Declaring resources: Terraform, Bicep (not `existing`), ARM JSON is matched by its literal names. VPN
 * gateways too: a site another unit links to a gateway is followed to the unit declaring it.
 */
const DECLARING = [
    /resource\s+"azurerm_(?:virtual_network|firewall|virtual_network_gateway)"\s+"[^"]*"\s*\{/g,
    /'Microsoft\.Network\/(?:virtualNetworks|azureFirewalls|virtualNetworkGateways)@[^']*'\s*=\s*(?:if\s*\([^\n]*\)\s*)?\{/gi,
];
/** The `name` argument of a declaring resource (its first line), Terraform `name =` or Bicep `name:`. */
function declaredNameExprs(text) {
    const out = [];
    for (const re of DECLARING)
        for (const m of text.matchAll(re)) {
            const from = m.index + m[0].length;
            const body = text.slice(from, blockEnd(text, from));
            const name = /^[ \t]*name[ \t]*[=:][ \t]*([^\n]*)$/m.exec(body);
            if (name)
                out.push(name[1].replace(/\s+(?:#|\/\/).*$/, '').trim());
        }
    return out;
}
/** A VNet gateway the text declares (Terraform, or Bicep not `existing`). */
const BUILDS_GATEWAY = /resource\s+"azurerm_virtual_network_gateway"\s+"|'Microsoft\.Network\/virtualNetworkGateways@[^']*'\s*=\s*(?:if\s*\([^\n]*\)\s*)?\{/i;
/** A literal name: a plain string with no interpolation. */
const vnet_providers_LITERAL = /^(?:"[^"$]*"|'[^'$]*')$/;
/**
 * Whether the name expression `expr` (not a literal) of a declaring resource could evaluate to `wanted`,
 * given every text the unit reads (`text`, lower case).
 */
function couldBe(expr, wanted, text) {
    const quoted = /^(["'])(.*)\1$/.exec(expr);
    // The literal parts and the references between them (a bare expression is one reference).
    const parts = [];
    const refs = [];
    if (quoted) {
        let rest = quoted[2];
        for (let m = /\$\{([^}]*)\}/.exec(rest); m; m = /\$\{([^}]*)\}/.exec(rest)) {
            parts.push(rest.slice(0, m.index));
            refs.push(m[1].trim());
            rest = rest.slice(m.index + m[0].length);
        }
        parts.push(rest);
    }
    else {
        parts.push('', '');
        refs.push(expr);
    }
    const shape = new RegExp(`^${parts.map(vnet_providers_escape).join('(.*?)')}$`, 'is').exec(wanted);
    if (!shape)
        return false;
    // A reference to a variable or local (Terraform), or a parameter or variable (Bicep): its value is in some text.
    const plain = /^(?:var|local)\.[A-Za-z0-9_-]+$|^[A-Za-z_][A-Za-z0-9_]*$/;
    return refs.every((ref, i) => {
        if (!plain.test(ref))
            return true;
        const words = shape[i + 1].toLowerCase()
            .split(/[^a-z0-9]+/)
            .filter(Boolean);
        return words.every((w) => text.includes(w));
    });
}
/**
 * A declaring Terraform resource on the line of its type label: `resource` before it on the line, or nothing
 * but white space when `resource` ends an earlier line (DECLARING's `resource\s+"azurerm_\u2026"` may span lines).
 * Not a data source of one, which every unit reading a network has.
 */
const RESOURCE_LINE = /resource\s+"azurerm_(?:virtual_network|firewall|virtual_network_gateway)"|^\s*"azurerm_(?:virtual_network|firewall|virtual_network_gateway)"/i;
/**
 * What a file declaring one of the VNets or firewalls `wanted` must hold (case-insensitive), by
 * vnetProviders' tests: the name as a whole word (the test's own, on one line: a name holds no line break),
 * or a declaring resource (whose name may be built; a Bicep one is found by its type, on any line).
 */
function providerSearch(wanted) {
    const named = wanted.length > 0 ? wholeName([...new Set(wanted.map((n) => n.toLowerCase()))]) : undefined;
    return {
        strings: [
            ...wanted,
            'azurerm_virtual_network"',
            'azurerm_firewall"',
            'azurerm_virtual_network_gateway"',
            'network/virtualnetworks@',
            'network/azurefirewalls@',
            'network/virtualnetworkgateways@',
        ],
        line: (l) => /network\/(?:virtualnetworks|azurefirewalls|virtualnetworkgateways)@/i.test(l) ||
            RESOURCE_LINE.test(l) ||
            (named !== undefined && named.test(l)),
    };
}
/**
 * The keys of the `units` that may declare one of the VNets or firewalls `wanted` (see the top of this
 * file). `shared`: texts every unit reads besides its own (the user's var files). `mayHold`: false for
 * files holding none of providerSearch (they are read only for the words of a built name).
 */
function vnetProviders(wanted, units, textOf, shared = [], mayHold = () => true) {
    const names = [...new Set(wanted.map((n) => n.toLowerCase()))];
    if (names.length === 0 || units.length === 0)
        return [];
    const named = wholeName(names);
    const sharedText = shared.join('\n').toLowerCase();
    // Per file (a module's files belong to every unit calling it): whether it names one, its built names.
    const seen = new Map();
    const look = (file) => {
        let r = seen.get(file);
        if (!r) {
            const t = mayHold(file) ? textOf(file) : '';
            r =
                t === undefined
                    ? { unreadable: true, names: false, built: [] }
                    : {
                        unreadable: false,
                        names: named.test(withoutReads(t)) || (BUILDS_GATEWAY.test(t) && named.test(t)),
                        built: declaredNameExprs(t).filter((e) => !vnet_providers_LITERAL.test(e)),
                    };
            seen.set(file, r);
        }
        return r;
    };
    return units
        .filter((u) => {
        const looks = u.files.map(look);
        // A file that cannot be read may declare anything: its unit is judged (and says why).
        if (looks.some((l) => l.unreadable || l.names))
            return true;
        const exprs = looks.flatMap((l) => l.built);
        if (exprs.length === 0)
            return false;
        const all = `${u.files.map((f) => textOf(f) ?? '').join('\n')}\n${sharedText}`.toLowerCase();
        return exprs.some((e) => names.some((n) => couldBe(e, n, all)));
    })
        .map((u) => u.key);
}

;// CONCATENATED MODULE: ./src/compare/grep-filter.ts
/**
 * Which files of the head may hold what a text test of src/compare/vnet-readers.ts or vnet-providers.ts looks
 * for, from one `git grep` over the files git tracks (in C, without reading into JavaScript the thousands of
 * files that hold none of it). A file git does not track, or that differs from its index entry, may hold
 * anything.
 *
 * A search is fixed strings (`git grep -F -i`, fast) and, optionally, a test of each line holding one: a
 * file counts only where a line passes it. The strings alone are too wide where they are what every unit
 * declares: `azurerm_subnet"` is in each `resource "azurerm_subnet"`, though only a data source reads
 * another unit's subnet, and the name `afw-hub-7` is inside `afw-hub-70`. The line test narrows them to the
 * lines the text test can match on, and must pass every such line: the searches say why theirs do.
 */


/**
 * Whether a file of `workspace` may hold `search` (vnet-readers.ts MayHold); undefined (every file read) without git's
 * index of the head or when git grep fails.
 */
async function grepFilter(workspace, index, search, git = github_git/* runGit */.EO) {
    if (!index || index.kind !== 'index' || search.strings.length === 0)
        return undefined;
    const needles = search.strings.flatMap((n) => ['-e', n]);
    // With a line test, the lines themselves (-z: the path ends at a NUL; -a: a binary file's lines too, not
    // "Binary file matches"); without one, the paths. The user's grep.lineNumber or grep.column would change
    // the output: said off here.
    const args = search.line
        ? ['grep', '--no-color', '--no-line-number', '--no-column', '-a', '-z', '-i', '-F', ...needles]
        : ['grep', '--no-color', '-l', '-z', '-i', '-F', ...needles];
    let out;
    try {
        out = await git(args, workspace);
    }
    catch (err) {
        // git grep exits 1, saying nothing, when no file holds any; a real failure says why on stderr.
        if (!(err instanceof Error && /^git grep failed: Command failed/.test(err.message)))
            return undefined;
        out = '';
    }
    const holds = new Set();
    if (search.line) {
        const test = search.line;
        for (const rec of out.split('\n')) {
            const nul = rec.indexOf('\0');
            if (nul < 0)
                continue;
            const file = rec.slice(0, nul);
            if (!holds.has(file) && test(rec.slice(nul + 1)))
                holds.add(file);
        }
    }
    else
        for (const p of out.split('\0'))
            if (p !== '')
                holds.add(p);
    const dirty = new Set(index.dirty.map((d) => d.replace(/\/$/, '')));
    // Asked of every file of every untouched unit: a plain prefix cut where the file is under the workspace.
    const top = external_node_path_.resolve(workspace) + external_node_path_.sep;
    return (file) => {
        const rel = (file.startsWith(top) && !file.includes(`${external_node_path_.sep}.`)
            ? file.slice(top.length)
            : external_node_path_.relative(workspace, file))
            .split(external_node_path_.sep)
            .join('/');
        return holds.has(rel) || !index.oids.has(rel) || dirty.has(rel);
    };
}

;// CONCATENATED MODULE: ./src/action/pull-request.ts
/**
 * What the run judges and what fails it. The head is always scanned whole (a route table is only
 * wrong in the context of the subnets and firewalls around it, which a changed-files-only scan would
 * miss); on a pull request or merge group the base commit is scanned the same way, so findings the
 * change introduces can be told from those it inherits. The scope then decides which findings fail the
 * step and are annotated, and which are only listed.
 */




















/** `file` moved from the head checkout to the same place in the base checkout, if it lies inside the workspace. */
function inBase(file, workspace, baseDir) {
    const rel = external_node_path_.relative(workspace, file);
    if (rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || external_node_path_.isAbsolute(rel))
        return undefined;
    return external_node_path_.join(baseDir, rel);
}
/** The change's paths under `root` (the head workspace or the base checkout), for UnitSelection.changed. */
function changedUnder(changed, root) {
    const abs = (p) => external_node_path_.join(root, ...p.split('/'));
    const removed = changed.files
        ? changed.files.flatMap((f) => f.status === 'removed' ? [f.path] : f.previousPath && f.status === 'renamed' ? [f.previousPath] : [])
        : // Without per-file detail (git's name-only diff) any touched path may be a removed one.
            changed.paths;
    return { paths: changed.paths.map(abs), removed: removed.map(abs) };
}
const scanDir = (p) => {
    const abs = external_node_path_.resolve(p);
    return external_node_fs_.existsSync(abs) && external_node_fs_.statSync(abs).isFile() ? external_node_path_.dirname(abs) : abs;
};
/** Head findings moved onto the base checkout, as the base scan would have located them. */
function rerootOnto(findings, from, to) {
    return findings.map((f) => {
        const rel = external_node_path_.relative(from, f.location.file);
        if (rel.startsWith('..') || external_node_path_.isAbsolute(rel))
            return f;
        return { ...f, location: { ...f.location, file: external_node_path_.join(to, rel) } };
    });
}
/**
 * The base commit's files: written from git objects for the units the base scan needs
 * (src/compare/base-tree.ts), else (and said in the log) a full checkout.
 */
async function baseFiles(input, baseSha, plan, log) {
    const posix = (p) => external_node_path_.relative(input.workspace, external_node_path_.resolve(p)).split(external_node_path_.sep).join('/');
    const scanRel = posix(input.scanOptions.path);
    const opts = {
        ...(input.git ? { git: input.git } : {}),
        ...(input.tempRoot ? { tempRoot: input.tempRoot } : {}),
    };
    if (!scanRel.startsWith('..') && !external_node_path_.isAbsolute(scanRel)) {
        const config = input.config?.config;
        try {
            const view = await partialBase({
                repoDir: input.workspace,
                sha: baseSha,
                scanRel,
                change: plan.changed ? changeOf(plan.changed) : { paths: [], removed: [] },
                headUnits: [...plan.headHashes.keys()],
                ...(plan.headCalls ? { headCalls: plan.headCalls } : {}),
                ...(plan.headOids ? { headOids: plan.headOids } : {}),
                ...(plan.headUnitFiles && modifiedOnly(plan.changed) ? { headUnitFiles: plan.headUnitFiles } : {}),
                includeTestFixtures: config?.includeTestFixtures === true,
                ...(config ? { isIncluded: (rel) => (0,apply/* isIncluded */.R4)(rel, config) } : {}),
                varFiles: [...input.scanOptions.varFiles.map(posix), ...(config?.varFiles ?? [])],
                whole: !plan.narrow,
                ...opts,
            }, plan.baseTree);
            if (view.kind !== 'fallback') {
                log.push(`Base commit ${baseSha.slice(0, 12)}: ${view.written} files written from git objects` +
                    (view.kind === 'partial'
                        ? ` (${view.units} Terraform units to judge or compare)`
                        : ` (all: ${view.why})`));
                return view;
            }
            log.push(`Base commit ${baseSha.slice(0, 12)}: a full checkout, because ${view.why}.`);
        }
        catch (err) {
            const why = err instanceof Error ? err.message : String(err);
            log.push(`Base commit ${baseSha.slice(0, 12)}: reading git objects failed (${why}); a full checkout instead.`);
        }
    }
    return checkoutBase(input.workspace, baseSha, opts);
}
/** The change only modified files (per-file detail from the API): nothing added, removed or renamed. */
const modifiedOnly = (changed) => changed?.files !== undefined && changed.files.every((f) => f.status === 'modified');
/**
 * Starts reading the base commit's tree (git processes) so it overlaps the head scan; awaited by
 * baseFiles, where a failure falls back to a full checkout as before.
 */
function startBaseTree(input, baseSha) {
    const scanRel = external_node_path_.relative(input.workspace, external_node_path_.resolve(input.scanOptions.path))
        .split(external_node_path_.sep)
        .join('/');
    if (scanRel.startsWith('..') || external_node_path_.isAbsolute(scanRel))
        return undefined;
    const early = input.early;
    const read = readBaseTree({ repoDir: input.workspace, sha: baseSha, scanRel, ...(input.git ? { git: input.git } : {}) }, early && early.workspace === input.workspace && early.sha === baseSha ? early.base : undefined);
    // Handled where it is awaited; until then a failure must not count as an unhandled rejection.
    read.catch(() => undefined);
    return read;
}
/** The change's paths, repository-relative, for the base's files. */
function changeOf(changed) {
    const root = external_node_path_.sep;
    const under = changedUnder(changed, root);
    const rel = (p) => external_node_path_.relative(root, p).split(external_node_path_.sep).join('/');
    return { paths: under.paths.map(rel), removed: under.removed.map(rel) };
}
async function scanBase(input, baseSha, plan, head, log, 
/** The base's files, when they were written while the head was scanned. */
early) {
    const checkout = await (early ?? baseFiles(input, baseSha, plan, log));
    try {
        const base = checkout.dir;
        const scanPath = inBase(input.scanOptions.path, input.workspace, base);
        if (scanPath === undefined)
            throw new Error('the scanned path is outside the workspace');
        if (!external_node_fs_.existsSync(scanPath))
            throw new Error('the scanned path does not exist on the base commit');
        // A var file the change adds is not on the base: the head's copy is the same option for both sides.
        const varFiles = input.scanOptions.varFiles.map((f) => {
            const b = inBase(f, input.workspace, base);
            return b !== undefined && external_node_fs_.existsSync(b) ? b : f;
        });
        const options = {
            path: scanPath,
            cloud: input.scanOptions.cloud,
            varFiles,
            repoRoot: base,
            // The plan describes the head (it is built from it): laid over the base it would make the
            // change's own findings look inherited. The deployed network is the same on both sides.
            ...(input.config ? { config: input.config } : {}),
            ...(input.scanOptions.deployed ? { deployed: input.scanOptions.deployed } : {}),
        };
        // A unit with the head's inputs has the head's findings; one the head did not judge is untouched
        // by the change (narrow), unless it only exists here and the change removed it.
        // The cache may know a unit's base inputs (an earlier run's head): judged then, not now.
        // Not a unit whose findings rest on other units' VNets: the same inputs may meet other facts here.
        const reuse = {};
        for (const [key, hash] of plan.headHashes)
            if (!plan.crossDependent.has(key))
                reuse[key] = [hash, ...(plan.cache?.hashes(key) ?? [])];
        options.units = {
            keyRoot: scanDir(scanPath),
            hashRoot: base,
            reuse,
            ...(alsoKeys(plan).length > 0 ? { also: alsoKeys(plan) } : {}),
            ...(plan.changed ? { touched: changedUnder(plan.changed, base).paths } : {}),
            ...(plan.narrow
                ? { changed: plan.changed ? changedUnder(plan.changed, base) : { paths: [], removed: [] } }
                : {}),
        };
        const result = await (0,scan_isolated/* scanIsolated */.xv)(options);
        for (const u of result.units ?? []) {
            if (u.why === 'same-inputs' && u.hash !== plan.headHashes.get(u.key))
                plan.fromCache.set(u.key, u.hash);
            else if (u.why === 'same-inputs')
                plan.reused.add(u.key);
            else if (u.judged && plan.headHashes.has(u.key))
                plan.baseJudged++;
        }
        if (plan.cache)
            storeUnits(plan.cache, result, base);
        const reused = head.findings.filter((f) => {
            const k = (0,compare_units/* findingUnitKey */.xH)(f);
            return k !== undefined && plan.reused.has(k);
        });
        const cached = [...plan.fromCache].flatMap(([key, hash]) => plan.cache.findings(key, hash, base) ?? []);
        if (plan.fromCache.size > 0)
            log.push(`Base commit: ${exit_plural(plan.fromCache.size, 'unit')} taken from the cache-dir (same inputs).`);
        result.findings = [...result.findings, ...rerootOnto(reused, input.workspace, base), ...cached];
        return { result, root: base };
    }
    finally {
        await checkout.cleanup();
    }
}
/** The names of the VNets and firewalls the judged units of a scan declare (ScanResult.crossUnit). */
const declaredNames = (result, keys) => [
    ...new Set((result.crossUnit ?? [])
        .filter((c) => !keys || keys.has(c.key))
        .flatMap((c) => [...c.declares.map((d) => d.name), ...(c.declaresFirewalls ?? [])].map((n) => n.toLowerCase()))),
];
/** The head's untouched units with their files (absolute): from the scan's choices and git's index. */
function untouchedUnits(result, view, workspace) {
    const abs = (rel) => external_node_path_.join(workspace, ...rel.split('/'));
    return [
        ...(result.units ?? [])
            .filter((u) => u.why === 'untouched' && u.files !== undefined)
            .map((u) => ({ key: u.key, files: u.files.map(abs) })),
        ...(view?.others ?? []).map((o) => ({ key: o.key, files: o.files.map(abs) })),
    ];
}
/**
 * Keeps the findings of every unit the scan judged (with its input hash) in the cache-dir. Findings no
 * unit owns (a file that could not be read, a config problem) are the scan's, never a unit's: not kept.
 * Nor is a unit with suppressed findings: a suppression may expire (`until`), and then the same inputs
 * have another finding.
 */
function storeUnits(cache, result, root) {
    const judged = new Map();
    for (const u of result.units ?? [])
        if (u.judged && u.hash !== undefined)
            judged.set(u.key, []);
    for (const s of result.suppressed) {
        const k = (0,compare_units/* findingUnitKey */.xH)(s.finding);
        if (k !== undefined)
            judged.delete(k);
    }
    for (const f of result.findings) {
        const k = (0,compare_units/* findingUnitKey */.xH)(f);
        if (k !== undefined)
            judged.get(k)?.push(f);
    }
    const hashes = new Map((result.units ?? []).map((u) => [u.key, u.hash]));
    const cross = new Map((result.crossUnit ?? []).map((c) => [c.key, c]));
    for (const [key, findings] of judged) {
        const c = cross.get(key);
        cache.store(key, hashes.get(key), findings, root, {
            declares: c?.declares ?? [],
            needs: c?.needs ?? [],
            ...(c?.facts ? { facts: c.facts } : {}),
        });
    }
}
/**
 * The cache-dir, when this run's findings depend only on what it hashes: not with live state (Azure
 * changes under the same files), a plan (it describes the head, not a unit's files) or a baseline (the
 * head's findings are then only those it does not hold).
 */
function unitCacheFor(input) {
    const o = input.scanOptions;
    if (!input.cacheDir || o.deployed || (o.planFiles ?? []).length > 0 || o.baseline)
        return undefined;
    // Besides a unit's files: the cloud asked for, the config (severities, suppressions, appliances) and the
    // Terraform workspace the environment names (terraform.workspace; .terraform/environment is a unit file).
    const context = JSON.stringify({
        cloud: o.cloud,
        config: input.config?.config ?? null,
        ...(process.env.TF_WORKSPACE ? { workspace: process.env.TF_WORKSPACE } : {}),
    });
    return openUnitCache(input.cacheDir, context);
}
/**
 * Whether the run judges only the units the change can affect: on a pull request with scope `new` or
 * `changed` (no other finding can fail it), when the changed files are known for sure, no plan is given (a plan
 * describes the whole head) and the config, which applies to every unit, did not change.
 */
function unitPlan(input, changed) {
    const known = changed && changed.source !== 'none' ? changed : undefined;
    const configRel = input.config?.file
        ? external_node_path_.relative(input.workspace, input.config.file).split(external_node_path_.sep).join('/')
        : undefined;
    // An empty or possibly incomplete list of changed files says nothing for sure: everything is judged.
    const narrow = known !== undefined &&
        known.paths.length > 0 &&
        known.warnings.length === 0 &&
        (input.scope === 'new' || input.scope === 'changed') &&
        (input.scanOptions.planFiles ?? []).length === 0 &&
        !known.paths.some((p) => p === configRel || /(^|\/)\.azure-kms-guard\.ya?ml$/.test(p));
    return {
        narrow,
        ...(known ? { changed: known } : {}),
        headHashes: new Map(),
        headSkipped: 0,
        reused: new Set(),
        fromCache: new Map(),
        baseJudged: 0,
        readers: [],
        linked: [],
        providers: [],
        crossDependent: new Set(),
    };
}
/** Whether the run may judge only the units the change affects (the part of unitPlan known before the changed files). */
const mayNarrow = (input) => (0,context/* comparesWithBase */.Qd)(input.ctx) &&
    (input.scope === 'new' || input.scope === 'changed') &&
    (input.scanOptions.planFiles ?? []).length === 0;
/** git's index of the head (src/compare/head-index.ts), started before the changed files are known. */
function startHeadIndex(input) {
    const early = input.early;
    return readHeadIndex({ workspace: input.workspace, ...(input.git ? { git: input.git } : {}) }, early && early.workspace === input.workspace ? early.head : undefined);
}
/**
 * The head's files for a narrow scan, from git's index: the units the change can affect found without
 * reading every file (src/compare/head-index.ts). Undefined (and said in the log) where the index cannot
 * stand for the working tree: the head scan then discovers and reads everything, as before.
 */
async function headFromIndex(input, plan, index, log, 
/** Unit keys to judge besides those the change affects (units reading a VNet a changed unit declares). */
also) {
    const posix = (p) => external_node_path_.relative(input.workspace, external_node_path_.resolve(p)).split(external_node_path_.sep).join('/');
    const scanRel = posix(input.scanOptions.path);
    const why = (reason) => {
        log.push(`Head: every file read to find the units the change affects, because ${reason}.`);
        return undefined;
    };
    if (index.kind === 'fallback')
        return why(`git's index could not be used (${index.why})`);
    if (scanRel === '..' || scanRel.startsWith('../') || external_node_path_.isAbsolute(scanRel))
        return why('the scanned path is outside the workspace');
    const config = input.config?.config;
    const view = narrowHead(index, {
        workspace: input.workspace,
        scanRel,
        change: plan.changed?.paths ?? [],
        includeTestFixtures: config?.includeTestFixtures === true,
        ...(config ? { isIncluded: (rel) => (0,apply/* isIncluded */.R4)(rel, config) } : {}),
        varFiles: [...input.scanOptions.varFiles.map(posix), ...(config?.varFiles ?? [])],
        ...(also ? { also } : {}),
    });
    if (view.kind === 'fallback')
        return why(view.why);
    plan.headOids = view.oids;
    log.push(`Head: ${exit_plural(view.affected, 'Terraform unit')} of ${view.affected + view.untouched} found affected from git's index ` +
        `(${exit_plural(view.files.length, 'file')} to scan).`);
    return view;
}
/**
 * VNets (and firewalls) the changed units declare at base but no longer at head (removed or renamed), and
 * the untouched units not judged yet that may read them (src/compare/vnet-readers.ts).
 */
async function baseOnlyReaders(input, index, plan, head, base, view, workspace) {
    const atHead = reachOf(head);
    const atBase = reachOf(base);
    const gone = {
        names: atBase.names.filter((n) => !atHead.names.includes(n)),
        unnamed: atBase.unnamed && !atHead.unnamed,
        targets: atBase.targets.filter((n) => !atHead.targets.includes(n)),
    };
    if (gone.names.length + gone.targets.length === 0 && !gone.unnamed)
        return undefined;
    const judged = new Set(alsoKeys(plan));
    const textOf = checkoutTexts(workspace);
    const found = await reachedUnits(input, index, gone, untouchedUnits(head, view, workspace).filter((u) => !judged.has(u.key)), textOf, input.scanOptions.varFiles.flatMap((f) => textOf(external_node_path_.resolve(f)) ?? []));
    return found.readers.length + found.linked.length > 0
        ? { names: [...gone.names, ...gone.targets], ...found }
        : undefined;
}
/** The untouched units judged at head and base besides those the change touches. */
const alsoKeys = (plan) => [...plan.readers, ...plan.linked, ...plan.providers];
/** Which files of the head may hold what `search` looks for (src/compare/grep-filter.ts). */
const mayHoldOf = (input, index, search) => grepFilter(input.workspace, index, search, input.git ?? github_git/* runGit */.EO);
/** The VNets and firewalls the units `keys` of a scan read of other units (ScanResult.crossUnit needs). */
const wantedNames = (result, keys) => [
    ...new Set((result.crossUnit ?? [])
        .filter((c) => keys.has(c.key))
        .flatMap((c) => [...c.needs, ...(c.firewallNeeds ?? [])].map((n) => n.name.toLowerCase()))),
];
/**
 * What the units `keys` of a scan (all judged units without it) change for units they do not judge
 * (ScanResult.crossUnit): the VNets and firewalls they declare (their readers are judged with them), whether
 * one of those has a name the scan could not evaluate (then no reader can be told by name), the VNets their
 * Virtual WAN hub connections connect and the VPN gateways their sites connect to, which other units declare
 * (those units are judged again with the hub's connection or the site in a full scan).
 */
function reachOf(result, keys) {
    const cross = (result.crossUnit ?? []).filter((c) => !keys || keys.has(c.key));
    return {
        names: declaredNames(result, keys),
        unnamed: cross.some((c) => c.declaresUnnamed === true),
        targets: [
            ...new Set(cross
                .flatMap((c) => [...(c.connects ?? []).map((n) => n.name), ...(c.siteGateways ?? [])])
                .map((n) => n.toLowerCase())),
        ],
    };
}
/**
 * The untouched `units` a change to what `reach` describes reaches: readers of the VNets and firewalls named
 * (src/compare/vnet-readers.ts), every unit reading one of another unit when a name is not known, and (as
 * `linked`) the units that may declare the VNets connected or the gateways linked to (src/compare/vnet-providers.ts).
 */
async function reachedUnits(input, index, reach, units, textOf, shared) {
    const readers = reach.names.length > 0
        ? vnetReaders(reach.names, units, textOf, await mayHoldOf(input, index, readerSearch(reach.names)))
        : [];
    if (reach.unnamed)
        for (const k of anyVnetReaders(units, textOf, await mayHoldOf(input, index, anyReaderSearch)))
            if (!readers.includes(k))
                readers.push(k);
    const linked = reach.targets.length > 0
        ? vnetProviders(reach.targets, units.filter((u) => !readers.includes(u.key)), textOf, shared, await mayHoldOf(input, index, providerSearch(reach.targets)))
        : [];
    return { readers, linked };
}
/** Rounds of judging the head again to follow what the units found reach; past them, said in the log and summary. */
const MAX_ROUNDS = 6;
/**
 * Adds to a narrow head scan the untouched units a full scan would judge the changed ones with: readers of
 * the VNets and firewalls they declare (src/compare/vnet-readers.ts) and the units declaring the VNets their
 * hub connections connect or the gateways their sites link to ("linked"), judged with their facts and
 * compared; and what the linked units reach in turn (the spokes of a hub whose gateway a changed site links
 * to: a full scan gives them the site with the hub's VNet). A reader's own readers are not followed: what a
 * unit tells the others comes from its own files (its first judgement), the same at head and base. Providers of the VNets and firewalls they read
 * (src/compare/vnet-providers.ts) are judged for the facts they give. Each round judges the head again with
 * the units found (`rescan`), until a round finds none; a provider's own needs are not followed (its
 * findings are context, the same at head and base). Units naming a VPN gateway the units judged declare
 * (a site linked to it) are providers too. Fills plan.readers, plan.linked and plan.providers.
 */
async function alsoJudge(input, plan, first, firstView, index, log, notes, rescan) {
    const { workspace } = input;
    const textOf = checkoutTexts(workspace);
    const shared = input.scanOptions.varFiles.flatMap((f) => textOf(external_node_path_.resolve(f)) ?? []);
    const changedKeys = (first.units ?? []).filter((u) => u.judged).map((u) => u.key);
    let result = first;
    let view = firstView;
    const readers = [];
    const linked = [];
    const providers = [];
    // Units whose declarations were followed: the changed ones, then each linked unit, once.
    const followed = new Set();
    // VPN gateway names looked for in the untouched units' text, once each.
    const searchedGateways = new Set();
    const list = (keys) => `${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', \u2026' : ''}`;
    for (let round = 0;; round++) {
        const fresh = new Set([...changedKeys, ...linked].filter((k) => !followed.has(k)));
        fresh.forEach((k) => followed.add(k));
        const judged = new Set([...changedKeys, ...readers, ...linked, ...providers]);
        const candidates = untouchedUnits(result, view, workspace).filter((u) => !judged.has(u.key));
        const reach = reachOf(result, fresh);
        const found = fresh.size > 0
            ? await reachedUnits(input, index, reach, candidates, textOf, shared)
            : { readers: [], linked: [] };
        readers.push(...found.readers);
        linked.push(...found.linked);
        const wanted = wantedNames(result, new Set([...changedKeys, ...readers, ...linked]));
        const taken = new Set([...found.readers, ...found.linked]);
        const foundProviders = wanted.length > 0
            ? vnetProviders(wanted, candidates.filter((u) => !taken.has(u.key)), textOf, shared, await mayHoldOf(input, index, providerSearch(wanted)))
            : [];
        providers.push(...foundProviders);
        // The VPN gateways the units judged declare (a provider's too: a spoke is judged with its hub's gateway):
        // a unit linking a site to one gives the gateway what it propagates, as in a full scan.
        const gateways = [
            ...new Set((result.crossUnit ?? []).flatMap((c) => c.gateways ?? []).map((n) => n.toLowerCase())),
        ].filter((n) => !searchedGateways.has(n));
        gateways.forEach((n) => searchedGateways.add(n));
        const given = new Set([...taken, ...foundProviders]);
        const siteProviders = gateways.length > 0
            ? namingUnits(gateways, candidates.filter((u) => !given.has(u.key)), textOf, await mayHoldOf(input, index, namingSearch(gateways)))
            : [];
        providers.push(...siteProviders);
        if (found.readers.length > 0)
            log.push(`Head: ${exit_plural(found.readers.length, 'unit')} the change does not touch may read the VNets or firewalls ` +
                `it reaches (${reach.unnamed ? 'one of them not named, ' : ''}${list(reach.names)}): judged with it (${list(found.readers)}).`);
        if (found.linked.length > 0)
            log.push(`Head: ${exit_plural(found.linked.length, 'unit')} the change does not touch may declare the VNets its hub ` +
                `connections connect or the gateways its sites link to (${list(reach.targets)}): judged with it (${list(found.linked)}).`);
        if (foundProviders.length > 0)
            log.push(`Head: ${exit_plural(foundProviders.length, 'unit')} the change does not touch may declare what the units judged read ` +
                `(${list(wanted)}): judged with them (${list(foundProviders)}).`);
        if (siteProviders.length > 0)
            log.push(`Head: ${exit_plural(siteProviders.length, 'unit')} the change does not touch may link sites to the VPN gateways ` +
                `of the units judged (${list(gateways)}): judged with them (${list(siteProviders)}).`);
        if (found.readers.length + found.linked.length + foundProviders.length + siteProviders.length === 0)
            break;
        ({ result, view } = await rescan([...readers, ...linked, ...providers]));
        if (round + 1 === MAX_ROUNDS) {
            const why = `what the units found after ${MAX_ROUNDS} rounds reach in turn (readers of their VNets, providers of ` +
                'what they read, units linking sites to their gateways) was not followed further';
            log.push(`Head: ${why}.`);
            notes.push(`Of the units this change can reach, ${why}: a full scan (scope \`all\`) judges them.`);
            break;
        }
    }
    plan.readers = readers;
    plan.linked = linked;
    plan.providers = providers;
    return { readers: readers.length + linked.length, providers: providers.length };
}
async function evaluate(input) {
    const { ctx, workspace } = input;
    const notes = [];
    const warnings = [];
    const log = [];
    let changed;
    let comparison;
    const compareBase = (0,context/* comparesWithBase */.Qd)(ctx) && (input.scope === 'new' || input.wantComparison) && !!ctx.baseSha;
    // git's half of the base (and of the head's index) needs nothing from the changed files: started first,
    // so their processes run while the API answers.
    const baseTree = compareBase && ctx.baseSha ? startBaseTree(input, ctx.baseSha) : undefined;
    const headIndex = mayNarrow(input) ? startHeadIndex(input) : undefined;
    if ((0,context/* comparesWithBase */.Qd)(ctx)) {
        changed = await changedFiles({
            ...(input.octokit ? { octokit: input.octokit } : {}),
            owner: ctx.owner,
            repo: ctx.repo,
            ...(ctx.prNumber !== undefined ? { prNumber: ctx.prNumber } : {}),
            ...(ctx.baseSha ? { baseSha: ctx.baseSha } : {}),
            headSha: ctx.headSha,
            repoDir: workspace,
            ...(input.git ? { git: input.git } : {}),
        });
        warnings.push(...changed.warnings.map((w) => `changed files: ${w}`));
    }
    const plan = unitPlan(input, changed);
    // `new` without a base to compare with falls back to judging everything: then the whole head is judged.
    if (input.scope === 'new' && !compareBase)
        plan.narrow = false;
    const changedHere = plan.changed ? changedUnder(plan.changed, workspace) : undefined;
    if (changed && baseTree)
        plan.baseTree = baseTree;
    const index = plan.narrow && headIndex ? await headIndex : undefined;
    let view = index ? await headFromIndex(input, plan, index, log) : undefined;
    // The index names the units the head judges: with only modified files (the base's layout is the head's),
    // the base's files for them are written while the head is scanned.
    let early = view && compareBase && ctx.baseSha && modifiedOnly(plan.changed)
        ? baseFiles(input, ctx.baseSha, {
            ...plan,
            headHashes: new Map(view.unitKeys.map((k) => [k, ''])),
            headCalls: view.calls,
            headUnitFiles: { files: view.unitFiles, units: view.affected },
        }, log)
        : undefined;
    // Handled where it is awaited (scanBase); until then a failure must not count as an unhandled rejection.
    early?.catch(() => undefined);
    const fullScanOptions = {
        ...input.scanOptions,
        repoRoot: workspace,
        ...(input.config ? { config: input.config } : {}),
    };
    const dropEarly = async () => {
        await early?.then((c) => c.cleanup(), () => undefined);
        early = undefined;
    };
    const scanHead = (also) => (0,scan_isolated/* scanIsolated */.xv)({
        ...fullScanOptions,
        ...(plan.narrow || compareBase
            ? {
                units: {
                    keyRoot: scanDir(input.scanOptions.path),
                    ...(compareBase ? { hashRoot: workspace } : {}),
                    ...(changedHere ? { touched: changedHere.paths } : {}),
                    ...(plan.narrow && changedHere ? { changed: changedHere } : {}),
                    ...(view ? { files: view.files } : {}),
                    ...(also.length > 0 ? { also: [...also] } : {}),
                },
            }
            : {}),
    }).catch(async (err) => {
        await dropEarly();
        throw err;
    });
    let result = await scanHead([]);
    // What the base needs of the head's scan (again after the head is judged again, below).
    const planFromHead = () => {
        plan.headSkipped = view ? view.untouched : 0;
        plan.headHashes = new Map();
        plan.crossDependent = new Set();
        // Units whose findings rest on other units' VNets, and (when there are any) the units declaring VNets:
        // judged again at base, so each side's readers meet that side's facts.
        const cross = result.crossUnit ?? [];
        for (const c of cross)
            if (c.needs.length > 0 || (c.firewallNeeds ?? []).length > 0 || c.facts)
                plan.crossDependent.add(c.key);
        if (plan.crossDependent.size > 0)
            for (const c of cross)
                if (c.declares.length > 0)
                    plan.crossDependent.add(c.key);
        // Readers and providers are judged for what they give or take across units: never taken from the head.
        for (const k of alsoKeys(plan))
            plan.crossDependent.add(k);
        for (const u of result.units ?? []) {
            if (u.why === 'untouched')
                plan.headSkipped++;
            else if (u.hash !== undefined)
                plan.headHashes.set(u.key, u.hash);
        }
        if (result.terraformCalls)
            plan.headCalls = result.terraformCalls;
        // The head's judged units with their files: each has them when the head judged only what the change touches.
        const judged = (result.units ?? []).filter((u) => u.judged);
        if (plan.narrow && judged.every((u) => u.files !== undefined))
            plan.headUnitFiles = { files: judged.flatMap((u) => u.files), units: judged.length };
        if (compareBase) {
            const cache = plan.cache ?? unitCacheFor(input);
            if (cache) {
                plan.cache = cache;
                // The head's units are the next pull request's base once this one is merged.
                storeUnits(cache, result, workspace);
            }
        }
    };
    // The base scan of the units the change touches starts now, in the scan worker, beside the search for the
    // untouched units they reach (alsoJudge: a git grep and the files it names, on this thread). When the search
    // finds none, as it does for most changes, it is the base scan this run needs, with the same plan; when it
    // finds some, the head is judged again with them and so is the base (the speculative scan is awaited first:
    // the worker is needed back, and its base files were the changed units' alone).
    let speculative;
    if (plan.narrow && changed && compareBase && ctx.baseSha && early) {
        planFromHead();
        const side = {
            ...plan,
            readers: [],
            linked: [],
            providers: [],
            reused: new Set(),
            fromCache: new Map(),
            baseJudged: 0,
        };
        const sideLog = [];
        const checkout = early;
        early = undefined;
        speculative = scanBase(input, ctx.baseSha, side, result, sideLog, checkout).then((base) => ({
            base,
            side,
            log: sideLog,
        }));
        // Awaited below (or dropped); until then a failure must not count as an unhandled rejection.
        speculative.catch(() => undefined);
    }
    if (plan.narrow) {
        const added = await alsoJudge(input, plan, result, view, index, log, notes, async (also) => {
            await speculative?.catch(() => undefined);
            speculative = undefined;
            // The base's files written early are those of the units the change touches alone.
            await dropEarly();
            if (index)
                view = await headFromIndex(input, plan, index, log, also);
            result = await scanHead(also);
            return { result, view };
        });
        if (!compareBase && added.readers > 0)
            notes.push(`This change touches units that declare virtual networks (${declaredNames(result).slice(0, 3).join(', ')}): ` +
                'the units it does not touch that may read them were judged with it at head; without a base commit to compare ' +
                'with, their findings are not told new from inherited.');
    }
    planFromHead();
    const narrowNote = () => {
        const sides = compareBase ? 'at head and base' : 'at head';
        const list = (keys) => keys.slice(0, 3).join(', ') + (keys.length > 3 ? ', \u2026' : '');
        const were = (n) => (n === 1 ? 'was' : 'were');
        return (`Judged the deployment units this change can affect; ` +
            `${exit_plural(plan.headSkipped, 'unit')} it does not touch ${were(plan.headSkipped)} not judged (scope \`${input.scope}\`)` +
            (plan.readers.length > 0
                ? `; ${exit_plural(plan.readers.length, 'unit')} it does not touch ${were(plan.readers.length)} judged with it ${sides}, ` +
                    `as ${plan.readers.length === 1 ? 'it' : 'they'} may read the virtual networks or firewalls it changes: ${list(plan.readers)}`
                : '') +
            (plan.linked.length > 0
                ? `; ${exit_plural(plan.linked.length, 'unit')} it does not touch ${were(plan.linked.length)} judged with it ${sides}, ` +
                    `as ${plan.linked.length === 1 ? 'it' : 'they'} may declare the virtual networks its hub connections connect ` +
                    `or the gateways its sites link to: ${list(plan.linked)}`
                : '') +
            (plan.providers.length > 0
                ? `; ${exit_plural(plan.providers.length, 'unit')} it does not touch ${were(plan.providers.length)} judged ${sides} for what ` +
                    `${plan.providers.length === 1 ? 'it declares' : 'they declare'} that the units it judges read (virtual networks, firewalls, sites linked to their gateways): ` +
                    `${list(plan.providers)}`
                : '') +
            '.');
    };
    const noteAt = notes.length;
    if (plan.narrow)
        notes.push(narrowNote());
    if (changed) {
        if (compareBase && ctx.baseSha) {
            try {
                // The speculative base scan stands when no untouched unit was added to the head's (its failure is
                // met again below, as without it).
                const taken = speculative && alsoKeys(plan).length === 0 ? await speculative.catch(() => undefined) : undefined;
                if (taken) {
                    plan.reused = taken.side.reused;
                    plan.fromCache = taken.side.fromCache;
                    plan.baseJudged = taken.side.baseJudged;
                    log.push(...taken.log);
                }
                let base = taken?.base ?? (await scanBase(input, ctx.baseSha, plan, result, log, early));
                early = undefined;
                // Readers of a VNet or firewall only the base declares (the change removes or renames it): judged too,
                // at head (where what they read is gone) and base, as a full scan of each side judges them.
                const gone = plan.narrow
                    ? await baseOnlyReaders(input, index, plan, result, base.result, view, workspace)
                    : undefined;
                if (gone) {
                    plan.readers.push(...gone.readers);
                    plan.linked.push(...gone.linked);
                    const units = [...gone.readers, ...gone.linked];
                    log.push(`Base: ${exit_plural(units.length, 'unit')} the change does not touch may read or declare what it removes, renames ` +
                        `or disconnects (${gone.names.slice(0, 5).join(', ')}): judged at head and base (${units.slice(0, 5).join(', ')}).`);
                    const also = alsoKeys(plan);
                    if (index)
                        view = await headFromIndex(input, plan, index, log, also);
                    result = await scanHead(also);
                    planFromHead();
                    notes[noteAt] = narrowNote();
                    plan.reused = new Set();
                    plan.fromCache = new Map();
                    plan.baseJudged = 0;
                    base = await scanBase(input, ctx.baseSha, plan, result, log);
                }
                comparison = (0,new_findings/* compareFindings */.Eg)(base.result.findings, result.findings, {
                    baseRoot: base.root,
                    headRoot: workspace,
                    renamed: (0,new_findings/* renamesFrom */.g3)(changed.files ?? []),
                });
            }
            catch (err) {
                const why = err instanceof Error ? err.message : String(err);
                warnings.push(`the base commit ${ctx.baseSha.slice(0, 12)} could not be scanned: ${why}`);
            }
        }
    }
    warnings.push(...(plan.cache?.warnings ?? []));
    // Without the base, `new` falls back to judging every finding: the units left out must be judged too.
    if (plan.narrow && input.scope === 'new' && !comparison) {
        result = await (0,scan_isolated/* scanIsolated */.xv)(fullScanOptions);
        notes.pop();
    }
    // A subnet newly exposed to a path that was already broken: the finding says which.
    for (const [f, subnets] of comparison?.newSubnets ?? [])
        f.message += ` This change newly exposes ${(0,new_findings/* subnetList */.cD)(subnets, f)} to it.`;
    const known = changed && changed.source !== 'none' ? changed : undefined;
    const changedLines = known ? changedLinesOf(known) : undefined;
    const scoped = applyScope({
        scope: input.scope,
        findings: result.findings,
        ...(comparison ? { comparison } : {}),
        ...(known && changedLines ? { changedPaths: known.paths, changedLines } : {}),
        units: { scanRoot: result.root, varFiles: input.scanOptions.varFiles },
        root: workspace,
    });
    if (scoped.note)
        notes.push(`Scope \`${input.scope}\` fell back to \`${scoped.scope}\`: ${scoped.note}.`);
    const isDeployed = (f) => f.deployed === true;
    const causes = changedLines
        ? causeAnnotations(scoped.failing.filter((f) => !isDeployed(f)), changedLines, workspace, (f) => {
            const subnets = comparison?.newSubnets.get(f);
            return subnets ? `newly exposes ${(0,new_findings/* subnetList */.cD)(subnets, f)}` : undefined;
        })
        : [];
    return {
        causes,
        result,
        scope: scoped.scope,
        failing: scoped.failing.filter((f) => !isDeployed(f)),
        listed: scoped.listed.filter((f) => !isDeployed(f)),
        deployed: result.findings.filter(isDeployed),
        deployedFailing: scoped.failing.filter(isDeployed),
        ...(comparison ? { comparison } : {}),
        ...(changed ? { changed } : {}),
        notes,
        warnings,
        log,
    };
}

;// CONCATENATED MODULE: ./src/report/annotations.ts




/** Annotation messages stay short enough to read inline; the full text is in raw_details and the summary. */
const ANNOTATION_MESSAGE_LIMIT = 300;
/**
 * The message cut to `limit` characters: whole sentences when the first fits, else whole words, with an
 * ellipsis and `more` appended when anything was left out.
 */
function shortMessage(text, limit = ANNOTATION_MESSAGE_LIMIT, more = '') {
    const t = text.trim();
    if (t.length <= limit)
        return t;
    const room = limit - more.length - 1;
    // A sentence ends at . ! or ? before a capital letter or the end (not inside 20.118.99.224).
    let cut = 0;
    for (const m of t.matchAll(/[.!?](?=\s+[A-Z]|\s*$)/g)) {
        if (m.index + 1 > room)
            break;
        cut = m.index + 1;
    }
    let out = t.slice(0, cut);
    if (out.trim() === '') {
        out = t.slice(0, room);
        const space = out.lastIndexOf(' ');
        if (space > room / 2)
            out = out.slice(0, space);
        out = out.trimEnd() + '\u2026';
    }
    return (out.trimEnd() + more).slice(0, limit);
}
/** The annotations for `findings`, in the order they are emitted. */
function toAnnotations(findings, workspace) {
    return sortFindings(findings).map((f) => {
        const props = { title: `${f.ruleId}: ${f.title}` };
        // Only files of the checkout can carry an annotation; others (live ARM ids) annotate the run.
        const file = (0,report_paths/* repoPath */.qN)(f.location.file, workspace);
        if (file !== undefined) {
            props.file = file;
            props.startLine = Math.max(1, f.location.startLine);
            props.endLine = Math.max(props.startLine, f.location.endLine);
        }
        let message = messageWithPaths(f);
        if (file === undefined)
            message = `${f.resource} (${f.location.file}): ${message}`;
        // Workflow commands have no details field: the full reasoning and the path are in the job summary.
        message = shortMessage(message, ANNOTATION_MESSAGE_LIMIT, ' (more in the job summary)');
        // @actions/core escapes the command itself; the v1 `##[` keyword is broken too, as defence in depth.
        props.title = neutraliseCommands(props.title);
        return { severity: f.severity, message: neutraliseCommands(message), props };
    });
}
/** Sends every finding to the sink; returns how many were sent. */
function emitAnnotations(findings, workspace, sink) {
    const annotations = toAnnotations(findings, workspace);
    for (const a of annotations)
        sink[a.severity](a.message, a.props);
    return annotations.length;
}

;// CONCATENATED MODULE: ./src/github/check-run.ts







const CHECK_NAME = 'azure-kms-guard';
/** The API's maximum annotations per create/update request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** output.summary and output.text are limited to 65535 characters. */
const OUTPUT_LIMIT = 65535;
const check_run_LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' };
/** Keeps the text under `limit` characters, saying so at the end. */
function truncate(text, limit) {
    if (text.length <= limit)
        return text;
    const note = '\n\n\u2026 (truncated)';
    return text.slice(0, limit - note.length) + note;
}
/**
 * One annotation per finding in a file of the checkout; findings elsewhere (live ARM ids, var files
 * outside the workspace) cannot be placed on a line and stay in the summary.
 */
function toCheckAnnotations(findings, root) {
    const out = [];
    for (const f of sortFindings(findings)) {
        const file = (0,report_paths/* repoPath */.qN)(f.location.file, root);
        if (file === undefined)
            continue;
        const start = Math.max(1, f.location.startLine);
        const a = {
            path: file,
            start_line: start,
            end_line: Math.max(start, f.location.endLine),
            annotation_level: check_run_LEVEL[f.severity],
            title: truncate(`${f.ruleId}: ${f.title}`, 255),
            message: shortMessage(f.message, ANNOTATION_MESSAGE_LIMIT, ' (details below)'),
        };
        // The full reasoning, the path and the fix in the source's format: what "Show more" unfolds.
        const fix = fixText(f);
        const details = [f.message, pathsLine(f) ?? '', fix ? `Fix:\n${fix}` : ''];
        a.raw_details = truncate(details.filter((d) => d !== '').join('\n\n'), 64 * 1024 - 1);
        out.push(a);
    }
    return out;
}
/**
 * failure when a failing finding reaches fail-on (or, with fail-on-unknown, a subnet is undecided or no
 * subnet was found); neutral when there are findings below it or the verdict is not "reachable"
 * (undecided, nothing found): success only when every subnet judged was followed to KMS.
 */
function conclusionFor(failing, failOn, verdict, failOnUnknown = false) {
    if (failsAt(failing, failOn))
        return 'failure';
    if (verdict && verdictFails(verdict, failOnUnknown))
        return 'failure';
    if (verdict && verdict.overall !== 'reachable' && verdict.overall !== 'blocked')
        return 'neutral';
    return failing.length > 0 ? 'neutral' : 'success';
}
/**
 * Annotations that fit one request (at most 50) go with the run's creation, completed: one POST. More are
 * created in_progress with the first 50 and PATCHed on 50 at a time, the last PATCH completing it, so a
 * reader never sees a green run that is still receiving failures.
 */
async function publishCheckRun(octokit, input) {
    const { owner, repo } = input;
    const output = (annotations) => ({
        title: truncate(input.title, 255),
        summary: truncate(input.summary, OUTPUT_LIMIT),
        annotations: [...annotations],
    });
    const batches = [];
    for (let i = 0; i < input.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
        batches.push(input.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    }
    if (batches.length === 0)
        batches.push([]);
    const completed = { status: 'completed', conclusion: input.conclusion };
    let id;
    let url;
    try {
        const created = await octokit.rest.checks.create({
            owner,
            repo,
            name: input.name ?? CHECK_NAME,
            head_sha: input.headSha,
            ...(batches.length === 1 ? completed : { status: 'in_progress' }),
            output: output(batches[0]),
            ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
        });
        // A reply without a numeric id is no check run, whatever the status said: annotations go elsewhere.
        const data = created.data;
        if (typeof data !== 'object' || data === null || typeof data.id !== 'number')
            return {
                ok: false,
                reason: `creating the check run failed: HTTP ${created.status} with a reply that is not a check run`,
                permission: false,
            };
        id = data.id;
        url = typeof data.html_url === 'string' ? data.html_url : undefined;
    }
    catch (err) {
        return {
            ok: false,
            reason: (0,api_failure/* apiFailure */.tF)(err, 'creating the check run failed'),
            permission: (0,api_failure/* isPermissionError */.gj)(err),
        };
    }
    let requests = 1;
    for (let i = 1; i < batches.length; i++) {
        const last = i === batches.length - 1;
        try {
            requests++;
            await octokit.rest.checks.update({
                owner,
                repo,
                check_run_id: id,
                output: output(batches[i]),
                ...(last ? completed : {}),
            });
        }
        catch (err) {
            const reason = (0,api_failure/* apiFailure */.tF)(err, `updating the check run failed at annotation ${i * ANNOTATIONS_PER_REQUEST + 1}`);
            // Do not leave the run spinning: complete it without the rest (best effort), and say so.
            if (!last) {
                await octokit.rest.checks
                    .update({ owner, repo, check_run_id: id, ...completed })
                    .catch(() => undefined);
            }
            return { ok: false, reason, permission: (0,api_failure/* isPermissionError */.gj)(err), id };
        }
    }
    return url !== undefined ? { ok: true, id, url, requests } : { ok: true, id, requests };
}

;// CONCATENATED MODULE: ./src/action/tally.ts
/**
 * The one place the run's numbers come from: the summary headline, the check run's title and conclusion,
 * the step outputs, the failure message and the exit code all read this, so they agree in every
 * combination of `scope`, `fail-on` and `fail-on-deployed`.
 *
 * The findings judged against `fail-on` are those in scope, plus deployed-only ones with
 * `fail-on-deployed`. `errors` / `warnings` / `notices` count them (what the headline shows); `findings`
 * counts every finding of the head; `new` / `fixed` count the comparison's findings among those that
 * could be judged (deployed-only ones only with `fail-on-deployed`).
 */



function tally_tally(ev, failOn, failOnDeployed, failOnUnknown = false) {
    const judged = [...ev.failing, ...(failOnDeployed ? ev.deployedFailing : [])];
    const judgedSet = new Set(judged);
    const counts = countFindings(judged);
    const eligible = (f) => failOnDeployed || !f.deployed;
    const verdict = ev.result.verdict;
    const findingsFail = failsAt(judged, failOn);
    const undecidedFail = verdict ? verdictFails(verdict, failOnUnknown) : false;
    const t = {
        judged,
        counts,
        total: ev.result.findings.length,
        notJudged: countFindings(ev.result.findings.filter((f) => !judgedSet.has(f))),
        atOrAbove: countAtOrAbove(judged, failOn),
        findingsFail,
        undecidedFail,
        fails: findingsFail || undecidedFail,
        conclusion: conclusionFor(judged, failOn, verdict, failOnUnknown),
        title: judged.length === 0
            ? verdict
                ? verdictHeadline(verdict)
                : 'Windows activation (KMS) is not blocked'
            : findingsFail
                ? `${exit_plural(judged.length, 'finding')} break Windows activation`
                : `${exit_plural(judged.length, 'finding')} below fail-on '${failOn}'`,
    };
    if (ev.comparison) {
        t.new = ev.comparison.new.filter(eligible).length;
        t.fixed = ev.comparison.fixed.filter(eligible).length;
    }
    return t;
}
/** The step outputs the tally decides (the action adds report-file, sarif-file, annotations). */
function tallyOutputs(t, suppressed) {
    return {
        errors: t.counts.errors,
        warnings: t.counts.warnings,
        notices: t.counts.notices,
        findings: t.total,
        failing: t.judged.length,
        'new-findings': t.new ?? '',
        'fixed-findings': t.fixed ?? '',
        suppressed,
    };
}
/** The step's failure message, or undefined when it passes. */
function failureMessage(t, failOn, scope, verdict) {
    if (t.findingsFail)
        return (`Azure KMS Guard: ${exit_plural(t.atOrAbove, 'finding')} at or above fail-on '${failOn}' ` +
            `(${describeCounts(t.counts)}, scope ${scope}): Windows activation (KMS, TCP 1688) ` +
            'would break. See the annotations and the job summary.');
    if (t.undecidedFail && verdict)
        return (`Azure KMS Guard (fail-on-unknown): ${verdictHeadline(verdict)}. ` +
            'The job summary names each subnet, the hop not followed and what would decide it.');
    return undefined;
}

;// CONCATENATED MODULE: ./src/github/suggestions.ts
/**
 * Fixes as GitHub suggestions ("Commit suggestion" in the review UI). GitHub only accepts review
 * comments on lines of the diff, and a multi-line suggestion must stay inside one hunk, so each
 * suggestion is checked against the hunks of the file's patch before anything is posted.
 */



const SUGGESTION_MARKER = '<!-- azure-kms-guard:suggestion';
/** `@@ -a,b +c,d @@`: the new side covers c..c+d-1 (d defaults to 1; d = 0 is a pure deletion). */
function parseHunks(patch) {
    const hunks = [];
    for (const m of patch.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
        const start = Number(m[1]);
        const count = m[2] === undefined ? 1 : Number(m[2]);
        if (count > 0)
            hunks.push({ start, end: start + count - 1 });
    }
    return hunks;
}
function inOneHunk(hunks, start, end) {
    return hunks.some((h) => start >= h.start && end <= h.end);
}
/** Stable across re-runs of the same commit range and text, so a re-run can see it already posted. */
function suggestionKey(s) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([s.ruleId, s.path, s.startLine, s.endLine, s.replacement]))
        .digest('hex')
        .slice(0, 16);
}
/**
 * The review comment body. The fence is longer than any backtick run in the replacement, so the
 * replacement cannot close it; the key sits in an HTML comment GitHub does not render.
 */
function suggestionBody(s) {
    const text = stripControl(s.replacement)
        .replace(/\r\n|\r/g, '\n')
        .replace(/\n$/, '');
    const longest = (text.match(/`+/g) ?? []).reduce((n, r) => Math.max(n, r.length), 0);
    const fence = '`'.repeat(Math.max(3, longest + 1));
    const head = `${SUGGESTION_MARKER} ${suggestionKey(s)} -->`;
    const intro = s.explanation ? `${escapeMarkdown(s.explanation)}\n\n` : '';
    return `${head}\n${intro}${fence}suggestion\n${text}\n${fence}\n`;
}
async function postSuggestions(octokit, input) {
    const { owner, repo, pullNumber: pull_number } = input;
    const hunksByPath = new Map(input.files.map((f) => [f.path, f.patch ? parseHunks(f.patch) : []]));
    const skipped = [];
    const candidates = [];
    for (const s of input.suggestions) {
        const hunks = hunksByPath.get(s.path);
        if (!hunks)
            skipped.push({ suggestion: s, reason: 'file not changed by the pull request' });
        else if (s.endLine < s.startLine || !inOneHunk(hunks, s.startLine, s.endLine))
            skipped.push({ suggestion: s, reason: 'lines not inside one hunk of the diff' });
        else
            candidates.push(s);
    }
    if (candidates.length === 0)
        return { ok: true, posted: 0, skipped };
    try {
        const existing = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
            owner,
            repo,
            pull_number,
            per_page: 100,
        });
        const seen = new Set(existing.flatMap((c) => {
            const m = c.body.match(/<!-- azure-kms-guard:suggestion ([0-9a-f]{16}) -->/);
            return m ? [m[1]] : [];
        }));
        const fresh = [];
        for (const s of candidates) {
            if (seen.has(suggestionKey(s)))
                skipped.push({ suggestion: s, reason: 'already suggested' });
            else
                fresh.push(s);
        }
        if (fresh.length === 0)
            return { ok: true, posted: 0, skipped };
        const review = await octokit.rest.pulls.createReview({
            owner,
            repo,
            pull_number,
            commit_id: input.commitId,
            event: 'COMMENT',
            body: `azure-kms-guard suggests ${fresh.length} fix${fresh.length === 1 ? '' : 'es'} that keep Windows activation working.`,
            comments: fresh.map((s) => ({
                path: s.path,
                line: s.endLine,
                // The API rejects start_line equal to line: single-line comments omit it.
                ...(s.startLine < s.endLine ? { start_line: s.startLine, start_side: 'RIGHT' } : {}),
                side: 'RIGHT',
                body: suggestionBody(s),
            })),
        });
        return { ok: true, posted: fresh.length, skipped, reviewId: review.data.id };
    }
    catch (err) {
        return {
            ok: false,
            posted: 0,
            skipped,
            reason: (0,api_failure/* apiFailure */.tF)(err, 'posting suggestions failed'),
            permission: (0,api_failure/* isPermissionError */.gj)(err),
        };
    }
}

;// CONCATENATED MODULE: ./src/action/publish.ts
/**
 * Where an evaluation's findings go: the `azure-kms-guard` check run (any number of annotations) or,
 * when the token cannot write checks, workflow-command annotations; the job summary; the sticky pull
 * request comment; review suggestions for additive fixes. The GitHub API is a best effort throughout:
 * its failures become log warnings and summary notes, and only the findings decide the step's result.
 * Functions of @actions/core come in as parameters, so this module runs the same under test.
 */















/** GitHub shows at most this many workflow-command annotations of each severity per step. */
const STEP_ANNOTATION_LIMIT = 10;
/** The findings that fail the step: failing file findings, plus deployed ones when asked. */
function stepFindings(ev, failOnDeployed) {
    return [...ev.failing, ...(failOnDeployed ? ev.deployedFailing : [])];
}
/** A portal link is built from an ARM id Azure returned: shown as a link only when it is a plain https URL. */
function portalCell(link) {
    return link && /^https:\/\/[^\s()<>[\]]+$/.test(link) ? `[open in portal](${link})` : '\u2014';
}
function deployedSection(findings, failOnDeployed, maxRows = 50) {
    if (findings.length === 0)
        return [];
    const rows = sortFindings(findings);
    const out = [
        `### Deployed resources (live Azure): ${exit_plural(rows.length, 'finding')}`,
        '',
        failOnDeployed
            ? 'These resources are not defined in the scanned code; with `fail-on-deployed` they fail the check.'
            : 'These resources are not defined in the scanned code: listed here, they do not fail the check ' +
                '(set `fail-on-deployed: true` to change that).',
        '',
        '| Severity | Rule | Resource | ARM id | Portal | Message |',
        '| --- | --- | --- | --- | --- | --- |',
    ];
    for (const f of rows.slice(0, maxRows))
        out.push(`| ${f.severity} | ${escape_escapeMarkdownCell(f.ruleId)} | ${escape_escapeMarkdownCell(f.resource)} | ` +
            `${escape_escapeMarkdownCell(f.location.file)} | ${portalCell(f.link)} | ${escape_escapeMarkdownCell(f.message)} |`);
    if (rows.length > maxRows)
        out.push('', `\u2026 and ${rows.length - maxRows} more (see the JSON report).`);
    return [...out, ''];
}
function suppressedSection(suppressed, root, maxRows = 100) {
    if (suppressed.length === 0)
        return [];
    const out = [
        `### Suppressed: ${plural(suppressed.length, 'finding')}`,
        '',
        '| Rule | Location | Resource | Reason | Suppressed at |',
        '| --- | --- | --- | --- | --- |',
    ];
    for (const s of suppressed.slice(0, maxRows))
        out.push(`| ${escapeMarkdownCell(s.finding.ruleId)} | ${escapeMarkdownCell(findingLocation(s.finding, root))} | ` +
            `${escapeMarkdownCell(s.finding.resource)} | ${escapeMarkdownCell(s.reason)} | ` +
            `${escapeMarkdownCell(`${displayPath(s.origin.file, root)}:${s.origin.startLine}`)} |`);
    if (suppressed.length > maxRows)
        out.push('', `\u2026 and ${suppressed.length - maxRows} more.`);
    return [...out, ''];
}
function liveSection(live) {
    if (!live)
        return [];
    const out = ['### Live Azure', ''];
    const m = live.deployed.model;
    out.push(`Read ${exit_plural(m.subnets.length, 'subnet')}, ${exit_plural(m.routeTables.length, 'route table')} and ` +
        `${exit_plural(m.nsgs.length, 'network security group')} from Azure (read-only).`, '');
    for (const w of live.warnings)
        out.push(`- \u26a0\ufe0f ${escapeMarkdown(w)}`);
    for (const i of live.incomplete)
        out.push(`- \u23f1\ufe0f not read within the time budget: ${escapeMarkdown(i)}`);
    if (live.warnings.length + live.incomplete.length > 0)
        out.push('');
    if (live.checked > 0 || live.unchecked.length > 0) {
        out.push(`Effective routes read for ${exit_plural(live.checked, 'subnet')}.`, '');
        if (live.unchecked.length > 0) {
            out.push(`Effective routes not checked for ${exit_plural(live.unchecked.length, 'subnet')}:`, '');
            for (const u of live.unchecked.slice(0, 100))
                out.push(`- ${escapeMarkdown(u.subnetId)}: ${escapeMarkdown(u.reason)}`);
            if (live.unchecked.length > 100)
                out.push(`- \u2026 and ${live.unchecked.length - 100} more`);
            out.push('');
        }
    }
    return out;
}
/** The one report model of a run: the summary, the comment and the check run title are rendered from it. */
function reportModel(input) {
    const { ev } = input;
    return buildReport({
        result: ev.result,
        root: input.workspace,
        event: input.event,
        failOn: input.failOn,
        failing: stepFindings(ev, input.failOnDeployed),
        existing: ev.listed,
        fixed: ev.comparison?.fixed ?? [],
        ...(ev.comparison ? { subnetChanges: (0,new_findings/* subnetChanges */.B)(ev.comparison) } : {}),
        failOnUnknown: input.failOnUnknown === true,
        ...(input.blobUrl ? { blobUrl: input.blobUrl } : {}),
    });
}
/** The action's own notes (scope, why it fell back), folded into the report. */
function scopeSection(ev) {
    const scopeText = {
        new: 'only findings this change introduces fail the check',
        changed: 'only findings in files this change touches fail the check',
        all: 'every finding fails the check',
    };
    const body = [`Scope: \`${ev.scope}\` (${scopeText[ev.scope]}).`, '', ...ev.notes.map((n) => `> ${n}\n`)];
    return { title: `Scope: ${ev.scope}`, body: body.join('\n') };
}
/** The job summary (also the check run's summary): the one renderer, with deployed and live state folded in. */
function composeSummary(input, model = reportModel(input)) {
    const { ev } = input;
    const extra = [scopeSection(ev)];
    const deployed = deployedSection(ev.deployed, input.failOnDeployed).join('\n');
    if (deployed)
        extra.push({ title: `Deployed resources: ${exit_plural(ev.deployed.length, 'finding')}`, body: deployed });
    const live = liveSection(input.live).join('\n');
    if (live)
        extra.push({ title: 'Live Azure', body: live });
    // The counts are the report model's "Scan" section: the same finding sets the tally counts.
    return renderReport(model, 'summary', { extra });
}
function hiddenCounts(findings, root) {
    const shown = findings.filter((f) => (0,report_paths/* repoPath */.qN)(f.location.file, root) !== undefined);
    const count = (s) => Math.max(0, shown.filter((f) => f.severity === s).length - STEP_ANNOTATION_LIMIT);
    return { error: count('error'), warning: count('warning'), notice: count('notice') };
}
/**
 * The check run when the token may write checks; workflow commands otherwise (most severe first, so
 * the per-step cap drops notices before errors). Never throws for the API.
 */
async function publishAnnotations(input) {
    const { ev, workspace } = input;
    let reason = 'no github-token';
    if (input.octokit) {
        const t = tally_tally(ev, input.failOn, input.failOnDeployed, input.failOnUnknown === true);
        const r = await publishCheckRun(input.octokit, {
            owner: input.ctx.owner,
            repo: input.ctx.repo,
            headSha: input.ctx.headSha,
            // The verdict sentence of the summary and comment (our words and counts, nothing from a file).
            title: input.model.verdict,
            summary: input.summary,
            annotations: toCheckAnnotations([...ev.failing, ...ev.causes], workspace),
            conclusion: t.conclusion,
            ...(input.detailsUrl ? { detailsUrl: input.detailsUrl } : {}),
        });
        if (r.ok) {
            input.log.info(`Check run ${r.id} written (${exit_plural(r.requests, 'request')}).`);
            return { via: 'check-run', id: r.id, requests: r.requests, ...(r.url ? { url: r.url } : {}) };
        }
        reason = r.reason;
        input.log.warning(r.permission
            ? `The token cannot write check runs (${r.reason}); annotating through workflow commands instead. ` +
                'Grant `checks: write` for the full list of annotations.'
            : `Writing the check run failed (${r.reason}); annotating through workflow commands instead.`);
    }
    const annotated = [...ev.failing, ...ev.causes];
    const emitted = emitAnnotations(annotated, workspace, input.sink);
    return { via: 'workflow-commands', emitted, hidden: hiddenCounts(annotated, workspace), reason };
}
/** The summary's note on annotations GitHub does not show (workflow commands are capped per step). */
function hiddenNote(outcome) {
    if (outcome.via !== 'workflow-commands')
        return '';
    const { hidden } = outcome;
    const parts = ['error', 'warning', 'notice']
        .filter((s) => hidden[s] > 0)
        .map((s) => exit_plural(hidden[s], s));
    if (parts.length === 0)
        return '';
    const total = hidden.error + hidden.warning + hidden.notice;
    return (`> ${parts.join(', ')} ${total === 1 ? 'is' : 'are'} ` +
        `not shown as annotations: GitHub shows ${STEP_ANNOTATION_LIMIT} of each severity per step. All are listed above; ` +
        'grant the token `checks: write` to annotate every one.\n');
}
/** The comment body, with the deployed findings folded in while they fit (the summary has them all). */
function commentBody(model, ev, failOnDeployed, runUrl) {
    const base = { ...(runUrl ? { runUrl } : {}) };
    const deployed = deployedSection(ev.deployed, failOnDeployed, 20).join('\n');
    if (deployed === '')
        return buildCommentBody(model, base);
    const extra = [{ title: `Deployed resources: ${exit_plural(ev.deployed.length, 'finding')}`, body: deployed }];
    const body = buildCommentBody(model, { ...base, extra });
    return body.length < COMMENT_LIMIT ? body : buildCommentBody(model, base);
}
async function publishComment(input) {
    const { ctx, ev } = input;
    if (!(0,context/* isPullRequest */.r0)(ctx) || ctx.prNumber === undefined)
        return undefined;
    const failing = stepFindings(ev, input.failOnDeployed);
    return upsertStickyComment(input.octokit, {
        owner: ctx.owner,
        repo: ctx.repo,
        issueNumber: ctx.prNumber,
        body: commentBody(input.model, ev, input.failOnDeployed, input.runUrl),
        clean: failing.length === 0,
        whenClean: input.whenClean,
    });
}
/** Rules whose fix adds routes next to the lines they point at: the suggestion keeps the lines and appends. */
const ADDITIVE_RULES = new Set(['KMS001', 'KMS002', 'KMS005', 'KMS009']);
/**
 * Suggestions for additive fixes in Terraform and Bicep: lines start..end as they are, then the fix
 * indented like the first of them. Anything else (a rule whose fix rewrites, ARM JSON where the fix
 * needs a comma in the right place) gets no suggestion: a suggestion that breaks the file is worse.
 */
function buildSuggestions(findings, workspace, readFile = (f) => {
    const read = (0,read_source/* readSource */.o$)(f, (0,read_source/* makeBoundary */.nj)([workspace]));
    return read.ok ? read.text : undefined;
}) {
    const out = [];
    for (const f of findings) {
        const fixed = fixText(f);
        // A finding at the caller's line (a module argument, a tfvars entry) cannot take a resource there.
        if (!ADDITIVE_RULES.has(f.ruleId) || fixed === undefined || f.deployed || f.related)
            continue;
        if (f.format !== 'terraform' && f.format !== 'bicep')
            continue;
        const rel = (0,report_paths/* repoPath */.qN)(f.location.file, workspace);
        if (rel === undefined)
            continue;
        const text = readFile(f.location.file);
        if (text === undefined)
            continue;
        const lines = text.split(/\r?\n/);
        const { startLine, endLine } = f.location;
        if (startLine < 1 || endLine < startLine || endLine > lines.length)
            continue;
        const original = lines.slice(startLine - 1, endLine);
        const indent = /^\s*/.exec(original[0])[0];
        const fix = fixed
            .replace(/\r\n|\r/g, '\n')
            .replace(/\n+$/, '')
            .split('\n')
            .map((l) => (l === '' ? '' : indent + l));
        // HCL blocks and resources read best with a blank line between them; Bicep array items do not take one.
        const gap = f.format === 'terraform' ? [''] : [];
        out.push({
            path: rel,
            startLine,
            endLine,
            replacement: [...original, ...gap, ...fix].join('\n'),
            ruleId: f.ruleId,
            explanation: `${f.ruleId}: ${f.title}`,
        });
    }
    return out;
}
async function publishSuggestions(input) {
    const { ctx, ev } = input;
    const files = ev.changed?.files;
    // Review comments need the diff's hunks, which only the API's file list carries.
    if (!(0,context/* isPullRequest */.r0)(ctx) || ctx.prNumber === undefined || !files)
        return undefined;
    const suggestions = buildSuggestions(ev.failing, input.workspace);
    if (suggestions.length === 0)
        return undefined;
    return postSuggestions(input.octokit, {
        owner: ctx.owner,
        repo: ctx.repo,
        pullNumber: ctx.prNumber,
        commitId: ctx.headSha,
        suggestions,
        files,
    });
}
/** True when the step fails: findings at fail-on, or (fail-on-unknown) subnets left undecided. */
function stepFails(ev, failOn, failOnDeployed, failOnUnknown = false) {
    return tally(ev, failOn, failOnDeployed, failOnUnknown).fails;
}

;// CONCATENATED MODULE: ./src/action/run.ts
/**
 * One run of the action from inputs to verdict: inputs, config, live state, evaluation, then every
 * publication. The runner's side (core.getInput, core.setOutput, the summary file, Octokit) comes in as
 * `deps`, so the tests drive exactly this with a stand-in GitHub server and recorders.
 */










async function run_readLive(inputs, deps) {
    // Loaded only when asked for: the Azure SDK is most of the bundle (dist/index.js was 8.4 MB with it),
    // and parsing it cost every run half a second before the scan started. The bundler puts it in a chunk.
    const { armEndpoint, liveCloud, liveCredential, readDeployed } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(110), __webpack_require__.e(923), __webpack_require__.e(194)]).then(__webpack_require__.bind(__webpack_require__, 4194));
    const live = inputs.live;
    const cloud = liveCloud(inputs.cloud);
    const state = await readDeployed({
        credential: deps.azureCredential ?? liveCredential(live, cloud, deps.getIdToken),
        cloud,
        endpoint: armEndpoint(live, cloud),
        subscriptionIds: live.subscriptionIds,
        ...(live.resourceGroups ? { resourceGroups: live.resourceGroups } : {}),
        effectiveRoutes: live.effectiveRoutes,
        timeBudgetMs: live.timeBudgetMs,
        ...(deps.azureClientOptions ? { clientOptions: deps.azureClientOptions } : {}),
    });
    // Warnings name the subscription or resource group; the credential is never part of them.
    for (const w of state.warnings)
        deps.log.warning(`Live Azure: ${w}`);
    for (const i of state.incomplete)
        deps.log.warning(`Live Azure: not read within live-time-budget: ${i}`);
    if (state.unchecked.length > 0)
        deps.log.warning(`Live Azure: effective routes not checked for ${state.unchecked.length} subnet(s); the job summary names them`);
    return state;
}
function urls(env, ctx) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
    // Links go to the commit judged (the pull request head, not the merge commit GITHUB_SHA names).
    const sha = ctx.headSha || env.GITHUB_SHA;
    return {
        ...(server && repo && sha ? { blobUrl: `${server}/${repo}/blob/${sha}` } : {}),
        ...(server && repo && id ? { runUrl: `${server}/${repo}/actions/runs/${id}` } : {}),
    };
}
/** The secrets of a run: each is masked by the runner and replaced by *** in any text we print. */
class Secrets {
    setSecret;
    known = [];
    constructor(setSecret) {
        this.setSecret = setSecret;
    }
    add(secret) {
        const s = secret?.trim();
        // Very short values would mask ordinary words; GitHub and Azure secrets are long.
        if (!s || s.length < 8 || this.known.includes(s))
            return;
        this.known.push(s);
        this.setSecret(s);
    }
    scrub(text) {
        let out = text;
        for (const s of this.known)
            out = out.split(s).join('***');
        return out;
    }
}
async function runGuard(input) {
    let deps = input;
    const { workspace } = deps;
    const ctx = (0,context/* contextFromEvent */.AV)(deps.env.GITHUB_EVENT_NAME ?? '', deps.payload, deps.env);
    const inputs = readActionInputs(deps.getInput, {
        workspace,
        pullRequest: (0,context/* comparesWithBase */.Qd)(ctx),
        env: deps.env,
    });
    // Every secret the action knows is registered before anything can log it (the runner masks it in
    // every later line) and scrubbed from what we print ourselves (an API error body may echo it).
    const secrets = new Secrets(deps.setSecret);
    secrets.add(inputs.token);
    secrets.add(deps.env.AZURE_CLIENT_SECRET);
    secrets.add(deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    const raw = deps.log;
    const log = {
        info: (m) => raw.info(secrets.scrub(m)),
        warning: (m) => raw.warning(secrets.scrub(m)),
    };
    deps = {
        ...deps,
        log,
        ...(input.getIdToken
            ? {
                getIdToken: async (audience) => {
                    const token = await input.getIdToken(audience);
                    secrets.add(token);
                    return token;
                },
            }
            : {}),
    };
    const client = inputs.token ? deps.octokitFor(inputs.token) : undefined;
    const config = loadConfig(external_node_path_.dirname(inputs.configFile), external_node_path_.basename(inputs.configFile));
    const live = inputs.live ? await run_readLive(inputs, deps) : undefined;
    const { blobUrl, runUrl } = urls(deps.env, ctx);
    const ev = await evaluate({
        ctx,
        workspace,
        scope: inputs.scope,
        scanOptions: {
            path: inputs.path,
            cloud: inputs.cloud,
            varFiles: inputs.varFiles,
            planFiles: inputs.planFiles,
            ...(live ? { deployed: live.deployed } : {}),
            ...(inputs.downloadModules ? { downloadModules: inputs.downloadModules } : {}),
            ...(inputs.baseline ? { baseline: inputs.baseline } : {}),
        },
        config,
        wantComparison: inputs.comment,
        ...(client ? { octokit: client } : {}),
        ...(deps.git ? { git: deps.git } : {}),
        ...(deps.early ? { early: deps.early } : {}),
        ...(deps.env.RUNNER_TEMP ? { tempRoot: deps.env.RUNNER_TEMP } : {}),
        ...(inputs.cacheDir ? { cacheDir: inputs.cacheDir } : {}),
    });
    for (const w of ev.warnings)
        log.warning(w);
    for (const l of ev.log ?? [])
        log.info(l);
    log.info(neutraliseCommands(toText(ev.result, workspace)).trimEnd());
    const failOnDeployed = inputs.live?.failOnDeployed ?? false;
    const summaryInput = {
        ev,
        workspace,
        failOn: inputs.failOn,
        failOnDeployed,
        event: (0,context/* comparesWithBase */.Qd)(ctx) ? 'pull-request' : 'branch',
        failOnUnknown: inputs.failOnUnknown,
        ...(blobUrl ? { blobUrl } : {}),
        ...(live ? { live } : {}),
    };
    // One model for the summary, the check run and the comment, so their verdicts and counts agree.
    const model = reportModel(summaryInput);
    let summary = composeSummary(summaryInput, model);
    const octokit = await client;
    const annotations = await publishAnnotations({
        ctx,
        ev,
        workspace,
        failOn: inputs.failOn,
        failOnDeployed,
        failOnUnknown: inputs.failOnUnknown,
        summary,
        model,
        ...(octokit ? { octokit } : {}),
        sink: deps.sink,
        log,
        ...(runUrl ? { detailsUrl: runUrl } : {}),
    });
    const hidden = hiddenNote(annotations);
    if (hidden)
        summary += `\n${hidden}`;
    await deps.writeSummary(summary);
    const outcome = { inputs, ctx, ev, summary, annotations, ...(live ? { live } : {}) };
    if (octokit && inputs.comment) {
        const comment = await publishComment({
            ctx,
            ev,
            model,
            workspace,
            failOnDeployed,
            whenClean: inputs.commentWhenClean,
            octokit,
            ...(runUrl ? { runUrl } : {}),
        });
        if (comment)
            outcome.comment = comment;
        if (comment && !comment.ok)
            log.warning(`Pull request comment not written: ${comment.reason}`);
        const suggestions = await publishSuggestions({ ctx, ev, workspace, octokit });
        if (suggestions)
            outcome.suggestions = suggestions;
        if (suggestions && !suggestions.ok)
            log.warning(`Suggestions not posted: ${suggestions.reason}`);
        else if (suggestions?.posted)
            log.info(`Posted ${suggestions.posted} suggestion(s).`);
    }
    // One tally for the outputs, the failure and (in publish) the headline and the check run.
    const t = tally_tally(ev, inputs.failOn, failOnDeployed, inputs.failOnUnknown);
    for (const [k, v] of Object.entries(tallyOutputs(t, ev.result.suppressed.length)))
        deps.setOutput(k, v);
    deps.setOutput('annotations', annotations.via);
    const verdict = ev.result.verdict;
    deps.setOutput('verdict', verdict.overall);
    deps.setOutput('subnets', verdict.subnets.length);
    deps.setOutput('reachable', verdict.reachable);
    deps.setOutput('blocked', verdict.blocked);
    deps.setOutput('undecided', verdict.undecided);
    log.info(`Verdict: ${verdictHeadline(verdict)}`);
    const failure = failureMessage(t, inputs.failOn, ev.scope, ev.result.verdict);
    if (failure)
        outcome.failure = failure;
    return outcome;
}

;// CONCATENATED MODULE: ./src/action/main.ts
/**
 * The GitHub Action: the runner's side of src/action/run.ts. Only this file touches the runner
 * (@actions/core: inputs, outputs, annotations, masks, the job summary, an OIDC token) and builds the GitHub
 * client of src/github/octokit.ts;
 * everything that decides something is passed these functions.
 */









/**
 * The GitHub client for `token`, loaded a turn of the event loop later: by then the run has started the git
 * processes of a pull request (src/action/pull-request.ts evaluate), which work while Octokit loads.
 */
function lazyClient(token) {
    const client = new Promise((start) => setImmediate(start))
        .then(() => Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(724)]).then(__webpack_require__.bind(__webpack_require__, 9724)))
        .then(({ githubClient, mannersFromEnv }) => githubClient(token, {
        baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        manners: mannersFromEnv(process.env),
        log: core/* info */.pq,
    }));
    // Awaited where it is used; a run that never uses it must not end on an unhandled rejection.
    client.catch(() => undefined);
    return client;
}
/** `early`: git's reads the entry started before this code loaded (src/compare/early-git.ts). */
async function run(early) {
    const startTime = new Date();
    let reportFile = '';
    let sarifFile = '';
    let finished = false;
    try {
        const workspace = (0,external_node_path_.resolve)(process.env.GITHUB_WORKSPACE || process.cwd());
        const payload = (0,context/* readEventPayload */.N5)(process.env);
        const outcome = await runGuard({
            workspace,
            env: process.env,
            payload,
            getInput: core/* getInput */.V4,
            setSecret: core/* setSecret */.Pq,
            setOutput: core/* setOutput */.uH,
            octokitFor: lazyClient,
            sink: { error: core/* error */.z3, warning: core/* warning */.$e, notice: core/* notice */.lm },
            // Warnings quote API and ARM messages: data, so it must not be able to issue workflow commands.
            log: { info: core/* info */.pq, warning: (m) => core/* warning */.$e(neutraliseCommands(m)) },
            writeSummary,
            getIdToken: (audience) => core/* getIDToken */.V9(audience),
            ...(early ? { early } : {}),
        });
        const { inputs, ev } = outcome;
        finished = true;
        if (inputs.reportFile) {
            reportFile = (0,external_node_path_.resolve)(workspace, inputs.reportFile);
            await writeText(reportFile, formatJsonReport(ev.result, workspace));
        }
        if (inputs.sarifFile) {
            sarifFile = (0,external_node_path_.resolve)(workspace, inputs.sarifFile);
            await writeText(sarifFile, formatSarif(ev.result, rules/* allRules */.V7, { startTime, exitCode: outcome.failure ? 1 : 0 }));
        }
        core/* setOutput */.uH('report-file', reportFile);
        core/* setOutput */.uH('sarif-file', sarifFile);
        if (outcome.failure)
            core/* setFailed */.C1(outcome.failure);
    }
    catch (error) {
        // The message only: a stack or an error object could carry more than a user should see in a log.
        const message = error instanceof Error ? error.message : String(error);
        // The outputs and the summary tell what happened: no verdict when the run did not get that far,
        // and only the reports that were written.
        core/* setOutput */.uH('report-file', reportFile);
        core/* setOutput */.uH('sarif-file', sarifFile);
        if (!finished) {
            core/* setOutput */.uH('verdict', 'error');
            await writeSummary(`## Azure KMS Guard could not finish\n\n${escapeMarkdown(message)}\n\n` +
                'No verdict was reached and no findings are reported for this run.\n').catch(() => undefined);
        }
        core/* setFailed */.C1(`Azure KMS Guard: ${message}`);
    }
}
async function writeText(file, text) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    await (0,promises_.writeFile)(file, text, 'utf8');
}
/** The summary only exists on a runner; a local run (act, tests) without it still gets everything else. */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        core/* debug */.Yz('GITHUB_STEP_SUMMARY is not set: no job summary written');
        return;
    }
    await core/* summary */.z.addRaw(markdown, true).write();
}


/***/ }),

/***/ 9692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X6: () => (/* binding */ substituted),
/* harmony export */   gj: () => (/* binding */ isPermissionError),
/* harmony export */   kE: () => (/* binding */ ApiTimeout),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   sR: () => (/* binding */ endpoint),
/* harmony export */   tF: () => (/* binding */ apiFailure)
/* harmony export */ });
/**
 * What a failed GitHub API call is, in a short, token-free reason (apiFailure) and a few predicates: the
 * callers (check run, comment, suggestions, changed files) degrade on these instead of failing the check.
 * Apart from the client (octokit.ts), so that code which only reads a failure does not load Octokit and
 * its HTTP stack: the action loads the client when it first needs it (src/action/main.ts).
 */
/** A request that got no (complete) reply in time. It carries `request` as Octokit's errors do. */
class ApiTimeout extends Error {
    timeoutMs;
    request;
    name = 'ApiTimeout';
    constructor(timeoutMs, request) {
        super(`GitHub did not answer within ${seconds(timeoutMs)}`);
        this.timeoutMs = timeoutMs;
        this.request = request;
    }
}
function seconds(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
/** Route options (`/repos/{owner}/{repo}/\u2026` and the parameters) with the parameters put in. */
function substituted(o) {
    const params = o;
    const url = o.url?.replace(/\{(\w+)\}/g, (whole, k) => typeof params[k] === 'string' || typeof params[k] === 'number'
        ? encodeURIComponent(String(params[k]))
        : whole);
    return { ...(o.method ? { method: o.method } : {}), ...(url ? { url } : {}) };
}
/** `POST /repos/o/r/check-runs`: the method and path of a request, without host or query. */
function endpoint(request) {
    if (!request?.url)
        return 'the API';
    let path = substituted(request).url;
    try {
        path = new URL(path, 'http://github.invalid').pathname;
    }
    catch {
        // Not a URL: keep the text as it is (it is ours, never a secret: the token is a header).
    }
    return `${request.method ?? 'GET'} ${path}`;
}
/** HTTP status of an Octokit RequestError, or undefined for network and other errors. */
function httpStatus(err) {
    const s = err?.status;
    return typeof s === 'number' ? s : undefined;
}
/**
 * `creating the check run failed: HTTP 403 Resource not accessible by integration (POST /repos/o/r/check-runs)`.
 * Octokit redacts the authorization header in the error's request, but the message is ours to keep
 * short: status, GitHub's own message, the endpoint and how many attempts were made.
 */
function apiFailure(err, what) {
    const request = err?.request;
    const where = request?.url ? ` (${endpoint(request)}${attempts(request.request?.retryCount)})` : '';
    if (err instanceof ApiTimeout)
        return `${what}: ${err.message}${where}`;
    const status = httpStatus(err);
    // A reply that is not JSON (a proxy's error page, a truncated body) surfaces as the parser's own
    // exception, whose text means nothing to a user: say what happened instead.
    if (status === undefined && (err instanceof SyntaxError || err instanceof TypeError))
        return `${what}: GitHub's reply could not be read (it is not valid JSON)${where}`;
    if (status === undefined && err?.name === 'AbortError')
        return `${what}: GitHub did not answer in time${where}`;
    const raw = err instanceof Error ? err.message : String(err);
    // Octokit gives a failed connection (refused, reset, DNS) status 500 but no response: not GitHub's 500.
    if (status === 500 && err.response === undefined)
        return `${what}: no reply from GitHub (${raw.split(/\r?\n/)[0].slice(0, 200)})${where}`;
    // GitHub's message is the first line; documentation URLs and request dumps are dropped.
    const message = raw
        .split(/\r?\n/)[0]
        .replace(/\s*-\s*https:\/\/docs\.github\.com\S*/, '')
        .slice(0, 200);
    return status !== undefined ? `${what}: HTTP ${status} ${message}${where}` : `${what}: ${message}${where}`;
}
function attempts(retryCount) {
    return typeof retryCount === 'number' && retryCount > 0 ? `, after ${retryCount + 1} attempts` : '';
}
/** 403/404 are what a fork's or a read-only token gets: a permission answer, not an outage. */
function isPermissionError(err) {
    const s = httpStatus(err);
    return s === 401 || s === 403 || s === 404;
}


/***/ })

};
;