// Inventory's read side as a library: what another process (the gateway) may run against inventory's
// read models instead of asking inventory over NATS. Inventory owns this code and its tables; the
// reader only reads (docs/adr/0010-gateway-reads-inventory-read-models.md).
export {
  INVENTORY_SCHEMA,
  createProductDetailsReader,
  type ProductDetailsReader,
} from './product-details.js';
