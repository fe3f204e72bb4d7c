// The overview's selection with fewer round trips: a box in the header ticks or unticks every
// row of the page, and the count of selected cases follows the ticks. The buttons of the form
// do the same without this script.
(function () {
  'use strict';
  var form = document.getElementById('selection');
  if (!form) {
    return;
  }
  var pickPage = form.querySelector('.pick-page');
  var rows = form.querySelectorAll('input[name=case_id]');
  var count = form.querySelector('.chosen-count');
  var numbers = new Intl.NumberFormat('en-GB');
  var initial = Number(count.textContent.replace(/[^0-9]/g, ''));
  var ticked = Array.prototype.filter.call(rows, function (row) { return row.checked; }).length;

  function refresh() {
    var now = Array.prototype.filter.call(rows, function (row) { return row.checked; }).length;
    count.textContent = numbers.format(initial - ticked + now);
    pickPage.checked = rows.length > 0 && now === rows.length;
    pickPage.indeterminate = now > 0 && now < rows.length;
  }

  if (rows.length > 0) {
    pickPage.hidden = false;
    pickPage.addEventListener('change', function () {
      rows.forEach(function (row) {
        row.checked = pickPage.checked;
      });
      refresh();
    });
    rows.forEach(function (row) {
      row.addEventListener('change', refresh);
    });
    refresh();
  }
}());
