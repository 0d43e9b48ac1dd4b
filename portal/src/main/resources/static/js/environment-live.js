// The environment page: keeps its live part (#live) current while an operation runs, without reloading the page,
// drops a flash that announced an operation ("Provision started") once that operation has ended, enables
// "Deprovision" only once the environment's name is typed, and copies the mcp.json snippet.
(function () {
    'use strict';

    var POLL_MS = 1500;

    function schedule() {
        var live = document.getElementById('live');
        if (live && live.dataset.active === 'true') {
            window.setTimeout(poll, POLL_MS);
        }
    }

    function poll() {
        var live = document.getElementById('live');
        if (!live) {
            return;
        }
        fetch(live.dataset.url, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
            .then(function (response) {
                return response.ok ? response.text() : null;
            })
            .then(function (html) {
                if (html) {
                    var template = document.createElement('template');
                    template.innerHTML = html.trim();
                    // A signed-out session answers with the login page: no #live there, keep what is shown.
                    var fresh = template.content.querySelector('#live');
                    if (fresh) {
                        live.replaceWith(fresh);
                        dropEndedFlash();
                        guardConfirmations();
                    }
                }
            })
            .catch(function () { /* try again on the next round */ })
            .then(schedule);
    }

    // The flash names its operation (data-operation); the live part names the one in flight (data-in-flight).
    function dropEndedFlash() {
        var live = document.getElementById('live');
        var flash = document.querySelector('.flash[data-operation]');
        if (live && flash && live.dataset.inFlight !== flash.dataset.operation) {
            flash.remove();
        }
    }

    function guardConfirmations() {
        document.querySelectorAll('form.confirm-name').forEach(function (form) {
            var input = form.querySelector('input[name="confirmName"]');
            var button = form.querySelector('button[type="submit"]');
            var update = function () {
                button.disabled = input.value.trim() !== form.dataset.name;
            };
            input.addEventListener('input', update);
            update();
        });
    }

    // Only when polling sees the operation end: on load the message is the answer to the button just pressed, and
    // stays readable even when a quick operation has already finished.
    document.addEventListener('DOMContentLoaded', function () {
        guardConfirmations();
        schedule();
    });
}());
