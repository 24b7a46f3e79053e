"use strict";
exports.id = 372;
exports.ids = [372];
exports.modules = {

/***/ 1372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/action/workflow-commands.ts
/**
 * The runner's protocol, as @actions/core 3 speaks it: inputs from INPUT_* variables, workflow commands on
 * stdout (`::error file=\u2026::message`, `::add-mask::`), outputs appended to the GITHUB_OUTPUT file and the job
 * summary to GITHUB_STEP_SUMMARY. Written out here, the same bytes as @actions/core's, because loading
 * @actions/core loads its HTTP client for OIDC tokens (@actions/http-client and undici, a megabyte of code
 * and node's http, https, http2 and zlib), and the action's entry had to load all of that before the first
 * input was read: 60-80 ms of CPU on the path of every run (bench/pr.mjs, Node 20). Only an OIDC token
 * needs @actions/core now (getIdToken, loaded when live Azure asks for one).
 */





/** @actions/core toCommandValue: strings as they are, anything else as JSON, nothing as ''. */
function commandValue(input) {
    if (input === null || input === undefined)
        return '';
    if (typeof input === 'string' || input instanceof String)
        return String(input);
    return JSON.stringify(input);
}
const escapeData = (s) => commandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => commandValue(s)
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C');
/** `::command key=value,\u2026::message`, properties with an empty value left out, as @actions/core writes it. */
function commandLine(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}=${escapeProperty(v)}`);
    return `::${command}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}
function issue(command, properties, message) {
    process.stdout.write(commandLine(command, properties, message) + external_node_os_.EOL);
}
/** @actions/core toCommandProperties: the annotation's fields under the names the runner reads. */
function annotationProperties(p) {
    if (Object.keys(p).length === 0)
        return {};
    return {
        title: p.title,
        file: p.file,
        line: p.startLine,
        endLine: p.endLine,
        col: p.startColumn,
        endColumn: p.endColumn,
    };
}
/** The input `name` (INPUT_<NAME>, spaces as underscores), trimmed; '' when not given. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
/** Masked in every later line of the log. */
function setSecret(secret) {
    issue('add-mask', {}, secret);
}
/**
 * The heredoc form of the GITHUB_OUTPUT file, with a random delimiter the name and value must not hold; where
 * the file is not set, the `set-output` command.
 */
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT || '';
    if (!file) {
        process.stdout.write(external_node_os_.EOL);
        issue('set-output', { name }, commandValue(value));
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    const text = commandValue(value);
    if (name.includes(delimiter))
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (text.includes(delimiter))
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${text}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, { encoding: 'utf8' });
}
function info(message) {
    process.stdout.write(message + external_node_os_.EOL);
}
function debug(message) {
    issue('debug', {}, message);
}
function error(message, properties = {}) {
    issue('error', annotationProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
    issue('warning', annotationProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
    issue('notice', annotationProperties(properties), message instanceof Error ? message.toString() : message);
}
/** The step fails (exit code 1) with `message` as an error. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Appends `markdown` and a line end to the job summary file (GITHUB_STEP_SUMMARY), as core.summary.addRaw(\u2026, true).write() does. */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    try {
        await (0,promises_.access)(file, external_node_fs_.constants.R_OK | external_node_fs_.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
    }
    await (0,promises_.appendFile)(file, markdown + external_node_os_.EOL, { encoding: 'utf8' });
}

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

// EXTERNAL MODULE: ./src/report/fix/index.ts + 5 modules
var report_fix = __webpack_require__(5446);
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
    const fix = (0,report_fix/* fixText */.Xc)(f);
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

// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
// EXTERNAL MODULE: ./node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __webpack_require__(8280);
var ipaddr_default = /*#__PURE__*/__webpack_require__.n(ipaddr);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
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

// EXTERNAL MODULE: ./src/rules/fix-change.ts
var fix_change = __webpack_require__(5717);
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
            return `enable DNS proxy on ${where(c.target, (0,fix_change/* isPolicy */.p)(c.target) ? 'policy' : 'firewall', 'the firewall policy')}`;
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
        ...new Set(g.findings.map((x) => (0,report_fix/* fixText */.Xc)(x)).filter((t) => !!t && t.trim() !== '')),
    ];
    for (const t of texts.slice(0, 2))
        out.push(markdownCodeBlock(t, (0,report_fix/* fixLanguage */.oC)(f)), '');
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
    return items.map(toChangedFile);
}
/** One entry of pulls.listFiles, as the run keeps it. */
function toChangedFile(f) {
    const out = { path: f.filename, status: f.status };
    if (f.previous_filename)
        out.previousPath = f.previous_filename;
    if (f.patch !== undefined)
        out.patch = f.patch;
    return out;
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
            // The list the action's entry asked for (src/github/early-files.ts), when it is this pull request's and
            // came whole; its timeout is this request's (the client would wait as long again).
            const early = opts.early &&
                opts.early.owner === opts.owner &&
                opts.early.repo === opts.repo &&
                opts.early.prNumber === opts.prNumber
                ? await opts.early.files
                : undefined;
            if (early?.kind === 'timeout')
                throw early.timeout;
            const files = early?.kind === 'files'
                ? early.items.map(toChangedFile)
                : await listPullFiles(await opts.octokit, {
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

// EXTERNAL MODULE: ./src/suppress/inline.ts
var inline = __webpack_require__(5506);
// EXTERNAL MODULE: ./src/pipeline/shares.ts
var shares = __webpack_require__(3092);
// EXTERNAL MODULE: ./src/pipeline/cross-unit.ts
var cross_unit = __webpack_require__(3217);
// EXTERNAL MODULE: ./src/pipeline/worker-start.ts + 1 modules
var worker_start = __webpack_require__(3310);
;// CONCATENATED MODULE: ./src/pipeline/intern.ts
/**
 * One copy of each string in what the scan workers send. A structured clone copies every string it meets,
 * so the calling thread of a 30 MB scan held ~275,000 strings (16 MB) for ~17,000 subnet verdicts and the
 * VNet facts of ~5,700 VNets: `AzureCloud`, `reachable`, file paths and VNet names, once per mention. Kept
 * until the merge, they survived every scavenge, and V8 grew the thread's young generation to its largest
 * (64 MB on Node 24) on top of them. Interned as they arrive, the copies die young.
 */
class StringTable {
    strings = new Map();
    /** The table's copy of `s` (the first one it was given). */
    one(s) {
        const had = this.strings.get(s);
        if (had !== undefined)
            return had;
        this.strings.set(s, s);
        return s;
    }
    /**
     * Replaces, in place, every string in `value`'s plain objects and arrays by the table's copy; other
     * objects (Map, Set, Date) are left as they are. Returns `value`.
     */
    intern(value) {
        this.walk(value);
        return value;
    }
    walk(value) {
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) {
                const v = value[i];
                if (typeof v === 'string')
                    value[i] = this.one(v);
                else if (typeof v === 'object' && v !== null)
                    this.walk(v);
            }
            return;
        }
        if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
            return;
        const o = value;
        for (const k in o) {
            const v = o[k];
            if (typeof v === 'string')
                o[k] = this.one(v);
            else if (typeof v === 'object' && v !== null)
                this.walk(v);
        }
    }
}

// EXTERNAL MODULE: ./src/sources/evaluation/unit-watch.ts
var unit_watch = __webpack_require__(7849);
;// CONCATENATED MODULE: ./src/pipeline/scan-isolated.ts
/**
 * Unit isolation: one unit's crash or out-of-memory costs that unit, never the report.
 *
 * The scan runs in worker threads with a heap limit each. The worker writes what it is doing into shared
 * memory as it goes (the phase, and the file it parses or the unit it evaluates, models or analyses:
 * src/sources/evaluation/unit-watch.ts), so even a thread V8 kills for lack of memory leaves the name
 * behind. When a worker dies on a file or a unit, its share runs again in a fresh worker without it: a
 * file gets a located KMS012 "Skipped" notice, a unit a KMS012 warning at its start, each saying which
 * phase killed the worker, and everything else is judged as usual. A death in a phase no one file or unit
 * answers for (discovery, between units) ends the scan with an error naming that phase.
 *
 * Workers that pay: with several cores, several workers share the scan (src/pipeline/shares.ts). Each finds
 * the files and forms the units itself (the same in all), then parses, evaluates, models, analyses and
 * judges its own share of the units where it parsed them, and sends back findings and verdicts per unit,
 * never syntax trees or models; this thread merges them in unit order (scan.ts finishScan), so the report
 * is the one a single worker makes. One worker per two cores (CORES_PER_WORKER: each worker's V8 helper threads
 * keep about a core busy beside it), and one for a live overlay, downloads or a pull request's unit selection.
 *
 * The worker is dist/scan-worker/index.js, beside each bundle; without it (tests on the sources) or with
 * `workers: false` the scan runs on the calling thread. Options travel to the worker by structured
 * clone, so they are plain data: a pull request's unit selection is ScanOptions.units, not a function.
 */









/** After this many deaths the scan gives up: something other than one unit is wrong. */
const MAX_DEATHS = 8;
/** Most workers one scan uses: each repeats discovery, so more stop paying. */
const MAX_SCAN_WORKERS = 4;
/**
 * Cores one scan worker uses. Measured per thread (/proc/<tid>/stat) on the 10 MB corpus of
 * /work/shared/perf/ratio.sh, Node 20, 2 cores: one worker runs 2.3 s of JavaScript while V8's helper
 * threads spend 1.6-1.9 s beside it (optimising compiles ~1.2 s, garbage collection ~0.5 s) and the
 * calling thread 0.7 s. Two workers run 1.6 s each (discovery, start and compiles repeated in each) and
 * the helpers 2.5-3.1 s: 6.4-7.0 s of CPU against 4.6-5.1 s, more than 2 cores give back in time. So a
 * worker per two cores: one on 2 cores, two on 4.
 */
const CORES_PER_WORKER = 2;
/**
 * How many workers share the scan: one per CORES_PER_WORKER cores up to MAX_SCAN_WORKERS
 * (AZURE_KMS_GUARD_SCAN_WORKERS sets it), when the tree may hold enough to pay for them (shares.ts mayShare). One when the scan cannot be
 * split: the deployed network is overlaid on the IaC of its whole cloud, module downloads would run in
 * every worker, and a pull request's unit selection is recorded in order.
 */
function scanWorkers(options, env = process.env) {
    if (options.deployed || options.downloadModules || options.units)
        return 1;
    const set = env.AZURE_KMS_GUARD_SCAN_WORKERS?.trim();
    if (set && /^\d+$/.test(set) && Number(set) >= 1)
        return Math.min(Number(set), 16);
    // A worker keeps about a second core busy with V8's work beside it (optimising compiles, collection).
    const workers = Math.min(Math.floor(external_node_os_.availableParallelism() / CORES_PER_WORKER), MAX_SCAN_WORKERS);
    if (workers <= 1)
        return 1;
    try {
        if (!external_node_fs_.statSync(options.path).isDirectory())
            return 1;
    }
    catch {
        return 1;
    }
    return (0,shares/* mayShare */.Xb)(options.path, env) ? workers : 1;
}
/** What a file or unit is told when the worker died on it: "the worker <doing> ran out of memory". */
const DOING = {
    parsing: 'parsing it',
    evaluation: 'evaluating it',
    model: 'building its network model',
    analysis: 'analysing its network',
};
/** The scan of `options`, isolated when the bundle has its worker; the same result either way. */
async function scanIsolated(options) {
    const script = (0,worker_start/* workerScript */.wF)();
    // AZURE_KMS_GUARD_WORKERS=0: on the calling thread (benchmarks compare the two).
    if (!script || options.workers === false || process.env.AZURE_KMS_GUARD_WORKERS === '0') {
        // Loaded only here: with its worker, the calling thread never runs the pipeline, and leaving it
        // out of the bundle's first chunk spares the action and the CLI parsing it at every start.
        const { scan } = await Promise.all(/* import() */[__webpack_require__.e(472), __webpack_require__.e(746), __webpack_require__.e(451), __webpack_require__.e(424)]).then(__webpack_require__.bind(__webpack_require__, 7424));
        return scan(options);
    }
    const count = scanWorkers(options);
    // The merge runs here once the shares are judged; its code (small: no parsers) loads while they work.
    const merging = __webpack_require__.e(/* import() */ 451).then(__webpack_require__.bind(__webpack_require__, 9451));
    // Attached now: a failed load is reported where it is awaited, not as an unhandled rejection.
    merging.catch(() => { });
    const skip = {};
    const heapMb = (0,worker_start/* unitHeapMb */.WH)();
    const live = new Set();
    // What the workers send is kept until the merge: one copy of each string (intern.ts).
    const strings = new StringTable();
    const told = Array.from({ length: count }, () => ({ files: 0, units: 0 }));
    let deaths = 0;
    let stopped = false;
    // The files of the findings that came in, read for their suppressions while the workers go on: the
    // text when it has a directive, else undefined (its findings are kept, as applySuppressions keeps them).
    const suppressions = new Map();
    // Files the worker read without a directive: nothing to suppress there, no need to read them again.
    const readClean = (files) => {
        for (const file of files)
            suppressions.set(file, undefined);
    };
    const takeIn = (judged, boundary) => {
        for (const u of judged)
            for (const f of u.findings) {
                const file = f.location.file;
                if (suppressions.has(file) || /\.json$/i.test(file))
                    continue;
                const r = (0,read_source/* readSource */.o$)(file, boundary);
                suppressions.set(file, r.ok && r.text.includes(inline/* DIRECTIVE */.Eq) ? r.text : undefined);
            }
        // The merge's work on these units alone, done now rather than after the last one (scan-merge.ts
        // prepareMerge). Only a head start: what it leaves undone (or if it fails) the merge does itself.
        merging.then((m) => m.prepareMerge(judged)).catch(() => { });
    };
    const runShare = async (index) => {
        for (;;) {
            // What this attempt skips: a subject another share adds meanwhile is news to it, not a return.
            const skipping = { ...skip };
            const onProgress = options.onProgress
                ? (p) => {
                    told[index] = p;
                    options.onProgress?.({
                        files: Math.max(...told.map((t) => t.files)),
                        units: told.reduce((n, t) => n + t.units, 0),
                    });
                }
                : undefined;
            // Units a worker sent before it died are judged again by the next attempt.
            const streamed = [];
            const onUnits = (judged, boundary, clean) => {
                readClean(clean);
                streamed.push(judged);
                takeIn(judged, boundary);
            };
            const attempt = await runWorker(script, options, skipping, heapMb, { index, count }, live, onProgress, onUnits, readClean, strings);
            if (stopped)
                throw new Error('the scan stopped');
            if (attempt.ok)
                return { ...attempt.part, judged: [...streamed.flat(), ...attempt.part.judged] };
            const { phase, subject } = attempt.at;
            deaths++;
            // A death no one file or unit answers for (or one that came back) ends the scan, naming the phase.
            if (subject === undefined || subject in skipping || deaths >= MAX_DEATHS)
                throw new Error(`the scan stopped while ${unit_watch/* PHASES */.ZG[phase]}${subject === undefined ? ', outside any one file or deployment unit' : ''}: ` +
                    `its worker ${attempt.why}`);
            skip[subject] ??= `the worker ${DOING[phase] ?? `${unit_watch/* PHASES */.ZG[phase]} it`} ${attempt.why}`;
        }
    };
    try {
        const shares = await Promise.all(Array.from({ length: count }, (_, i) => runShare(i)));
        // Units reading VNets other shares declare: judged again in one worker, with those VNets' facts.
        const parts = await (0,cross_unit/* crossUnitPass */.k7)(options, shares, async (again) => {
            const streamed = [];
            const attempt = await runWorker(script, again, { ...skip }, heapMb, { index: 0, count: 1 }, live, undefined, (judged, boundary, clean) => {
                readClean(clean);
                streamed.push(judged);
                takeIn(judged, boundary);
            }, readClean, strings);
            return attempt.ok ? [...streamed.flat(), ...attempt.part.judged] : undefined;
        });
        if (options.lastScan)
            await (0,worker_start/* retireWarmWorker */.nT)();
        const { finishScan } = await merging;
        const first = parts[0];
        return await finishScan(options, parts, () => __webpack_require__.e(/* import() */ 746).then(__webpack_require__.bind(__webpack_require__, 3746)), (file) => {
            if (suppressions.has(file))
                return suppressions.get(file);
            const r = (0,read_source/* readSource */.o$)(file, first.boundary);
            return r.ok ? r.text : undefined;
        });
    }
    finally {
        stopped = true;
        for (const w of live)
            void w.terminate();
    }
}
function runWorker(script, options, skip, heapMb, share, live, onProgress, onUnits, 
/** Given the files the worker read that hold no suppression directive, with its part. */
onClean, strings) {
    const { onProgress: _told, ...rest } = options;
    const watch = new SharedArrayBuffer(unit_watch/* UNIT_KEY_BYTES */.l9);
    const input = { options: rest, share, skip, watch };
    return new Promise((resolve, reject) => {
        const served = (0,worker_start/* takeWarm */.DQ)(heapMb);
        const worker = served?.worker ?? (0,worker_start/* startWorker */.Dh)(script, (0,worker_start/* workerOptions */.vo)(heapMb, input));
        live.add(worker);
        let settled = false;
        /** A serving worker goes back to the park once its scan is over (done or failed); a one-scan worker ends. */
        const release = () => {
            worker.removeAllListeners('message');
            worker.removeAllListeners('error');
            worker.removeAllListeners('exit');
            live.delete(worker);
            if (served)
                (0,worker_start/* idle */.N7)(served);
            else
                void worker.terminate();
        };
        const settle = (a) => {
            if (settled)
                return;
            settled = true;
            live.delete(worker);
            resolve(a);
        };
        worker.on('message', (m) => {
            if (m.type === 'progress')
                onProgress?.({ files: m.files, units: m.units });
            else if (m.type === 'units')
                onUnits(strings.intern(m.judged), m.boundary, m.clean);
            else if (m.type === 'done') {
                onClean(m.clean);
                settle({ ok: true, part: strings.intern(m.part) });
                release();
            }
            else {
                settled = true;
                release();
                reject(new Error(m.message));
            }
        });
        worker.on('error', (err) => settle({
            ok: false,
            at: (0,unit_watch/* readWatch */.Qn)(watch),
            why: err.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? `ran out of memory (heap limit ${heapMb} MB)`
                : `crashed (${err.message.split('\n')[0].slice(0, 200)})`,
        }));
        worker.on('exit', (code) => settle({ ok: false, at: (0,unit_watch/* readWatch */.Qn)(watch), why: `stopped with exit code ${code}` }));
        if (served)
            worker.postMessage(input);
    });
}

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
        const result = await scanIsolated(options);
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
            ...(input.earlyFiles ? { early: input.earlyFiles } : {}),
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
    const scanHead = (also) => scanIsolated({
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
    const headScan = scanHead([]);
    // The head is in the worker: the GitHub client (for the check run, or the changed files' next page)
    // loads now, while this thread would wait for it (a failure is met where it is awaited).
    if (input.octokit)
        Promise.resolve(input.octokit).catch(() => undefined);
    let result = await headScan;
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
        // The base scan reaches the worker after a few promise turns (its files are awaited first); alsoJudge's
        // first steps are this thread's work (the untouched units, starting git grep), which held the worker
        // idle until they were done. A turn of the event loop lets the base scan go first.
        await new Promise((next) => setImmediate(next));
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
        result = await scanIsolated(fullScanOptions);
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
        const fix = (0,report_fix/* fixText */.Xc)(f);
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
        const fixed = (0,report_fix/* fixText */.Xc)(f);
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
        ...(deps.earlyFiles ? { earlyFiles: deps.earlyFiles } : {}),
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
 * (src/action/workflow-commands.ts: inputs, outputs, annotations, masks, the job summary; @actions/core for
 * an OIDC token) and builds the GitHub client of src/github/octokit.ts;
 * everything that decides something is passed these functions.
 */









/**
 * The GitHub client for `token`, loaded when first awaited: the changed files come from the entry's early
 * request (src/github/early-files.ts) when it was answered, and then the client is first needed for the
 * check run. The run asks for it as soon as the head scan is in the worker (src/action/pull-request.ts),
 * so it loads while this thread would wait, not before the head scan (Octokit and its plugins: tens of
 * milliseconds of loading on the path of every run).
 */
function lazyClient(token) {
    let client;
    const load = () => (client ??= Promise.all(/* import() */[__webpack_require__.e(8), __webpack_require__.e(724)]).then(__webpack_require__.bind(__webpack_require__, 9724)).then(async ({ githubClient, mannersFromEnv, proxyFetch }) => {
        const fetch = await proxyFetch(process.env);
        const octokit = githubClient(token, {
            baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
            manners: mannersFromEnv(process.env),
            log: info,
            ...(fetch ? { fetch } : {}),
        });
        // Node's fetch loads its HTTP client (undici) at the first request, 25-100 ms of this thread: the check
        // run's, at the end of the run. Reading one of its classes loads it now, while the worker scans.
        if (!fetch)
            void typeof globalThis.Response;
        return octokit;
    }));
    return { then: (onLoaded, onFailed) => load().then(onLoaded, onFailed) };
}
/**
 * `early`: git's reads the entry started before this code loaded (src/compare/early-git.ts); `earlyFiles`: its
 * request for the changed files (src/github/early-files.ts).
 */
async function run(early, earlyFiles) {
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
            getInput: getInput,
            setSecret: setSecret,
            setOutput: setOutput,
            octokitFor: lazyClient,
            sink: { error: error, warning: warning, notice: notice },
            // Warnings quote API and ARM messages: data, so it must not be able to issue workflow commands.
            log: { info: info, warning: (m) => warning(neutraliseCommands(m)) },
            writeSummary,
            // @actions/core only here, loaded when live Azure asks for a token: its HTTP client is a megabyte of
            // code no other run needs (src/action/workflow-commands.ts).
            getIdToken: async (audience) => (await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(421)]).then(__webpack_require__.bind(__webpack_require__, 6421))).getIDToken(audience),
            ...(early ? { early } : {}),
            ...(earlyFiles ? { earlyFiles } : {}),
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
        setOutput('report-file', reportFile);
        setOutput('sarif-file', sarifFile);
        if (outcome.failure)
            setFailed(outcome.failure);
    }
    catch (error) {
        // The message only: a stack or an error object could carry more than a user should see in a log.
        const message = error instanceof Error ? error.message : String(error);
        // The outputs and the summary tell what happened: no verdict when the run did not get that far,
        // and only the reports that were written.
        setOutput('report-file', reportFile);
        setOutput('sarif-file', sarifFile);
        if (!finished) {
            setOutput('verdict', 'error');
            await writeSummary(`## Azure KMS Guard could not finish\n\n${escapeMarkdown(message)}\n\n` +
                'No verdict was reached and no findings are reported for this run.\n').catch(() => undefined);
        }
        setFailed(`Azure KMS Guard: ${message}`);
    }
}
async function writeText(file, text) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    await (0,promises_.writeFile)(file, text, 'utf8');
}
/** The summary only exists on a runner; a local run (act, tests) without it still gets everything else. */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
        return;
    }
    await appendSummary(markdown);
}


/***/ }),

/***/ 8018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EX: () => (/* binding */ sourcesCover),
/* harmony export */   Eg: () => (/* binding */ routeSpecificity),
/* harmony export */   T4: () => (/* binding */ isKmsServiceTag),
/* harmony export */   _y: () => (/* binding */ prefixContains),
/* harmony export */   gI: () => (/* binding */ portsCover),
/* harmony export */   nY: () => (/* binding */ parseIpv4Prefix),
/* harmony export */   xb: () => (/* binding */ destinationCovers)
/* harmony export */ });
/* unused harmony exports isIpv6, isAnyAddress, KMS_SERVICE_TAG, portsNameExactly */
/* harmony import */ var ipaddr_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8280);
/* harmony import */ var ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ipaddr_js__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Address math for the analysis: does a route prefix, NSG prefix or firewall destination cover a KMS
 * address, and how specific is it. Service tags are resolved only as far as KMS needs: the KMS addresses
 * are Azure public addresses, so they fall inside `AzureCloud` (and, as we cannot tell which region
 * hosts them, any regional `AzureCloud.<region>`) and `Internet`; every other tag (VirtualNetwork,
 * Storage, AzureActiveDirectory...) never contains them.
 */

/**
 * Parsed prefixes, by text. A scan compares the same few thousand prefixes (subnets, rule sources and
 * destinations) against every KMS address of every path; parsing each once keeps ipaddr.js off the profile.
 */
const parsedPrefixes = new Map();
/** `10.0.0.0/8`, `20.118.99.224` (a /32) \u2192 prefix; anything else (tags, IPv6, ranges) \u2192 undefined. */
function parseIpv4Prefix(text) {
    const hit = parsedPrefixes.get(text);
    if (hit !== undefined || parsedPrefixes.has(text))
        return hit;
    const parsed = parseUncached(text);
    if (parsedPrefixes.size > 100_000)
        parsedPrefixes.clear();
    parsedPrefixes.set(text, parsed);
    return parsed;
}
function parseUncached(text) {
    const s = text.trim();
    if (ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.isValidCIDRFourPartDecimal(s)) {
        const [address, bits] = ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.parseCIDR(s);
        return { address, bits, int: toInt(address) };
    }
    if (ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.isValidFourPartDecimal(s)) {
        const address = ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.parse(s);
        return { address, bits: 32, int: toInt(address) };
    }
    return undefined;
}
const toInt = (a) => ((a.octets[0] << 24) | (a.octets[1] << 16) | (a.octets[2] << 8) | a.octets[3]) >>> 0;
function isIpv6(text) {
    // Every IPv6 address has a colon; the check spares ipaddr.js a failed parse per IPv4 prefix.
    if (!text.includes(':'))
        return false;
    const s = text.trim();
    return ipaddr.IPv6.isValid(s) || ipaddr.IPv6.isValidCIDR(s);
}
/** Does the IPv4 prefix `outer` contain the address or prefix `inner`? undefined when either is not IPv4. */
function prefixContains(outer, inner) {
    const o = parseIpv4Prefix(outer);
    const i = parseIpv4Prefix(inner);
    if (!o || !i)
        return undefined;
    return contains(o, i);
}
/** The first o.bits bits agree (what ipaddr.js's match does, on the 32-bit numbers). */
function contains(o, i) {
    return i.bits >= o.bits && (o.bits === 0 || (i.int ^ o.int) >>> (32 - o.bits) === 0);
}
/** `*`, `0.0.0.0/0`, `Any`: every address. */
function isAnyAddress(text) {
    const s = text.trim().toLowerCase();
    return s === '*' || s === '0.0.0.0/0' || s === 'any';
}
function isAzureCloudTag(s) {
    const t = s.trim().toLowerCase();
    return t === 'azurecloud' || t.startsWith('azurecloud.');
}
/**
 * How specifically a route's addressPrefix captures `address`, for longest prefix match:
 * the prefix length for CIDRs; for the AzureCloud tag a value between /0 and /1 (Azure prefers a tag
 * route to the 0.0.0.0/0 default but any CIDR route containing the address is at least as specific
 * as one tag prefix), a regional tag slightly more. undefined = the route does not capture the address.
 */
function routeSpecificity(prefix, address) {
    const p = parseIpv4Prefix(prefix);
    if (p) {
        const a = parseIpv4Prefix(address);
        return a && contains(p, a) ? p.bits : undefined;
    }
    const t = prefix.trim().toLowerCase();
    if (t === 'azurecloud')
        return 0.5;
    if (t.startsWith('azurecloud.'))
        return 0.6;
    return undefined;
}
/** The service tag that names the Windows KMS endpoints themselves (NSG rules). */
const KMS_SERVICE_TAG = 'AzurePlatformLKM';
function isKmsServiceTag(text) {
    return text === KMS_SERVICE_TAG || text.trim().toLowerCase() === KMS_SERVICE_TAG.toLowerCase();
}
/** `a.b.c.d-e.f.g.h` ranges, accepted by Azure Firewall for source and destination addresses. */
function rangeContains(text, address) {
    const parts = text.split('-').map((p) => p.trim());
    if (parts.length !== 2 || !parts.every((p) => ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.isValidFourPartDecimal(p)))
        return undefined;
    if (!ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.isValidFourPartDecimal(address))
        return undefined;
    const n = (s) => ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.parse(s)
        .toByteArray()
        .reduce((acc, b) => acc * 256 + b, 0);
    const a = n(address);
    return n(parts[0]) <= a && a <= n(parts[1]);
}
/**
 * Does one destination entry of an NSG rule or firewall network rule cover the KMS `address`?
 * `*`/Any, containing CIDRs and ranges, `Internet` and `AzureCloud[.region]` do; in NSGs the
 * `AzurePlatformLKM` tag (Windows licensing) does too. Other tags and IPv6 never do.
 */
function destinationCovers(entry, address, context) {
    // By context, address and entry text: the same few destinations are asked about for every subnet.
    const byAddress = context === 'nsg' ? nsgCovers : firewallCovers;
    let byEntry = byAddress.get(address);
    if (!byEntry)
        byAddress.set(address, (byEntry = new Map()));
    let covers = byEntry.get(entry);
    if (covers === undefined) {
        covers = coversUncached(entry, address, context);
        if (byEntry.size > 100_000)
            byEntry.clear();
        byEntry.set(entry, covers);
    }
    return covers;
}
const nsgCovers = new Map();
const firewallCovers = new Map();
function coversUncached(entry, address, context) {
    if (isAnyAddress(entry))
        return true;
    const c = prefixContains(entry, address);
    if (c !== undefined)
        return c;
    const r = rangeContains(entry, address);
    if (r !== undefined)
        return r;
    const t = entry.trim().toLowerCase();
    if (t === 'internet' || isAzureCloudTag(t))
        return true;
    if (context === 'nsg' && isKmsServiceTag(t))
        return true;
    return false;
}
/**
 * Do the source entries of a rule cover every prefix of the subnet? `*`/Any always; `VirtualNetwork`
 * in NSGs (the subnet is in its VNet); otherwise each subnet prefix must sit inside some CIDR or range.
 * Unknown subnet prefixes make the answer unknown.
 */
function sourcesCover(entries, subnetPrefixes, context) {
    if (entries.some(isAnyAddress))
        return true;
    if (context === 'nsg' && entries.some((e) => e.trim().toLowerCase() === 'virtualnetwork'))
        return true;
    if (subnetPrefixes === 'unknown')
        return 'unknown';
    const v4 = subnetPrefixes.filter((p) => parseIpv4Prefix(p));
    if (v4.length === 0)
        return false;
    return v4.every((p) => entries.some((e) => prefixContains(e, p) === true || rangeCoversPrefix(e, p)));
}
function rangeCoversPrefix(entry, prefix) {
    // Only `a.b.c.d-e.f.g.h` entries are ranges; checking first keeps CIDR entries off ipaddr.js.
    if (!entry.includes('-'))
        return false;
    const p = parseIpv4Prefix(prefix);
    if (!p)
        return false;
    const [first, last] = [
        ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.networkAddressFromCIDR(`${p.address}/${p.bits}`),
        ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.broadcastAddressFromCIDR(`${p.address}/${p.bits}`),
    ];
    return rangeContains(entry, first.toString()) === true && rangeContains(entry, last.toString()) === true;
}
/** Port entries: `*`, `1688`, `1000-2000`, and comma lists inside one entry. */
function portsCover(entries, port) {
    for (const entry of entries)
        if (entryCoversPort(entry, port))
            return true;
    return false;
}
/** Whether one port entry covers a port, by port and entry text: every rule of every NSG asks for 1688. */
const coveredPorts = new Map();
function entryCoversPort(entry, port) {
    let byEntry = coveredPorts.get(port);
    if (!byEntry)
        coveredPorts.set(port, (byEntry = new Map()));
    let covers = byEntry.get(entry);
    if (covers === undefined) {
        covers = entry.split(',').some((raw) => {
            const s = raw.trim();
            if (s === '*' || s.toLowerCase() === 'any')
                return true;
            const m = /^(\d+)\s*-\s*(\d+)$/.exec(s);
            if (m)
                return Number(m[1]) <= port && port <= Number(m[2]);
            return /^\d+$/.test(s) && Number(s) === port;
        });
        if (byEntry.size > 100_000)
            byEntry.clear();
        byEntry.set(entry, covers);
    }
    return covers;
}
/** Does a port list name `port` by itself (a rule written for it), not through `*` or a wide range? */
function portsNameExactly(entries, port) {
    return entries.some((e) => e.split(',').some((s) => s.trim() === String(port)));
}


/***/ }),

/***/ 1592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uh: () => (/* binding */ readSubnet),
/* harmony export */   nK: () => (/* binding */ sameResource),
/* harmony export */   tq: () => (/* binding */ readFirewall)
/* harmony export */ });
const same = (a, b) => a.toLowerCase() === b.toLowerCase();
function sameResource(a, b) {
    if (a.resourceGroup === undefined || b.resourceGroup === undefined)
        return false;
    if (!same(a.name, b.name) || !same(a.resourceGroup, b.resourceGroup))
        return false;
    return a.subscription === undefined || b.subscription === undefined || same(a.subscription, b.subscription);
}
/**
 * The resource a value reads without the unit declaring it (a Terraform data source, a Bicep `existing`
 * resource, an ARM id: Unknown.deployed), by Azure identity: where it is of `armType` with `segments` name
 * segments and, with `group`, says its resource group.
 */
function readResource(v, armType, segments, group) {
    const d = v && !v.known ? v.deployed : undefined;
    if (!d || d.armType.toLowerCase() !== armType || d.names.length !== segments)
        return undefined;
    return group && !d.resourceGroup ? undefined : d;
}
/** A subnet a value reads (a NIC's subnet, `data "azurerm_subnet"`), its resource group known. */
const readSubnet = (v) => readResource(v, 'microsoft.network/virtualnetworks/subnets', 2, true);
/** A firewall a route's next hop reads (`data "azurerm_firewall"`, a Bicep `existing` firewall). */
const readFirewall = (v) => readResource(v, 'microsoft.network/azurefirewalls', 1, false);


/***/ }),

/***/ 9334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AZ: () => (/* binding */ presentWith),
/* harmony export */   RP: () => (/* binding */ judgeBothWays),
/* harmony export */   W0: () => (/* binding */ isAbsent),
/* harmony export */   _M: () => (/* binding */ touch),
/* harmony export */   aO: () => (/* binding */ presentTable)
/* harmony export */ });
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2904);

/**
 * One key per condition: objects under the same condition come and go together (its key; else the same text
 * in the same file).
 */
const conditionKey = (c) => c.key ?? `${c.origin?.file ?? ''}\u0000${c.expression}`;
/**
 * Is an object under condition `a` there whenever one under `b` is? The same condition, or one `b` is nested
 * under (Condition.key: `outer\u0001inner`, a Terraform module call's count and a resource's own inside it).
 */
function presentWith(a, b) {
    if (a === undefined || b === undefined)
        return false;
    const ka = conditionKey(a);
    const kb = conditionKey(b);
    return ka === kb || kb.startsWith(`${ka}\u0001`);
}
/** Is the object (or what `condition` stands for, by default its own condition) taken as not deployed? */
function isAbsent(o, assume, condition = o.condition) {
    return condition !== undefined && assume.absent !== undefined && assume.absent.has(conditionKey(condition));
}
/** The table as deployed under the assumptions: without the routes whose condition is taken as false. */
function presentTable(table, assume) {
    if (!table || !assume.absent)
        return table;
    const routes = table.routes.filter((r) => !isAbsent(r, assume));
    return routes.length === table.routes.length ? table : { ...table, routes };
}
/**
 * Records that the path went through `object` (`what`: `route r-kms`), when it is deployed under a condition
 * (its own, or `condition`: what stands for it, such as a subnet's association).
 */
function touch(forks, object, what, c = object.condition) {
    if (!c)
        return;
    const fork = { kind: 'condition', key: conditionKey(c), condition: c, object, what };
    // Which subnet an association is made to: it stands instead of none, neither way is stricter.
    if (c.which)
        fork.alternative = true;
    forks.push(fork);
}
/** The same assumptions, with the fork taken the other way. */
function otherWay(assume, fork) {
    if (fork.kind === 'condition')
        return { ...assume, absent: new Set([...(assume.absent ?? []), fork.key]) };
    return { ...assume, security: new Map([...(assume.security ?? []), [fork.connection, false]]) };
}
const forkKey = (f) => (f.kind === 'condition' ? f.key : f.connection);
/** Ways tried one inside the other at most (each is one more trace of one subnet and one address). */
const MAX_DEPTH = 3;
const OUTCOME = {
    reaches: 'KMS traffic reaches Azure KMS',
    blocked: 'it is blocked',
    unknown: 'the path cannot be followed',
    unverified: 'it goes through an appliance the scan cannot follow',
};
/** What an undecided way could not follow, in words. */
const openHop = (u) => `${u.value.expression}${u.value.reason ? `: ${u.value.reason}` : ''}`;
/** The unresolved value an undecided path names: the condition, with what each way gives. */
function conditionUnknown(fork, deployed, absent) {
    const c = fork.condition;
    const other = !absent
        ? 'the scan did not follow it (too many conditions on this path)'
        : `${OUTCOME[absent.verdict]} (${absent.verdict === 'unknown' && absent.unknowns[0] ? openHop(absent.unknowns[0]) : absent.text})`;
    // What is unknown: which subnet the object is made for (Condition.which), or whether it is deployed.
    const reason = c.which
        ? `${fork.what} ${c.which}: ${c.reason ?? 'which subnet is not known'}; if it applies to this subnet, ` +
            `${OUTCOME[deployed.verdict]} (${deployed.text}); if not, ${other}`
        : `${fork.what} may not be deployed: ${c.reason ?? 'its condition cannot be evaluated'}; if it is, ` +
            `${OUTCOME[deployed.verdict]} (${deployed.text}); if not, ${other}`;
    const value = (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(c.expression, reason, c.origin ?? fork.object.origin);
    return { value, attribute: 'condition', object: fork.object };
}
/**
 * The path `trace` gives under `assume`, checked the other way at each fork it recorded. Hand-written: the
 * analysis' own case split, no library models it.
 */
function judgeBothWays(trace, assume = {}, depth = 0) {
    const forks = [];
    const path = trace(assume, forks);
    if (forks.length === 0)
        return path;
    const seen = new Set();
    for (const fork of forks) {
        const key = forkKey(fork);
        if (seen.has(key))
            continue;
        seen.add(key);
        if (path.verdict === 'unknown') {
            // Already undecided: an unknown security is named beside the rest.
            if (fork.kind === 'security' && !path.unknowns.includes(fork.unresolved))
                path.unknowns = [...path.unknowns, fork.unresolved];
            continue;
        }
        // Deployed is stricter where it does not let KMS through: a block through a conditional hop stands
        // (not through an alternative: it stands instead of another declaration, not on top of one).
        if (fork.kind === 'condition' && !fork.alternative && path.verdict !== 'reaches')
            continue;
        const other = depth < MAX_DEPTH ? judgeBothWays(trace, otherWay(assume, fork), depth + 1) : undefined;
        if (other && other.verdict === path.verdict)
            continue;
        const named = fork.kind === 'condition' ? conditionUnknown(fork, path, other) : fork.unresolved;
        return { ...path, outcome: 'unknown', verdict: 'unknown', unknowns: [named] };
    }
    return path;
}


/***/ }),

/***/ 318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aj: () => (/* binding */ provideAttachments),
/* harmony export */   Nl: () => (/* binding */ attachFacts),
/* harmony export */   S5: () => (/* binding */ attachFactsFor),
/* harmony export */   Yx: () => (/* binding */ settleAttachmentNotices),
/* harmony export */   hk: () => (/* binding */ layAttachments)
/* harmony export */ });
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2904);
/* harmony import */ var _model_vnet__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3580);
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1592);
/* harmony import */ var _cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5346);




const SUBNET = 'microsoft.network/virtualnetworks/subnets';
/**
 * The subnets a Bicep/ARM unit declares as child resources of VNets it does not declare (a day-2 PUT of the
 * whole subnet, src/sources/mapping/foreign-subnets.ts): handed over whole, whatever their resource group.
 */
function foreignChildren(model) {
    const declared = new Set((model.vnets ?? []).map((v) => v.id));
    return model.subnets.flatMap((c) => {
        if (c.sourceType.toLowerCase() !== SUBNET || c.format === 'live')
            return [];
        if ((c.vnetId?.known && declared.has(c.vnetId.value)) || !c.vnetName?.known || !c.name.known)
            return [];
        const subnet = {
            armType: 'Microsoft.Network/virtualNetworks/subnets',
            names: [c.vnetName.value, c.name.value],
            ...(c.resourceGroup ? { resourceGroup: c.resourceGroup } : {}),
            ...(c.subscription ? { subscription: c.subscription } : {}),
        };
        // Several conditional children of the subnet in this unit (`if (tunnel)` / `if (!tunnel)`), folded into
        // one with the others as its redeclarations (src/sources/mapping/subnet-redeclarations.ts): each is
        // handed over, with its own condition, so the declaring unit judges the subnet with each.
        return [c, ...(c.redeclarations ?? []).map((r) => childAs(c, r))].map((child) => ({ child, subnet }));
    });
}
/** The child subnet `c` as its conditional redeclaration `r` (another child of it in the same unit) declares it. */
function childAs(c, r) {
    const s = { ...c, address: r.address, origin: r.origin, addressPrefixes: r.addressPrefixes };
    delete s.redeclarations;
    for (const f of [
        'routeTableId',
        'routeTableOrigin',
        'nsgId',
        'nsgOrigin',
        'natGatewayId',
        'defaultOutboundAccess',
    ]) {
        if (r[f] === undefined)
            delete s[f];
        else
            s[f] = r[f];
    }
    s.condition = r.condition;
    return s;
}
/** The unit's attachments to subnets it reads, in a fixed order (both passes compute the same list). */
function attachments(model) {
    const out = [];
    const children = foreignChildren(model);
    // A child's associations go with the whole child (kind `subnet` below), not one by one.
    const byChild = new Set(children.map((c) => c.child.address));
    for (const d of model.detachedAssociations ?? [])
        if (d.subnet.names.length === 2 && !byChild.has(d.address))
            out.push({
                subnet: d.subnet,
                kind: d.field,
                address: d.address,
                target: d.target,
                origin: d.origin,
                diagnostic: d.diagnostic,
            });
    for (const nic of model.networkInterfaces ?? []) {
        if (!nic.nsgId)
            continue;
        for (const s of nic.subnetIds) {
            const d = (0,_azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .readSubnet */ .Uh)(s);
            if (d)
                out.push({ subnet: d, kind: 'nic', address: nic.address, origin: nic.origin, nic });
        }
    }
    // A module the unit does not evaluate, given the subnet by ARM id: it may attach either.
    for (const g of model.subnetsGivenToModules ?? [])
        for (const [kind, what] of [
            ['routeTableId', 'a route table'],
            ['nsgId', 'a network security group'],
        ])
            out.push({
                subnet: g.subnet,
                kind,
                address: g.module,
                target: (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(g.module, `${g.why}: it may attach ${what} to it`, g.origin),
                origin: g.origin,
            });
    for (const { child, subnet } of children)
        out.push({ subnet, kind: 'subnet', address: child.address, origin: child.origin, child });
    return out;
}
/** What the unit attaches to subnets it only reads. */
function attachFacts(model, unit) {
    return attachments(model).map((a, index) => ({
        unit: unit.name,
        from: unit.from,
        order: unit.order,
        index,
        vnet: a.subnet.names[0],
        subnet: a.subnet.names[1],
        ...(a.subnet.resourceGroup ? { resourceGroup: a.subnet.resourceGroup } : {}),
        ...(a.subnet.subscription ? { subscription: a.subnet.subscription.toLowerCase() } : {}),
        kind: a.kind,
        address: a.address,
    }));
}
const vnetKey = (f) => f.resourceGroup === undefined
    ? undefined
    : `${f.subscription ? `/subscriptions/${f.subscription}` : ''}${(0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .vnetKeyOfName */ .Ll)(f.vnet, f.resourceGroup)}`;
/** Whether an attachment is surely to the VNet of this key, or (`maybe`) could be: same name, a resource group not known on one side. */
function reaches(a, f) {
    const key = vnetKey(a);
    const same = f.key !== undefined && key !== undefined ? (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .known */ .eO)(f.key), (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .known */ .eO)(key)) : 'unknown';
    if (same === true)
        return 'sure';
    // A subnet or an association is handed over on a maybe: judged with and without it, never taken as sure.
    if (a.kind === 'nic' || same !== 'unknown' || f.name === undefined)
        return undefined;
    return f.name.toLowerCase() === a.vnet.toLowerCase() ? 'maybe' : undefined;
}
/**
 * Other units' attachments to subnets of the VNets a unit declares (surely the same VNet: its key), and the
 * subnets they redeclare where it may be the same VNet.
 */
function attachFactsFor(
/** The unit's VnetFacts (./cross-unit-vnets.ts): their keys and names. */
declared, from, all) {
    return all.filter((a) => a.from !== from && declared.some((f) => reaches(a, f) !== undefined));
}
/** The attaching unit's side of the second pass: the objects of the attachments asked for, ids prefixed. */
function provideAttachments(model, asked) {
    const list = attachments(model);
    return asked.flatMap((fact) => {
        const a = list[fact.index];
        if (!a)
            return [];
        const nsgs = [];
        const routeTables = [];
        const nic = a.nic;
        const byId = (v) => {
            if (!v?.known)
                return;
            const nsg = model.nsgs.find((n) => n.id === v.value);
            if (nsg)
                nsgs.push(nsg);
            const table = model.routeTables.find((t) => t.id === v.value);
            if (table)
                routeTables.push(table);
        };
        byId(a.target);
        byId(nic?.nsgId);
        byId(a.child?.routeTableId);
        byId(a.child?.nsgId);
        // rehome copies what it hands over: the provider's model is left as it was.
        const objects = { nsgs, routeTables, networkInterfaces: nic ? [nic] : [] };
        const prefix = `${fact.unit}#`;
        const ids = (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .idsOf */ .UX)([objects]);
        const target = a.target && { value: (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .rehome */ .JR)(a.target, ids, prefix), origin: a.origin };
        const c = a.child;
        const declaration = c && {
            address: `${c.address} (${fact.unit})`,
            origin: c.origin,
            addressPrefixes: c.addressPrefixes,
            ...(c.routeTableId ? { routeTableId: (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .rehome */ .JR)(c.routeTableId, ids, prefix) } : {}),
            ...(c.routeTableOrigin ? { routeTableOrigin: c.routeTableOrigin } : {}),
            ...(c.nsgId ? { nsgId: (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .rehome */ .JR)(c.nsgId, ids, prefix) } : {}),
            ...(c.nsgOrigin ? { nsgOrigin: c.nsgOrigin } : {}),
            ...(c.natGatewayId ? { natGatewayId: c.natGatewayId } : {}),
            ...(c.defaultOutboundAccess ? { defaultOutboundAccess: c.defaultOutboundAccess } : {}),
        };
        return [
            {
                fact,
                ...(target ? { target } : {}),
                objects: (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .rehome */ .JR)(objects, ids, prefix),
                ...(declaration ? { declaration } : {}),
                ...(c?.condition ? { condition: c.condition } : {}),
            },
        ];
    });
}
const same = (a, b) => a !== undefined && a.toLowerCase() === b.toLowerCase();
/** The declaring unit's subnet an attachment names (where a resource group is not known on one side, by names). */
function subnetOf(model, f) {
    return model.subnets.find((s) => s.format !== 'live' &&
        same(s.name.known ? s.name.value : undefined, f.subnet) &&
        same(s.vnetName?.known ? s.vnetName.value : undefined, f.vnet) &&
        (s.resourceGroup === undefined ||
            f.resourceGroup === undefined ||
            same(s.resourceGroup, f.resourceGroup)));
}
const DECLARED = ['routeTableId', 'nsgId', 'natGatewayId'];
const ORIGIN = { routeTableId: 'routeTableOrigin', nsgId: 'nsgOrigin', natGatewayId: undefined };
/** Whether two settings of a subnet are the same as written (both none, or the same known value). */
const sameSetting = (a, b) => a === undefined || b === undefined
    ? a === b
    : a.known && b.known && JSON.stringify(a.value) === JSON.stringify(b.value);
/**
 * Lays another unit's redeclaration of `subnet` (kind `subnet`). Surely the same subnet and deployed
 * whenever its unit is: what only it sets, the subnet takes; what both set otherwise, or it drops, is
 * decided by the unit applied last, so it becomes a redeclaration under that (unknown) order. Under a
 * condition the scan cannot evaluate, or where it may be another subnet: a redeclaration under that.
 */
function layRedeclaration(subnet, p) {
    const d = p.declaration;
    if (!d)
        return;
    const f = p.fact;
    const sure = f.resourceGroup !== undefined && subnet.resourceGroup !== undefined;
    let condition;
    const key = `${f.from}\u0000${f.address}`;
    if (!sure)
        condition = maybeSame(f, subnet, `redeclares ${f.vnet}/${f.subnet}`, d.origin, p.condition ? `; it is deployed only where ${p.condition.expression} holds` : '');
    else if (p.condition) {
        // Its own condition: objects of its unit under the same one come and go with it.
        ;
        (subnet.redeclarations ??= []).push({ ...d, condition: p.condition });
        return;
    }
    else {
        // Differs: an association both set to different objects, or default outbound access both say otherwise.
        // Then either whole subnet may be the one applied last, so this unit's stays as it declares it.
        const differs = DECLARED.some((field) => subnet[field] !== undefined && !sameSetting(subnet[field], d[field])) ||
            (subnet.defaultOutboundAccess !== undefined &&
                !sameSetting(subnet.defaultOutboundAccess, d.defaultOutboundAccess));
        if (!differs) {
            // Only the child sets them: what it adds is taken over.
            for (const field of DECLARED) {
                if (subnet[field] !== undefined || d[field] === undefined)
                    continue;
                subnet[field] = d[field];
                const o = ORIGIN[field];
                if (o && d[o])
                    subnet[o] = d[o];
            }
            return;
        }
        condition = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(`${f.address} in ${f.unit}`, `${f.unit} redeclares this subnet (${f.address}, a PUT of the whole subnet) with other associations than this unit gives it (${describe(subnet)} here; ${describe(d)} there): whichever of the two is applied last stays, which the code does not say; make one unit own the subnet's associations`, d.origin);
    }
    ;
    (subnet.redeclarations ??= []).push({ ...d, condition: { ...condition, key } });
}
/**
 * The condition a handover may not apply under: the subnet it names may be another of the same names (a
 * resource group not known on one side). `does`: what the other unit does to it, in words.
 */
function maybeSame(f, subnet, does, origin, more = '') {
    const side = f.resourceGroup === undefined && subnet.resourceGroup === undefined ? 'either side' : 'one side';
    return {
        ...(0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(`${f.address} in ${f.unit}`, `${f.unit} ${does} (${f.address}), which may be this subnet or another of the same names: the resource group is not known on ${side}; state it in both units or scan with \`live: true\`${more}`, origin),
        key: `${f.from}\u0000${f.address}`,
        // Which subnet it is for is the unknown, not whether it is deployed (conditions.ts words it so).
        which: 'may be for another subnet',
    };
}
const WHAT = {
    routeTableId: 'route table',
    nsgId: 'network security group',
    natGatewayId: 'NAT gateway',
};
/**
 * Lays an association another unit makes to a subnet that may be this one (its resource group not known
 * there): the subnet as declared, with the association, becomes a redeclaration under that doubt, so it is
 * judged with and without it.
 */
function layMaybeAssociation(subnet, p, field) {
    if (!p.target)
        return;
    const f = p.fact;
    const d = {
        address: `${f.address} (${f.unit})`,
        origin: p.target.origin,
        addressPrefixes: subnet.addressPrefixes,
    };
    for (const k of DECLARED)
        if (subnet[k])
            d[k] = subnet[k];
    if (subnet.routeTableOrigin)
        d.routeTableOrigin = subnet.routeTableOrigin;
    if (subnet.nsgOrigin)
        d.nsgOrigin = subnet.nsgOrigin;
    if (subnet.defaultOutboundAccess)
        d.defaultOutboundAccess = subnet.defaultOutboundAccess;
    d[field] = named(p.target.value, f.unit);
    const o = ORIGIN[field];
    if (o)
        d[o] = p.target.origin;
    const condition = maybeSame(f, subnet, `sets the ${WHAT[field]} of ${f.vnet}/${f.subnet}`, p.target.origin);
    (subnet.redeclarations ??= []).push({ ...d, condition });
}
/** A subnet's associations in words, for messages. */
const describe = (s) => {
    const one = (v, what) => v === undefined
        ? `no ${what}`
        : `${what} ${v.known ? (v.value.split('#').at(-1) ?? v.value) : v.expression}`;
    return `${one(s.routeTableId, 'route table')}, ${one(s.nsgId, 'NSG')}`;
};
/** Lays other units' attachments on the subnets of this unit they name. */
function layAttachments(model, provided) {
    for (const p of provided) {
        const subnet = subnetOf(model, p.fact);
        if (!subnet)
            continue;
        // A NIC is laid once per subnet it is in here (its id says which), in that subnet only.
        const networkInterfaces = p.objects.networkInterfaces.map((nic) => ({
            ...nic,
            id: `${nic.id}@${subnet.id}`,
            subnetIds: [(0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .known */ .eO)(subnet.id, nic.origin)],
        }));
        (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .layForeignObjects */ .Re)(model, {
            firewalls: [],
            firewallPolicies: [],
            ipGroups: [],
            nsgs: p.objects.nsgs,
            routeTables: p.objects.routeTables,
            networkInterfaces,
        });
        if (p.fact.kind === 'subnet')
            layRedeclaration(subnet, p);
        if (p.fact.kind === 'nic' || p.fact.kind === 'subnet')
            continue;
        const field = p.fact.kind;
        if (!p.target)
            continue;
        if (p.fact.resourceGroup === undefined) {
            layMaybeAssociation(subnet, p, field);
            continue;
        }
        // Two units setting the subnet's NSG or route table: Azure keeps the last applied, which no code says.
        const value = subnet[field] !== undefined
            ? (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(p.fact.address, `${p.fact.unit} (${p.fact.address}) sets it too: whichever is applied last stays`, p.target.origin)
            : named(p.target.value, p.fact.unit);
        subnet[field] = value;
        if (field === 'nsgId')
            subnet.nsgOrigin = p.target.origin;
        if (field === 'routeTableId')
            subnet.routeTableOrigin = p.target.origin;
    }
}
/** An unknown another unit hands over, saying which unit it is in. */
const named = (v, unit) => v.known || v.reason === undefined ? v : { ...v, reason: `${v.reason} (in ${unit})` };
/**
 * The attaching unit judged again: the notices of its associations that said the subnet is not in the
 * scanned sources go for those another unit declares (`indexes`: AttachFact.index), as they were laid there.
 */
function settleAttachmentNotices(model, indexes) {
    if (indexes.length === 0)
        return;
    const list = attachments(model);
    const settled = new Set(indexes.flatMap((i) => list[i]?.diagnostic ?? []));
    model.diagnostics = model.diagnostics.filter((d) => !settled.has(d));
}


/***/ }),

/***/ 1561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sc: () => (/* binding */ layForeignFirewalls),
/* harmony export */   cC: () => (/* binding */ firewallNeeds),
/* harmony export */   hv: () => (/* binding */ firewallFactsFor),
/* harmony export */   vM: () => (/* binding */ provideFirewalls),
/* harmony export */   wZ: () => (/* binding */ firewallFacts)
/* harmony export */ });
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2904);
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1592);
/* harmony import */ var _cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5346);



const routesOf = (model) => [
    ...model.routeTables.flatMap((t) => t.routes),
    ...(model.detachedRoutes ?? []).map((d) => d.route),
];
const identity = (fw) => fw.name.known
    ? {
        name: fw.name.value,
        ...(fw.resourceGroup !== undefined ? { resourceGroup: fw.resourceGroup } : {}),
        ...(fw.subscription !== undefined ? { subscription: fw.subscription.toLowerCase() } : {}),
    }
    : undefined;
/** The firewalls the unit declares with a known name, as the other units may read them. */
function firewallFacts(model, unit) {
    return model.firewalls.flatMap((fw) => {
        const id = identity(fw);
        return id ? [{ unit: unit.name, from: unit.from, order: unit.order, ...id }] : [];
    });
}
/**
 * The declaring unit's side of the second pass: the objects of the firewalls it was asked for (`asked`:
 * facts it told, by identity), their ids prefixed by the unit (./cross-unit-hubs.ts rehome).
 */
function provideFirewalls(model, asked) {
    return asked.flatMap((fact) => {
        const fw = model.firewalls.find((f) => {
            const id = identity(f);
            return id !== undefined && (0,_azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .sameResource */ .nK)(id, fact);
        });
        if (!fw)
            return [];
        const objects = (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .firewallObjects */ .zk)(model, [fw]);
        return [{ fact, objects: (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .rehome */ .JR)(objects, (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .idsOf */ .UX)([objects]), `${fact.unit}#`) }];
    });
}
/** The firewalls the unit's routes read and it does not declare. */
function firewallNeeds(model) {
    const needs = new Map();
    for (const r of routesOf(model)) {
        const d = (0,_azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .readFirewall */ .tq)(r.nextHopIpAddress);
        if (!d)
            continue;
        const need = {
            name: d.names[0],
            ...(d.resourceGroup !== undefined ? { resourceGroup: d.resourceGroup } : {}),
            ...(d.subscription !== undefined ? { subscription: d.subscription.toLowerCase() } : {}),
        };
        needs.set(JSON.stringify(need).toLowerCase(), need);
    }
    return [...needs.values()];
}
/** Is the fact surely the firewall the need (or a hop's read) names? */
function answers(need, fact) {
    const name = 'name' in need ? need.name : need.names[0];
    return name !== undefined && (0,_azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .sameResource */ .nK)({ ...need, name }, fact);
}
/** The facts of other units that answer a unit's needs: for each need, the one firewall that surely is it. */
function firewallFactsFor(needs, from, all) {
    const out = [];
    for (const n of needs) {
        const found = all.filter((f) => f.from !== from && answers(n, f));
        // Two units declaring it (two variants, two copies) cannot be told apart: nothing is taken.
        if (found.length === 1 && !out.includes(found[0]))
            out.push(found[0]);
    }
    return out;
}
/** Lays other units' firewalls into a model: the hops reading one refer to it, so its policy decides. */
function layForeignFirewalls(model, provided) {
    if (provided.length === 0)
        return;
    for (const p of provided)
        (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .layForeignObjects */ .Re)(model, p.objects);
    for (const r of routesOf(model)) {
        const hop = r.nextHopIpAddress;
        const d = (0,_azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .readFirewall */ .tq)(hop);
        const given = d && provided.find((p) => answers(d, p.fact));
        if (!given || hop.known)
            continue;
        const fw = given.objects.firewalls[0];
        r.nextHopIpAddress = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(hop.expression, `the private address of Azure Firewall ${given.fact.name}, declared in ${given.fact.unit}: assigned at deployment`, hop.origin, { resource: fw.id, attribute: 'private_ip_address' });
    }
}


/***/ }),

/***/ 5346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dg: () => (/* binding */ hubFacts),
/* harmony export */   JR: () => (/* binding */ rehome),
/* harmony export */   Re: () => (/* binding */ layForeignObjects),
/* harmony export */   UX: () => (/* binding */ idsOf),
/* harmony export */   r4: () => (/* binding */ layHubFacts),
/* harmony export */   zk: () => (/* binding */ firewallObjects)
/* harmony export */ });
/* harmony import */ var _model_network__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2607);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2904);


const valueOf = (v) => (v?.known ? v.value : undefined);
/** The policies a firewall evaluates: its own and, base first or not, every base policy it chains to. */
function policiesOf(model, firewalls) {
    const byId = new Map(model.firewallPolicies.map((p) => [p.id, p]));
    const out = new Set();
    for (const fw of firewalls) {
        let p = byId.get(valueOf(fw.policyId) ?? '');
        while (p && !out.has(p)) {
            out.add(p);
            p = byId.get(valueOf(p.basePolicyId) ?? '');
        }
    }
    return [...out];
}
/** The IP groups the rules of these collections name. */
function ipGroupsOf(model, collections) {
    const named = new Set();
    for (const c of collections)
        for (const r of c.rules)
            for (const v of [r.sourceIpGroups, r.destinationIpGroups])
                if (v.known)
                    v.value.forEach((g) => named.add(g));
    return model.ipGroups.filter((g) => named.has(g.id));
}
/** The firewalls with the policies they evaluate (base policies too) and the IP groups their rules name. */
function firewallObjects(model, firewalls) {
    const firewallPolicies = policiesOf(model, firewalls);
    const ipGroups = ipGroupsOf(model, [
        ...firewalls.flatMap((f) => f.classicCollections),
        ...firewallPolicies.flatMap((p) => p.ruleCollectionGroups.flatMap((g) => g.collections)),
    ]);
    return { firewalls, firewallPolicies, ipGroups };
}
/** Property names whose strings are text, never a model id (an address often equals the id it names). */
const TEXT = new Set(['address', 'sourceType', 'name', 'origin', 'inputs', 'expression', 'reason', 'format']);
/**
 * A copy of `x` in which every string naming one of `ids` and every condition key carries `prefix`.
 * Hand-written: a walk over plain model data, which no library knows the references of.
 */
function rehome(x, ids, prefix) {
    const walk = (v, key) => {
        if (typeof v === 'string')
            return ids.has(v) ? `${prefix}${v}` : v;
        if (Array.isArray(v))
            return v.map((e) => walk(e));
        if (v === null || typeof v !== 'object')
            return v;
        const out = {};
        for (const [k, e] of Object.entries(v)) {
            if (TEXT.has(k))
                out[k] = e;
            else if (key === 'condition' && k === 'key' && typeof e === 'string')
                out[k] = `${prefix}${e}`;
            else
                out[k] = walk(e, k);
        }
        return out;
    };
    return walk(x);
}
/** The ids of the objects handed over and of everything they hold (routes, rule collections, rules). */
function idsOf(xs) {
    const ids = new Set();
    const walk = (v) => {
        if (Array.isArray(v))
            v.forEach(walk);
        else if (v !== null && typeof v === 'object') {
            const o = v;
            if (typeof o.id === 'string' && typeof o.sourceType === 'string')
                ids.add(o.id);
            for (const [k, e] of Object.entries(o))
                if (!TEXT.has(k))
                    walk(e);
        }
    };
    walk(xs);
    return ids;
}
/**
 * What the declaring unit hands over for a VNet connected by `connection` (`key`: the VNet's key, ARM-id
 * form; `prefix`: the unit's, for ids and condition keys).
 */
function hubFacts(model, connection, key, prefix) {
    const w = model.virtualWan ?? (0,_model_network__WEBPACK_IMPORTED_MODULE_0__/* .emptyVirtualWan */ .lG)();
    const hubId = valueOf(connection.hubId);
    const onHub = (v) => hubId !== undefined && valueOf(v) === hubId;
    const associated = valueOf(connection.associatedRouteTableId);
    const routingIntents = w.routingIntents.filter((i) => onHub(i.hubId));
    const routeTables = w.routeTables.filter((t) => onHub(t.hubId) || t.id === associated);
    const hops = new Set();
    for (const i of routingIntents)
        if (i.internetNextHop?.known)
            hops.add(i.internetNextHop.value);
    for (const t of routeTables)
        for (const r of t.routes)
            if (r.nextHop.known)
                hops.add(r.nextHop.value);
    const firewalls = model.firewalls.filter((f) => hops.has(f.id) || (f.virtualHubId !== undefined && onHub(f.virtualHubId)));
    const wan = {
        hubs: w.hubs.filter((h) => h.id === hubId),
        connections: [{ ...connection, vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(key, connection.vnetId.origin) }],
        routingIntents,
        routeTables,
        gateways: w.gateways.filter((g) => onHub(g.hubId)),
    };
    const foreign = firewallObjects(model, firewalls);
    const ids = idsOf([wan, foreign]);
    return { wan: rehome(wan, ids, prefix), foreign: rehome(foreign, ids, prefix) };
}
/** Appends to `into` the objects of `xs` it does not hold yet (by id). */
const add = (into, xs) => {
    const seen = new Set(into.map((o) => o.id));
    for (const x of xs)
        if (!seen.has(x.id))
            into.push(x);
};
/**
 * Adds another unit's firewalls, policies and IP groups (and NSGs, route tables and NICs it attaches,
 * ./cross-unit-attachments.ts) to a model's foreign objects, each once.
 */
function layForeignObjects(model, objects) {
    const f = (model.foreign ??= { firewalls: [], firewallPolicies: [], ipGroups: [] });
    add(f.firewalls, objects.firewalls);
    add(f.firewallPolicies, objects.firewallPolicies);
    add(f.ipGroups, objects.ipGroups);
    if (objects.nsgs?.length)
        add((f.nsgs ??= []), objects.nsgs);
    if (objects.routeTables?.length)
        add((f.routeTables ??= []), objects.routeTables);
    if (objects.networkInterfaces?.length)
        add((f.networkInterfaces ??= []), objects.networkInterfaces);
}
/** Adds what another unit handed over to a model, each object once (several VNets share one hub). */
function layHubFacts(model, facts) {
    const w = (model.virtualWan ??= (0,_model_network__WEBPACK_IMPORTED_MODULE_0__/* .emptyVirtualWan */ .lG)());
    add(w.hubs, facts.wan.hubs);
    add(w.connections, facts.wan.connections);
    add(w.routingIntents, facts.wan.routingIntents);
    add(w.routeTables, facts.wan.routeTables);
    add(w.gateways, facts.wan.gateways);
    layForeignObjects(model, facts.foreign);
}


/***/ }),

/***/ 2168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ap: () => (/* binding */ vpnGateways),
/* harmony export */   FT: () => (/* binding */ undeclaredGateways),
/* harmony export */   Qr: () => (/* binding */ siteFactsFor),
/* harmony export */   Vc: () => (/* binding */ settleGatewayNotices),
/* harmony export */   X2: () => (/* binding */ laySites),
/* harmony export */   nJ: () => (/* binding */ siteFacts)
/* harmony export */ });
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1592);

const GATEWAY = 'microsoft.network/virtualnetworkgateways';
/** The gateway a connection reads, by identity, where it says name and resource group. */
function identityOf(d) {
    if (d.armType.toLowerCase() !== GATEWAY || d.names.length !== 1 || !d.resourceGroup)
        return undefined;
    return {
        name: d.names[0],
        resourceGroup: d.resourceGroup,
        ...(d.subscription ? { subscription: d.subscription.toLowerCase() } : {}),
    };
}
/** Is `g` the VPN gateway `id` names (./azure-identity.ts)? */
function isGateway(g, id) {
    if (g.kind !== 'vpn' || !g.name.known)
        return false;
    return (0,_azure_identity__WEBPACK_IMPORTED_MODULE_0__/* .sameResource */ .nK)({ name: g.name.value, resourceGroup: g.resourceGroup, subscription: g.subscription }, id);
}
/** The sites a unit declares whose connections name a VPN gateway it does not declare. */
function siteFacts(model, unit) {
    const out = [];
    for (const l of model.bgp?.localNetworkGateways ?? []) {
        for (const d of l.gatewaysRead ?? []) {
            const gateway = identityOf(d);
            if (!gateway)
                continue;
            const { gatewayIds: _linked, gatewaysRead: _read, ...site } = l;
            out.push({ unit: unit.name, from: unit.from, gateway, site: { ...site, id: `${unit.name}#${l.id}` } });
        }
    }
    return out;
}
/** The VPN gateways a model holds with a known name and resource group (its own, or laid from another unit). */
function vpnGateways(model) {
    return (model.bgp?.gateways ?? []).flatMap((g) => g.kind === 'vpn' && g.name.known && g.resourceGroup !== undefined
        ? [
            {
                name: g.name.value,
                resourceGroup: g.resourceGroup,
                ...(g.subscription ? { subscription: g.subscription.toLowerCase() } : {}),
            },
        ]
        : []);
}
/** The sites of other units linked to any of these gateways. */
function siteFactsFor(gateways, from, all) {
    return all.filter((s) => s.from !== from && gateways.some((g) => (0,_azure_identity__WEBPACK_IMPORTED_MODULE_0__/* .sameResource */ .nK)(g, s.gateway)));
}
/** The VPN gateways a unit's connections read that it does not declare: its KMS011 notices name them. */
function undeclaredGateways(model) {
    const out = new Map();
    for (const d of model.diagnostics) {
        const g = d.undeclared && identityOf(d.undeclared);
        if (g)
            out.set(JSON.stringify(g).toLowerCase(), g);
    }
    return [...out.values()];
}
/** Drops the notices naming as undeclared a VPN gateway another unit of the scan declares (`declared`). */
function settleGatewayNotices(model, declared) {
    if (declared.length === 0)
        return;
    model.diagnostics = model.diagnostics.filter((d) => {
        const g = d.undeclared && identityOf(d.undeclared);
        return !g || !declared.some((x) => (0,_azure_identity__WEBPACK_IMPORTED_MODULE_0__/* .sameResource */ .nK)(x, g));
    });
}
/** Lays other units' sites into a model, linked to its VPN gateways of the identity their connections name. */
function laySites(model, facts) {
    const bgp = model.bgp;
    if (!bgp || facts.length === 0)
        return;
    for (const f of facts) {
        const gatewayIds = bgp.gateways.filter((g) => isGateway(g, f.gateway)).map((g) => g.id);
        if (gatewayIds.length === 0)
            continue;
        const laid = bgp.localNetworkGateways.find((l) => l.id === f.site.id);
        if (laid)
            laid.gatewayIds = [...new Set([...(laid.gatewayIds ?? []), ...gatewayIds])];
        else
            bgp.localNetworkGateways.push({ ...f.site, gatewayIds });
    }
}


/***/ }),

/***/ 5114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NR: () => (/* binding */ layForeignVnets),
/* harmony export */   P_: () => (/* binding */ connectionFactsFor),
/* harmony export */   YQ: () => (/* binding */ provideHubs),
/* harmony export */   c2: () => (/* binding */ withReadGateways),
/* harmony export */   ji: () => (/* binding */ layReadVnetGateways),
/* harmony export */   rQ: () => (/* binding */ unitVnets),
/* harmony export */   wJ: () => (/* binding */ layMaybeConnections),
/* harmony export */   xh: () => (/* binding */ factsFor),
/* harmony export */   xz: () => (/* binding */ gatewayFactsFor),
/* harmony export */   z9: () => (/* binding */ layHubConnections)
/* harmony export */ });
/* harmony import */ var _model_network__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2607);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2904);
/* harmony import */ var _model_vnet__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3580);
/* harmony import */ var _cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5346);
/* harmony import */ var _cross_unit_attachments__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(318);
/* harmony import */ var _cross_unit_firewalls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1561);
/* harmony import */ var _cross_unit_sites__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2168);







/** The key of a VNet a data source or `existing` resource reads (`deployed`), in ARM-id form. */
function deployedKey(v) {
    const d = v.known ? undefined : v.deployed;
    if (!d || d.armType !== 'microsoft.network/virtualnetworks' || d.names.length !== 1 || !d.resourceGroup)
        return undefined;
    const key = (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .vnetKeyOfName */ .Ll)(d.names[0], d.resourceGroup);
    return {
        key: d.subscription ? `/subscriptions/${d.subscription.toLowerCase()}${key}` : key,
        name: d.names[0],
    };
}
/** The VNets the model declares: model id \u2192 ARM-id key (undefined: resource group not known) and name. */
function declaredKeys(model) {
    const out = new Map();
    for (const v of model.vnets ?? []) {
        const name = v.name.known ? v.name.value : undefined;
        const rg = v.resourceGroup?.known ? v.resourceGroup.value : undefined;
        const key = name !== undefined && rg !== undefined
            ? `${v.subscription ? `/subscriptions/${v.subscription.toLowerCase()}` : ''}${(0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .vnetKeyOfName */ .Ll)(name, rg)}`
            : undefined;
        out.set(v.id, { ...(key ? { key } : {}), ...(name !== undefined ? { name } : {}) });
    }
    return out;
}
/** A VNet key as other units can match it: ARM-id form where the unit knows the VNet's identity. */
function portable(v, declared) {
    if (v.known) {
        if ((0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .vnetKeyOfArmId */ .TF)(v.value) !== undefined)
            return v;
        const d = declared.get(v.value);
        return d?.key
            ? (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key, v.origin)
            : {
                known: false,
                expression: v.value,
                reason: 'its resource group is not known',
                ...(v.origin ? { origin: v.origin } : {}),
            };
    }
    const d = deployedKey(v);
    return d ? (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key, v.origin) : v;
}
/** Whether the model holds a gateway surely in the VNet `key`. */
const hasGateway = (model, key) => (model.bgp?.gateways ?? []).some((g) => (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)(g.vnetId, key) === true);
/**
 * What a judged unit tells the others (its declared VNets with their gateway facts) and needs of them (the
 * VNets its undecided subnets rest on that it does not declare: their own VNet, or the remote VNet of a
 * peering with use_remote_gateways whose gateway is not in it). `undecided`: addresses of its undecided subnets.
 */
function unitVnets(model, undecided, unit) {
    const declared = declaredKeys(model);
    const bgp = model.bgp ?? (0,_model_network__WEBPACK_IMPORTED_MODULE_5__/* .emptyGatewayModel */ .Z_)();
    const prefix = (id) => `${unit.from}#${id}`;
    const facts = [];
    let unnamed = model.firewalls.some((fw) => !fw.name.known);
    for (const v of model.vnets ?? []) {
        const d = declared.get(v.id);
        if (d.name === undefined) {
            unnamed = true;
            continue;
        }
        const mine = (k) => k.known && k.value === v.id;
        const keyOf = (k) => (d.key ? (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key, k.origin) : k);
        const gateways = bgp.gateways
            .filter((g) => mine(g.vnetId))
            .map((g) => ({ ...g, id: prefix(g.id), vnetId: keyOf(g.vnetId), unit: unit.name }));
        const peerings = bgp.peerings
            .filter((p) => mine(p.vnetId))
            .map((p) => {
            const remote = deployedKey(p.remoteVnetId);
            return {
                ...p,
                id: prefix(p.id),
                vnetId: keyOf(p.vnetId),
                remoteVnetId: portable(p.remoteVnetId, declared),
                ...(!p.remoteVnetName.known && remote
                    ? { remoteVnetName: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(remote.name, p.remoteVnetName.origin) }
                    : {}),
                unit: unit.name,
            };
        });
        const sites = gateways.some((g) => g.kind === 'vpn')
            ? bgp.localNetworkGateways.map((l) => ({
                ...l,
                id: prefix(l.id),
                ...(l.gatewayIds ? { gatewayIds: l.gatewayIds.map(prefix) } : {}),
            }))
            : [];
        const hub = model.virtualWan?.connections.find((c) => mine(c.vnetId));
        facts.push({
            unit: unit.name,
            from: unit.from,
            order: unit.order,
            name: d.name,
            ...(d.key ? { key: d.key } : {}),
            address: v.address,
            origin: v.origin,
            gateways,
            peerings,
            sites,
            ...(hub && d.key ? { hub: true } : {}),
        });
    }
    const needs = new Map();
    const need = (name, key) => {
        if (name === undefined)
            return;
        const k = key?.known ? key.value.toLowerCase() : undefined;
        needs.set(`${name.toLowerCase()}\u0000${k ?? ''}`, { name, ...(k ? { key: k } : {}) });
    };
    for (const s of model.subnets) {
        if (!undecided.has(s.address) || s.format === 'live' || !s.vnetId)
            continue;
        const name = s.vnetName?.known ? s.vnetName.value : undefined;
        if (!s.vnetId.known || !declared.has(s.vnetId.value)) {
            need(name, s.vnetId);
            continue;
        }
        // A declared VNet using a hub's gateway the unit does not declare: the hub's unit may.
        for (const p of bgp.peerings) {
            if ((0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)(p.vnetId, s.vnetId) !== true)
                continue;
            if (p.useRemoteGateways.known && !p.useRemoteGateways.value)
                continue;
            const remote = portable(p.remoteVnetId, declared);
            if (remote.known && hasGateway(model, p.remoteVnetId))
                continue;
            const remoteName = p.remoteVnetName.known ? p.remoteVnetName.value : deployedKey(p.remoteVnetId)?.name;
            need(remoteName, remote);
        }
    }
    const firewalls = (0,_cross_unit_firewalls__WEBPACK_IMPORTED_MODULE_2__/* .firewallFacts */ .wZ)(model, unit);
    const firewallsNeeded = (0,_cross_unit_firewalls__WEBPACK_IMPORTED_MODULE_2__/* .firewallNeeds */ .cC)(model);
    const sites = (0,_cross_unit_sites__WEBPACK_IMPORTED_MODULE_6__/* .siteFacts */ .nJ)(model, unit);
    const gateways = (0,_cross_unit_sites__WEBPACK_IMPORTED_MODULE_6__/* .vpnGateways */ .Ap)(model);
    const undeclared = (0,_cross_unit_sites__WEBPACK_IMPORTED_MODULE_6__/* .undeclaredGateways */ .FT)(model);
    const connections = (model.virtualWan?.connections ?? []).flatMap((c) => {
        if (c.vnetId.known && declared.has(c.vnetId.value))
            return [];
        const { key, name } = readVnet(c, declared);
        if (name === undefined)
            return [];
        const connection = { ...c, id: `${unit.name}#${c.id}` };
        return [
            { unit: unit.name, from: unit.from, order: unit.order, name, ...(key ? { key } : {}), connection },
        ];
    });
    const attached = (0,_cross_unit_attachments__WEBPACK_IMPORTED_MODULE_1__/* .attachFacts */ .Nl)(model, unit);
    const readVnetGateways = bgp.gateways.flatMap((g) => {
        if (g.vnetId.known && declared.has(g.vnetId.value))
            return [];
        const { key, name } = readVnet(g, declared);
        if (name === undefined || key === undefined)
            return [];
        const gateway = { ...g, id: prefix(g.id), unit: unit.name };
        const sites = bgp.localNetworkGateways
            .filter((l) => !l.gatewayIds || l.gatewayIds.includes(g.id))
            .map((l) => ({ ...l, id: prefix(l.id), gatewayIds: [gateway.id] }));
        return [{ unit: unit.name, from: unit.from, order: unit.order, name, key, gateway, sites }];
    });
    const parts = [
        attached,
        readVnetGateways,
        facts,
        [...needs.values()],
        firewalls,
        firewallsNeeded,
        sites,
        gateways,
        undeclared,
        connections,
    ];
    if (parts.every((p) => p.length === 0) && !unnamed)
        return undefined;
    return {
        declared: facts,
        needs: [...needs.values()],
        ...(firewalls.length > 0 ? { firewalls } : {}),
        ...(firewallsNeeded.length > 0 ? { firewallNeeds: firewallsNeeded } : {}),
        ...(sites.length > 0 ? { sites } : {}),
        ...(gateways.length > 0 ? { vpnGateways: gateways } : {}),
        ...(undeclared.length > 0 ? { undeclaredGateways: undeclared } : {}),
        ...(connections.length > 0 ? { connections } : {}),
        ...(attached.length > 0 ? { attachments: attached } : {}),
        ...(readVnetGateways.length > 0 ? { readVnetGateways } : {}),
        ...(unnamed ? { unnamed: true } : {}),
    };
}
/**
 * The VNet a hub connection or a gateway is in when the unit does not declare it: its key (ARM-id form) and
 * name, from the name it writes, the data source or `existing` resource it reads, or the key's last segment.
 */
function readVnet(o, declared) {
    const key = connectedKey(o.vnetId, declared);
    const read = o.vnetId.known ? undefined : o.vnetId.deployed;
    const name = o.vnetName.known
        ? o.vnetName.value
        : read?.names.length === 1
            ? read.names[0]
            : key?.split('/').at(-1);
    return { ...(key !== undefined ? { key } : {}), ...(name !== undefined ? { name } : {}) };
}
/** The key (ARM-id form) of the VNet a hub connection names: declared, read (`deployed`), or by ARM id. */
function connectedKey(v, declared) {
    if (!v.known)
        return deployedKey(v)?.key;
    return declared.get(v.value)?.key ?? (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .vnetKeyOfArmId */ .TF)(v.value);
}
/**
 * The declaring unit's side of the second pass: for each asked VNet key (VnetFact.key of a fact with
 * `hub`), what decides its hub's routes, ids prefixed by the unit (`unit`: its name, as in the facts).
 */
function provideHubs(model, keys, unit) {
    const out = new Map();
    const declared = declaredKeys(model);
    // Connections to VNets the unit declares, and to VNets it only reads (ConnectionFact).
    for (const c of model.virtualWan?.connections ?? []) {
        const key = connectedKey(c.vnetId, declared);
        if (key === undefined || out.has(key) || !keys.includes(key))
            continue;
        out.set(key, (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .hubFacts */ .Dg)(model, c, key, `${unit}#`));
    }
    return out;
}
/** Does a connection fact surely name a VNet of this key? */
const surely = (c, key) => key !== undefined && c.key !== undefined && (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(c.key)) === true;
/** Could it name it (same name, a resource group not known on one side)? */
const maybe = (c, name, key) => name !== undefined &&
    name.toLowerCase() === c.name.toLowerCase() &&
    (key === undefined || c.key === undefined || (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(c.key)) === 'unknown');
/** The connections of other units to VNets `declared` (a unit's VnetFacts) surely or maybe names. */
function connectionFactsFor(declared, from, all) {
    return all.filter((c) => c.from !== from && declared.some((f) => surely(c, f.key) || maybe(c, f.name, f.key)));
}
/**
 * Connections of other units that may be to a VNet this unit declares, but not surely (a resource group not
 * known on one side): laid as connections to a hub that is not known, so ./vwan.ts makes the VNet's subnets
 * undecided, naming the connection and what would resolve it, never "reachable" past a hub that may take
 * their Internet traffic.
 */
function layMaybeConnections(model, facts) {
    const declared = [...declaredKeys(model)];
    for (const c of facts) {
        if (declared.some(([, d]) => surely(c, d.key)))
            continue;
        for (const [id, d] of declared) {
            if (!maybe(c, d.name, d.key))
                continue;
            const w = (model.virtualWan ??= (0,_model_network__WEBPACK_IMPORTED_MODULE_5__/* .emptyVirtualWan */ .lG)());
            w.connections.push({
                ...c.connection,
                id: `${c.connection.id}@${id}`,
                vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(id, c.connection.vnetId.origin),
                hubId: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .unknown */ .L5)(c.connection.address, `${c.connection.address} in ${c.unit} may connect this VNet to a virtual hub (same name; its resource group is not known on one side: state it in both units)`, c.connection.origin),
            });
        }
    }
}
/**
 * Lays the hub facts of other units' connections to VNets this unit declares (ConnectionFact): each
 * connection is to the unit's own VNet of that key, so its subnets meet it (./vwan.ts). A connection to a
 * VNet the unit only reads (given by another unit's facts) keeps the VNet's key, which its subnets in that
 * VNet name (as layForeignVnets lays a declaring unit's own hub connection).
 */
function layHubConnections(model, hubs) {
    if (hubs.length === 0)
        return;
    const declared = [...declaredKeys(model)];
    for (const h of hubs) {
        const c = h.wan.connections[0];
        if (!c)
            continue;
        const vnet = declared.find(([, d]) => d.key !== undefined && (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key), c.vnetId) === true);
        if (!vnet) {
            // Not one the unit declares by that name either (that may be it: layMaybeConnections names it).
            const name = c.vnetId.known ? c.vnetId.value.split('/').at(-1)?.toLowerCase() : undefined;
            if (name !== undefined && !declared.some(([, d]) => d.name?.toLowerCase() === name))
                (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .layHubFacts */ .r4)(model, h);
            continue;
        }
        (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .layHubFacts */ .r4)(model, {
            ...h,
            wan: { ...h.wan, connections: [{ ...c, vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(vnet[0], c.vnetId.origin) }] },
        });
    }
}
/** Whether a fact may be the VNet a need names: 'sure' (same key), 'maybe' (same name, a resource group not known). */
function matches(need, fact) {
    if (need.name.toLowerCase() !== fact.name.toLowerCase())
        return undefined;
    if (need.key === undefined || fact.key === undefined)
        return 'maybe';
    const same = (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(need.key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(fact.key));
    return same === true ? 'sure' : same === 'unknown' ? 'maybe' : undefined;
}
/**
 * The facts of other units a unit needs (none: judging it again would change nothing): those of every
 * VNet its needs may be, and, through their peerings with use_remote_gateways, of the VNets whose gateways
 * those use.
 */
function factsFor(needs, from, all) {
    const others = all.filter((f) => f.from !== from);
    const out = new Set();
    const queue = [...needs];
    const asked = new Set();
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        const id = `${n.name.toLowerCase()}\u0000${n.key ?? ''}`;
        if (asked.has(id))
            continue;
        asked.add(id);
        for (const f of others) {
            const m = matches(n, f);
            if (!m || out.has(f))
                continue;
            out.add(f);
            if (m !== 'sure')
                continue;
            for (const p of f.peerings) {
                if (p.useRemoteGateways.known && !p.useRemoteGateways.value)
                    continue;
                if (p.remoteVnetName.known)
                    queue.push({
                        name: p.remoteVnetName.value,
                        ...(p.remoteVnetId.known ? { key: p.remoteVnetId.value } : {}),
                    });
            }
        }
    }
    return [...out];
}
/**
 * Lays the facts of other units into a unit's model before it is judged again: every VNet they declare is
 * listed (GatewayModel.elsewhere: bgp.ts matches it by key, and names same-named candidates it cannot tell
 * apart); those with a known key and no same-named rival whose resource group is unknown bring their
 * gateways, peerings and sites; the unit's own peerings to a VNet it reads by name get that VNet's key, so
 * they meet its gateways.
 */
function layForeignVnets(model, facts, 
/** The hub facts its declaring unit handed over for a fact with `hub` (provideHubs). */
hubOf = () => undefined) {
    if (facts.length === 0)
        return;
    const bgp = (model.bgp ??= (0,_model_network__WEBPACK_IMPORTED_MODULE_5__/* .emptyGatewayModel */ .Z_)());
    const elsewhere = (bgp.elsewhere ??= []);
    const unsureName = new Set(facts.filter((f) => f.key === undefined).map((f) => f.name.toLowerCase()));
    const sure = [];
    for (const f of facts) {
        elsewhere.push({
            name: f.name,
            ...(f.key ? { key: f.key } : {}),
            unit: f.unit,
            address: f.address,
        });
        if (f.key !== undefined && !unsureName.has(f.name.toLowerCase()))
            sure.push(f);
    }
    const seen = new Set([...bgp.gateways, ...bgp.localNetworkGateways, ...bgp.peerings].map((o) => o.id));
    const add = (into, xs) => {
        for (const x of xs)
            if (!seen.has(x.id)) {
                into.push(x);
                seen.add(x.id);
            }
    };
    for (const f of sure) {
        add(bgp.gateways, f.gateways);
        add(bgp.peerings, f.peerings);
        add(bgp.localNetworkGateways, f.sites);
        const hub = f.hub && hubOf(f);
        if (hub)
            (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .layHubFacts */ .r4)(model, hub);
    }
    for (const p of bgp.peerings) {
        if (p.unit !== undefined || p.remoteVnetId.known)
            continue;
        const d = deployedKey(p.remoteVnetId);
        if (d && sure.some((f) => (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(f.key)) === true))
            p.remoteVnetId = (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key, p.remoteVnetId.origin);
    }
}
/** Other units' gateways in VNets this unit declares (surely the same VNet: its key). */
function gatewayFactsFor(declared, from, all) {
    return all.filter((g) => g.from !== from &&
        declared.some((f) => f.key !== undefined && (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(f.key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(g.key)) === true));
}
/**
 * A VNet's facts with the gateways (and their sites) other units build in it (GatewayFact): a spoke given the
 * hub's facts through its peering meets the gateway the connectivity unit builds in the hub the network unit
 * declares, as if declared with it (else it reads the gateway as not in the scanned sources). Surely the same
 * VNet only (its key).
 */
function withReadGateways(fact, all) {
    const key = fact.key;
    if (key === undefined)
        return fact;
    const built = all.filter((g) => g.from !== fact.from && (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(g.key)) === true);
    if (built.length === 0)
        return fact;
    const gateways = [...fact.gateways];
    const sites = [...fact.sites];
    for (const g of built) {
        if (gateways.some((x) => x.id === g.gateway.id))
            continue;
        gateways.push({ ...g.gateway, vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(key, g.gateway.vnetId.origin) });
        for (const l of g.sites)
            if (!sites.some((x) => x.id === l.id))
                sites.push(l);
    }
    return { ...fact, gateways, sites };
}
/** Lays other units' gateways (with their sites) into the VNets of this unit they are in. */
function layReadVnetGateways(model, facts) {
    if (facts.length === 0)
        return;
    const declared = [...declaredKeys(model)];
    const bgp = (model.bgp ??= (0,_model_network__WEBPACK_IMPORTED_MODULE_5__/* .emptyGatewayModel */ .Z_)());
    for (const f of facts) {
        const vnet = declared.find(([, d]) => d.key !== undefined && (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(f.key)) === true);
        if (!vnet || bgp.gateways.some((g) => g.id === f.gateway.id))
            continue;
        bgp.gateways.push({ ...f.gateway, vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(vnet[0], f.gateway.vnetId.origin) });
        for (const s of f.sites)
            if (!bgp.localNetworkGateways.some((l) => l.id === s.id))
                bgp.localNetworkGateways.push(s);
    }
}


/***/ }),

/***/ 7008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qb: () => (/* binding */ firewallDnsProxy),
/* harmony export */   Yn: () => (/* binding */ firewallForNextHop),
/* harmony export */   cq: () => (/* binding */ policyDnsProxy),
/* harmony export */   ez: () => (/* binding */ firewallSubnetHolds),
/* harmony export */   gg: () => (/* binding */ evaluateFirewall)
/* harmony export */ });
/* unused harmony exports policyChain, matchNetworkRule */
/* harmony import */ var _kms_catalogue__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5140);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2904);
/* harmony import */ var _first_match__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2316);
/* harmony import */ var _addresses__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8018);
/* harmony import */ var _conditions__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9334);
/**
 * Azure Firewall evaluation for one KMS request (TCP 1688 to one address). Reproduces Azure's rule
 * processing: only network rules can match non-HTTP(S) traffic such as KMS, so application rules never
 * do; with a policy, the base (parent) policy's rule collection groups come before the child's, groups
 * by priority, then collections by priority; classic firewalls take collections by priority. The first
 * matching rule decides; if none matches, the firewall denies. Network rules match FQDNs only when DNS
 * proxy is on (the firewall must resolve the name itself).
 */





/**
 * Whether a firewall whose private address Azure assigns at deployment holds `address`: it does when the
 * address is in its AzureFirewallSubnet (the subnet is the firewall's alone: Azure requires the name and
 * lets nothing else in, so any address there is the firewall's), it does not when the subnet's prefixes
 * are known and none holds it; undefined when its subnet is not in the model or its prefixes are unknown.
 * Templates commonly write the address Azure will assign (`10.0.1.4` for 10.0.1.0/26) as a literal.
 */
function firewallSubnetHolds(fw, address, index) {
    const subnet = fw.subnetId?.known ? index.subnets.get(fw.subnetId.value) : undefined;
    if (!subnet?.addressPrefixes.known || subnet.addressPrefixes.value.length === 0)
        return undefined;
    const held = subnet.addressPrefixes.value.map((p) => (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .prefixContains */ ._y)(p, address));
    if (held.includes(true))
        return true;
    return held.every((h) => h === false) ? false : undefined;
}
/**
 * The modelled Azure Firewall a VirtualAppliance next hop points at: its known private address equals
 * the hop, the hop is the (apply-time) private address attribute of that firewall, or a literal hop lies
 * in the AzureFirewallSubnet of a firewall whose address is assigned at deployment.
 */
function firewallForNextHop(hop, index) {
    if (!hop)
        return undefined;
    // Another unit's firewall (NetworkModel.foreign) is reached only through a hop that refers to it.
    for (const fw of index.firewalls.values()) {
        if (hop.known && fw.privateIpAddress.known && fw.privateIpAddress.value.trim() === hop.value.trim())
            return fw;
        if (!hop.known && hop.ref?.resource === fw.id)
            return fw;
    }
    if (!hop.known)
        return undefined;
    return index.model.firewalls.find((fw) => !fw.privateIpAddress.known && firewallSubnetHolds(fw, hop.value.trim(), index) === true);
}
/** The policy chain, base first; `unknowns` when a base policy cannot be resolved. */
function policyChain(policy, index) {
    const chain = [policy];
    const unknowns = [];
    let p = policy;
    while (p?.basePolicyId) {
        const ref = p.basePolicyId;
        const base = ref.known ? index.policies.get(ref.value) : undefined;
        if (!base) {
            const value = ref.known ? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(ref.value, 'base policy not in the scanned sources', ref.origin) : ref;
            unknowns.push({ value, attribute: 'basePolicyId', object: p });
            break;
        }
        if (chain.includes(base))
            break;
        chain.unshift(base);
        p = base;
    }
    return { chain, unknowns };
}
function settingOf(v, object) {
    return v.known
        ? { on: v.value, unknowns: [] }
        : { on: 'unknown', unknowns: [{ value: v, attribute: 'dnsProxy', object }] };
}
/**
 * DNS proxy of a policy: its own setting, else inherited from its base policy; not set anywhere = off,
 * unless a base policy cannot be resolved (it could set it).
 */
function policyDnsProxySetting(policy, index) {
    const { chain, unknowns } = policyChain(policy, index);
    for (const p of [...chain].reverse())
        if (p.dnsProxy)
            return settingOf(p.dnsProxy, p);
    return unknowns.length > 0 ? { on: 'unknown', unknowns } : { on: false, unknowns: [] };
}
function firewallDnsProxySetting(fw, index) {
    const p = firewallPolicy(fw, index);
    if (p && 'value' in p)
        return { on: 'unknown', unknowns: [p] };
    if (p)
        return policyDnsProxySetting(p, index);
    return fw.dnsProxy ? settingOf(fw.dnsProxy, fw) : { on: false, unknowns: [] };
}
function policyDnsProxy(policy, index) {
    return policyDnsProxySetting(policy, index).on;
}
function firewallDnsProxy(fw, index) {
    return firewallDnsProxySetting(fw, index).on;
}
/** The firewall's policy, resolved; an unresolved value when the reference does not resolve. */
function firewallPolicy(fw, index) {
    if (!fw.policyId)
        return undefined;
    if (!fw.policyId.known)
        return { value: fw.policyId, attribute: 'policyId', object: fw };
    const p = index.policies.get(fw.policyId.value);
    if (p)
        return p;
    return {
        value: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(fw.policyId.value, 'firewall policy not in the scanned sources', fw.policyId.origin),
        attribute: 'policyId',
        object: fw,
    };
}
function byPriority(items) {
    return [...items].sort((a, b) => (a.priority.known ? a.priority.value : 0) - (b.priority.known ? b.priority.value : 0));
}
function priorityUnknowns(o) {
    return o.priority.known ? [] : [{ value: o.priority, attribute: 'priority', object: o }];
}
function collectionSlots(collections, group) {
    const groupUnknowns = group ? priorityUnknowns(group) : [];
    return byPriority(collections.filter((c) => c.kind === 'network')).flatMap((collection) => {
        const unknowns = [...groupUnknowns, ...priorityUnknowns(collection)];
        return collection.rules.map((rule) => ({
            rule,
            collection,
            group,
            unknowns,
        }));
    });
}
/** The network rules in Azure's processing order. */
function ruleSequence(fw, policy, index) {
    if (!policy)
        return collectionSlots(fw.classicCollections);
    const { chain } = policyChain(policy, index);
    return chain.flatMap((p) => byPriority(p.ruleCollectionGroups).flatMap((g) => collectionSlots(g.collections, g)));
}
function listValue(v, attribute, rule, unknowns) {
    if (v.known)
        return v.value;
    unknowns.push({ value: v, attribute, object: rule });
    return undefined;
}
/** CIDRs of IP groups by id; undefined (with unknowns) when one cannot be resolved. */
function ipGroupCidrs(ids, attribute, rule, index, unknowns) {
    const list = listValue(ids, attribute, rule, unknowns);
    if (!list)
        return undefined;
    const cidrs = [];
    let complete = true;
    for (const id of list) {
        const g = index.ipGroups.get(id);
        if (!g) {
            unknowns.push({ value: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(id, 'IP group not in the scanned sources'), attribute, object: rule });
            complete = false;
        }
        else if (!g.cidrs.known) {
            unknowns.push({ value: g.cidrs, attribute: 'cidrs', object: g });
            complete = false;
        }
        else
            cidrs.push(...g.cidrs.value);
    }
    return complete ? cidrs : cidrs.length > 0 ? cidrs : undefined;
}
/** Does a set of entries (possibly incomplete) cover the request? true if a known entry does. */
function partial(entries, covers, complete) {
    const known = entries ? covers(entries) : false;
    return known === true ? true : complete ? known : 'unknown';
}
/**
 * Does a network rule match TCP 1688 from the source to `address`? `source` is the subnet's prefixes,
 * 'unknown', or 'any' for a route table no subnet uses (we assume the intended sources).
 */
function matchNetworkRule(rule, source, address, dnsProxy, index) {
    const unknowns = [];
    const protocols = listValue(rule.protocols, 'protocols', rule, unknowns);
    const proto = protocols
        ? protocols.some((p) => ['tcp', 'any', '*'].includes(p.trim().toLowerCase()))
        : 'unknown';
    const ports = listValue(rule.destinationPorts, 'destinationPorts', rule, unknowns);
    const port = ports ? (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .portsCover */ .gI)(ports, _kms_catalogue__WEBPACK_IMPORTED_MODULE_0__/* .KMS_PORT */ .GO) : 'unknown';
    // Most rules of a policy are for other ports or protocols: they cannot match, whatever else is unknown.
    if (proto === false || port === false)
        return { match: false, unknowns: [] };
    const dAddrs = listValue(rule.destinationAddresses, 'destinationAddresses', rule, unknowns);
    const dGroupUnknowns = [];
    const dGroups = ipGroupCidrs(rule.destinationIpGroups, 'destinationIpGroups', rule, index, dGroupUnknowns);
    unknowns.push(...dGroupUnknowns);
    const fqdns = listValue(rule.destinationFqdns, 'destinationFqdns', rule, unknowns);
    const coversDest = (es) => es.some((e) => (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .destinationCovers */ .xb)(e, address, 'firewall'));
    const named = fqdns ? fqdns.some((f) => (0,_kms_catalogue__WEBPACK_IMPORTED_MODULE_0__/* .addressesOfFqdn */ .XJ)(f)?.addresses.includes(address)) : 'unknown';
    // A network rule matches an FQDN only when the firewall resolves it (DNS proxy).
    const byFqdn = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triAnd */ .Rp)(named, dnsProxy.on);
    if (named === true && dnsProxy.on === 'unknown')
        unknowns.push(...dnsProxy.unknowns);
    const dest = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triOr */ .PG)((0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triOr */ .PG)(partial(dAddrs, coversDest, dAddrs !== undefined), partial(dGroups, coversDest, dGroupUnknowns.length === 0)), byFqdn);
    if (dest === false)
        return { match: false, unknowns: [] };
    let src = true;
    if (source !== 'any') {
        const sAddrs = listValue(rule.sourceAddresses, 'sourceAddresses', rule, unknowns);
        const sGroupUnknowns = [];
        const sGroups = ipGroupCidrs(rule.sourceIpGroups, 'sourceIpGroups', rule, index, sGroupUnknowns);
        unknowns.push(...sGroupUnknowns);
        const entries = [...(sAddrs ?? []), ...(sGroups ?? [])];
        const complete = sAddrs !== undefined && sGroupUnknowns.length === 0;
        src = partial(entries, (es) => (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .sourcesCover */ .EX)(es, source, 'firewall'), complete);
    }
    const match = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triAnd */ .Rp)((0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triAnd */ .Rp)(proto, port), (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triAnd */ .Rp)(dest, src));
    return { match, unknowns: match === 'unknown' ? unknowns : [] };
}
/**
 * Verdicts already reached in this analysis, by firewall, source and address: every subnet behind a hub
 * firewall asks it the same question, and a policy can hold hundreds of rules.
 */
const verdicts = new WeakMap();
/** Evaluates the firewall for TCP 1688 from `source` to `address`. */
function evaluateFirewall(fw, source, address, index) {
    let cache = verdicts.get(index);
    if (!cache)
        verdicts.set(index, (cache = new Map()));
    const key = `${fw.id}\u0000${typeof source === 'string' ? source : source.join(',')}\u0000${address}`;
    let verdict = cache.get(key);
    if (!verdict)
        cache.set(key, (verdict = decideFirewall(fw, source, address, index)));
    return verdict;
}
/**
 * A collection's action as this firewall applies it: one under the firewall's own condition (or one the
 * firewall's is nested under) is deployed whenever the firewall is, so its written action holds (else an
 * Allow under a condition is undecided).
 */
function actionOf(c, fw) {
    return c.writtenAction && (0,_conditions__WEBPACK_IMPORTED_MODULE_2__/* .presentWith */ .AZ)(c.condition, fw.condition) ? c.writtenAction : c.action;
}
function decideFirewall(fw, source, address, index) {
    const resolved = firewallPolicy(fw, index);
    if (resolved && 'value' in resolved)
        return { firewall: fw, action: 'unknown', dnsProxy: 'unknown', unknowns: [resolved] };
    const policy = resolved;
    const dnsProxy = firewallDnsProxySetting(fw, index);
    const candidates = ruleSequence(fw, policy, index).map((slot) => ({
        item: slot,
        ...matchNetworkRule(slot.rule, source, address, dnsProxy, index),
        access: (0,_first_match__WEBPACK_IMPORTED_MODULE_4__/* .accessOf */ .Y)(actionOf(slot.collection, fw), 'action', slot.collection),
        unplaced: slot.unknowns,
    }));
    // A base policy we cannot see comes first and could decide anything.
    const open = policy ? policyChain(policy, index).unknowns : [];
    // No rule matched: the firewall denies.
    const { decided, access, unknowns } = (0,_first_match__WEBPACK_IMPORTED_MODULE_4__/* .firstMatch */ .o)(candidates, 'Deny', open);
    return {
        firewall: fw,
        policy,
        dnsProxy: dnsProxy.on,
        rule: decided?.rule,
        collection: decided?.collection,
        group: decided?.group,
        action: access,
        unknowns,
    };
}


/***/ }),

/***/ 2316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ accessOf),
/* harmony export */   o: () => (/* binding */ firstMatch)
/* harmony export */ });
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2904);

/**
 * `Allow`/`Deny` (any case) of an NSG rule's access or a firewall collection's action; else unknown, named.
 */
function accessOf(v, attribute, object) {
    const a = v.known ? v.value.trim().toLowerCase() : undefined;
    if (a === 'allow')
        return { access: 'Allow' };
    if (a === 'deny')
        return { access: 'Deny' };
    const value = v.known ? (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(v.value, 'not Allow or Deny', v.origin) : v;
    return { access: 'unknown', unresolved: { value, attribute, object } };
}
/**
 * Walks `candidates` (placed ones in priority order) to the first definite match; none = `fallback`.
 * `open`: what else could decide first (e.g. a base policy we cannot see).
 */
function firstMatch(candidates, fallback, open = []) {
    const pending = [];
    let decided;
    for (const c of candidates) {
        if (c.unplaced.length > 0 || c.match === false)
            continue;
        if (c.match === 'unknown') {
            pending.push({ access: c.access.access, unknowns: c.unknowns });
            continue;
        }
        decided = c;
        if (c.access.unresolved)
            pending.push({ access: 'unknown', unknowns: [c.access.unresolved] });
        break;
    }
    const access = decided ? decided.access.access : fallback;
    for (const c of candidates)
        if (c.unplaced.length > 0 && c.match !== false)
            pending.push({
                access: c.access.access,
                unknowns: [...c.unplaced, ...c.unknowns, ...(c.access.unresolved ? [c.access.unresolved] : [])],
            });
    if (open.length > 0)
        pending.push({ access: 'unknown', unknowns: open });
    const conflicting = pending.filter((p) => p.access !== access || p.access === 'unknown');
    if (conflicting.length > 0 || access === 'unknown')
        return { decided: decided?.item, access: 'unknown', unknowns: conflicting.flatMap((p) => p.unknowns) };
    return { decided: decided?.item, access, unknowns: [] };
}


/***/ }),

/***/ 6666:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ displayName),
/* harmony export */   y: () => (/* binding */ indexModel)
/* harmony export */ });
function byId(items) {
    return new Map(items.map((i) => [i.id, i]));
}
/** The unit's own objects and, by id only, those of other units its paths reach (NetworkModel.foreign). */
function indexModel(model) {
    const f = model.foreign;
    return {
        model,
        routeTables: byId([...model.routeTables, ...(f?.routeTables ?? [])]),
        subnets: byId(model.subnets),
        nsgs: byId([...model.nsgs, ...(f?.nsgs ?? [])]),
        firewalls: byId([...model.firewalls, ...(f?.firewalls ?? [])]),
        policies: byId([...model.firewallPolicies, ...(f?.firewallPolicies ?? [])]),
        ipGroups: byId([...model.ipGroups, ...(f?.ipGroups ?? [])]),
    };
}
/** Longest address shown in a sentence; the whole one stays in the finding's `resource`. */
const MAX_SHOWN = 80;
/**
 * The Azure name when known, else the readable address. An ARM name expression can run to hundreds of
 * characters: in a sentence it is shortened in the middle, keeping the type and the expression's end.
 */
function displayName(o) {
    if (o.name.known)
        return o.name.value;
    const a = o.address;
    return a.length <= MAX_SHOWN ? a : `${a.slice(0, MAX_SHOWN - 21)}\u2026${a.slice(-20)}`;
}


/***/ }),

/***/ 2914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jg: () => (/* binding */ nsgBlocks),
/* harmony export */   Pm: () => (/* binding */ platformException),
/* harmony export */   Rh: () => (/* binding */ overridesDefault),
/* harmony export */   ht: () => (/* binding */ matchTraffic),
/* harmony export */   s0: () => (/* binding */ evaluateNsg)
/* harmony export */ });
/* harmony import */ var _kms_catalogue__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5140);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2904);
/* harmony import */ var _first_match__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2316);
/* harmony import */ var _addresses__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8018);
/**
 * Outbound NSG evaluation for one KMS request, as Azure does it: custom outbound rules by priority, then
 * the default rules AllowVnetOutBound (65000), AllowInternetOutBound (65001) and DenyAllOutBound (65500);
 * the first rule that matches decides.
 *
 * Azure platform exception (NSG overview, "Azure platform considerations"): traffic to the Windows KMS
 * endpoints on 1688 is let out by a platform rule NSGs do not see, unless the subnet's route table
 * overrides 0.0.0.0/0 or a rule denies the AzurePlatformLKM service tag. So an NSG deny only breaks
 * activation when the exception is off.
 */




/** Only the Internet default rule can match a KMS address: VirtualNetwork never contains it. */
const DEFAULT_OUTBOUND = [
    { name: 'AllowVnetOutBound', priority: 65000, access: 'Allow', covers: () => false },
    { name: 'AllowInternetOutBound', priority: 65001, access: 'Allow', covers: () => true },
    { name: 'DenyAllOutBound', priority: 65500, access: 'Deny', covers: () => true },
];
/**
 * Does an outbound rule match TCP 1688 from `source` (subnet prefixes, 'unknown', or 'any' for a
 * table no subnet uses) to `address`?
 */
function matchTraffic(rule, source, address) {
    // Written out without helper closures: it runs for every rule, subnet and KMS address, and its
    // closures and arrays were a large part of the analysis' garbage. Unknowns are named in field order.
    let unknowns;
    const { direction, protocol, destinationPortRanges: ports, destinationAddressPrefixes: dests } = rule;
    let dir = 'unknown';
    if (direction.known)
        dir = isWord(direction.value, 'outbound', 'Outbound');
    else
        (unknowns ??= []).push({ value: direction, attribute: 'direction', object: rule });
    let proto = 'unknown';
    if (protocol.known)
        proto = isTcp(protocol.value);
    else
        (unknowns ??= []).push({ value: protocol, attribute: 'protocol', object: rule });
    let port = 'unknown';
    if (ports.known)
        port = (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .portsCover */ .gI)(ports.value, _kms_catalogue__WEBPACK_IMPORTED_MODULE_0__/* .KMS_PORT */ .GO);
    else
        (unknowns ??= []).push({ value: ports, attribute: 'destinationPortRanges', object: rule });
    // Application security groups hold VMs; a KMS address is never in one.
    let dest = 'unknown';
    if (dests.known)
        dest = dests.value.some((d) => (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .destinationCovers */ .xb)(d, address, 'nsg'));
    else
        (unknowns ??= []).push({ value: dests, attribute: 'destinationAddressPrefixes', object: rule });
    let src = true;
    if (source !== 'any') {
        const asgs = rule.sourceApplicationSecurityGroups;
        const sources = rule.sourceAddressPrefixes;
        let bySrcPrefix = 'unknown';
        if (sources.known)
            bySrcPrefix = sources.value.length === 0 ? false : (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .sourcesCover */ .EX)(sources.value, source, 'nsg');
        else
            (unknowns ??= []).push({ value: sources, attribute: 'sourceAddressPrefixes', object: rule });
        let byAsg = false;
        if (asgs && (!asgs.known || asgs.value.length > 0)) {
            // Which VMs are in an application security group is not in the network sources.
            byAsg = 'unknown';
            const value = asgs.known
                ? (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(asgs.value.join(', '), 'membership of application security groups is not known statically', asgs.origin)
                : asgs;
            (unknowns ??= []).push({ value, attribute: 'sourceApplicationSecurityGroups', object: rule });
        }
        src = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(bySrcPrefix, byAsg);
    }
    const match = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)((0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)(dir, proto), (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)((0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)(port, dest), src));
    return { match, unknowns: match === 'unknown' && unknowns ? unknowns : [] };
}
/** `text`, trimmed, in lower case is `lower`; `usual` is its usual spelling, answered without a copy. */
function isWord(text, lower, usual) {
    return text === usual || text === lower || text.trim().toLowerCase() === lower;
}
/** A protocol that carries TCP: `Tcp`, `*`, `Any` (any case). */
function isTcp(text) {
    if (text === 'Tcp' || text === '*')
        return true;
    const p = text.trim().toLowerCase();
    return p === 'tcp' || p === '*' || p === 'any';
}
/** An active user or BGP 0.0.0.0/0 among effective routes: Azure's default route is overridden. */
function overridesDefault(e) {
    return (e.state === 'Active' &&
        (e.source === 'User' || e.source === 'VirtualNetworkGateway') &&
        e.addressPrefix.some((p) => (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .parseIpv4Prefix */ .nY)(p)?.bits === 0));
}
/**
 * Is the platform exception for KMS in force on this subnet? `table`: the subnet's route table, or its
 * unresolved reference (its routes could override 0.0.0.0/0). `effective`: the subnet's effective routes
 * (live state) beside the table, where a 0.0.0.0/0 learned over BGP overrides the default route too.
 * `extra`: managed routes Virtual Network Manager adds to the table.
 */
function platformException(nsg, table, effective, extra) {
    const unknowns = [];
    let overrides = false;
    const routeTable = table && 'value' in table ? undefined : table;
    if (table && 'value' in table) {
        overrides = 'unknown';
        unknowns.push(table);
    }
    for (const { route, why } of extra?.maybe ?? [])
        if (!route.addressPrefix.known || (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .parseIpv4Prefix */ .nY)(route.addressPrefix.value)?.bits === 0) {
            overrides = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(overrides, 'unknown');
            unknowns.push(why);
        }
    for (const routes of [routeTable?.routes ?? [], extra?.sure ?? []])
        for (const r of routes) {
            if (!r.addressPrefix.known) {
                overrides = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(overrides, 'unknown');
                unknowns.push({ value: r.addressPrefix, attribute: 'addressPrefix', object: r });
            }
            else {
                const p = (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .parseIpv4Prefix */ .nY)(r.addressPrefix.value);
                if (p && p.bits === 0)
                    overrides = true;
            }
        }
    const propagation = routeTable?.bgpRoutePropagation;
    for (const e of effective ?? []) {
        if (!overridesDefault(e))
            continue;
        // A 0.0.0.0/0 learned over BGP applies only if the table lets BGP routes in.
        if (e.source === 'VirtualNetworkGateway' && propagation && !propagation.known) {
            overrides = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(overrides, 'unknown');
            unknowns.push({ value: propagation, attribute: 'bgpRoutePropagation', object: routeTable });
        }
        else
            overrides = true;
    }
    let deniesLkm = false;
    for (const rule of nsg?.rules ?? []) {
        // Why this rule may deny the tag, in field order (no closures: this runs per subnet and address).
        const why = [];
        const dests = rule.destinationAddressPrefixes;
        let names = 'unknown';
        if (dests.known)
            names = dests.value.some(_addresses__WEBPACK_IMPORTED_MODULE_1__/* .isKmsServiceTag */ .T4);
        else
            why.push({ value: dests, attribute: 'destinationAddressPrefixes', object: rule });
        const access = (0,_first_match__WEBPACK_IMPORTED_MODULE_3__/* .accessOf */ .Y)(rule.access, 'access', rule);
        if (access.unresolved)
            why.push(access.unresolved);
        const denies = access.access === 'unknown' ? 'unknown' : access.access === 'Deny';
        let outbound = 'unknown';
        if (rule.direction.known)
            outbound = isWord(rule.direction.value, 'outbound', 'Outbound');
        else
            why.push({ value: rule.direction, attribute: 'direction', object: rule });
        const t = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)(names, (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)(denies, outbound));
        deniesLkm = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(deniesLkm, t);
        if (t === 'unknown')
            unknowns.push(...why);
    }
    const off = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(overrides, deniesLkm);
    const on = off === 'unknown' ? 'unknown' : !off;
    return { on, unknowns: on === 'unknown' ? unknowns : [] };
}
/** Does the NSG block KMS? Only a deny with the platform exception off does. */
function nsgBlocks(v) {
    if (v.access === 'Allow')
        return false;
    if (v.platformException === true)
        return false;
    if (v.access === 'Deny' && v.platformException === false)
        return true;
    return 'unknown';
}
/**
 * Evaluates a subnet's (or a NIC's) NSG for TCP 1688 to `address` (`table`, `effective`, `extra`: see
 * platformException).
 */
function evaluateNsg(nsg, source, address, table, effective, extra) {
    const exception = platformException(nsg, table, effective, extra);
    // Fields set one by one, not spread in: on Node 20 an object spread followed by more fields costs a few \u00b5s
    // per object, and this runs for every rule, subnet and KMS address.
    const candidates = rulesByPriority(nsg).map((rule) => {
        const { match, unknowns } = matchTraffic(rule, source, address);
        return {
            item: rule,
            match,
            unknowns,
            access: (0,_first_match__WEBPACK_IMPORTED_MODULE_3__/* .accessOf */ .Y)(rule.access, 'access', rule),
            unplaced: rule.priority.known ? [] : [{ value: rule.priority, attribute: 'priority', object: rule }],
        };
    });
    const fallback = DEFAULT_OUTBOUND.find((r) => r.covers(address));
    const { decided, access, unknowns } = (0,_first_match__WEBPACK_IMPORTED_MODULE_3__/* .firstMatch */ .o)(candidates, fallback.access);
    return {
        nsg,
        access,
        rule: decided,
        defaultRule: decided ? undefined : fallback.name,
        platformException: exception.on,
        unknowns,
    };
}
/**
 * The NSG's rules by priority (stable: equal priorities keep their order), sorted once per NSG rather than
 * for every subnet and KMS address that asks. The model is complete before the analysis runs.
 */
const sortedRules = new WeakMap();
function rulesByPriority(nsg) {
    const hit = sortedRules.get(nsg);
    // Should the rules change (a model laid over another), they are sorted again.
    if (hit && hit.rules.length === nsg.rules.length && hit.rules.every((r, i) => r === nsg.rules[i]))
        return hit.sorted;
    const sorted = [...nsg.rules].sort((a, b) => priorityOf(a) - priorityOf(b));
    sortedRules.set(nsg, { rules: [...nsg.rules], sorted });
    return sorted;
}
function priorityOf(rule) {
    return rule.priority.known ? rule.priority.value : 0;
}


/***/ }),

/***/ 6838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EN: () => (/* binding */ selectEffectiveRoutes),
/* harmony export */   W7: () => (/* binding */ selectRoute),
/* harmony export */   e9: () => (/* binding */ describeSelection),
/* harmony export */   kg: () => (/* binding */ nicName)
/* harmony export */ });
/* unused harmony exports normalizeNextHop, selectEffectiveRoute */
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2904);
/* harmony import */ var _addresses__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8018);
/* harmony import */ var _lookup__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6666);



const NEXT_HOPS = [
    'Internet',
    'VirtualNetworkGateway',
    'VnetLocal',
    'VirtualAppliance',
    'None',
];
/** Azure accepts next hop types case-insensitively (ARM) and Terraform spells them the same way. */
function normalizeNextHop(text) {
    const t = text.trim().toLowerCase();
    return NEXT_HOPS.find((h) => h.toLowerCase() === t);
}
/** On equal prefix length a user route beats a BGP route, which beats a system route. */
const RANK = {
    User: 3,
    VirtualNetworkGateway: 2,
    Default: 1,
    Unknown: 0,
};
/**
 * The route Azure uses for `address` among a NIC's effective routes: longest prefix match; on equal
 * prefixes user > BGP > system (and the first of equals); a user route with hasBgpOverride that covers the
 * address beats every BGP route covering it, however long; Invalid routes (e.g. a user route whose next hop
 * is gone) are ignored.
 */
function selectEffectiveRoute(routes, address) {
    const candidates = [];
    for (const route of routes) {
        if (route.state === 'Invalid')
            continue;
        let best;
        for (const prefix of route.addressPrefix) {
            const spec = (0,_addresses__WEBPACK_IMPORTED_MODULE_0__/* .routeSpecificity */ .Eg)(prefix, address);
            if (spec !== undefined && (!best || spec > best.spec))
                best = { prefix, spec };
        }
        if (best)
            candidates.push({ route, ...best });
    }
    const override = candidates.some((c) => c.route.source === 'User' && c.route.hasBgpOverride);
    const eligible = override
        ? candidates.filter((c) => c.route.source !== 'VirtualNetworkGateway')
        : candidates;
    let winner;
    for (const c of eligible)
        if (!winner ||
            c.spec > winner.spec ||
            (c.spec === winner.spec && RANK[c.route.source] > RANK[winner.route.source]))
            winner = c;
    return winner && { route: winner.route, prefix: winner.prefix };
}
/**
 * Longest prefix match over `reported` effective routes plus the user routes of `table` (as user entries,
 * flagged hasBgpOverride when a reported route says so). `unknown` when a route's prefix does not resolve
 * and could be the address's /32 (only a known /32 is sure to win anyway); `won` undefined when nothing
 * covers the address.
 */
function longestMatch(table, reported, address, overrides = [], extra = []) {
    const candidates = [...reported];
    const modelRoutes = new Map();
    const unresolved = [];
    // The table's own routes first: of equal user routes the first wins.
    for (const route of [...(table?.routes ?? []), ...extra]) {
        if (!route.addressPrefix.known) {
            unresolved.push({ value: route.addressPrefix, attribute: 'addressPrefix', object: route });
            continue;
        }
        const prefix = route.addressPrefix.value;
        const entry = {
            source: 'User',
            state: 'Active',
            addressPrefix: [prefix],
            nextHopType: route.nextHopType.known ? route.nextHopType.value : '',
            nextHopIpAddress: [],
        };
        if (bgpOverrideOf(route, prefix, overrides))
            entry.hasBgpOverride = true;
        modelRoutes.set(entry, route);
        candidates.push(entry);
    }
    const won = selectEffectiveRoute(candidates, address);
    if (unresolved.length > 0 && (!won || ((0,_addresses__WEBPACK_IMPORTED_MODULE_0__/* .routeSpecificity */ .Eg)(won.prefix, address) ?? 0) < 32))
        return { unknowns: unresolved };
    return { won, modelRoute: won && modelRoutes.get(won.route) };
}
/** Azure's system default route 0.0.0.0/0 \u2192 Internet won. */
function systemSelection(table) {
    return { table, winner: { kind: 'system', prefix: '0.0.0.0/0' }, nextHop: 'Internet', unknowns: [] };
}
/**
 * Selects the route for `address` in `table` (undefined table = system routes only), with `extra` user
 * routes beside the table's (Virtual Network Manager's managed routes). When a user route has the same
 * prefix as a system route the user route wins, so any capturing user route beats 0.0.0.0/0.
 */
function selectRoute(table, address, extra = []) {
    // No user route: the system default route, without building an empty candidate list first.
    if ((!table || table.routes.length === 0) && extra.length === 0)
        return systemSelection(table);
    // longestMatch without reported routes, straight over the model routes (it ran for every subnet and KMS
    // address, and its candidate entries were the analysis' largest allocation): the longest prefix wins,
    // the first of equals; a route whose prefix does not resolve keeps it open unless a /32 won.
    let won;
    let wonPrefix = '';
    let wonSpec = -1;
    let unresolved;
    for (const routes of [table?.routes ?? [], extra])
        for (const route of routes) {
            if (!route.addressPrefix.known) {
                ;
                (unresolved ??= []).push({ value: route.addressPrefix, attribute: 'addressPrefix', object: route });
                continue;
            }
            const spec = (0,_addresses__WEBPACK_IMPORTED_MODULE_0__/* .routeSpecificity */ .Eg)(route.addressPrefix.value, address);
            if (spec !== undefined && spec > wonSpec) {
                won = route;
                wonPrefix = route.addressPrefix.value;
                wonSpec = spec;
            }
        }
    if (unresolved && wonSpec < 32)
        return { table, nextHop: 'unknown', unknowns: unresolved };
    if (!won)
        return systemSelection(table);
    return userSelection(table, won, wonPrefix);
}
/** The selection when the user route `route` of `table` won. */
function userSelection(table, route, prefix) {
    const winner = { kind: 'user', route, prefix };
    const hopValue = route.nextHopType;
    if (!hopValue.known)
        return {
            table,
            winner,
            nextHop: 'unknown',
            unknowns: [{ value: hopValue, attribute: 'nextHopType', object: route }],
        };
    const hop = normalizeNextHop(hopValue.value);
    if (!hop) {
        const bad = (0,_model_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(hopValue.value, 'not a next hop type Azure knows', hopValue.origin);
        return {
            table,
            winner,
            nextHop: 'unknown',
            unknowns: [{ value: bad, attribute: 'nextHopType', object: route }],
        };
    }
    return { table, winner, nextHop: hop, nextHopIpAddress: route.nextHopIpAddress, unknowns: [] };
}
/** The NIC's name from its ARM id, for path text. */
function nicName(nicId) {
    return nicId.split('/').filter(Boolean).pop() ?? nicId;
}
/** A reported user route that Azure marks to win over BGP stands behind the model route with its prefix. */
function bgpOverrideOf(route, prefix, reported) {
    const name = route.name.known ? route.name.value.toLowerCase() : undefined;
    return reported.some((e) => e.source === 'User' &&
        e.hasBgpOverride === true &&
        e.addressPrefix.some((p) => p.trim().toLowerCase() === prefix.trim().toLowerCase()) &&
        (!e.name || !name || e.name.toLowerCase() === name));
}
/**
 * Selects the route for `address` from a subnet's effective routes (live state), which add what no IaC
 * file shows: routes learned over BGP, e.g. a 0.0.0.0/0 advertised from on-premises.
 *
 * The effective routes were read from the deployed network, but the model may be a pull request laid
 * over it. So the user routes come from the model's route table when the model says which table the
 * subnet has (`table`, or undefined for none): a bypass route the pull request adds counts, one it deletes
 * no longer does. Only when the association does not resolve (`'unresolved'`) are the reported user routes
 * used as they are. BGP routes are dropped when the model's table disables BGP route propagation.
 */
function selectEffectiveRoutes(effective, table, address, subnet) {
    const modelTable = table === 'unresolved' ? undefined : table;
    const replaceUser = table !== 'unresolved';
    const propagation = modelTable?.bgpRoutePropagation;
    const reported = [];
    for (const e of effective.routes) {
        if (replaceUser && e.source === 'User')
            continue;
        if (e.source === 'VirtualNetworkGateway' && propagation?.known && !propagation.value)
            continue;
        // Azure marks a system route Invalid when a user route with the same prefix overrides it. The user
        // routes are the model's now, so the override is decided again here (a user route outranks it).
        reported.push(replaceUser && e.source === 'Default' && e.state === 'Invalid' ? { ...e, state: 'Active' } : e);
    }
    const eff = { nicId: effective.nicId, routes: reported };
    const m = longestMatch(modelTable, reported, address, effective.routes);
    if ('unknowns' in m)
        return { table: modelTable, nextHop: 'unknown', unknowns: m.unknowns, effective: eff };
    // Nothing reported covers the address (no 0.0.0.0/0 at all): Azure's system default route applies.
    const { won, modelRoute } = m;
    // Object.assign on the fresh selection: a spread that adds a field is many times slower on Node 20.
    if (!won)
        return Object.assign(systemSelection(modelTable), { effective: eff });
    if (modelRoute)
        return Object.assign(userSelection(modelTable, modelRoute, won.prefix), { effective: eff });
    const hop = normalizeNextHop(won.route.nextHopType);
    if (won.route.source === 'Default' && hop === 'Internet' && (0,_addresses__WEBPACK_IMPORTED_MODULE_0__/* .parseIpv4Prefix */ .nY)(won.prefix)?.bits === 0)
        return Object.assign(systemSelection(modelTable), { effective: eff });
    const sel = {
        table: modelTable,
        winner: { kind: 'effective', route: won.route, prefix: won.prefix },
        nextHop: hop ?? 'unknown',
        unknowns: [],
        effective: eff,
    };
    const ip = won.route.nextHopIpAddress[0];
    if (ip)
        sel.nextHopIpAddress = (0,_model_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(ip, subnet.origin);
    if (!hop) {
        const value = (0,_model_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(`${won.prefix} \u2192 ${won.route.nextHopType}`, `next hop type of an effective route (NIC ${nicName(effective.nicId)}) that the analysis does not know`, subnet.origin);
        sel.unknowns = [{ value, attribute: 'effectiveRoutes', object: subnet }];
    }
    else if (won.route.source === 'VirtualNetworkGateway' && propagation && !propagation.known) {
        // A BGP route decides, but whether the table lets BGP routes in at all is not known.
        sel.nextHop = 'unknown';
        sel.unknowns = [{ value: propagation, attribute: 'bgpRoutePropagation', object: modelTable }];
    }
    return sel;
}
/** `(BGP)`, `(user route r0 in rt-spoke)`: where an effective selection's winner came from. */
function effectiveOrigin(sel, tableName) {
    const w = sel.winner;
    if (!w || w.kind === 'system')
        return 'system route';
    if (w.kind === 'hub' || w.kind === 'site')
        return w.text;
    if (w.kind === 'user')
        return `user route ${(0,_lookup__WEBPACK_IMPORTED_MODULE_2__/* .displayName */ .Q)(w.route)}${tableName ? ` in ${tableName}` : ''}`;
    if (w.route.source === 'VirtualNetworkGateway')
        return 'BGP';
    if (w.route.source === 'User')
        return `user route${w.route.name ? ` ${w.route.name}` : ''}, deployed`;
    return 'system route';
}
/** The readable form of a selection, e.g. `rt-spoke: 0.0.0.0/0 \u2192 VirtualNetworkGateway`. */
function describeSelection(sel, tableName) {
    if (sel.effective) {
        const where = `effective routes (${nicName(sel.effective.nicId)})`;
        if (!sel.winner)
            return `${where}: (unresolved route) \u2192 ?`;
        const ip = sel.nextHop === 'VirtualAppliance' ? sel.nextHopIpAddress : undefined;
        const hop = `${sel.nextHop === 'unknown' ? '?' : sel.nextHop}${ip ? ` ${ip.known ? ip.value : ip.expression}` : ''}`;
        return `${where}: ${sel.winner.prefix} \u2192 ${hop} (${effectiveOrigin(sel, tableName)})`;
    }
    const where = tableName ?? 'system route';
    if (!sel.winner && sel.unlessLearned?.winner)
        return `${describeSelection({ ...sel, ...sel.unlessLearned, unlessLearned: undefined }, tableName)} unless a route learned over BGP beats it \u2192 ?`;
    if (sel.winner?.kind === 'hub' || sel.winner?.kind === 'site')
        return `${sel.winner.text}: ${sel.winner.prefix} \u2192 ${sel.nextHop === 'unknown' ? '?' : sel.nextHop}`;
    if (!sel.winner)
        return `${where}: (unresolved route) \u2192 ?`;
    if (sel.winner.kind === 'user' && sel.winner.route.managedBy)
        return `${sel.winner.route.managedBy}, managed route ${(0,_lookup__WEBPACK_IMPORTED_MODULE_2__/* .displayName */ .Q)(sel.winner.route)}: ${sel.winner.prefix} \u2192 ${sel.nextHop === 'unknown' ? '?' : sel.nextHop}`;
    if (sel.winner.kind === 'system')
        return `${tableName ? `${tableName}: ` : ''}system route 0.0.0.0/0 \u2192 Internet`;
    return `${where}: ${sel.winner.prefix} \u2192 ${sel.nextHop === 'unknown' ? '?' : sel.nextHop}`;
}


/***/ }),

/***/ 5460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qp: () => (/* binding */ applyBaseline),
/* harmony export */   mF: () => (/* binding */ readBaseline)
/* harmony export */ });
/* unused harmony export toBaseline */
/* harmony import */ var _report_paths__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4278);
/* harmony import */ var _report_tool__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8934);
/* harmony import */ var _new_findings__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7832);
/* harmony import */ var _sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(547);




function toBaseline(findings, root) {
    return {
        tool: TOOL_NAME,
        baselineVersion: 1,
        toolVersion: TOOL_VERSION,
        findings: findings.map((f) => ({
            id: findingKey(f, root),
            ruleId: f.ruleId,
            resource: f.resource,
            file: displayPath(f.location.file, root),
            line: f.location.startLine,
            message: f.message,
        })),
    };
}
/** Reads and checks a baseline file; a file that is not one throws with the reason (a usage error). */
function readBaseline(file) {
    let data;
    try {
        // The invoker names the baseline: it may lie anywhere, but is still read as a regular file only.
        const read = (0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_3__/* .readSource */ .o$)(file, (0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_3__/* .makeBoundary */ .nj)([], [file]));
        if (!read.ok)
            throw new Error(`the file ${read.reason}`);
        data = JSON.parse(read.text);
    }
    catch (error) {
        throw new Error(`baseline ${file}: ${error instanceof Error ? error.message : String(error)}`, {
            cause: error,
        });
    }
    const b = data;
    if (typeof b !== 'object' ||
        b === null ||
        b.tool !== _report_tool__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_NAME */ .lH ||
        b.baselineVersion !== 1 ||
        !Array.isArray(b.findings) ||
        !b.findings.every((e) => typeof e?.id === 'string'))
        throw new Error(`baseline ${file}: not a ${_report_tool__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_NAME */ .lH} baseline (write one with --baseline-write)`);
    return b;
}
/** Matches as multisets, like the pull request comparison: two findings against one entry leave one fresh. */
function applyBaseline(findings, baseline, root) {
    const pool = new Map();
    for (const e of baseline.findings)
        pool.set(e.id, [...(pool.get(e.id) ?? []), e]);
    const out = { fresh: [], known: [], fixed: [] };
    for (const f of findings) {
        const list = pool.get((0,_new_findings__WEBPACK_IMPORTED_MODULE_2__/* .findingKey */ .fl)(f, root));
        if (list && list.length > 0) {
            list.shift();
            out.known.push(f);
        }
        else
            out.fresh.push(f);
    }
    for (const list of pool.values())
        out.fixed.push(...list);
    return out;
}


/***/ }),

/***/ 7832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ subnetChanges),
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   cD: () => (/* binding */ subnetList),
/* harmony export */   fl: () => (/* binding */ findingKey),
/* harmony export */   g3: () => (/* binding */ renamesFrom)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _rules_identity__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9389);
/* harmony import */ var _report_paths__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4278);
/* harmony import */ var _report_vnet_labels__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9497);
/**
 * New, existing and fixed findings between the base commit and the head of a pull request, by what they
 * are about (src/rules/identity.ts): the rule, the unit, the decisive hop and the subnets harmed, each by
 * Azure identity. Editing lines above a route, renaming a resource in the code (`moved`, a new address
 * for the same Azure name, `count` \u2192 `for_each`) or moving a file changes none of them; a subnet newly
 * exposed to an already broken path does, for that subnet.
 */




/** A finding with no Azure identity (a file that does not parse) is about its file, repository-relative. */
function anchored(f, root, renamed) {
    if (f.hop)
        return f;
    const rel = (0,_report_paths__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(f.location.file, root);
    const file = renamed?.[rel] ?? rel;
    // The resource of a file-level finding is the file itself, which the rename may have changed.
    const names = f.resource === rel || rel.endsWith(`/${f.resource}`) ? '' : f.resource;
    return { ...f, resource: JSON.stringify([file, names]) };
}
/**
 * The finding's identity as one string, for baselines and fingerprints: findingIdentity (rule, cloud,
 * unit, decisive hop, subnets by Azure identity); the file, repository-relative, only for findings that
 * have no Azure identity. No line numbers and no message.
 */
function findingKey(f, root, renamed) {
    return (0,_rules_identity__WEBPACK_IMPORTED_MODULE_1__/* .findingIdentity */ .AZ)(anchored(f, root, renamed));
}
/**
 * One entry per subnet the finding harms (one without a subnet when it names none): its identity, then
 * the identities it had before Terraform `moved` blocks, and the subnet.
 */
function entries(f, root, renamed) {
    const g = anchored(f, root, renamed);
    const affected = f.affected ?? [];
    if (affected.length === 0)
        return (0,_rules_identity__WEBPACK_IMPORTED_MODULE_1__/* .subnetIdentityChoices */ .u5)(g).map((ids) => [ids]);
    const seen = new Set();
    const out = [];
    for (const a of affected) {
        const ids = (0,_rules_identity__WEBPACK_IMPORTED_MODULE_1__/* .subnetIdentityChoices */ .u5)({ ...g, affected: [a] })[0];
        if (seen.has(ids[0]))
            continue;
        seen.add(ids[0]);
        out.push([ids, a]);
    }
    return out;
}
const refsOf = (list) => list.flatMap(([, a]) => (a ? [a] : []));
/**
 * Matches subnet by subnet, as multisets: two head findings about the same subnet and hop against one in
 * base is one existing and one new. A fixed finding's file is rewritten from the base checkout onto the
 * head root, so every reporter shows it with the repository's path (the temp dir is gone by then anyway).
 */
function compareFindings(base, head, opts) {
    const pool = new Map();
    const baseEntries = base.map((f) => entries(f, opts.baseRoot));
    for (const list of baseEntries)
        for (const [[id]] of list)
            pool.set(id, (pool.get(id) ?? 0) + 1);
    const result = {
        new: [],
        existing: [],
        fixed: [],
        newSubnets: new Map(),
        fixedSubnets: new Map(),
    };
    for (const f of head) {
        const list = entries(f, opts.headRoot, opts.renamed);
        // The base spells the address the head had before its `moved` blocks: any of the ids may match.
        const fresh = list.filter(([ids]) => {
            const id = ids.find((i) => (pool.get(i) ?? 0) > 0);
            if (id === undefined)
                return true;
            pool.set(id, pool.get(id) - 1);
            return false;
        });
        if (fresh.length === 0)
            result.existing.push(f);
        else {
            result.new.push(f);
            if (fresh.length < list.length)
                result.newSubnets.set(f, refsOf(fresh));
        }
    }
    // What is left in the pool was in base and is not in head: fixed, for those subnets.
    base.forEach((f, i) => {
        const list = baseEntries[i];
        const gone = list.filter(([[id]]) => {
            const n = pool.get(id) ?? 0;
            if (n > 0)
                pool.set(id, n - 1);
            return n > 0;
        });
        if (gone.length === 0)
            return;
        const g = reroot(f, opts.baseRoot, opts.headRoot);
        result.fixed.push(g);
        if (gone.length < list.length)
            result.fixedSubnets.set(g, refsOf(gone));
    });
    return result;
}
/**
 * The subnets a change fixes (a base finding no longer harms them) and newly exposes (a head finding
 * harms them and did not before), by their readable Azure names, each once with its rules.
 */
function subnetChanges(c) {
    // Labels tell same-named VNets apart across base and head, newly exposed or not.
    const labels = (0,_report_vnet_labels__WEBPACK_IMPORTED_MODULE_3__/* .labelsAcross */ .bw)([...c.new, ...c.existing, ...c.fixed]);
    const collect = (findings, only) => {
        const bySubnet = new Map();
        for (const f of findings)
            for (const a of only.get(f) ?? f.affected ?? []) {
                // A deployment variant (a parameter file, a Terraform environment) is its own deployment of the subnet.
                const at = f.unit?.indexOf('@') ?? -1;
                const label = (0,_report_vnet_labels__WEBPACK_IMPORTED_MODULE_3__/* .affectedLabel */ .tW)(f, a, labels) + (at >= 0 ? ` [${f.unit.slice(at + 1)}]` : '');
                const rules = bySubnet.get(label) ?? new Set();
                rules.add(f.ruleId);
                bySubnet.set(label, rules);
            }
        return [...bySubnet]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([subnet, rules]) => ({ subnet, rules: [...rules].sort() }));
    };
    return { fixed: collect(c.fixed, c.fixedSubnets), exposed: collect(c.new, c.newSubnets) };
}
/**
 * `vnet-spoke/snet-b and vnet-spoke (rg-spoke-b)/snet-c`: the subnets of finding `f` named in "newly
 * exposed" notes, labelled as the report labels them (a VNet name another VNet of the report shares is
 * qualified by resource group, or subscription).
 */
function subnetList(refs, f) {
    const names = refs.map((r) => (0,_report_vnet_labels__WEBPACK_IMPORTED_MODULE_3__/* .affectedLabel */ .tW)(f, r));
    if (names.length <= 1)
        return names.join('');
    return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
function reroot(f, from, to) {
    const rel = (0,_report_paths__WEBPACK_IMPORTED_MODULE_2__/* .repoPath */ .qN)(f.location.file, from);
    return rel === undefined ? f : { ...f, location: { ...f.location, file: node_path__WEBPACK_IMPORTED_MODULE_0__.join(to, rel) } };
}
/** The `renamed` map from the changed-file list (`previousPath` is set on renames). */
function renamesFrom(files) {
    const out = {};
    for (const f of files)
        if (f.previousPath)
            out[f.path] = f.previousPath;
    return out;
}


/***/ }),

/***/ 9820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sg: () => (/* binding */ unitChooser),
/* harmony export */   TK: () => (/* binding */ IAC_FILE),
/* harmony export */   fH: () => (/* binding */ isAffected),
/* harmony export */   g2: () => (/* binding */ unitKey),
/* harmony export */   xH: () => (/* binding */ findingUnitKey)
/* harmony export */ });
/* unused harmony exports unitHash, dataInputs */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(547);
/* harmony import */ var _report_tool__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8934);
/**
 * Pull request runs judge only what changed. Every deployment unit (a Terraform root module with the
 * modules it calls and its var files; a Bicep deployment with its parameter files and modules) is
 * identified by its root relative to the scanned path and by a content hash of its inputs. A unit none
 * of whose inputs the change touches cannot have a new, fixed or change-decided finding, so:
 * - with `scope: new` or `changed` only the affected units are judged, at head and at base;
 * - whatever the scope, the base judges only the units whose inputs differ from the head's, and reuses
 *   the head's findings for the others (same inputs, same findings).
 */




const toPosix = (p) => p.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
/** The unit's key: its root relative to the scanned path (Finding.unit without the variant). */
function unitKey(u, scanRoot) {
    return toPosix(node_path__WEBPACK_IMPORTED_MODULE_1__.relative(scanRoot, u.root)) || '.';
}
/** Finding.unit without the deployment variant. */
const findingUnitKey = (f) => f.unit?.split('@')[0];
/**
 * A hash of everything the unit reads, relative to `checkoutRoot` so a base checkout and the head agree:
 * each file's path and content, the changed data files it may read (`data`, see dataInputs: unchanged
 * ones are the same on both sides), and the tool version (another version may judge the same files otherwise).
 */
function unitHash(u, checkoutRoot, data = []) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(_report_tool__WEBPACK_IMPORTED_MODULE_3__/* .TOOL_VERSION */ .wr).update('\0');
    const files = [...new Set([...u.files, ...u.varFiles, ...data])];
    const boundary = (0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_2__/* .makeBoundary */ .nj)([checkoutRoot], files);
    for (const file of files.sort()) {
        h.update(toPosix(node_path__WEBPACK_IMPORTED_MODULE_1__.relative(checkoutRoot, file))).update('\0');
        const read = (0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_2__/* .readSource */ .o$)(file, boundary);
        h.update(read.ok ? read.text : `unreadable: ${read.reason}`).update('\0');
    }
    return h.digest('hex');
}
const TERRAFORM_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json)$/;
const TEMPLATE_FILE = /\.(bicep|bicepparam|json)$/;
/** Files a scan judges as units of their own, never only as data another unit reads. */
const IAC_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json|bicep|bicepparam)$/;
/**
 * Calls that read a file the unit does not list: Terraform's file(), fileexists(), templatefile(),
 * fileset(), filebase64()... and Bicep's loadTextContent()/loadJsonContent()/loadFileAsBase64()...
 * Found in the text, so a comment mentioning one only costs a re-judged unit, never a missed one.
 */
const READS_FILES = /\b(file|fileexists|fileset|filebase64|filemd5|filesha1|filesha256|filesha512|filebase64sha256|filebase64sha512|templatefile|load[A-Za-z]*Content|loadFileAsBase64)\s*\(/;
/**
 * The changed files a unit may read as data (file(), templatefile(), loadTextContent()): any changed
 * file that is not Terraform or Bicep source, when one of the unit's files calls such a function.
 * Which path a call names is often computed (`"${path.module}/rules/${var.env}.json"`), so every such
 * file counts: a unit re-judged for nothing costs time, a unit missed costs a wrong verdict.
 * (A .tf or .bicep file read as data by file() is not seen: no real configuration does that.)
 */
function dataInputs(u, changedPaths, read) {
    const data = [...changedPaths].filter((p) => !IAC_FILE.test(p) && !u.files.includes(p));
    if (data.length === 0)
        return [];
    // The unit's own files, wherever they are (downloaded modules live outside the checkout).
    const text = read ?? readThrough((0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_2__/* .makeBoundary */ .nj)([], u.files));
    for (const f of u.files) {
        if (!/\.(tf|bicep)$/.test(f))
            continue;
        if (READS_FILES.test(text(f) ?? ''))
            return data.sort();
    }
    return [];
}
const readThrough = (boundary) => (file) => {
    const r = (0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_2__/* .readSource */ .o$)(file, boundary);
    return r.ok ? r.text : undefined;
};
/**
 * True when the change touches one of the unit's inputs: one of its files or var files (installed
 * modules and their manifest included); (Terraform) a Terraform file added or removed in one of its
 * directories; (Bicep) a template or parameter file removed anywhere, since a module reference may now
 * point at nothing; or a changed file it may read as data (dataInputs).
 */
function isAffected(u, changed, read) {
    for (const f of [...u.files, ...u.varFiles])
        if (changed.paths.has(f))
            return true;
    if (u.kind === 'terraform') {
        const dirs = new Set(u.files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(f)));
        for (const c of changed.paths)
            if (TERRAFORM_FILE.test(c) && dirs.has(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(c)))
                return true;
        // The module manifest `terraform init` wrote names the directory each module key is read from.
        const installed = node_path__WEBPACK_IMPORTED_MODULE_1__.join(u.root, '.terraform') + node_path__WEBPACK_IMPORTED_MODULE_1__.sep;
        for (const c of changed.paths)
            if (c.startsWith(installed))
                return true;
    }
    else {
        for (const c of changed.removed)
            if (TEMPLATE_FILE.test(c))
                return true;
    }
    return dataInputs(u, changed.paths, read).length > 0;
}
/** What `selection` (ScanOptions.units) decides for each unit, asked before the unit is parsed. */
function unitChooser(selection) {
    const changed = selection.changed && {
        paths: new Set(selection.changed.paths),
        removed: new Set(selection.changed.removed),
    };
    const touched = selection.touched ?? selection.changed?.paths ?? [];
    const also = new Set(selection.also ?? []);
    const hashOf = (u) => selection.hashRoot !== undefined ? { hash: unitHash(u, selection.hashRoot, dataInputs(u, touched)) } : {};
    return (u) => {
        const key = unitKey(u, selection.keyRoot);
        const reused = selection.reuse?.[key];
        const earlier = typeof reused === 'string' ? [reused] : reused;
        if (earlier !== undefined) {
            const h = hashOf(u);
            return h.hash !== undefined && earlier.includes(h.hash)
                ? { key, judged: false, why: 'same-inputs', ...h }
                : { key, judged: true, ...h };
        }
        const root = selection.hashRoot;
        const files = changed && root !== undefined
            ? { files: u.files.map((f) => toPosix(node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, f))).filter((f) => !f.startsWith('..')) }
            : {};
        if (changed && !also.has(key) && !isAffected(u, changed))
            return { key, judged: false, why: 'untouched', ...files };
        return { key, judged: true, ...hashOf(u), ...files };
    };
}


/***/ }),

/***/ 1110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Am: () => (/* binding */ cloudForPath),
/* harmony export */   R4: () => (/* binding */ isIncluded),
/* harmony export */   km: () => (/* binding */ filterByPaths),
/* harmony export */   mk: () => (/* binding */ applyRuleSettings)
/* harmony export */ });
/* harmony import */ var _report_paths__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4278);
/* harmony import */ var _glob__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3334);


/** No include = everything; exclude wins over include. */
function isIncluded(relPath, config) {
    if (config.include.length > 0 && !(0,_glob__WEBPACK_IMPORTED_MODULE_1__/* .matchesAny */ ._I)(relPath, config.include))
        return false;
    return !(0,_glob__WEBPACK_IMPORTED_MODULE_1__/* .matchesAny */ ._I)(relPath, config.exclude);
}
/**
 * The first `clouds` entry whose path matches, else the top-level `cloud`, else undefined (the input
 * decides).
 */
function cloudForPath(relPath, config) {
    return config.clouds.find((c) => (0,_glob__WEBPACK_IMPORTED_MODULE_1__/* .matchesGlob */ .kt)(relPath, c.path))?.cloud ?? config.cloud;
}
/**
 * Severity overrides; `off` removes the rule's findings (problems of the config itself are added after, by
 * the scan).
 */
function applyRuleSettings(findings, rules) {
    const out = [];
    for (const f of findings) {
        const setting = rules[f.ruleId];
        if (setting === 'off')
            continue;
        out.push(setting && setting !== f.severity ? { ...f, severity: setting } : f);
    }
    return out;
}
/** Findings whose file the config excludes (the scan may read a whole directory). */
function filterByPaths(findings, config, root) {
    return findings.filter((f) => {
        const rel = (0,_report_paths__WEBPACK_IMPORTED_MODULE_0__/* .displayPath */ .Gt)(f.location.file, root);
        return rel.startsWith('/') || isIncluded(rel, config);
    });
}


/***/ }),

/***/ 3797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ CONFIG_FILE)
/* harmony export */ });
/**
 * The configuration file's name, on its own: the scan worker names it (suppressions) without loading the
 * config parser and its YAML library (src/config/config.ts), which only the calling thread runs.
 */
const CONFIG_FILE = '.azure-kms-guard.yml';


/***/ }),

/***/ 3334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _I: () => (/* binding */ matchesAny),
/* harmony export */   kt: () => (/* binding */ matchesGlob)
/* harmony export */ });
/* unused harmony export globToRegExp */
/**
 * Glob matching for config paths: `**` (any number of directories), `*` (within one segment), `?`.
 * Not node's path.matchesGlob: it is experimental in Node 20 and 22 (a warning on stderr, absent
 * before 20.17) and its edge cases have changed between releases; the CLI supports Node 20+ and the
 * action runs on 24, and a config must match the same files on both.
 */
const cache = new Map();
function globToRegExp(glob) {
    const hit = cache.get(glob);
    if (hit)
        return hit;
    let g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
    // A pattern without a slash matches at any depth, like .gitignore (`*.json` = any JSON file).
    if (!g.includes('/'))
        g = `**/${g}`;
    // A trailing slash or `/**` means everything under the directory.
    if (g.endsWith('/'))
        g += '**';
    let re = '';
    for (let i = 0; i < g.length; i++) {
        const c = g[i];
        if (c === '*' && g[i + 1] === '*') {
            const atStart = i === 0 || g[i - 1] === '/';
            const atEnd = i + 2 === g.length || g[i + 2] === '/';
            if (atStart && atEnd) {
                // `**/` matches zero or more directories; a final `**` matches anything.
                if (i + 2 === g.length)
                    re += '.*';
                else {
                    re += '(?:[^/]*/)*';
                    i++; // the slash after ** is part of the group
                }
                i++;
                continue;
            }
            re += '[^/]*';
            i++;
        }
        else if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    const out = new RegExp(`^${re}$`);
    cache.set(glob, out);
    return out;
}
/** `file` is repository-relative with forward slashes. */
function matchesGlob(file, glob) {
    return globToRegExp(glob).test(file.replace(/\\/g, '/').replace(/^\.\//, ''));
}
function matchesAny(file, globs) {
    return globs.some((g) => matchesGlob(file, g));
}


/***/ }),

/***/ 5140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ KMS_PORT),
/* harmony export */   JJ: () => (/* binding */ CLOUDS),
/* harmony export */   M$: () => (/* binding */ classifyKmsAddress),
/* harmony export */   OP: () => (/* binding */ kmsAddresses),
/* harmony export */   U7: () => (/* binding */ KMS_DATES),
/* harmony export */   XJ: () => (/* binding */ addressesOfFqdn),
/* harmony export */   pz: () => (/* binding */ cloudFromEnvironment),
/* harmony export */   uE: () => (/* binding */ KMS_CATALOGUE)
/* harmony export */ });
/* unused harmony export KMS_PROTOCOL */
/**
 * The catalogue of Azure KMS endpoints per cloud: the only place in the code base where these
 * facts live. Sources: Microsoft's "Windows activation fails in forced tunneling scenario"
 * troubleshooting article and the 2022 KMS address change announcement.
 */
const CLOUDS = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'];
const KMS_PORT = 1688;
const KMS_PROTOCOL = 'TCP';
const KMS_CATALOGUE = {
    AzureCloud: {
        cloud: 'AzureCloud',
        current: { fqdn: 'azkms.core.windows.net', addresses: ['20.118.99.224', '40.83.235.53'] },
        legacy: { fqdn: 'kms.core.windows.net', addresses: ['23.102.135.246'] },
    },
    AzureUSGovernment: {
        cloud: 'AzureUSGovernment',
        current: { fqdn: 'azkms.core.usgovcloudapi.net', addresses: ['52.126.105.2'] },
        legacy: { fqdn: 'kms.core.usgovcloudapi.net', addresses: ['23.97.0.13'] },
    },
    AzureChinaCloud: {
        cloud: 'AzureChinaCloud',
        current: { fqdn: 'azkms.core.chinacloudapi.cn', addresses: ['159.27.28.100', '163.228.64.161'] },
        legacy: { fqdn: 'kms.core.chinacloudapi.cn', addresses: ['42.159.7.249'] },
    },
};
/** Dates worth citing in messages. */
const KMS_DATES = {
    /** From this day azkms.core.windows.net resolves to the two new addresses. */
    newAddressesLive: '2022-10-03',
    /**
     * From this day kms.core.windows.net points at 20.118.99.224 (Microsoft's table still lists
     * 23.102.135.246).
     */
    legacyFqdnMoved: '2023-03-01',
};
/** Every KMS address of a cloud, current first. */
function kmsAddresses(cloud) {
    const c = KMS_CATALOGUE[cloud];
    return [
        ...c.current.addresses.map((address) => ({
            cloud,
            address,
            kind: 'current',
            fqdn: c.current.fqdn,
        })),
        ...c.legacy.addresses.map((address) => ({
            cloud,
            address,
            kind: 'legacy',
            fqdn: c.legacy.fqdn,
        })),
    ];
}
/**
 * What a KMS FQDN reaches when a firewall resolves it (DNS proxy on). kms.core.windows.net now resolves
 * to 20.118.99.224 (since 2023-03-01) although Microsoft's table lists 23.102.135.246: a rule naming only
 * the legacy FQDN covers at most one of the current addresses, and never 40.83.235.53.
 */
function addressesOfFqdn(fqdn) {
    const f = fqdn.trim().toLowerCase().replace(/\.$/, '');
    for (const c of CLOUDS) {
        const k = KMS_CATALOGUE[c];
        if (f === k.current.fqdn)
            return { cloud: c, kind: 'current', addresses: [...k.current.addresses] };
        if (f === k.legacy.fqdn) {
            // The public legacy name was re-pointed at the first new address; the sovereign ones were not.
            const addresses = c === 'AzureCloud' ? ['20.118.99.224'] : [...k.legacy.addresses];
            return { cloud: c, kind: 'legacy', addresses };
        }
    }
    return undefined;
}
/** Which cloud and kind a literal address belongs to, if it is a KMS address at all. */
function classifyKmsAddress(address) {
    return kmsByAddress().get(address);
}
let byAddress;
/** Every KMS address of every cloud, the first cloud listing it first. Read only by the callers. */
function kmsByAddress() {
    if (!byAddress) {
        byAddress = new Map();
        for (const c of CLOUDS)
            for (const a of kmsAddresses(c))
                if (!byAddress.has(a.address))
                    byAddress.set(a.address, a);
    }
    return byAddress;
}
/** azurerm provider `environment` values and Bicep/ARM `environment().name` \u2192 cloud. */
function cloudFromEnvironment(env) {
    switch (env.trim().toLowerCase()) {
        case 'public':
        case 'azurecloud':
            return 'AzureCloud';
        case 'usgovernment':
        case 'azureusgovernment':
            return 'AzureUSGovernment';
        case 'china':
        case 'azurechinacloud':
            return 'AzureChinaCloud';
        default:
            return undefined;
    }
}


/***/ }),

/***/ 2607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ emptyModel),
/* harmony export */   Xm: () => (/* binding */ emptyNetworkManager),
/* harmony export */   Z_: () => (/* binding */ emptyGatewayModel),
/* harmony export */   lG: () => (/* binding */ emptyVirtualWan)
/* harmony export */ });
/* unused harmony export mergeModels */
function emptyVirtualWan() {
    return { hubs: [], connections: [], routingIntents: [], routeTables: [], gateways: [] };
}
function emptyGatewayModel() {
    return { gateways: [], localNetworkGateways: [], peerings: [] };
}
function emptyNetworkManager() {
    return { groups: [], configurations: [], adminRules: [], routes: [] };
}
function emptyModel() {
    return {
        routeTables: [],
        subnets: [],
        nsgs: [],
        firewalls: [],
        firewallPolicies: [],
        ipGroups: [],
        natGateways: [],
        diagnostics: [],
        cloudHints: [],
    };
}
/** Appends one model to another (several module directories, several sources). */
function mergeModels(into, from) {
    into.routeTables.push(...from.routeTables);
    into.subnets.push(...from.subnets);
    into.nsgs.push(...from.nsgs);
    into.firewalls.push(...from.firewalls);
    into.firewallPolicies.push(...from.firewallPolicies);
    into.ipGroups.push(...from.ipGroups);
    into.natGateways.push(...from.natGateways);
    if (from.networkInterfaces)
        (into.networkInterfaces ??= []).push(...from.networkInterfaces);
    into.diagnostics.push(...from.diagnostics);
    for (const c of from.cloudHints)
        if (!into.cloudHints.includes(c))
            into.cloudHints.push(c);
    if (from.detachedRoutes)
        (into.detachedRoutes ??= []).push(...from.detachedRoutes);
    if (from.vnets)
        (into.vnets ??= []).push(...from.vnets);
    if (from.virtualWan) {
        const w = (into.virtualWan ??= emptyVirtualWan());
        w.hubs.push(...from.virtualWan.hubs);
        w.connections.push(...from.virtualWan.connections);
        w.routingIntents.push(...from.virtualWan.routingIntents);
        w.routeTables.push(...from.virtualWan.routeTables);
        w.gateways.push(...from.virtualWan.gateways);
    }
    if (from.networkManager) {
        const n = (into.networkManager ??= emptyNetworkManager());
        n.groups.push(...from.networkManager.groups);
        n.configurations.push(...from.networkManager.configurations);
        n.adminRules.push(...from.networkManager.adminRules);
        n.routes.push(...from.networkManager.routes);
    }
    if (from.bgp) {
        const g = (into.bgp ??= emptyGatewayModel());
        g.gateways.push(...from.bgp.gateways);
        g.localNetworkGateways.push(...from.bgp.localNetworkGateways);
        g.peerings.push(...from.bgp.peerings);
    }
    return into;
}


/***/ }),

/***/ 2904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ unknown),
/* harmony export */   Nu: () => (/* binding */ usedAt),
/* harmony export */   P6: () => (/* binding */ partCause),
/* harmony export */   PG: () => (/* binding */ triOr),
/* harmony export */   Rp: () => (/* binding */ triAnd),
/* harmony export */   eO: () => (/* binding */ known),
/* harmony export */   wY: () => (/* binding */ partLine)
/* harmony export */ });
/* unused harmony exports isKnown, valueOr */
/**
 * Every value in the network model remembers where it came from and whether it is known.
 * Unknown is a first-class answer: it flows through the analysis and ends as a KMS011 notice
 * naming the expression, never as a guessed verdict.
 */
/**
 * `site` for a value used there that was written at `written`: the same origin when it was written in
 * `site`'s file, else `site` remembering where (Origin.from). Evaluators call it where a value crosses
 * from a variable, parameter or module input to the attribute that uses it.
 */
function usedAt(site, written) {
    const first = written.from ?? written;
    if (first.file === site.file)
        return site;
    return { file: site.file, startLine: site.startLine, endLine: site.endLine, from: first };
}
/**
 * The cause every value a part of a deployment the scan cannot follow leaves unknown shares (Unknown.cause),
 * and the key of the notice naming that part (its address at its line): src/rules/kms011-unresolved.ts
 * gives one finding per part and line, the notice only where no subnet's verdict names the part.
 */
const partCause = (o, address) => `${partLine(o)}\u0000${address}`;
/** The line of a part (PartCause without the address), for the source's own notices, which may name none. */
const partLine = (o) => `part\u0000${o.file}\u0000${o.startLine}`;
function known(value, origin) {
    return origin ? { known: true, value, origin } : { known: true, value };
}
function unknown(expression, reason, origin, ref) {
    const u = { known: false, expression };
    if (reason !== undefined)
        u.reason = reason;
    if (origin)
        u.origin = origin;
    if (ref)
        u.ref = ref;
    return u;
}
function isKnown(v) {
    return v !== undefined && v.known;
}
/** The value if known, else the fallback. */
function valueOr(v, fallback) {
    return v !== undefined && v.known ? v.value : fallback;
}
function triAnd(a, b) {
    if (a === false || b === false)
        return false;
    if (a === 'unknown' || b === 'unknown')
        return 'unknown';
    return true;
}
function triOr(a, b) {
    if (a === true || b === true)
        return true;
    if (a === 'unknown' || b === 'unknown')
        return 'unknown';
    return false;
}


/***/ }),

/***/ 3580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lh: () => (/* binding */ labelVnets),
/* harmony export */   Ll: () => (/* binding */ vnetKeyOfName),
/* harmony export */   TF: () => (/* binding */ vnetKeyOfArmId),
/* harmony export */   l3: () => (/* binding */ vnetMentionOf),
/* harmony export */   qv: () => (/* binding */ labelMentions),
/* harmony export */   yH: () => (/* binding */ sameVnet)
/* harmony export */ });
const VNET_PATH = /^(?:\/subscriptions\/([^/]+))?\/resourcegroups\/([^/]+)\/providers\/microsoft\.network\/virtualnetworks\/([^/]+)/i;
/** The key of a VNet named by an ARM id (of the VNet or of anything under it); undefined without a resource group. */
function vnetKeyOfArmId(armId) {
    const m = VNET_PATH.exec(armId.trim().replace(/\/+$/, ''));
    if (!m)
        return undefined;
    return m[0].toLowerCase();
}
/** The key of a VNet the source names only by name and resource group. */
function vnetKeyOfName(name, resourceGroup) {
    return `/resourcegroups/${resourceGroup}/providers/microsoft.network/virtualnetworks/${name}`.toLowerCase();
}
/**
 * Whether two keys name the same VNet: true, false, or 'unknown' when either is not known. Keys of the
 * ARM-id form are compared by resource group and name, and by subscription when both say it (an IaC
 * key without subscription is the subscription the IaC deploys to, which the IaC does not say: it matches a
 * deployed VNet in any subscription; src/sources/azure/overlay-vnets.ts names two such matches as ambiguous).
 */
function sameVnet(a, b) {
    if (!a?.known || !b?.known)
        return 'unknown';
    const x = a.value.toLowerCase();
    const y = b.value.toLowerCase();
    if (x === y)
        return true;
    const p = VNET_PATH.exec(x);
    const q = VNET_PATH.exec(y);
    if (!p || !q || p[0] !== x || q[0] !== y)
        return false;
    if (p[2] !== q[2] || p[3] !== q[3])
        return false;
    return p[1] === undefined || q[1] === undefined || p[1] === q[1];
}
/** Subscription and resource group of a VNet key of the ARM-id form, lower case where Azure ignores case. */
function scopeOfKey(key) {
    const m = key === undefined ? null : VNET_PATH.exec(key);
    if (!m)
        return {};
    return { ...(m[1] ? { subscription: m[1] } : {}), resourceGroup: m[2] };
}
/** Where a subnet's VNet is: the subscription and resource group the source states or its key holds. */
function placeOf(s) {
    const fromKey = scopeOfKey(s.vnetId?.known ? s.vnetId.value : undefined);
    const subscription = s.subscription ?? fromKey.subscription;
    const resourceGroup = s.resourceGroup ?? fromKey.resourceGroup;
    return {
        ...(subscription !== undefined ? { subscription: subscription.toLowerCase() } : {}),
        ...(resourceGroup !== undefined ? { resourceGroup } : {}),
        key: s.vnetId?.known ? s.vnetId.value : s.address,
    };
}
/** The subnet's VNet as findings and verdicts carry it; undefined when its name is not known. */
function vnetMentionOf(s) {
    if (!s.vnetName?.known)
        return undefined;
    const label = s.vnetLabel ?? s.vnetName.value;
    return { name: s.vnetName.value, label, unitLabel: label, ...placeOf(s) };
}
const placeOfMention = (m) => ({
    key: m.key,
    ...(m.subscription !== undefined ? { subscription: m.subscription } : {}),
    ...(m.resourceGroup !== undefined ? { resourceGroup: m.resourceGroup } : {}),
});
/**
 * What tells same-named VNets apart, one qualifier per VNet in order: the resource group where the groups
 * differ, the subscription and group where only the subscriptions do, else the VNet key itself.
 */
function qualifiers(places) {
    const distinct = (f) => places.every((p) => f(p) !== undefined) && new Set(places.map(f)).size === places.length;
    const byGroup = distinct((p) => p.resourceGroup?.toLowerCase());
    const bySubscription = distinct((p) => p.resourceGroup === undefined ? undefined : `${p.subscription ?? ''}/${p.resourceGroup.toLowerCase()}`);
    const byKey = keyQualifiers(places.map((p) => p.key));
    return places.map((p, i) => byGroup
        ? p.resourceGroup
        : bySubscription && p.subscription !== undefined
            ? `subscription ${p.subscription}, ${p.resourceGroup}`
            : byKey[i]);
}
/** The file of a Bicep (`infra/main.bicep::hub.vnet`) or ARM (`infra/main.json#Microsoft.Network/\u2026`) model key. */
const fileOfKey = (key) => /^(.+?\.(?:bicep|json))(?:::|#)/.exec(key)?.[1];
/**
 * Qualifiers of last resort, kept short: a Bicep or ARM VNet by the end of its file's path that no other
 * VNet of the name shares (`All-in-One-Bicep/main.json`, not the template path and resource chain),
 * anything else (a Terraform address, two VNets of one file) by its whole key.
 */
function keyQualifiers(keys) {
    const files = keys.map(fileOfKey);
    return keys.map((key, i) => {
        const file = files[i];
        if (!file || files.some((f, j) => j !== i && f === file))
            return key;
        const parts = file.split('/');
        for (let n = 1; n < parts.length; n++) {
            const tail = parts.slice(-n).join('/');
            if (files.every((f, j) => j === i || !f || (f !== tail && !f.endsWith(`/${tail}`))))
                return tail;
        }
        return file;
    });
}
/**
 * Gives the subnets of same-named VNets a label that tells them apart (`vnet-spoke (rg-spoke-a)`), so a
 * report about two `vnet-spoke` in two resource groups or subscriptions does not read as one VNet. Names
 * that are unique in the model stay short. Within a model VNets are told apart by key (vnetId).
 */
function labelVnets(model) {
    const byName = new Map();
    for (const s of model.subnets) {
        delete s.vnetLabel;
        if (!s.vnetName?.known)
            continue;
        const name = s.vnetName.value.toLowerCase();
        byName.set(name, [...(byName.get(name) ?? []), s]);
    }
    for (const subnets of byName.values()) {
        const keyOf = (s) => (s.vnetId?.known ? s.vnetId.value.toLowerCase() : `?${s.id}`);
        const vnets = new Map();
        for (const s of subnets)
            if (!vnets.has(keyOf(s)))
                vnets.set(keyOf(s), s);
        if (vnets.size < 2)
            continue;
        const labels = new Map();
        const q = qualifiers([...vnets.values()].map(placeOf));
        [...vnets.keys()].forEach((k, i) => labels.set(k, q[i]));
        for (const s of subnets)
            s.vnetLabel = `${s.vnetName.known ? s.vnetName.value : ''} (${labels.get(keyOf(s))})`;
    }
}
/**
 * The labels of VNets mentioned across a whole report (several units, or a pull request's base and
 * head), by Azure identity: mentions of one name in one resource group are one VNet unless they state two
 * subscriptions (a mention without one is the VNet of that group whatever its subscription); without a
 * resource group, a mention is its own VNet. A name only one VNet has keeps `single` (by default the
 * label its unit gave it). Returns the label each mention should carry.
 */
function labelMentions(mentions, single = (m) => m.unitLabel) {
    const out = new Map();
    const byName = new Map();
    for (const m of mentions) {
        const k = m.name.toLowerCase();
        const list = byName.get(k);
        if (list)
            list.push(m);
        else
            byName.set(k, [m]);
    }
    for (const group of byName.values()) {
        // Azure identity of each mention: subscription/group/name, the subscription only where it tells apart.
        const groups = new Map();
        for (const m of group)
            if (m.resourceGroup !== undefined && m.subscription !== undefined) {
                const rg = m.resourceGroup.toLowerCase();
                groups.set(rg, (groups.get(rg) ?? new Set()).add(m.subscription));
            }
        const identity = (m) => {
            if (m.resourceGroup === undefined)
                return `?${m.key.toLowerCase()}`;
            const rg = m.resourceGroup.toLowerCase();
            const subscriptions = groups.get(rg);
            if (!subscriptions || subscriptions.size < 2)
                return `/${rg}`;
            return `${m.subscription ?? '?'}/${rg}`;
        };
        const vnets = new Map();
        for (const m of group) {
            const id = identity(m);
            const place = vnets.get(id);
            if (!place)
                vnets.set(id, placeOfMention(m));
            else if (place.subscription === undefined && m.subscription !== undefined)
                place.subscription = m.subscription;
        }
        if (vnets.size < 2) {
            for (const m of group)
                out.set(m, single(m));
            continue;
        }
        const q = qualifiers([...vnets.values()]);
        const labelOf = new Map([...vnets.keys()].map((id, i) => [id, q[i]]));
        for (const m of group)
            out.set(m, `${m.name} (${labelOf.get(identity(m))})`);
    }
    return out;
}


/***/ }),

/***/ 3217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q2: () => (/* binding */ portableDigest),
/* harmony export */   WQ: () => (/* binding */ undecidedSubnets),
/* harmony export */   i: () => (/* binding */ unitRef),
/* harmony export */   k7: () => (/* binding */ crossUnitPass)
/* harmony export */ });
/* unused harmony exports planRejudge, factsDigest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5114);
/* harmony import */ var _analysis_cross_unit_firewalls__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1561);
/* harmony import */ var _analysis_cross_unit_sites__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2168);
/* harmony import */ var _analysis_azure_identity__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1592);
/* harmony import */ var _analysis_cross_unit_attachments__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(318);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2904);
/* harmony import */ var _model_vnet__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3580);
/**
 * The scan's second pass over units that read a VNet another unit declares (src/analysis/cross-unit-vnets.ts).
 * Units are judged one after another, in several workers, and dropped; each tells what VNets it declares
 * and which undeclared ones its undecided subnets rest on (JudgedUnit.vnets). Once all shares are judged,
 * the units whose needs another unit's VNets may answer are judged again, in one worker, with those facts
 * laid into their models (./second-pass.ts), and their first judgements are replaced. Units that need nothing, or whose needs
 * no unit declares, are not judged again: their verdicts stay as they were.
 *
 * Not with live state: it reads every VNet. Only among the units judged in this scan: a pull request run
 * adds the untouched units reading a changed unit's VNets to its selection, and never reuses the findings
 * of units resting on other units' VNets (src/action/pull-request.ts, docs/workflows.md). A unit judged
 * again carries the digest of the facts it got (JudgedUnit.received): the cache-dir keys it by them.
 */









/** How a unit is named to the others (`root module connectivity`, `deployment hub/main.bicep`) and told apart. */
function unitRef(j, root) {
    if (j.unit === undefined)
        return undefined;
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, j.unit).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/') || node_path__WEBPACK_IMPORTED_MODULE_1__.basename(j.unit) || '.';
    const kind = /\.(bicep|bicepparam|json)$/i.test(j.unit) ? 'deployment' : 'root module';
    return { name: `${kind} ${rel}${j.label ? ` (variant ${j.label})` : ''}`, from: j.unit };
}
/** Whether two VNet keys (ARM-id form) surely name one VNet. */
const sameVnetKey = (a, b) => (0,_model_vnet__WEBPACK_IMPORTED_MODULE_5__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_6__/* .known */ .eO)(a), (0,_model_value__WEBPACK_IMPORTED_MODULE_6__/* .known */ .eO)(b)) === true;
/** The addresses of a unit's undecided subnets: the only ones whose needs are asked for. */
const undecidedSubnets = (verdicts) => new Set(verdicts.filter((v) => v.state === 'undecided').map((v) => v.address));
/** Which units to judge again, with the facts each gets; undefined when none would change. */
function planRejudge(judged) {
    const all = judged.flatMap((u) => u.vnets?.declared ?? []);
    const allReadGateways = judged.flatMap((u) => u.vnets?.readVnetGateways ?? []);
    const allFirewalls = judged.flatMap((u) => u.vnets?.firewalls ?? []);
    const allSites = judged.flatMap((u) => u.vnets?.sites ?? []);
    const allGateways = judged.flatMap((u) => (u.vnets?.vpnGateways ?? []).map((g) => ({ g, from: u.unit })));
    const allConnections = judged.flatMap((u) => u.vnets?.connections ?? []);
    const allAttachments = judged.flatMap((u) => u.vnets?.attachments ?? []);
    if (all.length === 0 && allFirewalls.length === 0 && allSites.length === 0)
        return undefined;
    const facts = {};
    const firewalls = {};
    const sites = {};
    const settled = {};
    const connections = {};
    const attachments = {};
    const vnetGateways = {};
    const units = new Set();
    for (const u of judged) {
        if (u.unit === undefined)
            continue;
        // With the gateways other units build in them (not those it builds itself: it has them).
        const built = allReadGateways.filter((g) => g.from !== u.unit);
        const given = (u.vnets?.needs.length ? (0,_analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__/* .factsFor */ .xh)(u.vnets.needs, u.unit, all) : []).map((f) => built.length > 0 ? (0,_analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__/* .withReadGateways */ .c2)(f, built) : f);
        const givenFirewalls = u.vnets?.firewallNeeds?.length
            ? (0,_analysis_cross_unit_firewalls__WEBPACK_IMPORTED_MODULE_3__/* .firewallFactsFor */ .hv)(u.vnets.firewallNeeds, u.unit, allFirewalls)
            : [];
        // Sites linked to the unit's VPN gateways, or to those of the VNets it is given.
        const gateways = [
            ...(u.vnets?.vpnGateways ?? []),
            ...given.flatMap((f) => f.gateways.flatMap((g) => g.kind === 'vpn' && g.name.known && g.resourceGroup !== undefined
                ? [{ name: g.name.value, resourceGroup: g.resourceGroup }]
                : [])),
        ];
        const givenSites = gateways.length > 0 && allSites.length > 0 ? (0,_analysis_cross_unit_sites__WEBPACK_IMPORTED_MODULE_7__/* .siteFactsFor */ .Qr)(gateways, u.unit, allSites) : [];
        // Gateways its connections read that another unit declares: its notices naming them go.
        const declaredElsewhere = (u.vnets?.undeclaredGateways ?? []).filter((g) => allGateways.some((d) => d.from !== u.unit && (0,_analysis_azure_identity__WEBPACK_IMPORTED_MODULE_8__/* .sameResource */ .nK)(d.g, g)));
        if (declaredElsewhere.length > 0)
            settled[u.order] = declaredElsewhere;
        // Hub connections another unit makes to the VNets this unit declares (it does not know it needs them),
        // and to the VNets it is given (a subnet vended into a spoke VNet the landing zone declares and the
        // connectivity unit connects: the landing zone's facts do not know the connection). Only sure ones for
        // the latter: the given VNet's key and the connection's are the same.
        const connected = [
            ...(allConnections.length > 0 && u.vnets?.declared.length
                ? (0,_analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__/* .connectionFactsFor */ .P_)(u.vnets.declared, u.unit, allConnections)
                : []),
            ...(allConnections.length > 0 && given.length > 0
                ? (0,_analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__/* .connectionFactsFor */ .P_)(given, u.unit, allConnections).filter((c) => given.some((f) => f.key !== undefined && c.key !== undefined && sameVnetKey(f.key, c.key)))
                : []),
        ].filter((c, i, all) => all.indexOf(c) === i);
        if (connected.length > 0)
            connections[u.order] = connected;
        // NSGs, route tables and NICs other units attach to its subnets (it does not know they exist).
        const attached = allAttachments.length > 0 && u.vnets?.declared.length
            ? (0,_analysis_cross_unit_attachments__WEBPACK_IMPORTED_MODULE_4__/* .attachFactsFor */ .S5)(u.vnets.declared, u.unit, allAttachments)
            : [];
        if (attached.length > 0)
            attachments[u.order] = attached;
        // Gateways other units build in VNets it declares.
        const gatewaysIn = allReadGateways.length > 0 && u.vnets?.declared.length
            ? (0,_analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__/* .gatewayFactsFor */ .xz)(u.vnets.declared, u.unit, allReadGateways)
            : [];
        if (gatewaysIn.length > 0)
            vnetGateways[u.order] = gatewaysIn;
        if (given.length === 0 &&
            givenFirewalls.length === 0 &&
            givenSites.length === 0 &&
            declaredElsewhere.length === 0 &&
            connected.length === 0 &&
            attached.length === 0 &&
            gatewaysIn.length === 0)
            continue;
        facts[u.order] = [...new Set([...(facts[u.order] ?? []), ...given])];
        if (givenFirewalls.length > 0)
            firewalls[u.order] = [...new Set([...(firewalls[u.order] ?? []), ...givenFirewalls])];
        if (givenSites.length > 0)
            sites[u.order] = [...new Set([...(sites[u.order] ?? []), ...givenSites])];
        units.add(u.unit);
    }
    // The attaching units are judged again too: their notices saying the subnet is not declared go.
    const settledAttachments = {};
    for (const a of Object.values(attachments).flat()) {
        // A redeclared subnet is judged by its own unit too: no notice of its to settle; nor where the subnet
        // may be another (its resource group not known): the notice naming it stays.
        if (a.kind === 'subnet' || a.resourceGroup === undefined)
            continue;
        (settledAttachments[a.order] ??= []).push(a.index);
        facts[a.order] ??= [];
        units.add(a.from);
    }
    if (units.size === 0)
        return undefined;
    // The units declaring what the readers are given: the second pass asks them for the objects.
    const providers = new Set([
        ...Object.values(firewalls).flatMap((fs) => fs.map((f) => f.from)),
        ...Object.values(facts).flatMap((fs) => fs.flatMap((f) => (f.hub ? [f.from] : []))),
        ...Object.values(connections).flatMap((cs) => cs.map((c) => c.from)),
        ...Object.values(attachments).flatMap((as) => as.map((a) => a.from)),
    ]);
    return {
        units: [...units],
        facts,
        ...(providers.size > 0 ? { providers: [...providers] } : {}),
        ...(Object.keys(firewalls).length > 0 ? { firewalls } : {}),
        ...(Object.keys(sites).length > 0 ? { sites } : {}),
        ...(Object.keys(settled).length > 0 ? { settled } : {}),
        ...(Object.keys(connections).length > 0 ? { connections } : {}),
        ...(Object.keys(attachments).length > 0 ? { attachments, settledAttachments } : {}),
        ...(Object.keys(vnetGateways).length > 0 ? { vnetGateways } : {}),
    };
}
/**
 * A digest of the facts a unit was judged again with, the same for the same facts in another checkout of
 * the repository (paths under `root` are taken relative to it): a unit's findings depend on them
 * (ScanResult.crossUnit, the cache-dir's key of such a unit). `foreign`: the digest of the other units'
 * objects laid into its model in the second pass (./second-pass.ts), such as a firewall's policy: a change to
 * it changes the unit's findings as much as a change to a VNet fact.
 */
function factsDigest(facts, root, foreign) {
    const text = JSON.stringify([...facts].map((f) => portableJson(f, root)).sort());
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(foreign === undefined ? text : `${text}\u0000${foreign}`)
        .digest('hex');
}
/** The digest of plain data, the same in another checkout of the repository (as factsDigest takes it). */
function portableDigest(x, root) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(portableJson(x, root)).digest('hex');
}
/** JSON of plain data with paths under `root` relative to it. */
function portableJson(x, root) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root);
    const rel = (v) => (v.includes(abs) ? v.split(abs).join('.') : v);
    return JSON.stringify(x, (_k, v) => (typeof v === 'string' ? rel(v) : v));
}
/**
 * The parts with the units that read another unit's VNets judged again (`judge` runs a scan part with
 * ScanOptions.rejudge). A second pass that fails leaves the first judgements: undecided, as without it.
 */
async function crossUnitPass(options, parts, judge) {
    if (options.deployed || options.rejudge)
        return parts;
    const rejudge = planRejudge(parts.flatMap((p) => p.judged));
    if (!rejudge)
        return parts;
    const { onProgress: _quiet, units, ...rest } = options;
    // A pull request's head is judged from the files git knows, not from discovery: the same files again.
    const again = await judge({
        ...rest,
        ...(units?.files ? { units: { keyRoot: units.keyRoot, files: units.files } } : {}),
        rejudge,
    });
    if (!again || again.length === 0)
        return parts;
    // What each unit needed when judged alone, and which facts it was judged with: its findings depend on them.
    const first = new Map(parts.flatMap((p) => p.judged.map((u) => [u.order, u.vnets?.needs ?? []])));
    const root = units?.hashRoot ?? options.repoRoot ?? options.path;
    for (const u of again) {
        const given = rejudge.facts[u.order];
        if (given)
            u.received = { facts: factsDigest(given, root, u.foreign), needs: first.get(u.order) ?? [] };
    }
    const replaced = new Set(again.map((u) => u.order));
    return parts.map((p, i) => ({
        ...p,
        judged: [...p.judged.filter((u) => !replaced.has(u.order)), ...(i === 0 ? again : [])],
    }));
}


/***/ }),

/***/ 3092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xb: () => (/* binding */ mayShare),
/* harmony export */   t: () => (/* binding */ Shares)
/* harmony export */ });
/* unused harmony exports MIN_SPLIT_BYTES, minSplitBytes */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _sources_parsing_discover__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3146);
/**
 * Which deployment units one scan worker judges when several share a scan (src/pipeline/scan-isolated.ts).
 *
 * Every worker finds the same files and forms the same units (discovery is deterministic), so each can
 * tell its own share without talking to the others: units go, largest first, to the least loaded share
 * (by bytes of source), the same way in every worker. Each worker parses, evaluates, models, analyses
 * and judges its units where they are parsed and sends back findings, never syntax trees; the scan
 * merges them in unit order, so the report is the same as one worker's (src/pipeline/scan.ts finishScan).
 */



/**
 * Below this many bytes of units in all, one share judges everything: a second worker would cost its
 * start and its discovery and save less than that.
 */
const MIN_SPLIT_BYTES = 1_000_000;
/** Bytes of units below which one share judges all (AZURE_KMS_GUARD_SPLIT_BYTES sets it, for tests). */
function minSplitBytes(env = process.env) {
    const v = env.AZURE_KMS_GUARD_SPLIT_BYTES?.trim();
    return v && /^\d+$/.test(v) ? Number(v) : MIN_SPLIT_BYTES;
}
/** IaC files a tree needs before a second worker is started for it (~2.8 KB each in a landing zone). */
const MIN_SPLIT_FILES = 250;
/** Most directory entries the probe looks at before it takes the tree as large. */
const PROBE_ENTRIES = 20_000;
const IAC_FILE = /\.(tf|tfvars|tf\.json|tfvars\.json|bicep|bicepparam|json)$/;
/**
 * Whether the tree under `root` may hold enough to share (before any worker starts, on the calling thread):
 * counts IaC-looking files, stopping at MIN_SPLIT_FILES or after PROBE_ENTRIES entries (then: large), so a
 * small workspace starts one worker and a hostile one costs this thread a bounded walk. The workers
 * decide by bytes (minSplitBytes) once they have read the sources.
 */
function mayShare(root, env = process.env) {
    if (minSplitBytes(env) === 0)
        return true;
    let files = 0;
    let entries = 0;
    const dirs = [root];
    for (let dir = dirs.pop(); dir !== undefined; dir = dirs.pop()) {
        let list;
        try {
            list = node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync(dir, { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const e of list) {
            if (++entries > PROBE_ENTRIES)
                return true;
            // Symbolic links are not followed here: the probe only estimates.
            if (e.isDirectory()) {
                if (!_sources_parsing_discover__WEBPACK_IMPORTED_MODULE_2__/* .SKIP_DIRS */ .z_.has(e.name))
                    dirs.push(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, e.name));
            }
            else if (IAC_FILE.test(e.name) && ++files >= MIN_SPLIT_FILES)
                return true;
        }
    }
    return false;
}
class Shares {
    spec;
    onEnter;
    load;
    whole = false;
    minBytes = minSplitBytes();
    constructor(spec, 
    /** Told as this worker starts on each unit of its share. */
    onEnter = () => { }) {
        this.spec = spec;
        this.onEnter = onEnter;
        this.load = new Array(spec.count).fill(0);
    }
    enter(order) {
        this.onEnter(order);
    }
    /** One share judges all that follows (plans are matched to units in scan order across all of them). */
    lead() {
        this.whole = true;
    }
    take(weights) {
        const { index, count } = this.spec;
        if (count <= 1)
            return weights.map(() => true);
        const total = weights.reduce((a, b) => a + b, 0) + this.load.reduce((a, b) => a + b, 0);
        if (this.whole || total < this.minBytes) {
            this.load[0] += weights.reduce((a, b) => a + b, 0);
            return weights.map(() => index === 0);
        }
        // Largest first to the least loaded share (ties: the lower index), so shares end close in bytes.
        const order = weights.map((_, i) => i).sort((a, b) => weights[b] - weights[a] || a - b);
        const owner = new Array(weights.length);
        for (const i of order) {
            let best = 0;
            for (let s = 1; s < count; s++)
                if (this.load[s] < this.load[best])
                    best = s;
            owner[i] = best;
            this.load[best] += weights[i];
        }
        return owner.map((s) => s === index);
    }
}


/***/ }),

/***/ 5446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oC: () => (/* binding */ fixLanguage),
  Xc: () => (/* binding */ fixText)
});

// UNUSED EXPORTS: FIX_LANGUAGE, fixFormat, renderFix

// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
// EXTERNAL MODULE: ./src/rules/fix-change.ts
var fix_change = __webpack_require__(5717);
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
            return (0,fix_change/* isPolicy */.p)(change.target)
                ? json({ dnsSettings: { enableProxy: true } })
                : json({ additionalProperties: { 'Network.DNS.EnableProxy': 'true' } });
        case 'set-destinations':
            return `"${(0,fix_change/* isNsgRule */.r)(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}": ${JSON.stringify(change.addresses)}`;
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
            return (0,fix_change/* isPolicy */.p)(change.target)
                ? `dnsSettings: {\n  enableProxy: true\n}`
                : `additionalProperties: {\n  'Network.DNS.EnableProxy': 'true'\n}`;
        case 'set-destinations':
            return `${(0,fix_change/* isNsgRule */.r)(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}: ${bicepList(change.addresses)}`;
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
            return (0,fix_change/* isPolicy */.p)(change.target)
                ? `az network firewall policy update --resource-group <resource group> --name ${(0,lookup/* displayName */.Q)(change.target)} --enable-dns-proxy true`
                : `az network firewall update --resource-group <resource group> --name ${(0,lookup/* displayName */.Q)(change.target)} --enable-dns-proxy true`;
        case 'set-destinations':
            return `${(0,fix_change/* isNsgRule */.r)(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}: ${change.addresses.join(', ')}`;
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
            return (0,fix_change/* isPolicy */.p)(change.target) ? `dns {\n  proxy_enabled = true\n}` : `dns_proxy_enabled = true`;
        case 'set-destinations':
            return `${(0,fix_change/* isNsgRule */.r)(change.rule) ? 'destination_address_prefixes' : 'destination_addresses'} = ${hclList(change.addresses)}`;
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
/**
 * Fix texts rendered, by change: every format of a report renders each finding's fix, and the scan's merge
 * renders them as the findings come in from the scan workers (src/pipeline/scan-merge.ts prepareMerge), so
 * the report after the last unit finds them done. A change is never altered once a rule made it (the worker
 * trims its routes before sending it: a new object), so its text stays what it was.
 */
const rendered = new WeakMap();
/** A finding's fix as text to paste, in the format of the object it changes; undefined when it has none. */
function fixText(f) {
    if (!f.fix)
        return undefined;
    let text = rendered.get(f.fix);
    if (text === undefined)
        rendered.set(f.fix, (text = renderFix(f.fix)));
    return text;
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


/***/ }),

/***/ 4278:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ scanDir),
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   IL: () => (/* binding */ isArmId),
/* harmony export */   Jl: () => (/* binding */ gitRoot),
/* harmony export */   qN: () => (/* binding */ repoPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * How a finding's file is shown: relative to the workspace (or the CLI's cwd) with forward slashes,
 * because annotations, SARIF and the summary all name files the way the repository does.
 */


/** An ARM resource id (live state) is a location but not a file: it is shown as is. */
function isArmId(file) {
    return /^\/subscriptions\//i.test(file);
}
/**
 * The answers of displayPath for the last base: a report names the same few thousand files many times.
 * `inside` is `base/` when base is a normalised POSIX path, for the fast path below.
 */
let shown;
/** A path with no `.`/`..` segment, doubled or trailing slash: one path.relative would leave as it is. */
const plainTail = (p) => !/\/\/|\/\.\.?(\/|$)|\/$/.test(p);
/** `file` relative to `base` with forward slashes; ARM ids and non-absolute names are returned unchanged. */
function displayPath(file, base) {
    // Only for an absolute base: a relative one would be resolved against a working directory that may change.
    if (!(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(base))
        return pathFrom(file, base);
    if (shown?.base !== base)
        shown = {
            base,
            inside: node_path__WEBPACK_IMPORTED_MODULE_1__.sep === '/' && base !== '/' && plainTail(base) ? `${base}/` : undefined,
            paths: new Map(),
        };
    let p = shown.paths.get(file);
    if (p !== undefined)
        return p;
    // A plain file under a plain base is its tail: the report's thread meets each file here once, with
    // path.relative not yet compiled, where it cost a 10 MB scan's report ~30 ms on Node 20.
    const { inside } = shown;
    p =
        inside !== undefined &&
            file.startsWith(inside) &&
            file.length > inside.length &&
            plainTail(file) &&
            !isArmId(file)
            ? file.slice(inside.length)
            : pathFrom(file, base);
    shown.paths.set(file, p);
    return p;
}
function pathFrom(file, base) {
    if (isArmId(file) || !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(file))
        return file.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(base, file);
    return (rel === '' ? '.' : rel).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
}
/**
 * The repository-relative path of a file inside `base`, or undefined when it is not a file under it
 * (an ARM id, or a var file outside the workspace): annotations and SARIF locations can only point at
 * files of the checked-out repository.
 */
function repoPath(file, base) {
    if (isArmId(file) || !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(file))
        return undefined;
    const rel = displayPath(file, base);
    if (rel === '.' || rel === '..' || rel.startsWith('../') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel))
        return undefined;
    return rel;
}
/**
 * The git work tree that holds `start` (a directory or a file): the nearest directory at or above it with
 * a `.git` entry (a directory, or a file in worktrees and submodules). Undefined outside any repository.
 */
function gitRoot(start) {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(start);
    for (;;) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, '.git')))
            return dir;
        const up = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        if (up === dir)
            return undefined;
        dir = up;
    }
}
/** The directory a scan root names: itself, or the folder of a single scanned file. */
function scanDir(root) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(root).isDirectory() ? root : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(root);
    }
    catch {
        return root;
    }
}


/***/ }),

/***/ 8934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lH: () => (/* binding */ TOOL_NAME),
  qH: () => (/* binding */ TOOL_URI),
  wr: () => (/* binding */ TOOL_VERSION),
  Tx: () => (/* binding */ toolBuild)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
;// CONCATENATED MODULE: ./src/report/tool.ts
/**
 * Who we are, for SARIF's tool.driver and the CLI's --version: package.json is the one source of the version.
 */



const TOOL_NAME = 'azure-kms-guard';
const TOOL_VERSION = package_namespaceObject.rE;
const TOOL_URI = 'https://github.com/azure-kms-guard/azure-kms-guard';
let build;
/**
 * The version and, where a bundle runs, the content hash of the sources it was built from (dist/build-hash,
 * written by scripts/build.mjs beside dist/index.js, one folder up from dist/cli/index.js): what the action
 * pinned to a branch runs changes from commit to commit under one package version, and what one build
 * stored (the cache-dir's findings) must not be taken for another's. Without a bundle (the sources under
 * test), the version alone.
 */
function toolBuild() {
    if (build !== undefined)
        return build;
    build = TOOL_VERSION;
    if (typeof __dirname === 'string') {
        for (const dir of [__dirname, external_node_path_.dirname(__dirname)]) {
            const read = (0,read_source/* readSource */.o$)(external_node_path_.join(dir, 'build-hash'), (0,read_source/* makeBoundary */.nj)([dir]));
            const hash = read.ok ? read.text.trim() : '';
            if (/^[0-9a-f]{64}$/.test(hash)) {
                build = `${TOOL_VERSION}+${hash.slice(0, 16)}`;
                break;
            }
        }
    }
    return build;
}


/***/ }),

/***/ 9497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bw: () => (/* binding */ labelsAcross),
/* harmony export */   tW: () => (/* binding */ affectedLabel),
/* harmony export */   vw: () => (/* binding */ labelReport)
/* harmony export */ });
/* harmony import */ var _model_vnet__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3580);
/* harmony import */ var _rules_identity__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9389);
/* harmony import */ var _rules_mention_text__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5713);



/**
 * Renders one finding's texts with the report's labels (src/rules/mention-text.ts: from the parts the rule
 * wrote, never by searching its text). The finding's arrays are replaced, not changed (units may share them).
 */
function relabelFinding(f, labels) {
    if (!f.vnets?.some((m) => (labels.get(m) ?? m.label) !== m.label))
        return;
    (0,_rules_mention_text__WEBPACK_IMPORTED_MODULE_1__/* .renderTexts */ .jU)(f, (m) => labels.get(m) ?? m.label);
    f.vnets = f.vnets.map((m) => ({ ...m, label: labels.get(m) ?? m.label }));
}
/**
 * Qualifies same-named VNets across the findings and verdicts of one report. Changes the findings and
 * verdicts given (their fields are replaced, so objects a unit cache shares are left as they were).
 */
function labelReport(findings, verdicts) {
    const mentions = [];
    for (const f of findings)
        for (const m of f.vnets ?? [])
            mentions.push(m);
    for (const v of verdicts)
        if (v.vnetMention)
            mentions.push(v.vnetMention);
    if (mentions.length === 0)
        return;
    const labels = (0,_model_vnet__WEBPACK_IMPORTED_MODULE_2__/* .labelMentions */ .qv)(mentions);
    for (const f of findings)
        relabelFinding(f, labels);
    verdicts.forEach((v, i) => {
        const m = v.vnetMention;
        const label = m && labels.get(m);
        if (!m || label === undefined || label === m.label)
            return;
        verdicts[i] = { ...v, vnet: label, vnetMention: { ...m, label } };
    });
}
/** The finding's mention of the VNet a subnet ref names: same name, same group, no other subscription. */
function mentionOf(f, r) {
    const vnet = r.parents?.[r.parents.length - 1];
    if (vnet === undefined || vnet.startsWith('?'))
        return undefined;
    const same = (a, b) => a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase();
    return f.vnets?.find((m) => m.name.toLowerCase() === vnet.toLowerCase() &&
        same(m.resourceGroup, r.resourceGroup) &&
        same(m.subscription, r.subscription));
}
/**
 * Readable names of a finding's affected subnets as the report labels them (`vnet-spoke (rg-spoke-b)/snet-app`),
 * for notes written after the scan ("newly exposes \u2026"). `labels` relabels the mentions across a wider set
 * (a pull request's base and head, subnetLabelsAcross); a finding without mentions falls back to refLabel.
 */
function affectedLabel(f, r, labels) {
    const m = r.name === undefined ? undefined : mentionOf(f, r);
    if (!m)
        return (0,_rules_identity__WEBPACK_IMPORTED_MODULE_0__/* .refLabel */ .E3)(r, f.affected ?? []);
    const parents = (r.parents ?? []).slice(0, -1);
    return [...parents, labels?.get(m) ?? m.label, r.name].join('/');
}
/**
 * Labels for the VNets of findings from several scans read together (a pull request's base and head):
 * each scan's labels stand unless the other scan has another VNet of the same name.
 */
function labelsAcross(findings) {
    return (0,_model_vnet__WEBPACK_IMPORTED_MODULE_2__/* .labelMentions */ .qv)(findings.flatMap((f) => f.vnets ?? []), (m) => m.label);
}


/***/ }),

/***/ 5717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ isPolicy),
/* harmony export */   r: () => (/* binding */ isNsgRule)
/* harmony export */ });
const isPolicy = (target) => 'ruleCollectionGroups' in target;
const isNsgRule = (rule) => 'nsgId' in rule;


/***/ }),

/***/ 9389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AZ: () => (/* binding */ findingIdentity),
/* harmony export */   E3: () => (/* binding */ refLabel),
/* harmony export */   Jf: () => (/* binding */ identityHash),
/* harmony export */   L7: () => (/* binding */ azureRef),
/* harmony export */   XF: () => (/* binding */ refKey),
/* harmony export */   u5: () => (/* binding */ subnetIdentityChoices)
/* harmony export */ });
/* unused harmony export subnetIdentities */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sources_azure_arm_id__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(848);
/* harmony import */ var _sources_terraform_moved__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3526);
/**
 * What a finding is about, by Azure identity: the rule, the cloud, the deployment unit, the subnet it
 * harms and the hop that decides it, each by subscription / resource group / parent names / name, and by
 * IaC address only where the source does not say the Azure name. Files, lines and IaC addresses play no
 * part when the name is known, so a `moved` block, a resource renamed in the code, a Bicep symbolic name
 * change or `count` \u2192 `for_each` keep the identity: Azure sees the same resource.
 *
 * One finding may harm several subnets; `subnetIdentities` gives one key per subnet, so a subnet newly
 * exposed to an already broken path is new for that subnet (src/compare keys on these).
 */



const placements = new WeakMap();
/** Every object of the model by id, with what it is and its parents (computed once per model). */
function placementsOf(model) {
    const cached = placements.get(model);
    if (cached)
        return cached;
    const m = new Map();
    const put = (o, kind, parents = []) => {
        if (!m.has(o.id))
            m.set(o.id, { kind, parents });
    };
    for (const t of model.routeTables) {
        put(t, 'routeTable');
        for (const r of t.routes)
            put(r, 'route', [t]);
    }
    for (const s of model.subnets)
        put(s, 'subnet');
    for (const n of model.nsgs) {
        put(n, 'nsg');
        for (const r of n.rules)
            put(r, 'nsgRule', [n]);
    }
    const foreign = model.foreign;
    for (const f of [...model.firewalls, ...(foreign?.firewalls ?? [])]) {
        put(f, 'firewall');
        for (const c of f.classicCollections) {
            put(c, 'firewallRuleCollection', [f]);
            for (const r of c.rules)
                put(r, 'firewallRule', [f, c]);
        }
    }
    for (const p of [...model.firewallPolicies, ...(foreign?.firewallPolicies ?? [])]) {
        put(p, 'firewallPolicy');
        for (const g of p.ruleCollectionGroups) {
            put(g, 'ruleCollectionGroup', [p]);
            for (const c of g.collections) {
                put(c, 'firewallRuleCollection', [p, g]);
                for (const r of c.rules)
                    put(r, 'firewallRule', [p, g, c]);
            }
        }
    }
    for (const g of [...model.ipGroups, ...(foreign?.ipGroups ?? [])])
        put(g, 'ipGroup');
    for (const n of model.natGateways)
        put(n, 'natGateway');
    placements.set(model, m);
    return m;
}
const nameOf = (o) => (o.name.known ? o.name.value : undefined);
/** A model object as Azure knows it. */
function azureRef(model, o) {
    const placed = placementsOf(model).get(o.id);
    const ref = { kind: placed?.kind ?? o.sourceType, iac: o.id };
    const name = nameOf(o);
    if (name !== undefined)
        ref.name = name;
    const parents = (placed?.parents ?? []).map((p) => nameOf(p) ?? p.id);
    if (placed?.kind === 'subnet') {
        const vnet = o.vnetName;
        parents.push(vnet?.known ? vnet.value : `?${o.id}`);
    }
    if (parents.length > 0)
        ref.parents = parents;
    if (model.moved) {
        const formerly = formerRefs(ref, placed?.parents ?? [], model.moved);
        if (formerly.length > 0)
            ref.formerly = formerly;
    }
    if (o.format === 'live') {
        const scope = (0,_sources_azure_arm_id__WEBPACK_IMPORTED_MODULE_1__/* .armScope */ .R)(o.address);
        if (scope.subscriptionId)
            ref.subscription = scope.subscriptionId.toLowerCase();
        if (scope.resourceGroup)
            ref.resourceGroup = scope.resourceGroup;
    }
    else {
        if (o.resourceGroup !== undefined)
            ref.resourceGroup = o.resourceGroup;
        // Stated by the IaC (a provider alias, a module or nested deployment scope): part of the identity.
        if (o.subscription !== undefined)
            ref.subscription = o.subscription;
    }
    return ref;
}
/** Most spellings of one ref tried: moves rarely chain, and each part of the key has its own. */
const MAX_FORMER = 16;
/**
 * What the parts of `ref`'s key spelled by IaC address (its own address when the name is unknown, a
 * parent's when the parent's name is) were before the unit's `moved` blocks: one entry per combination.
 */
function formerRefs(ref, parentObjects, moved) {
    const spellings = (s) => {
        const placeholder = s.startsWith('?');
        const address = placeholder ? s.slice(1) : s;
        return [s, ...(0,_sources_terraform_moved__WEBPACK_IMPORTED_MODULE_2__/* .formerAddresses */ .Kg)(address, moved).map((a) => (placeholder ? `?${a}` : a))];
    };
    const parents = ref.parents ?? [];
    // Only address-spelled parents move: a parent named in Azure stays as it is.
    const parentChoices = parents.map((p, i) => {
        const object = parentObjects[i];
        const byAddress = object ? p === object.id : p.startsWith('?');
        return byAddress ? spellings(p) : [p];
    });
    const iacChoices = ref.name === undefined ? spellings(ref.iac) : [ref.iac];
    let combos = iacChoices.map((iac) => ({ iac, parents: [] }));
    for (const choice of parentChoices)
        combos = combos
            .flatMap((c) => choice.map((p) => ({ iac: c.iac, parents: [...c.parents, p] })))
            .slice(0, MAX_FORMER + 1);
    // The first combination is the ref as it is.
    return combos.slice(1).map((c) => (parents.length > 0 ? c : { iac: c.iac }));
}
/** The key of one resource: its Azure identity when the name is known, else its IaC address. */
function refKey(r) {
    if (r.name === undefined)
        return `iac:${r.kind}:${r.iac}`;
    const parts = [r.kind, r.subscription ?? '', r.resourceGroup ?? '', ...(r.parents ?? []), r.name].map((p) => p.toLowerCase());
    return `azure:${parts.join('/')}`;
}
/** A finding that names no KMS address (a parse error) says the same whatever cloud is judged. */
const cloudOf = (f) => (f.kmsAddresses.length === 0 ? '' : f.cloud);
/**
 * What the finding is anchored on: its hop, else (a file-level finding) its resource as the scan names it.
 */
function anchorKey(f, renamed) {
    if (f.hop)
        return refKey(f.hop);
    return `resource:${renamed?.[f.resource] ?? f.resource}`;
}
function head(f, renamed) {
    return [f.ruleId, cloudOf(f), f.unit ?? '', anchorKey(f, renamed)];
}
/** The ref's key, then its keys under the IaC addresses it had before `moved` blocks. */
function refKeys(r) {
    return [refKey(r), ...(r.formerly ?? []).map((was) => refKey({ ...r, ...was }))];
}
/**
 * Per affected subnet, its identity (as subnetIdentities gives it) followed by the identities it had
 * before Terraform `moved` blocks renamed its hop or subnet in the code: a head finding matches a base
 * finding by any of them.
 */
function subnetIdentityChoices(f, opts = {}) {
    const [rule, cloud, unit] = head(f, opts.renamed);
    const hops = f.hop ? refKeys(f.hop) : [anchorKey(f, opts.renamed)];
    const affected = f.affected ?? [];
    const out = new Map();
    const subnets = affected.length === 0 ? [undefined] : affected;
    for (const a of subnets) {
        const keys = a ? refKeys(a) : [undefined];
        const ids = [];
        for (const k of keys)
            for (const h of hops)
                ids.push(JSON.stringify(k === undefined ? [rule, cloud, unit, h] : [rule, cloud, unit, h, k]));
        if (!out.has(ids[0]))
            out.set(ids[0], [...new Set(ids)]);
    }
    return [...out.values()];
}
/** One key per affected subnet (or one for the whole finding when it names none). */
function subnetIdentities(f, opts = {}) {
    const h = head(f, opts.renamed);
    const affected = f.affected ?? [];
    if (affected.length === 0)
        return [JSON.stringify(h)];
    return [...new Set(affected.map((a) => JSON.stringify([...h, refKey(a)])))];
}
/** The identity of the whole finding: rule, cloud, unit, decisive hop and every subnet it harms. */
function findingIdentity(f, opts = {}) {
    const subnets = [...new Set((f.affected ?? []).map(refKey))].sort();
    return JSON.stringify([...head(f, opts.renamed), subnets]);
}
/**
 * A short stable hash of the whole identity (rule, cloud, unit, decisive hop and the subnets it harms), for
 * SARIF `partialFingerprints`: two findings of one scan never share it, whichever cloud judged them, and
 * it does not move with files, lines or wording.
 */
function identityHash(f) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(findingIdentity(f)).digest('hex').slice(0, 32);
}
/** The readable name of an affected subnet, `vnet-spoke/snet-app` (or its IaC address). */
function refLabel(r, among = []) {
    if (r.name === undefined)
        return r.iac;
    const parents = (r.parents ?? []).filter((p) => !p.startsWith('?'));
    const plain = [...parents, r.name].join('/');
    // Another ref of the same names elsewhere (two `vnet-spoke/snet-app` in two groups): say where.
    const scope = (x) => `${x.subscription ?? ''}/${(x.resourceGroup ?? '').toLowerCase()}`;
    const twins = among.filter((x) => x !== r &&
        x.name !== undefined &&
        refLabel(x).toLowerCase() === plain.toLowerCase() &&
        scope(x) !== scope(r));
    if (twins.length === 0 || parents.length === 0)
        return plain;
    const sameGroup = twins.some((x) => (x.resourceGroup ?? '').toLowerCase() === (r.resourceGroup ?? '').toLowerCase());
    const where = sameGroup && r.subscription !== undefined
        ? `subscription ${r.subscription}, ${r.resourceGroup ?? '?'}`
        : (r.resourceGroup ?? r.iac);
    const last = parents.length - 1;
    return [...parents.slice(0, last), `${parents[last]} (${where})`, r.name].join('/');
}


/***/ }),

/***/ 3619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V7: () => (/* binding */ allRules),
  xG: () => (/* binding */ runRules)
});

// UNUSED EXPORTS: compareFindings

// EXTERNAL MODULE: ./src/rules/order.ts
var order = __webpack_require__(1263);
// EXTERNAL MODULE: ./src/analysis/lookup.ts
var lookup = __webpack_require__(6666);
// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
// EXTERNAL MODULE: ./src/model/vnet.ts
var vnet = __webpack_require__(3580);
// EXTERNAL MODULE: ./src/rules/identity.ts
var identity = __webpack_require__(9389);
// EXTERNAL MODULE: ./src/rules/mention-text.ts
var mention_text = __webpack_require__(5713);
;// CONCATENATED MODULE: ./src/rules/findings.ts





/** Groups items by key, keeping first-seen order. */
function groupBy(items, key) {
    const m = new Map();
    for (const i of items) {
        const k = key(i);
        if (k === undefined)
            continue;
        const list = m.get(k);
        if (list)
            list.push(i);
        else
            m.set(k, [i]);
    }
    return m;
}
function unique(items) {
    return [...new Set(items)];
}
/** `a`, `a and b`, `a, b and c`. */
function listText(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
/** Addresses of the paths in catalogue order (current first). */
function addressesOf(paths) {
    return unique(paths.map((p) => p.kms.address));
}
/**
 * A subnet as Azure names it, with its virtual network (`vnet-spoke/snet-app`): subnet names repeat across
 * spokes; VNet names too, so a shared one is qualified (`vnet-spoke (rg-spoke-a)/snet-app`).
 */
function subnetLabel(s) {
    const subnet = s;
    const vnet = subnet.vnetName;
    // A VNet whose name another VNet of the scan shares carries its resource group (src/model/vnet.ts).
    // The VNet's label is a slot (mention-text.ts): the report may qualify it once every unit is read.
    return vnet?.known && s.name.known
        ? `${(0,mention_text/* vnetSlot */.UR)(subnet.vnetLabel ?? vnet.value)}/${s.name.value}`
        : (0,lookup/* displayName */.Q)(s);
}
function subnetsOf(paths) {
    return unique(paths.flatMap((p) => (p.subnet ? [subnetLabel(p.subnet)] : [])));
}
/** Each subnet with the path its own KMS traffic takes, for the summary's drawing. */
function subnetPathsOf(paths) {
    const seen = new Set();
    const out = [];
    for (const p of paths) {
        if (!p.subnet)
            continue;
        const subnet = subnetLabel(p.subnet);
        const key = `${subnet}\u0000${p.text}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({ subnet, path: p.text, hops: hopsOf(p) });
    }
    return out;
}
const azureName = (o) => o?.name.known ? o.name.value : undefined;
const knownText = (v) => v?.known ? v.value : undefined;
/**
 * The path's steps as Azure names and values. Only known values are kept: an unresolved name stays
 * unnamed rather than shown as the expression it came from.
 */
function hopsOf(p) {
    const hops = [];
    for (const s of p.steps) {
        const hop = { kind: s.kind };
        const name = azureName(s.object);
        switch (s.kind) {
            case 'subnet': {
                const prefixes = s.object?.addressPrefixes;
                if (prefixes?.known && prefixes.value.length > 0)
                    hop.detail = prefixes.value.join(', ');
                break;
            }
            case 'routeTable':
                // Named by the object alone: its label falls back to the IaC address.
                break;
            case 'route':
                // The label is the winning prefix (or "(unresolved)"), always ours.
                hop.detail = s.label;
                break;
            case 'nextHop': {
                const ip = s.object === undefined && s.label === 'VirtualAppliance' ? p.selection.nextHopIpAddress : undefined;
                hop.detail = s.label + (ip?.known ? ` ${ip.value}` : '');
                break;
            }
            case 'firewall': {
                const ip = knownText(s.object?.privateIpAddress);
                if (ip)
                    hop.detail = ip;
                break;
            }
            case 'firewallRule':
                hop.detail = p.firewall?.action === 'unknown' ? 'undecided' : (p.firewall?.action ?? '');
                break;
            case 'nsg': {
                const nsg = p.nsg;
                const nsgName = azureName(nsg?.nsg);
                if (nsgName)
                    hop.name = nsgName;
                const rule = nsg?.rule ? azureName(nsg.rule) : nsg?.defaultRule;
                hop.detail = `${rule ? `${rule} ` : ''}${nsg?.access ?? ''}`.trim();
                hops.push(hop);
                continue;
            }
            default:
                // internet, onPremises, dropped, appliance: the label is an outcome or a literal address.
                hop.detail = s.label;
        }
        if (name !== undefined)
            hop.name = name;
        hops.push(hop);
    }
    return hops;
}
/**
 * What a finding about a group of paths says of them: the first path, the subnets, each subnet's path,
 * and the paths themselves (makeFinding takes the affected subnets and deciding sources from them).
 */
function pathParts(paths) {
    return { path: paths[0].text, subnets: subnetsOf(paths), subnetPaths: subnetPathsOf(paths), paths };
}
/** The objects whose blocks (and inputs) decided a path, in path order. */
function decidingObjects(p) {
    const winner = p.selection.winner?.kind === 'user' ? p.selection.winner.route : undefined;
    const fw = p.firewall;
    const fwWinner = p.firewallSubnetSelection?.winner?.kind === 'user' ? p.firewallSubnetSelection.winner.route : undefined;
    return [
        p.subnet,
        p.routeTable,
        winner,
        p.decidingRoute,
        fw?.firewall,
        fw?.policy,
        fw?.group,
        fw?.collection,
        fw?.rule,
        p.firewallSubnetSelection?.table,
        fwWinner,
        p.nsg?.nsg,
        p.nsg?.rule,
        p.deciding,
        ...p.steps.map((s) => s.object),
        ...p.unknowns.map((u) => u.object),
    ];
}
/** Every place whose change could change these verdicts (Finding.sources), each once. */
function sourcesOf(paths, at) {
    // Each place once, in the order first met, as the last origin given for it (a Map's set keeps the first
    // position and the last value). Keyed by file, then by the lines as one number: a string key per
    // origin (file and lines joined) was most of the rules' own time.
    const out = [];
    const slots = new Map();
    const add = (o) => {
        if (!o)
            return;
        let lines = slots.get(o.file);
        if (!lines)
            slots.set(o.file, (lines = new Map()));
        // The two lines as one small integer when both are below 2^15 (nearly always: no string to build,
        // no heap number); else as a string, which no number key can equal.
        const key = o.startLine >= 0 &&
            o.startLine < 0x8000 &&
            o.endLine >= 0 &&
            o.endLine < 0x8000 &&
            Number.isInteger(o.startLine) &&
            Number.isInteger(o.endLine)
            ? o.startLine * 0x8000 + o.endLine
            : `${o.startLine}\u0000${o.endLine}`;
        const slot = lines.get(key);
        if (slot === undefined) {
            lines.set(key, out.length);
            out.push(o);
        }
        else
            out[slot] = o;
    };
    const addObject = (o) => {
        if (!o)
            return;
        add(o.origin);
        for (const i of o.inputs ?? [])
            add(i);
    };
    addObject(at);
    for (const p of paths) {
        for (const o of decidingObjects(p))
            addObject(o);
        add(p.subnet?.routeTableOrigin);
        add(p.subnet?.nsgOrigin);
        for (const u of p.unknowns)
            add(u.value.origin);
    }
    return out;
}
/** "Windows VMs in snet-a and snet-b", or a note that no subnet uses the table yet. */
function whoText(paths) {
    const s = subnetsOf(paths);
    return s.length > 0
        ? `Windows VMs in ${listText(s)}`
        : 'Windows VMs in any subnet this route table is associated with';
}
function currentOf(cloud) {
    return KMS_CATALOGUE[cloud].current.addresses.map((address) => ({
        cloud,
        address,
        kind: 'current',
        fqdn: KMS_CATALOGUE[cloud].current.fqdn,
    }));
}
/** Every KMS address of the cloud, the list Microsoft asks routes and rules for. */
function allAddresses(cloud) {
    const c = catalogue/* KMS_CATALOGUE */.uE[cloud];
    return [...c.current.addresses, ...c.legacy.addresses];
}
/** The sentence about Microsoft's address change, for the public cloud where it applies. */
function datesText(cloud) {
    const c = catalogue/* KMS_CATALOGUE */.uE[cloud];
    if (cloud !== 'AzureCloud')
        return `Windows uses ${c.current.fqdn} (${listText([...c.current.addresses])}).`;
    return (`Since ${catalogue/* KMS_DATES */.U7.newAddressesLive} ${c.current.fqdn} resolves to ${listText([...c.current.addresses])}, and since ` +
        `${catalogue/* KMS_DATES */.U7.legacyFqdnMoved} ${c.legacy.fqdn} points at ${c.current.addresses[0]}.`);
}
/** The default severity of a latent finding (a route table no scanned subnet uses), per rule severity. */
const LATENT_SEVERITY = {
    error: 'warning',
    warning: 'notice',
    notice: 'notice',
};
const WHY_PUBLIC = 'Azure KMS only activates requests that arrive from an Azure public IP address';
/**
 * The value of a hop whose text makes it match KMS traffic: a route's prefix, a rule's destinations. Where it
 * was written is where the hop is the user's to change (a next hop handed in by the caller is not enough:
 * the route itself is still the module's).
 */
function decisiveValue(at) {
    const o = at;
    return o.addressPrefix ?? o.destinationAddressPrefixes ?? o.destinationAddresses;
}
const plain = (o) => ({ file: o.file, startLine: o.startLine, endLine: o.endLine });
/**
 * The line a person changes when the hop's decisive value was written in another file than the hop's
 * block: the module call argument, the tfvars entry, the caller's parameter (Origin.from).
 */
function writtenElsewhere(at) {
    for (const o of [decisiveValue(at)?.origin, at.origin])
        if (o?.from && o.from.file !== at.origin.file)
            return plain(o.from);
    return undefined;
}
function makeFinding(rule, ctx, at, parts) {
    const f = {
        ruleId: rule.id,
        severity: rule.severity,
        title: rule.title,
        location: parts.location ?? at.origin,
        resource: parts.resource ?? at.address,
        cloud: ctx.cloud,
        format: parts.format ?? at.format,
        message: parts.message,
        kmsAddresses: parts.kmsAddresses,
    };
    const caller = parts.location ? undefined : writtenElsewhere(at);
    if (caller) {
        f.location = caller;
        f.related = [plain(at.origin)];
    }
    if (parts.path !== undefined)
        f.path = parts.path;
    // A verdict on a route table no scanned subnet uses breaks nothing yet: latent, one level lower.
    if (parts.path !== undefined && (parts.subnets ?? []).length === 0) {
        f.latent = true;
        f.severity = LATENT_SEVERITY[rule.severity];
    }
    if (parts.fix !== undefined)
        f.fix = parts.fix;
    if (parts.subnets !== undefined && parts.subnets.length > 0)
        f.subnets = parts.subnets;
    if (parts.subnetPaths !== undefined && parts.subnetPaths.length > 0)
        f.subnetPaths = parts.subnetPaths;
    const paths = parts.paths ?? [];
    const affected = unique(paths.flatMap((p) => (p.subnet ? [p.subnet] : [])));
    // A finding anchored on a subnet (no outbound access, a subnet-level verdict) harms that subnet.
    if (affected.length === 0 && ctx.model.subnets.includes(at))
        affected.push(at);
    if (affected.length > 0)
        f.affected = affected.map((s) => (0,identity/* azureRef */.L7)(ctx.model, s));
    const vnets = vnetMentionsOf(affected);
    if (vnets.length > 0)
        f.vnets = vnets;
    (0,mention_text/* mentionTexts */.H_)(f, (label) => mentionByLabel(ctx.model, label));
    f.hop = (0,identity/* azureRef */.L7)(ctx.model, at);
    f.sources = sourcesOf(paths, at);
    return f;
}
const byLabel = new WeakMap();
const labelOf = (s) => s.vnetLabel ?? (s.vnetName?.known ? s.vnetName.value : undefined);
/**
 * The VNet of the model that its unit labels `label` (labelVnets gives two VNets two labels). Indexed once
 * per model, again when the model changed since (a subnet added, labels given again).
 */
function mentionByLabel(model, label) {
    const index = () => {
        const subnets = new Map();
        for (const s of model.subnets) {
            const l = labelOf(s);
            if (l !== undefined && !subnets.has(l))
                subnets.set(l, s);
        }
        byLabel.set(model, subnets);
        return subnets;
    };
    let s = byLabel.get(model)?.get(label);
    if (!s || labelOf(s) !== label)
        s = index().get(label);
    return s && (0,vnet/* vnetMentionOf */.l3)(s);
}
/** The VNets of the subnets, each label once (a unit labels one VNet one way). */
function vnetMentionsOf(subnets) {
    const out = new Map();
    for (const s of subnets) {
        const m = (0,vnet/* vnetMentionOf */.l3)(s);
        if (m && !out.has(m.label))
            out.set(m.label, m);
    }
    return [...out.values()];
}
/** A finding from a source's diagnostic (KMS011 unresolved module, KMS012 unreadable file), at its origin. */
function diagnosticFinding(rule, ctx, d, message) {
    return {
        ruleId: rule.id,
        severity: d.severity ?? rule.severity,
        title: d.title ?? rule.title,
        message,
        location: d.origin,
        resource: d.address ?? d.origin.file,
        kmsAddresses: [],
        cloud: ctx.cloud,
        ...(d.readFine ? { readFine: true } : {}),
    };
}
/** A route's readable description: `route default-to-onprem (0.0.0.0/0) in rt-spoke`. */
function routeText(route, tableName) {
    const prefix = route.addressPrefix.known ? ` (${route.addressPrefix.value})` : '';
    if (route.managedBy)
        return `managed route ${(0,lookup/* displayName */.Q)(route)}${prefix} of ${route.managedBy}`;
    return `route ${(0,lookup/* displayName */.Q)(route)}${prefix}${tableName ? ` in route table ${tableName}` : ''}`;
}
/** The route table a route belongs to. */
function tableOfRoute(ctx, route) {
    return ctx.model.routeTables.find((t) => t.id === route.routeTableId);
}

// EXTERNAL MODULE: ./src/analysis/routes.ts
var routes = __webpack_require__(6838);
;// CONCATENATED MODULE: ./src/rules/effective.ts
/**
 * Paths decided by an effective route (live state) that no model Route stands for, e.g. a 0.0.0.0/0 that
 * the virtual network gateway learned over BGP. There is no route in code to point at, so findings point at
 * the subnet whose effective routes hold it, and say where the route comes from.
 */



/** The deciding route of a path, model Route or effective route: a key to group findings by. */
function decidingKey(p) {
    if (p.decidingRoute)
        return p.decidingRoute.id;
    if (p.decidingHub)
        return `hub:${p.decidingHub.via.id}`;
    if (p.decidingSite)
        return `site:${p.decidingSite.via.id}:${p.decidingSite.prefix}`;
    const e = p.decidingEffectiveRoute;
    return e && `effective:${e.subnet.id}:${e.route.source}:${e.prefix}`;
}
/** What a finding points at: the deciding Route, else the subnet holding the deciding effective route. */
function decidingObject(p) {
    return p.decidingRoute ?? p.decidingEffectiveRoute?.subnet ?? p.decidingHub?.via ?? p.decidingSite?.via;
}
function isBgp(e) {
    return e.route.source === 'VirtualNetworkGateway';
}
/**
 * `route 0.0.0.0/0 learned over BGP in the effective routes of subnet snet-app (NIC nic-app-01)`: a
 * readable description in the same place of a sentence as findings.ts routeText.
 */
function effectiveRouteText(e) {
    const what = e.route.source === 'VirtualNetworkGateway'
        ? `route ${e.prefix} learned over BGP`
        : e.route.source === 'User'
            ? `deployed user route${e.route.name ? ` ${e.route.name}` : ''} (${e.prefix})`
            : `system route ${e.prefix}`;
    return `${what} in the effective routes of subnet ${(0,lookup/* displayName */.Q)(e.subnet)} (NIC ${(0,routes/* nicName */.kg)(e.nicId)})`;
}
/**
 * The model route table of the subnet holding a path's deciding effective route (where bypass routes go):
 * the path's own, or, past a forced-tunnelling firewall, the firewall subnet's.
 */
function effectiveTable(p) {
    const e = p.decidingEffectiveRoute;
    if (!e)
        return undefined;
    return e.subnet === p.subnet ? p.routeTable : p.firewallSubnetSelection?.table;
}
function deciderOf(ctx, p) {
    const route = p.decidingRoute;
    if (route?.managedBy) {
        // A Virtual Network Manager route: /32 routes in the subnet's own table win over it (a longer prefix),
        // and so do routing rules for the /32 addresses beside it in its rule collection.
        const fw = p.firewallSubnetSelection;
        const table = fw?.winner?.kind === 'user' && fw.winner.route === route ? fw.table : p.selection.table;
        const target = table
            ? `route table ${(0,lookup/* displayName */.Q)(table)} (or as routing rules beside ${(0,lookup/* displayName */.Q)(route)})`
            : `the rule collection of ${(0,lookup/* displayName */.Q)(route)} (routing rules, next hop Internet)`;
        return { route, table, at: route, text: routeText(route), target };
    }
    if (route) {
        const table = tableOfRoute(ctx, route);
        return {
            route,
            table,
            at: route,
            text: routeText(route, table && (0,lookup/* displayName */.Q)(table)),
            target: table && (0,lookup/* displayName */.Q)(table),
        };
    }
    if (p.decidingHub && !p.decidingEffectiveRoute)
        return { at: p.decidingHub.via, text: `default route 0.0.0.0/0 of ${p.decidingHub.text}` };
    if (p.decidingSite && !p.decidingEffectiveRoute) {
        // A site's prefix is a gateway route no route table holds: /32 routes in the subnet's table win over it.
        const table = p.routeTable;
        return {
            ...(table ? { table } : {}),
            at: p.decidingSite.via,
            text: `gateway route ${p.decidingSite.prefix} (the address space of ${p.decidingSite.text})`,
            ...(table ? { target: (0,lookup/* displayName */.Q)(table) } : {}),
        };
    }
    const effective = p.decidingEffectiveRoute;
    const table = effectiveTable(p);
    return {
        effective,
        table,
        at: effective.subnet,
        text: effectiveRouteText(effective),
        target: table && (0,lookup/* displayName */.Q)(table),
    };
}

;// CONCATENATED MODULE: ./src/rules/kms001-forced-tunnel.ts
/**
 * KMS001: a current KMS address follows a route to the VPN/ExpressRoute gateway. The request then
 * leaves from on-premises, and Azure KMS refuses activation requests that do not come from an Azure
 * public IP (Microsoft: "Windows activation fails in forced tunneling scenario").
 */



const kms001 = {
    id: 'KMS001',
    title: 'KMS traffic is forced through the VPN/ExpressRoute gateway',
    severity: 'error',
    explanation: 'A route with next hop `VirtualNetworkGateway` (usually `0.0.0.0/0`, forced tunnelling) sends the KMS request ' +
        'on-premises, so it reaches Azure KMS from a non-Azure address. Azure KMS only activates requests that come ' +
        'from an Azure public IP: Windows VMs stay unactivated, show a watermark and lose features once the grace ' +
        'period ends. A bypass for some KMS addresses is not enough: Windows may use any address ' +
        '`azkms.core.windows.net` resolves to.',
    fix: 'Add a `/32` route with next hop `Internet` for every KMS address of the cloud (for the public cloud ' +
        '20.118.99.224, 40.83.235.53 and 23.102.135.246) to the route table, as Microsoft documents for forced ' +
        'tunnelling. Longest prefix match makes them win over `0.0.0.0/0`.',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.outcome === 'gateway' && decidingKey(p));
        for (const group of groupBy(paths, decidingKey).values()) {
            const current = group.filter((p) => p.kms.kind === 'current');
            if (current.length === 0)
                continue; // only the legacy address: KMS009
            // No Route in code when an effective route decided (live, e.g. learned over BGP): the subnet's table.
            const { route, effective, table, at, text, target: into } = deciderOf(ctx, group[0]);
            const blocked = addressesOf(current);
            const bypassed = ctx.analysis.kmsAddresses
                .filter((k) => k.kind === 'current' && !blocked.includes(k.address))
                .map((k) => k.address);
            const toAdd = addressesOf(group);
            const viaFirewall = current.some((p) => p.firewall);
            const subject = effective && isBgp(effective)
                ? `${text}, which is advertised over BGP from on-premises and is in no route table of the code,`
                : text;
            const target = into ??
                (route
                    ? 'the route table'
                    : effective
                        ? `a route table associated with ${(0,lookup/* displayName */.Q)(effective.subnet)}`
                        : 'a route table associated with the subnet');
            const message = `The ${subject} sends Azure KMS traffic (TCP 1688) for ${listText(blocked)} ` +
                `${viaFirewall ? 'that the Azure Firewall lets through ' : ''}to the virtual network gateway, so it ` +
                `leaves through on-premises (forced tunnelling)` +
                `${bypassed.length > 0 ? `, although ${listText(bypassed)} ${bypassed.length > 1 ? 'have' : 'has'} a bypass` : ''}. ` +
                `${WHY_PUBLIC}, so ${whoText(current)} fail to activate. ` +
                `Add /32 routes with next hop Internet for ${listText(toAdd)} to ${target}. ` +
                (effective && isBgp(effective)
                    ? `They win over the BGP ${effective.prefix} on prefix length (a user route Azure marks hasBgpOverride ` +
                        `wins over overlapping BGP routes whatever its length). `
                    : '') +
                datesText(ctx.cloud);
            findings.push(makeFinding(kms001, ctx, at, {
                message,
                kmsAddresses: blocked,
                ...pathParts(current),
                fix: table && { kind: 'add-routes', table, like: route, addresses: toAdd },
            }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms002-dropped.ts
/**
 * KMS002: a current KMS address follows a route with next hop None (Azure drops the packet) or
 * VnetLocal (it stays in the virtual network, where no KMS lives).
 */


const kms002 = {
    id: 'KMS002',
    title: 'KMS traffic is dropped by a route',
    severity: 'error',
    explanation: 'A route with next hop `None` makes Azure drop the traffic; next hop `VnetLocal` keeps it inside the virtual ' +
        'network. Either way the KMS request never reaches Azure KMS and Windows VMs cannot activate.',
    fix: 'Add `/32` routes with next hop `Internet` for the KMS addresses, or change the route so it does not capture them.',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => (p.outcome === 'none' || p.outcome === 'vnetLocal') && decidingKey(p) && p.kms.kind === 'current');
        for (const group of groupBy(paths, decidingKey).values()) {
            // No Route in code when an effective route (live) decided: point at its subnet.
            const { route, table, at, text, target } = deciderOf(ctx, group[0]);
            const addresses = addressesOf(group);
            const what = group[0].outcome === 'none'
                ? 'to next hop None, so Azure drops it'
                : 'to next hop VnetLocal, so it stays inside the virtual network, where there is no KMS';
            const message = `The ${text} sends Azure KMS traffic (TCP 1688) for ${listText(addresses)} ${what}. ` +
                `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
                `Add /32 routes with next hop Internet for ${listText(addresses)} to ${target ?? 'the route table'}.`;
            findings.push(makeFinding(kms002, ctx, at, {
                message,
                kmsAddresses: addresses,
                ...pathParts(group),
                fix: table && { kind: 'add-routes', table, like: route, addresses: addresses },
            }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms003-firewall-denies.ts
/**
 * KMS003: the route sends KMS traffic to an Azure Firewall whose rules do not allow TCP 1688 to the KMS
 * address. Azure Firewall denies what no rule allows, and only network rules can match KMS.
 */




function decidedBy(p) {
    const fv = p.firewall;
    if (!fv.rule)
        return 'no network rule matches it, so the firewall denies it by default';
    const where = fv.collection ? ` in collection ${(0,lookup/* displayName */.Q)(fv.collection)}` : '';
    const policy = fv.policy ? ` of policy ${(0,lookup/* displayName */.Q)(fv.policy)}` : '';
    return `rule ${(0,lookup/* displayName */.Q)(fv.rule)}${where}${policy} denies it`;
}
const kms003 = {
    id: 'KMS003',
    title: 'Azure Firewall does not allow KMS',
    severity: 'error',
    explanation: 'Traffic routed to an Azure Firewall is denied unless a rule allows it. KMS is TCP 1688, which only ' +
        '**network** rules can match (application rules handle HTTP/S and MSSQL only). Without a network rule ' +
        'allowing TCP 1688 to the KMS addresses, or with a deny rule processed first, the request never reaches ' +
        'Azure KMS and Windows VMs cannot activate.',
    fix: 'Add a network rule allowing TCP 1688 from the spoke ranges to the KMS addresses, in a rule collection ' +
        'processed before any collection that denies it (lower priority number; base policy groups come first).',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.outcome === 'firewallDenied' &&
            p.kms.kind === 'current' &&
            (p.selection.winner?.kind === 'user' || p.decidingEffectiveRoute || p.decidingHub));
        const routeOf = (p) => p.selection.winner?.kind === 'user' ? p.selection.winner.route : undefined;
        for (const group of groupBy(paths, (p) => routeOf(p)?.id ?? decidingKey(p)).values()) {
            const route = routeOf(group[0]);
            // No Route in code when an effective route (live) decided: point at its subnet.
            const effective = route ? undefined : group[0].decidingEffectiveRoute;
            const hub = route || effective ? undefined : group[0].decidingHub;
            const table = route && tableOfRoute(ctx, route);
            const fv = group[0].firewall;
            const addresses = addressesOf(group);
            const reasons = [...groupBy(group, (p) => decidedBy(p)).entries()].map(([why, ps]) => `for ${listText(addressesOf(ps))} ${why}`);
            const message = `The ${route ? routeText(route, table ? (0,lookup/* displayName */.Q)(table) : undefined) : effective ? effectiveRouteText(effective) : `default route 0.0.0.0/0 of ${hub.text}`} ` +
                `sends Azure KMS traffic (TCP 1688) to ` +
                `Azure Firewall ${(0,lookup/* displayName */.Q)(fv.firewall)}, and ${listText(reasons)}. ` +
                `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
                `Add a network rule allowing TCP 1688 to ${listText(addresses)}, processed before any rule that denies it.` +
                kmsLookalikes(fv);
            const denyPriority = group.map((p) => p.firewall?.collection?.priority).find((v) => v?.known);
            findings.push(makeFinding(kms003, ctx, route ?? effective?.subnet ?? hub.via, {
                message,
                kmsAddresses: addresses,
                ...pathParts(group),
                fix: {
                    kind: 'allow-kms-firewall',
                    firewall: fv.firewall,
                    policy: fv.policy,
                    addresses,
                    before: denyPriority?.known ? denyPriority.value : undefined,
                },
                format: fv.policy?.format ?? fv.firewall.format,
            }));
        }
        return findings;
    },
};
/** The KMS host names of every cloud (a rule may be written for another cloud's). */
const KMS_HOSTS = Object.values(catalogue/* KMS_CATALOGUE */.uE).flatMap((c) => [c.current.fqdn, c.legacy.fqdn]);
/**
 * How an application rule's FQDN takes in a KMS host name, or undefined: the name itself, or a wildcard
 * whose domain (two labels at least: `*.net` is meant for everything, not for KMS) a KMS host is under.
 * Platform rules like `*.windows.net` are the common case: written for Azure services, they read as if
 * they covered activation.
 */
function kmsHostIn(fqdn) {
    const name = fqdn.trim().toLowerCase().replace(/\.$/, '');
    if (KMS_HOSTS.includes(name))
        return name;
    const domain = name.startsWith('*.') ? name.slice(2) : undefined;
    if (!domain || !domain.includes('.'))
        return undefined;
    const host = KMS_HOSTS.find((h) => h.endsWith(`.${domain}`));
    return host && `${name} covers ${host}`;
}
const WINDOWS_TAG = /^(WindowsUpdate|WindowsDiagnostics|WindowsVirtualDesktop|MicrosoftActiveProtectionService)$/i;
/**
 * An application rule (or FQDN tag) of the firewall that looks meant for KMS: say why it does not help.
 * Application rules only carry HTTP, HTTPS and MSSQL; KMS is TCP 1688, which only a network rule passes.
 */
function kmsLookalikes(fv) {
    const collections = [
        ...fv.firewall.classicCollections,
        ...(fv.policy?.ruleCollectionGroups.flatMap((g) => g.collections) ?? []),
    ].filter((c) => c.kind === 'application');
    const named = [];
    for (const c of collections)
        for (const r of c.rules) {
            const fqdns = r.destinationFqdns.known
                ? r.destinationFqdns.value.flatMap((f) => kmsHostIn(f) ?? [])
                : [];
            const tags = r.destinationFqdnTags?.known
                ? r.destinationFqdnTags.value.filter((t) => WINDOWS_TAG.test(t.trim()))
                : [];
            if (fqdns.length + tags.length > 0)
                named.push(`${(0,lookup/* displayName */.Q)(r)} (${[...fqdns, ...tags.map((t) => `FQDN tag ${t}`)].join(', ')})`);
        }
    if (named.length === 0)
        return '';
    return (`${named.length > 1 ? ' Application rules' : ' Application rule'} ${listText(named)} ${named.length > 1 ? 'look' : 'looks'} meant for activation, but ${named.length > 1 ? 'they cannot' : 'it cannot'} pass it: application rules ` +
        'only carry HTTP, HTTPS and MSSQL, and KMS is TCP 1688, so only a network rule to the KMS IP addresses lets it through.');
}

;// CONCATENATED MODULE: ./src/rules/kms004-appliance.ts
/**
 * KMS004: a KMS address is routed to a network virtual appliance that is not a modelled Azure Firewall.
 * Whether it allows TCP 1688 and translates to an Azure public IP cannot be read from the code.
 */


const kms004 = {
    id: 'KMS004',
    title: 'KMS traffic goes through an appliance that cannot be checked',
    severity: 'warning',
    explanation: 'The route sends KMS traffic to a network virtual appliance that is not an Azure Firewall in the scanned ' +
        'code. Activation works only if the appliance allows TCP 1688 to the KMS addresses **and** sends the ' +
        'request out from an Azure public IP (not back on-premises). Nothing in the code shows either.',
    fix: 'Route the KMS addresses (`/32`) straight to `Internet`, or make sure the appliance allows TCP 1688 to them ' +
        'and source-NATs to an Azure public IP.',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.outcome === 'appliance' && decidingKey(p) && p.kms.kind === 'current');
        for (const group of groupBy(paths, decidingKey).values()) {
            // No Route in code when an effective route (live) decided: point at its subnet.
            const { route, effective, table, at, text } = deciderOf(ctx, group[0]);
            const addresses = addressesOf(group);
            const hop = route?.nextHopIpAddress;
            const hopText = hop
                ? hop.known
                    ? hop.value
                    : hop.expression
                : (effective?.route.nextHopIpAddress[0] ??
                    (group[0].selection.nextHopIpAddress?.known
                        ? group[0].selection.nextHopIpAddress.value
                        : undefined) ??
                    'an unnamed address');
            const message = `The ${text} ` +
                `sends Azure KMS traffic (TCP 1688) for ` +
                `${listText(addresses)} to the appliance at ${hopText}, which is not an Azure Firewall in the scanned code. ` +
                `Activation of ${whoText(group)} works only if it allows TCP 1688 and sends the request out from an Azure ` +
                `public IP. Route ${listText(addresses)} (/32) to Internet, or confirm the appliance does both.`;
            findings.push(makeFinding(kms004, ctx, at, {
                message,
                kmsAddresses: addresses,
                ...pathParts(group),
                fix: table && { kind: 'add-routes', table, like: route, addresses: addresses },
            }));
        }
        return findings;
    },
};

// EXTERNAL MODULE: ./src/analysis/addresses.ts
var addresses = __webpack_require__(8018);
// EXTERNAL MODULE: ./src/analysis/firewall.ts
var firewall = __webpack_require__(7008);
;// CONCATENATED MODULE: ./src/rules/kms-references.ts
/**
 * Routes and rules that name KMS endpoints: a route to a KMS /32, an NSG or firewall rule with a KMS
 * address or FQDN as destination. KMS005 (legacy only) and KMS010 (another cloud) judge what they name.
 */




/** The KMS address a route or rule destination names, by its text (null: none). Every model asks again. */
const kmsOfText = new Map();
function namedAddress(text) {
    let k = kmsOfText.get(text);
    if (k === undefined) {
        const p = (0,addresses/* parseIpv4Prefix */.nY)(text);
        k = (p && p.bits === 32 && (0,catalogue/* classifyKmsAddress */.M$)(p.address.toString())) || null;
        if (kmsOfText.size > 100_000)
            kmsOfText.clear();
        kmsOfText.set(text, k);
    }
    return k ? { text, cloud: k.cloud, kind: k.kind, addresses: [k.address] } : undefined;
}
function namedFqdn(text) {
    const f = (0,catalogue/* addressesOfFqdn */.XJ)(text);
    return f ? { text, cloud: f.cloud, kind: f.kind, addresses: f.addresses } : undefined;
}
const defined = (x) => x !== undefined;
/** Every route and rule that names a KMS address or FQDN of any cloud. */
function kmsReferences(model) {
    // Indexed only for a firewall rule that names KMS (its DNS proxy setting): three rules ask this of every
    // unit, and nearly none has such a rule.
    let index;
    const indexed = () => (index ??= (0,lookup/* indexModel */.y)(model));
    const refs = [];
    for (const t of model.routeTables)
        for (const r of t.routes) {
            const n = r.addressPrefix.known ? namedAddress(r.addressPrefix.value) : undefined;
            if (n)
                refs.push({ kind: 'route', object: r, named: [n] });
        }
    for (const nsg of model.nsgs)
        for (const r of nsg.rules) {
            if (!r.destinationAddressPrefixes.known)
                continue;
            const dests = r.destinationAddressPrefixes.value;
            const named = dests.map(namedAddress).filter(defined);
            if (named.length > 0)
                refs.push({
                    kind: 'nsg',
                    object: r,
                    named,
                    covers: (a) => dests.some((d) => (0,addresses/* destinationCovers */.xb)(d, a, 'nsg')),
                });
        }
    const fwRules = (collections, ctx) => {
        // The setting of the policy or firewall, once, when one of its rules names KMS.
        let dnsProxy;
        const dnsProxyOf = () => (dnsProxy ??= ctx.policy
            ? (0,firewall/* policyDnsProxy */.cq)(ctx.policy, indexed())
            : ctx.firewall
                ? (0,firewall/* firewallDnsProxy */.Qb)(ctx.firewall, indexed())
                : false);
        for (const c of collections) {
            if (c.kind !== 'network')
                continue;
            for (const r of c.rules) {
                const dests = r.destinationAddresses.known ? r.destinationAddresses.value : [];
                const fqdns = r.destinationFqdns.known ? r.destinationFqdns.value : [];
                const named = [...dests.map(namedAddress), ...fqdns.map(namedFqdn)].filter(defined);
                if (named.length === 0)
                    continue;
                const covers = (a) => dests.some((d) => (0,addresses/* destinationCovers */.xb)(d, a, 'firewall')) ||
                    fqdns.some((f) => (0,catalogue/* addressesOfFqdn */.XJ)(f)?.addresses.includes(a) === true);
                refs.push({
                    kind: 'firewall',
                    object: r,
                    named,
                    covers,
                    collection: c,
                    ...ctx,
                    dnsProxy: dnsProxyOf(),
                });
            }
        }
    };
    for (const p of model.firewallPolicies)
        for (const g of p.ruleCollectionGroups)
            fwRules(g.collections, { policy: p });
    for (const f of model.firewalls)
        fwRules(f.classicCollections, { firewall: f });
    return refs;
}

;// CONCATENATED MODULE: ./src/rules/kms005-legacy-only.ts
/**
 * KMS005: a route or rule written for KMS names only the old endpoint (23.102.135.246 or
 * kms.core.windows.net for the public cloud), not the addresses azkms.core.windows.net resolves to.
 */




function hopOf(route) {
    return route.nextHopType.known ? route.nextHopType.value : 'its next hop';
}
const kms005 = {
    id: 'KMS005',
    title: 'KMS route or rule names only the old KMS endpoint',
    severity: 'warning',
    explanation: 'Microsoft moved Azure KMS: since 2022-10-03 `azkms.core.windows.net` resolves to 20.118.99.224 and ' +
        '40.83.235.53, and since 2023-03-01 the old `kms.core.windows.net` points at 20.118.99.224. A route or rule ' +
        'written for the old address 23.102.135.246 (or the old name) no longer covers the traffic Windows sends, ' +
        'so activation fails as soon as that route or rule is what lets KMS out.',
    fix: 'Name the current KMS addresses too (keep the old one, which Microsoft still lists).',
    check(ctx) {
        const findings = [];
        const current = [...catalogue/* KMS_CATALOGUE */.uE[ctx.cloud].current.addresses];
        const refs = kmsReferences(ctx.model).filter((r) => r.named.some((n) => n.cloud === ctx.cloud));
        // Routes: the table is what is "made for KMS"; judge which current addresses it has /32 routes for.
        const routed = new Map();
        for (const r of refs)
            if (r.kind === 'route') {
                const list = routed.get(r.object.routeTableId) ?? [];
                list.push(...r.named.flatMap((n) => (n.kind === 'current' ? n.addresses : [])));
                routed.set(r.object.routeTableId, list);
            }
        for (const r of refs) {
            const legacy = r.named.filter((n) => n.cloud === ctx.cloud && n.kind === 'legacy');
            if (legacy.length === 0)
                continue;
            const missing = r.kind === 'route'
                ? current.filter((a) => !routed.get(r.object.routeTableId).includes(a))
                : current.filter((a) => !r.covers(a));
            if (missing.length === 0)
                continue;
            const named = unique(legacy.map((n) => n.text));
            const what = r.kind === 'route'
                ? `The route ${(0,lookup/* displayName */.Q)(r.object)} sends the old KMS address ${listText(named)} to ${hopOf(r.object)}, ` +
                    `but its route table has no route for ${listText(missing)}`
                : `The ${r.kind === 'nsg' ? 'NSG' : 'firewall network'} rule ${(0,lookup/* displayName */.Q)(r.object)} names the old KMS ` +
                    `endpoint ${listText(named)} but not ${listText(missing)}`;
            const message = `${what}. ${datesText(ctx.cloud)} Windows activation traffic goes to ${listText(missing)}, which this ` +
                `${r.kind === 'route' ? 'route table' : 'rule'} does not handle, so it can fail once this is what lets KMS out. ` +
                `Add ${listText(missing)} and keep ${listText(named)}.`;
            let fix;
            if (r.kind === 'route') {
                const table = tableOfRoute(ctx, r.object);
                if (table)
                    fix = { kind: 'add-routes', table, like: r.object, addresses: missing };
            }
            else {
                const existing = r.kind === 'nsg' ? r.object.destinationAddressPrefixes : r.object.destinationAddresses;
                const keep = existing.known ? existing.value : [];
                fix = {
                    kind: 'set-destinations',
                    rule: r.object,
                    addresses: unique([...allAddresses(ctx.cloud), ...keep]),
                };
            }
            findings.push(makeFinding(kms005, ctx, r.object, { message, kmsAddresses: missing, fix }));
        }
        return findings;
    },
};

// EXTERNAL MODULE: ./src/analysis/nsg.ts
var analysis_nsg = __webpack_require__(2914);
;// CONCATENATED MODULE: ./src/rules/nsg-deny.ts
/** NSG denies of KMS, shared by KMS006 (exception off: activation breaks) and KMS013 (exception on). */





/** Denials of KMS with the platform exception `exception`, grouped by the denying rule. */
function nsgDenies(paths, exception) {
    const denied = [];
    const denies = (v) => v.access === 'Deny' && v.rule && v.platformException === exception;
    for (const p of paths) {
        // A security admin rule that decides (AlwaysAllow, Deny) comes before the NSGs: their denies do not count.
        if (p.kms.kind !== 'current' || (p.securityAdmin?.rule && p.securityAdmin.access !== 'Allow'))
            continue;
        if (p.nsg && denies(p.nsg))
            denied.push({ path: p, verdict: p.nsg });
        for (const l of p.nicNsgs ?? [])
            if (l.placed && denies(l.verdict))
                denied.push({ path: p, verdict: l.verdict, nics: l.nics });
    }
    return [...groupBy(denied, (d) => d.verdict.rule.id).values()];
}
/** Why Azure's platform exception for KMS does not apply on this path. */
function exceptionOffReason(p, nsg = p.nsg) {
    const override = p.routeTable?.routes.find((r) => {
        const pre = r.addressPrefix.known ? (0,addresses/* parseIpv4Prefix */.nY)(r.addressPrefix.value) : undefined;
        return pre?.bits === 0;
    });
    if (override)
        return `route table ${(0,lookup/* displayName */.Q)(p.routeTable)} overrides 0.0.0.0/0 (route ${(0,lookup/* displayName */.Q)(override)})`;
    // Live state: a 0.0.0.0/0 among the subnet's effective routes, most likely learned over BGP.
    const effective = p.selection.effective?.routes.find(analysis_nsg/* overridesDefault */.Rh);
    if (effective)
        return (`the subnet's effective routes (NIC ${(0,routes/* nicName */.kg)(p.selection.effective.nicId)}) override 0.0.0.0/0 with a ` +
            `${effective.source === 'VirtualNetworkGateway' ? 'route learned over BGP' : 'deployed user route'}`);
    const lkm = nsg?.nsg.rules.find((r) => r.destinationAddressPrefixes.known && r.destinationAddressPrefixes.value.some(addresses/* isKmsServiceTag */.T4));
    return lkm
        ? `rule ${(0,lookup/* displayName */.Q)(lkm)} denies the AzurePlatformLKM service tag`
        : 'the platform exception is off';
}
/**
 * One finding per NSG rule that denies KMS with the platform exception `exception`: the message names the
 * rule and the addresses, and `consequence` says what follows; the fix allows KMS before the rule.
 */
function nsgDenyFindings(rule, ctx, exception, consequence) {
    return nsgDenies(ctx.analysis.paths, exception).map((denials) => {
        const group = denials.map((d) => d.path);
        const { verdict, nics } = denials[0];
        const deny = verdict.rule;
        const addresses = addressesOf(group);
        const on = nics
            ? ` (set on network interface${nics.length > 1 ? 's' : ''} ${listText(nics.map(lookup/* displayName */.Q))})`
            : '';
        const message = `The NSG rule ${(0,lookup/* displayName */.Q)(deny)} in ${(0,lookup/* displayName */.Q)(verdict.nsg)}${on} denies outbound TCP 1688 to ` +
            `${listText(addresses)} (Azure KMS)${consequence(group, verdict)}`;
        return makeFinding(rule, ctx, deny, {
            message,
            kmsAddresses: addresses,
            ...pathParts(group),
            fix: { kind: 'allow-kms-nsg', deny, addresses: allAddresses(ctx.cloud) },
        });
    });
}

;// CONCATENATED MODULE: ./src/rules/kms006-nsg-denies.ts
/**
 * KMS006: the subnet's NSG denies outbound TCP 1688 to a current KMS address, and Azure's platform
 * exception (which lets KMS out past NSGs) is off because the route table overrides 0.0.0.0/0 or a rule
 * denies AzurePlatformLKM (NSG overview, "Azure platform considerations").
 */


const kms006 = {
    id: 'KMS006',
    title: 'NSG denies KMS and no platform exception applies',
    severity: 'error',
    explanation: 'Azure normally lets KMS traffic (TCP 1688 to the Azure KMS addresses) out through a platform rule that ' +
        'NSGs do not see, so a deny-all outbound NSG does not break activation. That exception is lost when the ' +
        "subnet's route table overrides `0.0.0.0/0` (forced tunnelling, a firewall) or an NSG rule denies the " +
        '`AzurePlatformLKM` service tag. Then the NSG deny applies and Windows VMs cannot activate. This holds ' +
        "for the subnet's NSG and for an NSG set on a VM's network interface (Azure applies both).",
    fix: 'Add an outbound NSG rule allowing TCP 1688 to the KMS addresses with a lower priority number than the deny.',
    check(ctx) {
        return nsgDenyFindings(kms006, ctx, false, (group, nsg) => `, and Azure's platform exception for KMS does not apply because ${exceptionOffReason(group[0], nsg)}. ` +
            `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
            `Add an outbound rule allowing TCP 1688 to the KMS addresses with a lower priority number.`);
    },
};

;// CONCATENATED MODULE: ./src/rules/kms007-fqdn-without-dns-proxy.ts
/**
 * KMS007: an Azure Firewall network rule names a KMS FQDN, but DNS proxy is off. Network rules match
 * FQDNs only when the firewall resolves them itself (DNS proxy on); otherwise the rule never matches.
 */



const kms007 = {
    id: 'KMS007',
    title: 'Firewall network rule uses a KMS FQDN without DNS proxy',
    severity: 'error',
    explanation: 'Azure Firewall network rules can use FQDNs only when DNS proxy is enabled on the firewall (or its policy): ' +
        'the firewall must resolve the name itself to know which addresses the rule covers. With DNS proxy off a ' +
        'rule naming `azkms.core.windows.net` never matches, and KMS traffic falls through to a deny.',
    fix: 'Enable DNS proxy on the firewall policy (and point the VNets DNS at the firewall), or use the KMS IP addresses.',
    check(ctx) {
        const findings = [];
        for (const r of kmsReferences(ctx.model)) {
            if (r.kind !== 'firewall' || r.dnsProxy !== false)
                continue;
            const fqdns = r.named.filter((n) => !/^[\d.]+(\/\d+)?$/.test(n.text));
            if (fqdns.length === 0)
                continue;
            const owner = r.policy ?? r.firewall;
            const ownerText = r.policy
                ? `firewall policy ${(0,lookup/* displayName */.Q)(r.policy)}`
                : `firewall ${(0,lookup/* displayName */.Q)(r.firewall)}`;
            const addresses = unique(fqdns.flatMap((n) => n.addresses));
            const message = `The firewall network rule ${(0,lookup/* displayName */.Q)(r.object)} allows ${listText(unique(fqdns.map((n) => n.text)))} by ` +
                `name, but DNS proxy is off on ${ownerText}. Network rules match FQDNs only when the firewall resolves them ` +
                `(DNS proxy on), so this rule never matches and KMS traffic to ${listText(addresses)} is denied unless ` +
                `another rule allows it; Windows VMs behind this firewall then fail to activate. Enable DNS proxy on ` +
                `${ownerText} or name the KMS IP addresses instead.`;
            findings.push(makeFinding(kms007, ctx, r.object, {
                message,
                kmsAddresses: addresses,
                ...(owner && { fix: { kind: 'enable-dns-proxy', target: owner }, format: owner.format }),
            }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms008-no-outbound.ts
/**
 * KMS008: the subnet has default outbound access disabled (a private subnet), no NAT gateway and no
 * route sending KMS to a firewall or appliance: nothing takes the request to the Internet.
 */

const kms008 = {
    id: 'KMS008',
    title: 'Subnet has no outbound path',
    severity: 'warning',
    explanation: 'A subnet with default outbound access disabled (`default_outbound_access_enabled = false`, ' +
        '`defaultOutboundAccess: false`) has no implicit public IP for outbound traffic. Without a NAT gateway, a ' +
        'public IP on each VM, an outbound load balancer rule or a route to a firewall, KMS requests cannot leave ' +
        'Azure and Windows VMs cannot activate. (VMs with their own public IP still can: this is a warning.)',
    fix: 'Associate a NAT gateway with the subnet, route KMS through a firewall, or enable default outbound access.',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.outcome === 'noOutbound' && p.subnet && p.kms.kind === 'current');
        for (const group of groupBy(paths, (p) => p.subnet.id).values()) {
            const subnet = group[0].subnet;
            const addresses = addressesOf(group);
            const message = `Subnet ${subnetLabel(subnet)} has default outbound access disabled, no NAT gateway and no route sending ` +
                `Azure KMS traffic (${listText(addresses)}, TCP 1688) to a firewall, so Windows VMs in it have no way to ` +
                `reach Azure KMS unless each has its own public IP or an outbound load balancer rule. Associate a NAT ` +
                `gateway, route KMS through a firewall, or enable default outbound access.`;
            findings.push(makeFinding(kms008, ctx, subnet, {
                message,
                kmsAddresses: addresses,
                path: group[0].text,
                subnets: [subnetLabel(subnet)],
                fix: { kind: 'add-outbound', subnet },
            }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms009-legacy-not-bypassed.ts
/**
 * KMS009: a forced tunnel bypasses the current KMS addresses but not the legacy one that Microsoft's
 * forced-tunnelling article still lists. Activation works today, unless a current address's path is
 * blocked further on (an NSG, no outbound access) or undecided (a conditional bypass route): then the notice
 * says that instead of claiming it. The notice keeps the table complete.
 */




/**
 * What to say about activation today when a current address's path is blocked further on (its bypass route
 * leads to an NSG that denies it, a subnet without outbound access) or undecided (a bypass route behind a
 * condition the scan cannot evaluate, a hop it cannot follow), ending where the legacy addresses are listed;
 * undefined otherwise (activation works today).
 */
function activationToday(paths) {
    const current = paths.filter((q) => q.kms.kind === 'current');
    const blocked = current.find((q) => q.verdict === 'blocked');
    if (blocked) {
        const who = blocked.subnet ? ` for ${subnetLabel(blocked.subnet)}` : '';
        return {
            text: `Activation does not work today${who} either: ${blocked.kms.address} is blocked further on (${blocked.text}). Microsoft also lists`,
            undecided: false,
        };
    }
    const open = current.find((q) => q.verdict !== 'reaches');
    if (open) {
        const u = open.unknowns[0];
        const why = u ? (u.value.reason ?? u.value.expression) : open.text;
        const who = open.subnet ? ` for ${subnetLabel(open.subnet)}` : '';
        return {
            text: `Whether activation works today${who} is not decided (${open.kms.address}: ${why}). Microsoft also lists`,
            undecided: true,
        };
    }
    return undefined;
}
const kms009 = {
    id: 'KMS009',
    title: 'Forced tunnel bypasses the current KMS addresses but not the legacy one',
    severity: 'notice',
    explanation: "Microsoft's forced-tunnelling guidance still asks for a route to the legacy KMS address " +
        '(23.102.135.246 in the public cloud) next to the current ones. Windows uses the current addresses today, ' +
        'so activation works where they are reachable (the notice says when they are blocked further on or ' +
        'undecided); the legacy route covers older configurations that still target it.',
    fix: 'Add a `/32` route with next hop `Internet` for the legacy KMS address.',
    check(ctx) {
        const findings = [];
        const source = (p) => p.subnet?.id ?? `table:${p.routeTable?.id}`;
        const bySource = groupBy(ctx.analysis.paths, source);
        const legacy = ctx.analysis.paths.filter((p) => {
            if (p.kms.kind !== 'legacy' || p.outcome !== 'gateway' || !decidingKey(p))
                return false;
            const current = bySource.get(source(p)).filter((q) => q.kms.kind === 'current');
            // "Bypassed": every current address takes a user route that does not go to the gateway.
            return current.every((q) => q.outcome !== 'gateway' && q.selection.winner?.kind === 'user');
        });
        // An effective route (live, e.g. learned over BGP) has no table: the bypass goes in the subnet's table.
        // A Virtual Network Manager route sits beside the subnet's own table: the bypass goes in that table;
        // without one, in the route's rule collection (the finding is then at the managed route, as KMS001's).
        const tableIdOf = (p) => (p.decidingRoute?.managedBy ? p.selection.table?.id : p.decidingRoute?.routeTableId) ??
            effectiveTable(p)?.id;
        const keyOf = (p) => tableIdOf(p) ?? `managed:${decidingKey(p)}`;
        for (const group of groupBy(legacy, keyOf).values()) {
            const route = group[0].decidingRoute;
            const table = ctx.model.routeTables.find((t) => t.id === tableIdOf(group[0]));
            const addresses = addressesOf(group);
            const current = catalogue/* KMS_CATALOGUE */.uE[ctx.cloud].current.addresses;
            const today = activationToday(group.flatMap((p) => bySource.get(source(p))));
            const sends = today?.undecided ? 'may send' : 'sends';
            const tail = `${today?.text ?? `Activation works today (Windows uses ${catalogue/* KMS_CATALOGUE */.uE[ctx.cloud].current.fqdn}), but Microsoft still lists`} ${listText(addresses)} for forced tunnelling.`;
            if (!table) {
                if (!route?.managedBy)
                    continue;
                const { target } = deciderOf(ctx, group[0]);
                const message = `The ${routeText(route)} forces the legacy KMS address ${listText(addresses)} through the virtual ` +
                    `network gateway while Azure KMS traffic for ${listText([...current])} ${today?.undecided ? 'may go' : 'goes'} to the Internet. ${tail} ` +
                    `Add a /32 route with next hop Internet for it to ${target}.`;
                findings.push(makeFinding(kms009, ctx, route, { message, kmsAddresses: addresses, ...pathParts(group) }));
                continue;
            }
            const effective = route ? undefined : group[0].decidingEffectiveRoute;
            const message = `Route table ${(0,lookup/* displayName */.Q)(table)} ${sends} Azure KMS traffic for ${listText([...current])} to the Internet ` +
                `but ${effective ? `the ${effectiveRouteText(effective)} forces` : 'forces'} the legacy KMS address ` +
                `${listText(addresses)} through the virtual network gateway. ${tail} ` +
                `Add a /32 route with next hop Internet for it.`;
            findings.push(makeFinding(kms009, ctx, table, {
                message,
                kmsAddresses: addresses,
                ...pathParts(group),
                fix: {
                    kind: 'add-routes',
                    table,
                    like: route?.addressPrefix.known && route.addressPrefix.value.endsWith('/32')
                        ? route
                        : table.routes[0],
                    addresses,
                },
            }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms010-other-cloud.ts
/**
 * KMS010: a route or rule names the KMS endpoint of another Azure cloud than the one scanned (copied from
 * a Government or China template, or the wrong cloud was chosen). It does nothing for activation here.
 */




const kms010 = {
    id: 'KMS010',
    title: 'Route or rule names the KMS endpoint of another cloud',
    severity: 'warning',
    explanation: 'Each Azure cloud has its own KMS endpoint (public: `azkms.core.windows.net`, US Government: ' +
        '`azkms.core.usgovcloudapi.net`, China: `azkms.core.chinacloudapi.cn`). A route or rule naming another ' +
        "cloud's addresses does not let this cloud's KMS traffic out: the bypass you meant to add is missing.",
    fix: "Name the scanned cloud's KMS addresses instead (or scan with the right `cloud`).",
    check(ctx) {
        const findings = [];
        const own = catalogue/* KMS_CATALOGUE */.uE[ctx.cloud];
        const refs = kmsReferences(ctx.model).filter((r) => r.named.some((n) => n.cloud !== ctx.cloud));
        // Routes of one table are one resource: one finding for the table's foreign routes.
        const groups = groupBy(refs, (r) => (r.kind === 'route' ? `table:${r.object.routeTableId}` : r.object.id));
        for (const group of groups.values()) {
            const r = group[0];
            const foreign = group.flatMap((g) => g.named.filter((n) => n.cloud !== ctx.cloud));
            const names = group.map((g) => (0,lookup/* displayName */.Q)(g.object));
            const clouds = unique(foreign.map((n) => n.cloud));
            const what = r.kind === 'route'
                ? group.length > 1
                    ? 'routes'
                    : 'route'
                : r.kind === 'nsg'
                    ? 'NSG rule'
                    : 'firewall network rule';
            const message = `The ${what} ${listText(names)} ${group.length > 1 ? 'name' : 'names'} ${listText(unique(foreign.map((n) => n.text)))}, the KMS endpoint of ` +
                `${listText(clouds)}, but this network is scanned as ${ctx.cloud}, whose Windows VMs activate against ` +
                `${own.current.fqdn} (${listText([...own.current.addresses])}). It does nothing for activation here. ` +
                `Name ${listText([...own.current.addresses, ...own.legacy.addresses])} instead, or scan with the right cloud.`;
            findings.push(makeFinding(kms010, ctx, r.object, {
                message,
                kmsAddresses: unique(foreign.flatMap((n) => n.addresses)),
            }));
        }
        return findings;
    },
};

// EXTERNAL MODULE: ./src/model/value.ts
var value = __webpack_require__(2904);
;// CONCATENATED MODULE: ./src/rules/kms011-unresolved.ts
/**
 * KMS011: a value that decides a verdict could not be resolved statically (a variable without value, a
 * registry module output, an id computed at apply). The scan says so instead of guessing. Also carries
 * the sources' own KMS011 diagnostics.
 */



const kms011 = {
    id: 'KMS011',
    title: 'A value that decides KMS reachability could not be resolved',
    severity: 'notice',
    explanation: 'Where KMS traffic goes depends on a value the scan cannot know before apply: a variable with no value, ' +
        'an output of a module that is not in the repository, an attribute computed by Azure. Rather than guess, ' +
        'the scan names the expression; the verdict for the affected subnets is unknown. A part of a deployment the ' +
        'scan cannot follow (a template linked by URI or template spec, a Bicep registry module, a module loop over ' +
        'a collection it cannot see, a resource whose type or parent cannot be told) may change any route table, ' +
        'NSG or firewall policy of its scope: it is named with its file and line, and those subnets are undecided.',
    fix: 'Give the value a default or pass the var file with `var-files` (Bicep/ARM: a parameter default, a .bicepparam or parameters file); ' +
        'keep linked templates and modules in the repository (`templateLink.relativePath`, a local Bicep module); or check the effective routes of the subnet by hand.',
    check(ctx) {
        const findings = [];
        // Routes learned over BGP are not an unresolved expression: KMS014 names them.
        const unresolved = ctx.analysis.paths.flatMap((p) => p.unknowns.filter((u) => !u.bgp).map((u) => ({ u, p })));
        const byObject = [...groupBy(unresolved, (x) => x.u.object.id).values()];
        // One notice per cause: objects left undecided by the same unresolved inputs share it (--verbose: one
        // each).
        const groups = ctx.verbose
            ? byObject
            : [
                ...groupBy(byObject, (g) => unique(g.map((x) => causeOf(x.u)))
                    .sort()
                    .join('\u0001')).values(),
            ].map((gs) => gs.flat());
        for (const group of groups) {
            const { u } = group[0];
            const paths = unique(group.map((x) => x.p));
            const objects = unique(group.map((x) => (0,lookup/* displayName */.Q)(x.u.object)));
            const exprs = unique(group.map((x) => `\`${x.u.value.expression}\` (${x.u.attribute}${x.u.value.reason ? `: ${x.u.value.reason}` : ''})`));
            const subnets = subnetsOf(paths);
            const message = `${listText(objects)}: ${listText(exprs)} could not be resolved, and it decides where Azure KMS traffic ` +
                `for ${listText(addressesOf(paths))} goes${subnets.length > 0 ? ` from ${listText(subnets)}` : ''}, so ` +
                `whether Windows VMs can activate is unknown. Give it a value the scan can see (a default, a var file) ` +
                `or check the effective routes by hand.`;
            findings.push(makeFinding(kms011, ctx, u.object, {
                location: u.value.origin ?? u.object.origin,
                message,
                kmsAddresses: addressesOf(paths),
                path: paths[0].text,
                subnets,
            }));
        }
        // A part of a deployment the scan cannot follow is named once at its line: by the findings of the
        // subnets it leaves undecided where there are any, else by its own notice.
        // (A source's notice that names no address, at the part's line, is about that part too: the Bicep
        // source's "registry module \u2026 is not evaluated".)
        const named = new Set(unresolved.flatMap((x) => (x.u.value.cause ? [x.u.value.cause] : [])));
        const lines = new Set([...named].map((c) => c.slice(0, c.lastIndexOf('\u0000'))));
        const diagnostics = ctx.model.diagnostics.filter((d) => d.ruleId === 'KMS011' &&
            (ctx.verbose ||
                !(d.address === undefined
                    ? lines.has((0,value/* partLine */.wY)(d.origin))
                    : named.has((0,value/* partCause */.P6)(d.origin, d.address)))));
        // The instances of one loop say the same thing about the same line: one notice unless --verbose.
        const sameCause = (d) => ctx.verbose
            ? undefined
            : [
                d.origin.file,
                d.origin.startLine,
                d.expression ?? '',
                d.message.replace(/\[[^\]]*\]/g, '[*]'),
            ].join('\u0000');
        const seen = new Map();
        diagnostics.forEach((d, i) => {
            const key = sameCause(d) ?? String(i);
            const count = seen.get(key);
            seen.set(key, (count ?? 0) + 1);
            if (count !== undefined)
                return;
            findings.push(diagnosticFinding(kms011, ctx, d, d.expression ? `${d.message} (\`${d.expression}\`)` : d.message));
        });
        return findings;
    },
};
/** What makes a value unknown: the same expression, for the same reason, in the same file. */
function causeOf(u) {
    if (u.value.cause !== undefined)
        return u.value.cause;
    return [u.value.origin?.file ?? '', u.value.reason ?? '', u.value.expression].join('\u0000');
}

;// CONCATENATED MODULE: ./src/rules/kms012-unparsed.ts
/** KMS012: a file could not be parsed (or was skipped); what it declares is not part of the verdicts. */

const kms012 = {
    id: 'KMS012',
    title: 'A file could not be read',
    severity: 'warning',
    explanation: 'A file in the scanned path could not be parsed (a syntax error, an unsupported construct) or was skipped. ' +
        'Routes, NSGs and firewall rules it declares are missing from the analysis, so verdicts may be wrong.',
    fix: 'Fix the syntax error (run `terraform validate` / `az bicep build`), or exclude the file from the scanned path.',
    check(ctx) {
        return ctx.model.diagnostics
            .filter((d) => d.ruleId === 'KMS012')
            .map((d) => diagnosticFinding(kms012, ctx, d, `${d.message} What it declares is not part of the analysis, so KMS verdicts may be incomplete.`));
    },
};

;// CONCATENATED MODULE: ./src/rules/kms013-platform-exception.ts
/**
 * KMS013: the NSG would deny KMS, and only Azure's platform exception (KMS on 1688 is let out by a
 * platform rule NSGs do not see) keeps activation working. Adding a 0.0.0.0/0 route later (a firewall,
 * forced tunnelling) silently turns the exception off.
 */


const kms013 = {
    id: 'KMS013',
    title: 'Activation relies on the NSG platform exception',
    severity: 'notice',
    explanation: "The subnet's NSG (or a VM network interface's) denies KMS traffic, but Azure lets KMS out anyway through a platform rule that NSGs do " +
        'not see (NSG overview, "Azure platform considerations"). The exception ends as soon as the route table ' +
        'overrides `0.0.0.0/0` or a rule denies `AzurePlatformLKM`: a later change to routing would break ' +
        'activation with no change to this NSG.',
    fix: 'Allow TCP 1688 to the KMS addresses explicitly, before the deny rule.',
    check(ctx) {
        return nsgDenyFindings(kms013, ctx, true, (group) => `. ${whoText(group)} still activate only because Azure lets KMS out ` +
            `through a platform rule NSGs do not see; a 0.0.0.0/0 route added later (firewall, forced tunnel) ends ` +
            `that and breaks activation. Allow TCP 1688 to the KMS addresses explicitly, before this rule.`);
    },
};

;// CONCATENATED MODULE: ./src/rules/kms014-bgp-learned.ts


/** The BGP exposure that left a path undecided, if that is what did. */
function exposureOf(p) {
    const at = p.unknowns.find((u) => u.bgp);
    return at ? { bgp: at.bgp, at } : undefined;
}
const kms014 = {
    id: 'KMS014',
    title: 'Routes learned over BGP may decide where KMS traffic goes',
    severity: 'warning',
    explanation: 'The subnet\u2019s VNet has a VPN or ExpressRoute gateway, or an Azure Route Server that appliances peer with, ' +
        'or uses one in a peered hub (`use_remote_gateways`), and its route table lets gateway routes propagate ' +
        '(no route table at all propagates too). Azure then adds whatever on-premises or the appliances advertise. ' +
        'Forced tunnelling is often done that way: a 0.0.0.0/0 advertised over BGP, with no route in any file, sends ' +
        'KMS traffic on-premises, where activation fails. Azure picks the longest prefix first and prefers a user ' +
        'route only on equal prefixes: a user /32 for a KMS address wins over anything learned, but a user ' +
        '0.0.0.0/0 loses to a more specific learned route (forced tunnelling is often advertised as 0.0.0.0/1 + ' +
        '128.0.0.0/1). So subnets whose KMS traffic follows the system route, or a user route shorter than /32 ' +
        'that lets it out, are named. The code cannot tell what is advertised: the subnet is undecided. The same ' +
        'holds for a subnet added to a VNet the scanned code does not declare (a data source, an `existing` VNet): ' +
        'its gateway and peerings are declared elsewhere, if anywhere.',
    fix: 'Let the deployed network decide: `live: true` with `effective-routes: true` reads the routes Azure uses. ' +
        'Or turn gateway route propagation off on the subnet\u2019s route table (`bgp_route_propagation_enabled = false`, ' +
        '`disableBgpRoutePropagation: true`) and write the routes it needs, or add routes for the KMS addresses ' +
        '(`/32`, next hop `Internet`).',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.kms.kind === 'current' && exposureOf(p));
        // One finding per place to change (the route table, or the subnet without one) and source of routes.
        const groups = groupBy(paths, (p) => {
            const e = exposureOf(p);
            return `${e.at.object.id}\u0000${e.bgp.sources}`;
        });
        for (const group of groups.values()) {
            const { bgp, at } = exposureOf(group[0]);
            const parts = pathParts(group);
            const where = parts.subnets?.length ? listText(parts.subnets) : (0,lookup/* displayName */.Q)(at.object);
            const message = `${where} learn${parts.subnets && parts.subnets.length === 1 ? 's' : ''} routes over BGP from ${bgp.sources}: ` +
                `${bgp.because}; ${bgp.propagation}. No route in the code decides Azure KMS traffic (TCP 1688) for ` +
                `${listText(addressesOf(group))} first, so a route advertised from on-premises or an appliance (forced ` +
                'tunnelling often advertises 0.0.0.0/0) may send it where activation fails; the code cannot tell. ' +
                'Decide it with `live: true` and `effective-routes: true` (the effective routes Azure uses), or turn ' +
                'gateway route propagation off on the route table and write the routes the subnet needs, or add routes ' +
                'for the KMS addresses (/32, next hop Internet), which win over anything learned over BGP.';
            const finding = makeFinding(kms014, ctx, at.object, {
                location: at.value.origin ?? at.object.origin,
                message,
                kmsAddresses: addressesOf(group),
                ...parts,
            });
            // On a route table, the fix that needs no live read: routes for the KMS addresses, which beat BGP.
            const table = ctx.model.routeTables.find((t) => t.id === at.object.id);
            if (table)
                finding.fix = { kind: 'add-routes', table, addresses: allAddresses(ctx.cloud) };
            findings.push(finding);
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms015-admin-rule-denies.ts
/**
 * KMS015: an Azure Virtual Network Manager security admin rule denies outbound TCP 1688 to a current KMS
 * address for a subnet's VNet. Admin rules are evaluated before NSGs: no NSG rule can allow it back.
 */


/** The admin rule that may deny the path: deciding (blocked) or open (a Deny that may apply). */
function denyingRule(p) {
    const a = p.securityAdmin;
    if (!a)
        return undefined;
    if (a.access === 'Deny' && a.rule && p.verdict === 'blocked')
        return { rule: a.rule, sure: true };
    // A Deny that decides while Azure's platform exception for KMS may be in force: undecided, named.
    if (a.access === 'Deny' && a.rule && p.verdict === 'unknown')
        return { rule: a.rule, sure: false };
    const open = a.open.find((o) => o.access === 'Deny');
    if (open && p.verdict === 'unknown')
        return { rule: open.rule, sure: false };
    return undefined;
}
const kms015 = {
    id: 'KMS015',
    title: 'A Virtual Network Manager security admin rule denies KMS traffic',
    severity: 'error',
    explanation: 'Azure Virtual Network Manager security admin rules are evaluated before network security groups. A Deny ' +
        'that matches outbound TCP 1688 to the KMS addresses drops the traffic whatever the subnet\u2019s NSG allows, ' +
        'so Windows VMs in the VNets of the rule\u2019s network groups cannot activate. A rule whose configuration is ' +
        'not seen committed, or whose group gets its members from Azure Policy, may apply: it is named, and the ' +
        'subnet is undecided. Azure lets KMS out through a platform rule NSGs do not see while no route overrides ' +
        '0.0.0.0/0 (NSG overview, "Azure platform considerations"); whether that rule also passes a security admin ' +
        'Deny is not documented, so there the Deny is named and the subnet is undecided.',
    fix: 'Add a security admin rule with a lower priority number that lets TCP 1688 to the KMS addresses out: ' +
        '`AlwaysAllow` (the NSG is not consulted) or `Allow` (the NSG decides). Then commit the configuration.',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.kms.kind === 'current' && denyingRule(p));
        for (const group of groupBy(paths, (p) => denyingRule(p).rule.id).values()) {
            const { rule, sure } = denyingRule(group[0]);
            const parts = pathParts(group);
            const who = parts.subnets?.length ? `Windows VMs in ${listText(parts.subnets)}` : 'Windows VMs';
            const message = sure
                ? `Security admin rule ${(0,lookup/* displayName */.Q)(rule)} (Azure Virtual Network Manager) denies outbound TCP 1688 to ` +
                    `${listText(addressesOf(group))}. Admin rules are evaluated before NSGs, so no NSG rule lets it through: ` +
                    `${who} cannot activate Windows. Add a higher-priority admin rule (lower number) that allows TCP 1688 ` +
                    'to the KMS addresses (AlwaysAllow, or Allow to let the NSG decide), and commit the configuration.'
                : `Security admin rule ${(0,lookup/* displayName */.Q)(rule)} (Azure Virtual Network Manager) denies outbound TCP 1688 to ` +
                    `${listText(addressesOf(group))} if it applies to ${who.replace('Windows VMs in ', '')}: ` +
                    `${group[0].unknowns.map((u) => u.value.reason ?? u.value.expression).join('; ')}. If it does, ` +
                    'activation fails whatever the NSG allows; allow TCP 1688 to the KMS addresses in a higher-priority admin rule.';
            findings.push(makeFinding(kms015, ctx, rule, { message, kmsAddresses: addressesOf(group), ...parts }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/index.ts
/**
 * Every rule, and running them. Findings come back sorted by file and line, then rule id.
 */
















const allRules = [
    kms001,
    kms002,
    kms003,
    kms004,
    kms005,
    kms006,
    kms007,
    kms008,
    kms009,
    kms010,
    kms011,
    kms012,
    kms013,
    kms014,
    kms015,
];

function runRules(ctx, rules = allRules) {
    return rules.flatMap((r) => r.check(ctx)).sort(order/* compareFindings */.E);
}


/***/ }),

/***/ 5713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ mentionTexts),
/* harmony export */   UR: () => (/* binding */ vnetSlot),
/* harmony export */   ZL: () => (/* binding */ aroundMessage),
/* harmony export */   jU: () => (/* binding */ renderTexts)
/* harmony export */ });
/* unused harmony export renderText */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Texts that name VNets, as structure: a finding's message, its subnets and its subnets' paths name
 * subnets as `vnet-spoke/snet-app`, and which label a VNet gets (`vnet-spoke` or `vnet-spoke (rg-spoke-a)`)
 * is known only when the whole report is read (two root modules may each declare a `vnet-spoke`). So a
 * finding keeps these texts as parts (Finding.texts: strings and slots naming one of Finding.vnets), and
 * its plain texts are rendered from the parts: by makeFinding with the labels its unit gave, and again by
 * the report (src/report/vnet-labels.ts) with the labels of the whole report, which every format then
 * reads. No rendered text is ever searched for a label: a VNet name that contains another one, a quoted
 * IaC value or a fix that happens to spell a label, and a text already relabelled are left as they are.
 *
 * How rules write them: a rule builds its message as a string, as before; subnetLabel (findings.ts) puts
 * a slot token where the VNet label goes, and makeFinding, the one place rules make findings, turns the
 * tokens into parts before anything else sees the finding. A token is two Unicode noncharacters around a
 * per-process nonce and the label's UTF-16 code units in hex: no text a scanned file supplies can make one.
 * Whoever changes a finding's message afterwards (a variant's prefix, an expired suppression's note) does
 * it through aroundMessage, so the parts and the text stay one.
 */

const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
const NONCE = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex');
/** What every slot starts with. */
const PREFIX = `${OPEN}${NONCE}`;
/** The hex of a slot: whole UTF-16 code units (four lowercase hex digits each), what `hex` writes. */
const HEX = /^(?:[0-9a-f]{4})*$/;
const hex = (s) => {
    let out = '';
    for (let i = 0; i < s.length; i++)
        out += s.charCodeAt(i).toString(16).padStart(4, '0');
    return out;
};
const unhex = (h) => {
    let out = '';
    for (let i = 0; i < h.length; i += 4)
        out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
    return out;
};
/**
 * The slots written so far, by label, and their labels by hex. A scan writes a slot per subnet named in a
 * finding's message, subnets and paths, over and over for the same few VNets; encoding and decoding each
 * one was most of makeFinding's own time. Bounded: emptied when it holds this many labels (the scan worker
 * judges unit after unit, and a label is written again if it is needed after that).
 */
const MAX_SLOTS = 20_000;
const slots = new Map();
const labelsByHex = new Map();
/** The slot for a VNet label in a text a rule writes; makeFinding turns it into a part (mentionTexts). */
function vnetSlot(label) {
    let slot = slots.get(label);
    if (slot === undefined) {
        if (slots.size >= MAX_SLOTS) {
            slots.clear();
            labelsByHex.clear();
        }
        const h = hex(label);
        slot = `${PREFIX}${h}${CLOSE}`;
        slots.set(label, slot);
        labelsByHex.set(h, label);
    }
    return slot;
}
/**
 * A text's slots read into parts (undefined without any): a slot `indexOf` does not know is its label as text.
 * A slot is PREFIX, hex, CLOSE: at each PREFIX, the text up to the next CLOSE is its hex if it is whole code
 * units of lowercase hex digits, else that PREFIX starts no slot and the search goes on from the next character.
 */
function partsOf(text, indexOf) {
    if (!text.includes(OPEN))
        return undefined;
    const parts = [];
    const push = (s) => {
        if (s === '')
            return;
        const last = parts[parts.length - 1];
        if (typeof last === 'string')
            parts[parts.length - 1] = last + s;
        else
            parts.push(s);
    };
    let at = 0;
    let from = 0;
    for (;;) {
        const start = text.indexOf(PREFIX, from);
        if (start < 0)
            break;
        const end = text.indexOf(CLOSE, start + PREFIX.length);
        if (end < 0)
            break;
        const h = text.slice(start + PREFIX.length, end);
        let label = labelsByHex.get(h);
        if (label === undefined) {
            if (!HEX.test(h)) {
                from = start + 1;
                continue;
            }
            label = unhex(h);
        }
        push(text.slice(at, start));
        const vnet = indexOf(label);
        if (vnet === undefined)
            push(label);
        else
            parts.push({ vnet });
        at = from = end + 1;
    }
    push(text.slice(at));
    return parts;
}
/** The text of parts, each slot as `labelOf` labels its VNet. */
function renderText(parts, vnets, labelOf) {
    let out = '';
    for (const p of parts) {
        if (typeof p === 'string')
            out += p;
        else {
            const m = vnets[p.vnet];
            out += m ? labelOf(m) : '';
        }
    }
    return out;
}
/**
 * Reads the slots of a finding's message, subnets and paths into Finding.texts (only when one names a
 * VNet) and renders the texts with the unit's labels. A slot names one of the finding's VNets (those of
 * its affected subnets) or, when it names another (a subnet a notice is about without harming it), the
 * VNet `mentionOf` finds by label, which joins Finding.vnets. For makeFinding.
 */
function mentionTexts(f, mentionOf) {
    const vnets = [...(f.vnets ?? [])];
    const indexOf = (label) => {
        const i = vnets.findIndex((m) => m.label === label);
        if (i >= 0)
            return i;
        const m = mentionOf(label);
        if (!m)
            return undefined;
        vnets.push(m);
        return vnets.length - 1;
    };
    const message = partsOf(f.message, indexOf);
    const subnets = f.subnets?.map((s) => partsOf(s, indexOf));
    const paths = f.subnetPaths?.map((p) => partsOf(p.subnet, indexOf));
    if (vnets.length > 0)
        f.vnets = vnets;
    const plain = (t) => [t];
    const hasSlot = (t) => t?.some((p) => typeof p !== 'string') === true;
    if (hasSlot(message) || subnets?.some(hasSlot) || paths?.some(hasSlot)) {
        f.texts = { message: message ?? plain(f.message) };
        if (subnets)
            f.texts.subnets = subnets.map((t, i) => t ?? plain(f.subnets[i]));
        if (paths)
            f.texts.subnetPaths = paths.map((t, i) => t ?? plain(f.subnetPaths[i].subnet));
        renderFrom(f, (parts) => renderText(parts, vnets, (m) => m.label));
        return;
    }
    // No slot names a VNet: each is its label already.
    if (message)
        f.message = message.join('');
    if (subnets)
        f.subnets = subnets.map((t, i) => (t ? t.join('') : f.subnets[i]));
    if (paths)
        f.subnetPaths = f.subnetPaths.map((p, i) => (paths[i] ? { ...p, subnet: paths[i].join('') } : p));
}
/**
 * Renders a finding's message, subnets and paths from its texts with `labelOf`'s labels. Its arrays are
 * replaced, not changed (units and caches may share them). A text that no longer reads as its parts with
 * the labels the finding carries (changed without aroundMessage) is left as it is, never cut back to them.
 */
function renderTexts(f, labelOf) {
    const vnets = f.vnets ?? [];
    renderFrom(f, (parts, was) => renderText(parts, vnets, (m) => m.label) === was ? renderText(parts, vnets, labelOf) : was);
}
/** Sets the finding's texts to `render` of their parts (given the text each has now). */
function renderFrom(f, render) {
    const t = f.texts;
    if (!t)
        return;
    f.message = render(t.message, f.message);
    if (t.subnets && f.subnets && t.subnets.length === f.subnets.length)
        f.subnets = t.subnets.map((s, i) => render(s, f.subnets[i]));
    if (t.subnetPaths && f.subnetPaths && t.subnetPaths.length === f.subnetPaths.length)
        f.subnetPaths = f.subnetPaths.map((p, i) => ({ ...p, subnet: render(t.subnetPaths[i], p.subnet) }));
}
/** The message with text before and after it, and its texts to match: for a new finding `{ ...f, ...this }`. */
function aroundMessage(f, before, after = '') {
    const message = `${before}${f.message}${after}`;
    if (!f.texts)
        return { message };
    const parts = [...(before ? [before] : []), ...f.texts.message, ...(after ? [after] : [])];
    return { message, texts: { ...f.texts, message: parts } };
}


/***/ }),

/***/ 1263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ compareFindings)
/* harmony export */ });
/**
 * localeCompare, skipped for the same string: it is 0 then, and sorting a scan's findings compares mostly
 * findings of one file and one rule (a collation per comparison was most of the sort).
 */
const collate = (a, b) => (a === b ? 0 : a.localeCompare(b));
function compareFindings(a, b) {
    return (collate(a.location.file, b.location.file) ||
        a.location.startLine - b.location.startLine ||
        collate(a.ruleId, b.ruleId) ||
        collate(a.resource, b.resource));
}


/***/ }),

/***/ 848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ armScope),
/* harmony export */   e: () => (/* binding */ liveId)
/* harmony export */ });
/**
 * ARM ids as model ids. ARM ids are case-insensitive and Azure returns them in whatever case they were
 * created with (`resourceGroups/RG-HUB` here, `resourcegroups/rg-hub` there), so the model id of a
 * deployed resource is its ARM id lowercased; the original spelling is kept as the object's address.
 */
/** The model id of a deployed resource. */
const liveId = (armId) => armId.toLowerCase().replace(/\/+$/, '');
/** Subscription, resource group and last name segment of an ARM id. */
function armScope(armId) {
    const parts = armId.split('/').filter(Boolean);
    const at = (key) => {
        const i = parts.findIndex((p) => p.toLowerCase() === key);
        return i >= 0 ? parts[i + 1] : undefined;
    };
    return {
        subscriptionId: at('subscriptions'),
        resourceGroup: at('resourcegroups'),
        name: parts[parts.length - 1],
    };
}


/***/ }),

/***/ 4608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ callGraphUnits)
/* harmony export */ });
/**
 * Deployment units of a call graph (Terraform root modules and the modules they call, Bicep entry
 * templates and their modules): each node nobody calls, with every node it reaches; then, so that
 * nothing is silently skipped, nodes reached by none of them (modules that only call each other).
 */
function callGraphUnits(nodes, calls) {
    const called = new Set();
    for (const targets of calls.values())
        for (const t of targets)
            called.add(t);
    const reached = new Set();
    const units = [];
    const add = (root) => {
        const seen = new Set([root]);
        const stack = [root];
        while (stack.length > 0) {
            for (const t of calls.get(stack.pop()) ?? []) {
                if (seen.has(t))
                    continue;
                seen.add(t);
                stack.push(t);
            }
        }
        seen.forEach((n) => reached.add(n));
        units.push({ root, members: [...seen] });
    };
    for (const n of nodes)
        if (!called.has(n))
            add(n);
    for (const n of nodes)
        if (!reached.has(n))
            add(n);
    return units;
}


/***/ }),

/***/ 7849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qn: () => (/* binding */ readWatch),
/* harmony export */   ZG: () => (/* binding */ PHASES),
/* harmony export */   d3: () => (/* binding */ watchPhase),
/* harmony export */   fn: () => (/* binding */ currentWatch),
/* harmony export */   l9: () => (/* binding */ UNIT_KEY_BYTES),
/* harmony export */   q4: () => (/* binding */ parsingFile)
/* harmony export */ });
/* unused harmony exports watchUnits, fileSubject, sharedWatch */
/**
 * What the scan worker is doing, where a supervisor can read it even after V8 has killed the thread for
 * lack of memory (a message would be lost with it): the phase and its subject (a file being parsed, a
 * deployment unit being evaluated, modelled or analysed), UTF-8 in a SharedArrayBuffer with its length
 * first. src/pipeline/scan-isolated.ts reads it when the worker dies: a death with a subject costs that file
 * or unit (the scan runs again without it), a death without one stops the scan with an error naming the
 * phase. Hand-written: a few lines of Atomics, no library does this.
 */
const UNIT_KEY_BYTES = 16384;
/** The scan's phases, in the words an error or finding uses: "the worker <doing> it ran out of memory". */
const PHASES = {
    start: 'starting',
    discovery: 'finding the files and deployment units',
    parsing: 'parsing',
    evaluation: 'evaluating',
    model: 'building the network model of',
    analysis: 'analysing',
    sources: 'reading the sources between two units',
    report: 'assembling the report (scan-wide findings, suppressions, baseline)',
};
let watch;
/** Installed by the scan worker (src/pipeline/scan-worker-main.ts); on the calling thread there is none. */
function watchUnits(w) {
    watch = w;
}
function currentWatch() {
    return watch;
}
/** Tells the watch (if any) what the scan does now. */
function watchPhase(phase, subject) {
    watch?.at(phase, subject);
}
const fileSubject = (file) => `file\u0000${file}`;
/**
 * `run` as the parsing of `file`: a worker that dies in it costs that file. When the file killed an
 * earlier worker, `skipped` is returned with the reason instead. Afterwards the watch is back where it was.
 */
function parsingFile(file, run, skipped) {
    if (!watch)
        return run();
    const subject = fileSubject(file);
    const why = watch.skipped(subject);
    if (why !== undefined)
        return skipped(why);
    const before = watch.current();
    watch.at('parsing', subject);
    try {
        return run();
    }
    finally {
        watch.at(before.phase, before.subject);
    }
}
/** A watch that records the state in `shared` and skips the subjects of `skip`. */
function sharedWatch(shared, skip) {
    const length = new Int32Array(shared, 0, 1);
    const bytes = new Uint8Array(shared, 4);
    const encoder = new TextEncoder();
    let state = { phase: 'start' };
    // Nearly always empty: then no lookup, which would hash (and intern) every file's path as a key (12 ms
    // of a 10 MB scan's worker).
    const skipping = Object.keys(skip).length > 0;
    return {
        skipped: (subject) => (skipping ? skip[subject] : undefined),
        at(phase, subject) {
            // Called twice per file parsed: what is written already need not be written again.
            if (state.phase === phase && state.subject === subject && state.phase !== 'start')
                return;
            state = subject === undefined ? { phase } : { phase, subject };
            Atomics.store(length, 0, 0);
            // Straight into the shared bytes (cut at a character boundary when too long), no copy between.
            const { written } = encoder.encodeInto(`${phase}\u0000${subject ?? ''}`, bytes);
            Atomics.store(length, 0, written);
        },
        current: () => state,
    };
}
/** The state last written by sharedWatch: `start` before the worker wrote any. */
function readWatch(shared) {
    const n = Atomics.load(new Int32Array(shared, 0, 1), 0);
    if (n === 0)
        return { phase: 'start' };
    const text = new TextDecoder().decode(new Uint8Array(shared, 4, n).slice());
    const cut = text.indexOf('\u0000');
    const phase = text.slice(0, cut);
    const subject = text.slice(cut + 1);
    return phase in PHASES ? (subject ? { phase, subject } : { phase }) : { phase: 'start' };
}


/***/ }),

/***/ 3146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* reexport safe */ _read_source__WEBPACK_IMPORTED_MODULE_2__.FK),
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   O1: () => (/* binding */ isTestFixture),
/* harmony export */   Zn: () => (/* binding */ TERRAFORM_KINDS),
/* harmony export */   k4: () => (/* binding */ discover),
/* harmony export */   mW: () => (/* binding */ isListedRegular),
/* harmony export */   tz: () => (/* binding */ isListedWithoutTerraformDir),
/* harmony export */   z_: () => (/* binding */ SKIP_DIRS)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _read_source__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(547);
/**
 * Finds the files a scan reads. Walks the root without following symlinks that lead outside it, skips
 * tool and dependency directories, and classifies what it finds. Size and encoding are checked where
 * the file is read (see read-source.ts), so that the check is not done twice.
 */



/** Kinds the Terraform parser reads (in worker threads). */
const TERRAFORM_KINDS = new Set([
    'terraform',
    'terraform-json',
    'tfvars',
    'tfvars-json',
]);
/**
 * Files whose directory entry said a regular file (not a symbolic link) in a directory walked by its real
 * path: readSource may skip their lstat. By object, not a field: a DiscoveredFile is plain data that
 * other routes (a pull request's base tree) make too.
 */
const listedRegular = new WeakSet();
/** Did discover() see this file as a regular file, not a link? */
function isListedRegular(f) {
    return listedRegular.has(f);
}
/**
 * Files discover() listed in a directory that held no entry named `.terraform` (no directory, file or
 * link): `terraform init` has left no module manifest there. Most roots of a large repository were never
 * initialised, and looking for each one's manifest was a syscall per unit.
 */
const listedWithoutTerraformDir = new WeakSet();
/** Did discover() list this file in a directory without a `.terraform` entry? */
function isListedWithoutTerraformDir(f) {
    return listedWithoutTerraformDir.has(f);
}
/** Directories that never hold the user's network code. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.terraform', '.terragrunt-cache', 'dist']);
/** Directories of module tests and examples: fixtures, not the network anyone deploys. */
const TEST_FIXTURE_DIRS = new Set(['test', 'tests', 'examples']);
/**
 * Folders that hold one deployment per environment (`environments/test`, `envs/test`): a `test` in them is
 * the test environment, deployed like `prod` beside it, not a module's tests.
 */
const ENVIRONMENT_DIRS = new Set(['environments', 'environment', 'envs', 'env', 'stages', 'live']);
/**
 * Is the file (relative to the scan root, forward slashes) inside a test or example directory? The scan
 * root itself may be one: only directories below it count.
 */
function isTestFixture(relPath) {
    const dirs = relPath.split('/').slice(0, -1);
    return dirs.some((d, i) => TEST_FIXTURE_DIRS.has(d.toLowerCase()) &&
        !(d.toLowerCase() !== 'examples' && i > 0 && ENVIRONMENT_DIRS.has(dirs[i - 1].toLowerCase())));
}
/** JSON files that are tooling, never ARM templates, parameter files or Terraform plans. */
const TOOLING_JSON = new Set([
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'bicepconfig.json',
    'renovate.json',
]);
/**
 * The kind of source a path names, by its file name. The suffixes are tested on the whole path (they hold
 * no separator, so the path ends with one exactly when its name does); the name itself is cut out only for
 * JSON and for a path that ends in a separator: a pull request run classifies ~12,000 paths (git's index,
 * the base tree) on the thread that starts the scan, and path.basename for each cost it ~15 ms.
 */
function classify(file) {
    const last = file.charCodeAt(file.length - 1);
    const name = last === 47 || last === 92 ? node_path__WEBPACK_IMPORTED_MODULE_1__.basename(file) : file;
    if (name.endsWith('.tf.json'))
        return 'terraform-json';
    if (name.endsWith('.tf'))
        return 'terraform';
    if (name.endsWith('.tfvars.json'))
        return 'tfvars-json';
    if (name.endsWith('.tfvars'))
        return 'tfvars';
    if (name.endsWith('.bicepparam'))
        return 'bicepparam';
    if (name.endsWith('.bicep'))
        return 'bicep';
    // Other JSON may be an ARM template, a parameter file or a `terraform show -json` plan: the content
    // decides.
    if (name.endsWith('.json')) {
        const base = node_path__WEBPACK_IMPORTED_MODULE_1__.basename(file);
        if (!TOOLING_JSON.has(base) && !base.startsWith('.'))
            return 'json';
    }
    return undefined;
}

function discover(root) {
    const realRoot = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(root);
    const out = { files: [], skipped: [] };
    const stat = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(realRoot);
    if (stat.isFile()) {
        const kind = classify(realRoot);
        if (kind)
            out.files.push({ path: realRoot, kind });
        return out;
    }
    const seenDirs = new Set();
    const walk = (dir) => {
        if (seenDirs.has(dir))
            return;
        seenDirs.add(dir);
        let entries;
        try {
            entries = node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync(dir, { withFileTypes: true });
        }
        catch (e) {
            out.skipped.push({
                path: dir,
                reason: `cannot be read (${e.code ?? 'error'})`,
            });
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const terraformDir = entries.some((e) => e.name === '.terraform');
        for (const entry of entries) {
            const full = (0,_read_source__WEBPACK_IMPORTED_MODULE_2__/* .childPath */ .cm)(dir, entry.name);
            let target = full;
            let isDir = entry.isDirectory();
            let isFile = entry.isFile();
            if (entry.isSymbolicLink()) {
                try {
                    target = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(full);
                }
                catch {
                    out.skipped.push({ path: full, reason: 'is a broken symbolic link' });
                    continue;
                }
                if (!(0,_read_source__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(realRoot, target)) {
                    out.skipped.push({
                        path: full,
                        reason: 'is a symbolic link that leads outside the scanned directory',
                    });
                    continue;
                }
                const s = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(target);
                isDir = s.isDirectory();
                isFile = s.isFile();
            }
            if (isDir) {
                if (!SKIP_DIRS.has(entry.name))
                    walk(target);
            }
            else if (isFile) {
                const kind = classify(entry.name);
                // Keep the path as found (not the link target) so findings point where the user looks.
                if (kind) {
                    const f = { path: full, kind };
                    if (!entry.isSymbolicLink())
                        listedRegular.add(f);
                    if (!terraformDir)
                        listedWithoutTerraformDir.add(f);
                    out.files.push(f);
                }
            }
        }
    };
    walk(realRoot);
    return out;
}


/***/ }),

/***/ 8665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Je: () => (/* binding */ stringOf),
/* harmony export */   KX: () => (/* binding */ MAX_JSON_DEPTH),
/* harmony export */   Yt: () => (/* binding */ elements),
/* harmony export */   _w: () => (/* binding */ prop),
/* harmony export */   eE: () => (/* binding */ parsePlain),
/* harmony export */   eu: () => (/* binding */ literal),
/* harmony export */   fJ: () => (/* binding */ jsonTooDeep),
/* harmony export */   jO: () => (/* binding */ entries),
/* harmony export */   pj: () => (/* binding */ plain),
/* harmony export */   qF: () => (/* binding */ parseJson),
/* harmony export */   rr: () => (/* binding */ LineIndex),
/* harmony export */   yv: () => (/* binding */ originOf)
/* harmony export */ });
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9547);
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(jsonc_parser__WEBPACK_IMPORTED_MODULE_0__);
/**
 * JSON (with comments) parsed so that every value keeps its lines. ARM templates, parameter files and
 * Terraform plan JSON are all read through here: findings must point at the line that says what is
 * wrong, which `JSON.parse` cannot tell.
 */

/**
 * Offsets (UTF-16 units) \u2192 1-based lines; line starts are computed once per file so each lookup is a binary
 * search. Shared by the JSON readers here and the Terraform HCL converter.
 */
class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    line(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
}
/**
 * Deepest nesting of objects and arrays read. Real templates and plans nest a few dozen levels; the
 * parsers and every walker after them recurse once per level, so a file nested 10,000 deep must be
 * refused before it reaches them.
 */
const MAX_JSON_DEPTH = 256;
/**
 * The index of the closing quote of the string opening at `i` (or the text's end), escapes skipped. A
 * string ends at its closing quote only: ARM templates may break a string across lines; `breaks` gets the
 * offsets of such line breaks.
 */
function endOfString(text, i, breaks) {
    for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */)
            i++;
        else if (d === 0x22 /* " */)
            return i;
        else if (breaks && (d === 0x0a || d === 0x0d))
            breaks.push(i);
    }
    return text.length;
}
/** The index of the last character of the comment opening at `i`, or -1 when none opens there. */
function endOfComment(text, i) {
    if (text.charCodeAt(i) !== 0x2f /* / */)
        return -1;
    const next = text.charCodeAt(i + 1);
    if (next === 0x2f) {
        const end = text.indexOf('\n', i);
        return end < 0 ? text.length : end;
    }
    if (next === 0x2a /* * */) {
        const end = text.indexOf('*/', i + 2);
        return end < 0 ? text.length : end + 1;
    }
    return -1;
}
/**
 * The line where JSON (with comments) first nests deeper than `max`, or undefined. One pass, no
 * recursion: strings and comments are skipped, brackets counted.
 */
function jsonTooDeep(text, max = MAX_JSON_DEPTH) {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22 /* " */)
            i = endOfString(text, i);
        else if (c === 0x2f /* / */)
            i = Math.max(i, endOfComment(text, i));
        else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
            if (++depth > max)
                return new LineIndex(text).line(i);
        }
        else if (c === 0x7d /* } */ || c === 0x5d /* ] */)
            depth--;
    }
    return undefined;
}
/**
 * JSON.parse for text a scanned file wrote (jsondecode, json(), an azapi body, a plan): the value is
 * walked recursively afterwards, so nesting past MAX_JSON_DEPTH is a SyntaxError like any invalid JSON.
 */
function parsePlain(text) {
    const deep = jsonTooDeep(text);
    if (deep !== undefined)
        throw new SyntaxError(`JSON nested more than ${MAX_JSON_DEPTH} levels deep`);
    return JSON.parse(text);
}
/**
 * Offsets of line breaks inside strings. ARM templates may break a string across lines ("Multi-line
 * strings" in Microsoft's template syntax reference: Azure CLI and PowerShell deploy them; ALZ's
 * eslzArm templates split long expressions that way), which jsonc-parser reads as an unterminated
 * string and has no option for. Hand-written: the walk of jsonTooDeep, recording the breaks. Only
 * called once a parse failed on an unterminated string, so valid JSON pays nothing.
 */
function breaksInStrings(text) {
    const found = [];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22 /* " */)
            i = endOfString(text, i, found);
        else if (c === 0x2f /* / */)
            i = Math.max(i, endOfComment(text, i));
    }
    return found.length > 0 ? found : undefined;
}
/**
 * Parses with each line break inside a string read as a space (same length, so offsets and lines stay
 * the file's), then gives the strings that held one their value as written, line breaks included.
 */
function parseTreeWithBreaks(text, breaks, errors) {
    const chars = text.split('');
    for (const at of breaks)
        chars[at] = ' ';
    const root = jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.parseTree(chars.join(''), errors, { allowTrailingComma: true, disallowComments: false });
    // Nodes are visited in document order, as `breaks` is sorted: one cursor walks both.
    let next = 0;
    const restore = (node) => {
        if (node.type === 'string') {
            while (next < breaks.length && breaks[next] < node.offset)
                next++;
            if (next < breaks.length && breaks[next] < node.offset + node.length) {
                const raw = text.slice(node.offset, node.offset + node.length);
                node.value = JSON.parse(raw.replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
            }
        }
        node.children?.forEach(restore);
    };
    if (root && errors.length === 0)
        restore(root);
    return root;
}
/**
 * Parses JSON with comments, trailing commas and line breaks inside strings (as ARM accepts them); the
 * first syntax error is reported with its line.
 */
function parseJson(path, text) {
    const deep = jsonTooDeep(text);
    if (deep !== undefined)
        return {
            ok: false,
            line: deep,
            message: `nested more than ${MAX_JSON_DEPTH} levels deep at line ${deep}`,
        };
    let errors = [];
    let root = jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    const unterminated = errors[0] && jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.printParseErrorCode(errors[0].error) === 'UnexpectedEndOfString';
    const breaks = unterminated ? breaksInStrings(text) : undefined;
    if (breaks) {
        errors = [];
        root = parseTreeWithBreaks(text, breaks, errors);
    }
    const lines = new LineIndex(text);
    if (errors.length > 0 || root === undefined) {
        const first = errors[0];
        const line = first ? lines.line(first.offset) : 1;
        const what = first ? jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.printParseErrorCode(first.error) : 'empty document';
        return { ok: false, line, message: `invalid JSON at line ${line}: ${what}` };
    }
    return { ok: true, doc: { path, text, root, lines } };
}
function originOf(doc, node) {
    return {
        file: doc.path,
        startLine: doc.lines.line(node.offset),
        endLine: doc.lines.line(node.offset + node.length),
    };
}
/**
 * A property of an object node, by exact name, then ignoring case (ARM property names are case-insensitive).
 */
function prop(node, name) {
    if (node?.type !== 'object' || !node.children)
        return undefined;
    let ci;
    const lower = name.toLowerCase();
    for (const p of node.children) {
        const key = p.children?.[0]?.value;
        if (typeof key !== 'string')
            continue;
        if (key === name)
            return p.children?.[1];
        if (ci === undefined && key.toLowerCase() === lower)
            ci = p.children?.[1];
    }
    return ci;
}
/** The properties of an object node in source order. */
function entries(node) {
    if (node?.type !== 'object' || !node.children)
        return [];
    const out = [];
    for (const p of node.children) {
        const key = p.children?.[0]?.value;
        const value = p.children?.[1];
        if (typeof key === 'string' && value)
            out.push([key, value]);
    }
    return out;
}
function elements(node) {
    return node?.type === 'array' ? (node.children ?? []) : [];
}
function stringOf(node) {
    return node?.type === 'string' ? node.value : undefined;
}
/** The plain JSON value of a node (no expression evaluation). */
function plain(node) {
    return node === undefined ? undefined : jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.getNodeValue(node);
}
/** A literal node as a value tree, each node with its own lines; `origin` overrides them all when given. */
function literal(doc, node, origin) {
    const o = origin ?? originOf(doc, node);
    switch (node.type) {
        case 'string':
            return { kind: 'string', value: node.value, origin: o };
        case 'number':
            return { kind: 'number', value: node.value, origin: o };
        case 'boolean':
            return { kind: 'bool', value: node.value, origin: o };
        case 'null':
            return { kind: 'null', origin: o };
        case 'array':
            return { kind: 'list', items: elements(node).map((n) => literal(doc, n, origin)), origin: o };
        default: {
            const attrs = {};
            for (const [k, v] of entries(node))
                attrs[k] = literal(doc, v, origin);
            return { kind: 'object', attrs, origin: o };
        }
    }
}


/***/ }),

/***/ 547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $8: () => (/* binding */ skippedNotice),
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   GD: () => (/* binding */ keptText),
/* harmony export */   cm: () => (/* binding */ childPath),
/* harmony export */   nj: () => (/* binding */ makeBoundary),
/* harmony export */   o$: () => (/* binding */ readSource),
/* harmony export */   wh: () => (/* binding */ withinBoundary),
/* harmony export */   xW: () => (/* binding */ IS_A_DIRECTORY),
/* harmony export */   y4: () => (/* binding */ refusedReference)
/* harmony export */ });
/* unused harmony exports MAX_SOURCE_BYTES, observeReads */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The read boundary: every file a scan reads comes through here. A pull request writes the files we scan,
 * their symlinks and the config that names more files, so a path is only read when its real path (after
 * every symlink) lies inside the scan root, or is one the invoker named (an action input, a CLI argument),
 * and when it is a regular file no larger than the cap. Devices, FIFOs, sockets and directories are never
 * opened as files, so a link to /dev/zero or /etc costs one notice, never a hang or a crash.
 *
 * The boundary is plain data (no functions), so it crosses to the parse worker threads with the jobs.
 */


const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });
let onRead;
/**
 * Tells `fn` of every file read whole (the path as asked, and its text); undefined stops. The scan worker
 * notes which files hold no suppression directive, so the calling thread need not read them again.
 */
function observeReads(fn) {
    onRead = fn;
}
function realOrResolved(p) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(p);
    }
    catch {
        return node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(p);
    }
}
/**
 * `dir` (a real path) joined with one name (a readdir entry, a file's base name), as path.join gives it:
 * where the separator is `/`, without normalising again a path that is real already (path.join per file
 * was most of discovery's garbage, and a tenth of a read's).
 */
function childPath(dir, name) {
    if (node_path__WEBPACK_IMPORTED_MODULE_1__.sep !== '/' || name === '' || name === '.' || name === '..' || name.includes('/'))
        return node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name);
    return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}
/** A boundary around `roots` (directories) and the single `files` an invoker named. */
function makeBoundary(roots, files = []) {
    return { roots: roots.map(realOrResolved), files: files.map(realOrResolved) };
}
/** Is `child` the same as or inside `parent` (both absolute, real paths)? */
function isInside(parent, child) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(parent, child);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(rel));
}
function withinBoundary(real, boundary) {
    return boundary.files.includes(real) || boundary.roots.some((r) => isInside(r, real));
}
const errorCode = (e) => e.code ?? 'error';
/** The refusal for a directory: Terraform's file() fails on one too, so callers may treat it as missing. */
const IS_A_DIRECTORY = 'is a directory, not a file';
/** Why a path that is not a regular file is not read. */
function notAFile(s) {
    if (s.isDirectory())
        return IS_A_DIRECTORY;
    return 'is not a regular file (a device, FIFO or socket)';
}
/**
 * Real paths of directories already resolved, per boundary (a boundary lives for one scan): most files
 * share their directory with others, so a plain file costs one lstat instead of a realpath(3) (a readlink
 * per path component) and a stat. `null`: the directory does not resolve, the file takes the long way.
 */
const realDirs = new WeakMap();
function realDirOf(dir, boundary) {
    let known = realDirs.get(boundary);
    if (!known)
        realDirs.set(boundary, (known = new Map()));
    let hit = known.get(dir);
    if (hit === undefined) {
        try {
            const real = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(dir);
            hit = { real, inside: boundary.roots.some((r) => isInside(r, real)) };
        }
        catch {
            hit = null;
        }
        known.set(dir, hit);
    }
    return hit;
}
/**
 * The real path of `file` when it is a plain regular file (no symlink as its last component) in a
 * directory whose real path is known; undefined when the long way must decide (links, missing files,
 * directories, devices, relative paths).
 */
function plainFile(file, boundary, regular) {
    if (!node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(file))
        return undefined;
    if (!regular) {
        const s = node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync(file, { throwIfNoEntry: false });
        if (!s?.isFile())
            return undefined;
    }
    const dir = realDirOf(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(file), boundary);
    if (!dir)
        return undefined;
    const real = childPath(dir.real, node_path__WEBPACK_IMPORTED_MODULE_1__.basename(file));
    return { real, inside: dir.inside || boundary.files.includes(real) };
}
/**
 * Reads one file through the boundary: inside the scan root (real path), a regular file, at most 5 MB,
 * UTF-8 text without NUL bytes. Anything else is refused with a reason that names nothing outside.
 * `regular`: the caller saw the path as a regular file, not a link (discovery's directory entry, see
 * isListedRegular), so its lstat is skipped (one syscall of five per file); the open (O_NOFOLLOW) and
 * the fstat after it still refuse a link or anything but a file put there since.
 */
function readSource(file, boundary, regular = false, 
/** Given the bytes the text was decoded from, when the read succeeds (see keptText). */
bytesOut) {
    let real;
    const plain = plainFile(file, boundary, regular);
    if (plain) {
        if (!plain.inside)
            return { ok: false, reason: 'leads outside the scanned directory', outside: true };
        real = plain.real;
    }
    else {
        try {
            // The native call: one realpath(3) instead of an lstat per path component (a third of the read cost).
            real = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(file);
        }
        catch (e) {
            const code = errorCode(e);
            // A dangling link may point anywhere: say only that it leads nowhere.
            return { ok: false, reason: code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})` };
        }
        if (!withinBoundary(real, boundary))
            return { ok: false, reason: 'leads outside the scanned directory', outside: true };
    }
    let fd;
    try {
        // A plain file was seen to be a regular file by its lstat; anything else is checked before it is opened.
        if (!plain) {
            const s = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(real);
            if (!s.isFile())
                return { ok: false, reason: notAFile(s) };
        }
        // O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it does not wait.
        // O_NOFOLLOW (plain files): should it be swapped for a link, opening it fails instead of following.
        const flags = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0) | (plain ? (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0) : 0);
        fd = node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync(real, flags);
    }
    catch (e) {
        // Gone or swapped for a link since it was listed: the long way tells which.
        if (regular)
            return readSource(file, boundary, false, bytesOut);
        return { ok: false, reason: `cannot be read (${errorCode(e)})` };
    }
    let bytes;
    try {
        const s = node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync(fd);
        if (!s.isFile())
            return { ok: false, reason: notAFile(s) };
        if (s.size > MAX_SOURCE_BYTES) {
            return { ok: false, reason: `is ${(s.size / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit` };
        }
        // Never more than the cap, whatever the size said (a file that grows while read). Every byte handed
        // on is one read here, so the buffer need not be zeroed.
        const buf = Buffer.allocUnsafe(Math.min(s.size, MAX_SOURCE_BYTES) + 1);
        let n = 0;
        for (;;) {
            const want = buf.length - n;
            const got = node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync(fd, buf, n, want, n);
            n += got;
            // A regular file reads short only at its end: no second call to learn that.
            if (got === 0 || got < want || n === buf.length)
                break;
        }
        if (n > MAX_SOURCE_BYTES)
            return { ok: false, reason: 'is over the 5 MB limit' };
        bytes = buf.subarray(0, n);
    }
    catch (e) {
        return { ok: false, reason: `cannot be read (${errorCode(e)})` };
    }
    finally {
        node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync(fd);
    }
    if (bytes.includes(0))
        return { ok: false, reason: 'is not text (it holds NUL bytes)' };
    let text;
    try {
        text = utf8.decode(bytes);
    }
    catch {
        return { ok: false, reason: 'is not UTF-8 text' };
    }
    // A byte order mark is valid UTF-8 but not part of the source.
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    onRead?.(file, text);
    bytesOut?.(bytes);
    return { ok: true, text };
}
/**
 * The text of bytes readSource read and handed out (bytesOut), decoded again. A text kept for later as
 * its bytes lives outside the JavaScript heap: thousands of file texts read ahead (terraformUnits) are
 * not copied by every young-generation collection until their unit is parsed.
 */
function keptText(bytes) {
    const text = utf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** The notice for a file the scan could not read (too large, not UTF-8, a link out of the root...). */
function skippedNotice(file, reason, line = 1) {
    return {
        ruleId: 'KMS012',
        severity: 'notice',
        origin: { file, startLine: line, endLine: line },
        message: `Skipped this file: it ${reason}.`,
    };
}
/**
 * The notice for a file a scanned file refers to (a var file in the config, a linked template, a Terraform
 * file() call) that was not read: located at the reference, naming it as written, never its content.
 */
function refusedReference(origin, reference, reason) {
    return {
        ruleId: 'KMS012',
        severity: 'notice',
        origin,
        message: `Did not read ${JSON.stringify(reference)}: it ${reason}.`,
    };
}


/***/ }),

/***/ 9832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mayHaveEnvironments),
/* harmony export */   t: () => (/* binding */ terraformEnvironments)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _parse__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9882);
/**
 * Terraform environments: var files a root module is applied with (`terraform apply -var-file=env/prod.tfvars`)
 * that Terraform does not load by itself. Judged on its variables' defaults alone, a root whose forced tunnel
 * lives in `environments/prod.tfvars` read "reachable" although prod is what is deployed; so each such
 * environment is judged as a variant of the root, as a Bicep deployment is judged once per parameter file.
 *
 * Which root a var file is for is not written anywhere (the pipeline passes it), so it is inferred:
 * - a var file is a candidate when no root loads it by itself: any name but terraform.tfvars(.json) and
 *   *.auto.tfvars(.json), or one of those outside a root module's own directory;
 * - it is for a root that declares every variable it assigns (Terraform warns of the others, so a file
 *   written for a root assigns that root's variables), the nearest such root in the tree when several do
 *   (steps up to a common folder plus steps down), all of them at the same distance (an environment folder
 *   several roots read); when no root declares them all (a stale assignment left after a rename), the root
 *   declaring most of them, if more than half (rootsFor);
 * - var files of one folder for one root that assign the same variables are alternatives (dev.tfvars,
 *   prod.tfvars): one environment each; those that share no variable with another (CAF's configuration.tfvars
 *   beside vnets.tfvars) are applied together, with every alternative when there are some.
 * A root with environments is judged once per environment and not on its defaults alone. Var files the user
 * names (`var-files`) say which values are deployed: then nothing is inferred.
 *
 * Variables are found by a line scan of the root's own .tf files (a parse would read them twice; the
 * evaluator still reads each variable from the syntax tree) and the var files' assignments by parsing them.
 */


const AUTO_LOADED = /(^|[\\/])(terraform\.tfvars(\.json)?|[^\\/]*\.auto\.tfvars(\.json)?)$/;
const isVarFile = (f) => f.kind === 'tfvars' || f.kind === 'tfvars-json';
/** Var files no root of `roots` loads by itself. */
function candidates(files, roots) {
    return files.filter((f) => isVarFile(f) && !(AUTO_LOADED.test(f.path) && roots.has(node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(f.path))));
}
/** True when `files` holds a var file no root loads by itself: only then is anything read. */
function mayHaveEnvironments(files) {
    const configDirs = new Set();
    for (const f of files)
        if (f.kind === 'terraform' || f.kind === 'terraform-json')
            configDirs.add(node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(f.path));
    return candidates(files, configDirs).length > 0;
}
const VARIABLE_BLOCK = /^[ \t]*variable[ \t]*"([^"\r\n]+)"[ \t]*\{/gm;
/** Variables a root's own files declare. */
function declaredVariables(files, textOf) {
    const names = new Set();
    for (const f of files) {
        const text = textOf(f.path);
        if (text === undefined)
            continue;
        if (f.kind === 'terraform') {
            for (const m of text.matchAll(VARIABLE_BLOCK))
                names.add(m[1]);
        }
        else if (f.kind === 'terraform-json') {
            for (const b of (0,_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseTfJson */ .c$)(f.path, text).body.blocks)
                if (b.type === 'variable' && b.labels[0])
                    names.add(b.labels[0]);
        }
    }
    return names;
}
/** Variables a var file assigns (none when it cannot be read or parsed at all). */
function assignedVariables(f, textOf) {
    const text = textOf(f.path);
    if (text === undefined)
        return [];
    const parsed = f.kind === 'tfvars-json' ? (0,_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseTfJson */ .c$)(f.path, text) : (0,_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseHcl */ .z4)(f.path, text);
    return parsed.body.attributes.map((a) => a.name);
}
/** Steps from one folder to another through their deepest common folder. */
function treeDistance(from, to) {
    const a = from.split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep);
    const b = to.split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i])
        i++;
    return a.length - i + (b.length - i);
}
const posixRelative = (root, p) => node_path__WEBPACK_IMPORTED_MODULE_0__.relative(root, p).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/') || '.';
/** The environments of one root from the var files of one folder written for it. */
function folderEnvironments(folder, files, scanRoot) {
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const overlaps = (x) => sorted.some((y) => y !== x && [...x.names].some((n) => y.names.has(n)));
    const alternatives = sorted.filter(overlaps);
    const common = sorted.filter((x) => !alternatives.includes(x)).map((x) => x.path);
    if (alternatives.length === 0) {
        return [
            {
                label: common.length === 1 ? posixRelative(scanRoot, common[0]) : posixRelative(scanRoot, folder),
                files: common,
            },
        ];
    }
    return alternatives.map((a) => ({ label: posixRelative(scanRoot, a.path), files: [...common, a.path] }));
}
/**
 * The roots a var file assigning `names` in `folder` is for: those declaring every name, the nearest when
 * several do (all at the same distance); when none declares them all, those declaring the most of them
 * provided that is more than half, then the nearest. A var file kept after a variable was renamed or
 * removed assigns a variable its root no longer declares: Terraform warns of it and applies the rest, so
 * such a file is still the root's environment (judged on its defaults instead, a forced tunnel set in
 * prod.tfvars read "reachable"). Half or fewer declared: the file is not taken for that root's.
 */
function rootsFor(names, folder, variables) {
    // [variables declared (more is better), -steps (nearer is better)]
    let best = [0, 0];
    let chosen = [];
    for (const [root, declared] of variables) {
        const count = names.filter((n) => declared.has(n)).length;
        if (count * 2 <= names.length)
            continue;
        const score = [count, -treeDistance(folder, root)];
        const cmp = chosen.length === 0 ? 1 : score[0] - best[0] || score[1] - best[1];
        if (cmp > 0)
            [best, chosen] = [score, [root]];
        else if (cmp === 0)
            chosen.push(root);
    }
    return chosen;
}
/**
 * The environments of each unit root (absolute folders) among `files`; roots without any are absent.
 * `rootFiles` gives each root's own files (those in its folder); `textOf` reads a file (undefined: unreadable).
 */
function terraformEnvironments(files, rootFiles, textOf, scanRoot) {
    const out = new Map();
    const strays = candidates(files, new Set(rootFiles.keys()));
    if (strays.length === 0)
        return out;
    const variables = new Map();
    for (const [root, own] of rootFiles)
        variables.set(root, declaredVariables(own, textOf));
    // root \u2192 var folder \u2192 the var files of that folder written for the root
    const byRoot = new Map();
    for (const f of strays) {
        const names = assignedVariables(f, textOf);
        if (names.length === 0)
            continue;
        const folder = node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(f.path);
        for (const root of rootsFor(names, folder, variables)) {
            let folders = byRoot.get(root);
            if (!folders)
                byRoot.set(root, (folders = new Map()));
            const list = folders.get(folder) ?? [];
            list.push({ path: f.path, names: new Set(names) });
            folders.set(folder, list);
        }
    }
    for (const [root, folders] of byRoot) {
        const envs = [...folders.entries()]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .flatMap(([folder, list]) => folderEnvironments(folder, list, scanRoot));
        out.set(root, envs);
    }
    return out;
}


/***/ }),

/***/ 2010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RF: () => (/* binding */ parseNative),
  Hv: () => (/* binding */ parseTemplateText)
});

// UNUSED EXPORTS: MAX_DEPTH

;// CONCATENATED MODULE: ./src/sources/terraform/hcl-lexer.ts
/** Longest source text kept on an expression node; messages only need to recognise it. */
const MAX_TEXT = 300;
/** Deepest nesting of brackets, templates and blocks before the parser gives up on an item. */
const MAX_DEPTH = 400;
/** Syntax errors kept per file; a badly broken file would otherwise report every line. */
const MAX_ERRORS = 50;
// Token kinds.
const EOF = 0;
const IDENT = 1;
const NUMBER = 2;
const QUOTE = 3; // `"`: the parser scans the string itself
const HEREDOC = 4; // `<<` or `<<-`: the parser scans the heredoc itself
const LBRACE = 5;
const RBRACE = 6;
const LBRACK = 7;
const RBRACK = 8;
const LPAREN = 9;
const RPAREN = 10;
const COMMA = 11;
const DOT = 12;
const ELLIPSIS = 13;
const ASSIGN = 14;
const COLON = 15;
const QUESTION = 16;
const ARROW = 17;
const OP = 18; // binary operators and unary `-`; `tokOp` says which
const BANG = 19;
const TILDE = 20;
const STAR = 21;
const BAD = 22; // a character that starts no token
// ASCII character classes: 1 identifier start, 2 identifier continue only (digits, `-`).
const ASCII_ID = new Uint8Array(128);
for (let c = 65; c <= 90; c++)
    ASCII_ID[c] = 1;
for (let c = 97; c <= 122; c++)
    ASCII_ID[c] = 1;
ASCII_ID[95] = 1; // _
for (let c = 48; c <= 57; c++)
    ASCII_ID[c] = 2;
ASCII_ID[45] = 2; // -
const ID_START = /[\p{ID_Start}]/u;
const ID_CONTINUE = /[\p{ID_Continue}]/u;
/**
 * Short names and strings the parser made before, by a hash of their characters (one per slot, the last
 * made wins). Most of a Terraform file is the same few dozen names and strings again and again
 * (`name`, `resource_group_name`, `"Outbound"`, `var`): handing out the string made before saves a
 * string per occurrence, and the evaluator's maps and objects keyed by them then hash each string once.
 * Shared by every file parsed on the thread; entries never hold on to a file's text (see intern).
 */
const INTERN_SLOTS = 4096;
const MAX_INTERNED = 64;
const interned = new Array(INTERN_SLOTS).fill('');
class SyntaxFault extends Error {
    at;
    constructor(message, at) {
        super(message);
        this.at = at;
    }
}
/** 1-based lines of offsets; lookups are mostly in increasing order, so the last answer is tried first. */
class Lines {
    starts = [0];
    last = 0;
    constructor(text) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    /** 0-based line index of an offset. */
    index(offset) {
        const s = this.starts;
        const i = this.last;
        if (s[i] <= offset && (i + 1 >= s.length || offset < s[i + 1]))
            return i;
        if (i + 1 < s.length && s[i + 1] <= offset && (i + 2 >= s.length || offset < s[i + 2])) {
            this.last = i + 1;
            return i + 1;
        }
        let lo = 0;
        let hi = s.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (s[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        this.last = lo;
        return lo;
    }
}
/** Tokens, positions and errors of one source text; the parser layers build on it. */
class HclLexer {
    path;
    text;
    lineOffset;
    errors = [];
    comments = [];
    lines;
    len;
    /** Where the lexer reads next. */
    pos = 0;
    // The current token (one token of lookahead).
    tok = EOF;
    tokStart = 0;
    tokEnd = 0;
    /** A newline lies between the previous token and this one. */
    tokNl = false;
    tokOp = '';
    /** End of the previous token. */
    lastEnd = 0;
    /** Inside brackets newlines are insignificant; in a body or object they end an item. */
    nlSignificant = true;
    depth = 0;
    constructor(path, text, lineOffset) {
        this.path = path;
        this.text = text;
        this.lineOffset = lineOffset;
        this.lines = new Lines(text);
        this.len = text.length;
    }
    line(offset) {
        return this.lines.index(offset) + 1 + this.lineOffset;
    }
    src(start, end) {
        return end - start > MAX_TEXT
            ? this.text.slice(start, start + MAX_TEXT) + '\u2026'
            : this.text.slice(start, end);
    }
    report(message, at) {
        if (this.errors.length >= MAX_ERRORS)
            return;
        const i = this.lines.index(Math.min(at, this.len));
        const column = Math.min(at, this.len) - this.lines.starts[i] + 1;
        const line = i + 1 + this.lineOffset;
        this.errors.push({
            message: `${message} (column ${column})`,
            origin: { file: this.path, startLine: line, endLine: line },
        });
    }
    /** An error at the current token: "missing X" at the end of the line before when the token starts a new line. */
    fault(expected) {
        if (this.tokNl || this.tok === EOF) {
            return new SyntaxFault(`missing ${expected}`, this.lastEnd);
        }
        return new SyntaxFault(`unexpected ${this.describe()}; expected ${expected}`, this.tokStart);
    }
    describe() {
        if (this.tok === EOF)
            return 'end of file';
        const t = this.text.slice(this.tokStart, Math.min(this.tokEnd, this.tokStart + 40));
        return `\`${t}\``;
    }
    enter() {
        if (++this.depth > MAX_DEPTH) {
            throw new SyntaxFault(`nesting deeper than ${MAX_DEPTH} levels`, this.tokStart);
        }
    }
    /** Reads the next token into tok/tokStart/tokEnd/tokNl; comments are collected on the way. */
    next() {
        const text = this.text;
        const len = this.len;
        this.lastEnd = this.tokEnd;
        let p = this.pos;
        let nl = false;
        let c;
        for (;;) {
            if (p >= len) {
                this.tok = EOF;
                this.tokStart = this.tokEnd = this.pos = len;
                this.tokNl = true;
                return;
            }
            c = text.charCodeAt(p);
            if (c === 32 || c === 9 || c === 13)
                p++;
            else if (c === 10) {
                nl = true;
                p++;
            }
            else if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(p + 1) === 47)) {
                let e = text.indexOf('\n', p);
                if (e === -1)
                    e = len;
                this.comment(p, e);
                p = e;
            }
            else if (c === 47 && text.charCodeAt(p + 1) === 42 /* * */) {
                let e = text.indexOf('*/', p + 2);
                e = e === -1 ? len : e + 2;
                this.comment(p, e);
                if (text.lastIndexOf('\n', e - 1) >= p)
                    nl = true;
                p = e;
            }
            else
                break;
        }
        this.tokNl = nl;
        this.tokStart = p;
        if (c < 128 && ASCII_ID[c] === 1) {
            p = this.identEnd(p + 1);
            this.tok = IDENT;
        }
        else if (c >= 48 && c <= 57) {
            p = this.numberEnd(p);
            this.tok = NUMBER;
        }
        else if (c >= 128) {
            const cp = text.codePointAt(p);
            const ch = String.fromCodePoint(cp);
            if (ID_START.test(ch)) {
                p = this.identEnd(p + ch.length);
                this.tok = IDENT;
            }
            else {
                p += ch.length;
                this.tok = BAD;
            }
        }
        else {
            const d = text.charCodeAt(p + 1);
            p++;
            switch (c) {
                case 34:
                    this.tok = QUOTE;
                    break;
                case 123:
                    this.tok = LBRACE;
                    break;
                case 125:
                    this.tok = RBRACE;
                    break;
                case 91:
                    this.tok = LBRACK;
                    break;
                case 93:
                    this.tok = RBRACK;
                    break;
                case 40:
                    this.tok = LPAREN;
                    break;
                case 41:
                    this.tok = RPAREN;
                    break;
                case 44:
                    this.tok = COMMA;
                    break;
                case 46: // .
                    if (d === 46 && text.charCodeAt(p + 1) === 46) {
                        this.tok = ELLIPSIS;
                        p += 2;
                    }
                    else
                        this.tok = DOT;
                    break;
                case 61: // =
                    if (d === 61) {
                        this.tok = OP;
                        this.tokOp = '==';
                        p++;
                    }
                    else if (d === 62) {
                        this.tok = ARROW;
                        p++;
                    }
                    else
                        this.tok = ASSIGN;
                    break;
                case 33: // !
                    if (d === 61) {
                        this.tok = OP;
                        this.tokOp = '!=';
                        p++;
                    }
                    else
                        this.tok = BANG;
                    break;
                case 60: // <
                    if (d === 60) {
                        this.tok = HEREDOC;
                        p++;
                        if (text.charCodeAt(p) === 45)
                            p++;
                    }
                    else if (d === 61) {
                        this.tok = OP;
                        this.tokOp = '<=';
                        p++;
                    }
                    else {
                        this.tok = OP;
                        this.tokOp = '<';
                    }
                    break;
                case 62: // >
                    this.tok = OP;
                    if (d === 61) {
                        this.tokOp = '>=';
                        p++;
                    }
                    else
                        this.tokOp = '>';
                    break;
                case 38: // &
                    if (d === 38) {
                        this.tok = OP;
                        this.tokOp = '&&';
                        p++;
                    }
                    else
                        this.tok = BAD;
                    break;
                case 124: // |
                    if (d === 124) {
                        this.tok = OP;
                        this.tokOp = '||';
                        p++;
                    }
                    else
                        this.tok = BAD;
                    break;
                case 43:
                    this.tok = OP;
                    this.tokOp = '+';
                    break;
                case 45:
                    this.tok = OP;
                    this.tokOp = '-';
                    break;
                case 42:
                    this.tok = STAR;
                    this.tokOp = '*';
                    break;
                case 47:
                    this.tok = OP;
                    this.tokOp = '/';
                    break;
                case 37:
                    this.tok = OP;
                    this.tokOp = '%';
                    break;
                case 58:
                    this.tok = COLON;
                    break;
                case 63:
                    this.tok = QUESTION;
                    break;
                case 126:
                    this.tok = TILDE;
                    break;
                default:
                    this.tok = BAD;
            }
        }
        this.tokEnd = this.pos = p;
    }
    comment(start, end) {
        this.comments.push({
            text: this.text.slice(start, end),
            startLine: this.line(start),
            endLine: this.line(end > start ? end - 1 : start),
        });
    }
    /** End of an identifier whose first character ends before `p`: letters, digits, `_`, `-`, and `::` joins. */
    identEnd(p) {
        const text = this.text;
        for (;;) {
            const c = text.charCodeAt(p);
            if (c < 128) {
                if (ASCII_ID[c] !== 0)
                    p++;
                else if (c === 58 && text.charCodeAt(p + 1) === 58 && this.isIdentStartAt(p + 2))
                    p += 3;
                else
                    return p;
            }
            else if (c === c /* not NaN */) {
                const ch = String.fromCodePoint(text.codePointAt(p));
                if (!ID_CONTINUE.test(ch))
                    return p;
                p += ch.length;
            }
            else
                return p;
        }
    }
    isIdentStartAt(p) {
        const c = this.text.charCodeAt(p);
        if (c < 128)
            return ASCII_ID[c] === 1;
        if (c !== c)
            return false;
        return ID_START.test(String.fromCodePoint(this.text.codePointAt(p)));
    }
    numberEnd(p) {
        const text = this.text;
        const digits = (q) => {
            while (q < this.len) {
                const c = text.charCodeAt(q);
                if (c < 48 || c > 57)
                    break;
                q++;
            }
            return q;
        };
        p = digits(p);
        if (text.charCodeAt(p) === 46) {
            const c = text.charCodeAt(p + 1);
            if (c >= 48 && c <= 57)
                p = digits(p + 1);
        }
        const e = text.charCodeAt(p);
        if (e === 101 || e === 69) {
            let q = p + 1;
            const s = text.charCodeAt(q);
            if (s === 43 || s === 45)
                q++;
            const c = text.charCodeAt(q);
            if (c >= 48 && c <= 57)
                p = digits(q);
        }
        return p;
    }
    tokText() {
        return this.text.slice(this.tokStart, this.tokEnd);
    }
    /** The source text from `start` to `end`, as the same string as last time for short texts (see interned). */
    intern(start, end) {
        const len = end - start;
        const text = this.text;
        if (len > MAX_INTERNED)
            return text.slice(start, end);
        // A cheap hash (the length and four characters), not one over every character: a collision only
        // costs a string made again, and the comparison below is what decides.
        const h = Math.imul(len, 0x9e3779b1) ^
            Math.imul(text.charCodeAt(start), 0x85ebca6b) ^
            Math.imul(text.charCodeAt(start + (len >> 1)), 0xc2b2ae35) ^
            Math.imul(text.charCodeAt(end - 1), 0x27d4eb2f) ^
            text.charCodeAt(start + (len >> 2));
        const slot = (h ^ (h >>> 15)) & (INTERN_SLOTS - 1);
        const hit = interned[slot];
        if (hit.length === len) {
            // Compared character by character: startsWith with a position was the costliest line here.
            let i = 0;
            while (i < len && hit.charCodeAt(i) === text.charCodeAt(start + i))
                i++;
            if (i === len)
                return hit;
        }
        // A slice of 13 characters or more is a view into the whole file's text, which the table would then
        // keep alive: a copy of it is made by flattening a concatenation (V8 has no plainer way to copy).
        const s = len < 13 ? text.slice(start, end) : ('\0' + text.slice(start, end)).slice(1);
        interned[slot] = s;
        return s;
    }
    /** The current token's text, interned (identifiers). */
    tokName() {
        return this.intern(this.tokStart, this.tokEnd);
    }
    /** Whether the current token may continue the expression before it (a newline ends it in a body). */
    continues() {
        return !(this.tokNl && this.nlSignificant);
    }
    expect(kind, what) {
        if (this.tok !== kind)
            throw this.fault(what);
        this.next();
    }
}

;// CONCATENATED MODULE: ./src/sources/terraform/hcl-templates.ts

/** How template literal text is decoded. */
const QUOTED = 0;
const HEREDOC_BODY = 1;
/** A decoded JSON string (.tf.json): only the `$${` / `%%{` escapes. */
const BARE = 2;
/** The template layer: what a quoted string or heredoc holds. */
class HclTemplateParser extends HclLexer {
    /** A quoted string; the current token is its `"`. A string without interpolation is a literal. */
    quoted(start) {
        this.enter();
        // Most strings are plain text: up to the closing `"` with no escape, interpolation, directive or newline,
        // the value is the source slice (templateParts would allocate its parts and closures for the same).
        const text = this.text;
        for (let p = this.pos; p < this.len; p++) {
            const c = text.charCodeAt(p);
            if (c === 34 /* " */) {
                this.depth--;
                const value = this.intern(this.pos, p);
                this.pos = p + 1;
                this.tokEnd = p + 1;
                this.next();
                return { type: 'literal', value, startLine: this.line(start), endLine: this.line(p) };
            }
            if (c === 92 /* \ */ || c === 36 /* $ */ || c === 37 /* % */ || c === 10)
                break;
        }
        const r = this.templateParts(QUOTED, this.len, -1, false);
        this.depth--;
        if (r.end.keyword)
            throw new SyntaxFault(`unexpected \`%{${r.end.keyword}}\``, this.pos);
        const end = this.pos;
        this.tokEnd = end;
        this.next();
        const parts = r.parts;
        if (parts.length === 0 || (parts.length === 1 && parts[0].kind === 'literal')) {
            return {
                type: 'literal',
                value: parts.length === 0 ? '' : parts[0].value,
                startLine: this.line(start),
                endLine: this.line(end - 1),
            };
        }
        return {
            type: 'template',
            parts,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    /** `<<ID` / `<<-ID`, a newline, lines, then ID alone on a line; the current token is the `<<`. */
    heredoc(start) {
        const text = this.text;
        const flush = text.charCodeAt(this.tokEnd - 1) === 45;
        const idStart = this.tokEnd;
        if (!this.isIdentStartAt(idStart))
            throw new SyntaxFault('missing heredoc identifier after `<<`', idStart);
        const idEnd = this.identEnd(idStart + 1);
        const id = text.slice(idStart, idEnd);
        let nl = idEnd;
        while (text.charCodeAt(nl) === 32 || text.charCodeAt(nl) === 9 || text.charCodeAt(nl) === 13)
            nl++;
        if (text.charCodeAt(nl) !== 10)
            throw new SyntaxFault('a heredoc identifier must end its line', nl);
        const contentStart = nl + 1;
        // The closing line: only the identifier, possibly indented.
        let closeLineStart = -1;
        let end = -1;
        for (let ls = contentStart; ls < this.len;) {
            let q = ls;
            while (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)
                q++;
            if (text.startsWith(id, q)) {
                let r = q + id.length;
                while (text.charCodeAt(r) === 32 || text.charCodeAt(r) === 9 || text.charCodeAt(r) === 13)
                    r++;
                if (r >= this.len || text.charCodeAt(r) === 10) {
                    closeLineStart = ls;
                    end = q + id.length;
                    break;
                }
            }
            const n = text.indexOf('\n', ls);
            if (n === -1)
                break;
            ls = n + 1;
        }
        if (closeLineStart < 0)
            throw new SyntaxFault(`heredoc \`${id}\` is never closed`, start);
        let indent = -1;
        if (flush) {
            // `<<-` removes the smallest indentation of the non-blank content lines.
            indent = Infinity;
            for (const l of text.slice(contentStart, closeLineStart).split('\n')) {
                if (l.trim() === '')
                    continue;
                indent = Math.min(indent, l.length - l.trimStart().length);
            }
            if (indent === Infinity)
                indent = 0;
        }
        this.enter();
        this.pos = contentStart;
        const r = this.templateParts(HEREDOC_BODY, closeLineStart, indent, false);
        this.depth--;
        if (r.end.keyword)
            throw new SyntaxFault(`unexpected \`%{${r.end.keyword}}\``, this.pos);
        this.pos = end;
        this.tokEnd = end;
        this.next();
        return {
            type: 'template',
            parts: r.parts,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    /**
     * Template content from `this.pos`: literal text, `${...}` interpolations and `%{...}` directives, up to
     * the closing `"` (QUOTED: pos is left after it), `limit` (heredoc, bare), or a directive keyword that
     * ends a directive body (`else`, `endif`, `endfor`; pos is left after its `}`).
     */
    templateParts(mode, limit, indent, inDirective) {
        const text = this.text;
        const out = [];
        let litStart = this.pos;
        let pendingTrim = false;
        const flush = (to) => {
            if (to > litStart) {
                let value = this.decode(mode, litStart, to, indent);
                if (pendingTrim)
                    value = value.trimStart();
                if (value !== '') {
                    const prev = out[out.length - 1];
                    if (prev && prev.kind === 'literal')
                        prev.value += value;
                    else
                        out.push({ kind: 'literal', value });
                }
            }
            pendingTrim = false;
        };
        let p = this.pos;
        for (;;) {
            if (p >= limit) {
                if (mode === QUOTED)
                    throw new SyntaxFault('missing `"` to close the string', limit);
                flush(limit);
                this.pos = limit;
                return { parts: out, end: { keyword: '', stripLeft: false, stripRight: false } };
            }
            const c = text.charCodeAt(p);
            if (mode === QUOTED) {
                if (c === 34) {
                    flush(p);
                    this.pos = p + 1;
                    return { parts: out, end: { keyword: '', stripLeft: false, stripRight: false } };
                }
                if (c === 92 /* \ */) {
                    p += 2;
                    continue;
                }
                if (c === 10)
                    throw new SyntaxFault('missing `"` to close the string', p);
            }
            if ((c === 36 /* $ */ || c === 37) /* % */ && text.charCodeAt(p + 1) === 123) {
                flush(p);
                this.pos = p + 2;
                this.tokEnd = p + 2;
                if (c === 36) {
                    const saved = this.nlSignificant;
                    this.nlSignificant = false;
                    this.next();
                    let stripLeft = false;
                    if (this.tok === TILDE) {
                        stripLeft = true;
                        this.next();
                    }
                    const expr = this.expression();
                    let stripRight = false;
                    if (this.tok === TILDE) {
                        stripRight = true;
                        this.next();
                    }
                    if (this.tok !== RBRACE)
                        throw this.fault('`}` to close the interpolation');
                    this.nlSignificant = saved;
                    if (stripLeft)
                        trimLast(out);
                    out.push({ kind: 'interp', expr });
                    pendingTrim = stripRight;
                    p = this.tokEnd;
                }
                else {
                    const d = this.directive(mode, limit, indent);
                    if ('keyword' in d) {
                        if (!inDirective)
                            throw new SyntaxFault(`unexpected \`%{${d.keyword}}\``, p);
                        if (d.stripLeft)
                            trimLast(out);
                        return { parts: out, end: d };
                    }
                    if (d.stripBefore)
                        trimLast(out);
                    out.push(d.part);
                    pendingTrim = d.stripAfter;
                    p = this.pos;
                }
                litStart = p;
                continue;
            }
            if ((c === 36 || c === 37) && text.charCodeAt(p + 1) === c && text.charCodeAt(p + 2) === 123) {
                p += 3;
                continue;
            }
            p++;
        }
    }
    /**
     * A directive after `%{`: `if`/`for` are parsed whole (with their bodies); `else`/`endif`/`endfor`
     * are returned as a TemplateEnd for the body being read. Leaves pos after the directive's `}`.
     */
    directive(mode, limit, indent) {
        const saved = this.nlSignificant;
        this.nlSignificant = false;
        this.next();
        let stripLeft = false;
        if (this.tok === TILDE) {
            stripLeft = true;
            this.next();
        }
        if (this.tok !== IDENT)
            throw this.fault('`if`, `for`, `else`, `endif` or `endfor`');
        const keyword = this.tokText();
        const close = () => {
            let strip = false;
            if (this.tok === TILDE) {
                strip = true;
                this.next();
            }
            if (this.tok !== RBRACE)
                throw this.fault('`}` to close the directive');
            this.pos = this.tokEnd;
            this.nlSignificant = saved;
            return strip;
        };
        if (keyword === 'else' || keyword === 'endif' || keyword === 'endfor') {
            this.next();
            const stripRight = close();
            return { keyword, stripLeft, stripRight };
        }
        this.enter();
        if (keyword === 'if') {
            const at = this.tokStart;
            this.next();
            const cond = this.expression();
            const introStrip = close();
            const thenR = this.templateParts(mode, limit, indent, true);
            if (introStrip)
                trimFirst(thenR.parts);
            let elseParts = [];
            let end = thenR.end;
            if (end.keyword === 'else') {
                const elseR = this.templateParts(mode, limit, indent, true);
                elseParts = elseR.parts;
                if (end.stripRight)
                    trimFirst(elseParts);
                end = elseR.end;
            }
            if (end.keyword !== 'endif')
                throw new SyntaxFault('missing `%{endif}`', at);
            this.depth--;
            return {
                part: { kind: 'if', cond, then: thenR.parts, else: elseParts },
                stripBefore: stripLeft,
                stripAfter: end.stripRight,
            };
        }
        if (keyword === 'for') {
            const at = this.tokStart;
            const { vars, coll } = this.forIntro();
            const introStrip = close();
            const bodyR = this.templateParts(mode, limit, indent, true);
            if (introStrip)
                trimFirst(bodyR.parts);
            if (bodyR.end.keyword !== 'endfor')
                throw new SyntaxFault('missing `%{endfor}`', at);
            this.depth--;
            return {
                part: {
                    kind: 'for',
                    keyVar: vars.length > 1 ? vars[0] : undefined,
                    valueVar: vars[vars.length - 1],
                    coll,
                    body: bodyR.parts,
                },
                stripBefore: stripLeft,
                stripAfter: bodyR.end.stripRight,
            };
        }
        throw new SyntaxFault(`unknown template directive \`${keyword}\``, this.tokStart);
    }
    /** Literal template text between `from` and `to`, decoded. */
    decode(mode, from, to, indent) {
        const raw = this.text.slice(from, to);
        if (mode === QUOTED)
            return unescapeQuoted(raw);
        let s = raw;
        if (mode === HEREDOC_BODY && indent > 0) {
            const atLineStart = from === 0 || this.text.charCodeAt(from - 1) === 10;
            const lines = s.split('\n');
            for (let i = 0; i < lines.length; i++) {
                if (i === 0 && !atLineStart)
                    continue;
                let n = 0;
                const l = lines[i];
                while (n < indent && n < l.length && (l[n] === ' ' || l[n] === '\t'))
                    n++;
                lines[i] = l.slice(n);
            }
            s = lines.join('\n');
        }
        return s.includes('$${') || s.includes('%%{') ? s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : s;
    }
}
function trimLast(parts) {
    const last = parts[parts.length - 1];
    if (last && last.kind === 'literal') {
        last.value = last.value.trimEnd();
        if (last.value === '')
            parts.pop();
    }
}
function trimFirst(parts) {
    const first = parts[0];
    if (first && first.kind === 'literal') {
        first.value = first.value.trimStart();
        if (first.value === '')
            parts.shift();
    }
}
const ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
/** The value of quoted-string source text: backslash escapes and the `$${` / `%%{` template escapes. */
function unescapeQuoted(raw) {
    if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{'))
        return raw;
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const ch = raw[i];
        if (ch === '\\' && i + 1 < raw.length) {
            const n = raw[i + 1];
            if (n === 'u' || n === 'U') {
                const len = n === 'u' ? 4 : 8;
                const hex = raw.slice(i + 2, i + 2 + len);
                if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === len) {
                    out += String.fromCodePoint(parseInt(hex, 16));
                    i += 1 + len;
                    continue;
                }
            }
            out += ESCAPES[n] ?? '\\' + n;
            i++;
        }
        else if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
            out += ch + '{';
            i += 2;
        }
        else
            out += ch;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/sources/terraform/hcl-expressions.ts


/** Binary operator precedence (hclsyntax: `||` lowest, then `&&`, equality, comparison, `+ -`, `* / %`). */
const PRECEDENCE = {
    '||': 1,
    '&&': 2,
    '==': 3,
    '!=': 3,
    '<': 4,
    '>': 4,
    '<=': 4,
    '>=': 4,
    '+': 5,
    '-': 5,
    '*': 6,
    '/': 6,
    '%': 6,
};
/** The expression layer. */
class HclExpressionParser extends HclTemplateParser {
    /** Expression: binary operations, then an optional `? :` conditional (right-associative). */
    expression() {
        this.enter();
        const start = this.tokStart;
        const cond = this.binary(0);
        let result = cond;
        if (this.tok === QUESTION && this.continues()) {
            this.next();
            const then = this.expression();
            if (this.tok !== COLON)
                throw this.fault('`:` of the conditional');
            this.next();
            const els = this.expression();
            const end = this.lastEnd;
            result = {
                type: 'conditional',
                cond,
                then,
                else: els,
                text: this.src(start, end),
                startLine: this.line(start),
                endLine: this.line(end - 1),
            };
        }
        this.depth--;
        return result;
    }
    /** Precedence climbing over the left-associative binary operators. */
    binary(minPrec) {
        const start = this.tokStart;
        let left = this.unary();
        for (;;) {
            if ((this.tok !== OP && this.tok !== STAR) || !this.continues())
                return left;
            const op = this.tokOp;
            const prec = PRECEDENCE[op];
            if (prec <= minPrec)
                return left;
            this.next();
            this.enter();
            const right = this.binary(prec);
            this.depth--;
            const end = this.lastEnd;
            left = {
                type: 'binary',
                op,
                left,
                right,
                text: this.src(start, end),
                startLine: this.line(start),
                endLine: this.line(end - 1),
            };
        }
    }
    unary() {
        if (this.tok === BANG || (this.tok === OP && this.tokOp === '-')) {
            const start = this.tokStart;
            const op = this.tok === BANG ? '!' : '-';
            this.next();
            this.enter();
            const operand = this.unary();
            this.depth--;
            const end = this.lastEnd;
            return {
                type: 'unary',
                op,
                operand,
                text: this.src(start, end),
                startLine: this.line(start),
                endLine: this.line(end - 1),
            };
        }
        return this.postfix();
    }
    /** A term followed by `.attr`, `.0`, `[index]`, `.*` and `[*]` steps. */
    postfix() {
        const start = this.tokStart;
        const head = this.term();
        if (!((this.tok === DOT || this.tok === LBRACK) && this.continues()))
            return head;
        const steps = [];
        /** Steps of the splat being read; later steps apply per element. */
        let into = steps;
        for (;;) {
            if (this.tok === DOT && this.continues()) {
                const c = this.text.charCodeAt(this.pos);
                if (c === 42 /* * */) {
                    this.pos++;
                    this.tokEnd = this.pos;
                    this.next();
                    const splat = { kind: 'splat', steps: [] };
                    steps.push(splat);
                    into = splat.steps;
                }
                else if (c >= 48 && c <= 57) {
                    // Legacy index `.0`: digits only (the lexer would read `0.1` as one number).
                    const s = this.tokStart;
                    let q = this.pos;
                    while (q < this.len && this.text.charCodeAt(q) >= 48 && this.text.charCodeAt(q) <= 57)
                        q++;
                    const value = Number(this.text.slice(s + 1, q));
                    this.pos = q;
                    this.tokEnd = q;
                    this.next();
                    into.push({
                        kind: 'index',
                        key: { type: 'literal', value, startLine: this.line(s), endLine: this.line(q - 1) },
                    });
                }
                else {
                    this.next();
                    if (this.tok !== IDENT)
                        throw this.fault('an attribute name after `.`');
                    into.push({ kind: 'attr', name: this.tokName() });
                    this.next();
                }
            }
            else if (this.tok === LBRACK && this.continues()) {
                const saved = this.nlSignificant;
                this.nlSignificant = false;
                this.next();
                if (this.tok === STAR) {
                    this.next();
                    if (this.tok !== RBRACK)
                        throw this.fault('`]` of the splat `[*]`');
                    this.nlSignificant = saved;
                    this.next();
                    const splat = { kind: 'splat', steps: [] };
                    steps.push(splat);
                    into = splat.steps;
                }
                else {
                    const key = this.expression();
                    if (this.tok !== RBRACK)
                        throw this.fault('`]` to close the index');
                    this.nlSignificant = saved;
                    this.next();
                    into.push({ kind: 'index', key });
                }
            }
            else
                break;
        }
        const end = this.lastEnd;
        return {
            type: 'traversal',
            target: head,
            steps,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    term() {
        const start = this.tokStart;
        switch (this.tok) {
            case NUMBER: {
                const value = Number(this.tokText());
                const line = this.line(start);
                this.next();
                return { type: 'literal', value, startLine: line, endLine: line };
            }
            case IDENT: {
                const name = this.tokName();
                this.next();
                if (name === 'true' || name === 'false' || name === 'null') {
                    const line = this.line(start);
                    return {
                        type: 'literal',
                        value: name === 'null' ? null : name === 'true',
                        startLine: line,
                        endLine: line,
                    };
                }
                if (this.tok === LPAREN && this.continues())
                    return this.call(name, start);
                const line = this.line(start);
                // The expression's text is its one name.
                return { type: 'variable', name, text: name, startLine: line, endLine: line };
            }
            case QUOTE:
                return this.quoted(start);
            case HEREDOC:
                return this.heredoc(start);
            case LPAREN: {
                const saved = this.nlSignificant;
                this.nlSignificant = false;
                this.next();
                const inner = this.expression();
                if (this.tok !== RPAREN)
                    throw this.fault('`)`');
                this.nlSignificant = saved;
                const end = this.tokEnd;
                this.next();
                return {
                    type: 'paren',
                    expr: inner,
                    text: this.src(start, end),
                    startLine: this.line(start),
                    endLine: this.line(end - 1),
                };
            }
            case LBRACK:
                return this.tuple(start);
            case LBRACE:
                return this.object(start);
            default:
                throw this.fault('an expression');
        }
    }
    call(name, start) {
        const saved = this.nlSignificant;
        this.nlSignificant = false;
        this.enter();
        this.next(); // (
        const args = [];
        let expandFinal = false;
        while (this.tok !== RPAREN) {
            args.push(this.expression());
            if (this.tok === ELLIPSIS) {
                expandFinal = true;
                this.next();
                if (this.tok !== RPAREN)
                    throw this.fault('`)` after `...`');
                break;
            }
            if (this.tok === COMMA)
                this.next();
            else if (this.tok !== RPAREN)
                throw this.fault('`,` or `)`');
        }
        this.depth--;
        this.nlSignificant = saved;
        const end = this.tokEnd;
        this.next();
        return {
            type: 'call',
            name,
            args,
            expandFinal,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    /** `for` right after `[` or `{`, followed by an identifier (so an object key named `for` still works). */
    atFor() {
        if (this.tok !== IDENT || this.tokEnd - this.tokStart !== 3 || this.tokText() !== 'for')
            return false;
        let p = this.tokEnd;
        while (p < this.len) {
            const c = this.text.charCodeAt(p);
            if (c === 32 || c === 9 || c === 10 || c === 13)
                p++;
            else
                break;
        }
        return this.isIdentStartAt(p);
    }
    tuple(start) {
        const saved = this.nlSignificant;
        this.nlSignificant = false;
        this.enter();
        this.next(); // [
        if (this.atFor())
            return this.forExpr(start, 'tuple', saved);
        const items = [];
        while (this.tok !== RBRACK) {
            items.push(this.expression());
            if (this.tok === COMMA)
                this.next();
            else if (this.tok !== RBRACK)
                throw this.fault('`]`');
        }
        this.depth--;
        this.nlSignificant = saved;
        const end = this.tokEnd;
        this.next();
        return {
            type: 'tuple',
            items,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    object(start) {
        const saved = this.nlSignificant;
        this.nlSignificant = false;
        this.enter();
        this.next(); // {
        if (this.atFor())
            return this.forExpr(start, 'object', saved);
        const items = [];
        while (this.tok !== RBRACE) {
            // Within an object constructor a newline separates items, like a comma.
            this.nlSignificant = true;
            let key = this.expression();
            if (this.tok !== ASSIGN && this.tok !== COLON)
                throw this.fault('`=` or `:` after the key');
            this.next();
            // A bare identifier key is the name itself, not a variable reference (HCL object syntax).
            if (key.type === 'variable')
                key = { type: 'literal', value: key.name, startLine: key.startLine, endLine: key.endLine };
            const value = this.expression();
            items.push({ key, value });
            this.nlSignificant = false;
            if (this.tok === COMMA)
                this.next();
            else if (this.tok !== RBRACE && !this.tokNl)
                throw this.fault('`,`, a new line or `}`');
        }
        this.depth--;
        this.nlSignificant = saved;
        const end = this.tokEnd;
        this.next();
        return {
            type: 'object',
            items,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    /** `for k, v in coll`, shared by for expressions and `%{for}` directives; cursor on `for`. */
    forIntro() {
        this.next(); // for
        const vars = [];
        if (this.tok !== IDENT)
            throw this.fault('a variable name after `for`');
        vars.push(this.tokName());
        this.next();
        if (this.tok === COMMA) {
            this.next();
            if (this.tok !== IDENT)
                throw this.fault('a second variable name');
            vars.push(this.tokName());
            this.next();
        }
        if (this.tok !== IDENT || this.tokText() !== 'in')
            throw this.fault('`in`');
        this.next();
        return { vars, coll: this.expression() };
    }
    /** `[for k, v in coll : value if cond]` / `{for k, v in coll : key => value... if cond}`; cursor on `for`. */
    forExpr(start, result, saved) {
        const { vars, coll } = this.forIntro();
        this.expect(COLON, '`:` after the collection');
        let key;
        let value = this.expression();
        if (result === 'object') {
            this.expect(ARROW, '`=>`');
            key = value;
            value = this.expression();
        }
        let group = false;
        if (result === 'object' && this.tok === ELLIPSIS) {
            group = true;
            this.next();
        }
        let cond;
        if (this.tok === IDENT && this.tokText() === 'if') {
            this.next();
            cond = this.expression();
        }
        const close = result === 'tuple' ? RBRACK : RBRACE;
        if (this.tok !== close)
            throw this.fault(result === 'tuple' ? '`]`' : '`}`');
        this.depth--;
        this.nlSignificant = saved;
        const end = this.tokEnd;
        this.next();
        const keyVar = vars.length > 1 ? vars[0] : undefined;
        const valueVar = vars[vars.length - 1];
        const text = this.src(start, end);
        const startLine = this.line(start);
        const endLine = this.line(end - 1);
        return result === 'tuple'
            ? { type: 'for', result, keyVar, valueVar, coll, value, group, cond, text, startLine, endLine }
            : { type: 'for', result, keyVar, valueVar, coll, key, value, group, cond, text, startLine, endLine };
    }
}

;// CONCATENATED MODULE: ./src/sources/terraform/hcl-native.ts




/** Parses a whole .tf / .tfvars file. `lineOffset` is added to every line. */
function parseNative(path, text, lineOffset = 0) {
    const p = new Parser(path, text, lineOffset);
    const body = p.file();
    return { body, errors: p.errors, comments: p.comments };
}
/**
 * Parses `text` as template content (a decoded .tf.json string). Lines count from `firstLine`. Returns
 * undefined (and the errors) when the template is broken.
 */
function parseTemplateText(path, text, firstLine) {
    const p = new Parser(path, text, firstLine - 1);
    let parts = [];
    try {
        const r = p.templateParts(BARE, text.length, -1, false);
        parts = r.parts;
        if (r.end.keyword)
            throw new SyntaxFault(`unexpected \`%{${r.end.keyword}}\``, p.pos);
    }
    catch (e) {
        if (!(e instanceof SyntaxFault))
            throw e;
        p.report(e.message, e.at);
    }
    return { parts, errors: p.errors };
}
/** The body layer: a file's arguments and blocks, with error recovery per argument and per block. */
class Parser extends HclExpressionParser {
    file() {
        this.next();
        if (this.tok === LBRACE) {
            // A JSON-looking top-level object (a .tfvars file written as JSON).
            const body = { attributes: [], blocks: [], startLine: 1, endLine: 1 };
            try {
                const o = this.expression();
                if (o.type === 'object') {
                    for (const it of o.items) {
                        if (it.key.type === 'literal' && typeof it.key.value === 'string') {
                            body.attributes.push({
                                name: it.key.value,
                                expr: it.value,
                                startLine: it.key.startLine,
                                endLine: it.value.endLine,
                            });
                        }
                    }
                }
                if (this.tok !== EOF)
                    throw this.fault('end of file');
            }
            catch (e) {
                if (!(e instanceof SyntaxFault))
                    throw e;
                this.report(e.message, e.at);
            }
            return body;
        }
        const body = this.body(false);
        return body ?? { attributes: [], blocks: [], startLine: 1, endLine: 1 };
    }
    /**
     * Attributes and blocks up to `}` (inside a block) or the end of file. Undefined when there are none
     * (the block's own span is used then, like the tree-sitter parser did).
     */
    body(inBlock) {
        const attributes = [];
        const blocks = [];
        let start = -1;
        let end = 0;
        for (;;) {
            const t = this.tok;
            if (t === EOF) {
                if (inBlock)
                    this.report('missing `}` to close the block', this.lastEnd);
                break;
            }
            if (t === RBRACE) {
                if (inBlock)
                    break;
                this.report('unexpected `}`', this.tokStart);
                this.next();
                continue;
            }
            const itemStart = this.tokStart;
            if (t !== IDENT) {
                this.report(`unexpected ${this.describe()}; expected an argument or block`, this.tokStart);
                this.skipLine();
                continue;
            }
            const name = this.tokName();
            const nameEnd = this.tokEnd;
            this.next();
            if (this.tok === ASSIGN) {
                this.next();
                const expr = this.attributeValue(itemStart);
                attributes.push({
                    name,
                    expr,
                    startLine: this.line(itemStart),
                    endLine: this.line(Math.max(itemStart, this.lastEnd - 1)),
                });
            }
            else if (this.tok === IDENT || this.tok === QUOTE || this.tok === LBRACE) {
                const b = this.block(name, itemStart);
                if (b)
                    blocks.push(b);
            }
            else {
                this.report(`unexpected ${this.describe()} after \`${name}\`; expected \`=\` or a block`, this.tok === EOF || this.tokNl ? nameEnd : this.tokStart);
                if (!this.tokNl)
                    this.skipLine();
                continue;
            }
            if (start < 0)
                start = itemStart;
            end = this.lastEnd;
        }
        if (start < 0)
            return undefined;
        return { attributes, blocks, startLine: this.line(start), endLine: this.line(end - 1) };
    }
    /** The expression of an argument; a syntax error makes it `invalid` and skips to the next line. */
    attributeValue(itemStart) {
        const depth = this.depth;
        const valueStart = this.tokStart;
        try {
            this.nlSignificant = true;
            const e = this.expression();
            if (!(this.tokNl || this.tok === EOF || this.tok === RBRACE)) {
                throw new SyntaxFault(`unexpected ${this.describe()} after the argument's value`, this.tokStart);
            }
            return e;
        }
        catch (e) {
            if (!(e instanceof SyntaxFault))
                throw e;
            this.depth = depth;
            this.nlSignificant = true;
            this.report(e.message, e.at);
            // Resume at the line where the error was found, unless the bad token itself starts a new line
            // (`x = foo(` followed by `}`): then that token is the next item.
            if (!(this.tokNl && this.tokStart >= e.at))
                this.skipLine(e.at);
            const end = Math.max(valueStart, Math.min(this.lastEnd, this.tokStart));
            return {
                type: 'invalid',
                text: this.src(valueStart, end),
                startLine: this.line(itemStart),
                endLine: this.line(Math.max(itemStart, end - 1)),
            };
        }
    }
    /** Skips to the first token on a later line than offset `from` (default: the current token). */
    skipLine(from = this.tokStart) {
        const nl = this.text.indexOf('\n', Math.max(from, this.tokStart));
        this.pos = nl === -1 ? this.len : nl;
        this.tokEnd = Math.max(this.lastEnd, Math.min(this.tokEnd, this.pos));
        this.next();
    }
    block(type, start) {
        const labels = [];
        const depth = this.depth;
        try {
            this.enter();
            while (this.tok !== LBRACE) {
                if (this.tok === IDENT) {
                    labels.push(this.tokName());
                    this.next();
                }
                else if (this.tok === QUOTE) {
                    const s = this.tokStart;
                    const e = this.quoted(s);
                    if (e.type !== 'literal')
                        throw new SyntaxFault('a block label cannot hold a template', s);
                    labels.push(e.value);
                }
                else
                    throw this.fault('`{` to open the block');
            }
            this.next();
            const body = this.body(true);
            const closed = this.tok === RBRACE;
            const end = closed ? this.tokEnd : this.lastEnd;
            if (closed)
                this.next();
            this.depth = depth;
            const startLine = this.line(start);
            const endLine = this.line(end - 1);
            return {
                type,
                labels,
                body: body ?? { attributes: [], blocks: [], startLine, endLine },
                startLine,
                endLine,
            };
        }
        catch (e) {
            if (!(e instanceof SyntaxFault))
                throw e;
            this.depth = depth;
            this.report(e.message, e.at);
            this.skipLine(e.at);
            return undefined;
        }
    }
}


/***/ }),

/***/ 3526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kg: () => (/* binding */ formerAddresses),
/* harmony export */   u9: () => (/* binding */ movedBlocks)
/* harmony export */ });
/* unused harmony export addressText */
function keyText(e) {
    if (e.type === 'literal' && typeof e.value === 'number')
        return `[${e.value}]`;
    if (e.type === 'literal' && typeof e.value === 'string')
        return `[${JSON.stringify(e.value)}]`;
    if (e.type === 'template' && e.parts.every((p) => p.kind === 'literal'))
        return `[${JSON.stringify(e.parts.map((p) => (p.kind === 'literal' ? p.value : '')).join(''))}]`;
    return undefined;
}
function stepText(s) {
    if (s.kind === 'attr')
        return /^\d+$/.test(s.name) ? `[${s.name}]` : `.${s.name}`;
    if (s.kind === 'index')
        return keyText(s.key);
    return undefined;
}
/** A `moved` address expression as Terraform prints the address; undefined when it is not a plain address. */
function addressText(e) {
    if (!e)
        return undefined;
    if (e.type === 'variable')
        return e.name;
    if (e.type !== 'traversal' || e.target.type !== 'variable')
        return undefined;
    let out = e.target.name;
    for (const s of e.steps) {
        const t = stepText(s);
        if (t === undefined)
            return undefined;
        out += t;
    }
    return out;
}
/** The `moved` blocks of one module's files, relative to that module (the caller adds its prefix). */
function movedBlocks(bodies) {
    const out = [];
    for (const body of bodies)
        for (const b of body.blocks) {
            if (b.type !== 'moved')
                continue;
            const get = (n) => b.body.attributes.find((a) => a.name === n)?.expr;
            const from = addressText(get('from'));
            const to = addressText(get('to'));
            if (from !== undefined && to !== undefined && from !== to)
                out.push({ from, to });
        }
    return out;
}
/**
 * The part of `address` after `prefix` when `address` is `prefix` itself or lies under it: a module
 * call's resources (`prefix.`), the instances of a resource or call written without a key (`prefix[`).
 */
function under(address, prefix) {
    if (address === prefix)
        return '';
    if (!address.startsWith(prefix))
        return undefined;
    const next = address[prefix.length];
    return next === '.' || next === '[' ? address.slice(prefix.length) : undefined;
}
/**
 * Every address `address` had before the moves, nearest first (moves chain: a \u2192 b, b \u2192 c gives c the
 * former addresses b and a). A key added by a move (`a` \u2192 `a["k"]`) maps back to the keyless address.
 */
function formerAddresses(address, moves) {
    const out = [];
    const seen = new Set([address]);
    let frontier = [address];
    // Bounded: each round follows one move per address; a cycle of moves stops at addresses already seen.
    for (let round = 0; round < 16 && frontier.length > 0; round++) {
        const next = [];
        for (const a of frontier)
            for (const m of moves) {
                const rest = under(a, m.to);
                if (rest === undefined)
                    continue;
                // `a[0]` \u2192 `a` moves one instance: `a[1]` was never `a[0][1]`.
                if (rest.startsWith('[') && /\]$/.test(m.from) && !/\]$/.test(m.to))
                    continue;
                const was = m.from + rest;
                if (seen.has(was))
                    continue;
                seen.add(was);
                out.push(was);
                next.push(was);
            }
        frontier = next;
    }
    return out;
}


/***/ }),

/***/ 9882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c$: () => (/* binding */ parseTfJson),
/* harmony export */   z4: () => (/* binding */ parseHcl)
/* harmony export */ });
/* unused harmony export attachLeadingComments */
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9547);
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(jsonc_parser__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _parsing_json_lines__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8665);
/* harmony import */ var _hcl_native__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2010);
/**
 * Turns Terraform source into the plain AST of hcl-ast.ts: HCL native syntax through the hand-written parser
 * of hcl-native.ts, JSON syntax (.tf.json, .tfvars.json) through jsonc-parser. Nothing here evaluates
 * anything and the result is plain data, so a worker thread can run it and post the result back.
 */



/** Longest source text kept on an expression node; messages only need to recognise it. */
const MAX_TEXT = 300;
/** Lines and bounded source text of a JSON file. */
class Converter {
    text;
    lines;
    constructor(text) {
        this.text = text;
        this.lines = new _parsing_json_lines__WEBPACK_IMPORTED_MODULE_1__/* .LineIndex */ .rr(text);
    }
    line(index) {
        return this.lines.line(index);
    }
    span(start, end) {
        return { startLine: this.line(start), endLine: this.line(end > start ? end - 1 : start) };
    }
    src(start, end) {
        return end - start > MAX_TEXT
            ? this.text.slice(start, start + MAX_TEXT) + '\u2026'
            : this.text.slice(start, end);
    }
}
/** Leading comments of top-level blocks: the comment lines right above the block, without a blank line. */
function attachLeadingComments(body, comments) {
    if (comments.length === 0)
        return;
    const byEndLine = new Map();
    for (const cm of comments)
        byEndLine.set(cm.endLine, cm);
    for (const b of body.blocks) {
        const lead = [];
        let line = b.startLine - 1;
        for (let cm = byEndLine.get(line); cm && cm.startLine <= line; cm = byEndLine.get(line)) {
            lead.unshift(cm.text);
            line = cm.startLine - 1;
        }
        if (lead.length)
            b.comments = lead;
    }
}
function emptyBody() {
    return { attributes: [], blocks: [], startLine: 1, endLine: 1 };
}
/**
 * Parses a .tf or .tfvars file. Never throws on bad input: syntax errors are collected and the rest of the
 * file still yields attributes and blocks.
 */
function parseHcl(path, text) {
    const { body, errors, comments } = (0,_hcl_native__WEBPACK_IMPORTED_MODULE_2__/* .parseNative */ .RF)(path, text);
    attachLeadingComments(body, comments);
    return { path, body, errors, comments };
}
// ---------------------------------------------------------------------------------------------------------
// JSON syntax (.tf.json, .tfvars.json)
// ---------------------------------------------------------------------------------------------------------
/** Labels each top-level block type takes in Terraform's JSON syntax. */
const JSON_LABELS = {
    resource: 2,
    data: 2,
    module: 1,
    variable: 1,
    output: 1,
    provider: 1,
    locals: 0,
    terraform: 0,
    moved: 0,
    import: 0,
    check: 1,
    removed: 0,
};
/**
 * Without provider schemas, a JSON property holding an object cannot be told apart as a nested block or a
 * map argument. These names are nested blocks (Terraform meta blocks and the azurerm network blocks the
 * adapters read); every other object is an argument. An array of objects looks the same either way.
 */
const JSON_NESTED_BLOCKS = new Set([
    'lifecycle',
    'provisioner',
    'connection',
    'timeouts',
    'route',
    'ip_configuration',
    'management_ip_configuration',
    'subnet',
    'delegation',
    'service_delegation',
    'security_rule',
    'virtual_hub',
    'dns',
    'ddos_protection_plan',
    'encryption',
    'identity',
    'rule',
    'rule_collection',
    'application_rule_collection',
    'network_rule_collection',
    'nat_rule_collection',
    'routing',
    'propagated_route_table',
    'static_vnet_route',
    'bgp_settings',
    'vpn_client_configuration',
    'ip_configurations',
    'content',
]);
/**
 * Parses a .tf.json or .tfvars.json file (Terraform's JSON configuration syntax), keeping line numbers.
 *
 * Strings in .tf.json are templates: those holding `${` or `%{` are parsed as template text (the decoded
 * string, like a heredoc's content) by the native parser.
 */
function parseTfJson(path, text) {
    const conv = new Converter(text);
    const errors = [];
    const parseErrors = [];
    const root = jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: false });
    for (const e of parseErrors) {
        const line = conv.line(e.offset);
        errors.push({
            message: `JSON: ${jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.printParseErrorCode(e.error)}`,
            origin: { file: path, startLine: line, endLine: line },
        });
    }
    const ctx = { path, conv, errors, literal: /\.tfvars\.json$/i.test(path) };
    if (!root || root.type !== 'object') {
        if (root)
            errors.push({
                message: 'JSON: the top level must be an object',
                origin: { file: path, ...conv.span(root.offset, root.offset + root.length) },
            });
        return { path, body: emptyBody(), errors };
    }
    const sp = conv.span(root.offset, root.offset + root.length);
    const body = { attributes: [], blocks: [], ...sp };
    for (const prop of root.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v)
            continue;
        const name = String(k.value);
        const psp = conv.span(prop.offset, prop.offset + prop.length);
        if (name === '//')
            continue;
        if (ctx.literal) {
            body.attributes.push({ name, expr: jsonExpr(ctx, v, 'literal'), ...psp });
            continue;
        }
        const labels = JSON_LABELS[name];
        if (labels === undefined) {
            body.attributes.push({ name, expr: jsonExpr(ctx, v, 'template'), ...psp });
            continue;
        }
        jsonBlocks(ctx, name, [], labels, v, body.blocks);
    }
    return { path, body, errors };
}
/** Expands `{"label": {"label2": {...body}}}` (or arrays of such) into blocks. */
function jsonBlocks(ctx, type, labels, remaining, node, out) {
    if (node.type === 'array') {
        for (const item of node.children ?? [])
            jsonBlocks(ctx, type, labels, remaining, item, out);
        return;
    }
    if (node.type !== 'object') {
        const sp = ctx.conv.span(node.offset, node.offset + node.length);
        ctx.errors.push({
            message: `JSON: a \`${type}\` block must be an object`,
            origin: { file: ctx.path, ...sp },
        });
        return;
    }
    if (remaining > 0) {
        for (const prop of node.children ?? []) {
            const [k, v] = prop.children ?? [];
            if (!k || !v || k.value === '//')
                continue;
            jsonBlocks(ctx, type, [...labels, String(k.value)], remaining - 1, v, out);
        }
        return;
    }
    const sp = ctx.conv.span(node.offset, node.offset + node.length);
    out.push({ type, labels, body: jsonBody(ctx, type, node), ...sp });
}
/** Body of a block in JSON syntax. `variable` defaults and `type` are literal, not templates. */
function jsonBody(ctx, blockType, node) {
    const body = {
        attributes: [],
        blocks: [],
        ...ctx.conv.span(node.offset, node.offset + node.length),
    };
    for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v)
            continue;
        const name = String(k.value);
        if (name === '//')
            continue;
        const psp = ctx.conv.span(prop.offset, prop.offset + prop.length);
        if (name === 'dynamic' && v.type === 'object') {
            // "dynamic": {"route": {"for_each": ..., "content": {...}}}
            for (const dp of v.children ?? []) {
                const [dk, dv] = dp.children ?? [];
                if (!dk || !dv)
                    continue;
                for (const item of dv.type === 'array' ? (dv.children ?? []) : [dv]) {
                    if (item.type !== 'object')
                        continue;
                    const isp = ctx.conv.span(item.offset, item.offset + item.length);
                    body.blocks.push({
                        type: 'dynamic',
                        labels: [String(dk.value)],
                        body: jsonBody(ctx, 'dynamic', item),
                        ...isp,
                    });
                }
            }
            continue;
        }
        const isBlockish = JSON_NESTED_BLOCKS.has(name) &&
            (v.type === 'object' || (v.type === 'array' && (v.children ?? []).every((ch) => ch.type === 'object')));
        if (isBlockish && !(blockType === 'variable' || blockType === 'locals')) {
            for (const item of v.type === 'array' ? (v.children ?? []) : [v]) {
                const isp = ctx.conv.span(item.offset, item.offset + item.length);
                body.blocks.push({ type: name, labels: [], body: jsonBody(ctx, name, item), ...isp });
            }
            continue;
        }
        const mode = blockType === 'variable' && (name === 'default' || name === 'type') ? 'literal' : 'template';
        const expr = blockType === 'variable' && name === 'type' && v.type === 'string'
            ? { type: 'literal', value: String(v.value), ...psp }
            : jsonExpr(ctx, v, mode);
        body.attributes.push({ name, expr, ...psp });
    }
    return body;
}
/** A JSON value as an expression; in `template` mode strings are HCL templates. */
function jsonExpr(ctx, node, mode) {
    const sp = ctx.conv.span(node.offset, node.offset + node.length);
    const text = ctx.conv.src(node.offset, node.offset + node.length);
    switch (node.type) {
        case 'string': {
            const s = String(node.value);
            if (mode === 'literal' || (!s.includes('${') && !s.includes('%{'))) {
                return {
                    type: 'literal',
                    value: mode === 'literal' ? s : s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'),
                    ...sp,
                };
            }
            return jsonTemplate(ctx, s, sp, text);
        }
        case 'number':
        case 'boolean':
        case 'null':
            return { type: 'literal', value: node.value, ...sp };
        case 'array':
            return { type: 'tuple', items: (node.children ?? []).map((ch) => jsonExpr(ctx, ch, mode)), text, ...sp };
        case 'object': {
            const items = [];
            for (const prop of node.children ?? []) {
                const [k, v] = prop.children ?? [];
                if (!k || !v || k.value === '//')
                    continue;
                const ksp = ctx.conv.span(k.offset, k.offset + k.length);
                items.push({
                    key: { type: 'literal', value: String(k.value), ...ksp },
                    value: jsonExpr(ctx, v, mode),
                });
            }
            return { type: 'object', items, text, ...sp };
        }
        default:
            return { type: 'invalid', text, ...sp };
    }
}
/** A JSON string holding `${...}` or `%{...}`: its decoded value is template text. */
function jsonTemplate(ctx, s, sp, text) {
    const { parts, errors } = (0,_hcl_native__WEBPACK_IMPORTED_MODULE_2__/* .parseTemplateText */ .Hv)(ctx.path, s, sp.startLine);
    if (errors.length > 0) {
        ctx.errors.push({ message: `invalid template ${text.slice(0, 80)}`, origin: { file: ctx.path, ...sp } });
        return { type: 'invalid', text, ...sp };
    }
    return { type: 'template', parts, text, ...sp };
}


/***/ }),

/***/ 4616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H3: () => (/* binding */ localModuleCalls),
  wy: () => (/* binding */ terraformUnits),
  tL: () => (/* binding */ terraformUnitsFromCalls)
});

// UNUSED EXPORTS: MAX_KEPT_TEXT, gitBlobId, terraformUnitsOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/sources/parsing/discover.ts
var discover = __webpack_require__(3146);
// EXTERNAL MODULE: ./src/sources/evaluation/call-graph.ts
var call_graph = __webpack_require__(4608);
// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/sources/terraform/outside-modules.ts
/**
 * Local modules outside the scanned directory. `scan infra/envs/prod` whose main.tf calls
 * `source = "../../modules/net"` needs that module to judge the root module: Terraform reads it from the
 * repository, so the scan does too, within the read boundary (the repository root: git's top level for
 * the CLI, the workspace for the action). Only the called directory's own configuration files are read
 * (Terraform loads a module's `.tf` and `.tf.json` files, not its subdirectories, nor var files); the
 * directory is part of the calling unit and never a unit of its own, so the scan still judges only the
 * units under the scanned path.
 */




/**
 * The configuration files of module directory `dir`, sorted; undefined when it lies outside the
 * boundary (after symbolic links) or cannot be listed: the call then stays "not part of the scan".
 */
function moduleDirFiles(dir, boundary) {
    let real;
    let entries;
    try {
        real = external_node_fs_.realpathSync(dir);
        if (!(0,read_source/* withinBoundary */.wh)(real, boundary))
            return undefined;
        entries = external_node_fs_.readdirSync(dir, { withFileTypes: true });
    }
    catch {
        return undefined;
    }
    const out = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const kind = (0,discover/* classify */.L8)(e.name);
        // readSource decides for each file (a link out of the boundary, too large) when the unit is parsed.
        if ((kind === 'terraform' || kind === 'terraform-json') && (e.isFile() || e.isSymbolicLink()))
            out.push({ path: external_node_path_.join(dir, e.name), kind });
    }
    return out;
}

// EXTERNAL MODULE: ./src/sources/terraform/environments.ts
var terraform_environments = __webpack_require__(9832);
;// CONCATENATED MODULE: ./src/sources/terraform/units.ts
/**
 * Splits a scan's Terraform files into deployment units: a root module with the local modules it
 * calls, var files and all. Each unit is judged on its own, as Terraform applies it on its own (its
 * own state); this is also what keeps memory bounded on large repositories, since only one unit's
 * syntax trees and values are alive at a time, and what keeps two root modules that both declare
 * `azurerm_firewall.hub` from being taken for one.
 *
 * The call graph is read from the text (`module "x" { source = "./..." }`) before anything is parsed,
 * so units can be parsed one after another; the evaluator still resolves the calls from the syntax tree.
 */







/** git's object id of a blob holding `text` (UTF-8), as `git hash-object` gives it in a SHA-1 repository. */
function gitBlobId(text) {
    return (0,external_node_crypto_.createHash)('sha1')
        .update(`blob ${Buffer.byteLength(text)}\0`)
        .update(text)
        .digest('hex');
}
const MODULE_HEADER = /^\s*module\s+"[^"]*"\s*\{/gm;
const LOCAL_SOURCE = /^\s*source\s*=\s*"(\.{1,2}\/[^"]*)"/m;
/** Directories a file's module blocks call by local path (`./x`, `../x`). */
function localModuleCalls(file, text) {
    const out = [];
    for (const m of text.matchAll(MODULE_HEADER)) {
        // The source argument comes first in almost every module block; look only a little way in.
        const window = text.slice(m.index + m[0].length, m.index + m[0].length + 2000);
        const end = window.search(/^\s*}/m);
        const source = LOCAL_SOURCE.exec(end >= 0 ? window.slice(0, end) : window);
        if (source)
            out.push(external_node_path_.resolve(external_node_path_.dirname(file), source[1]));
    }
    return out;
}
/** Most bytes of source text terraformUnits keeps for the parser (see below). */
const MAX_KEPT_TEXT = 8_000_000;
/**
 * The units of `files`. The text of each .tf file read for its module calls goes into `texts` when given,
 * so the parser need not read it again (each read costs a realpath, stats and a decode), up to
 * MAX_KEPT_TEXT bytes in all: kept text lives until its unit is parsed, and unbounded it raised the
 * peak memory of a 30 MB scan from 226 to 297 MB. Files beyond it are read again when parsed. It is kept
 * as the bytes read (outside the JavaScript heap) and decoded again when parsed: see keptText.
 */
function terraformUnits(files, boundary, texts, 
/** Filled, when given, with each .tf file's blob id and calls (a pull request's head, for its base). */
index, 
/** Filled, when given, with each file's length in characters (the weight of a unit when workers share a scan). */
sizes, 
/**
 * The scanned directory: a local module a unit calls outside it (`../../modules/net` from
 * `envs/prod`) is read from the boundary with the unit (outside-modules.ts), never judged as a unit.
 */
root, 
/** The user's var files: when there are any, they say which values are deployed and no environment is inferred. */
userVarFiles = []) {
    let kept = 0;
    const outside = root === undefined
        ? undefined
        : (dir) => ((0,read_source/* isInside */.FK)(root, dir) ? undefined : moduleDirFiles(dir, boundary));
    return terraformUnitsFromCalls(files, (file, f) => {
        let bytes;
        const read = (0,read_source/* readSource */.o$)(file, boundary, (0,discover/* isListedRegular */.mW)(f), texts && ((b) => (bytes = b)));
        if (!read.ok)
            return undefined;
        sizes?.set(file, read.text.length);
        if (texts && bytes && kept + bytes.length <= MAX_KEPT_TEXT) {
            texts.set(file, bytes);
            kept += bytes.length;
        }
        const calls = localModuleCalls(file, read.text);
        index?.set(file, { oid: gitBlobId(read.text), calls });
        return calls;
    }, outside, root === undefined || userVarFiles.length > 0
        ? undefined
        : {
            scanRoot: root,
            textOf: (file) => {
                const bytes = texts?.get(file);
                if (bytes)
                    return (0,read_source/* keptText */.GD)(bytes);
                const r = (0,read_source/* readSource */.o$)(file, boundary);
                return r.ok ? r.text : undefined;
            },
        });
}
/** The units of `files`, whose text `read` gives (a pull request's base reads it from git objects). */
function terraformUnitsOf(files, read) {
    return terraformUnitsFromCalls(files, (file) => {
        const text = read(file);
        return text === undefined ? undefined : localModuleCalls(file, text);
    });
}
/**
 * The units of `files`, with the local module calls of each .tf file from `callsOf` (undefined: the file
 * could not be read). A pull request's base takes them from the head for the files both share.
 */
function terraformUnitsFromCalls(files, callsOf, 
/** The files of a called directory that is not among `files` (undefined: none, it stays unread). */
outside, environments) {
    const byDir = new Map();
    for (const f of files) {
        const dir = external_node_path_.dirname(f.path);
        const list = byDir.get(dir);
        if (list)
            list.push(f);
        else
            byDir.set(dir, [f]);
    }
    const calls = new Map();
    const pending = [...byDir.keys()];
    const asked = new Set();
    for (let dir = pending.shift(); dir !== undefined; dir = pending.shift()) {
        const targets = new Set();
        for (const f of byDir.get(dir)) {
            if (f.kind !== 'terraform')
                continue;
            for (const t of callsOf(f.path, f) ?? []) {
                if (t === dir)
                    continue;
                if (!byDir.has(t) && outside && !asked.has(t)) {
                    // A module outside the scanned files: its directory joins, and its own calls are followed.
                    asked.add(t);
                    const more = outside(t);
                    if (more && more.length > 0) {
                        byDir.set(t, more);
                        pending.push(t);
                    }
                }
                if (byDir.has(t))
                    targets.add(t);
            }
        }
        calls.set(dir, [...targets]);
    }
    // A directory read only because a unit calls it is called: never a unit of its own.
    const units = (0,call_graph/* callGraphUnits */.k)([...byDir.keys()].sort(), calls).map(({ root, members }) => ({
        root,
        files: members.flatMap((d) => byDir.get(d) ?? []),
    }));
    return environments && (0,terraform_environments/* mayHaveEnvironments */.s)(files) ? withEnvironments(units, files, environments) : units;
}
/**
 * Gives each unit its environments and their var files; a var file taken by an environment is no input of
 * the unit of its own folder (a folder holding only var files is no unit at all then).
 */
function withEnvironments(units, files, search) {
    const rootFiles = new Map();
    for (const u of units) {
        const own = u.files.filter((f) => external_node_path_.dirname(f.path) === u.root && (f.kind === 'terraform' || f.kind === 'terraform-json'));
        if (own.length > 0)
            rootFiles.set(u.root, own);
    }
    const found = (0,terraform_environments/* terraformEnvironments */.t)(files, rootFiles, search.textOf, search.scanRoot);
    if (found.size === 0)
        return units;
    const byPath = new Map(files.map((f) => [f.path, f]));
    const taken = new Set();
    for (const envs of found.values())
        for (const e of envs)
            for (const f of e.files)
                taken.add(f);
    const out = [];
    for (const u of units) {
        const envs = found.get(u.root);
        const own = u.files.filter((f) => !taken.has(f.path));
        if (!envs) {
            if (own.length > 0)
                out.push(own.length === u.files.length ? u : { ...u, files: own });
            continue;
        }
        const extra = [...new Set(envs.flatMap((e) => e.files))].map((p) => byPath.get(p));
        out.push({ root: u.root, files: [...own, ...extra], environments: envs });
    }
    return out;
}


/***/ }),

/***/ 1148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ isDate),
/* harmony export */   Xy: () => (/* binding */ expiredFinding),
/* harmony export */   oN: () => (/* binding */ hasExpired)
/* harmony export */ });
/* harmony import */ var _rules_mention_text__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5713);
/* harmony import */ var _report_paths__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4278);


const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** True for a real calendar date written YYYY-MM-DD. */
function isDate(s) {
    const m = DATE.exec(s);
    if (!m)
        return false;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
/** A suppression holds through its `until` day (UTC) and has expired from the day after. */
function hasExpired(until, now = new Date()) {
    return until !== undefined && now.toISOString().slice(0, 10) > until;
}
/** The finding again, saying which suppression expired and why it had been accepted. */
function expiredFinding(f, until, reason, origin, root) {
    const where = `${(0,_report_paths__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(origin.file, root)}:${origin.startLine}`;
    return {
        ...f,
        ...(0,_rules_mention_text__WEBPACK_IMPORTED_MODULE_0__/* .aroundMessage */ .ZL)(f, '', ` (Its suppression at ${where} expired on ${until}; it had been accepted because: ${reason})`),
    };
}


/***/ }),

/***/ 5506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eq: () => (/* binding */ DIRECTIVE),
/* harmony export */   px: () => (/* binding */ applySuppressions)
/* harmony export */ });
/* unused harmony exports parseDirective, resourceStartLine */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _expiry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1148);


/**
 * The directive on a line, if any: rule ids (comma-separated, or `*`) then free text as the reason.
 * The comment may follow code on the same line (`resource "x" "y" { # azure-kms-guard:ignore \u2026`).
 */
/** What every directive holds: a file without it has none. */
const DIRECTIVE = 'azure-kms-guard:ignore';
function parseDirective(line) {
    const m = line.match(/(?:#|\/\/)\s*azure-kms-guard:ignore\b[ \t]*(.*)$/);
    if (!m)
        return undefined;
    const rest = m[1].replace(/\s*\*\/\s*$/, '').trim();
    const ids = rest.match(/^((?:KMS\d{3}|\*)(?:\s*,\s*(?:KMS\d{3}|\*))*)(.*)$/i);
    if (!ids)
        return { rules: [], reason: rest };
    let reason = ids[2].trim();
    const until = reason.match(/^until=(\S+)\s*/i);
    if (until)
        reason = reason.slice(until[0].length);
    return {
        rules: ids[1].split(',').map((r) => r.trim().toUpperCase()),
        reason: reason.replace(/^[-\u2013\u2014:]\s*/, ''),
        ...(until ? { until: until[1] } : {}),
    };
}
/**
 * The start of the block the finding is in: the nearest `resource`/`module`/`data` line at or above it (HCL,
 * Bicep).
 */
function resourceStartLine(lines, findingLine) {
    for (let i = Math.min(findingLine, lines.length); i >= 1; i--) {
        if (/^\s*(resource|module|data)\b/.test(lines[i - 1]))
            return i;
    }
    return undefined;
}
function isJson(file) {
    return /\.json$/i.test(file);
}
function applySuppressions(findings, readFile, opts = {}) {
    const cache = new Map();
    // A file without the marker has no directive (parseDirective needs it): its findings are kept without
    // splitting it into lines, which for a large repository's findings cost more than reading the files.
    const linesOf = (file) => {
        if (!cache.has(file)) {
            const text = readFile(file);
            cache.set(file, text?.includes(DIRECTIVE) ? text.split(/\r\n|\r|\n/) : undefined);
        }
        return cache.get(file);
    };
    const result = { kept: [], suppressed: [], problems: [] };
    const reported = new Set();
    for (const f of findings) {
        const lines = isJson(f.location.file) ? undefined : linesOf(f.location.file);
        if (!lines) {
            result.kept.push(f);
            continue;
        }
        const at = f.location.startLine;
        const resource = opts.resourceLine?.(f) ?? resourceStartLine(lines, at);
        // The finding's line, the resource's first line, and the line above each.
        const candidates = [...new Set([at, at - 1, ...(resource !== undefined ? [resource, resource - 1] : [])])]
            .filter((n) => n >= 1 && n <= lines.length)
            .sort((a, b) => a - b);
        let match;
        let expired;
        for (const n of candidates) {
            const d = parseDirective(lines[n - 1]);
            if (!d || !(d.rules.includes(f.ruleId) || d.rules.includes('*')))
                continue;
            const origin = { file: f.location.file, startLine: n, endLine: n };
            if (d.reason === '') {
                const key = `${f.location.file}:${n}`;
                if (!reported.has(key)) {
                    reported.add(key);
                    result.problems.push(noReason(f, origin, d.rules));
                }
                continue;
            }
            if (d.until !== undefined && !(0,_expiry__WEBPACK_IMPORTED_MODULE_1__/* .isDate */ .$P)(d.until)) {
                const key = `${f.location.file}:${n}`;
                if (!reported.has(key)) {
                    reported.add(key);
                    result.problems.push(badDate(f, origin, d.until));
                }
                continue;
            }
            if ((0,_expiry__WEBPACK_IMPORTED_MODULE_1__/* .hasExpired */ .oN)(d.until, opts.now)) {
                expired = (0,_expiry__WEBPACK_IMPORTED_MODULE_1__/* .expiredFinding */ .Xy)(f, d.until, d.reason, origin, opts.root ?? node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(f.location.file));
                continue;
            }
            match = { finding: f, reason: d.reason, kind: 'inline', origin };
            break;
        }
        if (match)
            result.suppressed.push(match);
        else
            result.kept.push(expired ?? f);
    }
    return result;
}
function badDate(f, origin, until) {
    return {
        ruleId: 'KMS012',
        severity: 'notice',
        title: 'Suppression with a bad date',
        message: `This azure-kms-guard:ignore comment has until=${until}, which is not a date written YYYY-MM-DD, so it suppresses nothing.`,
        location: origin,
        resource: f.resource,
        kmsAddresses: [],
        cloud: f.cloud,
        readFine: true,
    };
}
function noReason(f, origin, rules) {
    return {
        ruleId: 'KMS012',
        severity: 'notice',
        title: 'Suppression without a reason',
        message: `This azure-kms-guard:ignore comment for ${rules.join(', ')} gives no reason, so it suppresses nothing. ` +
            `Add why the finding does not apply after the rule id, e.g. "# azure-kms-guard:ignore ${f.ruleId} VMs here activate through the on-premises KMS".`,
        location: origin,
        resource: f.resource,
        kmsAddresses: [],
        cloud: f.cloud,
        readFine: true,
    };
}


/***/ })

};
;