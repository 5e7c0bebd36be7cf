/* Progressive enhancement for the sociale kaart: a Leaflet map of the results (clustered markers)
   and of a single place. Without JavaScript or without tiles the list and the page still work;
   the map is keyboard-usable (Leaflet's arrow keys, +/- and tabbable markers). */
(function () {
  "use strict";

  function baseLayer(map, element) {
    var url = element.getAttribute("data-tiles");
    if (url) {
      L.tileLayer(url, { maxZoom: 19, attribution: element.getAttribute("data-attribution") || "" }).addTo(map);
    }
  }

  function markerFor(feature, latlng) {
    var marker = L.marker(latlng, { title: feature.properties.name, alt: feature.properties.name, keyboard: true });
    var link = document.createElement("a");
    link.href = feature.properties.url;
    link.textContent = feature.properties.name;
    marker.bindPopup(link);
    return marker;
  }

  function resultsMap(element) {
    var map = L.map(element, { keyboard: true, scrollWheelZoom: false, maxZoom: 19 }).setView([52.4, 6.3], 9);
    baseLayer(map, element);
    fetch(element.getAttribute("data-geojson"), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.features.length) { return; }
        var cluster = L.markerClusterGroup({ showCoverageOnHover: false });
        L.geoJSON(data, { pointToLayer: markerFor }).eachLayer(function (layer) { cluster.addLayer(layer); });
        map.addLayer(cluster);
        map.fitBounds(cluster.getBounds(), { padding: [20, 20], maxZoom: 14 });
      })
      .catch(function (error) {
        // The list below the map has the same places; keep the reason for whoever debugs this.
        element.setAttribute("data-error", String(error));
      });
  }

  function placeMap(element) {
    var latlng = [parseFloat(element.getAttribute("data-lat")), parseFloat(element.getAttribute("data-lon"))];
    var map = L.map(element, { keyboard: true, scrollWheelZoom: false, maxZoom: 19 }).setView(latlng, 14);
    baseLayer(map, element);
    L.marker(latlng, { title: element.getAttribute("data-name"), alt: element.getAttribute("data-name") }).addTo(map);
  }

  function init(root) {
    if (typeof L === "undefined") { return; }
    var maps = (root || document).querySelectorAll(".directory-map:not([data-ready])");
    Array.prototype.forEach.call(maps, function (element) {
      element.setAttribute("data-ready", "1");
      element.hidden = false;
      element.setAttribute("role", "region");
      element.setAttribute("tabindex", "0");
      if (element.hasAttribute("data-geojson")) { resultsMap(element); } else { placeMap(element); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
})();
