// The API key pages: copy buttons for the one-time key and its snippets, a confirmation before revoking or
// rolling, and the environment checkboxes enabled only when "Only these environments" is chosen.
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
            selectText(source);
            button.textContent = 'Selected: press Ctrl+C';
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(source.textContent).then(function () {
                button.textContent = 'Copied';
            }, selectInstead);
        } else {
            // Plain HTTP (a portal reached by IP): no clipboard API; select the text for Ctrl+C instead.
            selectInstead();
        }
    });

    function selectText(element) {
        var range = document.createRange();
        range.selectNodeContents(element);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
            event.preventDefault();
        }
    });

    function syncScope() {
        var selected = document.getElementById('scope-selected');
        if (!selected) {
            return;
        }
        document.querySelectorAll('input[name="environmentIds"]').forEach(function (box) {
            box.disabled = !selected.checked;
        });
    }

    document.addEventListener('change', function (event) {
        if (event.target.name === 'scope') {
            syncScope();
        }
    });

    document.addEventListener('DOMContentLoaded', syncScope);
}());
