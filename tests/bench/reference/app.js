/*
 * The template's script, following its structure: build the header and the chapters from `config`,
 * create the map at once, and once it has loaded, fly to a chapter's location when it crosses the
 * middle of the screen. Differences, none of which touch the load: the template's scrollama is an
 * IntersectionObserver with the same trigger line (offset 0.5); text goes in with textContent
 * instead of innerHTML; `data-step`, `aria-current` and `maplibreMap` let the benchmark's probe
 * see the steps and the map as it sees the story's own.
 */
/* global maplibregl, config */
var layerTypes = { fill: ['fill-opacity'], line: ['line-opacity'], circle: ['circle-opacity', 'circle-stroke-opacity'] };

function setLayerOpacity(layer) {
  var paintProps = layerTypes[map.getLayer(layer.layer).type] || [];
  paintProps.forEach(function (prop) {
    map.setPaintProperty(layer.layer, prop, layer.opacity);
  });
}

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

var story = document.getElementById('story');
var features = el('div');
features.setAttribute('id', 'features');
var header = el('div');
if (config.title) header.appendChild(el('h1', '', config.title));
if (config.subtitle) header.appendChild(el('h2', '', config.subtitle));
if (config.byline) header.appendChild(el('p', '', config.byline));
if (header.childElementCount > 0) {
  header.classList.add(config.theme);
  header.setAttribute('id', 'header');
  story.appendChild(header);
}
config.chapters.forEach(function (record, idx) {
  var container = el('div');
  var chapter = el('div');
  if (record.title) chapter.appendChild(el('h3', '', record.title));
  record.description.split('\n\n').forEach(function (paragraph) {
    chapter.appendChild(el('p', '', paragraph));
  });
  container.setAttribute('id', record.id);
  container.setAttribute('data-step', record.id);
  container.classList.add('step');
  if (idx === 0) container.classList.add('active');
  chapter.classList.add(config.theme);
  container.appendChild(chapter);
  container.classList.add(record.alignment || 'centered');
  features.appendChild(container);
});
story.appendChild(features);
var footer = el('div');
if (config.footer) footer.appendChild(el('p', '', config.footer));
if (footer.childElementCount > 0) {
  footer.classList.add(config.theme);
  footer.setAttribute('id', 'footer');
  story.appendChild(footer);
}

var first = config.chapters[0].location;
var map = new maplibregl.Map({
  container: 'map',
  style: config.style,
  center: first.center,
  zoom: first.zoom,
  bearing: first.bearing,
  pitch: first.pitch,
  interactive: false,
});
var host = document.getElementById('map');
host.classList.add('sm-map__canvas');
host.maplibreMap = map;
// The probe watches the DOM for the map: give it a mutation after the property is set.
host.appendChild(document.createComment('map'));

map.on('load', function () {
  var observer = new IntersectionObserver(
    function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        var chapter = config.chapters.find(function (chap) {
          return chap.id === entry.target.id;
        });
        document.querySelectorAll('.step.active').forEach(function (s) {
          s.classList.remove('active');
          s.removeAttribute('aria-current');
        });
        entry.target.classList.add('active');
        entry.target.setAttribute('aria-current', 'step');
        map[chapter.mapAnimation || 'flyTo'](chapter.location);
        host.dataset.mapStep = chapter.id;
        (chapter.onChapterEnter || []).forEach(setLayerOpacity);
      });
    },
    { rootMargin: '-50% 0px -50% 0px' },
  );
  document.querySelectorAll('.step').forEach(function (step) {
    observer.observe(step);
  });
});
