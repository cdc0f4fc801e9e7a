// Demo host pages: the queued stub (calls made before widget.js ran are replayed) and a log of
// every event the host receives, shown on the page and kept in window.hostEvents for the tests.
// A file, not an inline script, so the strict-CSP page can use it too.
window.BookingWidget = window.BookingWidget || function () { (window.BookingWidget.q = window.BookingWidget.q || []).push(arguments); };
window.hostEvents = [];
(function () {
  var names = ['ready', 'step', 'booked', 'error', 'open', 'close'];
  var spaces = (document.documentElement.getAttribute('data-namespaces') || 'default').split(' ');
  spaces.forEach(function (ns) {
    names.forEach(function (name) {
      window.BookingWidget((ns === 'default' ? '' : ns + ':') + 'on', name, function (payload) {
        window.hostEvents.push({ ns: ns, event: name, payload: payload });
        var log = document.getElementById('host-events');
        if (log) log.textContent += ns + ' ' + name + ' ' + JSON.stringify(payload) + '\n';
      });
    });
  });
})();
