"use strict";
exports.id = 539;
exports.ids = [539];
exports.modules = {

/***/ 4539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DOWNLOAD_LIMITS: () => (/* binding */ DOWNLOAD_LIMITS),
  ModuleDownloader: () => (/* binding */ ModuleDownloader),
  defaultCacheDir: () => (/* binding */ defaultCacheDir)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/sources/parsing/discover.ts
var discover = __webpack_require__(3146);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(8697);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(663);
;// CONCATENATED MODULE: ./src/sources/terraform/modules/http.ts
/**
 * Bounded HTTP GET for the module registry and archive downloads: a size cap on the body, a time limit,
 * redirects followed by hand (at most five) so that a token is decided afresh for every host, and the
 * token rule: a request carries `Authorization: Bearer` only when a TF_TOKEN_<host> variable was given
 * for that very host (Terraform's convention: dots as `_`, dashes as `__`). Tokens never appear in errors.
 */
class DownloadError extends Error {
}
/** The token given for `host` (lower case, no port), if any. */
function tokenFor(host, env) {
    const want = host.toLowerCase();
    for (const [name, value] of Object.entries(env)) {
        if (!value || !name.startsWith('TF_TOKEN_'))
            continue;
        const decoded = name
            .slice('TF_TOKEN_'.length)
            .split('__')
            .map((part) => part.replace(/_/g, '.'))
            .join('-');
        if (decoded.toLowerCase() === want)
            return value;
    }
    return undefined;
}
async function readCapped(res, max, what) {
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > max)
        throw new DownloadError(`${what} is ${declared} bytes, over the ${max}-byte limit`);
    const chunks = [];
    let total = 0;
    if (!res.body)
        return Buffer.alloc(0);
    for await (const chunk of res.body) {
        total += chunk.byteLength;
        if (total > max)
            throw new DownloadError(`${what} is over the ${max}-byte limit`);
        chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
}
async function httpGet(url, limits, accept) {
    let current = new URL(url);
    const signals = [AbortSignal.timeout(limits.timeoutMs)];
    if (limits.signal)
        signals.push(limits.signal);
    const signal = AbortSignal.any(signals);
    for (let hop = 0; hop <= 5; hop++) {
        if (current.protocol !== 'https:' && current.protocol !== 'http:')
            throw new DownloadError(`${current.protocol} URLs are not fetched`);
        const headers = { 'user-agent': 'azure-kms-guard' };
        if (accept)
            headers.accept = accept;
        const token = tokenFor(current.hostname, limits.env);
        if (token)
            headers.authorization = `Bearer ${token}`;
        let res;
        try {
            res = await fetch(current, { headers, redirect: 'manual', signal });
        }
        catch (e) {
            const why = signal.aborted ? 'timed out' : e.cause?.message;
            throw new DownloadError(`GET ${current.host}${current.pathname} failed: ${why ?? e.message}`);
        }
        const location = res.headers.get('location');
        if (res.status >= 300 && res.status < 400 && location) {
            await res.body?.cancel();
            current = new URL(location, current);
            continue;
        }
        try {
            const body = await readCapped(res, limits.maxBytes, `the response of ${current.host}${current.pathname}`);
            return { status: res.status, headers: res.headers, body, url: current.toString() };
        }
        catch (e) {
            if (e instanceof DownloadError)
                throw e;
            throw new DownloadError(`reading ${current.host}${current.pathname} failed: ${signal.aborted ? 'timed out' : e.message}`);
        }
    }
    throw new DownloadError(`too many redirects from ${new URL(url).host}`);
}

;// CONCATENATED MODULE: ./src/sources/terraform/modules/archive.ts
/**
 * Unpacks a downloaded module package (.tar.gz/.tgz/.tar with node-tar, .zip with yauzl) into an empty
 * folder, bounded: at most `maxFiles` entries and `maxBytes` unpacked. Only regular files and directories
 * are written; symbolic and hard links, devices and absolute or `..` paths are refused, so nothing can
 * land outside the folder (zip-slip) or point outside it afterwards.
 */








/** Is `name` a relative path that stays inside the folder? */
function safeEntry(dest, name) {
    if (name.includes('\0') || external_node_path_.isAbsolute(name) || /^[a-zA-Z]:/.test(name))
        return undefined;
    const parts = name.replace(/\\/g, '/').split('/');
    if (parts.includes('..'))
        return undefined;
    const full = external_node_path_.resolve(dest, ...parts.filter((p) => p !== '' && p !== '.'));
    return (0,discover/* isInside */.FK)(dest, full) ? full : undefined;
}
async function untar(data, dest, gzip, limits) {
    let files = 0;
    let bytes = 0;
    let refused;
    const extract = index_min.x({
        cwd: dest,
        gzip,
        strict: true,
        preservePaths: false,
        maxDepth: 64,
        noChmod: true,
        preserveOwner: false,
        filter: (p, entry) => {
            const type = 'type' in entry ? entry.type : undefined;
            if (type !== 'File' && type !== 'OldFile' && type !== 'Directory')
                return false;
            if (!safeEntry(dest, p)) {
                refused ??= `entry "${p}" leaves the package folder`;
                return false;
            }
            files++;
            bytes += 'size' in entry && typeof entry.size === 'number' ? entry.size : 0;
            if (files > limits.maxFiles)
                refused ??= `more than ${limits.maxFiles} files`;
            if (bytes > limits.maxBytes)
                refused ??= `more than ${limits.maxBytes} bytes unpacked`;
            return refused === undefined;
        },
    });
    try {
        await (0,promises_.pipeline)(external_node_stream_.Readable.from([data]), extract);
    }
    catch (e) {
        throw new DownloadError(`the archive could not be unpacked: ${e.message}`);
    }
    if (refused)
        throw new DownloadError(`the archive was refused: ${refused}`);
}
async function unzip(data, dest, limits) {
    let zip;
    try {
        zip = await yauzl/* fromBufferPromise */.SY(data, {
            lazyEntries: true,
            validateEntrySizes: true,
            strictFileNames: true,
        });
    }
    catch (e) {
        throw new DownloadError(`the zip archive could not be read: ${e.message}`);
    }
    if (zip.entryCount > limits.maxFiles)
        throw new DownloadError(`the archive has more than ${limits.maxFiles} entries`);
    let bytes = 0;
    try {
        for (;;) {
            const entry = await new Promise((resolve, reject) => {
                zip.once('entry', resolve);
                zip.once('end', () => resolve(undefined));
                zip.once('error', reject);
                zip.readEntry();
            });
            zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
            if (!entry)
                break;
            const full = safeEntry(dest, entry.fileName);
            if (!full)
                throw new DownloadError(`the archive was refused: entry "${entry.fileName}" leaves the package folder`);
            const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
            if (entry.fileName.endsWith('/')) {
                external_node_fs_.mkdirSync(full, { recursive: true });
                continue;
            }
            // Symbolic links (and anything but a regular file) are not unpacked.
            if (mode !== 0 && mode !== 0o100000)
                continue;
            bytes += entry.uncompressedSize;
            if (bytes > limits.maxBytes)
                throw new DownloadError(`the archive was refused: more than ${limits.maxBytes} bytes unpacked`);
            external_node_fs_.mkdirSync(external_node_path_.dirname(full), { recursive: true });
            const stream = await new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
            await (0,promises_.pipeline)(stream, external_node_fs_.createWriteStream(full, { flags: 'wx' }));
        }
    }
    catch (e) {
        if (e instanceof DownloadError)
            throw e;
        throw new DownloadError(`the zip archive could not be unpacked: ${e.message}`);
    }
    finally {
        zip.close();
    }
}
async function unpack(data, type, dest, limits) {
    external_node_fs_.mkdirSync(dest, { recursive: true });
    if (type === 'zip')
        return unzip(data, dest, limits);
    return untar(data, dest, type !== 'tar', limits);
}
/** The archive type from the first bytes, for a download URL that does not say. */
function sniffArchive(data) {
    if (data[0] === 0x1f && data[1] === 0x8b)
        return 'tar.gz';
    if (data[0] === 0x50 && data[1] === 0x4b)
        return 'zip';
    if (data.subarray(257, 262).toString('latin1') === 'ustar')
        return 'tar';
    return undefined;
}

// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
;// CONCATENATED MODULE: ./src/sources/terraform/modules/calls.ts
/**
 * The module calls of one directory, read from the text before anything is parsed (as units.ts reads
 * local calls): which modules to download comes first, and the files are parsed afterwards with the
 * rest of their unit. Only literal `source` and `version` strings count, as for Terraform itself. A call
 * this misses is not downloaded, and the evaluator names it as not fetched.
 */




/** The text of the block body that opens at `start` (just after its `{`), skipping strings and comments. */
function blockBody(text, start) {
    let depth = 1;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++)
                if (text[i] === '\\')
                    i++;
        }
        else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
            while (i < text.length && text[i] !== '\n')
                i++;
        }
        else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? text.length : end + 1;
        }
        else if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0)
            return text.slice(start, i);
    }
    return text.slice(start);
}
/** Only the body's own arguments, not those of nested blocks. */
function topLevelString(body, name) {
    let depth = 0;
    for (const line of body.split('\n')) {
        if (depth === 0) {
            const m = new RegExp(`^\\s*${name}\\s*=\\s*"([^"\\\\]*)"\\s*(?:#.*|//.*)?$`).exec(line);
            if (m)
                return m[1];
        }
        for (const c of line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/(#|\/\/).*$/, '')) {
            if (c === '{' || c === '[' || c === '(')
                depth++;
            else if (c === '}' || c === ']' || c === ')')
                depth--;
        }
    }
    return undefined;
}
function hclCalls(text) {
    const out = [];
    for (const m of text.matchAll(/^[ \t]*module[ \t]+"([^"]+)"[ \t]*\{/gm)) {
        const body = blockBody(text, m.index + m[0].length);
        const source = topLevelString(body, 'source');
        if (source !== undefined)
            out.push({ name: m[1], source, version: topLevelString(body, 'version') });
    }
    return out;
}
function jsonCalls(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return [];
    }
    const modules = doc?.module;
    const out = [];
    const add = (name, v) => {
        const body = v;
        if (typeof body?.source === 'string')
            out.push({
                name,
                source: body.source,
                version: typeof body.version === 'string' ? body.version : undefined,
            });
    };
    const blocks = Array.isArray(modules) ? modules : [modules];
    for (const b of blocks)
        if (b && typeof b === 'object')
            for (const [name, v] of Object.entries(b))
                (Array.isArray(v) ? v : [v]).forEach((x) => add(name, x));
    return out;
}
/** Module calls in the .tf/.tf.json files directly in `dir`, first declaration of a name winning. */
function moduleCallsIn(dir) {
    let names;
    try {
        names = external_node_fs_.readdirSync(dir).sort();
    }
    catch {
        return [];
    }
    const seen = new Set();
    const out = [];
    for (const name of names) {
        const kind = (0,discover/* classify */.L8)(name);
        if (kind !== 'terraform' && kind !== 'terraform-json')
            continue;
        // Read inside the root module's own folder only (the scan's read boundary holds it too).
        const read = (0,read_source/* readSource */.o$)(external_node_path_.join(dir, name), (0,read_source/* makeBoundary */.nj)([dir]));
        if (!read.ok)
            continue;
        for (const c of kind === 'terraform' ? hclCalls(read.text) : jsonCalls(read.text)) {
            if (seen.has(c.name))
                continue;
            seen.add(c.name);
            out.push(c);
        }
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
;// CONCATENATED MODULE: ./src/sources/terraform/modules/constraints.ts
/**
 * Terraform module version constraints (`1.2.0`, `= 1.2.0`, `!= 1.3.0`, `>= 1.2, < 2.0`, `~> 1.2`),
 * checked with the semver package. `~>` is written out by hand because Terraform's pessimistic
 * operator allows only the rightmost given component to grow: `~> 1.2` is >= 1.2.0 and < 2.0.0, but
 * `~> 1.2.0` is >= 1.2.0 and < 1.3.0 (semver's `~1.2` and `^1.2` mean other things). As in Terraform,
 * a pre-release is only chosen when a constraint names it exactly.
 */

function parseConstraint(text) {
    if (text === undefined || text.trim() === '')
        return { ok: true, terms: [] };
    const terms = [];
    for (const piece of text.split(',')) {
        const m = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)\s*$/.exec(piece);
        if (!m)
            return { ok: false, reason: `"${piece.trim()}" is not a version constraint` };
        const core = m[2].split(/[-+]/)[0];
        const parts = core.split('.').length;
        const version = semver.coerce(m[2], { includePrerelease: true });
        const pre = /-([0-9A-Za-z.-]+)/.exec(m[2])?.[1];
        if (!version)
            return { ok: false, reason: `"${m[2]}" is not a version` };
        const full = pre
            ? new semver.SemVer(`${version.major}.${version.minor}.${version.patch}-${pre}`)
            : version;
        terms.push({ op: m[1] ?? '=', version: full, parts });
    }
    return { ok: true, terms };
}
function satisfiesTerm(v, t) {
    switch (t.op) {
        case '=':
            return semver.eq(v, t.version);
        case '!=':
            return !semver.eq(v, t.version);
        case '>':
            return semver.gt(v, t.version);
        case '>=':
            return semver.gte(v, t.version);
        case '<':
            return semver.lt(v, t.version);
        case '<=':
            return semver.lte(v, t.version);
        case '~>': {
            if (semver.lt(v, t.version))
                return false;
            const { major, minor } = t.version;
            const upper = t.parts >= 3 ? `${major}.${minor + 1}.0-0` : `${major + 1}.0.0-0`;
            return semver.lt(v, upper);
        }
    }
}
/** The newest of `versions` that meets every term; pre-releases only when a term names them. */
function newestMatching(versions, c) {
    const exactPre = c.terms
        .filter((t) => t.op === '=' && t.version.prerelease.length > 0)
        .map((t) => t.version);
    let best;
    let bestText;
    for (const text of versions) {
        const v = semver.parse(text.replace(/^v/, ''));
        if (!v)
            continue;
        if (v.prerelease.length > 0 && !exactPre.some((p) => semver.eq(p, v)))
            continue;
        if (!c.terms.every((t) => satisfiesTerm(v, t)))
            continue;
        if (!best || semver.gt(v, best)) {
            best = v;
            bestText = text;
        }
    }
    return bestText;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/sources/terraform/modules/source.ts
var source = __webpack_require__(1826);
;// CONCATENATED MODULE: ./src/sources/terraform/modules/git.ts
/**
 * `git::` module sources, cloned with the git CLI (no shell: arguments as an array, the URL after `--`).
 * A tag or branch is cloned with `--depth 1`; a commit id needs the history, so it is cloned whole and
 * checked out. Symbolic links are checked out as plain files (core.symlinks=false), only the https,
 * http, ssh, git and file transports are allowed (no `ext::` commands), prompts are off, and a file://
 * URL must lead inside the scanned directory: a scanned repository must not make the scan read other
 * repositories on the runner.
 */






function run(args, opts, cwd) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', ['-c', 'core.symlinks=false', '-c', 'advice.detachedHead=false', ...args], {
            cwd,
            timeout: opts.timeoutMs,
            signal: opts.signal,
            maxBuffer: 1024 * 1024,
            env: {
                ...process.env,
                GIT_TERMINAL_PROMPT: '0',
                GIT_ALLOW_PROTOCOL: 'https:http:ssh:git:file',
                GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
                GCM_INTERACTIVE: 'never',
            },
        }, (err, _stdout, stderr) => {
            if (!err)
                return resolve();
            const last = String(stderr).trim().split('\n').pop() ?? '';
            reject(new DownloadError(err.killed ? 'git timed out' : `git failed: ${last.replace(/\/\/[^/@\s]*@/g, '//')}`));
        });
    });
}
async function gitClone(url, ref, dest, opts) {
    if (url.startsWith('-') || ref?.startsWith('-'))
        throw new DownloadError('the git address is not valid');
    if (url.startsWith('file:')) {
        let local;
        try {
            local = external_node_fs_.realpathSync((0,external_node_url_.fileURLToPath)(url));
        }
        catch {
            throw new DownloadError(`${(0,source/* redactUrl */.BO)(url)} does not exist`);
        }
        if (!(0,discover/* isInside */.FK)(opts.scanRoot, local))
            throw new DownloadError('a file:// git source outside the scanned directory is not read');
    }
    const isCommit = ref !== undefined && /^[0-9a-f]{7,40}$/i.test(ref);
    if (!isCommit) {
        const branch = ref ? ['--branch', ref] : [];
        await run(['clone', '--quiet', '--depth', '1', '--single-branch', '--no-tags', ...branch, '--', url, dest], opts);
    }
    else {
        await run(['clone', '--quiet', '--no-checkout', '--', url, dest], opts);
        await run(['checkout', '--quiet', '--detach', ref], opts, dest);
    }
    // The history is not part of the module.
    external_node_fs_.rmSync(`${dest}/.git`, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./src/sources/terraform/modules/registry.ts
/**
 * Terraform's module registry protocol: service discovery (`https://<host>/.well-known/terraform.json`,
 * key `modules.v1`), `GET <base><ns>/<name>/<system>/versions`, and
 * `GET <base><ns>/<name>/<system>/<version>/download`, whose answer is the package address in an
 * `X-Terraform-Get` header (or, from newer registries, a JSON body `{"location": ...}`), possibly relative
 * to the download URL. A host can be overridden (a private registry mirror, a stand-in in tests).
 */

const MAX_JSON = 4 * 1024 * 1024;
class RegistryClient {
    overrides;
    limits;
    bases = new Map();
    constructor(
    /** host \u2192 base URL used instead of https://<host> (no trailing path needed). */
    overrides, limits) {
        this.overrides = overrides;
        this.limits = limits;
    }
    json(url) {
        return httpGet(url, { ...this.limits, maxBytes: Math.min(this.limits.maxBytes, MAX_JSON) }, 'application/json').then((res) => {
            if (res.status !== 200)
                throw new DownloadError(`${hostPath(url)} answered HTTP ${res.status}`);
            try {
                return JSON.parse(res.body.toString('utf8'));
            }
            catch {
                throw new DownloadError(`${hostPath(url)} did not answer JSON`);
            }
        });
    }
    /** The modules.v1 base URL of a registry host. */
    modulesBase(host) {
        let base = this.bases.get(host);
        if (!base) {
            const origin = (this.overrides.get(host) ?? `https://${host}`).replace(/\/+$/, '');
            const discovery = `${origin}/.well-known/terraform.json`;
            base = this.json(discovery).then((doc) => {
                const v = doc?.['modules.v1'];
                if (typeof v !== 'string')
                    throw new DownloadError(`${host} offers no module registry (modules.v1)`);
                const url = new URL(v.endsWith('/') ? v : `${v}/`, discovery);
                return url.toString();
            });
            this.bases.set(host, base);
        }
        return base;
    }
    async moduleUrl(src, tail) {
        const base = await this.modulesBase(src.host);
        const parts = [src.namespace, src.name, src.system].map(encodeURIComponent).join('/');
        return new URL(`${parts}/${tail}`, base).toString();
    }
    async versions(src) {
        const doc = (await this.json(await this.moduleUrl(src, 'versions')));
        const out = [];
        for (const m of doc?.modules ?? [])
            for (const v of m.versions ?? [])
                if (typeof v.version === 'string')
                    out.push(v.version);
        return out;
    }
    /** The package address of one version, absolute. */
    async location(src, version) {
        const url = await this.moduleUrl(src, `${encodeURIComponent(version)}/download`);
        const res = await httpGet(url, { ...this.limits, maxBytes: MAX_JSON }, 'application/json');
        if (res.status !== 200 && res.status !== 204)
            throw new DownloadError(`${hostPath(url)} answered HTTP ${res.status}`);
        let location = res.headers.get('x-terraform-get') ?? undefined;
        if (!location && res.body.length > 0) {
            try {
                const doc = JSON.parse(res.body.toString('utf8'));
                if (typeof doc.location === 'string')
                    location = doc.location;
            }
            catch {
                // no JSON body: only the header counts
            }
        }
        if (!location)
            throw new DownloadError(`${hostPath(url)} gave no download location`);
        // A relative location (`./pkg.tar.gz`, `/files/pkg.tar.gz`) is relative to the download URL.
        if (/^\.{0,2}\//.test(location) && !location.startsWith('//'))
            return new URL(location, res.url).toString();
        return location;
    }
}
function hostPath(url) {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
}

;// CONCATENATED MODULE: ./src/sources/terraform/modules/download.ts
/**
 * --download-modules: fetches the registry and git modules a root module calls (and those they call),
 * the way `terraform init` would, into a cache folder keyed by source and version, so that a runner's
 * actions/cache can keep it between runs. Everything is bounded: modules per scan, bytes and files per
 * package, time per request and for the whole scan. What cannot be fetched is not fatal: the call is
 * named (KMS011) with why, and the scan goes on.
 */













const DOWNLOAD_LIMITS = {
    /** Module packages fetched per scan. */
    maxModules: 100,
    /** Module calls followed per root module (nested ones included). */
    maxCalls: 500,
    maxArchiveBytes: 50 * 1024 * 1024,
    maxUnpackedBytes: 200 * 1024 * 1024,
    maxFiles: 20_000,
    requestMs: 60_000,
    gitMs: 180_000,
    totalMs: 600_000,
    maxDepth: 16,
};
function defaultCacheDir(env = process.env) {
    return external_node_path_.join(env.RUNNER_TEMP || external_node_os_.tmpdir(), 'azure-kms-guard-modules');
}
const isLocal = (s) => /^\.\.?[\\/]/.test(s);
class ModuleDownloader {
    scanRoot;
    cacheDir;
    registry;
    limits;
    packages = new Map();
    deadline;
    timer;
    constructor(
    /** Real path of the scan root (file:// git sources must stay inside it). */
    scanRoot, settings) {
        this.scanRoot = scanRoot;
        this.cacheDir = external_node_path_.resolve(settings.cacheDir ?? defaultCacheDir(settings.env));
        external_node_fs_.mkdirSync(this.cacheDir, { recursive: true });
        this.cacheDir = external_node_fs_.realpathSync(this.cacheDir);
        this.deadline = new AbortController();
        this.timer = setTimeout(() => this.deadline.abort(), DOWNLOAD_LIMITS.totalMs);
        this.timer.unref();
        this.limits = {
            timeoutMs: DOWNLOAD_LIMITS.requestMs,
            maxBytes: DOWNLOAD_LIMITS.maxArchiveBytes,
            env: settings.env ?? process.env,
            signal: this.deadline.signal,
        };
        this.registry = new RegistryClient(settings.registries ?? new Map(), this.limits);
    }
    close() {
        clearTimeout(this.timer);
    }
    /** Fetches every remote module the root module in `rootDir` calls, directly or through other modules. */
    async forRoot(rootDir) {
        const out = { modules: new Map(), failed: new Map() };
        let calls = 0;
        const visit = async (dir, prefix, inPackage, depth) => {
            if (depth > DOWNLOAD_LIMITS.maxDepth)
                return;
            for (const call of moduleCallsIn(dir)) {
                const key = prefix === '' ? call.name : `${prefix}.${call.name}`;
                if (++calls > DOWNLOAD_LIMITS.maxCalls) {
                    out.failed.set(key, `more than ${DOWNLOAD_LIMITS.maxCalls} module calls; the rest were not fetched`);
                    continue;
                }
                if (isLocal(call.source)) {
                    const target = external_node_path_.resolve(dir, call.source.replace(/\\/g, '/'));
                    let real;
                    try {
                        real = external_node_fs_.realpathSync(target);
                    }
                    catch {
                        continue;
                    }
                    // A local module of a package stays in the package; one of the user's stays in the scan.
                    if (!(0,discover/* isInside */.FK)(inPackage ?? this.scanRoot, real))
                        continue;
                    if (inPackage)
                        out.modules.set(key, { key, source: call.source, dir: real });
                    await visit(real, key, inPackage, depth + 1);
                    continue;
                }
                try {
                    const { dir: moduleDir, version, pkg } = await this.fetchModule(call.source, call.version);
                    out.modules.set(key, { key, source: call.source, version, dir: moduleDir });
                    await visit(moduleDir, key, pkg, depth + 1);
                }
                catch (e) {
                    out.failed.set(key, `download failed: ${e instanceof DownloadError ? e.message : String(e)}`);
                }
            }
        };
        await visit(rootDir, '', undefined, 0);
        return out;
    }
    /** The module's directory (inside its cached package) and the version chosen. */
    async fetchModule(raw, constraint) {
        const src = (0,source/* parseSource */.PJ)(raw);
        if (src.kind === 'unsupported')
            throw new DownloadError(src.reason);
        let version;
        let pkg;
        let subdir = src.subdir;
        if (src.kind === 'registry') {
            const c = parseConstraint(constraint);
            if (!c.ok)
                throw new DownloadError(c.reason);
            const prefix = `${src.host}/${src.namespace}/${src.name}/${src.system}`;
            let versions;
            try {
                versions = await this.registry.versions(src);
            }
            catch (e) {
                // Offline (or the registry is down): the versions a previous run cached still serve.
                versions = this.cachedVersions(prefix);
                if (versions.length === 0)
                    throw e;
            }
            version = newestMatching(versions, c);
            if (!version)
                throw new DownloadError(`no version of ${src.namespace}/${src.name}/${src.system} matches "${constraint ?? 'any'}" (the registry has ${versions.slice(-5).join(', ') || 'none'})`);
            const id = `${prefix}@${version}`;
            pkg = await this.cached(id, async (dest) => {
                const location = await this.registry.location(src, version);
                const target = (0,source/* parseSource */.PJ)(location);
                if (target.kind === 'registry' || target.kind === 'unsupported')
                    throw new DownloadError(`the registry's download location is not supported (${(0,source/* redactUrl */.BO)(location)})`);
                const inner = await this.fetchPackage(target, dest);
                return inner;
            });
            // The registry location may itself name a subdirectory (`...tar.gz//modules/x`).
            const target = this.locations.get(id);
            if (target)
                subdir = subdir ? external_node_path_.posix.join(target, subdir) : target;
        }
        else {
            if (constraint)
                throw new DownloadError('version is only allowed for registry modules');
            const id = src.kind === 'git' ? `git ${src.url}@${src.ref ?? ''}` : `http ${src.url}`;
            pkg = await this.cached(id, (dest) => this.fetchPackage(src, dest));
        }
        if (!(0,source/* safeSubdir */.Tz)(subdir))
            throw new DownloadError(`subdirectory "${subdir}" leaves the package`);
        const dir = subdir ? external_node_path_.join(pkg, ...subdir.split('/')) : pkg;
        let real;
        try {
            real = external_node_fs_.realpathSync(dir);
        }
        catch {
            throw new DownloadError(`the package has no subdirectory "${subdir}"`);
        }
        if (!(0,discover/* isInside */.FK)(pkg, real) || !external_node_fs_.statSync(real).isDirectory())
            throw new DownloadError(`the package has no subdirectory "${subdir}"`);
        return { dir: real, pkg, version };
    }
    /** A metadata file of our own cache, read through the boundary of the cache folder. */
    readCache(file) {
        const read = (0,read_source/* readSource */.o$)(file, (0,read_source/* makeBoundary */.nj)([this.cacheDir]));
        if (!read.ok)
            throw new Error(read.reason);
        return read.text;
    }
    /** Versions of a registry module already in the cache. */
    cachedVersions(prefix) {
        const out = [];
        for (const name of external_node_fs_.readdirSync(this.cacheDir)) {
            if (!name.endsWith('.json'))
                continue;
            try {
                const id = JSON.parse(this.readCache(external_node_path_.join(this.cacheDir, name))).id;
                if (typeof id === 'string' && id.startsWith(`${prefix}@`))
                    out.push(id.slice(prefix.length + 1));
            }
            catch {
                // a damaged entry is fetched again
            }
        }
        return out;
    }
    /** Subdirectory named by a registry's download location, per package id. */
    locations = new Map();
    /**
     * The cached package folder for `id`, fetched once: into a fresh folder renamed into place when
     * complete, so a folder under its final name is always whole (another job may share the cache).
     */
    cached(id, fetch) {
        let p = this.packages.get(id);
        if (!p) {
            p = (async () => {
                const hash = (0,external_node_crypto_.createHash)('sha256').update(id).digest('hex').slice(0, 32);
                const final = external_node_path_.join(this.cacheDir, hash);
                const meta = `${final}.json`;
                if (external_node_fs_.existsSync(final) && external_node_fs_.existsSync(meta)) {
                    const saved = JSON.parse(this.readCache(meta));
                    if (saved.id === id) {
                        this.locations.set(id, saved.subdir);
                        return external_node_fs_.realpathSync(final);
                    }
                }
                if (this.packages.size > DOWNLOAD_LIMITS.maxModules)
                    throw new DownloadError(`more than ${DOWNLOAD_LIMITS.maxModules} module packages in one scan`);
                const tmp = external_node_path_.join(this.cacheDir, `.tmp-${hash}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
                try {
                    const subdir = await fetch(tmp);
                    this.locations.set(id, subdir);
                    external_node_fs_.rmSync(final, { recursive: true, force: true });
                    external_node_fs_.renameSync(tmp, final);
                    external_node_fs_.writeFileSync(meta, JSON.stringify({ id, subdir }));
                }
                finally {
                    external_node_fs_.rmSync(tmp, { recursive: true, force: true });
                }
                return external_node_fs_.realpathSync(final);
            })();
            this.packages.set(id, p);
        }
        return p;
    }
    /** Fetches a git or HTTP package into `dest`; returns the subdirectory its address names. */
    async fetchPackage(src, dest) {
        if (src.kind === 'git') {
            await gitClone(src.url, src.ref, dest, {
                timeoutMs: DOWNLOAD_LIMITS.gitMs,
                scanRoot: this.scanRoot,
                signal: this.deadline.signal,
            });
            checkTree(dest);
            return src.subdir;
        }
        const res = await httpGet(src.url, this.limits);
        if (res.status !== 200) {
            const get = res.headers.get('x-terraform-get');
            if (res.status === 204 && get) {
                const next = (0,source/* parseSource */.PJ)(get, res.url);
                if (next.kind === 'git' || (next.kind === 'http' && next.archive))
                    return this.fetchPackage(next, dest).then((s) => s ?? src.subdir);
            }
            throw new DownloadError(`${(0,source/* redactUrl */.BO)(src.url)} answered HTTP ${res.status}`);
        }
        const type = src.archive ?? sniffArchive(res.body);
        if (!type)
            throw new DownloadError(`${(0,source/* redactUrl */.BO)(src.url)} is not a .tar.gz, .tar or .zip archive`);
        await unpack(res.body, type, dest, {
            maxFiles: DOWNLOAD_LIMITS.maxFiles,
            maxBytes: DOWNLOAD_LIMITS.maxUnpackedBytes,
        });
        return src.subdir;
    }
}
/** A cloned tree within the package limits, with no link leading anywhere. */
function checkTree(root) {
    let files = 0;
    let bytes = 0;
    const walk = (dir) => {
        for (const e of external_node_fs_.readdirSync(dir, { withFileTypes: true })) {
            const p = external_node_path_.join(dir, e.name);
            if (e.isSymbolicLink())
                external_node_fs_.rmSync(p);
            else if (e.isDirectory())
                walk(p);
            else {
                files++;
                bytes += external_node_fs_.statSync(p).size;
            }
            if (files > DOWNLOAD_LIMITS.maxFiles || bytes > DOWNLOAD_LIMITS.maxUnpackedBytes)
                throw new DownloadError('the repository is over the package limits');
        }
    };
    walk(root);
}


/***/ })

};
;