// Before the first paint: shows the prerendered screen the address asks for (index.html holds the home page and each
// start page, made at build time by scripts/prerender-plugin.ts); the app replaces it when it starts. A classic script
// from the app's own origin, so the Content-Security-Policy allows it, and fetched beside the stylesheet that already
// holds the first paint back.
(function () {
  var pre = document.querySelector('#app > .prerendered');
  var route = location.hash.replace(/^#/, '');
  if (!pre || !route) return;
  var sections = pre.children;
  for (var i = 0; i < sections.length; i++) {
    if (sections[i].getAttribute('data-route') === route) {
      pre.className += ' prerendered-route';
      sections[i].className += ' prerendered-current';
      return;
    }
  }
})();
