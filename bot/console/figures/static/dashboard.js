/* global Chart, document, fetch */
/**
 * The dashboard's charts, drawn from the JSON at `#figures-dashboard[data-src]`; the tables
 * under each chart hold the same figures for anyone who cannot see it.
 */
(function () {
  'use strict';
  var holder = document.getElementById('figures-dashboard');
  if (!holder || typeof Chart === 'undefined') return;
  var labels = JSON.parse(holder.getAttribute('data-labels') || '{}');
  var colours = { needs: '#e0661f', offers: '#2e9e5b', matches: '#1d3f8f', first: '#7a4fa0' };

  function bars(id, rows, series, axis) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: rows.map(function (row) {
          return row.name;
        }),
        datasets: series.map(function (serie) {
          return {
            label: serie.label,
            backgroundColor: serie.colour,
            data: rows.map(serie.value),
          };
        }),
      },
      options: {
        responsive: true,
        animation: false,
        scales: { y: { beginAtZero: true, title: { display: Boolean(axis), text: axis || '' } } },
      },
    });
  }

  function minutes(ms) {
    return ms === null ? null : Math.round(ms / 60000);
  }

  var counts = [
    {
      label: labels.needs,
      colour: colours.needs,
      value: function (row) {
        return row.needs;
      },
    },
    {
      label: labels.offers,
      colour: colours.offers,
      value: function (row) {
        return row.offers;
      },
    },
    {
      label: labels.matches,
      colour: colours.matches,
      value: function (row) {
        return row.matches;
      },
    },
  ];

  fetch(holder.getAttribute('data-src'), {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  })
    .then(function (response) {
      if (!response.ok) throw new Error('dashboard data ' + response.status);
      return response.json();
    })
    .then(function (week) {
      bars('chart-category', week.byCategory, counts);
      bars('chart-neighbourhood', week.byNeighbourhood, counts);
      bars(
        'chart-delays',
        week.byNeighbourhood,
        [
          {
            label: labels.medianMatch,
            colour: colours.matches,
            value: function (row) {
              return minutes(row.medianMatchMs);
            },
          },
          {
            label: labels.medianFirstAnswer,
            colour: colours.first,
            value: function (row) {
              return minutes(row.medianFirstAnswerMs);
            },
          },
        ],
        labels.minutes,
      );
      holder.setAttribute('data-drawn', 'true');
    })
    .catch(function () {
      holder.setAttribute('data-drawn', 'error');
    });
})();
