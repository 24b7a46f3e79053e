"use strict";
exports.id = 886;
exports.ids = [886];
exports.modules = {

/***/ 886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EXIT_CLEAN: () => (/* reexport */ EXIT_CLEAN),
  EXIT_ERROR: () => (/* reexport */ EXIT_ERROR),
  EXIT_FINDINGS: () => (/* reexport */ EXIT_FINDINGS),
  EXIT_UNREADABLE: () => (/* reexport */ EXIT_UNREADABLE),
  USAGE: () => (/* binding */ USAGE),
  main: () => (/* binding */ main),
  runProgram: () => (/* binding */ runProgram)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
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

// EXTERNAL MODULE: ./src/rules/index.ts + 19 modules
var src_rules = __webpack_require__(3619);
;// CONCATENATED MODULE: ./src/rules/types.ts
const types_SEVERITY_ORDER = { notice: 1, warning: 2, error: 3 };

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
    const threshold = types_SEVERITY_ORDER[failOn];
    return findings.some((f) => types_SEVERITY_ORDER[f.severity] >= threshold);
}
/** Findings at or above `failOn` (for the failure message). */
function countAtOrAbove(findings, failOn) {
    if (failOn === 'never')
        return 0;
    return findings.filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[failOn]).length;
}
/** Most severe first, then by file, line and rule, so every report lists findings in the same order. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => types_SEVERITY_ORDER[b.severity] - types_SEVERITY_ORDER[a.severity] ||
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
    return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.notices, 'notice')}`;
}
function plural(n, word, many = `${word}s`) {
    return `${n} ${n === 1 ? word : many}`;
}

// EXTERNAL MODULE: ./src/report/tool.ts + 1 modules
var tool = __webpack_require__(8934);
;// CONCATENATED MODULE: ./src/cli/closest.ts
/**
 * "Did you mean": the valid word nearest to a mistyped one (flag, rule id, format), by edit distance.
 * Small and hand-written: the lists are a few dozen words, and no dependency is worth it.
 */
