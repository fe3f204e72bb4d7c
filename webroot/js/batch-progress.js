// The batch page without reloads: polls the batch's progress (JSON) every second and updates
// the bar and the counts until nothing is left to send. Without this script, a reload shows
// the latest state.
(function () {
  'use strict';
  var section = document.querySelector('[data-progress-url]');
  if (!section) {
    return;
  }
  var bar = document.getElementById('batch-bar');
  var state = document.getElementById('batch-state');
  var hint = section.querySelector('.no-script');
  var numbers = new Intl.NumberFormat('en-GB');
  if (hint) {
    hint.hidden = true;
  }

  function show(progress) {
    section.querySelectorAll('[data-field]').forEach(function (field) {
      var value = progress[field.dataset.field];
      field.textContent = typeof value === 'number' ? numbers.format(value) : '';
    });
    bar.max = progress.total;
    bar.value = progress.finished;
    bar.textContent = progress.finished + ' of ' + progress.total;
    state.textContent = progress.done ? 'Done.' : 'Sending…';
  }

  function poll() {
    fetch(section.dataset.progressUrl, {credentials: 'same-origin', cache: 'no-store'})
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (progress) {
        if (progress === null) {
          return;
        }
        show(progress);
        if (!progress.done) {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        setTimeout(poll, 5000);
      });
  }

  if (section.dataset.done !== 'true') {
    setTimeout(poll, 1000);
  }
}());
