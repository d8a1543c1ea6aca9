/** How each kind of case ended (ok, or the error codes), to show what a run actually reached. */
export class OutcomeTally {
  private readonly byLabel = new Map<string, Map<string, number>>();

  count(label: string, outcome: string): void {
    const outcomes = this.byLabel.get(label) ?? new Map<string, number>();
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    this.byLabel.set(label, outcomes);
  }

  /** One line per label: `createMeeting: 310 (ok 61, BAD_USER_INPUT 210, …)`. */
  summary(): string {
    return [...this.byLabel.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, outcomes]) => {
        const total = [...outcomes.values()].reduce((sum, count) => sum + count, 0);
        const parts = [...outcomes.entries()].sort(([, a], [, b]) => b - a).map(([outcome, count]) => `${outcome} ${count}`);
        return `  ${label}: ${total} (${parts.join(', ')})`;
      })
      .join('\n');
  }
}