function closest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    const w = word.toLowerCase();
    for (const c of candidates) {
        const d = distance(w, c.toLowerCase());
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    // A suggestion further than half the word away is noise, not help.
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 2)) ? best : undefined;
}
/** Levenshtein distance (two rows). */
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++)
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row;
    }
    return prev[b.length];
}
/** `unknown X 'y'`, with the nearest valid spelling when there is one. */
function unknownWord(what, word, candidates) {
    const near = closest(word, candidates);
    return `unknown ${what} '${word}'${near ? ` (did you mean '${near}'?)` : ''}; valid: ${candidates.join(', ')}`;
}

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
function escapeMarkdownCell(s) {
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
;// CONCATENATED MODULE: ./src/report/azure-pipelines.ts




/** The agent's escaping (VssStringUtil): `%` first, then line breaks, and in properties `;` and `]`. */
function escapeData(s) {
    return breakCommands(stripControl(s)).replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return escapeData(s).replace(/;/g, '%3B').replace(/]/g, '%5D');
}
/** A zero-width space splits the markers the agent looks for anywhere in a line. */
function breakCommands(s) {
    return s.replace(/##vso\[/gi, '##\u200bvso[').replace(/##\[/g, '#\u200b#[');
}
const TYPE = {
    error: 'error',
    warning: 'warning',
    // Azure DevOps has no notice level: a notice is a warning there, and its text says it is a notice.
    notice: 'warning',
};
function formatAzurePipelines(result, cwd) {
    const lines = [];
    for (const f of sortFindings(result.findings)) {
        const props = [
            `type=${TYPE[f.severity]}`,
            `sourcepath=${escapeProperty((0,report_paths/* displayPath */.Gt)(f.location.file, cwd))}`,
            `linenumber=${f.location.startLine}`,
            `code=${escapeProperty(f.ruleId)}`,
        ];
        const level = f.severity === 'notice' ? ' (notice)' : '';
        lines.push(`##vso[task.logissue ${props.join(';')};]${escapeData(`${f.ruleId}${level}: ${f.title}. ${messageWithPaths(f)}`)}`);
    }
    lines.push(`azure-kms-guard: ${describeCounts(countFindings(result.findings))}; ${result.filesScanned} files scanned`);
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/compare/new-findings.ts
var new_findings = __webpack_require__(7832);
;// CONCATENATED MODULE: ./src/report/gitlab.ts
/**
 * GitLab Code Quality (`--format gitlab`, for `artifacts:reports:codequality`): a JSON array of issues
 * with a description, check name, fingerprint, severity and location. The fingerprint is the finding's
 * identity (see src/compare), so GitLab's merge request widget tells new from existing across runs.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */





const SEVERITY = {
    error: 'critical',
    warning: 'major',
    notice: 'info',
};
function toGitlabCodeQuality(result, cwd) {
    const seen = new Map();
    return sortFindings(result.findings).map((f) => {
        let fingerprint = (0,external_node_crypto_.createHash)('md5').update((0,new_findings/* findingKey */.fl)(f, result.root)).digest('hex');
        // Two findings with one identity (rare: the same rule on two lines of one resource) stay distinct.
        const n = seen.get(fingerprint) ?? 0;
        seen.set(fingerprint, n + 1);
        if (n > 0)
            fingerprint = (0,external_node_crypto_.createHash)('md5').update(`${fingerprint}:${n}`).digest('hex');
        return {
            description: `${f.ruleId}: ${f.title}. ${messageWithPaths(f)}`,
            check_name: f.ruleId,
            fingerprint,
            severity: SEVERITY[f.severity],
            location: {
                path: (0,report_paths/* displayPath */.Gt)(f.location.file, cwd),
                lines: { begin: f.location.startLine, end: f.location.endLine },
            },
        };
    });
}
function formatGitlab(result, cwd) {
    return JSON.stringify(toGitlabCodeQuality(result, cwd), null, 2) + '\n';
}

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

;// CONCATENATED MODULE: ./src/report/junit.ts




function xml(s) {
    return (s
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
        .replace(/[\ud800-\udfff]/g, (c, i, all) => {
        const code = c.charCodeAt(0);
        // Keep well-formed surrogate pairs, drop lone halves (not allowed in XML).
        if (code <= 0xdbff)
            return /[\udc00-\udfff]/.test(all[i + 1] ?? '') ? c : '';
        return /[\ud800-\udbff]/.test(all[i - 1] ?? '') ? c : '';
    })
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;'));
}
function formatJunit(result, cwd, rules) {
    const findings = sortFindings(result.findings);
    const suites = [];
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const rule of rules) {
        const mine = findings.filter((f) => f.ruleId === rule.id);
        const cases = [];
        let suiteFailures = 0;
        let suiteSkipped = 0;
        for (const f of mine) {
            const where = `${(0,report_paths/* displayPath */.Gt)(f.location.file, cwd)}:${f.location.startLine}`;
            const name = xml(`${f.resource} (${where})`);
            const body = xml([f.message, pathsLine(f) ?? '', f.fix ? `Fix:\n${f.fix}` : ''].filter(Boolean).join('\n\n'));
            if (f.severity === 'notice') {
                suiteSkipped++;
                cases.push(`    <testcase classname="${rule.id}" name="${name}" file="${xml(where)}">\n      <skipped message="${xml(`notice: ${f.title}`)}">${body}</skipped>\n    </testcase>`);
            }
            else {
                suiteFailures++;
                cases.push(`    <testcase classname="${rule.id}" name="${name}" file="${xml(where)}">\n      <failure type="${f.severity}" message="${xml(`${f.ruleId}: ${f.title}`)}">${body}</failure>\n    </testcase>`);
            }
        }
        if (mine.length === 0)
            cases.push(`    <testcase classname="${rule.id}" name="${xml(`${rule.id}: ${rule.title}`)}"/>`);
        tests += cases.length;
        failures += suiteFailures;
        skipped += suiteSkipped;
        suites.push(`  <testsuite name="${xml(`${rule.id}: ${rule.title}`)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">\n${cases.join('\n')}\n  </testsuite>`);
    }
    return (`<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<testsuites name="${tool/* TOOL_NAME */.lH}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n` +
        `${suites.join('\n')}\n</testsuites>\n`);
}

;// CONCATENATED MODULE: ./src/report/verdict.ts

const KMS = 'Windows activation (KMS, TCP 1688)';
/** e.g. "Windows activation (KMS, TCP 1688) is blocked for 1 of 3 subnets; could not be decided for 1". */
function verdictHeadline(v) {
    const total = v.subnets.length;
    const files = `${plural(v.files.read, 'file')} read, ${v.files.skipped} skipped`;
    switch (v.overall) {
        case 'none':
            return (`No Azure subnet found to judge (${files}${v.unusedRouteTables > 0 ? `; ${plural(v.unusedRouteTables, 'route table')} no subnet uses` : ''}): ` +
                `${KMS} was not checked for any VM`);
        case 'blocked':
            return (`${KMS} is blocked for ${v.blocked} of ${plural(total, 'subnet')}` +
                (v.undecided > 0 ? `; could not be decided for ${v.undecided}` : '') +
                (v.reachable > 0 ? `; reachable from ${v.reachable}` : ''));
        case 'undecided':
            return (`${KMS} could not be decided for ${v.undecided} of ${plural(total, 'subnet')}` +
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
            return `add ${plural(c.addresses.length, '/32 route')} to Internet in ${where(c.table, 'route table', 'each route table')}`;
        case 'allow-kms-firewall':
            return `allow TCP ${catalogue/* KMS_PORT */.GO} to ${plural(c.addresses.length, 'KMS address', 'KMS addresses')} on ${where(c.policy ?? c.firewall, c.policy ? 'policy' : 'firewall', 'each firewall')}`;
        case 'allow-kms-nsg':
            return `allow TCP ${catalogue/* KMS_PORT */.GO} to KMS before ${where(c.deny, 'rule', 'the deny rule')}`;
        case 'add-outbound':
            return `give ${where(c.subnet, 'subnet', 'each subnet')} a NAT gateway or outbound access`;
        case 'enable-dns-proxy':
            return `enable DNS proxy on ${where(c.target, isPolicy(c.target) ? 'policy' : 'firewall', 'the firewall policy')}`;
        case 'set-destinations':
            return `name ${plural(c.addresses.length, 'KMS address', 'KMS addresses')} in ${where(c.rule, 'rule', 'each rule')}`;
    }
}
/** The rule's general fix, up to its first sentence break, lower-cased for the line. */
function ruleFix(id) {
    const text = src_rules/* allRules */.V7.find((r) => r.id === id)?.fix ?? 'see the details';
    const first = text.split(/(?<=\.)\s|,\s+or\s|\s\(/)[0].replace(/\.$/, '');
    return first.charAt(0).toLowerCase() + first.slice(1);
}

// EXTERNAL MODULE: ./src/rules/identity.ts
var identity = __webpack_require__(9389);
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
            `${v.undecided} of ${plural(v.subnets.length, 'subnet')}` +
            `${warnings > 0 ? `, and ${plural(warnings, 'warning')} need a look` : ''}; ${check}.`);
    if (errors > 0) {
        const whom = c.blockedSubnets > 0 ? plural(c.blockedSubnets, 'subnet') : plural(errors, 'error');
        const rest = [
            warnings > 0 ? plural(warnings, 'warning') : '',
            notices > 0 ? plural(notices, 'notice') : '',
        ]
            .filter((s) => s !== '')
            .join(' and ');
        return `${subject} blocks ${model_KMS} for ${whom}${rest ? `, with ${rest}` : ''}; ${check}.`;
    }
    if (warnings > 0)
        return (`${subject} does not block ${model_KMS}, but ${plural(warnings, 'warning')} ` +
            `${notices > 0 ? `and ${plural(notices, 'notice')} ` : ''}need a look; ${check}.`);
    if (notices > 0)
        return (`${subject} does not block ${model_KMS} where the scan could follow it; ${plural(notices, 'notice')} ` +
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
    return `${plural(names.length, 'subnet')} (${names.slice(0, max).map(escapeMarkdown).join(', ')}, \u2026)`;
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
        out.push(`The same cause and fix for ${plural(g.findings.length, 'finding')}.`, '');
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
        out.push(`_\u2026 the same change in ${plural(texts.length - 2, 'more place')} (see the annotations)._`, '');
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
            body.push(`_${plural(m.paths.length - 10, 'more path')} in the job summary._`);
        out.push(...details(`Paths KMS traffic takes (${m.paths.length})`, body));
    }
    if (m.lines.length > 0) {
        const body = m.lines.slice(0, maxDetails).flatMap((g) => groupDetails(g, m));
        if (m.lines.length > maxDetails)
            body.push(`_${m.lines.length - maxDetails} more in the check run._`);
        out.push(...details(`Why, and how to fix it (${plural(m.counts.failing.total, 'finding')})`, body));
    }
    if (m.undecided.length > 0)
        out.push(...details(`Not decided: ${plural(m.undecided.length, 'subnet')}`, m.undecided.slice(0, maxDetails).map((s) => `- ${escapeMarkdown(subnetVerdictLine(s))}`)));
    if (m.existing.length > 0)
        out.push(...details(`${m.event === 'pull-request' ? 'Not introduced by this change' : 'Not failing'}: ${plural(m.counts.existing, 'finding')}`, listGroups(m.existing, maxDetails)));
    if (m.fixed.length > 0)
        out.push(...details(`Fixed by this change: ${plural(m.counts.fixed, 'finding')}`, listGroups(m.fixed, maxDetails)));
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
        out.push(...details(`Suppressed: ${plural(m.counts.suppressed, 'finding')}`, body));
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
        `- ${plural(m.filesScanned, 'file')} scanned; clouds judged: ${m.clouds.map(escapeMarkdown).join(', ')}`,
    ]));
    if (options.runUrl && /^https:\/\/[^\s()<>]+$/.test(options.runUrl))
        out.push(`[Full report](${options.runUrl})`, '');
    return out.join('\n').trimEnd() + '\n';
}

