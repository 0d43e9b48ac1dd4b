// Tells the audit pages the browser's time zone: fills the hidden "browserZone" field so filters are read and
// times shown in the viewer's zone, and on a first visit (no zone in the URL yet) reloads once with it.
(function () {
    var field = document.getElementById('browser-zone');
    var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!field || !zone) {
        return;
    }
    field.value = zone;
    if (field.getAttribute('data-reload') === 'true') {
        var params = new URLSearchParams(window.location.search);
        params.set('browserZone', zone);
        window.location.replace(window.location.pathname + '?' + params.toString());
    }
})();
