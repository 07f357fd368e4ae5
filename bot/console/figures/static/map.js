/* global L, document, fetch */
/**
 * The console's map: draws the commune, the neighbourhoods' approximate centres and the open
 * offers and needs per block, from the JSON at the container's `data-src` (no inline script:
 * the page's Content-Security-Policy allows only the bot's own files).
 */
(function () {
  'use strict';
  var element = document.getElementById('figures-map');
  if (!element || typeof L === 'undefined') return;
  var categories = JSON.parse(element.getAttribute('data-categories') || '{}');
  var texts = { offer: element.getAttribute('data-offers'), need: element.getAttribute('data-needs') };
  var tiles = element.getAttribute('data-tiles');

  var map = L.map(element, { scrollWheelZoom: false });
  if (tiles) {
    L.tileLayer(tiles, {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
    }).addTo(map);
  }
  map.setView([43.5833, 5.0017], 13);

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /** One marker per block and kind, its popup listing the categories (text only, never HTML). */
  function drawPoints(points, blockMeters) {
    var groups = {};
    points.forEach(function (point) {
      var key = point.kind + '|' + point.lat + '|' + point.lon;
      var group =
        groups[key] ||
        (groups[key] = { kind: point.kind, lat: point.lat, lon: point.lon, total: 0, lines: [] });
      group.total += point.count;
      group.lines.push(
        fill(texts[point.kind], {
          count: point.count,
          category: categories[point.category] || point.category,
        }),
      );
    });
    // Offers a little west of the block's centre, needs a little east, so both stay visible.
    var shift = blockMeters / 8 / (111320 * Math.cos((43.58 * Math.PI) / 180));
    Object.keys(groups).forEach(function (key) {
      var group = groups[key];
      var popup = document.createElement('ul');
      group.lines.forEach(function (line) {
        var item = document.createElement('li');
        item.textContent = line;
        popup.appendChild(item);
      });
      var lon = group.lon + (group.kind === 'offer' ? -shift : shift);
      L.circleMarker([group.lat, lon], {
        radius: 5 + Math.min(12, Math.sqrt(group.total) * 3),
        color: group.kind === 'offer' ? '#1b6e3a' : '#a8410b',
        fillColor: group.kind === 'offer' ? '#2e9e5b' : '#e0661f',
        fillOpacity: 0.75,
        weight: 2,
      })
        .bindPopup(popup)
        .addTo(map);
    });
  }

  fetch(element.getAttribute('data-src'), {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  })
    .then(function (response) {
      if (!response.ok) throw new Error('map data ' + response.status);
      return response.json();
    })
    .then(function (data) {
      var ring = data.boundary.map(function (pair) {
        return [pair[1], pair[0]];
      });
      var commune = L.polygon(ring, { color: '#35506b', weight: 2, fill: false, dashArray: '6 4' }).addTo(
        map,
      );
      map.fitBounds(commune.getBounds());
      data.neighbourhoods.forEach(function (place) {
        L.circleMarker([place.lat, place.lon], {
          radius: 4,
          color: place.followed ? '#1d3f8f' : '#555',
          fillColor: place.followed ? '#1d3f8f' : '#777',
          fillOpacity: 1,
          weight: 1,
        })
          .bindTooltip(place.name, { direction: 'top' })
          .addTo(map);
      });
      drawPoints(data.points, data.blockMeters);
      element.setAttribute('data-drawn', String(data.points.length));
    })
    .catch(function () {
      element.setAttribute('data-drawn', 'error');
    });
})();
