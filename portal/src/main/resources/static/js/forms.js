// A refused form (fragments/forms :: errorSummary): focus the list of problems first, so a screen reader reads it
// and Tab continues to its links; a link moves focus to its field, not only the scroll position.
// A fieldset with data-enabled-when="select=VALUE" is enabled only while that select has that value (settings the
// validator refuses together, e.g. role ARNs on a simulated account); the server renders the same state without JS.
(function () {
    'use strict';

    if (window.portalForms) {
        return; // included by more than one fragment of the page
    }
    window.portalForms = true;

    function followChoices() {
        document.querySelectorAll('fieldset[data-enabled-when]').forEach(function (fieldset) {
            var rule = fieldset.dataset.enabledWhen.split('=');
            var select = document.getElementById(rule[0]);
            if (!select) {
                return;
            }
            var update = function () {
                fieldset.disabled = select.value !== rule[1];
            };
            select.addEventListener('change', update);
            update();
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        followChoices();
        var summary = document.querySelector('.error-summary');
        if (!summary) {
            return;
        }
        summary.tabIndex = -1;
        summary.focus();
        summary.addEventListener('click', function (event) {
            var link = event.target.closest('a[href^="#"]');
            var field = link && document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
            if (field) {
                event.preventDefault();
                field.scrollIntoView({block: 'center'});
                field.focus();
            }
        });
    });
}());
