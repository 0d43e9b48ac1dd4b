// The "add a member" picker: as the owner types (2 characters or more) it asks the team's candidates endpoint for
// the matching accounts (at most 10) and lists them under the field, an ARIA combobox: arrows move, Enter or a click
// picks, Escape closes. Without this file the field takes an exact username, as before.
(function () {
    'use strict';

    var MIN_QUERY = 2;
    var DELAY_MS = 150;

    var input = document.querySelector('input[data-suggestions]');
    var list = document.getElementById('member-suggestions');
    if (!input || !list) {
        return;
    }
    var timer = null;
    var latest = null;
    var active = -1;

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');

    function options() {
        return Array.prototype.slice.call(list.querySelectorAll('[role=option]'));
    }

    function close() {
        list.hidden = true;
        input.setAttribute('aria-expanded', 'false');
        input.removeAttribute('aria-activedescendant');
        active = -1;
    }

    function highlight(index) {
        var all = options();
        active = index;
        all.forEach(function (option, i) {
            option.setAttribute('aria-selected', i === index ? 'true' : 'false');
        });
        if (index >= 0 && all[index]) {
            input.setAttribute('aria-activedescendant', all[index].id);
            all[index].scrollIntoView({block: 'nearest'});
        } else {
            input.removeAttribute('aria-activedescendant');
        }
    }

    function pick(option) {
        input.value = option.dataset.username;
        close();
        input.focus();
    }

    function show(people) {
        list.textContent = '';
        people.forEach(function (person, i) {
            var option = document.createElement('li');
            option.id = 'member-suggestion-' + i;
            option.setAttribute('role', 'option');
            option.setAttribute('aria-selected', 'false');
            option.dataset.username = person.username;
            option.textContent = person.username;
            if (person.email) {
                var email = document.createElement('span');
                email.className = 'muted';
                email.textContent = ' ' + person.email;
                option.appendChild(email);
            }
            list.appendChild(option);
        });
        if (people.length === 0) {
            close();
            return;
        }
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        highlight(-1);
    }

    function lookUp() {
        var query = input.value.trim();
        if (query.length < MIN_QUERY) {
            latest = null;
            close();
            return;
        }
        var url = input.dataset.suggestions + '?q=' + encodeURIComponent(query);
        var request = fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
        latest = request;
        request
            .then(function (response) {
                return response.ok ? response.json() : [];
            })
            .then(function (people) {
                // Only the answer to what is typed now counts: an earlier, slower one must not replace it.
                if (latest === request) {
                    show(Array.isArray(people) ? people : []);
                }
            })
            .catch(function () { /* typing the exact username still works */ });
    }

    input.addEventListener('input', function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(lookUp, DELAY_MS);
    });

    input.addEventListener('keydown', function (event) {
        var count = options().length;
        if (list.hidden || count === 0) {
            return;
        }
        if (event.key === 'ArrowDown') {
            event.preventDefault();
            highlight((active + 1) % count);
        } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            highlight(active <= 0 ? count - 1 : active - 1);
        } else if (event.key === 'Enter' && active >= 0) {
            event.preventDefault();
            pick(options()[active]);
        } else if (event.key === 'Escape') {
            event.preventDefault();
            close();
        }
    });

    // A press on a suggestion must not blur the field first (which would close the list under the pointer).
    list.addEventListener('mousedown', function (event) {
        event.preventDefault();
    });
    list.addEventListener('click', function (event) {
        var option = event.target.closest('[role=option]');
        if (option) {
            pick(option);
        }
    });
    input.addEventListener('blur', close);
}());
