import { ConflictError, NotFoundError, type Decider, type OmniError, type inventory } from '@omni/contracts';

export type VendorCommand =
  | {
      readonly type: 'CreateVendor';
      readonly vendorId: string;
      readonly code: string;
      readonly name: string;
    }
  | {
      readonly type: 'UpdateVendor';
      readonly vendorId: string;
      readonly changes: inventory.UpdateVendorInput;
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
      case 'UpdateVendor': {
        if (state.status === 'absent') return new NotFoundError('Vendor not found', 'vendor_not_found');
        // Only what really changes is an event: repeating a rename publishes nothing.
        const changes =
          command.changes.name !== undefined && command.changes.name !== state.name
            ? { name: command.changes.name }
            : {};
        if (Object.keys(changes).length === 0) return [];
        return [{ type: 'updated', data: { vendorId: command.vendorId, changes } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'created':
        return { status: 'active', code: event.data.code, name: event.data.name };
      case 'updated':
        return state.status === 'active' ? { ...state, name: event.data.changes.name ?? state.name } : state;
      default:
        return state;
    }
  },
};

function assertNever(value: never): never {
  throw new Error(`unhandled command ${JSON.stringify(value)}`);
}
