"use strict";
exports.id = 724;
exports.ids = [724];
exports.modules = {

/***/ 9724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ApiTimeout: () => (/* reexport */ api_failure/* ApiTimeout */.kE),
  DEFAULT_MANNERS: () => (/* reexport */ github_manners/* DEFAULT_MANNERS */.p),
  apiFailure: () => (/* reexport */ api_failure/* apiFailure */.tF),
  githubClient: () => (/* binding */ githubClient),
  httpStatus: () => (/* reexport */ api_failure/* httpStatus */.nG),
  isPermissionError: () => (/* reexport */ api_failure/* isPermissionError */.gj),
  mannersFromEnv: () => (/* reexport */ github_manners/* mannersFromEnv */.u),
  proxyFetch: () => (/* binding */ proxyFetch)
});

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(3779);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js + 3 modules
var plugin_rest_endpoint_methods_dist_src = __webpack_require__(9210);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var plugin_retry_dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
;// CONCATENATED MODULE: ./src/github/write-pace.ts
/**
 * How far apart the action's writes to GitHub go. @octokit/plugin-throttling spaces every write 1 s apart
 * (3 s for those that notify people: comments, reviews) from the first one on, following GitHub's advice for
 * clients that make "a large number" of writes. One run makes a handful (the check run, the sticky comment,
 * one review), so waiting before each cost a pull request run a second or more for nothing; the secondary
 * rate limits are about bursts (80 content-creating requests a minute). So the first few writes go at once,
 * and only a run that writes more (a check run with hundreds of annotations, 50 per request)
 * is spaced as the plugin would. Rate-limit answers (Retry-After, reset) are still the plugin's to wait for.
 *
 * Hand-written: the plugin takes its groups as Bottleneck groups, and Bottleneck has no "burst, then
 * spacing" limiter; this is the part of a group's interface the plugin calls (`key(id).schedule(options, fn)`).
 */
/** Writes that go without waiting; later ones are spaced. */
const UNPACED_WRITES = 5;
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A limiter for one client: its writes share one count, whatever key the plugin asks for. */
function writePace(opts) {
    const sleep = opts.sleep ?? realSleep;
    const now = opts.now ?? Date.now;
    let granted = 0;
    let next = -Infinity;
    const limiter = {
        async schedule(...args) {
            // Bottleneck's signature: schedule([options,] fn, ...args).
            const at = args.findIndex((a) => typeof a === 'function');
            const fn = args[at];
            // The slot is taken before any wait, so concurrent writes queue in the order they asked.
            const t = now();
            const slot = granted++ < opts.burst ? t : Math.max(t, next);
            next = slot + opts.spacingMs;
            if (slot > t)
                await sleep(slot - t);
            return fn(...args.slice(at + 1));
        },
    };
    return { key: () => limiter };
}

// EXTERNAL MODULE: ./src/github/api-failure.ts
var api_failure = __webpack_require__(9692);
// EXTERNAL MODULE: ./src/github/manners.ts
var github_manners = __webpack_require__(7309);
;// CONCATENATED MODULE: ./src/github/octokit.ts








// Where they were first: callers and tests may import them from here too.

// The manners live apart (manners.ts), for the early changed-files request of the action's entry.

/**
 * The innermost request hook (registered before the retry and throttling plugins, so it runs once per
 * attempt): a fresh timeout for each attempt, joined with any signal of the caller. It also names a
 * bare `429` with Retry-After as the secondary rate limit GitHub documents it to be: the throttling
 * plugin recognises secondary limits by their message, and a Retry-After must be honoured whatever the
 * message says. Hand-written: neither plugin has a timeout.
 */
