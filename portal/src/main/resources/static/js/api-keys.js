// The API key pages: a confirmation before revoking or rolling, and the environment checkboxes enabled only when
// "Only these environments" is chosen (copy buttons: copy.js).
(function () {
    'use strict';

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
