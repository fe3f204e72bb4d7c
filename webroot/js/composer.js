// The composer without reloads: the preview follows what is typed (files over the limits are
// named by attachment-limits.js). The page works the same without this script.
(function () {
  'use strict';
  var form = document.querySelector('form.composer');
  if (!form) {
    return;
  }
  var preview = document.getElementById('preview-content');
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

  ['to', 'cc', 'bcc', 'subject', 'body'].forEach(function (id) {
    var field = document.getElementById(id);
    if (field) {
      field.addEventListener('input', later);
    }
  });
  form.addEventListener('change', function (event) {
    if (event.target.name === 'attachment_id') {
      later();
    }
  });
}());
