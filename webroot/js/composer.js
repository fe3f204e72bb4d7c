// The composer without reloads: the preview follows what is typed, and files over the limits
// are named before anything is uploaded. The page works the same without this script.
(function () {
  'use strict';
  var form = document.querySelector('form.composer');
  if (!form) {
    return;
  }
  var preview = document.getElementById('preview-content');
  var files = document.getElementById('attachments');
  var fileError = document.getElementById('attachments-error');
  var timer = null;

  function fields() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') {
        params.append(name, value);
      }
    });
    return params;
  }

  function refresh() {
    fetch(form.dataset.preview, {method: 'POST', body: fields(), credentials: 'same-origin'})
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null) {
          // Rendered by the server from escaped text, like the page itself.
          preview.innerHTML = html;
        }
      })
      .catch(function () { /* The Preview button still works. */ });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  }

  function megabytes(bytes) {
    return Math.round(bytes / 1048576) + ' MB';
  }

  function fileProblem() {
    var maxFile = Number(files.dataset.maxFile);
    var maxMessage = Number(files.dataset.maxMessage);
    var total = 0;
    for (var i = 0; i < files.files.length; i++) {
      var file = files.files[i];
      if (file.size > maxFile) {
        return '‘' + file.name + '’ is larger than ' + megabytes(maxFile)
          + ': attach at most ' + megabytes(maxFile) + ' per file';
      }
      total += file.size;
    }
    if (total > maxMessage) {
      return 'Together the attachments are larger than ' + megabytes(maxMessage)
        + ': attach at most ' + megabytes(maxMessage) + ' per message';
    }
    return null;
  }

  function checkFiles() {
    var problem = fileProblem();
    fileError.textContent = problem || '';
    fileError.hidden = !problem;
    files.setAttribute('aria-invalid', problem ? 'true' : 'false');
    return !problem;
  }

  ['to', 'cc', 'bcc', 'subject', 'body'].forEach(function (id) {
    var field = document.getElementById(id);
    if (field) {
      field.addEventListener('input', later);
    }
  });
  form.addEventListener('change', function (event) {
    if (event.target === files) {
      checkFiles();
    } else if (event.target.name === 'attachment_id') {
      later();
    }
  });
  form.addEventListener('submit', function (event) {
    if (files && !checkFiles()) {
      event.preventDefault();
      files.focus();
    }
  });
}());
