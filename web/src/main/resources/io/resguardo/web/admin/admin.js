'use strict';

// The dashboard reads /admin/api/* with relative URLs (any context path works) and builds every cell with
// textContent, never innerHTML, so nothing from the data is ever interpreted as markup. Changes (redeliver) send
// X-Requested-With: resguardo-admin, which the admin filter requires of every POST against cross-site forgery.

const CSRF = { 'X-Requested-With': 'resguardo-admin' };

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    throw new Error(path + ': ' + response.status);
  }
  return response.json();
}

function cell(row, value, cssClass) {
  const td = document.createElement('td');
  td.textContent = value === null || value === undefined ? '' : String(value);
  if (cssClass) {
    td.className = cssClass;
  }
  row.appendChild(td);
  return td;
}

function fill(tableId, items, render) {
  const body = document.querySelector('#' + tableId + ' tbody');
  body.replaceChildren();
  if (items.length === 0) {
    const row = body.insertRow();
    cell(row, 'none');
    return;
  }
  for (const item of items) {
    render(body.insertRow(), item);
  }
}

function fillCounts(tableId, counts) {
  fill(tableId, Object.entries(counts), (row, [name, n]) => {
    cell(row, name, name);
    cell(row, n);
  });
}

function showSummary(summary) {
  document.getElementById('environment').textContent = summary.environment;
  fillCounts('orders-by-status', summary.orders);
  fillCounts('outbox-counts', { pending: summary.outbox.pending, dead: summary.outbox.dead });
  fillCounts('rejections', summary.rejections);
  fill('bans', summary.bans, (row, ban) => {
    cell(row, ban.client);
    cell(row, ban.remainingSeconds + ' s left');
  });
  fill('rejections-over-time', summary.rejectionsOverTime, (row, minute) => {
    cell(row, minute.minute.substring(11, 16));
    const entries = Object.entries(minute.counts);
    cell(row, entries.length === 0 ? 'none' : entries.map(([code, n]) => code + ' ' + n).join(', '));
  });
  fill('alerts', summary.alerts, (row, alert) => {
    cell(row, alert.at);
    cell(row, alert.kind, 'FAIL');
    cell(row, alert.value);
    cell(row, alert.rule);
    cell(row, alert.meaning);
  });
  fill('keys', summary.keys, (row, key) => {
    cell(row, key.id);
    cell(row, key.current ? 'yes' : 'no');
    cell(row, key.validNow ? 'yes' : 'no');
    cell(row, key.created === null ? 'unknown' : key.created);
    cell(row, key.ageDays);
    cell(row, key.rotationStatus, key.rotationStatus);
    cell(row, key.rotationDue);
    cell(row, key.validUntil);
  });
}

function showPreflight(report) {
  document.getElementById('ready').textContent = report.ready
    ? 'Ready for production: no check fails.'
    : 'Not ready for production: fix the failing checks.';
  fill('preflight', report.checks, (row, check) => {
    cell(row, check.id);
    cell(row, check.status, check.status);
    cell(row, check.detail);
    cell(row, check.fix);
  });
}

function showNotifications(answer) {
  fill('notifications', answer.notifications, (row, n) => {
    cell(row, n.receivedAt);
    cell(row, n.eventType);
    cell(row, n.cip);
    cell(row, n.operationNumber);
    cell(row, n.outcome, n.outcome);
    cell(row, n.code);
    cell(row, n.keyId);
    cell(row, n.duplicates);
  });
}

function showOutbox(events) {
  fill('outbox', events, (row, event) => {
    cell(row, event.eventId);
    cell(row, event.eventType);
    cell(row, event.transactionCode);
    cell(row, event.status, event.status);
    cell(row, event.attempts);
    cell(row, event.nextAttemptAt);
    cell(row, event.lastError);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Redeliver';
    button.addEventListener('click', () => redeliver(event.eventId, button));
    cell(row, '').appendChild(button);
  });
}

function showOrders(answer) {
  fill('orders', answer.orders, (row, order) => {
    cell(row, order.createdAt);
    cell(row, order.transactionCode);
    cell(row, order.amount + ' ' + order.currency);
    cell(row, order.status, order.status);
    cell(row, order.cip);
    cell(row, order.paidAt);
    const actions = cell(row, '');
    if (order.status === 'PENDING' && order.cip) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Check now';
      button.title = 'Ask PagoEfectivo about this order now';
      button.addEventListener('click', () => checkNow(order.transactionCode, button));
      actions.appendChild(button);
    }
  });
}

function checkNow(transactionCode, button) {
  return postAction('api/orders/' + encodeURIComponent(transactionCode) + '/reconcile', 'check', button);
}

function redeliver(eventId, button) {
  return postAction('api/outbox/' + encodeURIComponent(eventId) + '/redeliver', 'redeliver', button);
}

// An admin action: POST with the CSRF header, then redraw; on failure the button comes back and the status says why.
async function postAction(path, label, button) {
  button.disabled = true;
  try {
    const response = await fetch(path, { method: 'POST', headers: CSRF, cache: 'no-store' });
    if (!response.ok) {
      throw new Error(label + ': ' + response.status);
    }
    await refresh();
  } catch (e) {
    setStatus(e.message, true);
    button.disabled = false;
  }
}

function setStatus(text, isError) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.className = isError ? 'error' : '';
}

async function refresh() {
  setStatus('loading…', false);
  try {
    const [summary, preflight, notifications, dead, pending, orders] = await Promise.all([
      getJson('api/summary'),
      getJson('api/preflight'),
      getJson('api/notifications?limit=20'),
      getJson('api/outbox?status=DEAD&limit=50'),
      getJson('api/outbox?status=PENDING&limit=50'),
      getJson('api/orders?limit=20'),
    ]);
    showSummary(summary);
    showPreflight(preflight);
    showNotifications(notifications);
    showOutbox(dead.events.concat(pending.events));
    showOrders(orders);
    setStatus('updated ' + new Date().toLocaleTimeString(), false);
  } catch (e) {
    setStatus(e.message, true);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('refresh').addEventListener('click', refresh);
  refresh();
});