;// CONCATENATED MODULE: ./src/report/markdown.ts


function toMarkdown(result, cwd, options = {}) {
    const model = buildReport({
        result,
        root: cwd,
        event: options.event ?? 'cli',
        failOn: options.failOn ?? 'error',
        failOnUnknown: options.failOnUnknown === true,
        ...(options.blobUrl ? { blobUrl: options.blobUrl } : {}),
    });
    return renderReport(model, 'markdown', options);
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
    const scanned = `${plural(result.filesScanned, 'file')} scanned (${clouds})`;
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
    out.push(`${paint('bold', describeCounts(counts))} (${plural(counts.total, 'finding')}); ${scanned}`);
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

;// CONCATENATED MODULE: ./src/cli/formats.ts
/** The CLI's output formats, each a view of one ScanResult. */








const FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit', 'gitlab', 'azure-pipelines'];
const FORMAT_HELP = {
    text: 'a table for people (the default)',
    json: 'the JSON report (docs: README, "JSON report")',
    sarif: 'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers',
    markdown: 'the job summary as Markdown',
    junit: 'JUnit XML, for Azure DevOps PublishTestResults and GitLab reports:junit',
    gitlab: 'GitLab Code Quality JSON, for artifacts:reports:codequality',
    'azure-pipelines': 'Azure DevOps ##vso[task.logissue] logging commands',
};
function render(format, result, o) {
    switch (format) {
        case 'json':
            return formatJsonReport(result, o.cwd);
        case 'sarif':
            return formatSarif(result, src_rules/* allRules */.V7, {
                ...(o.startTime ? { startTime: o.startTime } : {}),
                ...(o.exitCode !== undefined ? { exitCode: o.exitCode } : {}),
            });
        case 'markdown':
            return toMarkdown(result, o.cwd, { failOn: o.failOn, failOnUnknown: o.failOnUnknown === true }) + '\n';
        case 'junit':
            return formatJunit(result, o.cwd, src_rules/* allRules */.V7);
        case 'gitlab':
            return formatGitlab(result, o.cwd);
        case 'azure-pipelines':
            return formatAzurePipelines(result, o.cwd);
        case 'text':
            return toText(result, o.cwd, { color: o.color, ...(o.columns ? { width: o.columns } : {}) });
    }
}

;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * The CLI's command line: flags into options, every mistake a usage error (exit 2) that names the
 * nearest valid spelling. Flags override the config file; the config file overrides defaults.
 */








class UsageError extends Error {
}
const COMMANDS = ['scan', 'hook'];
const OPTIONS = {
    format: { type: 'string', short: 'f', multiple: true },
    output: { type: 'string', short: 'o', multiple: true },
    config: { type: 'string' },
    cloud: { type: 'string' },
    'var-file': { type: 'string', multiple: true },
    plan: { type: 'string', multiple: true },
    rule: { type: 'string', multiple: true },
    'skip-rule': { type: 'string', multiple: true },
    'fail-on': { type: 'string' },
    'severity-threshold': { type: 'string' },
    'fail-on-unreadable': { type: 'boolean' },
    'fail-on-unknown': { type: 'boolean' },
    baseline: { type: 'string' },
    'download-modules': { type: 'boolean' },
    'module-cache': { type: 'string' },
    'module-registry': { type: 'string', multiple: true },
    'baseline-write': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
};
const RULE_IDS = src_rules/* allRules */.V7.map((r) => r.id);
const FLAG_NAMES = Object.keys(OPTIONS).map((k) => `--${k}`);
function ruleIds(values, flag) {
    return (values ?? []).flatMap((v) => v
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean)
        .map((id) => {
        if (!RULE_IDS.includes(id))
            throw new UsageError(`${flag}: ${unknownWord('rule', id, RULE_IDS)}`);
        return id;
    }));
}
function format(value) {
    if (FORMATS.includes(value))
        return value;
    throw new UsageError(`--format: ${unknownWord('format', value, FORMATS)}`);
}
/**
 * `--format a --output x --format b --output y`: the n-th plain --output takes the n-th --format; `--output
 * FORMAT=FILE` names its own. A format left without a file goes to stdout; only one may.
 */
