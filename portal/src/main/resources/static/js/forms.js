// A refused form (fragments/forms :: errorSummary): focus the list of problems first, so a screen reader reads it
// and Tab continues to its links; a link moves focus to its field, not only the scroll position.
(function () {
    'use strict';

    document.addEventListener('DOMContentLoaded', function () {
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
