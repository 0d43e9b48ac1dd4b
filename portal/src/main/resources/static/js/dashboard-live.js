// The team dashboard: while an environment's operation runs (its card has data-in-flight), reads the dashboard again
// every 1.5 s and puts the fresh card of each busy environment in place of the old one, until none is busy; then
// drops a flash that announced an operation ("Stopping …") once that operation has ended. The environment page's
// live part (environment-live.js) works the same way.
(function () {
    'use strict';

    var POLL_MS = 1500;

    function busyCards() {
        return document.querySelectorAll('.env-card[data-in-flight]');
    }

    function schedule() {
        if (busyCards().length > 0) {
            window.setTimeout(poll, POLL_MS);
        }
    }

    function poll() {
        fetch(window.location.pathname, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
            .then(function (response) {
                return response.ok ? response.text() : null;
            })
            .then(function (html) {
                if (html) {
                    var fresh = new DOMParser().parseFromString(html, 'text/html');
                    // A signed-out session answers with the login page: no cards there, keep what is shown.
                    busyCards().forEach(function (card) {
                        var replacement = fresh.getElementById(card.id);
                        if (replacement) {
                            card.replaceWith(document.importNode(replacement, true));
                        }
                    });
                    dropEndedFlash();
                }
            })
            .catch(function () { /* try again on the next round */ })
            .then(schedule);
    }

    // The flash names its operation (data-operation); a card names the one it has in flight (data-in-flight).
    function dropEndedFlash() {
        var flash = document.querySelector('.flash[data-operation]');
        if (flash && !document.querySelector('.env-card[data-in-flight="' + flash.dataset.operation + '"]')) {
            flash.remove();
        }
    }

    document.addEventListener('DOMContentLoaded', schedule);
}());