function destinations(formats, outputs) {
    const plain = [];
    const out = [];
    for (const o of outputs) {
        const m = o.match(/^([a-z-]+)=(.+)$/);
        if (m && FORMATS.includes(m[1]))
            out.push({ format: m[1], file: m[2] });
        else
            plain.push(o);
    }
    const fmts = formats.map(format);
    if (plain.length > fmts.length)
        throw new UsageError(`--output ${plain[fmts.length]} has no --format to write (use --format F for each --output, or --output FORMAT=FILE)`);
    fmts.forEach((f, i) => out.push(plain[i] !== undefined ? { format: f, file: plain[i] } : { format: f }));
    const toStdout = out.filter((d) => d.file === undefined);
    if (toStdout.length > 1)
        throw new UsageError(`only one format can go to stdout (got ${toStdout.map((d) => d.format).join(', ')}): give the others an --output`);
    if (out.length === 0)
        out.push({ format: 'text' });
    return out;
}
/** Node's parseArgs message for an unknown flag, with the nearest valid one. */
function explainParseError(error) {
    const message = error instanceof Error ? error.message : String(error);
    const m = message.match(/Unknown option '(-{1,2}[^']+)'/);
    if (!m)
        return message.split('. ')[0];
    const near = closest(m[1], FLAG_NAMES);
    return `unknown option '${m[1]}'${near ? ` (did you mean '${near}'?)` : ''}`;
}
function parseCommandLine(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
    }
    catch (error) {
        throw new UsageError(explainParseError(error));
    }
    const { values: v, positionals } = parsed;
    const [command, ...rest] = positionals;
    const base = {
        paths: rest,
        varFiles: v['var-file'] ?? [],
        planFiles: v.plan ?? [],
        quiet: v.quiet === true,
        verbose: v.verbose === true,
        failOnUnreadable: v['fail-on-unreadable'] === true,
        failOnUnknown: v['fail-on-unknown'] === true,
    };
    if (v.help)
        return { ...defaults(), ...base, command: 'help' };
    if (v.version)
        return { ...defaults(), ...base, command: 'version' };
    if (command === undefined)
        throw new UsageError(`missing command: ${COMMANDS.join(' or ')}`);
    if (!COMMANDS.includes(command))
        throw new UsageError(unknownWord('command', command, COMMANDS));
    if (command === 'scan' && rest.length > 1)
        throw new UsageError(`scan takes one PATH (got also '${rest.slice(1).join("', '")}')`);
    if (v.quiet && v.verbose)
        throw new UsageError('--quiet and --verbose exclude each other');
    if (v.baseline !== undefined && v['baseline-write'] !== undefined)
        throw new UsageError('--baseline and --baseline-write exclude each other: write a baseline from a full scan');
    let cloud;
    if (v.cloud !== undefined) {
        cloud = parseCloud(v.cloud);
        if (!cloud)
            throw new UsageError(`--cloud: ${unknownWord('cloud', v.cloud, ['auto', ...catalogue/* CLOUDS */.JJ])}`);
    }
    if (v['fail-on'] !== undefined && v['severity-threshold'] !== undefined)
        throw new UsageError('--fail-on and --severity-threshold are the same option: give one');
    const failOnInput = v['fail-on'] ?? v['severity-threshold'] ?? 'error';
    const failOn = parseFailOn(failOnInput);
    if (!failOn)
        throw new UsageError(`--fail-on: ${unknownWord('level', failOnInput, FAIL_ON_LEVELS)}`);
    const onlyRules = ruleIds(v.rule, '--rule');
    const skipRules = ruleIds(v['skip-rule'], '--skip-rule');
    const both = onlyRules.find((r) => skipRules.includes(r));
    if (both)
        throw new UsageError(`${both} is given to both --rule and --skip-rule`);
    let registries;
    try {
        registries = parseRegistries(v['module-registry'] ?? []);
    }
    catch (e) {
        throw new UsageError(`--${e.message}`);
    }
    if (!v['download-modules'] && (v['module-cache'] !== undefined || registries.size > 0))
        throw new UsageError('--module-cache and --module-registry need --download-modules');
    return {
        ...base,
        command: command,
        paths: command === 'scan' ? (rest.length > 0 ? rest : ['.']) : rest,
        outputs: destinations(v.format ?? [], v.output ?? []),
        ...(v.config !== undefined ? { config: v.config } : {}),
        ...(cloud ? { cloud } : {}),
        onlyRules,
        skipRules,
        failOn,
        ...(v.baseline !== undefined ? { baseline: v.baseline } : {}),
        ...(v['baseline-write'] !== undefined ? { baselineWrite: v['baseline-write'] } : {}),
        ...(v['download-modules']
            ? {
                downloadModules: {
                    registries,
                    ...(v['module-cache'] !== undefined ? { cacheDir: v['module-cache'] } : {}),
                },
            }
            : {}),
    };
}
function defaults() {
    return {
        command: 'help',
        paths: [],
        outputs: [{ format: 'text' }],
        varFiles: [],
        planFiles: [],
        onlyRules: [],
        skipRules: [],
        failOn: 'error',
        failOnUnreadable: false,
        failOnUnknown: false,
        quiet: false,
        verbose: false,
    };
}
const pad = (s, n) => s.padEnd(n);
function usage() {
    const rules = src_rules/* allRules */.V7.map((r) => `  ${r.id}  ${r.title} (${r.severity})`).join('\n');
    const formats = FORMATS.map((f) => `  ${pad(f, 16)} ${FORMAT_HELP[f]}`).join('\n');
    return `Usage: ${tool/* TOOL_NAME */.lH} scan [PATH] [options]
       ${tool/* TOOL_NAME */.lH} hook FILE...     (pre-commit: scans the folders of the staged files)

Finds what in Azure network code breaks Windows activation against Azure KMS (TCP 1688):
forced tunnels, firewalls, NSGs and routes that keep a VM from reaching the KMS addresses.

Sources read under PATH (default .):
  Terraform        .tf, .tf.json, .tfvars, .tfvars.json, \`terraform show -json\` plans
  Bicep            .bicep, .bicepparam (local modules, Azure Verified Modules)
  ARM              deployment templates and parameter files (.json)

Options:
  -f, --format F            output format, repeatable (default: text); see below
  -o, --output FILE         write the n-th --format to FILE (or --output FORMAT=FILE); repeatable
      --config FILE         config file (default: .azure-kms-guard.yml in PATH, if there)
      --cloud NAME          auto, ${catalogue/* CLOUDS */.JJ.join(', ')} (default: the config's, else auto)
      --var-file FILE       Terraform var file; repeatable, later wins
      --plan FILE           \`terraform show -json\` plan to judge; repeatable
      --rule ID             run only these rules (repeatable or comma separated); KMS012 stays on
      --skip-rule ID        turn these rules off (repeatable or comma separated)
      --fail-on LEVEL       error, warning, notice or never (default: error); alias --severity-threshold
      --fail-on-unreadable  exit 3 when a file could not be read or parsed
      --fail-on-unknown     exit 1 also when a subnet's KMS path could not be decided, or no
                            subnet was found to judge (default: off)
      --baseline FILE       report only findings not in this baseline, and which baseline entries are fixed
      --baseline-write FILE record this scan's findings as a baseline
      --download-modules    fetch Terraform registry and git modules \`terraform init\` has not
                            installed (TF_TOKEN_<host> tokens go to their own host only)
      --module-cache DIR    where downloaded modules are kept (default: $RUNNER_TEMP or the temp folder)
      --module-registry [HOST=]URL
                            use URL for the module registry HOST (default registry.terraform.io)
  -q, --quiet               no progress and no summary line on stderr
      --verbose             per-stage timings on stderr; every KMS011 notice on its own
  -h, --help                show this help
  -v, --version             show the version

Output formats:
${formats}

Rules:
${rules}

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on; with --fail-on-unknown also an undecided subnet or nothing
     to judge
  2  usage or configuration error (a bad flag, a bad config file, a missing path)
  3  with --fail-on-unreadable: a file could not be read or parsed (takes precedence over 1)
`;
}

