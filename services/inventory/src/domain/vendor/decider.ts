import { ConflictError, type Decider, type OmniError, type inventory } from '@omni/contracts';

export type VendorCommand = {
  readonly type: 'CreateVendor';
  readonly vendorId: string;
  readonly code: string;
  readonly name: string;
};

export type VendorState =
  { readonly status: 'absent' } | { readonly status: 'active'; readonly code: string; readonly name: string };

export const vendorDecider: Decider<VendorCommand, inventory.VendorEvent, VendorState, OmniError> = {
  initialState: { status: 'absent' },

  decide(command, state) {
    switch (command.type) {
      case 'CreateVendor':
        if (state.status !== 'absent') {
          return new ConflictError('vendor_exists', 'This vendor already exists');
        }
        return [
          {
            type: 'created',
            data: { vendorId: command.vendorId, code: command.code, name: command.name },
          },
        ];
      default:
        return assertNever(command.type);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'created':
        return { status: 'active', code: event.data.code, name: event.data.name };
      default:
        return state;
    }
  },
};

function assertNever(value: never): never {
  throw new Error(`unhandled command ${String(value)}`);
}
