// Firebreak console behaviour that htmx does not give by itself: the CSRF header on htmx requests, keyboard
// shortcuts (g d, g i, n, /), confirmation dialogs (<dialog>) opened by buttons with data-dialog="id", and the
// "select all on this page" box of a list whose rows are ticked to act on at once.
(function () {
  'use strict';
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A live panel is re-fetched when its incident changes; never under someone's cursor: a panel holding the field
  // being typed in, or an open confirmation, is marked stale instead and re-fetched once the person leaves it.
  var stale = {};
  function busy(panel) {
    var active = document.activeElement;
    var typing = active && panel.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)
        && active.type !== 'checkbox' && active.value;
    return typing || !!panel.querySelector('dialog[open]');
  }
  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    if (target && target.id && target.hasAttribute('hx-get') && busy(target)) {
      event.detail.shouldSwap = false;
      stale[target.id] = true;
    }
  });
  function refreshStale() {
    setTimeout(function () {
      Object.keys(stale).forEach(function (id) {
        var panel = document.getElementById(id);
        if (!panel) { delete stale[id]; return; }
        if (!busy(panel)) {
          delete stale[id];
          htmx.ajax('GET', panel.getAttribute('hx-get'), { target: panel, swap: 'outerHTML' });
        }
      });
    }, 0);
  }
  document.addEventListener('focusout', refreshStale);
  document.addEventListener('close', refreshStale, true);

  // A data-select-all="name" box ticks every box of that name in its form; ticking rows by hand shows it as all, some
  // or none ticked.
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.form || box.type !== 'checkbox') return;
    var all = box.form.querySelector('[data-select-all]');
    if (!all) return;
    var rows = box.form.querySelectorAll('input[type=checkbox][name="' + all.getAttribute('data-select-all') + '"]');
    var ticked = 0;
    rows.forEach(function (row) {
      if (box === all) { row.checked = all.checked; }
      if (row.checked) { ticked++; }
    });
    all.checked = rows.length > 0 && ticked === rows.length;
    all.indeterminate = ticked > 0 && ticked < rows.length;
  });

  var pendingG = false;
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (pendingG) {
      pendingG = false;
      if (event.key === 'd') { window.location.href = '/'; }
      if (event.key === 'i') { window.location.href = '/incidents'; }
      return;
    }
    if (event.key === 'g') { pendingG = true; setTimeout(function () { pendingG = false; }, 1200); return; }
    if (event.key === 'n') {
      var open = document.querySelector('a[href$="/incidents/new"]');
      if (open) { window.location.href = open.href; }
      return;
    }
    if (event.key === '/') {
      var search = document.querySelector('input[type=search]');
      if (search) { event.preventDefault(); search.focus(); }
    }
  });

  document.addEventListener('click', function (event) {
    var opener = event.target.closest('[data-dialog]');
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute('data-dialog'));
      if (dialog && dialog.showModal) { event.preventDefault(); dialog.showModal(); }
      return;
    }
    var closer = event.target.closest('[data-close-dialog]');
    if (closer) {
      var open = closer.closest('dialog');
      if (open) { event.preventDefault(); open.close(); }
    }
  });
})();