// EXTERNAL MODULE: ./src/analysis/verdict.ts
var verdict = __webpack_require__(7319);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
// EXTERNAL MODULE: ./node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __webpack_require__(8280);
var ipaddr_default = /*#__PURE__*/__webpack_require__.n(ipaddr);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
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

// EXTERNAL MODULE: ./src/compare/baseline.ts
var baseline = __webpack_require__(5460);
// EXTERNAL MODULE: ./src/pipeline/scan-isolated.ts + 3 modules
var scan_isolated = __webpack_require__(1648);
// EXTERNAL MODULE: ./src/sources/parsing/discover.ts
var discover = __webpack_require__(3146);
// EXTERNAL MODULE: ./src/pipeline/stage-stats.ts
var stage_stats = __webpack_require__(5558);
;// CONCATENATED MODULE: ./src/cli/progress.ts
class Progress {
    write;
    delayMs;
    started = Date.now();
    shown = false;
    last = 0;
    constructor(write, delayMs = 1000) {
        this.write = write;
        this.delayMs = delayMs;
    }
    update(p) {
        const now = Date.now();
        if (now - this.started < this.delayMs || now - this.last < 100)
            return;
        this.last = now;
        this.shown = true;
        this.write(`\r\u001b[2Kscanning: ${p.files} files, ${p.units} units judged`);
    }
    done() {
        if (this.shown)
            this.write('\r\u001b[2K');
    }
}