function patience(octokit, options) {
    const manners = options.manners ?? github_manners/* DEFAULT_MANNERS */.p;
    octokit.hook.wrap('request', async (request, opts) => {
        const timeout = new AbortController();
        const caller = opts.request?.signal;
        const signal = caller ? AbortSignal.any([caller, timeout.signal]) : timeout.signal;
        let timer;
        // The abort frees the connection; the race makes sure we stop waiting even if a fetch ignored it.
        const expired = new Promise((_, reject) => {
            timer = setTimeout(() => {
                timeout.abort();
                reject(new api_failure/* ApiTimeout */.kE(manners.timeoutMs, (0,api_failure/* substituted */.X6)(opts)));
            }, manners.timeoutMs);
        });
        try {
            // Set on the options object itself: the token hook below us re-merges the options it was first
            // given and ignores the ones passed down, so a copy would lose the signal.
            opts.request = { ...opts.request, signal };
            return await Promise.race([request(opts), expired]);
        }
        catch (err) {
            if (timeout.signal.aborted && !caller?.aborted)
                throw new api_failure/* ApiTimeout */.kE(manners.timeoutMs, (0,api_failure/* substituted */.X6)(opts));
            const e = err;
            const headers = e.response?.headers ?? {};
            if (e.status === 429 &&
                headers['retry-after'] !== undefined &&
                headers['x-ratelimit-remaining'] !== '0' &&
                !/\bsecondary rate\b/i.test(e.message ?? ''))
                e.message = `secondary rate limit (Retry-After ${headers['retry-after']} s): ${e.message ?? ''}`;
            throw err;
        }
        finally {
            clearTimeout(timer);
        }
    });
}
/**
 * The fetch @actions/github gives Octokit when a proxy is configured (https_proxy, HTTPS_PROXY, http_proxy,
 * HTTP_PROXY: @actions/http-client's proxy variables, no_proxy honoured there); undefined without one, where
 * its fetch is undici's with the default dispatcher, the same as node's own fetch. Loaded only then: with
 * @actions/github come @actions/http-client and undici, a megabyte of code and node's http, https, http2 and
 * zlib, which cost every run 60-80 ms of CPU before the changed files could be asked for (bench/pr.mjs).
 */
async function proxyFetch(env) {
    if (!env.https_proxy && !env.HTTPS_PROXY && !env.http_proxy && !env.HTTP_PROXY)
        return undefined;
    const { defaults } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(176)]).then(__webpack_require__.bind(__webpack_require__, 7176));
    return defaults.request?.fetch;
}
/** @actions/github's user agent: the runner's orchestration id when there is one. */
function userAgent(env) {
    const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
    return id ? `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : undefined;
}
/**
 * The client for `token`: Octokit with the REST methods and pagination (what @actions/github's getOctokit
 * builds), then the timeout, retry and throttling plugins, in that order. `fetch`: proxyFetch's, when a proxy
 * is configured; else node's own.
 */
function githubClient(token, opts) {
    const manners = opts.manners ?? github_manners/* DEFAULT_MANNERS */.p;
    const log = opts.log ?? (() => undefined);
    const pace = opts.sleep ? { sleep: opts.sleep } : {};
    // Retry once, and only when the wait is one a CI job can afford; later the step is skipped and says so.
    const onLimit = (what) => (retryAfter, o, _k, retryCount) => {
        const wait = retryCount === 0 && retryAfter <= manners.maxWaitS;
        log(wait
            ? `GitHub ${what} on ${(0,api_failure/* endpoint */.sR)(o)}: retrying once after ${retryAfter} s`
            : `GitHub ${what} on ${(0,api_failure/* endpoint */.sR)(o)}: not retrying (${retryCount > 0 ? 'already retried' : `Retry-After ${retryAfter} s is longer than ${manners.maxWaitS} s`})`);
        return wait;
    };
    const agent = userAgent(process.env);
    const Client = dist_src/* Octokit */.E.plugin(plugin_rest_endpoint_methods_dist_src/* restEndpointMethods */._, dist_bundle/* paginateRest */.ud, patience, plugin_retry_dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    return new Client({
        auth: `token ${token}`,
        baseUrl: opts.baseUrl,
        ...(agent ? { userAgent: agent } : {}),
        ...(opts.fetch ? { request: { fetch: opts.fetch } } : {}),
        manners,
        retry: {
            retries: manners.retries,
            retryAfterBaseValue: manners.retryBaseMs,
            // Rate limits (403, 429) are the throttling plugin's: they have their own wait.
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        },
        throttle: {
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            // The plugin's own spacing (1 s per write, 3 s per notifying write), after the first few writes.
            write: writePace({ burst: UNPACED_WRITES, spacingMs: 1000, ...pace }),
            notifications: writePace({ burst: UNPACED_WRITES, spacingMs: 3000, ...pace }),
        },
    });
}


/***/ })

};
;