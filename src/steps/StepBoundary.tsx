// Whatever a step's view throws on (an answer shaped like nothing expected), the visitor gets a
// message and a way to try again instead of a blank widget; the header and Back keep working.
import { Component, type ComponentChildren } from 'preact';
import { RetryBox } from './Parts';

export class StepBoundary extends Component<{ children: ComponentChildren }, { failed?: boolean }> {
  override componentDidCatch(error: unknown) {
    console.error(error);
    this.setState({ failed: true });
  }

  render() {
    // Try again renders the step afresh; a fault that was passing (a half-read answer) is gone.
    return this.state.failed ? <RetryBox onRetry={() => this.setState({ failed: false })} message="confirm.orderErrors.bigLetter.server" /> : this.props.children;
  }
}
