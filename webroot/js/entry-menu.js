// The ⋯ menu of a timeline entry is a <details> element, which opens and closes by itself
// without this script. This adds what people expect of a menu: Escape closes it and gives the
// focus back to its ⋯ button, and a click elsewhere on the page closes any open menu.
(function () {
  'use strict';
  var menus = document.querySelectorAll('details.entry-menu');
  if (menus.length === 0) {
    return;
  }

  function closeAll(except) {
    menus.forEach(function (menu) {
      if (menu !== except) {
        menu.open = false;
      }
    });
  }

  menus.forEach(function (menu) {
    menu.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
    });
    menu.addEventListener('toggle', function () {
      if (menu.open) {
        closeAll(menu);
      }
    });
  });
  document.addEventListener('click', function (event) {
    closeAll(event.target.closest('details.entry-menu'));
  });
}());