;// CONCATENATED MODULE: ./src/cli/run.ts
/**
 * One CLI run from parsed options to exit code: config, scan (or one scan per staged root for the
 * pre-commit hook), baseline, every requested report, the summary line on stderr.
 */


















const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;
const EXIT_UNREADABLE = 3;
/**
 * The config named by --config, else `.azure-kms-guard.yml` in the scanned folder; problems are usage errors.
 */
function readConfig(opts, root, io) {
    let dir = (0,external_node_fs_.statSync)(root).isFile() ? (0,external_node_path_.dirname)(root) : root;
    let name;
    if (opts.config !== undefined) {
        const file = (0,external_node_path_.resolve)(io.cwd, opts.config);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new UsageError(`--config: ${opts.config} not found`);
        dir = (0,external_node_path_.dirname)(file);
        name = (0,external_node_path_.basename)(file);
    }
    const loaded = loadConfig(dir, name);
    if (loaded.problems.length > 0) {
        const where = (p) => `${(0,report_paths/* displayPath */.Gt)(p.file.includes(external_node_path_.sep) ? p.file : (0,external_node_path_.resolve)(dir, p.file), io.cwd)}${p.line ? `:${p.line}` : ''}`;
        throw new UsageError(`the config file has ${plural(loaded.problems.length, 'problem')}:\n` +
            loaded.problems.map((p) => `  ${where(p)}: ${plainLine(p.message)}`).join('\n'));
    }
    // Flags win over the file: --rule keeps only the named rules (and KMS012: an unread file is never
    // judged, so it is not a rule one opts into), --skip-rule turns rules off.
    const rules = { ...loaded.config.rules };
    if (opts.onlyRules.length > 0)
        for (const r of src_rules/* allRules */.V7)
            if (!opts.onlyRules.includes(r.id) && r.id !== 'KMS012')
                rules[r.id] = 'off';
    for (const r of opts.skipRules)
        rules[r] = 'off';
    return { loaded: { ...loaded, config: { ...loaded.config, rules } }, dir };
}
function loadBaseline(opts, io) {
    if (opts.baseline === undefined)
        return undefined;
    const file = (0,external_node_path_.resolve)(io.cwd, opts.baseline);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new UsageError(`--baseline: ${opts.baseline} not found`);
    try {
        return (0,baseline/* readBaseline */.mF)(file);
    }
    catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
    }
}
/**
 * The git repository `path` is in (the nearest folder above holding `.git`, a folder or a worktree's
 * file), where local modules outside the scanned path are read from, as Terraform reads them. Hand-written:
 * a walk up the tree, so the CLI needs no git binary for it.
 */
