// Hotline lookup: results as the operator types, without reloading the page. Without this script the form is a
// plain GET to /hotline, which renders the same list on the server.
(function () {
  'use strict';
  var input = document.getElementById('hotline-q');
  var list = document.getElementById('hotline-results');
  var status = document.getElementById('hotline-status');
  if (!input || !list || !status || !window.fetch || !window.AbortController) {
    return;
  }

  var delayMs = 200;
  var timer = 0;
  var inFlight = null;
  var shown = input.value.trim();

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function wan(amount) {
    return amount.toLocaleString('zh-CN', { maximumFractionDigits: 4 }) + '\u00a0万元';
  }

  function fact(facts, term, value) {
    facts.appendChild(element('dt', null, term));
    facts.appendChild(element('dd', null, value));
  }

  // The places a query names where nothing is listed, each with its county's page (as the server renders them).
  function renderPlaces(places) {
    var shownPlaces = document.getElementById('hotline-places');
    if (shownPlaces) {
      shownPlaces.remove();
    }
    places.forEach(function (p) {
      var item = element('li', 'hotline-place');
      var link = element('a', null, p.name);
      link.href = p.url;
      item.appendChild(link);
      item.appendChild(document.createTextNode('（' + p.level + '）：没有列出的项目。所在县：'));
      var county = element('a', 'county-page', p.county);
      county.href = p.countyUrl;
      item.appendChild(county);
      list.appendChild(item);
    });
  }

  function render(body) {
    var results = body.results;
    list.textContent = '';
    results.forEach(function (r) {
      var item = element('li');
      var link = element('a', 'hotline-result');
      link.href = r.url;
      link.appendChild(element('span', 'hotline-code code', r.code));
      link.appendChild(element('span', 'hotline-name', r.name));
      item.appendChild(link);
      var facts = element('dl', 'hotline-facts');
      fact(facts, '地点', r.places.length ? r.places.map(function (p) { return p.name; }).join('、') : '未注明');
      fact(facts, '县市', r.county);
      fact(facts, '金额', wan(r.amountWan));
      fact(facts, '责任单位', r.responsibleUnit || '未注明');
      fact(facts, '匹配', r.matchedOn);
      item.appendChild(facts);
      list.appendChild(item);
    });
    renderPlaces(body.nothingListedAt || []);
    status.textContent = results.length
      ? '找到 ' + results.length + ' 个项目（最多显示 20 个，最相关的在前）。'
      : body.message;
  }

  function search(query) {
    if (query === shown) {
      return;
    }
    shown = query;
    if (inFlight) {
      inFlight.abort();
    }
    // The address follows the box, so that reloading or sharing it shows the same results.
    history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
    if (!query) {
      list.textContent = '';
      renderPlaces([]);
      status.textContent = '';
      return;
    }
    var controller = new AbortController();
    inFlight = controller;
    fetch('/api/v1/lookup?q=' + encodeURIComponent(query), { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            throw new Error((body.errors && body.errors.q && body.errors.q[0]) || '查询出错，请稍后再试。');
          }
          return body;
        });
      })
      .then(function (body) {
        if (inFlight === controller) {
          render(body);
        }
      })
      .catch(function (error) {
        if (error.name !== 'AbortError' && inFlight === controller) {
          list.textContent = '';
          status.textContent = error.message;
        }
      });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value.trim()); }, delayMs);
  });

  // ↓ from the box enters the results; ↑ ↓ move between them; Esc (or ↑ from the first) goes back to the box.
  input.addEventListener('keydown', function (event) {
    var first = list.querySelector('a.hotline-result');
    if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      first.focus();
    }
  });
  list.addEventListener('keydown', function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll('a.hotline-result'));
    var index = links.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }
    if (event.key === 'ArrowDown' && index < links.length - 1) {
      event.preventDefault();
      links[index + 1].focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (index === 0 ? input : links[index - 1]).focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
    }
  });
})();
