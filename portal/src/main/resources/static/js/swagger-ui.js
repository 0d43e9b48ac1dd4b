// Swagger UI's page (see api/SwaggerUiPage): names the controls Swagger UI draws without one, and lets a keyboard
// reach the example boxes that scroll, each time Swagger UI draws them (it redraws as operations open and close).
(function () {
    'use strict';

    function name(element, label) {
        if (!element.hasAttribute('aria-label')) {
            element.setAttribute('aria-label', label);
        }
    }

    function fix(root) {
        root.querySelectorAll('select#servers').forEach(function (select) {
            name(select, 'Server');
        });
        // An object-valued query parameter's example, shown read-only (try it out is off): named after its parameter
        root.querySelectorAll('.parameters textarea').forEach(function (textarea) {
            var row = textarea.closest('tr');
            var parameter = row && row.querySelector('.parameter__name');
            name(textarea, (parameter ? parameter.textContent.replace('*', '').trim() + ': ' : '') + 'example value');
        });
        root.querySelectorAll('.highlight-code > pre, pre.microlight').forEach(function (pre) {
            if (!pre.hasAttribute('tabindex')) {
                pre.setAttribute('tabindex', '0');
            }
        });
    }

    var page = document.getElementById('swagger-ui');
    if (page) {
        fix(page);
        new MutationObserver(function () {
            fix(page);
        }).observe(page, {childList: true, subtree: true});
    }
}());