function repository(path) {
    for (let dir = (0,external_node_path_.resolve)(path);; dir = (0,external_node_path_.dirname)(dir)) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(dir, '.git')))
            return dir;
        if ((0,external_node_path_.dirname)(dir) === dir)
            return undefined;
    }
}
async function scanRoot(path, opts, io, last, progress) {
    const root = (0,external_node_path_.resolve)(io.cwd, path);
    if (!(0,external_node_fs_.existsSync)(root))
        throw new UsageError(`path not found: ${path}`);
    const { loaded, dir } = readConfig(opts, root, io);
    const baseline = loadBaseline(opts, io);
    const repo = repository(root);
    return (0,scan_isolated/* scanIsolated */.xv)({
        ...(baseline ? { baseline } : {}),
        path: root,
        cloud: opts.cloud ?? 'auto',
        varFiles: opts.varFiles.map((f) => (0,external_node_path_.resolve)(io.cwd, f)),
        planFiles: opts.planFiles.map((f) => (0,external_node_path_.resolve)(io.cwd, f)),
        ...(opts.downloadModules
            ? {
                downloadModules: {
                    registries: opts.downloadModules.registries,
                    ...(opts.downloadModules.cacheDir !== undefined
                        ? { cacheDir: (0,external_node_path_.resolve)(io.cwd, opts.downloadModules.cacheDir) }
                        : {}),
                },
            }
            : {}),
        config: loaded,
        repoRoot: dir,
        ...(repo !== undefined ? { readRoot: repo } : {}),
        verbose: opts.verbose,
        lastScan: last,
        ...(io.workers !== undefined ? { workers: io.workers } : {}),
        ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
    });
}
/**
 * The pre-commit hook's roots: the folders of the staged IaC files (a Terraform root module, a Bicep
 * or ARM deployment lives in one folder), without folders inside another one already listed.
 */
function hookRoots(files, cwd) {
    const dirs = [
        ...new Set(files.filter((f) => (0,discover/* classify */.L8)(f) !== undefined).map((f) => (0,external_node_path_.dirname)((0,external_node_path_.resolve)(cwd, f)))),
    ].sort();
    return dirs.filter((d) => !dirs.some((o) => o !== d && !(0,external_node_path_.relative)(o, d).startsWith('..') && !(0,external_node_path_.isAbsolute)((0,external_node_path_.relative)(o, d))));
}
function merge(results, cwd) {
    return {
        clouds: [...new Set(results.flatMap((r) => r.clouds))],
        findings: results.flatMap((r) => r.findings),
        suppressed: results.flatMap((r) => r.suppressed),
        filesScanned: results.reduce((n, r) => n + r.filesScanned, 0),
        root: cwd,
        verdict: (0,verdict/* scanVerdict */.nj)(results.flatMap((r) => r.verdict.subnets), {
            read: results.reduce((n, r) => n + r.verdict.files.read, 0),
            skipped: results.reduce((n, r) => n + r.verdict.files.skipped, 0),
        }, results.reduce((n, r) => n + r.verdict.unusedRouteTables, 0)),
    };
}
/**
 * KMS012: files the scan could not read or parse; what they declare was not judged. Not the notices about
 * what the scan chose to leave out or about suppression comments (`readFine`): their files were read.
 */
