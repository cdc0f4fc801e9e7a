// `import 'altegio-booking-widget/element'`: registers <booking-widget> when imported in a
// browser; during server rendering (no customElements) it does nothing, so it is safe to import
// anywhere.
import { defineBookingWidget } from './element';

if (typeof customElements !== 'undefined') defineBookingWidget();
