// Copy buttons for any page: <button class="copy" data-copy="ID"> copies the text of the element with that id (a
// one-time key, a client snippet, an endpoint). Served by the app (the CSP allows no inline script); without the
// clipboard API (plain HTTP, a portal reached by IP) it selects the text for Ctrl+C instead.
(function () {
    'use strict';

    document.addEventListener('click', function (event) {
        var button = event.target.closest('button.copy');
        if (!button) {
            return;
        }
        var source = document.getElementById(button.dataset.copy);
        if (!source) {
            return;
        }
        var selectInstead = function () {
            var range = document.createRange();
            range.selectNodeContents(source);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            button.textContent = 'Selected: press Ctrl+C';
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(source.textContent).then(function () {
                button.textContent = 'Copied';
            }, selectInstead);
        } else {
            selectInstead();
        }
    });
}());
