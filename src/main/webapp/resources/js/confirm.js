// Asks before an action that cannot be undone: a button with a data-confirm text submits its form only when the
// admin agrees. A static file, so the pages' Content-Security-Policy needs no 'unsafe-inline'.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-confirm]');
    if (button && !window.confirm(button.getAttribute('data-confirm'))) {
        event.preventDefault();
    }
});
