// A page that refreshes itself in place (the Dashboard): every so often it presses the button marked
// data-refresh-every-ms, whose ajax request updates the figures without reloading the page. Not while the tab is
// hidden, so a forgotten tab costs the server nothing. A static file, so the pages' Content-Security-Policy needs no
// 'unsafe-inline'.
document.addEventListener('DOMContentLoaded', function () {
    var marked = document.querySelector('[data-refresh-every-ms]');
    if (marked) {
        setInterval(function () {
            if (!document.hidden) {
                document.getElementById(marked.id).click();
            }
        }, Number(marked.getAttribute('data-refresh-every-ms')));
    }
});
