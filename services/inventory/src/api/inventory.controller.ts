import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PageQuery, parseWith, rpcSubject, type RpcRequest, inventory as contracts } from '@omni/contracts';
import { z } from 'zod';
import type { Inventory } from '../application/context.js';
import { createLocation } from '../application/locations.js';
import { createVendor, updateVendor } from '../application/vendors.js';
import { scopeListQuery, vendorScopeOf } from '../application/vendor-scope.js';
import {
  adjustStock,
  getProduct,
  receiveStock,
  registerProduct,
  transferStock,
  updateProduct,
} from '../application/products.js';
import { closeReservation, getReservation, reserveStock } from '../application/reservations.js';
import { listLocations } from '../projections/locationList/query.js';
import { listMovements } from '../projections/movementHistory/query.js';
import { listOpenReservations } from '../projections/openReservations/query.js';
import { listProducts } from '../projections/productList/query.js';
import { listVendors } from '../projections/vendorList/query.js';

export const INVENTORY = Symbol('Inventory');

const rpc = (name: string) => rpcSubject('inventory', name);
const RPC = contracts.INVENTORY_RPC;
const ProductId = z.object({ productId: z.uuid() });
const VendorId = z.object({ vendorId: z.uuid() });
const OrderId = z.object({ orderId: z.uuid() });
const withProductId = <S extends z.ZodObject>(body: S) => ProductId.extend({ body });

// Request schemas are built once, here: zod compiles an object schema on its first parse, so one
// built per request (`.extend` in the handler) cost more than the parse itself.
const UpdateVendorRequest = VendorId.extend({ body: contracts.UpdateVendorInput });
const UpdateProductRequest = withProductId(contracts.UpdateProductInput);
const ReceiveStockRequest = withProductId(contracts.ReceiveStockInput);
const AdjustStockRequest = withProductId(contracts.AdjustStockInput);
const TransferStockRequest = withProductId(contracts.TransferStockInput);
const MovementsQuery = PageQuery.extend(ProductId.shape);

/**
 * `rpc.inventory.<name>` handlers. The gateway has validated and authorised the request already;
 * inputs are parsed again here because the service must not trust what crosses the wire.
 */
@Controller()
export class InventoryController {
  constructor(@Inject(INVENTORY) private readonly inventory: Inventory) {}

  @MessagePattern(rpc(RPC.createLocation))
  createLocation(@Payload() { input, context }: RpcRequest) {
    return createLocation(this.inventory, parseWith(contracts.CreateLocationInput, input), context);
  }

  @MessagePattern(rpc(RPC.listLocations))
  listLocations(@Payload() { input }: RpcRequest) {
    return listLocations(this.inventory.pool, this.inventory.schema, parseWith(PageQuery, input));
  }

  @MessagePattern(rpc(RPC.createVendor))
  createVendor(@Payload() { input, context }: RpcRequest) {
    return createVendor(this.inventory, parseWith(contracts.CreateVendorInput, input), context);
  }

  @MessagePattern(rpc(RPC.updateVendor))
  updateVendor(@Payload() { input, context }: RpcRequest) {
    const { vendorId, body } = parseWith(UpdateVendorRequest, input);
    return updateVendor(this.inventory, vendorId, body, context);
  }

  @MessagePattern(rpc(RPC.listVendors))
  listVendors(@Payload() { input }: RpcRequest) {
    return listVendors(this.inventory.pool, this.inventory.schema, parseWith(PageQuery, input));
  }

  @MessagePattern(rpc(RPC.registerProduct))
  registerProduct(@Payload() { input, context }: RpcRequest) {
    return registerProduct(this.inventory, parseWith(contracts.RegisterProductInput, input), context);
  }

  @MessagePattern(rpc(RPC.updateProduct))
  updateProduct(@Payload() { input, context }: RpcRequest) {
    const { productId, body } = parseWith(UpdateProductRequest, input);
    return updateProduct(this.inventory, productId, body, context);
  }

  @MessagePattern(rpc(RPC.getProduct))
  getProduct(@Payload() { input, context }: RpcRequest) {
    return getProduct(this.inventory, parseWith(ProductId, input).productId, context);
  }

  @MessagePattern(rpc(RPC.listProducts))
  listProducts(@Payload() { input, context }: RpcRequest) {
    const query = scopeListQuery(parseWith(contracts.ListProductsQuery, input), context);
    return listProducts(this.inventory.pool, this.inventory.schema, query);
  }

  @MessagePattern(rpc(RPC.receiveStock))
  receiveStock(@Payload() { input, context }: RpcRequest) {
    const { productId, body } = parseWith(ReceiveStockRequest, input);
    return receiveStock(this.inventory, productId, body, context);
  }

  @MessagePattern(rpc(RPC.adjustStock))
  adjustStock(@Payload() { input, context }: RpcRequest) {
    const { productId, body } = parseWith(AdjustStockRequest, input);
    return adjustStock(this.inventory, productId, body, context);
  }

  @MessagePattern(rpc(RPC.transferStock))
  transferStock(@Payload() { input, context }: RpcRequest) {
    const { productId, body } = parseWith(TransferStockRequest, input);
    return transferStock(this.inventory, productId, body, context);
  }

  @MessagePattern(rpc(RPC.listMovements))
  async listMovements(@Payload() { input, context }: RpcRequest) {
    const { productId, ...page } = parseWith(MovementsQuery, input);
    if (vendorScopeOf(context) !== undefined) await getProduct(this.inventory, productId, context);
    return listMovements(this.inventory.pool, this.inventory.schema, productId, page);
  }

  @MessagePattern(rpc(RPC.listOpenReservations))
  async listOpenReservations(@Payload() { input, context }: RpcRequest) {
    const { productId, limit } = parseWith(contracts.ListOpenReservationsInput, input);
    if (vendorScopeOf(context) !== undefined) await getProduct(this.inventory, productId, context);
    return listOpenReservations(this.inventory.pool, this.inventory.schema, productId, limit);
  }

  @MessagePattern(rpc(RPC.reserveStock))
  reserveStock(@Payload() { input, context }: RpcRequest) {
    return reserveStock(this.inventory, parseWith(contracts.ReserveStockInput, input), context);
  }

  @MessagePattern(rpc(RPC.releaseReservation))
  releaseReservation(@Payload() { input, context }: RpcRequest) {
    return closeReservation(this.inventory, parseWith(OrderId, input).orderId, 'release', context);
  }

  @MessagePattern(rpc(RPC.commitReservation))
  commitReservation(@Payload() { input, context }: RpcRequest) {
    return closeReservation(this.inventory, parseWith(OrderId, input).orderId, 'commit', context);
  }

  @MessagePattern(rpc(RPC.getReservation))
  getReservation(@Payload() { input }: RpcRequest) {
    return getReservation(this.inventory, parseWith(OrderId, input).orderId);
  }
}
