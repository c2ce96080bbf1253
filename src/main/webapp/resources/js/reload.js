// Progress without a framework: a page with an element marked data-reload-after-ms (a Sync Products that is still
// running) loads itself again after that many milliseconds. A static file, so the pages' Content-Security-Policy
// needs no 'unsafe-inline'.
document.addEventListener('DOMContentLoaded', function () {
    var marked = document.querySelector('[data-reload-after-ms]');
    if (marked) {
        setTimeout(function () { window.location.reload(); }, Number(marked.getAttribute('data-reload-after-ms')));
    }
});