const unreadable = (findings) => findings.filter((f) => f.ruleId === 'KMS012' && !f.readFine);
async function runCli(opts, io) {
    const startTime = new Date();
    const say = (line) => {
        if (!opts.quiet)
            io.stderr(`${tool/* TOOL_NAME */.lH}: ${line}\n`);
    };
    if (opts.verbose)
        (0,stage_stats/* onStage */.G)((t) => io.stderr(`${tool/* TOOL_NAME */.lH}: stage ${t.name}: ${t.ms.toFixed(0)} ms, heap ${t.heapMB.toFixed(0)} MB, rss ${t.rssMB.toFixed(0)} MB\n`));
    const progress = io.progress && !opts.quiet ? new Progress(io.stderr) : undefined;
    let result;
    try {
        if (opts.command === 'hook') {
            const roots = hookRoots(opts.paths, io.cwd);
            const results = [];
            for (const [i, r] of roots.entries())
                results.push(await scanRoot(r, opts, io, i === roots.length - 1, progress));
            result = merge(results, io.cwd);
        }
        else
            result = await scanRoot(opts.paths[0] ?? '.', opts, io, true, progress);
    }
    finally {
        progress?.done();
        if (opts.verbose)
            (0,stage_stats/* onStage */.G)(undefined);
    }
    if (opts.baselineWrite !== undefined) {
        const file = (0,external_node_path_.resolve)(io.cwd, opts.baselineWrite);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
        await (0,promises_.writeFile)(file, JSON.stringify((0,baseline/* toBaseline */.Fd)(result.findings, result.root), null, 2) + '\n', 'utf8');
        say(`baseline of ${plural(result.findings.length, 'finding')} written to ${(0,report_paths/* displayPath */.Gt)(file, io.cwd)}`);
    }
    if (result.baseline) {
        const { known, fixed } = result.baseline;
        say(`baseline: ${plural(result.findings.length, 'new finding')}, ${plural(known, 'finding')} already in it` +
            `, ${fixed.length} of its entries fixed`);
        for (const e of fixed)
            say(`  fixed: ${plainLine(`${e.ruleId} ${e.resource} (${e.file}:${e.line})`)}`);
    }
    // Decided before the reports are written: SARIF's invocation records it.
    const broken = unreadable(result.findings);
    const fails = failsAt(result.findings, opts.failOn) || verdictFails(result.verdict, opts.failOnUnknown);
    const exitCode = opts.failOnUnreadable && broken.length > 0 ? EXIT_UNREADABLE : fails ? EXIT_FINDINGS : EXIT_CLEAN;
    for (const d of opts.outputs) {
        const text = render(d.format, result, {
            startTime,
            exitCode,
            cwd: io.cwd,
            failOn: opts.failOn,
            failOnUnknown: opts.failOnUnknown,
            color: d.file === undefined && io.color === true,
            ...(io.columns ? { columns: io.columns } : {}),
        });
        if (d.file === undefined)
            io.stdout(text);
        else {
            const file = (0,external_node_path_.resolve)(io.cwd, d.file);
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
            await (0,promises_.writeFile)(file, text, 'utf8');
            say(`${d.format} report written to ${(0,report_paths/* displayPath */.Gt)(file, io.cwd)}`);
        }
    }
    if (broken.length > 0) {
        const files = [...new Set(broken.map((f) => (0,report_paths/* displayPath */.Gt)(f.location.file, io.cwd)))];
        say(`${plural(files.length, 'file')} could not be read or parsed, so what they declare was not judged: ` +
            plainLine(files.slice(0, 5).join(', ') + (files.length > 5 ? `, and ${files.length - 5} more` : '')) +
            (opts.failOnUnreadable ? '' : ' (--fail-on-unreadable makes this exit 3)'));
    }
    if (opts.outputs.every((d) => d.file !== undefined)) {
        say(describeCounts(countFindings(result.findings)));
        say(plainLine(verdictHeadline(result.verdict)));
    }
    return exitCode;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The CLI: `azure-kms-guard scan [PATH]` (and `hook FILE...` for pre-commit). The same pipeline and
 * reporters as the action; exit codes are the contract with scripts (see `--help` and README). The
 * program (dist/cli/index.js) is bin.ts, which starts the scan worker before it loads this module.
 */





const USAGE = usage();
async function main(argv, io) {
    try {
        const opts = parseCommandLine(argv);
        if (opts.command === 'help') {
            io.stdout(USAGE);
            return EXIT_CLEAN;
        }
        if (opts.command === 'version') {
            io.stdout(`${tool/* TOOL_VERSION */.wr}\n`);
            return EXIT_CLEAN;
        }
        return await runCli(opts, io);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof UsageError) {
            // Config problems span lines (one per problem); each line is made safe on its own.
            io.stderr(`${tool/* TOOL_NAME */.lH}: ${message.split('\n').map(plainLine).join('\n')}\nRun '${tool/* TOOL_NAME */.lH} --help' for usage.\n`);
            return EXIT_ERROR;
        }
        io.stderr(`${tool/* TOOL_NAME */.lH}: error: ${plainLine(message)}\n`);
        return EXIT_ERROR;
    }
}
/** Runs the command line of this process and exits with its code (bin.ts calls it). */
function runProgram() {
    main(process.argv.slice(2), {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        cwd: process.cwd(),
        color: process.stdout.isTTY === true && !process.env.NO_COLOR,
        columns: process.stdout.columns,
        progress: process.stderr.isTTY === true,
    }).then((code) => exitWhenWritten(code), (error) => {
        process.stderr.write(`${tool/* TOOL_NAME */.lH}: error: ${plainLine(error instanceof Error ? error.message : String(error))}\n`);
        exitWhenWritten(EXIT_ERROR);
    });
}
/**
 * Exits once what was written to stdout and stderr is out (a write's callback runs after the writes before
 * it). Left to end by itself, the process first tears its heaps down, which after a 10 MB scan took 0.15-0.3 s.
 */
function exitWhenWritten(code) {
    process.exitCode = code;
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}


/***/ }),

/***/ 5558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ onStage),
/* harmony export */   d: () => (/* binding */ stage)
/* harmony export */ });
const enabled = process.env.AZURE_KMS_GUARD_STATS === '1';
let listener;
let last = process.hrtime.bigint();
/** Starts timing from now and sends every later stage to `fn` (undefined: stop). */
function onStage(fn) {
    listener = fn;
    last = process.hrtime.bigint();
}
function stage(name) {
    if (!enabled && !listener)
        return;
    const now = process.hrtime.bigint();
    const ms = Number(now - last) / 1e6;
    last = now;
    const mem = process.memoryUsage();
    const t = { name, ms, heapMB: mem.heapUsed / 1048576, rssMB: mem.rss / 1048576 };
    listener?.(t);
    if (enabled)
        process.stderr.write(`stats: ${name} ${ms.toFixed(0)} ms, heap ${t.heapMB.toFixed(0)} MB, rss ${t.rssMB.toFixed(0)} MB\n`);
}


/***/ })

};
;