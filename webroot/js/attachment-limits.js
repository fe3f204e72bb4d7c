// Files over the attachment limits are named before anything is uploaded: for every file field
// with data-max-file and data-max-message, in the page's own words (data-file-too-large with
// {name}, data-message-too-large). The server checks the same limits; pages work without this.
(function () {
  'use strict';

  function problem(files) {
    var maxFile = Number(files.dataset.maxFile);
    var maxMessage = Number(files.dataset.maxMessage);
    var total = 0;
    for (var i = 0; i < files.files.length; i++) {
      var file = files.files[i];
      if (file.size > maxFile) {
        return files.dataset.fileTooLarge.split('{name}').join(file.name);
      }
      total += file.size;
    }
    return total > maxMessage ? files.dataset.messageTooLarge : null;
  }

  function check(files) {
    var found = problem(files);
    var error = document.getElementById(files.id + '-error');
    if (error) {
      error.textContent = found || '';
      error.hidden = !found;
    }
    files.setAttribute('aria-invalid', found ? 'true' : 'false');
    return !found;
  }

  document.querySelectorAll('input[type=file][data-max-file]').forEach(function (files) {
    files.addEventListener('change', function () {
      check(files);
    });
    files.form.addEventListener('submit', function (event) {
      if (!check(files)) {
        event.preventDefault();
        files.focus();
      }
    });
  });
}());
