// The environment cost page's what-if: the form works as a plain GET without this file. With it, changing any
// choice fetches the same page for the new choices and swaps in its result (the form stays, so nothing the user is
// choosing is replaced under their hands), and the address follows, so reloading or sharing shows the same.
(function () {
    'use strict';

    var pending = null;

    function form() {
        return document.getElementById('what-if-form');
    }

    function urlFor(theForm) {
        var params = new URLSearchParams(new FormData(theForm));
        return theForm.getAttribute('action') + '?' + params.toString();
    }

    function refresh() {
        var theForm = form();
        if (!theForm) {
            return;
        }
        var url = urlFor(theForm);
        var request = fetch(url, {credentials: 'same-origin', headers: {'Accept': 'text/html'}});
        pending = request;
        request
            .then(function (response) {
                return response.ok ? response.text() : null;
            })
            .then(function (html) {
                // Only the latest answer counts: an earlier, slower one must not overwrite it.
                if (!html || pending !== request) {
                    return;
                }
                var template = document.createElement('template');
                template.innerHTML = html.trim();
                // A signed-out session answers with the login page: no result there, keep what is shown.
                var fresh = template.content.querySelector('#what-if-result');
                var current = document.getElementById('what-if-result');
                if (fresh && current) {
                    current.replaceWith(fresh);
                    window.history.replaceState(null, '', url);
                }
            })
            .catch(function () { /* the Estimate button still works */ });
    }

    var theForm = form();
    if (theForm) {
        theForm.addEventListener('change', refresh);
        theForm.addEventListener('submit', function (event) {
            event.preventDefault();
            refresh();
        });
    }
}());
