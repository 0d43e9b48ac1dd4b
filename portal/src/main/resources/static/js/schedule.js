// Schedule pages: remember the viewer's time zone (so the server can show times in it), and add window or exception
// rows without a round trip. Without JavaScript the pages still work: they offer blank rows and show the schedule's zone.
(function () {
    'use strict';

    var COOKIE = 'portal_tz';

    function cookie(name) {
        var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
        return match ? decodeURIComponent(match[1]) : null;
    }

    function rememberViewerZone() {
        var zone;
        try {
            zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        } catch (e) {
            return;
        }
        if (!zone) {
            return;
        }
        if (cookie(COOKIE) !== zone) {
            document.cookie = COOKIE + '=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax';
        }
        var page = document.getElementById('schedule-page');
        // Rendered without the zone (first visit): show it once more with it, unless cookies do not stick.
        if (page && page.dataset.viewerZone !== zone && cookie(COOKIE) === zone
                && sessionStorage.getItem('portal-tz-reloaded') !== zone) {
            sessionStorage.setItem('portal-tz-reloaded', zone);
            window.location.reload();
        }
    }

    function addRow(button) {
        var body = document.querySelector('#' + button.dataset.rows + ' tbody');
        var last = body.querySelector('tr:last-child');
        if (!last) {
            return;
        }
        var index = body.querySelectorAll('tr').length;
        var row = last.cloneNode(true);
        row.querySelectorAll('input, select, label, p.field-error').forEach(function (element) {
            ['name', 'id', 'for'].forEach(function (attribute) {
                var value = element.getAttribute(attribute);
                if (value) {
                    element.setAttribute(attribute, value.replace(/\[\d+]/, '[' + index + ']').replace(/(\D)\d+(\.)/, '$1' + index + '$2'));
                }
            });
            if (element.matches('p.field-error')) {
                element.remove();
            } else if (element.type === 'checkbox') {
                element.checked = false;
            } else if (element.type === 'hidden') {
                // Spring's checkbox marker keeps its value.
            } else if (element.tagName === 'SELECT') {
                element.selectedIndex = 0;
            } else if (element.tagName === 'INPUT') {
                element.value = '';
            }
        });
        row.querySelectorAll('.has-error').forEach(function (cell) {
            cell.classList.remove('has-error');
        });
        body.appendChild(row);
        var first = row.querySelector('select, input[type=text]');
        if (first) {
            first.focus();
        }
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest('button.add-row');
        if (button) {
            addRow(button);
        }
    });

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('.js-only').forEach(function (element) {
            element.hidden = false;
        });
        rememberViewerZone();
    });
}());
