// The bridge's dashboard: reads the status API every second and updates the page in place.
// Every value from the API is written with textContent, never as markup: request ids, reasons and vendor messages
// come from users and vendors. The page's Content-Security-Policy (default-src 'self') is the second line of defence.
'use strict';

const REFRESH_MS = 1000;
const JOB_LIMIT = 200;
// sessionStorage, not localStorage: the token is forgotten when the tab closes
const TOKEN_KEY = 'iotJobBridge.token';
const STATES = ['RECEIVED', 'QUEUED', 'SUBMITTING', 'SUBMITTED', 'RUNNING', 'DOWNLOADING', 'DELIVERED', 'FAILED',
  'CANCELLED'];
const ENDED_WITHOUT_FILE = new Set(['FAILED', 'CANCELLED']);

const byId = (id) => document.getElementById(id);
const jobRows = new Map(); // job id -> its <tr>, so a row keeps its element (and id) across refreshes
let refreshTimer = null;
let refreshCount = 0; // an answer to an older refresh (say, before the filter changed) must not overwrite a newer one

/** The API refused the call for want of a (valid) token. */
class Unauthorized extends Error {
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

function clock(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'});
}

/** A time cell: the local time of day, with the full ISO instant on hover. */
function timeCell(iso) {
  const cell = element('td', 'time', clock(iso));
  cell.title = iso || '';
  return cell;
}

async function getJson(path) {
  const headers = {Accept: 'application/json'};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(path, {headers, cache: 'no-store'});
  if (response.status === 401) {
    throw new Unauthorized();
  }
  if (!response.ok) {
    throw new Error(`${path.split('?')[0]} answered ${response.status}${await violations(response)}`);
  }
  return response.json();
}

/** The field-and-rule pairs of an error answer, for the banner; empty when the body is not the API's error shape. */
async function violations(response) {
  try {
    const body = await response.json();
    return (body.violations || []).map((v) => `: ${v.field} ${v.rule}`).join('');
  } catch (ignored) {
    return '';
  }
}

// ---- jobs ----

/** The job's progress in whole percent, or null while neither the vendor nor the bridge has reported any. */
function shownProgress(job) {
  if (typeof job.progress !== 'number') {
    return null;
  }
  return Math.max(0, Math.min(100, Math.round(job.progress)));
}

function progressCell(progress) {
  const cell = element('td', 'progress');
  if (progress === null) {
    return cell;
  }
  const bar = element('div', 'bar');
  const fill = element('div', 'fill');
  fill.style.width = `${progress}%`;
  bar.append(fill);
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('aria-valuenow', String(progress));
  cell.append(bar, element('span', 'percent', `${progress}%`));
  return cell;
}

/** Why the job is not moving: a vendor quota it waits for (and until when), or the reason it ended without a file. */
function waitOrReason(job) {
  if (job.waitingFor) {
    const until = job.nextRunAt ? ` until ${clock(job.nextRunAt)}` : '';
    return `waiting for quota ${job.waitingFor}${until}`;
  }
  return ENDED_WITHOUT_FILE.has(job.state) ? (job.reason || '') : '';
}

function fillJobRow(row, job) {
  const progress = shownProgress(job);
  row.dataset.state = job.state;
  row.dataset.progress = progress === null ? '' : String(progress);
  const state = element('td', 'state');
  state.append(element('span', 'state-badge', job.state));
  row.replaceChildren(
      element('td', 'request-id', job.requestId),
      element('td', 'vendor', job.vendor),
      element('td', 'operation', job.operation),
      state,
      progressCell(progress),
      element('td', 'vendor-status', job.vendorStatus),
      element('td', job.waitingFor ? 'wait' : 'reason', waitOrReason(job)),
      timeCell(job.updatedAt));
  row.title = `job ${job.id}`;
}

function showJobs(jobs) {
  const body = byId('job-rows');
  const seen = new Set();
  jobs.forEach((job, index) => {
    let row = jobRows.get(job.id);
    if (!row) {
      row = element('tr', 'job');
      row.id = `job-${job.id}`;
      jobRows.set(job.id, row);
    }
    seen.add(job.id);
    fillJobRow(row, job);
    // newest first, as the API orders them; moving only rows out of place keeps the rest untouched
    const current = body.children[index];
    if (current !== row) {
      body.insertBefore(row, current || null);
    }
  });
  for (const [id, row] of jobRows) {
    if (!seen.has(id)) {
      row.remove();
      jobRows.delete(id);
    }
  }
  byId('jobs-empty').hidden = jobs.length > 0;
}

// ---- overview ----

function showCounts(jobsByState) {
  byId('state-counts').replaceChildren(...STATES.map((state) => {
    const item = element('li', 'count');
    item.id = `count-${state}`;
    item.dataset.state = state;
    item.dataset.count = String(jobsByState[state] || 0);
    item.append(element('span', 'state-badge', state), element('span', 'number', jobsByState[state] || 0));
    return item;
  }));
}

function vendorCallRow(call) {
  const row = element('tr', 'vendor-call');
  // vendors limit calls per second, so the bar is the busiest second of the minute against the limit
  const peak = Number(call.peakPerSecondLastMinute) || 0;
  const perSecond = Number(call.perSecondLastMinute) || 0;
  const limit = Number(call.limitPerSecond) || 0;
  const share = limit > 0 ? Math.min(100, (peak / limit) * 100) : 0;
  row.dataset.vendor = call.vendor;
  row.dataset.action = call.action;
  const rate = element('td', 'rate');
  const bar = element('div', share >= 100 ? 'bar at-limit' : 'bar');
  const fill = element('div', 'fill');
  fill.style.width = `${share}%`;
  bar.append(fill);
  rate.append(bar, element('span', 'rate-text',
      `peak ${peak} of ${limit} per s (average ${perSecond.toFixed(2)})`));
  row.append(element('td', 'vendor', call.vendor), element('td', 'account', call.account),
      element('td', 'action', call.action), rate, element('td', 'number', call.callsLastMinute),
      element('td', 'number', call.throttledLastMinute), element('td', 'number', call.errorsLastMinute));
  return row;
}

function lastErrorRow(error) {
  const row = element('tr', 'last-error');
  row.append(timeCell(error.at), element('td', 'request-id', error.requestId || error.jobId),
      element('td', 'vendor', error.vendor), element('td', 'action', error.action),
      element('td', 'code', error.code), element('td', 'message', error.message));
  return row;
}

function showOverview(overview) {
  byId('node').textContent = overview.node ? `node ${overview.node}` : '';
  showCounts(overview.jobsByState || {});
  const calls = overview.vendorCalls || [];
  byId('vendor-call-rows').replaceChildren(...calls.map(vendorCallRow));
  byId('vendor-calls-empty').hidden = calls.length > 0;
  const errors = overview.lastErrors || [];
  byId('last-error-rows').replaceChildren(...errors.map(lastErrorRow));
  byId('last-errors-empty').hidden = errors.length > 0;
}

// ---- refresh, token, banner ----

function showBanner(message) {
  const banner = byId('error-banner');
  banner.textContent = `The bridge does not answer: ${message}. The page shows what it last heard and keeps trying.`;
  banner.hidden = false;
}

function askForToken() {
  const refused = sessionStorage.getItem(TOKEN_KEY) !== null;
  byId('token-prompt').textContent = refused
    ? 'The bridge refused this token. Enter its API token (bridge.http.token).'
    : 'This bridge asks for its API token (bridge.http.token).';
  byId('token-form').hidden = false;
  byId('token-input').focus();
}

async function refresh() {
  refreshTimer = null;
  const run = ++refreshCount;
  const query = new URLSearchParams({limit: String(JOB_LIMIT)});
  const state = byId('state-filter').value;
  if (state) {
    query.set('state', state);
  }
  try {
    const [overview, list] = await Promise.all([getJson('/api/overview'), getJson(`/api/jobs?${query}`)]);
    if (run !== refreshCount) {
      return;
    }
    showOverview(overview);
    showJobs(list.jobs || []);
    byId('error-banner').hidden = true;
    byId('token-form').hidden = true;
    byId('last-refreshed').textContent = `last refreshed ${clock(new Date().toISOString())}`;
  } catch (error) {
    if (run !== refreshCount) {
      return;
    }
    if (error instanceof Unauthorized) {
      askForToken();
      return; // polling resumes once a token is entered: repeating a refused call helps no one
    }
    showBanner(error.message);
  }
  scheduleRefresh(REFRESH_MS);
}

function scheduleRefresh(delay) {
  if (refreshTimer !== null) {
    clearTimeout(refreshTimer);
  }
  refreshTimer = setTimeout(refresh, delay);
}

function start() {
  const filter = byId('state-filter');
  for (const state of STATES) {
    const option = element('option', null, state);
    option.value = state;
    filter.append(option);
  }
  filter.addEventListener('change', () => scheduleRefresh(0));
  byId('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, byId('token-input').value.trim());
    byId('token-input').value = '';
    byId('token-form').hidden = true;
    scheduleRefresh(0);
  });
  scheduleRefresh(0);
}

document.addEventListener('DOMContentLoaded', start);
