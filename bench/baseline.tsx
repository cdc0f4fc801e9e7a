// The floor the bench compares the widget with: the same build, one Preact component, no data.
// Its markup matches what the bench waits for on the widget: a choice card in the step.
import { render } from 'preact';
import { useState } from 'preact/hooks';

function FirstChoice() {
  const [chosen, setChosen] = useState(false);
  return (
    <div class="bw-root" data-step="baseline">
      <section class="bw-step" aria-label="Baseline">
        <button type="button" class="bw-card" onClick={() => setChosen(true)}>
          {chosen ? 'Chosen' : 'Choose'}
        </button>
      </section>
    </div>
  );
}

render(<FirstChoice />, document.getElementById('booking-widget')!);
