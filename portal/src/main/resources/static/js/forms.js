// A refused form (fragments/forms :: errorSummary): focus the list of problems first, so a screen reader reads it
// and Tab continues to its links; a link moves focus to its field, not only the scroll position. Each error beside a
// field is tied to that field: the field is marked invalid and names the error (aria-describedby), so a screen
// reader reads the message when the field gets focus, not only the summary.
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

    var CONTROL = 'input:not([type="hidden"]), select, textarea';

    // The control an error message belongs to: the one in its field box (a .field, or a table cell of row fields),
    // or the field just before it (a checkbox's error sits after its box), or else the first of its group (the
    // choices of a fieldset, e.g. where an API key works).
    function controlOf(error) {
        var box = error.closest('.field, td');
        if (!box && error.previousElementSibling && error.previousElementSibling.matches('.field')) {
            box = error.previousElementSibling;
        }
        box = box || error.closest('fieldset');
        return box ? box.querySelector(CONTROL) : null;
    }

    function tieErrors() {
        document.querySelectorAll('.field-error').forEach(function (error, index) {
            var control = controlOf(error);
            if (!control) {
                return;
            }
            if (!error.id) {
                error.id = (control.id || 'field') + '-error-' + index;
            }
            var described = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
            if (described.indexOf(error.id) < 0) {
                described.push(error.id);
            }
            control.setAttribute('aria-describedby', described.join(' '));
            control.setAttribute('aria-invalid', 'true');
        });
    }

    // A summary link names its field by the id th:field gives it (windows[2].end becomes windows2.end); where the
    // control's id differs (a checkbox gets name1) the link goes to the first control of that name instead.
    function linkSummary(summary) {
        summary.querySelectorAll('a[href^="#"]').forEach(function (link) {
            var id = decodeURIComponent(link.getAttribute('href').slice(1));
            if (document.getElementById(id)) {
                return;
            }
            var control = document.querySelector('[name="' + CSS.escape(id) + '"]');
            if (control && control.id) {
                link.setAttribute('href', '#' + control.id);
            }
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        followChoices();
        tieErrors();
        var summary = document.querySelector('.error-summary');
        if (!summary) {
            return;
        }
        linkSummary(summary);
        summary.focus();
        summary.addEventListener('click', function (event) {
            var link = event.target.closest('a[href^="#"]');
            var field = link && document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
            if (field) {
                event.preventDefault();
                field.scrollIntoView({block: 'center'});
                (field.matches(CONTROL) ? field : field.querySelector(CONTROL) || field).focus();
            }
        });
    });
}());
