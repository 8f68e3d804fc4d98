/**
 * The shape of every aggregate (ARCHITECTURE §3). `decide` is pure: it returns the events that
 * record the command's effect, or the domain error (an OmniError) that refuses it. It never throws
 * for a business rule, so specs and command handlers treat a refusal as a value.
 */
export interface Decider<Command, Event, State, Refusal = Error> {
  readonly initialState: State;
  decide(command: Command, state: State): readonly Event[] | Refusal;
  evolve(state: State, event: Event): State;
  /**
   * Opt-in snapshots for long streams: a name for the state's shape (change it when the shape
   * changes, and old snapshots are ignored). The state must survive JSON.
   */
  readonly snapshotKey?: string;
}

/** Events as deciders see them: a snake_case `type` and its data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}
